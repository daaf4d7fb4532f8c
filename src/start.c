/* SPDX-License-Identifier: 0BSD */
/*
 * src/start.c — portable start-up, called once by the arch's _start.
 */
#include "internal.h"

int main(int argc, char **argv, char **envp);

/*
 * What runs before main, in linker.ld's order: tine's start-up (TINE_INIT
 * in internal.h), then the program's .preinit_array and .init_array.
 */
extern tine_init_fn __tine_init_start[], __tine_init_end[];

/*
 * sp points at what the kernel put on the stack at exec: argc, argv[],
 * NULL, envp[], NULL, then the auxiliary vector (type, value) pairs.
 * Start-up does what the parts the program links have asked for, and the
 * program's constructors: hello has neither, and runs an empty loop.
 * Each gets (argc, argv, envp), as glibc gives its constructors; one
 * declared (void) ignores them. tine_exit runs the destructors (fini.c).
 */
_Noreturn void __tine_start_c(long *sp)
{
    int     argc = (int)sp[0];
    char  **argv = (char **)(sp + 1);
    char  **envp = argv + argc + 1;

    for (tine_init_fn *f = __tine_init_start; f < __tine_init_end; f++)
        (*f)(argc, argv, envp);
    tine_exit(main(argc, argv, envp));
}
