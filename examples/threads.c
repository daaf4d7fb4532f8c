/* SPDX-License-Identifier: 0BSD */
/*
 * threads.c — four threads share one counter and one address space.
 *
 * Each thread is a clone with VM, FS, FILES, SIGHAND, THREAD and SYSVSEM:
 * same pid, its own tid, its own 64 KiB stack with a guard page below.
 * Each adds its part of 1..1000000 to a shared total with an atomic add;
 * main joins them and checks the sum, n(n+1)/2, and that all five share
 * one pid with five distinct tids.
 */
#include <tine.h>

#define THREADS 4
#define N       1000000LL

static long long total;
static int pids[THREADS], tids[THREADS];       /* what each thread saw */

static int worker(void *arg)
{
    long part = (long)arg;
    long long sum = 0;

    for (long long i = part * (N / THREADS) + 1; i <= (part + 1) * (N / THREADS); i++)
        sum += i;
    __atomic_add_fetch(&total, sum, __ATOMIC_SEQ_CST);
    pids[part] = tine_getpid();
    tids[part] = tine_gettid();
    tine_printf("  thread %ld: pid %d, tid %d, added %lld\n", part, tine_getpid(), tine_gettid(), sum);
    return (int)part;
}

int main(void)
{
    tine_thread *t[THREADS];

    tine_printf("main: pid %d, tid %d\n", tine_getpid(), tine_thread_tid(tine_thread_self()));
    for (long i = 0; i < THREADS; i++) {
        int e = tine_thread_spawn(&t[i], worker, (void *)i, 0);
        if (e) {
            tine_dprintf(2, "spawn: %s\n", tine_strerror(e));
            return 1;
        }
    }
    for (int i = 0; i < THREADS; i++) {
        int ret;
        tine_thread_join(t[i], &ret);
    }
    /* One pid, five tids: every thread's pid is main's, every tid its own. */
    int shared = 1, main_tid = tine_thread_tid(tine_thread_self());

    for (int i = 0; i < THREADS; i++) {
        shared &= pids[i] == tine_getpid() && tids[i] != main_tid && tids[i] != pids[i];
        for (int j = 0; j < i; j++)
            shared &= tids[i] != tids[j];
    }
    tine_printf("main: one pid, %d distinct tids: %s\n", THREADS + 1, shared ? "yes" : "NO");
    tine_printf("main: total %lld, expected %lld: %s\n", total, N * (N + 1) / 2,
                total == N * (N + 1) / 2 ? "right" : "WRONG");
    return shared && total == N * (N + 1) / 2 ? 0 : 1;
}
