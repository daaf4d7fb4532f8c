/* SPDX-License-Identifier: 0BSD */
/* t-thread: spawn, join, self, tid, nested threads, exit from depth, bad arguments, joins twice. */
#include "t.h"

static int shared;

struct facts { int pid, tid; tine_thread *self; int *stack_addr; };

static int report(void *arg)
{
    struct facts *f = arg;
    int local = 0;

    f->pid = tine_getpid();
    f->tid = tine_gettid();
    f->self = tine_thread_self();
    f->stack_addr = &local;
    __atomic_add_fetch(&shared, 1, __ATOMIC_SEQ_CST);
    return 123;
}

static int inner(void *arg)
{
    return (int)(long)arg * 2;
}

/* A thread that starts a thread of its own and joins it. */
static int outer(void *arg)
{
    tine_thread *t;
    int r = -1;

    if (tine_thread_spawn(&t, inner, arg, 0) != 0)
        return -1;
    if (tine_thread_join(t, &r) != 0)
        return -2;
    return r + 1;
}

static volatile int exit_at_bottom = 1;    /* volatile: GCC must not call deep() endless */

static __attribute__((noinline)) void deep(volatile int n)
{
    if (n > 0)
        deep(n - 1);
    else if (exit_at_bottom)
        tine_thread_exit(77);
    __atomic_add_fetch(&shared, 1000, __ATOMIC_SEQ_CST);   /* never reached */
}

static int exits_deep(void *arg)
{
    deep((int)(long)arg);
    return 1;
}

static int self_join(void *arg)
{
    (void)arg;
    return tine_thread_join(tine_thread_self(), 0);
}

int main(void)
{
    struct facts a = { 0 }, b = { 0 };
    struct tine_thread_opts small = { 16 * 1024, 0 };
    tine_thread *ta, *tb, *t;
    int ret = -1;

    t_qemu();
    CHECK(tine_thread_self() != 0, "tine_thread_self() works in main");
    CHECK_EQ(tine_thread_tid(tine_thread_self()), tine_getpid(), "main's tid is the pid");

    CHECK_EQ(tine_thread_spawn(&ta, report, &a, 0), 0, "spawn with default options");
    CHECK_EQ(tine_thread_spawn(&tb, report, &b, &small), 0, "spawn with a 16 KiB stack");
    CHECK(tine_thread_tid(ta) > 0 && tine_thread_tid(tb) > 0, "tids are known at once");
    CHECK_EQ(tine_thread_join(ta, &ret), 0, "join the first");
    CHECK_EQ(ret, 123, "join stored fn's return value");
    CHECK_EQ(tine_thread_tid(tb), tine_thread_tid(tb), "tid readable");
    CHECK_EQ(tine_thread_join(tb, 0), 0, "join the second with ret NULL");
    CHECK_EQ(shared, 2, "both increments are visible: memory is shared");
    CHECK(a.pid == tine_getpid() && b.pid == tine_getpid(), "same thread group: getpid() is main's");
    CHECK(a.tid != b.tid && a.tid != tine_getpid() && b.tid != tine_getpid(), "three distinct tids");
    CHECK(a.self == ta && b.self == tb, "tine_thread_self() in a thread is its handle");
    {
        long dist = (char *)tine_thread_self() - (char *)b.stack_addr;
        CHECK(b.stack_addr && (dist > 16 * 1024 || dist < -16 * 1024 || dist < 0),
              "the thread ran on its own stack");
    }

    CHECK_EQ(tine_thread_spawn(&t, outer, (void *)20, 0), 0, "spawn a thread that spawns a thread");
    CHECK_EQ(tine_thread_join(t, &ret), 0, "join it");
    CHECK_EQ(ret, 41, "the nested thread ran and was joined inside (20 * 2 + 1)");

    CHECK_EQ(tine_thread_spawn(&t, exits_deep, (void *)50, 0), 0, "spawn a thread that exits 50 calls deep");
    CHECK_EQ(tine_thread_join(t, &ret), 0, "join it");
    CHECK_EQ(ret, 77, "tine_thread_exit's value reached join");
    CHECK_EQ(shared, 2, "nothing ran after tine_thread_exit");

    CHECK_EQ(tine_thread_spawn(&t, self_join, 0, 0), 0, "spawn a thread that joins itself");
    CHECK_EQ(tine_thread_join(t, &ret), 0, "join it");
    CHECK_EQ(ret, -EDEADLK, "joining oneself: -EDEADLK");

    for (int i = 0; i < 50; i++) {
        if (tine_thread_spawn(&t, inner, (void *)(long)i, &small) || tine_thread_join(t, &ret) || ret != 2 * i) {
            CHECK(0, "spawn/join round %d", i);
            break;
        }
    }
    CHECK(1, "50 spawn/join rounds with 16 KiB stacks");

    t = (tine_thread *)1;
    CHECK_EQ(tine_thread_spawn(0, inner, 0, 0), -EINVAL, "spawn into NULL: -EINVAL");
    CHECK_EQ(tine_thread_spawn(&t, 0, 0, 0), -EINVAL, "spawn of fn NULL: -EINVAL");
    {
        struct tine_thread_opts tiny = { TINE_STACK_MIN - 1, 0 };
        struct tine_thread_opts huge = { (size_t)-1 / 2, 0 };
        CHECK_EQ(tine_thread_spawn(&t, inner, 0, &tiny), -EINVAL, "a stack below TINE_STACK_MIN: -EINVAL");
        CHECK_EQ(tine_thread_spawn(&t, inner, 0, &huge), -EINVAL, "an absurd stack size: -EINVAL, as tine_spawn and tine_stack_map say");
    }
    CHECK(t == (tine_thread *)1, "failed spawns left *t alone");
    CHECK_EQ(tine_thread_join(0, 0), -EINVAL, "join NULL: -EINVAL");
    CHECK_EQ(tine_thread_join(tine_thread_self(), 0), -EINVAL, "join main: -EINVAL");
    CHECK_EQ(tine_thread_tid(0), -EINVAL, "tid of NULL: -EINVAL");

    /*
     * Issue 16, bug 5: a second join, while the stack waits in the cache,
     * used to return 0 and cache it twice; the next two spawns then shared
     * one descriptor. Now it is refused, and the cache stays whole.
     */
    {
        static long fake[64];           /* never a thread's: zeros, and then garbage */
        tine_thread *u, *v;
        int ru = -1, rv = -1;

        CHECK_EQ(tine_thread_spawn(&t, inner, (void *)3, &small), 0, "spawn one to join twice");
        CHECK_EQ(tine_thread_join(t, &ret), 0, "the first join");
        ret = -1;
        CHECK_EQ(tine_thread_join(t, &ret), -EINVAL, "the second join: -EINVAL");
        CHECK_EQ(ret, -1, "and it stored nothing");
        CHECK_EQ(tine_thread_spawn(&u, inner, (void *)4, &small), 0, "spawn after it");
        CHECK_EQ(tine_thread_spawn(&v, inner, (void *)5, &small), 0, "and another");
        CHECK(u != v, "the two have two descriptors (%p, %p)", (void *)u, (void *)v);
        CHECK(tine_thread_join(u, &ru) == 0 && tine_thread_join(v, &rv) == 0 && ru == 8 && rv == 10,
              "both ran and were joined (%d, %d)", ru, rv);
        CHECK_EQ(tine_thread_join((tine_thread *)fake, 0), -EINVAL, "join of zeros never spawned: -EINVAL");
        memset(fake, 0x5a, sizeof fake);
        CHECK_EQ(tine_thread_join((tine_thread *)fake, 0), -EINVAL, "join of garbage never spawned: -EINVAL");
    }
    return t_done();
}
