/* SPDX-License-Identifier: 0BSD */
/*
 * tests/fuzz/clone-fuzz.c — the clone-flags fuzzer, tine's half.
 *
 *   clone-fuzz [count [seed]]      (defaults: 300 cases, the seed in clone-fuzz.h)
 *
 * Draws count flag combinations from the generator in clone-fuzz.h, passes
 * each to tine_clone_raw fork-shaped (no stack, so the child runs on a copy
 * of ours), and prints one line per case: its number, the CLONE_* flags in
 * hex, the exit signal, and "ok" or the errno the kernel answered.
 * tests/host/clone-fuzz.c does the same through glibc's syscall(SYS_clone);
 * mk/check.sh diffs the two. Identical output means tine hands the kernel
 * the same flags and arguments, in the same places, as the kernel's own
 * interface does, valid combinations and refused ones alike.
 *
 * Natively only: qemu-user refuses most of these shapes (docs/qemu-user.md).
 * Not named t-*: it is not a test on its own, only half of one.
 */
#include <tine.h>
#include "clone-fuzz.h"

/* Seconds on the monotonic clock. */
static long seconds(void)
{
    struct timespec ts = { 0, 0 };

    tine_clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec;
}

/* The errno's name: the first word of tine_strerror ("EINVAL (Invalid argument)"). */
static const char *errno_name(long e, char *buf, size_t cap)
{
    const char *s = tine_strerror((int)e);
    size_t i = 0;

    while (s[i] && s[i] != ' ' && i + 1 < cap) {
        buf[i] = s[i];
        i++;
    }
    buf[i] = 0;
    return buf;
}

int main(int argc, char **argv)
{
    unsigned long long count = cf_number(argc > 1 ? argv[1] : 0, CF_COUNT);
    unsigned long long seed = cf_number(argc > 2 ? argv[2] : 0, CF_SEED);
    unsigned long long s = seed ? seed : CF_SEED;   /* xorshift stays at 0 forever */
    long start = seconds();
    char name[32];

    tine_printf("clone-fuzz: seed 0x%llx, %llu cases\n", s, count);
    for (unsigned long long i = 1; i <= count; i++) {
        struct cf_case c = cf_draw(&s);
        int ptid = -1, ctid = -1, status = -1;
        const char *verdict;
        long r;

        if (seconds() - start >= CF_SECONDS) {
            tine_printf("stopped before case %llu: %d s limit\n", i, CF_SECONDS);
            return 1;
        }
        r = tine_clone_raw(c.flags | (unsigned long)cf_signals[c.sig].sig, 0, &ptid, &ctid, 0);
        if (r == 0)
            tine_exit(0);       /* the child: nothing but exit */
        tine_printf("%4llu 0x%08lx %-8s ", i, c.flags, cf_signals[c.sig].name);
        if (r < 0) {
            tine_printf("%s\n", errno_name(r, name, sizeof name));
            continue;
        }
        verdict = cf_verdict(c.flags, r, ptid, ctid);
        if ((c.flags & CLONE_PIDFD) && ptid >= 0 && tine_close(ptid) != 0)
            verdict = " pidfd-not-an-fd";
        if (tine_wait((int)r, &status) != r)
            verdict = " not-reaped";
        else if (status != 0)
            verdict = " child-status-not-0";
        tine_printf("ok%s\n", verdict);
    }
    tine_printf("%llu cases\n", count);
    return 0;
}
