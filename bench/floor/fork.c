/* SPDX-License-Identifier: 0BSD */
/*
 * bench/floor/fork.c — fork + wait, the raw floor: clone(SIGCHLD) through
 * the port's stub (the child continues at the call site and exit_groups at
 * once), then wait4.
 *
 *   fork [N]       prints the nanoseconds per fork + wait, over N of them
 */
#include "floor.h"

static void once(void)
{
    long pid = tine_clone_raw(SIGCHLD, 0, 0, 0, 0);
    int status;

    if (pid == 0)
        tine_syscall1(__NR_exit_group, 0);
    if (pid < 0 || tine_syscall4(__NR_wait4, pid, (long)&status, 0, 0) != pid)
        tine_syscall1(__NR_exit_group, 1);
}

int main(int argc, char **argv)
{
    return floor_loop(argc, argv, 500, 5, once);
}
