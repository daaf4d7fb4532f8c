/* SPDX-License-Identifier: 0BSD */
/*
 * bench/floor/vfork.c — vfork + exit + wait, the raw floor: the port's
 * vfork stub (assembly, which keeps its return address out of the shared
 * stack; no C can wrap vfork), exit_group in the child, wait4.
 *
 *   vfork [N]      prints the nanoseconds per vfork + wait, over N of them
 */
#include "floor.h"

static void once(void)
{
    int pid = tine_vfork(), status;

    if (pid == 0)
        tine_syscall1(__NR_exit_group, 0);
    if (pid < 0 || tine_syscall4(__NR_wait4, pid, (long)&status, 0, 0) != pid)
        tine_syscall1(__NR_exit_group, 1);
}

int main(int argc, char **argv)
{
    return floor_loop(argc, argv, 500, 5, once);
}
