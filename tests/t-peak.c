/* SPDX-License-Identifier: 0BSD */
/*
 * t-peak: a painted stack tells how deep it went. The peak a thread
 * reports lies between what its fn provably used and that plus its frames'
 * overhead; a stack from tine_stack_map can be painted and read by hand,
 * even from a child that has its own copy of it.
 */
#include "t.h"

/*
 * Touches every byte of an n-byte array on its own frame. The array is n
 * bytes, not the most any caller asks for: on PowerPC a frame's lowest
 * word (the back chain, ELFv2 ABI) is written when the frame is made, so
 * a frame's whole size is its depth on a painted stack, touched or not.
 */
static __attribute__((noinline)) int use(int n)
{
    volatile char a[n];

    for (int i = 0; i < n; i++)
        a[n - 1 - i] = (char)i;
    return a[n - 1];
}

static int fn(void *arg)
{
    int n = (int)(long)arg;

    return n ? use(n) : 0;
}

static size_t peak_of(int n, size_t stack)
{
    struct tine_thread_opts o = { .stack_size = stack };
    size_t peak = (size_t)-1;
    tine_thread *t;

    o.stack_peak = &peak;
    if (tine_thread_spawn(&t, fn, (void *)(long)n, &o) != 0 || tine_thread_join(t, 0) != 0)
        return (size_t)-1;
    return peak;
}

static size_t *shared;

static int measure_self(void *arg)
{
    struct tine_stack *st = arg;

    use(4000);
    *shared = tine_stack_peak(st);
    return 0;
}

int main(void)
{
    struct tine_stack st;
    size_t p;
    int status, pid;

    t_qemu();
    /* 1 KiB of slack: thread start, fn and use()'s own frame, on every port. */
    p = peak_of(0, 0);
    CHECK(p < 1024, "a thread that calls nothing: %zu bytes", p);
    p = peak_of(3000, 0);
    CHECK(p >= 3000 && p <= 3000 + 1024, "a thread that writes 3000 bytes: %zu bytes", p);
    p = peak_of(6000, 8192);
    CHECK(p >= 6000 && p <= 8192, "6000 bytes on an 8 KiB stack: %zu bytes", p);
    /* Stacks come back from the cache with old contents: they are painted again. */
    p = peak_of(100, 8192);
    CHECK(p >= 100 && p < 1024 + 100, "the same stack again, reused: %zu bytes", p);

    CHECK_EQ(tine_stack_map(&st, 16384, 0), 0, "tine_stack_map 16 KiB");
    CHECK_EQ(tine_stack_peak(&st), st.size, "never painted: the peak is the whole stack");
    tine_stack_paint(&st);
    CHECK_EQ(tine_stack_peak(&st), 0, "painted, unused: 0 bytes");
    shared = tine_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pid = (int)tine_clone(measure_self, &st, SIGCHLD, tine_stack_top(&st), 0, 0, 0);
    CHECK(pid > 0 && tine_wait(pid, &status) == pid && WIFEXITED(status), "a child on it measures its own copy");
    CHECK(*shared >= 4000 && *shared <= 4000 + 1024, "it used %zu bytes (wrote 4000)", *shared);
    /* x86's stubs store the child's first words there before clone; the child's use is not seen. */
    p = tine_stack_peak(&st);
    CHECK(p < 64, "the parent's copy holds only what the clone stub put there: %zu bytes", p);
    tine_stack_unmap(&st);
    CHECK_EQ(tine_stack_peak(0), 0, "tine_stack_peak(NULL) is 0");
    return t_done();
}
