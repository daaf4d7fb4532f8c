/* SPDX-License-Identifier: 0BSD */
/*
 * stack-usage.c — how big must a stack be? Two answers side by side.
 *
 * The compiler's answer: -fstack-usage writes each function's frame size,
 * known at compile time ("static") or not ("dynamic": a variable-length
 * array, alloca). `make` builds this example twice, first to collect those
 * figures (mk/su-header.sh turns them into SU_<function> macros), then to
 * print them.
 *
 * The machine's answer: run each workload in a thread whose stack tine has
 * painted, and read the high-water mark after join (stack_peak).
 *
 * The two differ by tine's own share (the thread's first frame, measured
 * here as the peak of a thread that does nothing), by recursion (the
 * compiler knows one frame, not how many), and by dynamic frames, which
 * only measuring can size.
 */
#include <tine.h>

#ifndef SU_sum_array                /* built by hand, without make's first pass */
#define SU_NONE 1
#endif

static volatile int depth = 20, vla_bytes = 3000;   /* known only at run time */

static __attribute__((noinline)) int sum_array(void)
{
    volatile int a[256];
    int s = 0;

    for (int i = 0; i < 256; i++)
        a[i] = i;
    for (int i = 0; i < 256; i++)
        s += a[i];
    return s;
}

static __attribute__((noinline)) int recurse(int n)
{
    volatile char pad[64];

    pad[0] = (char)n;
    return n > 1 ? recurse(n - 1) + pad[0] : pad[0];
}

static __attribute__((noinline)) int vla(int n)
{
    volatile char buf[n];

    for (int i = 0; i < n; i++)
        buf[i] = (char)i;
    return buf[n - 1];
}

static int nothing(void *a) { (void)a; return 0; }
static int run_sum(void *a) { (void)a; return sum_array() != 32640; }
static int run_rec(void *a) { (void)a; return recurse(depth) == 0; }
static int run_vla(void *a) { (void)a; return vla(vla_bytes) == 0; }

static size_t peak(int (*fn)(void *))
{
    size_t p = 0;
    struct tine_thread_opts o = { .stack_size = 64 * 1024, .stack_peak = &p };
    tine_thread *t;
    int r = tine_thread_spawn(&t, fn, 0, &o);

    if (r == 0)
        r = tine_thread_join(t, 0);
    if (r != 0)
        tine_dprintf(2, "stack-usage: %s\n", tine_strerror(r));
    return p;
}

static int bad;                 /* a workload that painted no more than an idle thread */

static void row(const char *what, long su, const char *kind, size_t measured, size_t base)
{
    char fig[32];

    if (measured != base && measured <= base)
        bad = 1;
    if (measured == base && strcmp(kind, "tine's share") != 0)
        bad = 1;
    if (su < 0)
        tine_snprintf(fig, sizeof fig, "%s", kind);
    else
        tine_snprintf(fig, sizeof fig, "%ld (%s)", su, kind);
    tine_printf("  %-30s %-20s %8zu %8zu\n", what, fig, measured, measured - base);
}

int main(void)
{
    size_t base = peak(nothing);

    tine_printf("The compiler gives each frame's size; for recursion, multiply by the depth;\n"
                "a dynamic frame has no static size: measure it. (`make stack-report` does\n"
                "the sums over tine's own call graph.) Bytes:\n");
    tine_printf("  %-30s %-20s %8s %8s\n", "workload", "-fstack-usage", "peak", "- tine");
#ifdef SU_NONE
    tine_printf("  (built without make's first pass: no -fstack-usage figures)\n");
#define FIG(f, n) -1, "n/a"
#else
#define FIG(f, n) (long)(SU_##f * (n)), SU_##f##_KIND
#endif
    row("a thread that does nothing", -1, "tine's share", base, base);
    row("sum_array: int a[256]", FIG(sum_array, 1), peak(run_sum), base);
    {
        char what[40];
        tine_snprintf(what, sizeof what, "recurse: %d calls deep", depth);
        row(what, FIG(recurse, depth), peak(run_rec), base);
    }
    {
        char what[40];
        tine_snprintf(what, sizeof what, "vla: char buf[%d]", vla_bytes);
        row(what, FIG(vla, 1), peak(run_vla), base);
    }
    return bad;
}
