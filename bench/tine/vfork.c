/* SPDX-License-Identifier: 0BSD */
/*
 * bench/tine/vfork.c — vfork + exit + wait through tine: tine_vfork,
 * tine_exit in the child (the only kind of call a vfork child may make
 * besides execve), tine_wait.
 *
 *   vfork [N]      prints the nanoseconds per vfork + wait, over N of them
 */
#include "bench.h"

static void once(void)
{
    int pid = tine_vfork(), status;

    if (pid == 0)
        tine_exit(0);
    if (pid < 0 || tine_wait(pid, &status) != pid)
        bench_fail("tine_vfork", pid);
}

int main(int argc, char **argv)
{
    return bench_loop(argc, argv, 500, 5, once);
}
