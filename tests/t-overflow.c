/* SPDX-License-Identifier: 0BSD */
/*
 * t-overflow: running off a stack is named in exactly one line on stderr,
 * and the process still dies by SIGSEGV; any other SIGSEGV dies the same
 * way without a word. Each case runs in a child process whose stderr the
 * test reads through a pipe.
 *
 *   - a tine thread on an 8 KiB stack;
 *   - the main thread at its RLIMIT_STACK;
 *   - a tine_spawn child, and the first seed's shape: a tine_clone child
 *     (a copy of its parent, no CLONE_VM) on an 8 KiB tine_stack_map stack;
 *   - a CLONE_VM child that calls tine_stack_watch() (natively; qemu-user
 *     refuses CLONE_VM without the thread flags, with EINVAL);
 *   - no message: a NULL write, a write to a read-only page, kill(SIGSEGV),
 *     and a buffer underrun into a PROT_NONE page that looks like a guard
 *     but is nowhere near the stack pointer.
 *
 * All of it three times: with /proc/self/maps to read; with no file
 * descriptor free to open it; and, natively, with no /proc mounted, in a
 * mount namespace of the child's own. (Not under qemu-user: it answers an
 * open of /proc/self/maps itself, from its own records, in a file of its
 * making (fake_open in linux-user/syscall.c), whether /proc is mounted or
 * not; with no descriptor free, that open fails there too.)
 */
#include "t.h"
#include <linux/mount.h>        /* MS_REC, MS_PRIVATE */

static struct shared { int tid; unsigned long lo, hi; } *sh;   /* MAP_SHARED: the child fills it in */
static struct tine_stack st;

static int dive(void *arg)
{
    (void)arg;
    sh->tid = tine_gettid();
    return t_deep(1 << 30);
}

static int in_thread(void *unused)
{
    tine_thread *t;
    struct tine_thread_opts o = { .stack_size = 8192 };

    if (tine_thread_spawn(&t, dive, 0, &o) != 0)
        return 3;
    tine_thread_join(t, 0);
    return 4;                                       /* not reached: the process dies */
}

static int in_main(void *unused)
{
    struct rlimit r = { 1 << 20, RLIM_INFINITY };

    tine_setrlimit(RLIMIT_STACK, &r);               /* qemu-user keeps its own, fixed stack */
    return dive(0);
}

static int in_spawn(void *unused)
{
    struct tine_spawn_opts o = { .exit_signal = SIGCHLD, .stack_size = 8192 };
    int st, pid = tine_spawn(dive, 0, &o);

    if (pid < 0 || tine_wait(pid, &st) != pid)
        return 3;
    return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 5;
}

/* A child of this child, on an 8 KiB stack of tine_stack_map; its death becomes our exit code. */
static int in_clone(int (*fn)(void *), unsigned long flags)
{
    int status, pid;

    if (tine_stack_map(&st, 8192, 0) != 0)
        return 3;
    sh->lo = (unsigned long)t_guard_lo(&st);        /* below the stack, or above where it grows up */
    sh->hi = sh->lo + st.guard;
    pid = (int)tine_clone(fn, 0, flags, tine_stack_top(&st), 0, 0, 0);
    if (pid < 0)
        return 100 - pid;                           /* 100 + errno */
    if (tine_wait(pid, &status) != pid)
        return 3;
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 5;
}

static int in_seed_clone(void *unused) { return in_clone(dive, SIGCHLD); }

/* The kernel starts a CLONE_VM child with no alternate stack: it asks for one. */
static int watch_then_dive(void *arg)
{
    return tine_stack_watch() ? 6 : dive(arg);
}

static int in_vm_clone(void *unused) { return in_clone(watch_then_dive, CLONE_VM | SIGCHLD); }

static int *volatile low_addr = (int *)16;
static int null_write(void *unused)  { *low_addr = 1; return 4; }
static int sent(void *unused)        { tine_kill(tine_getpid(), SIGSEGV); return 4; }

static int readonly_write(void *unused)
{
    char *p = tine_mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    *(volatile char *)p = 1;
    return 4;
}

/* A guard-shaped pair (PROT_NONE below read/write) that is not a stack: an underrun, not an overflow. */
static int underrun(void *unused)
{
    char *p = tine_mmap(0, 8192, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    tine_mprotect(p + 4096, 4096, PROT_READ | PROT_WRITE);
    p[4096] = 1;
    *(volatile char *)(p + 4000) = 1;
    return 4;
}

/*
 * How the child sees /proc/self/maps, which the handler reads when it can:
 * as usual; with no file descriptor free (RLIMIT_NOFILE lowered and the
 * table filled); or with no /proc at all (a tmpfs over it, in a mount
 * namespace of its own). The last two name the overflow all the same.
 */
enum { MAPS, NO_FD, NO_PROC } mode;
static int (*body_fn)(void *);

static int blinded(void *unused)
{
    struct rlimit few = { 32, 32 };
    long e;

    if (mode == NO_FD) {
        if (tine_setrlimit(RLIMIT_NOFILE, &few) != 0)
            return 9;
        while (tine_syscall1(__NR_dup, 2) >= 0)
            ;
        if (tine_open("/proc/self/maps", O_RDONLY, 0) != -EMFILE)
            return 9;
    } else if (mode == NO_PROC) {
        e = tine_syscall1(__NR_unshare, CLONE_NEWNS);
        if (e == -EPERM)        /* not root: a user namespace gives the right to mount */
            e = tine_syscall1(__NR_unshare, CLONE_NEWUSER | CLONE_NEWNS);
        if (e < 0 ||
            tine_syscall5(__NR_mount, 0, (long)"/", 0, MS_REC | MS_PRIVATE, 0) != 0 ||
            tine_syscall5(__NR_mount, (long)"none", (long)"/proc", (long)"tmpfs", 0, 0) != 0 ||
            tine_open("/proc/self/maps", O_RDONLY, 0) != -ENOENT)
            return 10;
    }
    return body_fn(0);
}

static int nothing(void *unused)
{
    return 0;
}

/* Runs body in a child process (t.h), with a fresh report page, blinded as `mode` says. */
static int run(int (*body)(void *), char *err, long cap)
{
    sh->tid = 0;
    body_fn = body;
    return t_capture(blinded, 0, err, cap);
}

/*
 * Checks err is exactly the one line, for thread `tid` and `kib` KiB (in
 * whole pages: a kernel with 64 KiB pages maps an 8 KiB stack as 64), and
 * returns the fault address it names (0 when it is not that line).
 */
static unsigned long check_line(const char *what, char *err, int tid, unsigned long kib)
{
    char want[128];
    int n;

    kib = (kib * 1024 + tine_page_size() - 1) / tine_page_size() * tine_page_size() / 1024;   /* whole pages */
    n = tine_snprintf(want, sizeof want,
                          "tine: stack overflow in thread %d: %lu KiB stack exhausted (fault at 0x",
                          tid, kib);
    const char *p = err + n;
    unsigned long a = 0;

    if (t_qemu())
        t_drop_qemu_line(err);

    if (memcmp(err, want, (size_t)n) != 0) {
        CHECK(0, "%s: message is \"%s\", want it to start \"%s\"", what, err, want);
        return 0;
    }
    for (; (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'); p++)
        a = a << 4 | (unsigned long)(*p <= '9' ? *p - '0' : *p - 'a' + 10);
    CHECK(strcmp(p, ", guard page)\n") == 0 && a != 0,
          "%s: one line, ending \", guard page)\": %.*s", what, (int)strlen(err) - 1, err);
    return a;
}

int main(void)
{
    char err[512];
    struct rlimit r;
    int qemu = t_qemu(), status;
    unsigned long a;

    sh = tine_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(!tine_is_err(sh), "a shared page for the children's reports");

    for (mode = MAPS; mode <= NO_PROC; mode++) {
        if (mode == NO_PROC && qemu)
            break;              /* qemu-user makes /proc/self/maps itself: natively only */
        if (mode == NO_PROC && !(WIFEXITED(status = run(nothing, err, sizeof err)) && WEXITSTATUS(status) == 0)) {
            /* Not root, and no user namespaces on this host: /proc cannot be hidden from a child here. */
            tine_printf("info the no-/proc case not run: this host gives this user no mount namespace "
                        "(unshare CLONE_NEWNS, or with CLONE_NEWUSER, refused)\n");
            break;
        }
        tine_printf("-- the handler %s\n", mode == MAPS ? "reads /proc/self/maps" :
                    mode == NO_FD ? "has no fd free" : "has no /proc");
        status = run(in_thread, err, sizeof err);
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "thread overflow: the process dies by SIGSEGV (status %#x)", status);
        check_line("thread overflow", err, sh->tid, 8);

        status = run(in_main, err, sizeof err);
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "main overflow: dies by SIGSEGV (status %#x)", status);
        /* The size is RLIMIT_STACK as the child saw it: 1 MiB natively; qemu-user ignores the change. */
        CHECK_EQ(tine_getrlimit(RLIMIT_STACK, &r), 0, "getrlimit(RLIMIT_STACK)");
        if (mode == NO_FD && t_elf_machine() == EM_PARISC && t_qemu_version() >= T_QEMU(8, 2, 0)) {
            /*
             * qemu-user since 8.2 ("linux-user/hppa: Add vdso"; 10.0
             * measured) maps hppa's [vdso] right above the main stack,
             * which grows up into it: the fault is a write to a page the
             * kernel can read, which, without /proc/self/maps to say where
             * the stack ends, is no guard. docs/qemu-user.md has the row.
             */
            t_drop_qemu_line(err);
            CHECK(err[0] == 0, "qemu-user 8.2+, hppa, no fd free: main's overflow into the [vdso] above "
                  "its stack goes unnamed (\"%s\")", err);
        } else {
            check_line("main overflow", err, sh->tid, qemu ? r.rlim_cur / 1024 : 1024);
        }

        status = run(in_spawn, err, sizeof err);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGSEGV, "tine_spawn child: dies by SIGSEGV (status %#x)", status);
        check_line("tine_spawn child", err, sh->tid, 8);

        status = run(in_seed_clone, err, sizeof err);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGSEGV, "the seed's clone child: dies by SIGSEGV (status %#x)", status);
        a = check_line("the seed's clone child", err, sh->tid, 8);
        CHECK(a >= sh->lo && a < sh->hi, "fault %#lx is in the stack's guard [%#lx, %#lx)", a, sh->lo, sh->hi);

        status = run(in_vm_clone, err, sizeof err);
        if (qemu) {
            CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 100 + EINVAL,
                  "qemu-user: CLONE_VM|SIGCHLD is EINVAL (status %#x)", status);
        } else {
            CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGSEGV, "CLONE_VM child: dies by SIGSEGV (status %#x)", status);
            a = check_line("CLONE_VM child after tine_stack_watch()", err, sh->tid, 8);
            CHECK(a >= sh->lo && a < sh->hi, "fault %#lx is in the stack's guard [%#lx, %#lx)", a, sh->lo, sh->hi);
        }

        int (*quiet[])(void *) = { null_write, readonly_write, sent, underrun };
        const char *names[] = { "write to address 16", "write to a read-only page", "kill(getpid(), SIGSEGV)",
                                "a PROT_NONE page below a buffer, far from the stack pointer" };
        for (int i = 0; i < 4; i++) {
            status = run(quiet[i], err, sizeof err);
            if (qemu)
                t_drop_qemu_line(err);
            CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV && err[0] == 0,
                  "%s: SIGSEGV (status %#x), nothing on stderr (\"%s\")", names[i], status, err);
        }
    }
    return t_done();
}
