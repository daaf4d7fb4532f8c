/* SPDX-License-Identifier: 0BSD */
/*
 * t-tls: _Thread_local and __thread, in main and in threads. Each thread
 * starts from the program's initial image (.tdata copied, .tbss zeroed,
 * whatever main or earlier threads wrote to theirs), its variables are its
 * own (distinct addresses, values no other thread changes), a 64-byte
 * aligned variable is 64-byte aligned in every thread, and the
 * initial-exec model works as local-exec does. 1,000 threads, 25 at a
 * time; main's values survive them all. tine_thread_self still finds each
 * thread's descriptor next to its block, and threads reuse joined stacks
 * (and so blocks) from the cache: a stale value would show.
 */
#include "t.h"

#define THREADS 1000
#define BATCH   25

_Thread_local int counter = 42;                      /* .tdata */
_Thread_local long zeroed;                           /* .tbss */
_Thread_local char text[96] __attribute__((aligned(64))) = "thread-local";
__thread int ie __attribute__((tls_model("initial-exec"))) = 7;
__thread unsigned long zeros[40];                    /* a larger .tbss */

struct seen {
    int *counter;
    int index, bad;
};

static struct seen seen[BATCH];

/* Returns 0, or the number of the first thing that was wrong. */
static int worker(void *arg)
{
    struct seen *s = arg;
    unsigned long sum = 0;

    if (counter != 42 || zeroed != 0 || ie != 7 || strcmp(text, "thread-local") != 0)
        return 1;                               /* not the initial image */
    for (int i = 0; i < 40; i++)
        sum |= zeros[i];
    if (sum)
        return 2;                               /* .tbss not zeroed (a reused block?) */
    if ((unsigned long)text % 64)
        return 3;
    if (!tine_thread_self() || tine_thread_tid(tine_thread_self()) != tine_gettid())
        return 4;
    s->counter = &counter;
    /* Make every variable this thread's own, then give the others time to do the same. */
    counter = 1000 + s->index;
    zeroed = -s->index;
    ie = s->index;
    text[0] = 'T';
    for (int i = 0; i < 40; i++)
        zeros[i] = (unsigned long)s->index + 1;
    tine_sched_yield();
    tine_nanosleep(0, 200000);
    if (counter != 1000 + s->index || zeroed != -s->index || ie != s->index || text[0] != 'T')
        return 5;                               /* another thread wrote to ours */
    for (int i = 0; i < 40; i++)
        if (zeros[i] != (unsigned long)s->index + 1)
            return 5;
    return 0;
}

int main(void)
{
    tine_thread *t[BATCH];
    int failed = 0, spawned = 0, shared = 0, ret;

    CHECK(counter == 42 && zeroed == 0 && ie == 7 && strcmp(text, "thread-local") == 0,
          "main starts from the initial image (.tdata 42, 7, \"thread-local\"; .tbss 0)");
    CHECK((unsigned long)text % 64 == 0, "a 64-byte aligned thread-local is 64-byte aligned in main (%p)",
          (void *)text);
    CHECK(tine_thread_self() && tine_thread_tid(tine_thread_self()) == tine_getpid(),
          "tine_thread_self() is main's descriptor, its tid the pid");
    counter = -1;
    zeroed = 99;
    ie = -7;
    text[0] = 'M';
    zeros[39] = 5;

    for (int done = 0; done < THREADS; done += BATCH) {
        for (int i = 0; i < BATCH; i++) {
            seen[i] = (struct seen){ .index = done + i };
            if (tine_thread_spawn(&t[i], worker, &seen[i], 0) == 0)
                spawned++;
            else
                t[i] = 0;
        }
        for (int i = 0; i < BATCH; i++) {
            if (!t[i])
                continue;
            if (tine_thread_join(t[i], &ret) != 0 || ret != 0) {
                if (!failed)
                    tine_printf("     thread %d: check %d failed\n", done + i, ret);
                failed++;
            }
        }
        for (int i = 0; i < BATCH; i++)         /* live together: distinct blocks */
            for (int j = 0; j < i; j++)
                if (seen[i].counter && seen[i].counter == seen[j].counter)
                    shared++;
    }
    CHECK_EQ(spawned, THREADS, "1000 threads spawned");
    CHECK_EQ(failed, 0, "each began from the initial image, aligned, and kept its own values");
    CHECK_EQ(shared, 0, "threads alive at the same time had distinct blocks");
    CHECK(counter == -1 && zeroed == 99 && ie == -7 && text[0] == 'M' && zeros[39] == 5,
          "main's values are untouched by the threads");
    return t_done();
}
