/* SPDX-License-Identifier: 0BSD */
/* calc.c — the library part of the test project: tine threads and a mutex-free split. */
#include <tine.h>
#include "calc.h"

struct part { long from, to, sum; };

static int add(void *arg)
{
    struct part *p = arg;

    for (long i = p->from; i <= p->to; i++)
        p->sum += i;
    return 0;
}

long calc_sum(long n, int threads)
{
    struct part parts[8];
    tine_thread *t[8];
    long total = 0;
    int e;

    if (threads < 1 || threads > 8)
        return -EINVAL;
    for (int i = 0; i < threads; i++) {
        parts[i] = (struct part){ n * i / threads + 1, n * (i + 1) / threads, 0 };
        if ((e = tine_thread_spawn(&t[i], add, &parts[i], 0)) != 0)
            return e;
    }
    for (int i = 0; i < threads; i++) {
        tine_thread_join(t[i], 0);
        total += parts[i].sum;
    }
    return total;
}
