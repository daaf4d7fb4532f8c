/* SPDX-License-Identifier: 0BSD */
/*
 * src/exec.c — run a program in a new process, posix_spawn-style, and say
 * whether the exec itself worked.
 *
 * tine_vfork: the parent sleeps while the child borrows its memory and
 * stack until execve succeeds (or the child exits), so nothing is copied.
 * The child may only call execve, write and exit: no return from here.
 * Whether the exec worked travels through a pipe that execve closes
 * (O_CLOEXEC): the parent reads end-of-file if it did, or the child's
 * errno if it did not. Under qemu-user, vfork is a fork, and the pipe
 * works the same.
 */
#include "internal.h"

int tine_spawn_exec(const char *path, char *const argv[], char *const envp[])
{
    int fd[2], pid, err = 0;
    long n;

    if (!path || !argv)
        return -EINVAL;
    if ((n = tine_syscall2(__NR_pipe2, (long)fd, O_CLOEXEC)) < 0)
        return (int)n;
    pid = tine_vfork();
    if (pid == 0) {
        int e = tine_execve(path, argv, envp ? envp : __tine_environ);
        tine_write(fd[1], &e, sizeof e);
        tine__exit(127);     /* not tine_exit: the parent's destructors are not the child's to run */
    }
    tine_close(fd[1]);
    if (pid > 0) {
        do
            n = tine_read(fd[0], &err, sizeof err);
        while (n == -EINTR);
        if (n == sizeof err && err < 0) {
            tine_wait(pid, 0);                  /* the child that exits 127: reaped here */
            pid = err;
        }
    }
    tine_close(fd[0]);
    return pid;
}
