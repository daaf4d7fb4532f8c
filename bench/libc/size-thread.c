/* SPDX-License-Identifier: 0BSD */
/*
 * bench/libc/size-thread.c — the size workload "one thread + join + print"
 * through the C library: pthread_create with the default attributes,
 * pthread_join, printf.
 */
#include <pthread.h>
#include <stdio.h>

static void *worker(void *arg)
{
    return arg;
}

int main(void)
{
    pthread_t t;
    void *ret = 0;

    if (pthread_create(&t, 0, worker, (void *)42) != 0)
        return 1;
    pthread_join(t, &ret);
    printf("thread returned %d\n", (int)(long)ret);
    return 0;
}
