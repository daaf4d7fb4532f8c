/* SPDX-License-Identifier: 0BSD */
/*
 * bench/floor/many.c — N threads alive at once on 16 KiB stacks, the raw
 * floor: one mapping sliced into N stacks (no guards), a thread-flags clone
 * on each, every thread parked on one futex word. Then the memory each
 * costs (VmRSS before and after, over N) and the time to release and join
 * them all.
 *
 *   many [N]       prints the join nanoseconds per thread, then the RSS bytes per thread
 */
#include "floor.h"

#define STACK    (16 * 1024)
#define MAX      100000

static int alive[MAX];
static int go, parked;

static int park(void *arg)
{
    (void)arg;
    __atomic_add_fetch(&parked, 1, __ATOMIC_RELEASE);
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        tine_syscall4(FLOOR_NR_futex, (long)&go, FUTEX_WAIT_PRIVATE, 0, 0);
    return 0;
}

int main(int argc, char **argv)
{
    long n = floor_arg(argc, argv, 30000), rss0, rss1, t0;
    char *stacks;

    if (n > MAX)
        n = MAX;
    stacks = (char *)tine_syscall6(__NR_mmap, 0, n * STACK, PROT_READ | PROT_WRITE,
                                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if ((unsigned long)stacks >= -4095UL)
        return 1;
    for (long i = 0; i < n; i++)        /* the kernel's writes to alive[] touch its pages now */
        alive[i] = 1;
    rss0 = floor_rss_kib();
    for (long i = 0; i < n; i++)
        if (__tine_arch_clone(park, 0, FLOOR_THREAD, stacks + (i + 1) * STACK, 0, &alive[i], 0) < 0)
            return 2;
    while (__atomic_load_n(&parked, __ATOMIC_ACQUIRE) < n)
        tine_syscall0(__NR_sched_yield);
    rss1 = floor_rss_kib();
    t0 = floor_now_ns();
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    tine_syscall3(FLOOR_NR_futex, (long)&go, FUTEX_WAKE_PRIVATE, 0x7fffffff);
    for (long i = 0; i < n; i++)
        floor_join(&alive[i]);
    floor_put((floor_now_ns() - t0) / n, ' ');
    floor_put((rss1 - rss0) * 1024 / n, '\n');
    return 0;
}
