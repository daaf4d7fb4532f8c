/* SPDX-License-Identifier: 0BSD */
/*
 * t-exec-race: tine_spawn_exec returns as soon as the exec has happened,
 * even while another thread forks children that live long. It used to
 * learn the exec's result through a pipe whose write end those forks
 * copied, and waited for them: 17 of 100 calls took the helper's lifetime.
 * Natively the answer now comes back through the vfork's shared memory:
 * no slow call, and no file descriptor needed at all (it works with every
 * fd taken). Under qemu-user, vfork copies memory (docs/qemu-user.md) and a
 * pipe is still used, open to other forks only from pipe2 to the close
 * right after the vfork: there every call must still give the right
 * answer, and with no fd free it is the pipe's -EMFILE.
 */
#include "t.h"

#define CALLS      100        /* natively; under qemu-user, which only reports, 10 */
#define HELPER_MS  400          /* how long each of the helper's children lives */
#define SLOW_MS    200

static int stop, forks, helper_pids[1024];

/* Forks a child that sleeps HELPER_MS about every millisecond, until told to stop. */
static int helper(void *unused)
{
    while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE) && forks < 1024) {
        int pid = tine_fork();

        if (pid == 0) {
            tine_nanosleep(0, HELPER_MS * 1000000L);
            tine_exit(0);
        }
        if (pid > 0)
            helper_pids[forks++] = pid;
        tine_nanosleep(0, 1000000);
    }
    return 0;
}

int main(int argc, char **argv)
{
    char *exit3[] = { "sh", "-c", "exit 3", 0 };
    char *self3[] = { "t-exec-race", "exit3", 0 };

    if (argc == 2 && strcmp(argv[1], "exit3") == 0)
        return 3;               /* re-run as a static program that needs no fd (sh needs several) */
    int qemu = t_qemu(), calls = qemu ? 10 : CALLS, status, pid, wrong = 0, slow = 0, ret;
    long worst = 0;
    tine_thread *t;

    CHECK_EQ(tine_thread_spawn(&t, helper, 0, 0), 0, "a helper thread that forks long-lived children");
    for (int i = 0; i < calls; i++) {
        long t0 = t_now_ms(), dt;

        pid = tine_spawn_exec("/bin/sh", exit3, 0);
        dt = t_now_ms() - t0;
        worst = dt > worst ? dt : worst;
        slow += dt >= SLOW_MS;
        status = -1;
        wrong += !(pid > 0 && tine_wait(pid, &status) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 3);
        wrong += i % 10 == 0 && tine_spawn_exec("/nonexistent/tine", exit3, 0) != -ENOENT;
    }
    __atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
    CHECK(tine_thread_join(t, &ret) == 0 && forks > 10, "the helper forked %d children meanwhile", forks);
    for (int i = 0; i < forks; i++)
        tine_wait(helper_pids[i], 0);
    CHECK_EQ(wrong, 0, "every call: pid of sh exiting 3, or ENOENT for a missing program");
    if (!qemu)
        CHECK(slow == 0, "no call waited for the helper's children: %d of %d took %d ms or more (worst %ld ms)",
              slow, calls, SLOW_MS, worst);
    else
        tine_printf("info qemu-user: %d of %d calls took %d ms or more (worst %ld ms): forks in the pipe window\n",
                    slow, calls, SLOW_MS, worst);

    /* No fd free: natively no pipe is needed; under qemu-user the pipe cannot be made. */
    struct rlimit few = { 16, 16 }, old;
    int fds = 0;
    tine_getrlimit(RLIMIT_NOFILE, &old);
    CHECK_EQ(tine_setrlimit(RLIMIT_NOFILE, &few), 0, "RLIMIT_NOFILE lowered to 16");
    int first = -1;
    for (int fd; (fd = (int)tine_syscall1(__NR_dup, 2)) >= 0; fds++)
        first = first < 0 ? fd : first;
    pid = tine_spawn_exec("/proc/self/exe", self3, 0);
    if (qemu) {
        CHECK_EQ(pid, -EMFILE, "qemu-user, no fd free: the pipe's EMFILE");
    } else {
        status = -1;
        int w = pid > 0 ? tine_wait(pid, &status) : pid;
        CHECK(w == pid && pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 3,
              "natively, no fd free: it runs this program again all the same (pid %d, status %#x)", pid, status);
        CHECK_EQ(tine_spawn_exec("/nonexistent/tine", self3, 0), -ENOENT, "and a missing program is still ENOENT");
    }
    for (int i = 0; i < fds; i++)
        tine_close(first + i);
    tine_setrlimit(RLIMIT_NOFILE, &old);
    return t_done();
}
