/* SPDX-License-Identifier: 0BSD */
/*
 * bench/tine/size-thread.c — the size workload "one thread + join + print"
 * through tine: tine_thread_spawn with the default stack, tine_thread_join,
 * tine_printf.
 */
#include <tine.h>

static int worker(void *arg)
{
    return (int)(long)arg;
}

int main(void)
{
    tine_thread *t;
    int ret = 0;

    if (tine_thread_spawn(&t, worker, (void *)42, 0) < 0)
        return 1;
    tine_thread_join(t, &ret);
    tine_printf("thread returned %d\n", ret);
    return 0;
}
