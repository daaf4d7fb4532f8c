/* SPDX-License-Identifier: 0BSD */
/*
 * bench/tine/fork.c — fork + wait through tine: tine_fork, tine_exit in
 * the child, tine_wait.
 *
 *   fork [N]       prints the nanoseconds per fork + wait, over N of them
 */
#include "bench.h"

static void once(void)
{
    int pid = tine_fork(), status;

    if (pid == 0)
        tine_exit(0);
    if (pid < 0 || tine_wait(pid, &status) != pid)
        bench_fail("tine_fork", pid);
}

int main(int argc, char **argv)
{
    return bench_loop(argc, argv, 500, 5, once);
}
