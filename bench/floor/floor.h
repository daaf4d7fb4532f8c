/* SPDX-License-Identifier: 0BSD */
/*
 * bench/floor/floor.h — what the raw-syscall floor programs share.
 *
 * The floor is the least a program can do to get the same work done: the
 * same system calls and nothing else. Floor programs are built with
 * tine-cc, for its crt0 and its system-call doorways, but call only
 * tine_syscallN and the port's assembly stubs (__tine_arch_clone,
 * tine_clone_raw, tine_vfork): none of tine's C above them, so no stack
 * cache, no guard pages, no alternate signal stack, no overflow handler.
 */
#ifndef BENCH_FLOOR_H
#define BENCH_FLOOR_H

#include <stddef.h>             /* size_t */
#include <tine/syscall.h>
#include <tine/clone.h>         /* tine_clone_raw, CLONE_* */
#include <linux/futex.h>
#include <linux/time.h>         /* CLOCK_MONOTONIC */
#include <linux/time_types.h>   /* struct __kernel_timespec: 64-bit time on every port */
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/fcntl.h>
#include <linux/mman.h>

/*
 * The port's clone stub in clone(2)'s shape (arch/README.md lists it):
 * the child runs fn(arg) on stack_top from an outermost frame, then exits.
 * Called directly rather than through tine_clone, which would link tine's
 * overflow handler and install it at start-up.
 */
long __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
                     void *stack_top, int *ptid, int *ctid, unsigned long tls);
int  tine_vfork(void) __attribute__((returns_twice));

/* A thread as the kernel sees one, and the word it clears at exit. */
#define FLOOR_THREAD (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
                      CLONE_THREAD | CLONE_SYSVSEM | CLONE_CHILD_CLEARTID)

/* 32-bit ports keep 64-bit time in a call of its own. */
#ifdef __NR_clock_gettime64
#define FLOOR_NR_clock_gettime __NR_clock_gettime64
#else
#define FLOOR_NR_clock_gettime __NR_clock_gettime
#endif
#ifdef __NR_futex_time64
#define FLOOR_NR_futex __NR_futex_time64
#else
#define FLOOR_NR_futex __NR_futex
#endif

static inline long floor_now_ns(void)
{
    struct __kernel_timespec ts;

    tine_syscall2(FLOOR_NR_clock_gettime, CLOCK_MONOTONIC, (long)&ts);
    return (long)ts.tv_sec * 1000000000L + (long)ts.tv_nsec;
}

/* Sleep until the kernel has zeroed *w (CHILD_CLEARTID): a shared futex, as its wake is. */
static inline void floor_join(int *w)
{
    int v;

    while ((v = __atomic_load_n(w, __ATOMIC_ACQUIRE)) != 0)
        tine_syscall4(FLOOR_NR_futex, (long)w, FUTEX_WAIT, v, 0);
}

/* argv[1] as a count, or `def`. */
static inline long floor_arg(int argc, char **argv, long def)
{
    long n = 0;

    if (argc < 2)
        return def;
    for (const char *p = argv[1]; *p >= '0' && *p <= '9'; p++)
        n = n * 10 + (*p - '0');
    return n > 0 ? n : def;
}

/* Decimal digits of v followed by `end` (' ' or '\n'), on stdout. */
static inline void floor_put(long v, char end)
{
    char buf[24], *p = buf + sizeof buf;

    *--p = end;
    do
        *--p = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    tine_syscall3(__NR_write, 1, (long)p, buf + sizeof buf - p);
}

/* VmRSS from /proc/self/status, in KiB (0 if unreadable). */
static inline long floor_rss_kib(void)
{
    static char buf[4096];
    long n = 0, r, v = 0;
    int fd = (int)tine_syscall4(__NR_openat, AT_FDCWD, (long)"/proc/self/status", O_RDONLY, 0);

    if (fd < 0)
        return 0;
    while (n < (long)sizeof buf - 1 &&
           (r = tine_syscall3(__NR_read, fd, (long)(buf + n), (long)sizeof buf - 1 - n)) > 0)
        n += r;
    buf[n] = 0;
    tine_syscall1(__NR_close, fd);
    for (char *p = buf; *p; p++)
        if (p[0] == 'V' && p[1] == 'm' && p[2] == 'R' && p[3] == 'S' && p[4] == 'S') {
            for (p += 6; *p == ' ' || *p == '\t'; p++)
                ;
            while (*p >= '0' && *p <= '9')
                v = v * 10 + (*p++ - '0');
            break;
        }
    return v;
}

#define LOOP_NAME       floor_loop
#define LOOP_ARG        floor_arg
#define LOOP_NOW        floor_now_ns
#define LOOP_PRINT(ns)  floor_put(ns, '\n')
#include "../loop.h"

#endif
