/* SPDX-License-Identifier: 0BSD */
/*
 * t-pidfd: pidfd_open, signalling through a pidfd, and reaping through
 * waitid(P_PIDFD), natively and under qemu-user.
 */
#include "t.h"

static int parked(void *arg)
{
    (void)arg;
    for (;;)
        tine_nanosleep(1, 0);
    return 0;
}

static int exits(void *arg)
{
    return (int)(long)arg;
}

int main(void)
{
    int status = -1, pid, fd;

    t_qemu();
    pid = tine_spawn(parked, 0, 0);
    fd = tine_pidfd_open(pid, 0);
    CHECK(pid > 0 && fd >= 0, "pidfd_open on a child: fd %d", fd);
    CHECK_EQ(tine_pidfd_send_signal(fd, SIGKILL, 0, 0), 0, "SIGKILL through the pidfd");
    CHECK_EQ(tine_pidfd_wait(fd, &status, 0, 0), pid, "waitid(P_PIDFD) reaps that child");
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "killed by SIGKILL (status %#x)", status);
    CHECK_EQ(tine_pidfd_send_signal(fd, SIGKILL, 0, 0), -ESRCH, "a signal to the reaped process");
    tine_close(fd);

    pid = tine_spawn(exits, (void *)3L, 0);
    fd = tine_pidfd_open(pid, 0);
    CHECK(tine_pidfd_wait(fd, &status, 0, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 3,
          "an exit code through the pidfd (status %#x)", status);
    tine_close(fd);

    CHECK_EQ(tine_pidfd_open(-1, 0), -EINVAL, "pidfd_open(-1)");
    CHECK_EQ(tine_pidfd_open(pid, 0), -ESRCH, "pidfd_open on a reaped pid");
    CHECK_EQ(tine_pidfd_open(tine_getpid(), 12345), -EINVAL, "unknown flags");
    CHECK_EQ(tine_pidfd_wait(-1, 0, 0, 0), -EINVAL, "waiting on fd -1");
    fd = tine_open("/", O_RDONLY, 0);
    CHECK_EQ(tine_pidfd_wait(fd, 0, 0, 0), -EBADF, "waiting on an fd that is no pidfd");
    tine_close(fd);
    return t_done();
}
