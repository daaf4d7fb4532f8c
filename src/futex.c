/* SPDX-License-Identifier: 0BSD */
/*
 * src/futex.c — the public futex calls (private: every waiter is in this
 * process; shared: across processes mapping the same page), and the two
 * <tine/sync.h> is built on, which take the private flag from the object
 * and a deadline on CLOCK_MONOTONIC.
 */
#include "internal.h"
#include <linux/futex.h>
#include <linux/time_types.h>   /* struct __kernel_timespec */

/* FUTEX_WAIT, private or shared, with a relative timeout (NULL: none). */
static int wait_for(int *addr, int expected, int private, const struct __kernel_timespec *ts)
{
    int op = FUTEX_WAIT | private;
    long r = tine_syscall4(NR_futex, (long)addr, op, expected, (long)ts);

    if (__tine_tracing)
        __tine_trace_futex(addr, op, expected, r);
    return (int)r;
}

static int wait_timeout(int *addr, int expected, int private, long sec, long nsec)
{
    struct __kernel_timespec ts = { sec, nsec };

    if (sec < 0 || nsec < 0 || nsec >= 1000000000L)
        return -EINVAL;
    return wait_for(addr, expected, private, &ts);
}

int tine_futex_wait(int *addr, int expected)
{
    return wait_for(addr, expected, FUTEX_PRIVATE_FLAG, 0);
}

int tine_futex_wait_timeout(int *addr, int expected, long sec, long nsec)
{
    return wait_timeout(addr, expected, FUTEX_PRIVATE_FLAG, sec, nsec);
}

int tine_futex_wake(int *addr, int count)
{
    return __tine_futex_wake_n(addr, count, FUTEX_PRIVATE_FLAG);
}

/*
 * The shared forms: no FUTEX_PRIVATE_FLAG, so the kernel keys the wait
 * queue on the page (its inode and offset, or the anonymous shared
 * mapping), which every process that maps it agrees on.
 */
int tine_futex_wait_shared(int *addr, int expected)
{
    return wait_for(addr, expected, 0, 0);
}

int tine_futex_wait_timeout_shared(int *addr, int expected, long sec, long nsec)
{
    return wait_timeout(addr, expected, 0, sec, nsec);
}

int tine_futex_wake_shared(int *addr, int count)
{
    return __tine_futex_wake_n(addr, count, 0);
}

/*
 * Sleeps while *addr == expected, until woken or until the absolute
 * CLOCK_MONOTONIC time *deadline (NULL: none): 0, -EAGAIN, -EINTR or
 * -ETIMEDOUT. FUTEX_WAIT_BITSET matching every waker is FUTEX_WAIT with an
 * absolute timeout, on CLOCK_MONOTONIC unless FUTEX_CLOCK_REALTIME is set,
 * so a caller that goes back to sleep after EINTR keeps its deadline.
 * NR_futex is futex_time64 on 32-bit ports: *deadline has 64-bit seconds
 * everywhere. private is 0 (a shared futex) or FUTEX_PRIVATE_FLAG.
 */
int __tine_futex_wait_until(void *addr, int expected, int private,
                            const struct __kernel_timespec *deadline)
{
    int op = FUTEX_WAIT_BITSET | private;
    long r = tine_syscall6(NR_futex, (long)addr, op, expected, (long)deadline, 0,
                           (long)FUTEX_BITSET_MATCH_ANY);

    if (__tine_tracing)
        __tine_trace_futex(addr, op, expected, r);
    return (int)r;
}

/* Wakes up to count waiters on addr, private or shared: how many woke. */
int __tine_futex_wake_n(void *addr, int count, int private)
{
    int op = FUTEX_WAKE | private;
    long r = tine_syscall3(NR_futex, (long)addr, op, count);

    if (__tine_tracing)
        __tine_trace_futex(addr, op, count, r);
    return (int)r;
}
