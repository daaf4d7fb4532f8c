/* SPDX-License-Identifier: 0BSD */
/*
 * bench/libc/thread.c — thread spawn + join through the C library:
 * pthread_create with a 64 KiB stack (the size every thread benchmark
 * uses), pthread_join.
 *
 *   thread [N]     prints the nanoseconds per spawn + join, over N of them
 */
#include "bench.h"
#include <pthread.h>

static pthread_attr_t attr;

static void *worker(void *arg)
{
    return arg;
}

static void once(void)
{
    pthread_t t;
    int e = pthread_create(&t, &attr, worker, 0);

    if (e)
        bench_fail("pthread_create", e);
    pthread_join(t, 0);
}

int main(int argc, char **argv)
{
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    return bench_loop(argc, argv, 2000, 20, once);  /* 20 warm-ups fill glibc's stack cache */
}
