/* SPDX-License-Identifier: 0BSD */
/*
 * t-exit-signal: the first seed's waitpid trap, and CLONE_INTO_CGROUP.
 *
 * A child's exit signal decides who sees it end. The kernel's
 * eligible_child() (kernel/exit.c) lets wait4 without __WCLONE or __WALL
 * see only children whose exit signal is SIGCHLD; __WCLONE sees only the
 * others. So a child cloned with exit signal 0 or SIGUSR1 is invisible to
 * a plain waitpid (-ECHILD, as if there were no child at all), though the
 * SIGUSR1 child does signal its parent; tine_wait (__WALL) sees them all.
 * qemu-user takes no fork-shaped clone with an exit signal other than
 * SIGCHLD (docs/qemu-user.md): tine_spawn says -EINVAL there.
 *
 * CLONE_INTO_CGROUP (clone3, Linux 5.7) starts the child in the cgroup2
 * directory whose fd it is given, where this kernel has cgroup2 mounted
 * (make check-system's init mounts it); clone3 is ENOSYS under qemu-user,
 * and tine_spawn then says -ENOSYS rather than start the child elsewhere.
 */
#include "t.h"

static int child(void *arg)
{
    return (int)(long)arg;
}

/* A signal's bit in a 64-bit word (signals 1 to 64; the kernel's sigset may be larger: sigset_of). */
#define BIT(sig) ((uint64_t)1 << ((sig) - 1))

/* The kernel's sigset holding the signals of bits: a tine_sigset, 128 bits on MIPS. */
static tine_sigset sigset_of(uint64_t bits)
{
    tine_sigset k;

    tine_sigemptyset(&k);
    for (int sig = 1; sig <= 64; sig++)
        if (bits & BIT(sig))
            tine_sigaddset(&k, sig);
    return k;
}

/* The signals of `set` pending for this thread, consumed; none waited for. */
static uint64_t take_pending(uint64_t set)
{
    uint64_t got = 0;
    struct timespec zero = { 0, 0 };
    tine_sigset k = sigset_of(set);
    long s;

    while ((s = tine_syscall4(__NR_rt_sigtimedwait, (long)&k, 0, (long)&zero, sizeof k)) > 0)
        got |= BIT(s);
    return got;
}

/* The first c in s, or 0. */
static char *find(char *s, char c)
{
    for (; *s; s++)
        if (*s == c)
            return s;
    return 0;
}

/* Whether s holds the text w. */
static int holds(const char *s, const char *w)
{
    size_t n = strlen(w);

    for (; *s; s++)
        if (memcmp(s, w, n) == 0)
            return 1;
    return 0;
}

/* One child with exit signal `sig`, seen (or not) by the three kinds of wait. */
static void trap(int sig, const char *name)
{
    struct tine_spawn_opts o = { .exit_signal = sig };
    int pid = tine_spawn(child, (void *)7L, &o), st = 0;
    long r;

    if (t_qemu() && sig != SIGCHLD) {
        CHECK_EQ(pid, -EINVAL, "qemu-user: no fork with an exit signal but SIGCHLD");
        return;
    }
    CHECK(pid > 0, "spawn with exit signal %s (%d)", name, pid);
    if (pid <= 0)
        return;
    /* Plain waitpid(pid): sees only SIGCHLD children; for the others, there is no such child. */
    r = tine_waitpid(pid, &st, 0);
    if (sig == SIGCHLD) {
        CHECK_EQ(r, pid, "tine_waitpid(pid, &st, 0) reaps the SIGCHLD child");
    } else {
        CHECK_EQ(r, -ECHILD, "tine_waitpid(pid, &st, 0) says there is no such child: the seed's trap");
        siginfo_t info;

        /* WNOWAIT (waitid's only): seen, and left for __WALL. waitpid with WNOHANG would reap it. */
        CHECK_EQ(tine_waitid(P_PID, pid, &info, WEXITED | WNOWAIT | __WCLONE), 0, "__WCLONE sees it");
        r = tine_waitpid(pid, &st, __WALL);
        CHECK_EQ(r, pid, "__WALL reaps it");
    }
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7, "it exited 7 (status %#x)", st);
    r = take_pending(BIT(SIGCHLD) | BIT(SIGUSR1));
    CHECK_EQ(r, sig ? BIT(sig) : 0, sig ? "its exit signal, and only that, came to the parent"
                                        : "no signal came to the parent");
}

/* The first line of /proc/self/mounts whose type is cgroup2: its mount point, or 0. */
static char *cgroup2_mount(char *buf, long cap)
{
    char *l = buf, *e;

    if (t_read_file("/proc/self/mounts", buf, cap) <= 0)
        return 0;
    for (; *l; l = e) {
        char *dir, *type;

        for (e = l; *e && *e != '\n'; e++)
            ;
        if (*e)
            *e++ = 0;
        if (!(dir = find(l, ' ')) || !(type = find(dir + 1, ' ')))
            continue;
        *dir++ = 0, *type++ = 0;
        if (memcmp(type, "cgroup2 ", 8) == 0)
            return dir;
    }
    return 0;
}

/* The child started in the cgroup: its own /proc/self/cgroup says so. */
static int in_cgroup(void *name)
{
    char cg[512];

    if (t_read_file("/proc/self/cgroup", cg, sizeof cg) <= 0)
        return 2;
    return holds(cg, name) ? 0 : 3;
}

static void into_cgroup(void)
{
    static char mounts[16384];
    char path[256], name[40];
    char *dir = cgroup2_mount(mounts, sizeof mounts);
    int fd, pid, st = 0;
    long e;

    tine_snprintf(name, sizeof name, "/tine-test-%d", tine_getpid());
    if (t_qemu()) {
        int zero = 0;
        struct tine_spawn_opts o = { .exit_signal = SIGCHLD, .cgroup = &zero };

        CHECK_EQ(tine_spawn(in_cgroup, name, &o), -ENOSYS, "qemu-user: no clone3, so no CLONE_INTO_CGROUP");
        return;
    }
    if (!dir) {
        tine_printf("note: no cgroup2 file system is mounted here: CLONE_INTO_CGROUP not tried\n");
        return;
    }
    tine_snprintf(path, sizeof path, "%s%s", dir, name);
    e = tine_syscall3(__NR_mkdirat, AT_FDCWD, (long)path, 0755);
    if (e == -EACCES || e == -EPERM || e == -EROFS) {
        tine_printf("note: cannot make a cgroup in %s (%s): CLONE_INTO_CGROUP not tried\n", dir, tine_strerror((int)e));
        return;
    }
    CHECK_EQ(e, 0, "make a cgroup");
    fd = tine_open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    CHECK(fd >= 0, "open %s (%d)", path, fd);
    {
        struct tine_spawn_opts o = { .exit_signal = SIGCHLD, .cgroup = &fd };

        pid = tine_spawn(in_cgroup, name, &o);
        CHECK(pid > 0, "spawn into it with CLONE_INTO_CGROUP (%d)", pid);
        if (pid > 0) {
            CHECK_EQ(tine_wait(pid, &st), pid, "reap it");
            CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "its /proc/self/cgroup names the cgroup (status %#x)", st);
        }
        o.cgroup = &(int){ 0 };                     /* fd 0 is not a cgroup directory */
        pid = tine_spawn(in_cgroup, name, &o);
        CHECK(pid == -EBADF || pid == -EINVAL || pid == -ENOTDIR,
              "a cgroup fd that is no cgroup2 directory is refused (%d)", pid);
        if (pid > 0)
            tine_wait(pid, 0);
    }
    tine_close(fd);
    CHECK_EQ(tine_syscall3(__NR_unlinkat, AT_FDCWD, (long)path, AT_REMOVEDIR), 0, "remove the cgroup");
}

int main(void)
{
    tine_sigset block = sigset_of(BIT(SIGCHLD) | BIT(SIGUSR1));

    CHECK_EQ(tine_syscall4(__NR_rt_sigprocmask, SIG_BLOCK, (long)&block, 0, sizeof block), 0,
             "block SIGCHLD and SIGUSR1, to see which comes");
    take_pending(BIT(SIGCHLD) | BIT(SIGUSR1));
    trap(SIGCHLD, "SIGCHLD");
    trap(0, "0");
    trap(SIGUSR1, "SIGUSR1");
    into_cgroup();
    return t_done();
}
