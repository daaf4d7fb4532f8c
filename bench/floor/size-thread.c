/* SPDX-License-Identifier: 0BSD */
/*
 * bench/floor/size-thread.c — the size workload "one thread + join +
 * print", raw: a thread-flags clone on a static stack, a futex join, and
 * the thread's result formatted by hand.
 */
#include "floor.h"

static char stack[16 * 1024] __attribute__((aligned(16)));
static int alive = 1, result;

static int worker(void *arg)
{
    result = (int)(long)arg;
    return 0;
}

int main(void)
{
    static const char msg[] = "thread returned ";

    if (__tine_arch_clone(worker, (void *)42, FLOOR_THREAD, stack + sizeof stack, 0, &alive, 0) < 0)
        return 1;
    floor_join(&alive);
    tine_syscall3(__NR_write, 1, (long)msg, sizeof msg - 1);
    floor_put(result, '\n');
    return 0;
}
