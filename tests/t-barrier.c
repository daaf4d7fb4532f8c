/* SPDX-License-Identifier: 0BSD */
/*
 * t-barrier: tine_barrier. 8 threads meet at one barrier for 500 rounds:
 * in each round exactly one of them gets 1, and none leaves before all 8
 * have arrived. Two processes sharing a barrier in a MAP_SHARED page keep
 * step for 200 rounds (tine_barrier sleeps on shared futexes). A barrier
 * of one never waits; count 0 and NULL are refused.
 */
#include "t.h"

#define THREADS 8
#define ROUNDS  500
#define PROC_ROUNDS 200

static tine_barrier barrier = TINE_BARRIER_INIT(THREADS);
static int arrived[ROUNDS], serial[ROUNDS];

/* Returns how many rounds it saw go wrong: a bad return, or leaving before everyone came. */
static int meet(void *arg)
{
    int bad = 0;

    (void)arg;
    for (int r = 0; r < ROUNDS; r++) {
        __atomic_add_fetch(&arrived[r], 1, __ATOMIC_RELAXED);
        int ret = tine_barrier_wait(&barrier);
        if (ret == 1)
            __atomic_add_fetch(&serial[r], 1, __ATOMIC_RELAXED);
        else if (ret != 0)
            bad++;
        if (__atomic_load_n(&arrived[r], __ATOMIC_RELAXED) != THREADS)
            bad++;              /* the barrier's own ordering must make every arrival visible */
    }
    return bad;
}

struct shared { tine_barrier b; int step[2]; int serial[PROC_ROUNDS]; };

/* One of two processes: in each round its step must not be ahead of the other's. */
static int lockstep(struct shared *sh, int me)
{
    int bad = 0;

    for (int r = 0; r < PROC_ROUNDS; r++) {
        __atomic_store_n(&sh->step[me], r + 1, __ATOMIC_RELAXED);
        int ret = tine_barrier_wait(&sh->b);
        if (ret == 1)
            __atomic_add_fetch(&sh->serial[r], 1, __ATOMIC_RELAXED);
        else if (ret != 0)
            bad |= 1;
        if (__atomic_load_n(&sh->step[!me], __ATOMIC_RELAXED) < r + 1)
            bad |= 2;           /* the other had not arrived in this round */
    }
    return bad;
}

int main(void)
{
    tine_thread *t[THREADS];
    tine_barrier one, zero = { 0, 0, 0 };
    struct shared *sh;
    int bad = 0, wrong = 0, ret, pid, status = -1;

    t_qemu();
    CHECK_EQ(tine_barrier_init(&one, 0), -EINVAL, "init with count 0: -EINVAL");
    CHECK_EQ(tine_barrier_init(0, 2), -EINVAL, "init(NULL): -EINVAL");
    CHECK_EQ(tine_barrier_wait(0), -EINVAL, "wait(NULL): -EINVAL");
    CHECK_EQ(tine_barrier_wait(&zero), -EINVAL, "wait on a barrier of count 0: -EINVAL, no sleep");
    CHECK_EQ(tine_barrier_init(&one, 1), 0, "init with count 1");
    CHECK_EQ(tine_barrier_wait(&one), 1, "a barrier of one: 1 at once");
    CHECK_EQ(tine_barrier_wait(&one), 1, "... and again");

    for (int i = 0; i < THREADS; i++)
        CHECK_EQ(tine_thread_spawn(&t[i], meet, 0, 0), 0, "spawn a thread");
    for (int i = 0; i < THREADS; i++) {
        ret = -1;
        tine_thread_join(t[i], &ret);
        bad += ret;
    }
    for (int r = 0; r < ROUNDS; r++)
        wrong += serial[r] != 1;
    CHECK_EQ(bad, 0, "8 threads x 500 rounds: nobody left a round before all 8 arrived");
    CHECK_EQ(wrong, 0, "... and each round returned 1 in exactly one thread");

    sh = tine_mmap(0, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (tine_is_err(sh)) {
        CHECK(0, "mmap a shared page: %s", tine_strerror(tine_ptr_err(sh)));
        return t_done();
    }
    CHECK_EQ(tine_barrier_init(&sh->b, 2), 0, "a barrier of two in a MAP_SHARED page");
    pid = tine_fork();
    if (pid == 0)
        tine_exit(lockstep(sh, 1));
    CHECK_EQ(lockstep(sh, 0), 0, "parent: 200 rounds in step with another process");
    CHECK_EQ(tine_wait(pid, &status), pid, "reap it");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child: the same (status %#x)", status);
    wrong = 0;
    for (int r = 0; r < PROC_ROUNDS; r++)
        wrong += sh->serial[r] != 1;
    CHECK_EQ(wrong, 0, "... and each round returned 1 in exactly one of the two");
    return t_done();
}
