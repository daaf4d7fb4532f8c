/* SPDX-License-Identifier: 0BSD */
/*
 * bench/libc/vfork.c — vfork + _exit + wait through the C library.
 *
 *   vfork [N]      prints the nanoseconds per vfork + wait, over N of them
 */
#include "bench.h"
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

static void once(void)
{
    pid_t pid = vfork();
    int status;

    if (pid == 0)
        _exit(0);
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        bench_fail("vfork", errno);
}

int main(int argc, char **argv)
{
    return bench_loop(argc, argv, 500, 5, once);
}
