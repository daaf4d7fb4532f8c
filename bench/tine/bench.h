/* SPDX-License-Identifier: 0BSD */
/*
 * bench/tine/bench.h — what the tine benchmark programs share: a clock
 * read through the system call (tine_clock_gettime64: tine has no vDSO
 * reader) and the count given on the command line.
 */
#ifndef BENCH_TINE_H
#define BENCH_TINE_H

#include <tine.h>

static inline long bench_now_ns(void)
{
    struct __kernel_timespec ts;

    tine_clock_gettime64(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000000000L + (long)ts.tv_nsec;
}

/* argv[1] as a count, or `def`. */
static inline long bench_arg(int argc, char **argv, long def)
{
    long n = 0;

    if (argc < 2)
        return def;
    for (const char *p = argv[1]; *p >= '0' && *p <= '9'; p++)
        n = n * 10 + (*p - '0');
    return n > 0 ? n : def;
}

/* Stop with a message naming what failed. */
static inline _Noreturn void bench_fail(const char *what, long e)
{
    tine_dprintf(2, "%s: %s\n", what, tine_strerror((int)e));
    tine_exit(1);
}

#define LOOP_NAME       bench_loop
#define LOOP_ARG        bench_arg
#define LOOP_NOW        bench_now_ns
#define LOOP_PRINT(ns)  tine_printf("%ld\n", ns)
#include "../loop.h"

#endif
