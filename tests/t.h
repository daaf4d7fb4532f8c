/* SPDX-License-Identifier: 0BSD */
/*
 * tests/t.h — the whole test harness: checks that print `ok` or `FAIL`,
 * and a verdict in the exit code. Every test is its own program.
 *
 * The runner (mk/run.sh) sets TINE_RUNNER to "native" or "qemu", and under
 * qemu TINE_QEMU_VERSION: where the real kernel and qemu-user differ
 * (DESIGN.md, docs/qemu-user.md), a test asserts each one's documented
 * behaviour, and refuses to run without knowing which it is on.
 */
#ifndef TINE_TEST_H
#define TINE_TEST_H

#include <tine.h>
#include <limits.h>
#include <stdint.h>
#include <linux/elf-em.h>          /* EM_*: t_elf_machine */

static int t_failures, t_checks;

#define CHECK(cond, ...) t_check(!!(cond), __LINE__, #cond, __VA_ARGS__)

static void t_check(int ok, int line, const char *expr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void t_check(int ok, int line, const char *expr, const char *fmt, ...)
{
    char what[200];
    va_list ap;

    va_start(ap, fmt);
    tine_vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    t_checks++;
    if (ok) {
        tine_printf("ok   %s\n", what);
    } else {
        t_failures++;
        tine_printf("FAIL %s (line %d: %s)\n", what, line, expr);
    }
}

/* Checks that an int equals what it should, printing both when not. */
#define CHECK_EQ(got, want, what) do {                                        \
        long t_g = (long)(got), t_w = (long)(want);                          \
        if (t_g == t_w) CHECK(1, "%s", what);                                \
        else CHECK(0, "%s: got %ld (%s), want %ld", what, t_g,               \
                   t_g < 0 ? tine_strerror((int)t_g) : "", t_w);             \
    } while (0)

__attribute__((unused)) static int t_done(void)
{
    tine_printf("%s: %d checks, %d failed\n", t_failures ? "FAIL" : "PASS",
                t_checks, t_failures);
    return t_failures ? 1 : 0;
}

/* 1 under qemu-user, 0 on the real kernel; exits if the runner did not say. */
__attribute__((unused)) static int t_qemu(void)
{
    const char *r = tine_getenv("TINE_RUNNER");

    if (r && strcmp(r, "qemu") == 0)
        return 1;
    if (r && strcmp(r, "native") == 0)
        return 0;
    tine_dprintf(2, "FAIL TINE_RUNNER must be \"native\" or \"qemu\" (mk/run.sh sets it)\n");
    tine_exit(2);
}

/*
 * How many times a race or churn test repeats: `native` times on the real
 * kernel, `qemu` under qemu-user (slower to fork and to clone), each
 * multiplied by TINE_SOAK when it is set (make check SOAK=100: a long hunt
 * for a rare failure; the counts of make check are sized for its time).
 */
__attribute__((unused)) static long t_reps(long native, long qemu)
{
    const char *s = tine_getenv("TINE_SOAK");
    long n = t_qemu() ? qemu : native, k = 0;

    for (; s && *s >= '0' && *s <= '9' && k < 1000000; s++)
        k = k * 10 + (*s - '0');
    return k > 0 ? n * k : n;
}

/*
 * The version of the qemu-user running the test, as T_QEMU(major, minor,
 * micro) gives it (T_QEMU(7, 2, 22) for 7.2.22), from TINE_QEMU_VERSION,
 * which the runner sets (mk/run.sh); 0 on the real kernel. qemu versions
 * differ in which clones they take: a test asserts the kernel's behaviour,
 * or the deviation documented for the versions that have it
 * (docs/qemu-user.md), never one version's bug as the only truth.
 */
#define T_QEMU(major, minor, micro) ((major) * 10000 + (minor) * 100 + (micro))

__attribute__((unused)) static int t_qemu_version(void)
{
    const char *v = tine_getenv("TINE_QEMU_VERSION");
    int part[3] = { 0, 0, 0 };

    if (!t_qemu())
        return 0;
    for (int i = 0; v && i < 3; i++) {
        for (; *v >= '0' && *v <= '9'; v++)
            part[i] = part[i] * 10 + (*v - '0');
        if (*v++ != '.')
            break;
    }
    if (part[0] == 0) {
        tine_dprintf(2, "FAIL TINE_QEMU_VERSION must be qemu's version, e.g. 7.2.22 (mk/run.sh sets it)\n");
        tine_exit(2);
    }
    return T_QEMU(part[0], part[1], part[2]);
}

/*
 * This program's own ELF machine (EM_X86_64, EM_AARCH64, ...), read from
 * /proc/self/exe as the kernel (or qemu) read it: where an emulator differs
 * by guest architecture, a test asks this, never a compiler macro.
 */
__attribute__((unused)) static int t_elf_machine(void)
{
    unsigned char ehdr[20] = { 0 };
    int fd = tine_open("/proc/self/exe", O_RDONLY, 0);

    long n = fd < 0 ? fd : tine_read(fd, ehdr, sizeof ehdr);

    if (fd >= 0)
        tine_close(fd);
    if (n != sizeof ehdr) {
        tine_dprintf(2, "FAIL cannot read this program's ELF header from /proc/self/exe (%s)\n",
                     tine_strerror(n < 0 ? (int)n : -EIO));
        tine_exit(2);
    }
    return ehdr[5] == 1 ? ehdr[18] | ehdr[19] << 8 : ehdr[19] | ehdr[18] << 8;  /* EI_DATA: LE or BE */
}

/* Waits up to about `ms` milliseconds for *word to become `want`. */
__attribute__((unused)) static int t_wait_word(int *word, int want, int ms)
{
    for (int i = 0; i < ms; i++) {
        int v = __atomic_load_n(word, __ATOMIC_ACQUIRE);

        if (v == want)
            return 1;
        tine_futex_wait_timeout(word, v, 0, 1000000);
    }
    return __atomic_load_n(word, __ATOMIC_ACQUIRE) == want;
}

/* CLOCK_MONOTONIC in milliseconds: deadlines by the clock, not by counted sleeps. */
__attribute__((unused)) static long t_now_ms(void)
{
    struct timespec t;

    tine_clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Reads a whole small file (e.g. /proc/self/maps) into buf; returns its length. */
__attribute__((unused)) static long t_read_file(const char *path, char *buf, long cap)
{
    long n = 0, r;
    int fd = tine_open(path, O_RDONLY, 0);

    if (fd < 0)
        return fd;
    while (n < cap - 1 && (r = tine_read(fd, buf + n, (size_t)(cap - 1 - n))) > 0)
        n += r;
    buf[n] = 0;
    tine_close(fd);
    return n;
}

/*
 * Which way a stack runs: tine_stack_top is where a stack starts, its top
 * on every port but hppa, whose stacks grow up and start at the bottom
 * (arch.h's TINE_ARCH_STACK_GROWS_UP, which a program cannot see). There
 * the mapping is the mirror image: | cap | stack | guard |.
 */
__attribute__((unused)) static int t_stack_up(const struct tine_stack *s)
{
    return (char *)tine_stack_top(s) < (char *)s->low + (s->guard + s->size) / 2;
}

/* Whether this port's stacks grow up: asked of tine_stack_top with a stack it only computes on. */
__attribute__((unused)) static int t_grows_up(void)
{
    struct tine_stack s = { (void *)(1UL << 24), 1UL << 20, 1UL << 16 };   /* never touched */

    return t_stack_up(&s);
}

/* Where a stack in the n bytes at lo starts: lo + n, or lo where stacks grow up. */
__attribute__((unused)) static char *t_stack_start(char *lo, size_t n)
{
    return t_grows_up() ? lo : lo + n;
}

/* The stack's lowest usable byte, and its guard's lowest, whichever way it grows. */
__attribute__((unused)) static char *t_stack_lo(const struct tine_stack *s)
{
    return (char *)s->low + (t_stack_up(s) ? tine_page_size() : s->guard);
}

__attribute__((unused)) static char *t_guard_lo(const struct tine_stack *s)
{
    return t_stack_up(s) ? t_stack_lo(s) + s->size : (char *)s->low;
}

/*
 * Whether the kernel can read the byte at p: a write of it into a pipe
 * copies it in, or fails with EFAULT (a guard, PROT_NONE or marked, or no
 * mapping). Under qemu-user, qemu checks its own page table first.
 */
__attribute__((unused)) static int t_readable(const void *p)
{
    static int fd[2] = { -1, -1 };
    char c;
    long r;

    if (fd[0] < 0 && tine_syscall2(__NR_pipe2, (long)fd, O_CLOEXEC) < 0)
        return -1;
    if ((r = tine_write(fd[1], p, 1)) == 1)
        tine_read(fd[0], &c, 1);
    return r == 1;
}

/*
 * Whether the kernel running this test makes guard regions inside a
 * writable mapping (madvise MADV_GUARD_INSTALL, Linux 6.13), asked of a
 * page of the test's own, not of tine: 102 is the advice's number in
 * include/uapi/asm-generic/mman-common.h. A kernel before 6.13 refuses it
 * (EINVAL); qemu-user answers an advice it does not know with 0 and does
 * nothing (linux-user/mmap.c, target_madvise), so the page stays readable.
 */
__attribute__((unused)) static int t_guard_marks(void)
{
    size_t page = tine_page_size();
    char *p = tine_mmap(0, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int marks;

    if (tine_is_err(p))
        return 0;
    marks = tine_syscall3(__NR_madvise, (long)p, (long)page, 102) == 0 && t_readable(p) == 0;
    tine_munmap(p, page);
    return marks;
}

/* Whether the string s contains the string what. */
__attribute__((unused)) static int t_contains(const char *s, const char *what)
{
    size_t n = strlen(what);

    for (; *s; s++)
        if (memcmp(s, what, n) == 0)
            return 1;
    return 0;
}

/* Whether the file at path (read whole, up to 64 KiB) contains the string what. */
__attribute__((unused)) static int t_file_contains(const char *path, const char *what)
{
    static char buf[65536];

    return t_read_file(path, buf, sizeof buf) > 0 && t_contains(buf, what);
}

/*
 * Recursion with 512-byte frames the compiler must keep (both ends of the
 * array written through volatile), deep enough to run off any stack: the
 * overflow tests call it from the thread or child whose guard they test.
 */
__attribute__((unused)) static int t_deep(int n)
{
    volatile char buf[512];

    buf[0] = (char)n;
    buf[511] = 1;
    return n ? t_deep(n - 1) + buf[0] + buf[511] : 0;
}

/* t_deep as a thread or child body: runs off its stack. */
__attribute__((unused)) static int t_dive(void *arg)
{
    (void)arg;
    return t_deep(1 << 30);
}

/*
 * Runs fn(arg) in a child process with no core dumps and stderr into a
 * pipe; returns the child's wait status, with what it wrote to stderr in
 * err. For tests whose subject is a death.
 */
__attribute__((unused)) static int t_capture(int (*fn)(void *), void *arg, char *err, long cap)
{
    int fd[2], status = -1, pid;
    long n = 0, r;

    if (tine_syscall2(__NR_pipe2, (long)fd, 0) != 0)
        return -1;
    pid = tine_fork();
    if (pid == 0) {
        struct rlimit nocore = { 0, 0 };        /* no core files (qemu-user writes its own) */
        tine_setrlimit(RLIMIT_CORE, &nocore);
        tine_syscall3(__NR_dup3, fd[1], 2, 0);
        tine_close(fd[0]);
        tine_exit(fn(arg));
    }
    tine_close(fd[1]);
    while (n < cap - 1 && (r = tine_read(fd[0], err + n, (size_t)(cap - 1 - n))) > 0)
        n += r;
    err[n] = 0;
    tine_close(fd[0]);
    tine_wait(pid, &status);
    return status;
}

/* qemu-user reports a guest's death by signal on stderr itself, in a line of its own: drop it. */
__attribute__((unused)) static void t_drop_qemu_line(char *err)
{
    static const char q[] = "qemu: uncaught target signal ";

    for (char *p = err; *p; p++)
        if ((p == err || p[-1] == '\n') && memcmp(p, q, sizeof q - 1) == 0) {
            char *e = p;
            while (*e && *e++ != '\n')
                ;
            memmove(p, e, strlen(e) + 1);
            return;
        }
}

#endif
