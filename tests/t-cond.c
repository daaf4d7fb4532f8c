/* SPDX-License-Identifier: 0BSD */
/*
 * t-cond: tine_cond. A bounded queue with two producers and two consumers
 * carries 1,000,000 items and loses and duplicates none, each producer's
 * items arriving in order; a timed wait times out at its deadline (not
 * before, and less than a second after), returns with the mutex held, and
 * refuses bad deadlines without waiting; a signal ends a timed wait early;
 * one broadcast wakes all of eight waiters; a TINE_COND_INIT_SHARED
 * condition wakes a waiter in another process.
 *
 * The queue is kept fast the way real ones are: the ring holds SLOTS
 * items, each side moves as many as it can per lock, and signals only when
 * someone on the other side sleeps (each side counts its sleepers), and
 * after unlocking, so that the one it wakes does not find the mutex still
 * held and go back to sleep on that.
 */
#include "t.h"

#define ITEMS     1000000
#define SLOTS     256
#define PRODUCERS 2
#define CONSUMERS 2
#define WAITERS   8
#define MS        1000000LL         /* nanoseconds */
#define SEC       (1000 * MS)

static struct {
    tine_mutex m;
    tine_cond  not_empty, not_full;
    unsigned   head, tail;          /* items put and taken so far; the slot is the count % SLOTS */
    int        producing;           /* producers not yet done */
    int        hungry, blocked;     /* consumers asleep on not_empty, producers on not_full */
    unsigned   ring[SLOTS];
} q = { TINE_MUTEX_INIT, TINE_COND_INIT, TINE_COND_INIT, 0, 0, PRODUCERS, 0, 0, { 0 } };

static unsigned char seen[CONSUMERS][ITEMS];     /* each consumer's own tally: no sharing, no atomics */

/* Producer p puts items p, p + PRODUCERS, ... in order. */
static int producer(void *arg)
{
    unsigned next = (unsigned)(long)arg;
    int bad = 0;

    while (next < ITEMS) {
        int wake, last = 0;

        bad |= tine_mutex_lock(&q.m);
        while (q.head - q.tail == SLOTS) {
            q.blocked++;
            bad |= tine_cond_wait(&q.not_full, &q.m);
            q.blocked--;
        }
        for (; next < ITEMS && q.head - q.tail < SLOTS; next += PRODUCERS)
            q.ring[q.head++ % SLOTS] = next;
        wake = q.hungry;
        if (next >= ITEMS)
            last = --q.producing == 0;
        bad |= tine_mutex_unlock(&q.m);
        if (last)
            bad |= tine_cond_broadcast(&q.not_empty);    /* consumers waiting for more may stop */
        else if (wake)
            bad |= tine_cond_signal(&q.not_empty);
    }
    return bad ? 1 : 0;
}

/* Takes all there is each time; returns 1 if a call failed, 2 if a producer's items came out of order. */
static int consumer(void *arg)
{
    int me = (int)(long)arg, bad = 0;
    unsigned batch[SLOTS], last[PRODUCERS], n;
    long got[PRODUCERS] = { 0 };

    for (;;) {
        int wake;

        bad |= tine_mutex_lock(&q.m) ? 1 : 0;
        while (q.head == q.tail && q.producing) {
            q.hungry++;
            bad |= tine_cond_wait(&q.not_empty, &q.m) ? 1 : 0;
            q.hungry--;
        }
        for (n = 0; q.head != q.tail; n++)
            batch[n] = q.ring[q.tail++ % SLOTS];
        wake = q.blocked;
        bad |= tine_mutex_unlock(&q.m) ? 1 : 0;
        if (wake)
            bad |= tine_cond_signal(&q.not_full) ? 1 : 0;   /* a producer that slept on a full ring */
        if (n == 0)
            return bad;                 /* empty, and nobody is producing */
        for (unsigned i = 0; i < n; i++) {
            unsigned item = batch[i], p = item % PRODUCERS;

            seen[me][item]++;
            if (got[p]++ && item <= last[p])
                bad |= 2;
            last[p] = item;
        }
    }
}

static struct __kernel_timespec now(void)
{
    struct __kernel_timespec t;

    tine_clock_gettime64(CLOCK_MONOTONIC, &t);
    return t;
}

static long long ns(struct __kernel_timespec t)
{
    return (long long)t.tv_sec * SEC + t.tv_nsec;
}

/* The absolute CLOCK_MONOTONIC time `after` nanoseconds from now, as tine_cond_timedwait takes it. */
static struct timespec in(long long after)
{
    long long t = ns(now()) + after;

    return (struct timespec){ .tv_sec = (long)(t / SEC), .tv_nsec = (long)(t % SEC) };
}

static tine_mutex m = TINE_MUTEX_INIT;
static tine_cond c = TINE_COND_INIT;
static int waiting, results[WAITERS];

/* One timed wait of up to 10 s, counted in `waiting` first: its result is what broadcast did. */
static int broadcast_waiter(void *arg)
{
    struct timespec dl = in(10 * SEC);

    tine_mutex_lock(&m);
    waiting++;
    results[(long)arg] = tine_cond_timedwait(&c, &m, &dl);
    waiting--;
    tine_mutex_unlock(&m);
    return 0;
}

static int signaller(void *arg)
{
    (void)arg;
    tine_nanosleep(0, 50 * MS);
    tine_mutex_lock(&m);
    waiting = -1;
    tine_cond_signal(&c);
    tine_mutex_unlock(&m);
    return 0;
}

struct shared { tine_mutex m; tine_cond c; int waiting, go; };

/* The other process: waits up to 10 s for go; exit 0 when woken with it set. */
static int shared_waiter(struct shared *sh)
{
    struct timespec dl = in(10 * SEC);
    int r = 0;

    tine_mutex_lock(&sh->m);
    sh->waiting = 1;
    while (!sh->go && r == 0)
        r = tine_cond_timedwait(&sh->c, &sh->m, &dl);
    tine_mutex_unlock(&sh->m);
    return r == 0 && sh->go ? 0 : 1;
}

static void queue(void)
{
    tine_thread *t[PRODUCERS + CONSUMERS];
    int bad = 0, ret;
    long missing = 0, twice = 0;
    struct __kernel_timespec t0 = now();

    for (long i = 0; i < CONSUMERS; i++)
        CHECK_EQ(tine_thread_spawn(&t[i], consumer, (void *)i, 0), 0, "spawn a consumer");
    for (long i = 0; i < PRODUCERS; i++)
        CHECK_EQ(tine_thread_spawn(&t[CONSUMERS + i], producer, (void *)i, 0), 0, "spawn a producer");
    for (int i = 0; i < PRODUCERS + CONSUMERS; i++) {
        ret = -1;
        tine_thread_join(t[i], &ret);
        bad |= ret;
    }
    for (long i = 0; i < ITEMS; i++) {
        int n = 0;
        for (int k = 0; k < CONSUMERS; k++)
            n += seen[k][i];
        missing += n == 0;
        twice += n > 1;
    }
    CHECK_EQ(bad & 1, 0, "every lock, unlock, wait and signal of the queue returned 0");
    CHECK_EQ(bad & 2, 0, "each producer's items came out in the order it put them");
    CHECK_EQ(q.head, ITEMS, "1,000,000 items put");
    CHECK_EQ(q.tail, ITEMS, "1,000,000 items taken");
    CHECK_EQ(missing, 0, "none lost");
    CHECK_EQ(twice, 0, "none taken twice");
    tine_printf("     (the queue took %lld ms)\n", (ns(now()) - ns(t0)) / MS);
}

static void timed(void)
{
    struct timespec dl, bad;
    tine_thread *t;
    long long late;
    int r;

    CHECK_EQ(tine_mutex_lock(&m), 0, "lock");
    dl = in(50 * MS);
    r = tine_cond_timedwait(&c, &m, &dl);
    late = ns(now()) - ((long long)dl.tv_sec * SEC + dl.tv_nsec);
    CHECK_EQ(r, -ETIMEDOUT, "a 50 ms timed wait nobody signals: -ETIMEDOUT");
    CHECK(late >= 0, "... not before its deadline (%lld us after it)", late / 1000);
    CHECK(late < SEC, "... and less than a second after it (%lld us)", late / 1000);
    CHECK_EQ(tine_mutex_trylock(&m), -EBUSY, "... with the mutex held again");

    dl = in(-SEC);
    CHECK_EQ(tine_cond_timedwait(&c, &m, &dl), -ETIMEDOUT, "a deadline already past: -ETIMEDOUT");
    dl = (struct timespec){ .tv_sec = -1 };
    CHECK_EQ(tine_cond_timedwait(&c, &m, &dl), -ETIMEDOUT, "a deadline before the clock's start: -ETIMEDOUT");
    bad = (struct timespec){ .tv_sec = 1, .tv_nsec = SEC };
    CHECK_EQ(tine_cond_timedwait(&c, &m, &bad), -EINVAL, "tv_nsec = 1e9: -EINVAL");
    bad.tv_nsec = -1;
    CHECK_EQ(tine_cond_timedwait(&c, &m, &bad), -EINVAL, "tv_nsec = -1: -EINVAL");
    CHECK_EQ(tine_cond_timedwait(&c, &m, 0), -EINVAL, "deadline NULL: -EINVAL");
    CHECK_EQ(tine_mutex_trylock(&m), -EBUSY, "the mutex is still held after all of them");

    CHECK_EQ(tine_thread_spawn(&t, signaller, 0, 0), 0, "spawn a thread that signals in 50 ms");
    dl = in(10 * SEC);
    r = 0;
    while (waiting != -1 && r == 0)
        r = tine_cond_timedwait(&c, &m, &dl);
    CHECK_EQ(r, 0, "a timed wait (10 s) ended by a signal: 0");
    CHECK(ns(now()) < (long long)dl.tv_sec * SEC + dl.tv_nsec - 5 * SEC, "... well before its deadline");
    CHECK_EQ(tine_mutex_unlock(&m), 0, "... with the mutex held");
    tine_thread_join(t, 0);
    waiting = 0;
}

static void broadcast(void)
{
    tine_thread *t[WAITERS];
    int woken = 0;

    for (long i = 0; i < WAITERS; i++)
        CHECK_EQ(tine_thread_spawn(&t[i], broadcast_waiter, (void *)i, 0), 0, "spawn a waiter");
    for (int i = 0; i < 10000; i++) {
        tine_mutex_lock(&m);
        if (waiting == WAITERS)
            break;              /* all eight read seq before they unlocked: none can miss what follows */
        tine_mutex_unlock(&m);
        tine_nanosleep(0, MS);
    }
    CHECK_EQ(waiting, WAITERS, "eight threads wait on one condition");
    CHECK_EQ(tine_cond_broadcast(&c), 0, "one broadcast");
    tine_mutex_unlock(&m);
    for (int i = 0; i < WAITERS; i++) {
        tine_thread_join(t[i], 0);
        woken += results[i] == 0;
    }
    CHECK_EQ(woken, WAITERS, "... woke all eight (none timed out after 10 s)");
}

static void processes(void)
{
    struct shared *sh = tine_mmap(0, tine_page_size(), PROT_READ | PROT_WRITE,
                                  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int pid, status = -1;

    if (tine_is_err(sh)) {
        CHECK(0, "mmap a shared page: %s", tine_strerror(tine_ptr_err(sh)));
        return;
    }
    *sh = (struct shared){ TINE_MUTEX_INIT_SHARED, TINE_COND_INIT_SHARED, 0, 0 };
    pid = tine_fork();
    if (pid == 0)
        tine_exit(shared_waiter(sh));
    for (int i = 0; i < 10000; i++) {
        tine_mutex_lock(&sh->m);
        if (sh->waiting)
            break;
        tine_mutex_unlock(&sh->m);
        tine_nanosleep(0, MS);
    }
    sh->go = 1;
    CHECK_EQ(tine_cond_signal(&sh->c), 0, "signal a shared condition another process waits on");
    tine_mutex_unlock(&sh->m);
    CHECK_EQ(tine_wait(pid, &status), pid, "reap it");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "the other process was woken, not timed out after 10 s (status %#x)", status);
}

int main(void)
{
    tine_cond fresh = TINE_COND_INIT;
    tine_mutex unlocked = TINE_MUTEX_INIT;

    t_qemu();
    CHECK_EQ(tine_cond_signal(&fresh), 0, "signal with nobody waiting: 0");
    CHECK_EQ(tine_cond_broadcast(&fresh), 0, "broadcast with nobody waiting: 0");
    CHECK_EQ(fresh.seq, 0, "... neither needed the kernel: seq is untouched");
    CHECK_EQ(tine_cond_wait(&fresh, &unlocked), -EPERM, "wait with the mutex not held: -EPERM at once");
    CHECK_EQ(tine_cond_wait(0, &unlocked), -EINVAL, "wait(NULL, m): -EINVAL");
    CHECK_EQ(tine_cond_wait(&fresh, 0), -EINVAL, "wait(c, NULL): -EINVAL");
    CHECK_EQ(tine_cond_signal(0), -EINVAL, "signal(NULL): -EINVAL");
    CHECK_EQ(tine_cond_broadcast(0), -EINVAL, "broadcast(NULL): -EINVAL");
    timed();
    broadcast();
    processes();
    queue();
    return t_done();
}
