/* SPDX-License-Identifier: 0BSD */
/*
 * t-futex: wait, wake, timeouts; and the shared forms across two processes
 * that map the same MAP_SHARED page, where a private wake reaches no one.
 */
#include "t.h"

static int word, woken;

static int waiter(void *arg)
{
    (void)arg;
    while (__atomic_load_n(&word, __ATOMIC_ACQUIRE) == 0)
        tine_futex_wait(&word, 0);
    __atomic_add_fetch(&woken, 1, __ATOMIC_SEQ_CST);
    return 0;
}

/*
 * A child sleeps in a shared wait on a word of a MAP_SHARED page until the
 * word is 1. The parent wakes it with shared wakes until one reports a
 * waiter (so the child was asleep, in the other process), having first
 * tried a private wake each time, which must find no one: the kernel keys
 * a private futex on this process's address space.
 */
static void across_processes(void)
{
    int *page = tine_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int pid, status = -1, woke = 0, private_woke = 0, tries;

    CHECK(!tine_is_err(page), "map a shared page");
    if (tine_is_err(page))
        return;
    pid = tine_fork();
    if (pid == 0) {
        int r = tine_futex_wait_timeout_shared(&page[3], 0, 0, 10 * 1000 * 1000);

        page[1] = r == -ETIMEDOUT;                 /* the timed form times out (no one wakes page[3]) */
        while (__atomic_load_n(&page[0], __ATOMIC_ACQUIRE) == 0) {
            r = tine_futex_wait_shared(&page[0], 0);
            if (r != 0 && r != -EAGAIN && r != -EINTR)
                tine__exit(3);
        }
        tine__exit(0);
    }
    CHECK(pid > 0, "fork a waiter (%d)", pid);
    if (pid < 0)
        return;
    for (tries = 0; tries < 5000 && !woke; tries++) {
        private_woke += tine_futex_wake(&page[0], 1);
        woke = tine_futex_wake_shared(&page[0], 1);
        if (!woke)
            tine_nanosleep(0, 1000000);
    }
    CHECK_EQ(woke, 1, "a shared wake in the parent woke the child's shared wait");
    CHECK_EQ(private_woke, 0, "a private wake never reached the other process");
    __atomic_store_n(&page[0], 1, __ATOMIC_RELEASE);
    tine_futex_wake_shared(&page[0], 1);
    CHECK_EQ(tine_wait(pid, &status), pid, "reap the child");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child saw the word change and exited 0 (%#x)", status);
    CHECK_EQ(page[1], 1, "the shared timed wait timed out in the child");
    tine_munmap(page, 4096);
}

int main(void)
{
    tine_thread *t[3];
    int n = 0, w = 1;

    t_qemu();
    CHECK_EQ(tine_futex_wait(&w, 2), -EAGAIN, "wait with the wrong value: -EAGAIN at once");
    CHECK_EQ(tine_futex_wait_timeout(&w, 1, 0, 20 * 1000 * 1000), -ETIMEDOUT, "wait 20 ms: -ETIMEDOUT");
    CHECK_EQ(tine_futex_wake(&w, 1), 0, "wake with no one waiting: 0");
    for (int i = 0; i < 3; i++)
        CHECK_EQ(tine_thread_spawn(&t[i], waiter, 0, 0), 0, "spawn a waiter");
    /* Wake until all three have been woken at least once; the count is what the kernel reports. */
    __atomic_store_n(&word, 1, __ATOMIC_RELEASE);
    for (int tries = 0; tries < 2000 && __atomic_load_n(&woken, __ATOMIC_ACQUIRE) < 3; tries++) {
        int k = tine_futex_wake(&word, 3);
        if (k < 0 || k > 3) {
            CHECK(0, "wake returned %d", k);
            break;
        }
        n += k;
        tine_nanosleep(0, 1000000);
    }
    CHECK(n <= 3, "wake never reported more than the three waiters (%d)", n);
    for (int i = 0; i < 3; i++)
        tine_thread_join(t[i], 0);
    CHECK_EQ(woken, 3, "all three waiters went on");

    CHECK_EQ(tine_futex_wait_shared(&w, 2), -EAGAIN, "shared wait with the wrong value: -EAGAIN");
    CHECK_EQ(tine_futex_wait_timeout_shared(&w, 1, 0, -1), -EINVAL, "shared wait, nsec -1: -EINVAL");
    CHECK_EQ(tine_futex_wake_shared(&w, 1), 0, "shared wake with no one waiting: 0");
    across_processes();
    return t_done();
}
