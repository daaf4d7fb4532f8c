/* SPDX-License-Identifier: 0BSD */
/*
 * tests/fuzz/clone-fuzz.h — the clone-flags fuzzer's generator, shared by
 * its two programs: tests/fuzz/clone-fuzz.c (tine) and
 * tests/host/clone-fuzz.c (the host's libc). Both include this file, so both
 * draw the same sequence of flag combinations by construction; mk/check.sh
 * diffs what the kernel answered each of them.
 *
 * It calls nothing, neither libc nor tine. The CLONE_* come from the
 * kernel's <linux/sched.h>; SIGCHLD, SIGWINCH and SIGURG from whatever
 * signal header the including program uses (glibc's or the kernel's: the
 * numbers are the kernel's either way).
 *
 * Safe shapes only: every flag in the pool leaves the child a process of its
 * own that can exit at once and be reaped. Never drawn:
 *   CLONE_VM, CLONE_VFORK     the child would run on the caller's stack
 *   CLONE_SETTLS              the child's thread pointer would be garbage
 *   CLONE_CHILD_SETTID/CLEARTID  they write the child's copy of ctid: nothing to see
 *   CLONE_PARENT              the child would become make's shell's, not ours
 *   CLONE_PTRACE              a tracer would see it
 * and only exit signals a process ignores by default.
 */
#ifndef CLONE_FUZZ_H
#define CLONE_FUZZ_H

#include <linux/sched.h>

#define CF_SEED    0x7ee5c10e5eedULL  /* the fixed default: the same run every time */
#define CF_COUNT   300                /* cases by default */
#define CF_SECONDS 20                 /* stop here, however many are left */

/*
 * The pool. Alone, most of these succeed (as root); together they make the
 * kernel's EINVALs, which are the interesting part (kernel/fork.c,
 * copy_process): THREAD needs SIGHAND, SIGHAND needs VM, NEWUSER and NEWPID
 * refuse THREAD, NEWUSER refuses FS, NEWIPC refuses SYSVSEM, PIDFD refuses
 * PARENT_SETTID (one argument for both) and DETACHED.
 */
static const unsigned long cf_pool[] = {
    CLONE_FS,             /* share cwd, root, umask */
    CLONE_FILES,          /* share the fd table */
    CLONE_SIGHAND,        /* share handlers: needs VM, so always refused here */
    CLONE_THREAD,         /* same thread group: needs SIGHAND */
    CLONE_SYSVSEM,        /* share SysV semaphore undo */
    CLONE_NEWNS,          /* namespaces: need CAP_SYS_ADMIN (NEWUSER does not) */
    CLONE_NEWCGROUP,
    CLONE_NEWUTS,
    CLONE_NEWIPC,
    CLONE_NEWUSER,
    CLONE_NEWPID,
    CLONE_NEWNET,
    CLONE_IO,             /* share the I/O context */
    CLONE_UNTRACED,       /* no forced tracing */
    CLONE_DETACHED,       /* ignored by clone(), but refused beside PIDFD */
    CLONE_PARENT_SETTID,  /* the child's tid through ptid */
    CLONE_PIDFD,          /* a pidfd through ptid */
};
#define CF_POOL (sizeof cf_pool / sizeof cf_pool[0])

/* The exit signals drawn: none, and three ignored by default. */
static const struct { int sig; const char *name; } cf_signals[] = {
    { 0, "0" }, { SIGCHLD, "SIGCHLD" }, { SIGWINCH, "SIGWINCH" }, { SIGURG, "SIGURG" },
};
#define CF_SIGNALS (sizeof cf_signals / sizeof cf_signals[0])

/* xorshift64*: small, and its 64-bit arithmetic is the same everywhere. */
static unsigned long long cf_next(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545f4914f6cdd1dULL;
}

/* One case: up to four flags from the pool, and an index into cf_signals. */
struct cf_case {
    unsigned long flags;        /* CLONE_* only */
    unsigned      sig;          /* index into cf_signals */
};

static struct cf_case cf_draw(unsigned long long *s)
{
    struct cf_case c = { 0, 0 };
    unsigned n = (unsigned)(cf_next(s) % 5);

    while (n--)
        c.flags |= cf_pool[cf_next(s) % CF_POOL];
    c.sig = (unsigned)(cf_next(s) % CF_SIGNALS);
    return c;
}

/* A decimal or 0x-hex argument, or def when absent or malformed. */
static unsigned long long cf_number(const char *a, unsigned long long def)
{
    unsigned long long v = 0;
    unsigned base = 10;

    if (!a || !*a)
        return def;
    if (a[0] == '0' && (a[1] == 'x' || a[1] == 'X'))
        a += 2, base = 16;
    for (; *a; a++) {
        unsigned d = *a >= '0' && *a <= '9' ? (unsigned)(*a - '0')
                   : *a >= 'a' && *a <= 'f' ? (unsigned)(*a - 'a' + 10)
                   : *a >= 'A' && *a <= 'F' ? (unsigned)(*a - 'A' + 10) : 99;
        if (d >= base)
            return def;
        v = v * base + d;
    }
    return v;
}

/*
 * What the parent checks after a successful clone, beyond the return value:
 * ptid and ctid are set to -1 before each case. The kernel writes ptid only
 * for PARENT_SETTID (the child's tid) or PIDFD (a new fd), and never the
 * parent's ctid (no CHILD_* flag is drawn). A wrong word means an argument
 * went to the wrong place. Returns "" when all is well.
 */
static const char *cf_verdict(unsigned long flags, long pid, int ptid, int ctid)
{
    if (ctid != -1)
        return " ctid-written";
    if (flags & CLONE_PARENT_SETTID)
        return ptid == pid ? "" : " ptid-not-the-tid";
    if (flags & CLONE_PIDFD)
        return ptid >= 0 ? "" : " no-pidfd";
    return ptid == -1 ? "" : " ptid-written";
}

#endif
