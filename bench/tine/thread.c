/* SPDX-License-Identifier: 0BSD */
/*
 * bench/tine/thread.c — thread spawn + join through tine: a 64 KiB stack
 * (tine's default, spelled out: every thread benchmark uses it), join by
 * tine_thread_join.
 *
 *   thread [N]     prints the nanoseconds per spawn + join, over N of them
 */
#include "bench.h"

static int worker(void *arg)
{
    (void)arg;
    return 0;
}

static void once(void)
{
    static const struct tine_thread_opts opts = { .stack_size = 64 * 1024 };
    tine_thread *t;
    int e = tine_thread_spawn(&t, worker, 0, &opts);

    if (e < 0)
        bench_fail("tine_thread_spawn", e);
    tine_thread_join(t, 0);
}

int main(int argc, char **argv)
{
    return bench_loop(argc, argv, 2000, 20, once);
}
