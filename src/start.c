/* SPDX-License-Identifier: 0BSD */
/*
 * src/start.c — portable start-up, called once by the arch's _start.
 */
#include "internal.h"

int main(int argc, char **argv, char **envp);

/* The registered start-up functions (TINE_INIT in internal.h), in linker.ld's order. */
extern const tine_init_fn __tine_init_start[], __tine_init_end[];

/*
 * sp points at what the kernel put on the stack at exec: argc, argv[],
 * NULL, envp[], NULL, then the auxiliary vector (type, value) pairs.
 * Start-up does only what every program needs, then what the parts the
 * program links have asked for: hello asks for nothing.
 */
_Noreturn void __tine_start_c(long *sp)
{
    int     argc = (int)sp[0];
    char  **argv = (char **)(sp + 1);
    char  **envp = argv + argc + 1;
    char  **p = envp;

    while (*p)
        p++;
    for (const tine_init_fn *f = __tine_init_start; f < __tine_init_end; f++)
        (*f)(envp, (unsigned long *)(p + 1));
    tine_exit(main(argc, argv, envp));
}
