/* SPDX-License-Identifier: 0BSD */
/* t-clock: the kernel's clocks in both shapes, against each other and a file's mtime. */
#include "t.h"
#include <linux/fcntl.h>        /* AT_EMPTY_PATH */
#include <linux/stat.h>         /* struct statx, STATX_MTIME */

#define NS      1000000000LL
#define Y2020   1577836800LL    /* 2020-01-01 00:00:00 UTC */
#define Y2100   4102444800LL

#define CLOCK(c) { c, #c }
static const struct { int id; const char *name; } clocks[] = {
    CLOCK(CLOCK_REALTIME), CLOCK(CLOCK_MONOTONIC), CLOCK(CLOCK_PROCESS_CPUTIME_ID),
    CLOCK(CLOCK_THREAD_CPUTIME_ID), CLOCK(CLOCK_MONOTONIC_RAW), CLOCK(CLOCK_REALTIME_COARSE),
    CLOCK(CLOCK_MONOTONIC_COARSE), CLOCK(CLOCK_BOOTTIME), CLOCK(CLOCK_TAI),
};

static long long ns64(const struct __kernel_timespec *t) { return t->tv_sec * NS + t->tv_nsec; }
static long long ns(const struct timespec *t) { return (long long)t->tv_sec * NS + t->tv_nsec; }

/* A page the kernel cannot store a time in. */
static struct timespec *readonly;

static int store_readonly(void *arg)
{
    (void)arg;
    return tine_clock_gettime(CLOCK_MONOTONIC, readonly) == -EFAULT ? 3 : 4;
}

int main(void)
{
    struct __kernel_timespec a, b;
    struct timespec t;
    struct statx stx;
    long long start;
    int fds[2], status;
    char err[256];

    t_qemu();
    for (unsigned i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        int e = tine_clock_gettime64(clocks[i].id, &a), e32 = tine_clock_gettime(clocks[i].id, &t);
        CHECK(e == 0 && e32 == 0 && a.tv_sec >= 0 && a.tv_nsec >= 0 && a.tv_nsec < NS &&
              t.tv_sec >= 0 && t.tv_nsec >= 0 && t.tv_nsec < NS,
              "%s reads in both shapes (%d, %d: %lld.%09lld)", clocks[i].name, e, e32,
              (long long)a.tv_sec, (long long)a.tv_nsec);
    }

    tine_clock_gettime64(CLOCK_MONOTONIC, &a);
    CHECK_EQ(tine_nanosleep(0, 20 * 1000 * 1000), 0, "sleep 20 ms");
    tine_clock_gettime(CLOCK_MONOTONIC, &t);
    tine_clock_gettime64(CLOCK_MONOTONIC, &b);
    CHECK(ns(&t) - ns64(&a) >= 20 * 1000 * 1000 && ns64(&b) - ns64(&a) < 10 * NS,
          "CLOCK_MONOTONIC moved forward across the sleep by 20 ms or more (%lld ns)", ns(&t) - ns64(&a));
    CHECK(ns(&t) <= ns64(&b), "the two shapes read one clock, in order");
    tine_clock_gettime64(CLOCK_BOOTTIME, &b);
    CHECK(ns64(&b) >= ns(&t), "CLOCK_BOOTTIME is never behind CLOCK_MONOTONIC");

    start = ns(&t);
    tine_clock_gettime64(CLOCK_PROCESS_CPUTIME_ID, &a);
    do                                  /* spin until 1 ms of CPU time, for 2 s at most */
        tine_clock_gettime64(CLOCK_PROCESS_CPUTIME_ID, &b);
    while (ns64(&b) - ns64(&a) < 1000000 && tine_clock_gettime(CLOCK_MONOTONIC, &t) == 0 &&
           ns(&t) - start < 2 * NS);
    CHECK(ns64(&b) - ns64(&a) >= 1000000, "CLOCK_PROCESS_CPUTIME_ID counts CPU time (%lld ns)",
          ns64(&b) - ns64(&a));

    /* The wall clock, against the kernel's own stamp on a pipe made now. */
    tine_clock_gettime64(CLOCK_REALTIME, &a);
    tine_clock_gettime(CLOCK_REALTIME, &t);
    CHECK(a.tv_sec > Y2020 && a.tv_sec < Y2100 && t.tv_sec > Y2020 && t.tv_sec - a.tv_sec <= 1,
          "CLOCK_REALTIME is after 2020, in both shapes (%lld, %lld)", (long long)a.tv_sec,
          (long long)t.tv_sec);
    CHECK(tine_syscall2(__NR_pipe2, (long)fds, 0) == 0 &&
          tine_syscall5(__NR_statx, fds[0], (long)"", AT_EMPTY_PATH, STATX_MTIME, (long)&stx) == 0,
          "statx a new pipe");
    CHECK(stx.stx_mtime.tv_sec >= a.tv_sec - 1 && stx.stx_mtime.tv_sec <= a.tv_sec + 1,
          "CLOCK_REALTIME agrees with the pipe's mtime to a second (%lld, %lld)",
          (long long)a.tv_sec, (long long)stx.stx_mtime.tv_sec);
    tine_close(fds[0]), tine_close(fds[1]);

    CHECK_EQ(tine_clock_gettime64(MAX_CLOCKS, &a), -EINVAL, "clock id MAX_CLOCKS: -EINVAL");
    CHECK_EQ(tine_clock_gettime(MAX_CLOCKS, &t), -EINVAL, "clock id MAX_CLOCKS, struct timespec: -EINVAL");
    CHECK_EQ(tine_clock_gettime(0x7fffffff, &t), -EINVAL, "clock id 0x7fffffff: -EINVAL");
    CHECK_EQ(tine_clock_gettime(MAX_CLOCKS, 0), -EINVAL, "a bad id is refused before a NULL ts");
    CHECK_EQ(tine_clock_gettime64(CLOCK_MONOTONIC, 0), -EFAULT, "ts NULL: -EFAULT");
    CHECK_EQ(tine_clock_gettime(CLOCK_MONOTONIC, 0), -EFAULT, "ts NULL, struct timespec: -EFAULT");

    readonly = tine_mmap(0, tine_page_size(), PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(!tine_is_err(readonly), "map a read-only page");
    CHECK_EQ(tine_clock_gettime64(CLOCK_MONOTONIC, (struct __kernel_timespec *)readonly), -EFAULT,
             "ts on a read-only page: -EFAULT");
    status = t_capture(store_readonly, 0, err, sizeof err);
    if (sizeof(struct timespec) == sizeof(struct __kernel_timespec))
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3,
              "struct timespec on a read-only page: -EFAULT from the kernel (status %#x)", status);
    else
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
              "32-bit struct timespec on a read-only page: tine's store faults (status %#x)", status);
    return t_done();
}
