/* SPDX-License-Identifier: 0BSD */
/*
 * src/poll.c — waiting for file descriptors. Both calls are ppoll: the
 * newer ports (aarch64, riscv64) have no poll, and 32-bit ports have a
 * ppoll_time64 that takes 64-bit seconds, which tine prefers there.
 */
#include "internal.h"
#include <linux/time_types.h>   /* struct __kernel_timespec */

#ifdef __NR_ppoll_time64
#define NR_ppoll __NR_ppoll_time64
#else
#define NR_ppoll __NR_ppoll
#endif

/*
 * The kernel writes the time left back into the timeout: tine copies the
 * caller's first, so that it may be const (and the same one reused).
 */
int tine_ppoll(struct pollfd *fds, unsigned long n, const struct __kernel_timespec *timeout,
               const tine_sigset *mask)
{
    struct __kernel_timespec ts;

    if (timeout) {
        if (timeout->tv_sec < 0 || timeout->tv_nsec < 0 || timeout->tv_nsec >= 1000000000L)
            return -EINVAL;
        ts = *timeout;
    }
    return (int)tine_syscall5(NR_ppoll, (long)fds, (long)n, timeout ? (long)&ts : 0,
                              (long)mask, sizeof(tine_sigset));
}

int tine_poll(struct pollfd *fds, unsigned long n, int timeout_ms)
{
    struct __kernel_timespec ts = { timeout_ms / 1000, timeout_ms % 1000 * 1000000L };

    return tine_ppoll(fds, n, timeout_ms < 0 ? 0 : &ts, 0);
}
