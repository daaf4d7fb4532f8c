/* SPDX-License-Identifier: 0BSD */
/*
 * fork.c — the lecture's fork program (second seed), on tine.
 *
 * fork returns twice: in the parent with the child's pid, in the child with
 * 0. Each side asks the kernel who it is; the child's "perceived" pid is
 * the "real" pid the parent was handed. tine_fork is clone(SIGCHLD), just
 * as glibc's fork is a clone underneath (strace -f shows it).
 */
#include <tine.h>

int main(void)
{
    int pid, status, me = tine_getpid();

    tine_printf("Parent's perceived PID: %d\n", me);
    pid = tine_fork();
    if (pid < 0) {
        tine_dprintf(2, "fork failed: %s\n", tine_strerror(pid));
        return 1;
    }
    if (pid == 0) {
        tine_printf("Child's perceived PID: %d (its parent: %d)\n", tine_getpid(), tine_getppid());
        return tine_getppid() == me ? 0 : 1;    /* the parent's pid as the child sees it */
    }
    tine_printf("Child's real PID: %d\n", pid);
    /* The kernel names the child that ended: the pid fork returned. */
    if (tine_wait(pid, &status) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return 1;
    tine_printf("Child %d exited with status %d\n", pid, WEXITSTATUS(status));
    return 0;
}
