/* SPDX-License-Identifier: 0BSD */
/*
 * src/time.c — clocks, through the system call (tine has no vDSO reader).
 */
#include "internal.h"
#include <linux/time.h>
#include <linux/time_types.h>

/*
 * 32-bit ports have a clock_gettime that takes 64-bit time; prefer it.
 * Where there is none (64-bit ports), the plain call takes the same struct.
 */
#ifdef __NR_clock_gettime64
#define NR_clock_gettime __NR_clock_gettime64
#else
#define NR_clock_gettime __NR_clock_gettime
_Static_assert(sizeof(struct timespec) == sizeof(struct __kernel_timespec),
               "clock_gettime takes a struct __kernel_timespec");
#endif

int tine_clock_gettime64(int clock, struct __kernel_timespec *ts)
{
    return (int)tine_syscall2(NR_clock_gettime, clock, (long)ts);
}

/*
 * Where struct timespec is the kernel's 64-bit one, the kernel writes it
 * (and answers -EFAULT for any pointer it cannot write). Elsewhere its
 * seconds are 32 bits wide: take the 64-bit time, and narrow it only if it
 * fits.
 */
int tine_clock_gettime(int clock, struct timespec *ts)
{
    struct __kernel_timespec t;
    int e;

    if (sizeof *ts == sizeof t)
        return tine_clock_gettime64(clock, (struct __kernel_timespec *)ts);
    e = tine_clock_gettime64(clock, &t);
    if (e)
        return e;
    if (!ts)
        return -EFAULT;                 /* as the kernel would answer */
    if ((__kernel_old_time_t)t.tv_sec != t.tv_sec)
        return -EOVERFLOW;
    ts->tv_sec = (__kernel_old_time_t)t.tv_sec;
    ts->tv_nsec = (long)t.tv_nsec;
    return 0;
}
