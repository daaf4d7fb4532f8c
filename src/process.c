/* SPDX-License-Identifier: 0BSD */
/*
 * src/process.c — fork and wait. tine_spawn is in spawn.c: a program that
 * only forks must not link tine_clone, and with it the overflow handler.
 */
#include "internal.h"

/*
 * SIGCHLD alone: qemu-user accepts no other exit signal for a fork. The
 * child writes nothing on its way out of here (its thread descriptor's tid
 * is asked of the kernel when wanted: thread.c), so a child that exits at
 * once copies no page but the stack's.
 *
 * Weak: a program with the stack cache links stack.c's, which holds the
 * cache's lock across the clone (a fork from one thread while another
 * held it would leave the child's copy locked forever). A program that
 * only forks has no lock to hold and carries none of that.
 */
__attribute__((weak)) long __tine_fork_clone(void)
{
    return tine_clone_raw(SIGCHLD, 0, 0, 0, 0);
}

int tine_fork(void)
{
    return (int)__tine_fork_clone();                     /* traced by the stub, in the parent */
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
