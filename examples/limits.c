/* SPDX-License-Identifier: 0BSD */
/*
 * limits.c — the lecture's missing chapters: stack sizes, limits, the
 * kernel's cost per thread, cgroups. Each figure is measured here, or
 * skipped with its reason.
 *
 *   stacks    the main thread's (RLIMIT_STACK bounds its growth: the kernel
 *             grows only the main thread's stack on demand), tine's default
 *             thread stack, and what glibc takes for its threads (the soft
 *             RLIMIT_STACK; make demo measures glibc's and musl's own)
 *   rlimits   soft and hard: a child inherits both across fork and exec;
 *             a soft limit above the hard one is EINVAL; prlimit changes a
 *             running child's from outside
 *   kernel    what one thread pins in the kernel: KernelStack in
 *             /proc/meminfo before and after 200 parked threads (its own
 *             kernel stack each; under qemu-user, each guest thread is a
 *             host thread, so the figure is the same kind of cost), and
 *             task_struct's size from /proc/slabinfo where readable
 *   cgroups   a pids cgroup with pids.max = 8: spawns fail with EAGAIN at
 *             the limit (cgroup2 where it has the pids controller, else
 *             cgroup v1's pids hierarchy; skipped where neither is
 *             writable)
 *
 * Exit 0 when every measured figure behaved as described.
 */
#include <tine.h>
#include "runner.h"

static int bad;

static char text[65536];

/* A file's text (the first 64 KiB), or NULL. */
static const char *slurp(const char *path)
{
    long n = 0, r;
    int fd = tine_open(path, O_RDONLY, 0);

    if (fd < 0)
        return 0;
    while (n < (long)sizeof text - 1 && (r = tine_read(fd, text + n, sizeof text - 1 - (size_t)n)) > 0)
        n += r;
    text[n] = 0;
    tine_close(fd);
    return text;
}

/* The number at p, after blanks; -1 if none. */
static long digits(const char *p)
{
    long v = 0;

    while (*p == ' ' || *p == '\t')
        p++;
    if (*p < '0' || *p > '9')
        return -1;
    while (*p >= '0' && *p <= '9')
        v = v * 10 + (*p++ - '0');
    return v;
}

/* The line of a file starting with key, just after key; or NULL. */
static const char *line_after(const char *path, const char *key)
{
    const char *p = slurp(path);
    size_t k = strlen(key);

    for (; p && *p; p++)
        if ((p == text || p[-1] == '\n') && memcmp(p, key, k) == 0)
            return p + k;
    return 0;
}

static long number(const char *path, const char *key)
{
    const char *p = key ? line_after(path, key) : slurp(path);

    return p ? digits(p) : -1;
}

static int put(const char *path, const char *text)
{
    int fd = tine_open(path, O_WRONLY, 0);
    long r;

    if (fd < 0)
        return fd;
    r = tine_write(fd, text, strlen(text));
    tine_close(fd);
    return r < 0 ? (int)r : 0;
}

static void kib(const char *what, unsigned long v)
{
    if (v == RLIM_INFINITY)
        tine_printf("%s unlimited", what);
    else
        tine_printf("%s %lu KiB", what, v >> 10);
}

/* The size of the [stack] mapping in /proc/self/maps, in KiB. */
static long main_stack_kib(void)
{
    const char *line = slurp("/proc/self/maps");

    while (line && *line) {
        const char *end = line;
        unsigned long lo = 0, hi = 0, *v = &lo;
        while (*end && *end != '\n')
            end++;
        if (end - line > 7 && memcmp(end - 7, "[stack]", 7) == 0) {
            for (const char *p = line; p < end && *p != ' '; p++)
                if (*p == '-')
                    v = &hi;
                else
                    *v = *v << 4 | (unsigned long)(*p <= '9' ? *p - '0' : (*p | 32) - 'a' + 10);
            return (long)((hi - lo) >> 10);
        }
        line = *end ? end + 1 : end;
    }
    return -1;
}

/* Touches `kib` KiB of stack below the caller's frame, a page at a time. */
static __attribute__((noinline)) int deeper(int kib)
{
    volatile char page[4096];

    page[0] = (char)kib;
    page[sizeof page - 1] = 1;
    return kib > 4 ? deeper(kib - 4) + page[0] + page[sizeof page - 1] : 0;
}

static void stacks(void)
{
    struct rlimit r;
    long before, after;

    tine_printf("Stacks, default sizes:\n");
    tine_getrlimit(RLIMIT_STACK, &r);
    tine_printf("  main thread: ");
    kib("RLIMIT_STACK soft", r.rlim_cur);
    kib(", hard", r.rlim_max);
    /*
     * A call 256 KiB deeper than the whole mapping reaches must grow it,
     * if the soft limit leaves room (with 128 KiB for what lies above).
     */
    before = main_stack_kib();
    long depth = (before > 0 ? before : 0) + 256;
    int room = r.rlim_cur == RLIM_INFINITY || (long)(r.rlim_cur >> 10) >= depth + 128;
    if (room)
        deeper((int)depth);
    after = main_stack_kib();
    if (room)
        tine_printf(";\n    its [stack] mapping: %ld KiB, then %ld KiB after a call %ld KiB\n"
                    "    deep", before, after, depth);
    else
        tine_printf(";\n    its [stack] mapping: %ld KiB (no room to grow it under this\n"
                    "    soft limit: not tried)", before);
    tine_printf(": the kernel grows it on demand up to the soft limit\n"
                "    (the main thread's only)\n");
    /* Natively the claim is the growth; qemu-user maps the guest's stack whole. */
    if (under_qemu())
        tine_printf("    (under qemu-user, qemu maps the guest's stack whole at start)\n");
    else if (room)
        bad |= before < 0 || after < before + 128;
    tine_printf("  a tine thread: %d KiB (TINE_STACK_DEFAULT), fixed, with a guard page\n",
                TINE_STACK_DEFAULT / 1024);
    tine_printf("  a glibc thread: the soft RLIMIT_STACK (");
    kib("now", r.rlim_cur);
    tine_printf("), read when the\n    program starts; musl's: 128 KiB, whatever the limit\n");
}

/* The child's view of RLIMIT_NOFILE, in a line. */
static void nofile(const char *who)
{
    struct rlimit r;

    tine_getrlimit(RLIMIT_NOFILE, &r);
    tine_printf("    %s: soft %lu, hard %lu\n", who, r.rlim_cur, r.rlim_max);
}

static void rlimits(void)
{
    struct rlimit old, r, got;
    char *sh[] = { "sh", "-c", "echo \"    after exec (/bin/sh): soft $(ulimit -Sn), hard $(ulimit -Hn)\";"
                   " [ \"$(ulimit -Sn)\" = 64 ]", 0 };
    int pid, status, e;

    tine_printf("Soft and hard limits (RLIMIT_NOFILE), and inheritance:\n");
    tine_getrlimit(RLIMIT_NOFILE, &old);
    r = old;
    r.rlim_cur = 64;                            /* the soft limit, under the hard one */
    tine_setrlimit(RLIMIT_NOFILE, &r);
    nofile("this process, soft lowered to 64");
    r.rlim_cur = r.rlim_max + 1;
    e = r.rlim_max == RLIM_INFINITY ? -EINVAL : tine_setrlimit(RLIMIT_NOFILE, &r);
    tine_printf("    soft above hard: %s\n", tine_strerror(e));
    bad |= e != -EINVAL;
    pid = tine_fork();
    if (pid == 0) {
        nofile("a forked child");
        tine_getrlimit(RLIMIT_NOFILE, &got);
        tine_exit(got.rlim_cur == 64 && got.rlim_max == old.rlim_max ? 0 : 1);
    }
    bad |= tine_wait(pid, &status) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    pid = tine_spawn_exec("/bin/sh", sh, 0);        /* sh exits 1 unless its soft limit is 64 */
    bad |= pid < 0 || tine_wait(pid, &status) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    /* prlimit from outside: the child waits until its soft limit changes. */
    pid = tine_fork();
    if (pid == 0) {
        for (int i = 0; i < 200; i++) {
            tine_getrlimit(RLIMIT_NOFILE, &got);
            if (got.rlim_cur == 32)
                break;
            tine_nanosleep(0, 10000000);
        }
        nofile("the child, after the parent's prlimit(child, 32)");
        tine_exit(got.rlim_cur == 32 ? 0 : 1);
    }
    r.rlim_cur = 32;
    r.rlim_max = old.rlim_max;
    tine_nanosleep(0, 20000000);
    e = tine_prlimit(pid, RLIMIT_NOFILE, &r, 0);
    tine_wait(pid, &status);
    bad |= e != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    tine_setrlimit(RLIMIT_NOFILE, &old);
}

static int go;

static int parked(void *arg)
{
    (void)arg;
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        tine_futex_wait(&go, 0);
    return 0;
}

static void kernel(void)
{
    enum { N = 200 };
    static tine_thread *t[N];
    struct tine_thread_opts o = { .stack_size = 16 * 1024 };
    long before = number("/proc/meminfo", "KernelStack:"), after, n = 0, slab;

    go = 0;

    tine_printf("What a thread costs the kernel (KernelStack, /proc/meminfo):\n");
    while (n < N && tine_thread_spawn(&t[n], parked, 0, &o) == 0)
        n++;
    after = number("/proc/meminfo", "KernelStack:");
    tine_printf("    %ld threads parked: KernelStack %ld -> %ld kB, about %ld KiB each\n"
                "    (system-wide: other processes move it too)\n",
                n, before, after, n ? (after - before) / n : 0);
    if (under_qemu())
        tine_printf("    under qemu-user each guest thread is a host thread: a kernel stack each\n");
    bad |= before < 0 || after <= before;
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    tine_futex_wake(&go, 0x7fffffff);
    while (n > 0)
        tine_thread_join(t[--n], 0);
    /* "task_struct  active  total  objsize ...": the third number */
    {
        const char *p = line_after("/proc/slabinfo", "task_struct ");
        for (int f = 0; p && f < 2; f++) {
            while (*p == ' ')
                p++;
            while (*p && *p != ' ')
                p++;
        }
        slab = p ? digits(p) : -1;
    }
    if (slab < 0)
        tine_printf("    task_struct: /proc/slabinfo not readable here (root only)\n");
    else
        tine_printf("    and a task_struct each: %ld bytes (/proc/slabinfo)\n", slab);
}

/*
 * A pids cgroup, limit 8, and a child process in it spawning threads until
 * refused. cgroup2 where a mount has the pids controller, else v1's pids.
 */
static void cgroups(void)
{
    static const char *const v2[] = { "/sys/fs/cgroup", "/sys/fs/cgroup/unified" };
    char dir[128], path[160], num[16];
    const char *base = 0, *c;
    int pid, status, v1 = 0;

    tine_printf("cgroups: a pids.max of 8 stopping spawns:\n");
    for (unsigned i = 0; i < 2 && !base; i++) {
        tine_snprintf(path, sizeof path, "%s/cgroup.controllers", v2[i]);
        if ((c = slurp(path)) != 0)
            for (; *c; c++)
                if (memcmp(c, "pids", 4) == 0 && (c == text || c[-1] == ' ') && (c[4] == ' ' || c[4] == '\n' || !c[4]))
                    base = v2[i];
    }
    if (!base && slurp("/sys/fs/cgroup/pids/tasks"))
        base = "/sys/fs/cgroup/pids", v1 = 1;
    if (!base) {
        tine_printf("    skipped: no cgroup2 with the pids controller, no v1 pids hierarchy\n");
        return;
    }
    tine_snprintf(dir, sizeof dir, "%s/tine-limits-%d", base, tine_getpid());
    if (!v1) {
        tine_snprintf(path, sizeof path, "%s/cgroup.subtree_control", base);
        put(path, "+pids");
    }
    if (tine_syscall3(__NR_mkdirat, AT_FDCWD, (long)dir, 0755) != 0) {
        tine_printf("    skipped: %s is not writable here (not root, or delegated elsewhere)\n", base);
        return;
    }
    tine_printf("    %s (%s)\n", dir, v1 ? "cgroup v1's pids hierarchy" : "cgroup2");
    tine_snprintf(path, sizeof path, "%s/pids.max", dir);
    if (put(path, "8") != 0) {
        tine_printf("    skipped: pids.max not writable\n");
        tine_syscall3(__NR_unlinkat, AT_FDCWD, (long)dir, AT_REMOVEDIR);
        return;
    }
    pid = tine_fork();
    if (pid == 0) {
        static tine_thread *t[64];
        int n = 0, e = 0;

        tine_snprintf(path, sizeof path, "%s/cgroup.procs", dir);
        tine_snprintf(num, sizeof num, "%d", tine_getpid());
        if (put(path, num) != 0)
            tine_exit(2);
        go = 0;                 /* parked until told */
        while (n < 64 && (e = tine_thread_spawn(&t[n], parked, 0, 0)) == 0)
            n++;
        tine_printf("    in it: %d threads started, then %s\n    (the process itself counts as one%s)\n", n,
                    tine_strerror(e), under_qemu() ? ", and so do qemu's own threads" : "");
        __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
        tine_futex_wake(&go, 0x7fffffff);
        int started = n;
        while (n > 0)
            tine_thread_join(t[--n], 0);
        tine_exit(e == -EAGAIN && started < 8 ? 0 : 1);
    }
    tine_wait(pid, &status);
    bad |= !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    tine_syscall3(__NR_unlinkat, AT_FDCWD, (long)dir, AT_REMOVEDIR);
}

int main(void)
{
    stacks();
    rlimits();
    kernel();
    cgroups();
    return bad;
}
