/* SPDX-License-Identifier: 0BSD */
/*
 * tests/host/clone-fuzz.c — the clone-flags fuzzer's oracle: the host's libc.
 *
 *   clone-fuzz [count [seed]]      (defaults: 300 cases, the seed in clone-fuzz.h)
 *
 * The same cases as tests/fuzz/clone-fuzz.c (one generator, clone-fuzz.h),
 * passed to the kernel through glibc's syscall(SYS_clone, ...) in the host's
 * own argument order, and printed in the same format: mk/check.sh diffs the
 * two outputs line for line. Built with the host's gcc and libc, not
 * tine-cc, and run natively only.
 */
#define _GNU_SOURCE                     /* strerrorname_np (glibc 2.32) */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "../fuzz/clone-fuzz.h"

static long seconds(void)
{
    struct timespec ts = { 0, 0 };

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec;
}

int main(int argc, char **argv)
{
    unsigned long long count = cf_number(argc > 1 ? argv[1] : 0, CF_COUNT);
    unsigned long long seed = cf_number(argc > 2 ? argv[2] : 0, CF_SEED);
    unsigned long long s = seed ? seed : CF_SEED;   /* xorshift stays at 0 forever */
    long start = seconds();

    printf("clone-fuzz: seed 0x%llx, %llu cases\n", s, count);
    for (unsigned long long i = 1; i <= count; i++) {
        struct cf_case c = cf_draw(&s);
        int ptid = -1, ctid = -1, status = -1;
        const char *verdict;
        long r;

        if (seconds() - start >= CF_SECONDS) {
            printf("stopped before case %llu: %d s limit\n", i, CF_SECONDS);
            return 1;
        }
        /*
         * x86_64's kernel order: flags, stack, ptid, ctid, tls (kernel/fork.c).
         * The child's copy of stdout's buffer dies with it: exit_group, no flush.
         */
        r = syscall(SYS_clone, c.flags | (unsigned long)cf_signals[c.sig].sig,
                    (void *)0, &ptid, &ctid, 0UL);
        if (r == 0)
            syscall(SYS_exit_group, 0);   /* the child: nothing but exit */
        printf("%4llu 0x%08lx %-8s ", i, c.flags, cf_signals[c.sig].name);
        if (r < 0) {
            printf("%s\n", strerrorname_np(errno));
            continue;
        }
        verdict = cf_verdict(c.flags, r, ptid, ctid);
        if ((c.flags & CLONE_PIDFD) && ptid >= 0 && close(ptid) != 0)
            verdict = " pidfd-not-an-fd";
        if (wait4((pid_t)r, &status, __WALL, 0) != r)
            verdict = " not-reaped";
        else if (status != 0)
            verdict = " child-status-not-0";
        printf("ok%s\n", verdict);
    }
    printf("%llu cases\n", count);
    return 0;
}
