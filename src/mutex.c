/* SPDX-License-Identifier: 0BSD */
/*
 * src/mutex.c — the three-state futex mutex that Ulrich Drepper's "Futexes
 * Are Tricky" arrives at, written for tine.
 *
 * The word says what the kernel needs to know: 0 unlocked, 1 locked with
 * nobody asleep on it, 2 locked and someone may be asleep. Taking a free
 * mutex is one compare-and-swap, releasing one nobody waits for is one
 * exchange; only a thread that finds it taken, and an unlock that finds 2,
 * make a system call. A waiter sets 2 before it sleeps, so the holder's
 * unlock knows to wake it; whoever then takes the mutex keeps 2, since it
 * cannot know whether others still sleep: one wake too many at worst,
 * never one too few.
 */
#include "internal.h"
#include <linux/futex.h>

enum { UNLOCKED, LOCKED, CONTENDED };

/* Sets the word from UNLOCKED to LOCKED if it was so; returns what it was. */
static int take(tine_mutex *m)
{
    int was = UNLOCKED;

    __atomic_compare_exchange_n(&m->word, &was, LOCKED, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
    return was;
}

/*
 * The uncontended case in one instruction sequence; otherwise mark the
 * mutex contended and sleep until an exchange finds it unlocked. EINTR and
 * EAGAIN (the word changed before the kernel looked) just mean "try again".
 */
int tine_mutex_lock(tine_mutex *m)
{
    int was;

    if (!m)
        return -EINVAL;
    was = take(m);
    if (was == UNLOCKED)
        return 0;
    if (was != LOCKED && was != CONTENDED)
        return -EINVAL;                 /* not a mutex tine set up: never sleep on it */
    while (__atomic_exchange_n(&m->word, CONTENDED, __ATOMIC_ACQUIRE) != UNLOCKED)
        __tine_futex_wait_until(&m->word, CONTENDED, tine_futex_private(m->shared), 0);
    return 0;
}

/* Takes the mutex only if that needs no waiting. */
int tine_mutex_trylock(tine_mutex *m)
{
    int was;

    if (!m)
        return -EINVAL;
    was = take(m);
    if (was == UNLOCKED)
        return 0;
    return was == LOCKED || was == CONTENDED ? -EBUSY : -EINVAL;
}

/*
 * Unlocked, the word goes back to 0; if it said someone may sleep, wake
 * one of them, who will set it to 2 again as it takes it. A mutex that is
 * not locked is left as it is: -EPERM.
 */
int tine_mutex_unlock(tine_mutex *m)
{
    int was;

    if (!m)
        return -EINVAL;
    was = __atomic_load_n(&m->word, __ATOMIC_RELAXED);
    if (was != LOCKED && was != CONTENDED)
        return was == UNLOCKED ? -EPERM : -EINVAL;
    if (__atomic_exchange_n(&m->word, UNLOCKED, __ATOMIC_RELEASE) == CONTENDED)
        __tine_futex_wake_n(&m->word, 1, tine_futex_private(m->shared));
    return 0;
}
