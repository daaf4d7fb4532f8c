/* SPDX-License-Identifier: 0BSD */
/*
 * bench/libc/fork.c — fork + wait through the C library: fork, _exit in
 * the child, waitpid.
 *
 *   fork [N]       prints the nanoseconds per fork + wait, over N of them
 */
#include "bench.h"
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

static void once(void)
{
    pid_t pid = fork();
    int status;

    if (pid == 0)
        _exit(0);
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        bench_fail("fork", errno);
}

int main(int argc, char **argv)
{
    return bench_loop(argc, argv, 500, 5, once);
}
