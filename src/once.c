/* SPDX-License-Identifier: 0BSD */
/*
 * src/once.c — run a function once, whoever calls first; everyone else
 * waits until it has returned.
 *
 * The word is one of four states. Callers that find it RUNNING mark it
 * RUNNING_WAITED before they sleep, so the runner makes a system call to
 * wake them only when someone does sleep. tine_once has no shared flag,
 * so it sleeps on shared futexes, which work in a MAP_SHARED mapping
 * between processes and in private memory alike; the extra cost of the
 * kernel's lookup is paid only by a caller that has to sleep.
 */
#include "internal.h"
#include <linux/futex.h>
#include <limits.h>

enum { NEVER, RUNNING, RUNNING_WAITED, DONE };

int tine_once_run(tine_once *o, void (*fn)(void))
{
    if (!o || !fn)
        return -EINVAL;
    for (;;) {
        int s = __atomic_load_n(o, __ATOMIC_ACQUIRE);

        switch (s) {
        case DONE:
            return 0;
        case NEVER:
            if (!__atomic_compare_exchange_n(o, &s, RUNNING, 0, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE))
                continue;
            fn();
            if (__atomic_exchange_n(o, DONE, __ATOMIC_RELEASE) == RUNNING_WAITED)
                __tine_futex_wake_n(o, INT_MAX, tine_futex_private(1));
            return 0;
        case RUNNING:
            if (!__atomic_compare_exchange_n(o, &s, RUNNING_WAITED, 0, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE))
                continue;       /* it changed: look again */
            /* fall through */
        case RUNNING_WAITED:
            __tine_futex_wait_until(o, RUNNING_WAITED, tine_futex_private(1), 0);
            continue;
        default:
            return -EINVAL;     /* not a once tine set up */
        }
    }
}
