/* SPDX-License-Identifier: 0BSD */
/* t-fork: tine_fork returns twice, memory is separate, wait reports exits and signals. */
#include "t.h"

static int global = 1;

int main(void)
{
    int status = -1, me = tine_getpid(), fds[2];
    long r;
    int pid;

    t_qemu();
    CHECK_EQ(tine_syscall2(__NR_pipe2, (long)fds, 0), 0, "pipe2");

    pid = tine_fork();
    if (pid == 0) {
        int facts[3] = { tine_getpid(), tine_getppid(), tine_thread_tid(tine_thread_self()) };

        global = 2;                                 /* the parent must not see this */
        tine_write(fds[1], facts, sizeof facts);
        tine_exit(7);
    }
    CHECK(pid > 0, "fork returned a pid to the parent (%d)", pid);
    {
        int facts[3] = { 0, 0, 0 };

        r = tine_read(fds[0], facts, sizeof facts);
        CHECK_EQ(r, sizeof facts, "child's report arrived");
        CHECK_EQ(facts[0], pid, "child's getpid() is the pid fork returned");
        CHECK_EQ(facts[1], me, "child's getppid() is the parent");
        CHECK_EQ(facts[2], pid, "child's tine_thread_self() has the child's tid");
    }
    CHECK_EQ(tine_wait(pid, &status), pid, "wait returns the child's pid");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7, "child exited with 7 (status %#x)", status);
    CHECK_EQ(global, 1, "the child's write to a global stayed in the child");
    CHECK_EQ(tine_wait(pid, &status), -ECHILD, "a second wait: -ECHILD");
    CHECK_EQ(tine_wait(-1, 0), -ECHILD, "wait with no children and status NULL: -ECHILD");

    pid = tine_fork();
    if (pid == 0) {
        for (;;)
            tine_nanosleep(1, 0);
    }
    CHECK_EQ(tine_kill(pid, SIGTERM), 0, "kill the sleeping child");
    CHECK_EQ(tine_wait(pid, &status), pid, "wait for the killed child");
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
          "child died by SIGTERM (status %#x)", status);
    CHECK(!WIFEXITED(status), "a killed child did not exit");

    pid = tine_fork();
    if (pid == 0)
        tine_exit(0);
    CHECK_EQ(tine_wait(-1, &status), pid, "wait(-1) reaps any child");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "exit 0 (status %#x)", status);
    return t_done();
}
