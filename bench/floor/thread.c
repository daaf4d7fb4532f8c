/* SPDX-License-Identifier: 0BSD */
/*
 * bench/floor/thread.c — thread spawn + join, the raw floor: one stack,
 * mapped once and reused; a clone with the thread flags and
 * CHILD_CLEARTID; a futex wait on the cleared word for the join.
 *
 *   thread [N]     prints the nanoseconds per spawn + join, over N of them
 */
#include "floor.h"

#define STACK (64 * 1024)       /* the size every thread benchmark uses */

static char stack[STACK] __attribute__((aligned(16)));
static int alive;

static int worker(void *arg)
{
    (void)arg;
    return 0;
}

static void once(void)
{
    alive = 1;                  /* the kernel zeroes it at the thread's exit, and wakes us */
    if (__tine_arch_clone(worker, 0, FLOOR_THREAD, stack + STACK, 0, &alive, 0) < 0)
        tine_syscall1(__NR_exit_group, 1);
    floor_join(&alive);
}

int main(int argc, char **argv)
{
    return floor_loop(argc, argv, 2000, 20, once);
}
