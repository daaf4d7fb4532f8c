/* SPDX-License-Identifier: 0BSD */
/*
 * bench/tine/many.c — N threads alive at once on 16 KiB stacks, through
 * tine, every thread parked on one futex word. Then the memory each costs
 * (VmRSS before and after, over N) and the time to release and join them
 * all.
 *
 *   many [N]       prints the join nanoseconds per thread, then the RSS bytes per thread
 */
#include "bench.h"

#define MAX 100000

static tine_thread *threads[MAX];
static int go, parked;

static int park(void *arg)
{
    (void)arg;
    __atomic_add_fetch(&parked, 1, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        tine_futex_wait(&go, 0);
    return 0;
}

/* A field of /proc/self/status ("VmRSS:", "VmSize:"), in KiB. */
static long status_kib(const char *field)
{
    static char buf[4096];
    long n = 0, r, v = 0;
    int fd = tine_open("/proc/self/status", O_RDONLY, 0);
    const char *p = buf;
    size_t len = strlen(field);

    if (fd < 0)
        bench_fail("/proc/self/status", fd);
    while (n < (long)sizeof buf - 1 && (r = tine_read(fd, buf + n, sizeof buf - 1 - (size_t)n)) > 0)
        n += r;
    buf[n] = 0;
    tine_close(fd);
    while (*p && memcmp(p, field, len) != 0)
        p++;
    for (p += *p ? len : 0; *p == ' ' || *p == '\t'; p++)
        ;
    while (*p >= '0' && *p <= '9')
        v = v * 10 + (*p++ - '0');
    return v;
}

int main(int argc, char **argv)
{
    static const struct tine_thread_opts opts = { .stack_size = 16 * 1024 };
    long n = bench_arg(argc, argv, 30000), rss0, rss1, rss2, vm0, vm2, t0, ns;

    if (n > MAX)
        n = MAX;
    memset(threads, 0xff, n * sizeof *threads);    /* its pages are not the threads' cost */
    rss0 = status_kib("VmRSS:");
    vm0 = status_kib("VmSize:");
    for (long i = 0; i < n; i++) {
        int e = tine_thread_spawn(&threads[i], park, 0, &opts);
        if (e < 0)
            bench_fail("tine_thread_spawn", e);
    }
    while (__atomic_load_n(&parked, __ATOMIC_ACQUIRE) < n)
        tine_sched_yield();
    rss1 = status_kib("VmRSS:");
    t0 = bench_now_ns();
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    tine_futex_wake(&go, 0x7fffffff);
    for (long i = 0; i < n; i++)
        tine_thread_join(threads[i], 0);
    ns = (bench_now_ns() - t0) / n;
    rss2 = status_kib("VmRSS:");
    vm2 = status_kib("VmSize:");
    tine_printf("%ld %ld %ld %ld %ld\n", ns, (rss1 - rss0) * 1024 / n, (rss2 - rss0) * 1024,
                (vm2 - vm0) * 1024, (long)TINE_STACK_CACHE_DEFAULT);
    return 0;
}
