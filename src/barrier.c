/* SPDX-License-Identifier: 0BSD */
/*
 * src/barrier.c — count threads meet, round after round.
 *
 * Each arrival counts itself in `arrived`; the one that makes it `count`
 * starts the next round: it zeroes `arrived`, then advances `seq` and
 * wakes everyone asleep on it. The others sleep while `seq` still has the
 * value they read on arriving. A thread of the next round can only arrive
 * after it has seen `seq` advance, so after `arrived` was zeroed: rounds
 * never mix. Like tine_once, a barrier has no shared flag and so sleeps on
 * shared futexes: it works between processes in a MAP_SHARED mapping too.
 */
#include "internal.h"
#include <linux/futex.h>
#include <limits.h>

int tine_barrier_init(tine_barrier *b, unsigned count)
{
    if (!b || count == 0)
        return -EINVAL;
    *b = (tine_barrier)TINE_BARRIER_INIT(count);
    return 0;
}

/*
 * The acquire-release count makes the last arrival see what every other
 * one did before the barrier; its release of `seq` passes all of that on
 * to each thread that sees `seq` advance.
 */
int tine_barrier_wait(tine_barrier *b)
{
    unsigned seq;

    if (!b || b->count == 0)
        return -EINVAL;
    seq = __atomic_load_n(&b->seq, __ATOMIC_ACQUIRE);
    if (__atomic_add_fetch(&b->arrived, 1, __ATOMIC_ACQ_REL) == b->count) {
        __atomic_store_n(&b->arrived, 0, __ATOMIC_RELAXED);
        __atomic_store_n(&b->seq, seq + 1, __ATOMIC_RELEASE);
        __tine_futex_wake_n(&b->seq, INT_MAX, tine_futex_private(1));
        return 1;
    }
    while (__atomic_load_n(&b->seq, __ATOMIC_ACQUIRE) == seq)
        __tine_futex_wait_until(&b->seq, (int)seq, tine_futex_private(1), 0);
    return 0;
}
