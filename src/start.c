/*
 * src/start.c — portable start-up, called once by the arch's _start.
 */
#include "internal.h"

char          **__tine_environ;
unsigned long  *__tine_auxv;

int main(int argc, char **argv, char **envp);

#pragma weak __tine_watch_start     /* present only when tine_clone is linked */
#pragma weak __tine_trace_init      /* present only when the tracer is */

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
    if (__tine_ssp_init)        /* before any protected frame: main's is the first */
        __tine_ssp_init();
    if (__tine_self_init)
        __tine_self_init();
    if (__tine_trace_init)      /* TINE_TRACE=1: see <tine/trace.h> */
        __tine_trace_init();
    if (__tine_watch_start)     /* linked by tine_clone, so by every spawn */
        __tine_watch_start();
    tine_exit(main(argc, argv, envp));
}
