/*
 * src/start.c — portable start-up, called once by the arch's _start.
 */
#include "internal.h"

char          **__tine_environ;
unsigned long  *__tine_auxv;

int main(int argc, char **argv, char **envp);

/*
 * sp points at what the kernel put on the stack at exec: argc, argv[],
 * NULL, envp[], NULL, then the auxiliary vector (type, value) pairs.
 * Start-up does only what every program needs; the rest (page size,
 * thread descriptor) is found lazily or only by programs that use it.
 */
_Noreturn void __tine_start_c(long *sp)
{
    int     argc = (int)sp[0];
    char  **argv = (char **)(sp + 1);
    char  **envp = argv + argc + 1;
    char  **p = envp;

    while (*p)
        p++;
    __tine_environ = envp;
    __tine_auxv = (unsigned long *)(p + 1);
    if (__tine_thread_init)
        __tine_thread_init();
    tine_exit(main(argc, argv, envp));
}
