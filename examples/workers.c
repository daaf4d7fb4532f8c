/* SPDX-License-Identifier: 0BSD */
/*
 * examples/workers.c — a work queue: main puts 10,000 numbers into a
 * ring of 16 slots, four threads take them out and add them up.
 *
 * The ring is shared, so a mutex guards it and two condition variables
 * say when it has room or work. Each worker's tally is _Thread_local:
 * its own without a lock, because each thread has its own copy, set up
 * from the program's initial image when the thread starts (src/tls.c).
 * The totals must come out exact: every number taken exactly once.
 */
#include <tine.h>

#define JOBS    10000
#define SLOTS   16
#define WORKERS 4

static int ring[SLOTS];
static unsigned head, tail;                     /* head - tail numbers wait in the ring */
static tine_mutex lock = TINE_MUTEX_INIT;
static tine_cond has_work = TINE_COND_INIT, has_room = TINE_COND_INIT;

static _Thread_local long sum;                  /* each thread's own: no lock needed */
static _Thread_local int taken;

static int worker(void *arg)
{
    long *result = arg;

    for (;;) {
        int job;

        tine_mutex_lock(&lock);
        while (head == tail)                    /* nothing to do yet: sleep until signalled */
            tine_cond_wait(&has_work, &lock);
        job = ring[tail++ % SLOTS];
        tine_cond_signal(&has_room);
        tine_mutex_unlock(&lock);
        if (job < 0)                            /* main's "no more work" */
            break;
        sum += job;
        taken++;
    }
    tine_printf("worker %d: took %5d numbers, sum %9ld (thread-local at %p)\n",
                tine_thread_tid(tine_thread_self()), taken, sum, (void *)&sum);
    *result = sum;
    return taken;
}

static void put(int job)
{
    tine_mutex_lock(&lock);
    while (head - tail == SLOTS)                /* full: wait for a worker to make room */
        tine_cond_wait(&has_room, &lock);
    ring[head++ % SLOTS] = job;
    tine_cond_signal(&has_work);
    tine_mutex_unlock(&lock);
}

int main(void)
{
    tine_thread *t[WORKERS];
    long results[WORKERS], total = 0;
    int count = 0, n, e;

    for (int i = 0; i < WORKERS; i++)
        if ((e = tine_thread_spawn(&t[i], worker, &results[i], 0)) < 0) {
            tine_printf("spawn: %s\n", tine_strerror(e));
            return 1;
        }
    for (int job = 1; job <= JOBS; job++)
        put(job);
    for (int i = 0; i < WORKERS; i++)
        put(-1);                                /* one stop sign per worker */
    for (int i = 0; i < WORKERS; i++) {
        tine_thread_join(t[i], &n);
        count += n;
        total += results[i];
    }
    tine_printf("main: %d numbers taken, sum %ld (1 + ... + %d = %ld); main's own tally: %ld\n",
                count, total, JOBS, (long)JOBS * (JOBS + 1) / 2, sum);
    return count == JOBS && total == (long)JOBS * (JOBS + 1) / 2 && sum == 0 ? 0 : 1;
}
