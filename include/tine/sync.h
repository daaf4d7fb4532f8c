/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/sync.h> — locks and waiting built on the kernel's futex: a mutex, a
 * condition variable, a run-once and a barrier.
 *
 * Every object is a few words that a static initialiser sets up (in
 * zeroed memory a mutex, condition variable or once is ready as it is; a
 * barrier needs its count), and costs no system call while nobody has to
 * wait: the kernel is asked only to sleep and to wake. Errors are -errno,
 * like the rest of tine; a NULL object is -EINVAL.
 *
 * Across processes: without their shared flag a mutex and a condition
 * variable use private futexes, the kernel's cheaper kind, which it finds
 * by address space: they work between threads, and with a CLONE_VM child
 * of tine_spawn, but not between address spaces. Made with
 * TINE_MUTEX_INIT_SHARED / TINE_COND_INIT_SHARED they work between any
 * processes that share their memory, such as a MAP_SHARED mapping
 * inherited through tine_fork. A once and a barrier have no flag (their
 * layout has no room for one): they always use shared futexes, which work
 * in private memory too and cost a little more only when someone sleeps.
 *
 * The layouts are tine's: set them with the macros and the init function,
 * never by hand.
 */
#ifndef TINE_SYNC_H
#define TINE_SYNC_H

#include <linux/time.h>         /* struct timespec, CLOCK_MONOTONIC */

/*
 * The mutex: word is 0 unlocked, 1 locked, 2 locked and someone may be
 * asleep waiting for it (then unlock wakes one). It has no owner: any
 * thread may unlock it, as with a binary semaphore; it is not recursive,
 * so locking it twice in one thread sleeps for ever.
 */
typedef struct { int word; int shared; } tine_mutex;
#define TINE_MUTEX_INIT        { 0, 0 }
#define TINE_MUTEX_INIT_SHARED { 0, 1 }         /* across processes sharing the memory */

/* Takes the mutex, sleeping while another has it. 0, or -EINVAL (NULL, or a word not 0, 1 or 2). */
int tine_mutex_lock(tine_mutex *m);

/* Takes the mutex if it is free: 0, or -EBUSY when it is held (-EINVAL as for lock). */
int tine_mutex_trylock(tine_mutex *m);

/*
 * Releases the mutex and wakes one waiter if there may be one. Unlocking a
 * mutex that is not locked returns -EPERM (POSIX's answer for an error-
 * checking mutex not held) and leaves it unlocked; -EINVAL as for lock.
 */
int tine_mutex_unlock(tine_mutex *m);

/*
 * The condition variable: seq counts signals and broadcasts in steps of 2;
 * its lowest bit says that a thread has waited since the last broadcast, so
 * that signalling a condition nobody waits on costs no system call. The
 * mutex it is used with must have the same shared flag.
 */
typedef struct { unsigned seq; int shared; } tine_cond;
#define TINE_COND_INIT         { 0, 0 }
#define TINE_COND_INIT_SHARED  { 0, 1 }         /* tine's addition to DESIGN.md: across processes */

/*
 * Unlocks m, sleeps until signalled, and locks m again before returning 0.
 * The caller must hold m (-EPERM, returned at once, when m is not locked).
 * Like every condition variable it may return without its condition being
 * true (another thread got there first): wait in a loop that tests it.
 * A signal handler that interrupts the sleep does not end it.
 */
int tine_cond_wait(tine_cond *c, tine_mutex *m);

/*
 * tine_cond_wait that gives up at *deadline, an absolute CLOCK_MONOTONIC
 * time (tine_clock_gettime(CLOCK_MONOTONIC, ...) plus the wait): then it
 * locks m again and returns -ETIMEDOUT. A deadline already past times out
 * at once; deadline NULL or tv_nsec outside [0, 1e9) is -EINVAL, returned
 * with m still held and without waiting.
 */
int tine_cond_timedwait(tine_cond *c, tine_mutex *m, const struct timespec *deadline);

/* Wakes at least one waiter, if there is one. 0, or -EINVAL for NULL. */
int tine_cond_signal(tine_cond *c);

/* Wakes every waiter. 0, or -EINVAL for NULL. */
int tine_cond_broadcast(tine_cond *c);

/*
 * Run-once: 0 never run, 1 running, 2 running and someone waits for it,
 * 3 done. fn must return: if it called tine_once_run on the same once,
 * or ended its thread, every caller would wait for it for ever.
 */
typedef int tine_once;
#define TINE_ONCE_INIT 0

/*
 * Runs fn the first time any thread calls it on o; every other caller,
 * before or after, returns only once fn has returned. 0, or -EINVAL
 * (o or fn NULL, or o not a once's state).
 */
int tine_once_run(tine_once *o, void (*fn)(void));

/*
 * The barrier: count threads meet; arrived counts them in this round, seq
 * counts rounds. It may be used for any number of rounds.
 */
typedef struct { unsigned count, arrived, seq; } tine_barrier;
#define TINE_BARRIER_INIT(count) { (count), 0, 0 }   /* tine's addition to DESIGN.md */

/* Sets b up for count threads: 0, or -EINVAL for count 0 or b NULL. */
int tine_barrier_init(tine_barrier *b, unsigned count);

/*
 * Waits until count threads have called it in this round, then lets them
 * all go on: it returns 1 in exactly one of them (the last to arrive) and
 * 0 in the others. -EINVAL for b NULL or a barrier of count 0.
 */
int tine_barrier_wait(tine_barrier *b);

#endif
