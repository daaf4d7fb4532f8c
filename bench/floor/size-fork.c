/* SPDX-License-Identifier: 0BSD */
/* bench/floor/size-fork.c — the size workload "fork + wait", raw: clone(SIGCHLD), wait4. */
#include "floor.h"

int main(void)
{
    long pid = tine_clone_raw(SIGCHLD, 0, 0, 0, 0);
    int status = 0;

    if (pid == 0)
        tine_syscall1(__NR_exit_group, 7);
    if (pid < 0 || tine_syscall4(__NR_wait4, pid, (long)&status, 0, 0) != pid)
        return 1;
    return (status >> 8 & 0xff) == 7 ? 0 : 1;      /* the exit status, as WEXITSTATUS reads it */
}
