/* SPDX-License-Identifier: 0BSD */
/*
 * src/futex.c — the public futex calls (private futexes: every waiter is in
 * this process), and the two <tine/sync.h> is built on, which take the
 * private flag from the object and a deadline on CLOCK_MONOTONIC.
 */
#include "internal.h"
#include <linux/futex.h>
#include <linux/time_types.h>   /* struct __kernel_timespec */

int tine_futex_wait(int *addr, int expected)
{
    long r = tine_syscall4(NR_futex, (long)addr, FUTEX_WAIT_PRIVATE, expected, 0);

    if (__tine_tracing)
        __tine_trace_futex(addr, FUTEX_WAIT_PRIVATE, expected, r);
    return (int)r;
}

int tine_futex_wait_timeout(int *addr, int expected, long sec, long nsec)
{
    struct __kernel_timespec ts = { sec, nsec };
    long r;

    if (sec < 0 || nsec < 0 || nsec >= 1000000000L)
        return -EINVAL;
    r = tine_syscall4(NR_futex, (long)addr, FUTEX_WAIT_PRIVATE, expected, (long)&ts);
    if (__tine_tracing)
        __tine_trace_futex(addr, FUTEX_WAIT_PRIVATE, expected, r);
    return (int)r;
}

int tine_futex_wake(int *addr, int count)
{
    long r = tine_syscall3(NR_futex, (long)addr, FUTEX_WAKE_PRIVATE, count);

    if (__tine_tracing)
        __tine_trace_futex(addr, FUTEX_WAKE_PRIVATE, count, r);
    return (int)r;
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
