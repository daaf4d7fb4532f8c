/* SPDX-License-Identifier: 0BSD */
/*
 * t-once: tine_once_run. 64 threads released together race to run one
 * function: it runs exactly once, and every one of them returns only after
 * it has finished (it sleeps 20 ms, so most find it running and must wait).
 * Called again, it does nothing. Two processes sharing a once in a
 * MAP_SHARED page run it once between them (tine_once sleeps on shared
 * futexes). Bad arguments are refused.
 */
#include "t.h"

#define THREADS 64
#define MS      1000000L

static tine_once once = TINE_ONCE_INIT;
static int runs, finished, go;

static void init(void)
{
    __atomic_add_fetch(&runs, 1, __ATOMIC_SEQ_CST);
    tine_nanosleep(0, 20 * MS);
    __atomic_store_n(&finished, 1, __ATOMIC_SEQ_CST);
}

static void never(void)
{
    __atomic_add_fetch(&runs, 100, __ATOMIC_SEQ_CST);
}

/*
 * Returns 0 if tine_once_run returned 0 after init had finished; 1 or 2
 * otherwise. The racers sleep until main has spawned them all (spinning,
 * 63 of them would slow the spawning of the rest to a crawl on 2 CPUs).
 */
static int racer(void *arg)
{
    (void)arg;
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        tine_futex_wait(&go, 0);
    if (tine_once_run(&once, init) != 0)
        return 1;
    return __atomic_load_n(&finished, __ATOMIC_SEQ_CST) ? 0 : 2;
}

struct shared { tine_once once; int runs, finished; };
static struct shared *sh;

static void shared_init(void)
{
    __atomic_add_fetch(&sh->runs, 1, __ATOMIC_SEQ_CST);
    tine_nanosleep(0, 50 * MS);
    __atomic_store_n(&sh->finished, 1, __ATOMIC_SEQ_CST);
}

/* Each process: 0 when the once ran (here or there) and had finished on return. */
static int shared_racer(void)
{
    if (tine_once_run(&sh->once, shared_init) != 0)
        return 1;
    return __atomic_load_n(&sh->finished, __ATOMIC_SEQ_CST) ? 0 : 2;
}

int main(void)
{
    tine_thread *t[THREADS];
    tine_once junk = 9, fresh = TINE_ONCE_INIT;
    int spawned = 0, early = 0, failed = 0, ret, pid, status = -1;

    t_qemu();
    CHECK_EQ(tine_once_run(0, init), -EINVAL, "once(NULL, fn): -EINVAL");
    CHECK_EQ(tine_once_run(&fresh, 0), -EINVAL, "once(o, NULL): -EINVAL");
    CHECK_EQ(tine_once_run(&junk, init), -EINVAL, "a word that is no once's state (9): -EINVAL");
    CHECK_EQ(runs, 0, "... and none of them ran anything");

    for (int i = 0; i < THREADS; i++)
        spawned += tine_thread_spawn(&t[i], racer, 0, 0) == 0;
    CHECK_EQ(spawned, THREADS, "64 threads spawned");
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    tine_futex_wake(&go, INT_MAX);
    for (int i = 0; i < spawned; i++) {
        ret = -1;
        tine_thread_join(t[i], &ret);
        failed += ret == 1;
        early += ret == 2;
    }
    CHECK_EQ(runs, 1, "the function ran exactly once");
    CHECK_EQ(failed, 0, "tine_once_run returned 0 in all 64");
    CHECK_EQ(early, 0, "none returned before the function had finished");
    CHECK_EQ(tine_once_run(&once, never), 0, "called again: 0");
    CHECK_EQ(runs, 1, "... and it ran nothing");

    sh = tine_mmap(0, tine_page_size(), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (tine_is_err(sh)) {
        CHECK(0, "mmap a shared page: %s", tine_strerror(tine_ptr_err(sh)));
        return t_done();
    }
    *sh = (struct shared){ TINE_ONCE_INIT, 0, 0 };
    pid = tine_fork();
    if (pid == 0)
        tine_exit(shared_racer());
    CHECK_EQ(shared_racer(), 0, "parent: the shared once had run and finished when it returned");
    CHECK_EQ(tine_wait(pid, &status), pid, "reap the other process");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "child: the same (status %#x)", status);
    CHECK_EQ(sh->runs, 1, "two processes, one shared once: it ran once");
    return t_done();
}
