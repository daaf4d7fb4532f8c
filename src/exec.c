/* SPDX-License-Identifier: 0BSD */
/*
 * src/exec.c — run a program in a new process, posix_spawn-style, and say
 * whether the exec itself worked.
 *
 * tine_vfork: the parent sleeps while the child borrows its memory and
 * stack until execve succeeds (or the child exits), so nothing is copied.
 * The child may only call execve, write and exit: no return from here.
 *
 * Whether the exec worked comes back in memory: the child, sharing ours,
 * writes STARTED into `report` before it calls execve and the error over
 * it if execve returns. When the parent wakes, the child has exec'd or
 * exited, so report says which. No file descriptor is involved, so none
 * can be copied into a child that another thread forks meanwhile (a pipe's
 * write end, copied so, held the parent's read until that child ended).
 *
 * Under qemu-user, vfork is a plain fork (docs/qemu-user.md): the parent
 * does not sleep and sees report still 0. For that case only, a pipe made
 * before the vfork carries the child's error, closed by execve
 * (O_CLOEXEC): end-of-file says the exec worked. The parent closes its
 * write end as soon as vfork returns, so another thread's fork can copy it
 * only in that short window (pipe2 to close), not for the child's whole
 * run up to exec as before; a fork in the window makes the read wait for
 * that fork's child to exec or exit. Once a vfork has been seen to share
 * memory, later calls make no pipe at all.
 */
#include "internal.h"

#define STARTED 1

static int vfork_shares;        /* 1: tine_vfork was seen to share memory (no pipe needed) */

int tine_spawn_exec(const char *path, char *const argv[], char *const envp[])
{
    volatile int report = 0;    /* the child writes here, through our shared memory */
    int fd[2] = { -1, -1 }, pid, err = 0;
    long n;

    if (!path || !argv)
        return -EINVAL;
    if (!__atomic_load_n(&vfork_shares, __ATOMIC_RELAXED) &&
        (n = tine_syscall2(__NR_pipe2, (long)fd, O_CLOEXEC)) < 0)
        return (int)n;
    pid = tine_vfork();
    if (pid == 0) {
        report = STARTED;
        int e = tine_execve(path, argv, envp ? envp : __tine_environ);
        report = e;
        if (fd[1] >= 0)
            tine_write(fd[1], &e, sizeof e);
        tine__exit(127);     /* not tine_exit: the parent's destructors are not the child's to run */
    }
    if (fd[1] >= 0)
        tine_close(fd[1]);
    if (pid > 0 && report != 0) {               /* shared memory: the answer is here */
        __atomic_store_n(&vfork_shares, 1, __ATOMIC_RELAXED);
        err = report;
    } else if (pid > 0) {                       /* a vfork that copied (qemu-user): the pipe */
        do
            n = tine_read(fd[0], &err, sizeof err);
        while (n == -EINTR);
        if (n != sizeof err)
            err = 0;
    }
    if (fd[0] >= 0)
        tine_close(fd[0]);
    if (pid > 0 && err < 0) {
        tine_wait(pid, 0);                      /* the child that exits 127: reaped here */
        pid = err;
    }
    return pid;
}
