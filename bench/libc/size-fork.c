/* SPDX-License-Identifier: 0BSD */
/* bench/libc/size-fork.c — the size workload "fork + wait" through the C library: fork, waitpid. */
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    pid_t pid = fork();
    int status = 0;

    if (pid == 0)
        _exit(7);
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return 1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 7 ? 0 : 1;
}
