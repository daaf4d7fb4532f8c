/* SPDX-License-Identifier: 0BSD */
/*
 * examples/host/thread-stack.c — a host libc's default thread stack,
 * measured: a thread made with no attributes asks for its own. make demo
 * (the limits step) builds it with gcc (glibc) and musl-gcc (musl) when
 * they are installed; tine's examples cannot, having no libc.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

static void *measure(void *arg)
{
    pthread_attr_t a;
    size_t size = 0;

    (void)arg;
    if (pthread_getattr_np(pthread_self(), &a) == 0) {
        pthread_attr_getstacksize(&a, &size);
        pthread_attr_destroy(&a);
    }
    return (void *)size;
}

int main(void)
{
    pthread_t t;
    void *size = 0;

    if (pthread_create(&t, 0, measure, 0) != 0 || pthread_join(t, &size) != 0)
        return 1;
    printf("%zu\n", (size_t)size);
    return size ? 0 : 1;
}
