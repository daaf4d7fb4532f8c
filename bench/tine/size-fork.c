/* SPDX-License-Identifier: 0BSD */
/* bench/tine/size-fork.c — the size workload "fork + wait" through tine: tine_fork, tine_wait. */
#include <tine.h>

int main(void)
{
    int pid = tine_fork(), status = 0;

    if (pid == 0)
        tine_exit(7);
    if (pid < 0 || tine_wait(pid, &status) != pid)
        return 1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 7 ? 0 : 1;
}
