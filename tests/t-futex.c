/* SPDX-License-Identifier: 0BSD */
/* t-futex: wait, wake, timeouts. */
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
    return t_done();
}
