/* SPDX-License-Identifier: 0BSD */
/*
 * src/sys.c — typed wrappers: the kernel's calls with C types and -errno results.
 */
#include "internal.h"
#include <linux/time.h>         /* CLOCK_MONOTONIC */
#include <linux/time_types.h>   /* struct __kernel_timespec */

/* 32-bit ports have a clock_nanosleep that takes 64-bit time; prefer it. */
#ifdef __NR_clock_nanosleep_time64
#define NR_clock_nanosleep __NR_clock_nanosleep_time64
#else
#define NR_clock_nanosleep __NR_clock_nanosleep
#endif

long tine_write(int fd, const void *buf, size_t n)
{
    return tine_syscall3(__NR_write, fd, (long)buf, (long)n);
}

long tine_read(int fd, void *buf, size_t n)
{
    return tine_syscall3(__NR_read, fd, (long)buf, (long)n);
}

int tine_open(const char *path, int flags, int mode)
{
    return (int)tine_syscall4(__NR_openat, AT_FDCWD, (long)path, flags, mode);
}

int tine_close(int fd)
{
    return (int)tine_syscall1(__NR_close, fd);
}

/*
 * Traced only in programs that link the tracer for other reasons (they
 * clone, wait or use futexes): a weak reference, so hello carries none of it.
 */
#pragma weak __tine_trace_exit

/*
 * Ends every thread, as C's _exit. C's exit also runs the program's
 * destructors: in a program that has some, tine-cc links with
 * --wrap=tine_exit, and every call comes first to fini.c, which runs them
 * (linker.ld notices the .fini_array). tine__exit never runs them: for a
 * child that must not run its parent's (after a failed exec in a vfork
 * child). tine_exit_thread runs none either.
 */
_Noreturn void tine_exit(int code)
{
    if (__tine_trace_exit)
        __tine_trace_exit(1, code);
    for (;;)
        tine_syscall1(__NR_exit_group, code);
}

_Noreturn void tine__exit(int code)
{
    if (__tine_trace_exit)
        __tine_trace_exit(1, code);
    for (;;)
        tine_syscall1(__NR_exit_group, code);
}

_Noreturn void tine_exit_thread(int code)
{
    if (__tine_trace_exit)
        __tine_trace_exit(0, code);
    for (;;)
        tine_syscall1(__NR_exit, code);
}

int tine_getpid(void)  { return (int)tine_syscall0(__NR_getpid); }
int tine_getppid(void) { return (int)tine_syscall0(__NR_getppid); }
int tine_gettid(void)  { return (int)tine_syscall0(__NR_gettid); }

/*
 * Three shapes of mmap: 32-bit ports have mmap2, whose offset counts 4096-byte
 * units; s390x's mmap takes a pointer to its six arguments; the rest take
 * them in registers.
 */
void *tine_mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
#if defined(__NR_mmap2)
    if (off & 4095)
        return (void *)(long)-EINVAL;
    return (void *)tine_syscall6(__NR_mmap2, (long)addr, (long)len, prot, flags, fd, off >> 12);
#elif defined(TINE_ARCH_MMAP_STRUCT)
    long args[6] = { (long)addr, (long)len, prot, flags, fd, off };

    return (void *)tine_syscall1(__NR_mmap, (long)args);
#else
    return (void *)tine_syscall6(__NR_mmap, (long)addr, (long)len, prot, flags, fd, off);
#endif
}

int tine_munmap(void *addr, size_t len)
{
    return (int)tine_syscall2(__NR_munmap, (long)addr, (long)len);
}

int tine_mprotect(void *addr, size_t len, int prot)
{
    return (int)tine_syscall3(__NR_mprotect, (long)addr, (long)len, prot);
}

int tine_kill(int pid, int sig)
{
    return (int)tine_syscall2(__NR_kill, pid, sig);
}

int tine_tgkill(int tgid, int tid, int sig)
{
    return (int)tine_syscall3(__NR_tgkill, tgid, tid, sig);
}

int tine_execve(const char *path, char *const argv[], char *const envp[])
{
    return (int)tine_syscall3(__NR_execve, (long)path, (long)argv, (long)envp);
}

int tine_sched_yield(void)
{
    return (int)tine_syscall0(__NR_sched_yield);
}

int tine_nanosleep(long sec, long nsec)
{
    struct __kernel_timespec ts = { sec, nsec };

    if (sec < 0 || nsec < 0 || nsec >= 1000000000L)
        return -EINVAL;
    return (int)tine_syscall4(NR_clock_nanosleep, CLOCK_MONOTONIC, 0, (long)&ts, 0);
}
