/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/time.h> — the kernel's clocks.
 *
 * The clock ids are the kernel's CLOCK_* from <linux/time.h>: CLOCK_REALTIME
 * (wall time), CLOCK_MONOTONIC (never jumps; what timeouts count in),
 * CLOCK_BOOTTIME (monotonic, suspend included), CLOCK_PROCESS_CPUTIME_ID,
 * CLOCK_THREAD_CPUTIME_ID, ... struct timespec is the kernel's too, and its
 * tv_sec is a long: 32 bits on 32-bit ports. struct __kernel_timespec
 * (<linux/time_types.h>) has 64-bit seconds on every port.
 *
 * Both calls return 0 or -errno: -EINVAL for a clock id the kernel does not
 * know, -EFAULT for ts == NULL or a ts the kernel cannot write.
 */
#ifndef TINE_TIME_H
#define TINE_TIME_H

#include <linux/time.h>         /* CLOCK_*, struct timespec */
#include <linux/time_types.h>   /* struct __kernel_timespec */

/*
 * The clock's time in 64-bit seconds, on every port: clock_gettime64 on
 * 32-bit ports, clock_gettime on 64-bit ones (the same call there).
 */
int tine_clock_gettime64(int clock, struct __kernel_timespec *ts);

/*
 * The same in a struct timespec. On 64-bit ports that is the one call; on
 * 32-bit ports tine narrows the 64-bit answer and stores it itself, so there
 * -EOVERFLOW says the seconds do not fit (CLOCK_REALTIME after 2038-01-19),
 * and a bad ts other than NULL faults (SIGSEGV) like any store to it would.
 */
int tine_clock_gettime(int clock, struct timespec *ts);

#endif
