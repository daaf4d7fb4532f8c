/*
 * src/process.c — fork and wait. tine_spawn is in spawn.c: a program that
 * only forks must not link tine_clone, and with it the overflow handler.
 */
#include "internal.h"

/*
 * SIGCHLD: qemu-user accepts no other exit signal for a fork. Where the
 * program has a thread descriptor (self.c), CLONE_CHILD_SETTID has the
 * kernel write the child's tid into the child's copy of it: no gettid.
 */
int tine_fork(void)
{
    int *tid = __tine_self_atfork ? &((struct tine_thread *)tine_arch_tp())->tid : 0;
    unsigned long flags = SIGCHLD | (tid ? CLONE_CHILD_SETTID : 0);
    long r = tine_clone_raw(flags, 0, 0, tid, 0);

    if (__tine_tracing)         /* twice: "= pid" from the parent, "= 0" from the child */
        __tine_trace_clone(flags, 0, 0, tid, 0, r);
    return (int)r;
}

int tine_wait(int pid, int *status)
{
    long r;

    do
        r = tine_syscall4(__NR_wait4, pid, (long)status, __WALL, 0);
    while (r == -EINTR);
    if (__tine_tracing)
        __tine_trace_wait(0, pid, status, r);
    if (r > 0 && __tine_spawn_reaped)
        __tine_spawn_reaped((int)r);    /* a CLONE_VM spawn's stack can go now */
    return (int)r;
}
