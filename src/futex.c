/* SPDX-License-Identifier: 0BSD */
/*
 * src/futex.c — private futexes: every waiter tine has is in this process.
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
