/* SPDX-License-Identifier: 0BSD */
/*
 * src/trace.c — TINE_TRACE=1: every clone, clone3, vfork, exit, wait and
 * futex call tine makes, on stderr, one line each: the call's name and
 * number here, and its arguments in the kernel's order, flags by name.
 * clone and vfork lines come from the stubs, with the registers the kernel
 * read (see __tine_trace_clone_kernel). On aarch64:
 *
 *   tine: clone #220 (flags=CLONE_VM|CLONE_FS|...|CLONE_CHILD_CLEARTID, stack=0x..., ptid=0x...,
 *         tls=0x..., ctid=0x...) = 4242
 *
 * The callers test one word (__tine_tracing) and call in here only when it
 * is set. A line is built on the stack and written with one write(2), so
 * lines from different threads do not interleave; no printf, no locks.
 * Start-up sets the word from the environment; tine_trace() at run time.
 */
#include "internal.h"
#include <linux/futex.h>

int __tine_tracing;

/* The errno names are 5 KiB: used when the program links them anyway. */
#pragma weak tine_strerror

struct line { char buf[400]; int n; };

static void s(struct line *l, const char *str)
{
    while (*str && l->n < (int)sizeof l->buf - 2)
        l->buf[l->n++] = *str++;
}

static void x(struct line *l, unsigned long v)
{
    char t[2 + 2 * sizeof v + 1] = "0x", *p = t + 2;
    int i = 8 * sizeof v - 4;

    while (i > 0 && !(v >> i & 15))
        i -= 4;
    for (; i >= 0; i -= 4)
        *p++ = "0123456789abcdef"[v >> i & 15];
    *p = 0;
    s(l, t);
}

static void d(struct line *l, long v)
{
    char t[24], *p = t;

    if (v < 0) {
        *p++ = '-';
        v = -v;
    }
    *__tine_utoa(p, (unsigned long)v) = 0;
    s(l, t);
}

static void start(struct line *l, const char *name, long nr)
{
    l->n = 0;
    s(l, "tine: ");
    s(l, name);
    s(l, " #");
    d(l, nr);
    s(l, " (");
}

/* `) = r` (the error named), a newline, and out in one write. */
static void end(struct line *l, long r, int has_result)
{
    s(l, ")");
    if (has_result) {
        s(l, " = ");
        d(l, r);
        if (r < 0 && r > -4096 && tine_strerror) {     /* named if the program has the names */
            s(l, " ");
            s(l, tine_strerror((int)r));
        }
    }
    l->buf[l->n++] = '\n';
    tine_syscall3(__NR_write, 2, (long)l->buf, l->n);
}

static const struct { unsigned long bit; const char *name; } clone_flags[] = {
    { CLONE_VM, "CLONE_VM" }, { CLONE_FS, "CLONE_FS" }, { CLONE_FILES, "CLONE_FILES" },
    { CLONE_SIGHAND, "CLONE_SIGHAND" }, { CLONE_PIDFD, "CLONE_PIDFD" },
    { CLONE_PTRACE, "CLONE_PTRACE" }, { CLONE_VFORK, "CLONE_VFORK" }, { CLONE_PARENT, "CLONE_PARENT" },
    { CLONE_THREAD, "CLONE_THREAD" }, { CLONE_NEWNS, "CLONE_NEWNS" }, { CLONE_SYSVSEM, "CLONE_SYSVSEM" },
    { CLONE_SETTLS, "CLONE_SETTLS" }, { CLONE_PARENT_SETTID, "CLONE_PARENT_SETTID" },
    { CLONE_CHILD_CLEARTID, "CLONE_CHILD_CLEARTID" }, { CLONE_DETACHED, "CLONE_DETACHED" },
    { CLONE_UNTRACED, "CLONE_UNTRACED" }, { CLONE_CHILD_SETTID, "CLONE_CHILD_SETTID" },
    { CLONE_NEWCGROUP, "CLONE_NEWCGROUP" }, { CLONE_NEWUTS, "CLONE_NEWUTS" },
    { CLONE_NEWIPC, "CLONE_NEWIPC" }, { CLONE_NEWUSER, "CLONE_NEWUSER" },
    { CLONE_NEWPID, "CLONE_NEWPID" }, { CLONE_NEWNET, "CLONE_NEWNET" }, { CLONE_IO, "CLONE_IO" },
};

/*
 * By the UAPI's numbers, which are not the same everywhere: MIPS numbers
 * its signals as IRIX did (SIGCHLD 18, SIGCONT 25, SIGEMT at 7, no
 * SIGSTKFLT). A number with no name here is printed as a number.
 */
#define SIGNAME(sig) [sig] = #sig
static const char *const signame[] = { [0] = "0",
    SIGNAME(SIGHUP), SIGNAME(SIGINT), SIGNAME(SIGQUIT), SIGNAME(SIGILL), SIGNAME(SIGTRAP),
    SIGNAME(SIGABRT), SIGNAME(SIGBUS), SIGNAME(SIGFPE), SIGNAME(SIGKILL), SIGNAME(SIGUSR1),
    SIGNAME(SIGSEGV), SIGNAME(SIGUSR2), SIGNAME(SIGPIPE), SIGNAME(SIGALRM), SIGNAME(SIGTERM),
    SIGNAME(SIGCHLD), SIGNAME(SIGCONT), SIGNAME(SIGSTOP), SIGNAME(SIGTSTP), SIGNAME(SIGTTIN),
    SIGNAME(SIGTTOU), SIGNAME(SIGURG), SIGNAME(SIGXCPU), SIGNAME(SIGXFSZ), SIGNAME(SIGVTALRM),
    SIGNAME(SIGPROF), SIGNAME(SIGWINCH), SIGNAME(SIGIO), SIGNAME(SIGPWR), SIGNAME(SIGSYS),
#ifdef SIGSTKFLT
    SIGNAME(SIGSTKFLT),
#endif
#ifdef SIGEMT
    SIGNAME(SIGEMT),
#endif
};

/* The flags by name, then the exit signal (the low byte) by name, or 0 for none. */
static void flags(struct line *l, unsigned long f, int with_signal)
{
    int any = 0;

    for (unsigned i = 0; i < sizeof clone_flags / sizeof clone_flags[0]; i++)
        if (f & clone_flags[i].bit) {
            if (any++)
                s(l, "|");
            s(l, clone_flags[i].name);
            f &= ~clone_flags[i].bit;
        }
    if (with_signal) {                  /* exit signal 0 (a thread's) goes unsaid */
        unsigned sig = f & CSIGNAL;
        if (sig || !any) {
            if (any++)
                s(l, "|");
            if (sig < sizeof signame / sizeof signame[0] && signame[sig])
                s(l, signame[sig]);
            else
                d(l, sig);
        }
        f &= ~(unsigned long)CSIGNAL;
    }
    if (f || !any) {                    /* bits without a name here */
        if (any)
            s(l, "|");
        x(l, f);
    }
}

/*
 * Called by the clone stubs themselves (arch/<arch>/clone.*), in the parent,
 * right after the system call, with the argument registers the kernel read:
 * a1..a5 are the first to fifth syscall argument registers as they still
 * are (the kernel preserves them), and r the result. So stack= is the
 * kernel's stack pointer for the child, not the caller's stack_top (every
 * stub aligns it; s390x also reserves the first callee's 160-byte save
 * area below it, and tine_clone_raw's x86 and arm stubs the few words the
 * child needs to return to the call site), and a stub that swaps two
 * registers shows the swap here. What each
 * position means is the kernel's order for this port (kernel/fork.c's
 * CONFIG_CLONE_BACKWARDS*, via arch.h): the labels are tine's claim, the
 * values are the registers'; strace or qemu -strace is the independent
 * witness (make demo STEP=arches). Returns r, so a stub can tail-call it.
 */
long __tine_trace_clone_kernel(long a1, long a2, long a3, long a4, long a5, long r)
{
    struct line l;

    start(&l, "clone", __NR_clone);
#if defined TINE_ARCH_CLONE_BACKWARDS2
    s(&l, "stack="), x(&l, (unsigned long)a1), s(&l, ", flags="), flags(&l, (unsigned long)a2, 1);
    s(&l, ", ptid="), x(&l, (unsigned long)a3), s(&l, ", ctid="), x(&l, (unsigned long)a4);
    s(&l, ", tls="), x(&l, (unsigned long)a5);
#elif defined TINE_ARCH_CLONE_BACKWARDS
    s(&l, "flags="), flags(&l, (unsigned long)a1, 1), s(&l, ", stack="), x(&l, (unsigned long)a2);
    s(&l, ", ptid="), x(&l, (unsigned long)a3), s(&l, ", tls="), x(&l, (unsigned long)a4);
    s(&l, ", ctid="), x(&l, (unsigned long)a5);
#else
    s(&l, "flags="), flags(&l, (unsigned long)a1, 1), s(&l, ", stack="), x(&l, (unsigned long)a2);
    s(&l, ", ptid="), x(&l, (unsigned long)a3), s(&l, ", ctid="), x(&l, (unsigned long)a4);
    s(&l, ", tls="), x(&l, (unsigned long)a5);
#endif
    end(&l, r, 1);
    return r;
}

void __tine_trace_clone3(const struct clone_args *a, size_t size, long r)
{
    struct line l;

    start(&l, "clone3", __NR_clone3);
    s(&l, "{flags="), flags(&l, (unsigned long)a->flags, 0);
    s(&l, ", pidfd="), x(&l, (unsigned long)a->pidfd), s(&l, ", child_tid="), x(&l, (unsigned long)a->child_tid);
    s(&l, ", parent_tid="), x(&l, (unsigned long)a->parent_tid), s(&l, ", exit_signal=");
    if (a->exit_signal < sizeof signame / sizeof signame[0])
        s(&l, signame[a->exit_signal]);
    else
        d(&l, (long)a->exit_signal);
    s(&l, ", stack="), x(&l, (unsigned long)a->stack), s(&l, ", stack_size="), d(&l, (long)a->stack_size);
    s(&l, ", tls="), x(&l, (unsigned long)a->tls), s(&l, "}, size="), d(&l, (long)size);
    end(&l, r, 1);
}

/*
 * Called by the vfork stub (arch/<arch>/vfork.*) in the parent, awake again
 * (the child has exec'd or exited), with the result; returns it. Ports
 * with no vfork system call (aarch64, riscv64) make it a clone, and are
 * shown so, as strace shows them.
 */
long __tine_trace_vfork_kernel(long r)
{
    struct line l;

#ifdef __NR_vfork
    start(&l, "vfork", __NR_vfork);
#else
    start(&l, "clone", __NR_clone);
    s(&l, "flags="), flags(&l, CLONE_VM | CLONE_VFORK | SIGCHLD, 1), s(&l, ", stack=0x0");
#endif
    end(&l, r, 1);
    return r;
}

/* Before the call: an exit does not come back. Called whether tracing or not (sys.c). */
void __tine_trace_exit(int group, int code)
{
    struct line l;

    if (!__tine_tracing)
        return;
    if (group)
        start(&l, "exit_group", __NR_exit_group);
    else
        start(&l, "exit", __NR_exit);
    s(&l, "status="), d(&l, code);
    end(&l, 0, 0);
}

void __tine_trace_wait(int pidfd, int id, int *status, long r)
{
    struct line l;

    if (pidfd) {
        start(&l, "waitid", __NR_waitid);
        s(&l, "idtype=P_PIDFD, id="), d(&l, id), s(&l, ", infop=..., options=WEXITED|__WALL, rusage=0x0");
    } else {
        start(&l, "wait4", __NR_wait4);
        s(&l, "pid="), d(&l, id), s(&l, ", status="), x(&l, (unsigned long)status);
        s(&l, ", options=__WALL, rusage=0x0");
    }
    end(&l, r, 1);
}

void __tine_trace_futex(int *uaddr, int op, int val, long r)
{
    struct line l;

    start(&l, "futex", NR_futex);
    s(&l, "uaddr="), x(&l, (unsigned long)uaddr), s(&l, ", op=");
    s(&l, (op & ~FUTEX_PRIVATE_FLAG) == FUTEX_WAIT ? "FUTEX_WAIT" :
          (op & ~FUTEX_PRIVATE_FLAG) == FUTEX_WAKE ? "FUTEX_WAKE" :
          (op & ~FUTEX_PRIVATE_FLAG) == FUTEX_WAIT_BITSET ? "FUTEX_WAIT_BITSET" : "?");
    if (op & FUTEX_PRIVATE_FLAG)
        s(&l, "_PRIVATE");
    s(&l, ", val="), d(&l, val);
    end(&l, r, 1);
}

/* Start-up: TINE_TRACE=1 in the environment turns tracing on. */
static void trace_init(int argc, char **argv, char **envp)
{
    const char *v = tine_getenv("TINE_TRACE");

    __tine_tracing = v && v[0] && !(v[0] == '0' && !v[1]);
    (void)argc, (void)argv, (void)envp;
}
TINE_INIT(4, trace_init);

int tine_trace(int on)
{
    int was = __tine_tracing;

    __tine_tracing = on != 0;
    return was;
}
