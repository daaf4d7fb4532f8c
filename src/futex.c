/*
 * src/futex.c — private futexes: every waiter tine has is in this process.
 */
#include "internal.h"
#include <linux/futex.h>
#include <linux/time.h>

int tine_futex_wait(int *addr, int expected)
{
    return (int)tine_syscall4(NR_futex, (long)addr, FUTEX_WAIT_PRIVATE, expected, 0);
}

int tine_futex_wait_timeout(int *addr, int expected, long sec, long nsec)
{
    struct __kernel_timespec ts = { sec, nsec };

    if (sec < 0 || nsec < 0 || nsec >= 1000000000L)
        return -EINVAL;
    return (int)tine_syscall4(NR_futex, (long)addr, FUTEX_WAIT_PRIVATE, expected, (long)&ts);
}

int tine_futex_wake(int *addr, int count)
{
    return (int)tine_syscall3(NR_futex, (long)addr, FUTEX_WAKE_PRIVATE, count);
}
