/* SPDX-License-Identifier: 0BSD */
/*
 * multiprog.c — the lecture's question: how many threads can we run at
 * the same time?
 *
 * Threads are started with 16 KiB, 64 KiB and 8 MiB stacks and parked on a
 * futex, until a bound (1000 by default; `multiprog N` for up to 100000),
 * ten seconds, or a refusal from the kernel. Then the example reports how
 * many were alive at once, what each cost (VmRSS from /proc/self/status,
 * address space from /proc/self/maps), and which limit stopped it: RLIMIT_NPROC, the
 * kernel's threads-max or pid_max, vm.max_map_count, RLIMIT_AS or the
 * address space itself. Last, two limits at work: the 8 MiB run again
 * under a 256 MiB RLIMIT_AS, and the 16 KiB one under an RLIMIT_NPROC of
 * 100, in a child that is user nobody (root is exempt from that limit).
 *
 * A stack's pages cost memory only once touched: a parked thread uses the
 * top page of its stack and the page holding its descriptor, whatever its
 * size. That is the user side. The kernel side is not in RSS: every thread
 * pins a kernel stack (16 KiB on x86_64: THREAD_SIZE) and a task_struct,
 * which KernelStack in /proc/meminfo shows growing (system-wide, so other
 * processes move it too). Address space is what a big stack costs, and on
 * a 32-bit architecture there are only 4 GiB of it.
 *
 * Under qemu-user (TINE_RUNNER=qemu, as make demo and make check set) the
 * RSS is the qemu process's own, not the threads': every guest thread is a
 * host thread with a host stack and translation state of its own; the
 * example says so rather than divide it. The address space is the
 * guest's: qemu emulates /proc/self/maps.
 */
#include <tine.h>
#include "runner.h"

#define MAX_THREADS 100000

static tine_thread *threads[MAX_THREADS];
static int go, bad;             /* bad: a claim of the lesson's did not hold (natively) */
static int stopped_by;          /* the error that ended run()'s last burst, 0 for a bound */

static int parked(void *arg)
{
    (void)arg;
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        tine_futex_wait(&go, 0);
    return 0;
}

/* A number from a file such as /proc/sys/kernel/threads-max, or the value after `key` in one. */
static long number(const char *path, const char *key)
{
    char buf[4096], *p = buf;
    long n = 0, v = 0;
    int fd = tine_open(path, O_RDONLY, 0);

    if (fd < 0)
        return -1;
    for (long r; n < (long)sizeof buf - 1 && (r = tine_read(fd, buf + n, sizeof buf - 1 - (size_t)n)) > 0; )
        n += r;
    buf[n] = 0;
    tine_close(fd);
    if (key) {
        size_t k = strlen(key);
        while (*p && !(memcmp(p, key, k) == 0 && (p == buf || p[-1] == '\n')))
            p++;
        if (!*p)
            return -1;
        p += k;
    }
    while (*p == ' ' || *p == '\t')
        p++;
    while (*p >= '0' && *p <= '9')
        v = v * 10 + (*p++ - '0');
    return v;
}

/*
 * /proc/self/maps: how many mappings, and their total size in KiB (the
 * address space in use; under qemu-user, the guest's, which qemu emulates).
 */
static long maps(long *kib)
{
    char buf[4096];
    unsigned long lo = 0, hi = 0, *v = &lo, total = 0;
    long n = 0, r;
    int fd = tine_open("/proc/self/maps", O_RDONLY, 0), field = 0;

    if (fd < 0)
        return -1;
    while ((r = tine_read(fd, buf, sizeof buf)) > 0)
        for (long i = 0; i < r; i++) {
            char c = buf[i];
            if (c == '\n') {
                total += hi - lo;
                n++, lo = hi = 0, v = &lo, field = 0;
            } else if (c == '-' && field == 0) {
                v = &hi, field = 1;
            } else if (c == ' ') {
                field = 2;
            } else if (field < 2) {
                *v = *v << 4 | (unsigned long)(c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
            }
        }
    tine_close(fd);
    if (kib)
        *kib = (long)(total >> 10);
    return n;
}

static long seconds(void)
{
    struct timespec ts = { 0, 0 };

    tine_clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec;
}

/* Which limit an error from tine_thread_spawn ran into, as best the system says. */
static void why(int e, int alive)
{
    struct rlimit r;
    long threads = number("/proc/self/status", "Threads:");

    tine_printf("    stopped by: %s", tine_strerror(e));
    if (e == -EAGAIN) {
        if (tine_getrlimit(RLIMIT_NPROC, &r) == 0 && r.rlim_cur != RLIM_INFINITY &&
            tine_syscall0(__NR_getuid) != 0)
            tine_printf(" - RLIMIT_NPROC is %lu processes and threads for this user", r.rlim_cur);
        else
            tine_printf(" - the kernel's threads-max is %ld, pid_max %ld; this process has %ld threads",
                        number("/proc/sys/kernel/threads-max", 0),
                        number("/proc/sys/kernel/pid_max", 0), threads);
    } else if (e == -ENOMEM) {
        long n = maps(0), max = number("/proc/sys/vm/max_map_count", 0);
        if (tine_getrlimit(RLIMIT_AS, &r) == 0 && r.rlim_cur != RLIM_INFINITY)
            tine_printf(" - RLIMIT_AS is %lu MiB", r.rlim_cur >> 20);
        else if (max > 0 && n >= max - 8)
            tine_printf(" - vm.max_map_count: %ld mappings of %ld", n, max);
        else
            tine_printf(" - out of address space (%d bytes per pointer)", (int)sizeof(void *));
    }
    tine_printf(" (%d threads alive)\n", alive);
}

static int run(size_t stack, int bound)
{
    struct tine_thread_opts o = { .stack_size = stack };
    long rss0 = number("/proc/self/status", "VmRSS:"), vm0, vm;
    long ks0 = number("/proc/meminfo", "KernelStack:"), ks;
    long t0 = seconds(), rss;
    int qemu = under_qemu();
    int n = 0, e = 0;

    maps(&vm0);
    go = 0;
    while (n < bound && (e = tine_thread_spawn(&threads[n], parked, 0, &o)) == 0) {
        n++;
        if ((n & 255) == 0 && seconds() - t0 >= 10)
            break;
    }
    rss = number("/proc/self/status", "VmRSS:");
    ks = number("/proc/meminfo", "KernelStack:");
    maps(&vm);
    tine_printf("  %zu KiB stacks: %d threads at once; each %ld KiB of address space,\n",
                stack / 1024, n, n ? (vm - vm0) / n : 0);
    if (qemu)       /* qemu's, which its own frees can make fall: a total, not per thread */
        tine_printf("    qemu's own RSS %s by %ld KiB over them (the emulator's, not theirs),\n",
                    rss >= rss0 ? "grew" : "fell", rss >= rss0 ? rss - rss0 : rss0 - rss);
    else
        tine_printf("    %ld KiB of user pages (RSS),\n", n ? (rss - rss0) / n : 0);
    tine_printf("    and in the kernel about %ld KiB of KernelStack%s\n", n && ks0 >= 0 ? (ks - ks0) / n : 0,
                qemu ? " (a host thread's)" : "");
    /* The claims, natively: two pages of user memory (three, for noise), and some kernel stack. */
    if (!qemu && n >= 100 && ((rss - rss0) / n > (long)(3 * tine_page_size() / 1024) || ks <= ks0))
        bad = 1;
    stopped_by = e;
    if (e)
        why(e, n);
    else if (n == bound)
        tine_printf("    stopped by: the example's own bound of %d (pass a bigger one: multiprog N)\n", bound);
    else
        tine_printf("    stopped by: the example's ten-second bound\n");
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    tine_futex_wake(&go, 0x7fffffff);
    for (int i = n; i > 0; )
        tine_thread_join(threads[--i], 0);
    tine_stack_cache_flush();
    return n;
}

/* 32-bit x86 and arm keep a 16-bit-uid setresuid under the plain name. */
#ifdef __NR_setresuid32
#define NR_setresuid __NR_setresuid32
#else
#define NR_setresuid __NR_setresuid
#endif

/*
 * RLIMIT_NPROC counts every process and thread of a user, and root is
 * exempt: so in a child process, which first becomes `nobody` if it is root.
 */
static void nproc(int bound)
{
    struct rlimit r;
    int pid = tine_fork(), status;

    if (pid == 0) {
        if (tine_syscall0(__NR_getuid) == 0 && tine_syscall3(NR_setresuid, 65534, 65534, 65534) != 0) {
            tine_printf("    (could not become nobody; root is exempt from RLIMIT_NPROC)\n");
            tine_exit(0);
        }
        if (tine_getrlimit(RLIMIT_NPROC, &r) == 0) {
            r.rlim_cur = r.rlim_max < 100 ? r.rlim_max : 100;
            /* The claim: fewer than 100 threads, stopped by EAGAIN (when the bound allows 100). */
            if (tine_setrlimit(RLIMIT_NPROC, &r) == 0 && run(16 * 1024, bound) >= 100 && bound >= 100)
                tine_exit(1);
            tine_exit(bound >= 100 && stopped_by != -EAGAIN);
        }
        tine_exit(1);
    }
    if (pid < 0 || tine_wait(pid, &status) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        tine_printf("    (RLIMIT_NPROC did not stop the spawns with EAGAIN below 100)\n");
        bad = 1;
    }
}

int main(int argc, char **argv)
{
    int bound = 1000;
    struct rlimit as, small = { 256 << 20, 0 };

    if (argc > 1) {
        bound = 0;
        for (const char *p = argv[1]; *p >= '0' && *p <= '9'; p++)
            bound = bound * 10 + (*p - '0');
        if (bound < 1 || bound > MAX_THREADS) {
            tine_dprintf(2, "usage: multiprog [threads, 1 to %d]\n", MAX_THREADS);
            return 2;
        }
    }
    tine_printf("How many threads at once? (at most %d, ten seconds each; RSS from\n"
                " /proc/self/status, KernelStack from /proc/meminfo)\n", bound);
    run(16 * 1024, bound);
    run(64 * 1024, bound);
    run(8 * 1024 * 1024, bound);

    tine_printf("And with RLIMIT_AS lowered to 256 MiB:\n");
    if (tine_getrlimit(RLIMIT_AS, &as) == 0) {
        small.rlim_max = as.rlim_max;
        if (tine_setrlimit(RLIMIT_AS, &small) == 0) {
            if ((unsigned long)run(8 * 1024 * 1024, bound) > (256 >> 3)) {
                tine_printf("    (RLIMIT_AS did not bind: qemu-user does not apply it to the guest)\n");
                if (!under_qemu())
                    bad = 1;
            }
            tine_setrlimit(RLIMIT_AS, &as);
        }
    }
    tine_printf("And with RLIMIT_NPROC at 100, as user nobody (uid 65534):\n");
    nproc(bound);
    return bad;
}
