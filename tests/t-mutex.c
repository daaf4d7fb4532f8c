/* SPDX-License-Identifier: 0BSD */
/*
 * t-mutex: tine_mutex. 8 threads x 100,000 increments under one mutex come
 * to exactly 800,000; trylock says -EBUSY while it is held; unlock of an
 * unlocked mutex is -EPERM and harms nothing; NULL and a word tine never
 * set are refused, not slept on; a TINE_MUTEX_INIT_SHARED mutex in a
 * MAP_SHARED page guards a counter between two processes (tine_fork), and
 * natively between a CLONE_VM child and its parent too (qemu-user refuses
 * CLONE_VM without the thread flags: -EINVAL there).
 */
#include "t.h"

#define THREADS    8
#define INCREMENTS 100000

static tine_mutex lock = TINE_MUTEX_INIT;
static long counter;

static int adder(void *arg)
{
    tine_mutex *m = arg;
    int bad = 0;

    for (int i = 0; i < INCREMENTS; i++) {
        bad |= tine_mutex_lock(m);
        counter++;              /* plain: only the mutex keeps it right */
        bad |= tine_mutex_unlock(m);
    }
    return bad;
}

/*
 * What two processes share: the mutex, the counter, and the steps of the
 * test, one word each, which each side polls for (t_wait_word) or spins on.
 */
struct shared { tine_mutex m; long counter; int ready, go, counted, held, tried; };

/* Both sides start counting together (the child says it is ready, the parent says go), so they contend. */
static int shared_adder(struct shared *sh, int child)
{
    int bad = 0;

    if (child) {
        __atomic_store_n(&sh->ready, 1, __ATOMIC_RELEASE);
        while (!__atomic_load_n(&sh->go, __ATOMIC_ACQUIRE))
            tine_sched_yield();
    } else {
        while (!__atomic_load_n(&sh->ready, __ATOMIC_ACQUIRE))
            tine_sched_yield();
        __atomic_store_n(&sh->go, 1, __ATOMIC_RELEASE);
    }
    for (int i = 0; i < INCREMENTS; i++) {
        bad |= tine_mutex_lock(&sh->m);
        sh->counter++;
        bad |= tine_mutex_unlock(&sh->m);
    }
    return bad ? 1 : 0;
}

/*
 * The child of the cross-process test: counts, says so, then tries the
 * mutex while the parent holds it. Polled words, not the mutex, order the
 * steps: a child that found the mutex free would say so by its exit status.
 */
static int shared_child(void *arg)
{
    struct shared *sh = arg;
    int r = shared_adder(sh, 1);

    __atomic_store_n(&sh->counted, 1, __ATOMIC_RELEASE);
    if (!t_wait_word(&sh->held, 1, 10000))
        r |= 4;
    if (tine_mutex_trylock(&sh->m) != -EBUSY)
        r |= 2;
    __atomic_store_n(&sh->tried, 1, __ATOMIC_RELEASE);
    return r;
}

/* Parent and one child (forked, or CLONE_VM) each add INCREMENTS under sh->m. */
static void two_processes(struct shared *sh, const char *how, int pid)
{
    int status = -1, r = shared_adder(sh, 0);

    CHECK_EQ(r, 0, "parent: every lock and unlock returned 0");
    CHECK(t_wait_word(&sh->counted, 1, 10000), "the child has counted");
    CHECK_EQ(tine_mutex_lock(&sh->m), 0, "parent takes the shared mutex");
    __atomic_store_n(&sh->held, 1, __ATOMIC_RELEASE);
    CHECK(t_wait_word(&sh->tried, 1, 10000), "the child has tried it");
    CHECK_EQ(tine_mutex_unlock(&sh->m), 0, "parent releases it");
    CHECK_EQ(tine_wait(pid, &status), pid, "the child is reaped");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "child: its locks worked, and its trylock got -EBUSY while the parent held the mutex (status %#x)",
          status);
    CHECK_EQ(sh->counter, 2L * INCREMENTS, how);
    CHECK_EQ(sh->m.word, 0, "the shared mutex ends unlocked");
}

int main(void)
{
    tine_mutex m = TINE_MUTEX_INIT, junk = { 7, 0 };
    tine_thread *t[THREADS];
    struct shared *sh;
    int pid, ret, bad = 0;

    t_qemu();
    CHECK_EQ(tine_mutex_trylock(&m), 0, "trylock a free mutex: 0");
    CHECK_EQ(m.word, 1, "uncontended, the word is 1: unlock will make no system call");
    CHECK_EQ(tine_mutex_trylock(&m), -EBUSY, "trylock a held mutex: -EBUSY");
    CHECK_EQ(tine_mutex_unlock(&m), 0, "unlock: 0");
    CHECK_EQ(tine_mutex_unlock(&m), -EPERM, "unlock an unlocked mutex: -EPERM");
    CHECK_EQ(m.word, 0, "... and it stays unlocked");
    CHECK_EQ(tine_mutex_lock(&m), 0, "lock after that: 0");
    CHECK_EQ(tine_mutex_trylock(&m), -EBUSY, "trylock while locked by lock: -EBUSY");
    CHECK_EQ(tine_mutex_unlock(&m), 0, "unlock: 0");
    CHECK_EQ(tine_mutex_lock(0), -EINVAL, "lock(NULL): -EINVAL");
    CHECK_EQ(tine_mutex_trylock(0), -EINVAL, "trylock(NULL): -EINVAL");
    CHECK_EQ(tine_mutex_unlock(0), -EINVAL, "unlock(NULL): -EINVAL");
    CHECK_EQ(tine_mutex_lock(&junk), -EINVAL, "lock of a word tine never set (7): -EINVAL, no sleep");
    CHECK_EQ(tine_mutex_trylock(&junk), -EINVAL, "trylock of it: -EINVAL");
    CHECK_EQ(tine_mutex_unlock(&junk), -EINVAL, "unlock of it: -EINVAL");
    CHECK_EQ(junk.word, 7, "... and the word is left as it was");

    for (int i = 0; i < THREADS; i++)
        CHECK_EQ(tine_thread_spawn(&t[i], adder, &lock, 0), 0, "spawn an adder");
    for (int i = 0; i < THREADS; i++) {
        ret = -1;
        tine_thread_join(t[i], &ret);
        bad |= ret;
    }
    CHECK_EQ(bad, 0, "every lock and unlock in the threads returned 0");
    CHECK_EQ(counter, (long)THREADS * INCREMENTS, "8 threads x 100,000 increments under the mutex");
    CHECK_EQ(lock.word, 0, "the mutex ends unlocked");

    sh = tine_mmap(0, tine_page_size(), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (tine_is_err(sh)) {
        CHECK(0, "mmap a shared page: %s", tine_strerror(tine_ptr_err(sh)));
        return t_done();
    }
    *sh = (struct shared){ .m = TINE_MUTEX_INIT_SHARED };
    pid = tine_fork();
    if (pid == 0)
        tine_exit(shared_child(sh));
    CHECK(pid > 0, "fork (%d)", pid);
    if (pid > 0)
        two_processes(sh, "fork, MAP_SHARED: 2 x 100,000 increments", pid);

    *sh = (struct shared){ .m = TINE_MUTEX_INIT_SHARED };
    pid = tine_spawn(shared_child, sh, &(struct tine_spawn_opts){ .flags = CLONE_VM, .exit_signal = SIGCHLD });
    if (t_qemu())
        CHECK_EQ(pid, -EINVAL, "qemu-user refuses tine_spawn with CLONE_VM alone");
    else if (pid < 0)
        CHECK(0, "tine_spawn with CLONE_VM: %s", tine_strerror(pid));
    else
        two_processes(sh, "CLONE_VM: 2 x 100,000 increments", pid);
    return t_done();
}
