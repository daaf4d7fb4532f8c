/* SPDX-License-Identifier: 0BSD */
/*
 * clone-raw.c — the system call itself, returning twice.
 *
 * tine_clone_raw is clone(2) with no C around it: with no stack, the child
 * continues from the same call on a copy of the caller's stack, like fork,
 * and gets 0 where the parent gets the child's tid. Run it with
 * TINE_TRACE=1 (make demo does) and tine prints the fork it makes through
 * tine_fork and a thread's clone, with the arguments in the order this architecture's kernel
 * takes them: x86_64's flags, stack, ptid, ctid, tls; CLONE_BACKWARDS's
 * flags, stack, ptid, tls, ctid on i386, arm, aarch64 and riscv64;
 * CLONE_BACKWARDS2's stack, flags, ptid, ctid, tls on s390x.
 */
#include <tine.h>

static int where = 1;           /* each process has its own copy after the clone */

static int quiet(void *arg)
{
    (void)arg;
    return 0;
}

int main(void)
{
    int status, pid;
    long r = tine_clone_raw(SIGCHLD, 0, 0, 0, 0);

    if (r < 0) {
        tine_dprintf(2, "clone-raw: %s\n", tine_strerror((int)r));
        return 1;
    }
    if (r == 0) {               /* the second return: the child */
        where = 2;
        tine_printf("  child:  clone returned 0; I am pid %d, where = %d\n", tine_getpid(), where);
        tine_exit(0);
    }
    tine_wait((int)r, &status);
    tine_printf("  parent: clone returned %ld, the child's pid; where is still %d here\n", r, where);

    /* The same through tine_fork, which TINE_TRACE=1 shows as the kernel sees it. */
    pid = tine_fork();
    if (pid == 0)
        tine_exit(0);
    tine_wait(pid, &status);

    /* And a thread, whose clone uses every argument: ptid, ctid and tls land in different places. */
    tine_thread *t;
    if (tine_thread_spawn(&t, quiet, 0, 0) != 0 || tine_thread_join(t, 0) != 0)
        return 1;
    tine_printf("One call, two returns: 0 in the child, the pid in the parent.\n");
    return where == 1 && WIFEXITED(status) ? 0 : 1;
}
