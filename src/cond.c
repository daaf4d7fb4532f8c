/* SPDX-License-Identifier: 0BSD */
/*
 * src/cond.c — the condition variable: a sequence number that waiters
 * sleep on.
 *
 * A waiter reads seq while it still holds the mutex, unlocks it, and asks
 * the kernel to sleep only if seq still has the value it read. Signal and
 * broadcast change seq before they wake anyone, so a waiter that has
 * unlocked but not yet slept finds seq changed and does not sleep: no
 * wake-up is lost in the window between unlocking and sleeping. (Only 2^31
 * signals in that window, bringing seq round to the same value, could
 * fool it.) Waiters that wake relock the mutex one by one; broadcast wakes
 * them all at once, because without a pointer to the mutex in tine_cond
 * there is nowhere to requeue them to.
 *
 * seq counts in steps of SEQ_STEP; its lowest bit, WAITERS, is set by
 * every waiter and cleared only by a broadcast, in the same atomic step as
 * it changes seq and just before it wakes them all. While it is clear
 * nobody can be asleep, and signal and broadcast make no system call.
 */
#include "internal.h"
#include <linux/futex.h>
#include <linux/time_types.h>
#include <limits.h>

#define WAITERS      1u
#define SEQ_STEP     2u
#define NSEC_PER_SEC 1000000000L

/*
 * The wait itself, with m held by the caller. A signal handler that
 * interrupts the sleep sends it back to sleep on the same value (and the
 * same absolute deadline); seq changed meanwhile (EAGAIN) counts as woken.
 */
static int wait_until(tine_cond *c, tine_mutex *m, const struct __kernel_timespec *deadline)
{
    unsigned seq = __atomic_or_fetch(&c->seq, WAITERS, __ATOMIC_SEQ_CST);
    int e = tine_mutex_unlock(m);

    if (e)
        return e;               /* m was not held: nothing waited, and the WAITERS bit costs nothing */
    do
        e = __tine_futex_wait_until(&c->seq, (int)seq, tine_futex_private(c->shared), deadline);
    while (e == -EINTR);
    tine_mutex_lock(m);
    return e == -EAGAIN ? 0 : e;
}

int tine_cond_wait(tine_cond *c, tine_mutex *m)
{
    if (!c || !m)
        return -EINVAL;
    return wait_until(c, m, 0);
}

/*
 * The deadline goes to the kernel as it is, absolute, in its 64-bit
 * struct. Checked before anything is unlocked: a bad one leaves m held,
 * and one before the clock's start has passed already.
 */
int tine_cond_timedwait(tine_cond *c, tine_mutex *m, const struct timespec *deadline)
{
    struct __kernel_timespec ts;

    if (!c || !m || !deadline || deadline->tv_nsec < 0 || deadline->tv_nsec >= NSEC_PER_SEC)
        return -EINVAL;
    if (deadline->tv_sec < 0)
        return -ETIMEDOUT;      /* the kernel would call it invalid; it is only past */
    ts.tv_sec = deadline->tv_sec;
    ts.tv_nsec = deadline->tv_nsec;
    return wait_until(c, m, &ts);
}

/* Changes seq, keeping WAITERS, and wakes one sleeper; nothing when nobody waits. */
int tine_cond_signal(tine_cond *c)
{
    if (!c)
        return -EINVAL;
    if (!(__atomic_load_n(&c->seq, __ATOMIC_SEQ_CST) & WAITERS))
        return 0;
    __atomic_add_fetch(&c->seq, SEQ_STEP, __ATOMIC_SEQ_CST);
    __tine_futex_wake_n(&c->seq, 1, tine_futex_private(c->shared));
    return 0;
}

/*
 * Changes seq and clears WAITERS in one step, then wakes every sleeper: a
 * waiter that set WAITERS before that step is asleep on the old value (and
 * woken here) or will find seq changed; one that comes after sets it again.
 */
int tine_cond_broadcast(tine_cond *c)
{
    unsigned seq;

    if (!c)
        return -EINVAL;
    seq = __atomic_load_n(&c->seq, __ATOMIC_SEQ_CST);
    do {
        if (!(seq & WAITERS))
            return 0;
    } while (!__atomic_compare_exchange_n(&c->seq, &seq, (seq + SEQ_STEP) & ~WAITERS, 0,
                                          __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
    __tine_futex_wake_n(&c->seq, INT_MAX, tine_futex_private(c->shared));
    return 0;
}
