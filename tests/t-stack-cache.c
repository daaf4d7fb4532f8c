/* SPDX-License-Identifier: 0BSD */
/*
 * t-stack-cache: the stack cache counts bytes (issue 13).
 *
 *   - a joined thread's stack serves the next spawn that fits it: the same
 *     size, or a little smaller (at most a quarter less); not a much
 *     smaller one, not another guard;
 *   - what stays mapped after a burst of joins adds up to no more than the
 *     budget, and something does stay;
 *   - a smaller budget shrinks the cache at once; budget 0 caches nothing;
 *   - a thread on a reused, bigger mapping that overflows is named with
 *     the size it asked for (the tail the overflow handler reads is right).
 *
 * What is mapped is asked of the kernel page by page (t_readable): a
 * thread's mapping is the run of readable pages holding its descriptor,
 * with the guard page below it and the cap page above it, which the kernel
 * cannot read. (/proc/self/maps cannot say: where the kernel marks guards
 * inside a writable mapping, neighbouring stacks are one mapping there.)
 *
 * Sizes are in pages, not KiB: a kernel with 64 KiB pages (ppc64le's
 * Debian kernel) rounds a 16 KiB stack up to a whole page, and every size
 * below would then serve every other.
 */
#include "t.h"

#define KIB 1024
#define N   32

/* The bytes of the whole mapping holding p (guard + readable run + cap), or 0 if p is not mapped. */
static size_t mapping_bytes(const void *p)
{
    unsigned long page = tine_page_size(), lo = (unsigned long)p & -page, hi = lo + page;

    if (t_readable((void *)lo) != 1)
        return 0;
    while (t_readable((void *)(lo - page)) == 1)
        lo -= page;
    while (t_readable((void *)hi) == 1)
        hi += page;
    return hi - lo + 2 * page;
}

/* Does s contain w? */
static int has(const char *s, const char *w)
{
    for (size_t n = strlen(w); *s; s++)
        if (memcmp(s, w, n) == 0)
            return 1;
    return 0;
}

static int go;

static int park(void *arg)
{
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        tine_futex_wait(&go, 0);
    return (int)(long)arg;
}

static int twice(void *arg)
{
    return 2 * (int)(long)arg;
}

/* One spawn + join; the handle, which is the descriptor, in the mapping. */
static tine_thread *spawn_join(size_t stack, size_t guard)
{
    struct tine_thread_opts o = { stack, guard };
    tine_thread *t;
    int r = -1;

    if (tine_thread_spawn(&t, twice, (void *)21, &o) != 0 || tine_thread_join(t, &r) != 0 || r != 42)
        return 0;
    return t;
}

/* In a child: a 16-page thread joined, then a 14-page one on its mapping runs off it. */
static int overflow_on_reused(void *arg)
{
    struct tine_thread_opts o = { 14 * tine_page_size(), 0 };
    tine_thread *t, *first = spawn_join(16 * tine_page_size(), 0);

    (void)arg;
    if (!first || tine_thread_spawn(&t, t_dive, 0, &o) != 0)
        return 3;
    if (t != first)
        return 4;                       /* not the cached mapping: the test proves nothing */
    tine_thread_join(t, 0);
    return 5;
}

int main(void)
{
    size_t page = tine_page_size(), budget = 64 * page, cached = 0, one = 0;
    struct tine_thread_opts o16 = { 4 * page, 0 };
    tine_thread *t[N], *a, *b;
    char err[512], want[64];
    int ok = 0, status;

    t_qemu();
    CHECK_EQ(tine_stack_cache_budget(budget), TINE_STACK_CACHE_DEFAULT, "the budget starts at the default");

    a = spawn_join(4 * page, 0);
    CHECK(a && mapping_bytes(a) > 4 * page, "a joined 4-page thread's stack stays mapped");
    b = spawn_join(4 * page, 0);
    CHECK(b && b == a, "and serves the next 4-page spawn (%p, %p)", (void *)a, (void *)b);
    b = spawn_join(3 * page, 0);
    CHECK(b && b == a, "and one a page smaller (%p, %p)", (void *)a, (void *)b);
    b = spawn_join(TINE_STACK_MIN, 0);
    CHECK(b && b != a, "but not one of TINE_STACK_MIN (%p, %p)", (void *)a, (void *)b);
    b = spawn_join(4 * page, 4 * page);
    CHECK(b && b != a, "nor one with another guard (%p, %p)", (void *)a, (void *)b);

    /* A burst: N threads alive at once, then joined. */
    tine_stack_cache_flush();
    go = 0;
    for (int i = 0; i < N; i++)
        if (tine_thread_spawn(&t[i], park, (void *)(long)i, &o16) == 0)
            ok++;
    CHECK_EQ(ok, N, "32 threads on 4-page stacks, alive at once");
    one = mapping_bytes(t[0]);
    CHECK(one * N > budget, "their mappings (%zu bytes each) add up to more than the budget", one);
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    tine_futex_wake(&go, N);
    ok = 0;
    for (int i = 0; i < N; i++) {
        int r = -1;
        ok += tine_thread_join(t[i], &r) == 0 && r == i;
    }
    CHECK_EQ(ok, N, "all 32 joined");
    for (int i = 0; i < N; i++)
        cached += mapping_bytes(t[i]);
    CHECK(cached > 0 && cached <= budget, "what stays mapped (%zu bytes) is within the budget (%zu)",
          cached, budget);

    CHECK_EQ(tine_stack_cache_budget(one), budget, "a smaller budget returns the one before");
    cached = 0;
    for (int i = 0; i < N; i++)
        cached += mapping_bytes(t[i]);
    CHECK(cached <= one, "and the cache shrinks to it at once (%zu bytes stay)", cached);
    CHECK_EQ(tine_stack_cache_budget(0), one, "budget 0");
    cached = 0;
    for (int i = 0; i < N; i++)
        cached += mapping_bytes(t[i]);
    CHECK_EQ(cached, 0, "leaves nothing mapped");
    a = spawn_join(4 * page, 0);
    CHECK(a && mapping_bytes(a) == 0, "and caches nothing: a joined stack is unmapped at once");

    tine_stack_cache_budget(TINE_STACK_CACHE_DEFAULT);
    status = t_capture(overflow_on_reused, 0, err, sizeof err);
    t_drop_qemu_line(err);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "a 14-page thread on a cached 16-page mapping "
          "runs off its stack and dies by SIGSEGV (status 0x%x)", status);
    tine_snprintf(want, sizeof want, ": %zu KiB stack exhausted (fault at 0x", 14 * page / KIB);
    CHECK(has(err, want), "named with the size it asked for (%zu KiB): %s", 14 * page / KIB, err);
    return t_done();
}
