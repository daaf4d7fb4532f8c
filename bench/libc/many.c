/* SPDX-License-Identifier: 0BSD */
/*
 * bench/libc/many.c — N threads alive at once on 16 KiB stacks, through
 * the C library, every thread parked on one futex word (the raw futex
 * call, as the floor and tine use, so that only thread creation, exit and
 * join differ). Then the memory each costs (VmRSS before and after, over
 * N) and the time to release and join them all.
 *
 *   many [N]       prints the join nanoseconds per thread, then the RSS bytes per thread
 */
#include "bench.h"
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MAX 100000

static pthread_t threads[MAX];
static int go, parked;

static void *park(void *arg)
{
    __atomic_add_fetch(&parked, 1, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        syscall(SYS_futex, &go, FUTEX_WAIT_PRIVATE, 0, NULL);
    return arg;
}

/* VmRSS from /proc/self/status, in KiB. */
static long rss_kib(void)
{
    char line[256];
    long v = 0;
    FILE *f = fopen("/proc/self/status", "r");

    if (!f)
        bench_fail("/proc/self/status", 0);
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld", &v) == 1)
            break;
    fclose(f);
    return v;
}

int main(int argc, char **argv)
{
    long n = bench_arg(argc, argv, 30000), rss0, rss1, t0;
    pthread_attr_t attr;

    if (n > MAX)
        n = MAX;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 16 * 1024 > PTHREAD_STACK_MIN ? 16 * 1024 : PTHREAD_STACK_MIN);
    memset(threads, 0xff, n * sizeof *threads);    /* its pages are not the threads' cost */
    rss_kib();                                      /* stdio's buffers, before the baseline */
    rss0 = rss_kib();
    for (long i = 0; i < n; i++) {
        int e = pthread_create(&threads[i], &attr, park, 0);
        if (e)
            bench_fail("pthread_create", e);
    }
    while (__atomic_load_n(&parked, __ATOMIC_ACQUIRE) < n)
        sched_yield();
    rss1 = rss_kib();
    t0 = bench_now_ns();
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    syscall(SYS_futex, &go, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
    for (long i = 0; i < n; i++)
        pthread_join(threads[i], 0);
    printf("%ld %ld\n", (bench_now_ns() - t0) / n, (rss1 - rss0) * 1024 / n);
    return 0;
}
