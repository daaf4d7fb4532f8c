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
    long n = bench_arg(argc, argv, 2000), t0;

    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    for (int i = 0; i < 20; i++)    /* warm-up: fills glibc's stack cache */
        once();
    t0 = bench_now_ns();
    for (long i = 0; i < n; i++)
        once();
    printf("%ld\n", (bench_now_ns() - t0) / n);
    return 0;
}
