/* SPDX-License-Identifier: 0BSD */
/*
 * bench/libc/bench.h — what the host-libc benchmark programs share. The
 * same sources are built static against glibc and against musl.
 */
#ifndef BENCH_LIBC_H
#define BENCH_LIBC_H

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline long bench_now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000000000L + ts.tv_nsec;
}

/* argv[1] as a count, or `def`. */
static inline long bench_arg(int argc, char **argv, long def)
{
    long n = argc > 1 ? atol(argv[1]) : 0;

    return n > 0 ? n : def;
}

/* Stop with a message naming what failed (e: an errno value). */
static inline _Noreturn void bench_fail(const char *what, int e)
{
    fprintf(stderr, "%s: %s\n", what, strerror(e));
    exit(1);
}

#define LOOP_NAME       bench_loop
#define LOOP_ARG        bench_arg
#define LOOP_NOW        bench_now_ns
#define LOOP_PRINT(ns)  printf("%ld\n", ns)
#include "../loop.h"

#endif
