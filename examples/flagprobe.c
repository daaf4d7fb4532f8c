/* SPDX-License-Identifier: 0BSD */
/*
 * flagprobe.c — which shapes of clone does this kernel take?
 *
 * Tries a fixed list of clone shapes, one child each that exits at once,
 * and prints a Markdown row per shape: its name, its flags, and what
 * happened here ("ok", or the errno's name). A real kernel takes nearly
 * all of them; qemu-user takes two shapes only, fork-like and thread-like
 * (from 8.0 a fork may ask for a pidfd too), and turns vfork into a plain
 * fork. mk/qemu-doc.sh runs this natively and under each qemu-user version
 * and sets the columns side by side in docs/qemu-user.md.
 *
 * The program cannot tell a kernel from an emulator (that is the point), so
 * its first line only names the machine uname(2) reports.
 */
#include <tine.h>
#include "runner.h"
#include <linux/futex.h>
#include <linux/utsname.h>

/*
 * A thread, but for CLONE_SYSVSEM: the kernel takes it with or without;
 * qemu-user wants all six (linux-user/syscall.c, do_fork) and refuses the
 * five alone. CHILD_CLEARTID is added by thread_shape's callers.
 */
#define THREAD_BUT_SYSVSEM (CLONE_VM          /* one address space */      \
                          | CLONE_FS          /* one cwd, root, umask */   \
                          | CLONE_FILES       /* one fd table */           \
                          | CLONE_SIGHAND     /* one set of handlers */    \
                          | CLONE_THREAD)     /* one thread group */

/* Every flag a shape uses, in the order of their bits, then the exit signals. */
static const struct { unsigned long flag; const char *name; } names[] = {
    { CLONE_VM, "CLONE_VM" },           { CLONE_FS, "CLONE_FS" },
    { CLONE_FILES, "CLONE_FILES" },     { CLONE_SIGHAND, "CLONE_SIGHAND" },
    { CLONE_PIDFD, "CLONE_PIDFD" },     { CLONE_VFORK, "CLONE_VFORK" },
    { CLONE_PARENT, "CLONE_PARENT" },   { CLONE_THREAD, "CLONE_THREAD" },
    { CLONE_NEWNS, "CLONE_NEWNS" },     { CLONE_SYSVSEM, "CLONE_SYSVSEM" },
    { CLONE_CHILD_CLEARTID, "CLONE_CHILD_CLEARTID" },
    { CLONE_NEWCGROUP, "CLONE_NEWCGROUP" }, { CLONE_NEWUTS, "CLONE_NEWUTS" },
    { CLONE_NEWIPC, "CLONE_NEWIPC" },   { CLONE_NEWUSER, "CLONE_NEWUSER" },
    { CLONE_NEWPID, "CLONE_NEWPID" },   { CLONE_NEWNET, "CLONE_NEWNET" },
    { SIGCHLD, "SIGCHLD" },             { SIGWINCH, "SIGWINCH" },
};

static volatile int touched;    /* written by the children that share our memory */
static int thread_alive;        /* CHILD_CLEARTID's word: 0 once the thread is gone */
static struct tine_stack stack; /* for the shapes whose child needs a stack of its own */

/* One row: the flags by name, joined by an escaped bar (a Markdown table cell). */
/*
 * What the rows said, for the exit status: `ok[i]` for row i, and any
 * "ok, but" (a child that failed, memory not shared, a child not reaped),
 * which no kernel and no qemu should ever answer.
 */
static int rows, ok[32];
static unsigned odd;            /* a bit per row that answered "ok, but" */

static void row(const char *shape, unsigned long flags, const char *result)
{
    int first = 1;

    if (rows < 32)
        ok[rows] = strcmp(result, "ok") == 0;
    if (memcmp(result, "ok, but", 7) == 0)
        odd |= 1u << (rows < 32 ? rows : 31);
    rows++;

    tine_printf("| %s | `", shape);
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        /* The exit signal is a number in the low byte, not a bit. */
        int hit = names[i].flag <= CSIGNAL ? (flags & CSIGNAL) == names[i].flag
                                           : (flags & names[i].flag) != 0;
        if (hit) {
            tine_printf("%s%s", first ? "" : "\\|", names[i].name);
            first = 0;
        }
    }
    tine_printf("%s` | %s |\n", first ? "0" : "", result);
}

/* "ok", or the errno's name: the first word of tine_strerror. */
static const char *result(long r)
{
    static char buf[32];
    const char *s = tine_strerror((int)r);
    unsigned i = 0;

    if (r >= 0)
        return "ok";
    while (s[i] && s[i] != ' ' && i + 1 < sizeof buf) {
        buf[i] = s[i];
        i++;
    }
    buf[i] = 0;
    return buf;
}

/*
 * The parent's side of a fork-like shape whose clone returned r: reaps the
 * child and closes its pidfd (CLONE_PIDFD), then prints the row: "ok" when
 * the child exited 0 and the pidfd came back, else what went wrong.
 */
static void reap_row(const char *shape, unsigned long flags, long r, int pidfd)
{
    int status = -1;
    const char *what = "ok";

    if (r < 0) {
        row(shape, flags, result(r));
        return;
    }
    if ((flags & CLONE_PIDFD) && (pidfd < 0 || tine_close(pidfd) != 0))
        what = "ok, but no pidfd";
    if (tine_wait((int)r, &status) != r)
        what = "ok, but not reaped";
    else if (status != 0)
        what = "ok, but the child failed";
    row(shape, flags, what);
}

/* Fork-like: the child runs on a copy of our stack and exits there. */
static void fork_shape(const char *shape, unsigned long flags)
{
    int pidfd = -1;             /* ptid: where CLONE_PIDFD puts the fd */
    long r = tine_clone_raw(flags, 0, &pidfd, 0, 0);

    if (r == 0)
        tine_exit(0);
    reap_row(shape, flags, r, pidfd);
}

static int touch(void *arg)
{
    (void)arg;
    touched = 1;
    return 0;
}

/* A child on the mapped stack that writes our memory if it shares it. */
static void vm_shape(const char *shape, unsigned long flags)
{
    long r;

    touched = 0;
    r = tine_clone(touch, 0, flags, tine_stack_top(&stack), 0, 0, 0);
    if (r < 0)
        row(shape, flags, result(r));
    else
        row(shape, flags, tine_wait((int)r, 0) != r ? "ok, but not reaped"
                          : touched ? "ok" : "ok, but memory not shared");
}

/*
 * A thread cannot be waited for: CHILD_CLEARTID zeroes thread_alive and
 * wakes it when the thread is gone. That wake is a shared-futex wake, so
 * the wait is not FUTEX_PRIVATE (src/thread.c says the same).
 */
static void thread_shape(const char *shape, unsigned long flags)
{
    long r;

    touched = 0;
    __atomic_store_n(&thread_alive, 1, __ATOMIC_RELEASE);
    r = tine_clone(touch, 0, flags, tine_stack_top(&stack), 0, &thread_alive, 0);
    if (r < 0) {
        row(shape, flags, result(r));
        return;
    }
    while (__atomic_load_n(&thread_alive, __ATOMIC_ACQUIRE) != 0)
        tine_syscall4(__NR_futex, (long)&thread_alive, FUTEX_WAIT, 1, 0);
    row(shape, flags, touched ? "ok" : "ok, but memory not shared");
}

/*
 * CLONE_PARENT makes the new child our parent's. An intermediate child of
 * ours makes one, so it becomes ours and we can reap it; the intermediate
 * reports the clone's errno as its exit code.
 */
static void parent_shape(const char *shape, unsigned long flags)
{
    int status = -1;
    long mid = tine_fork(), r;

    if (mid == 0) {
        r = tine_clone_raw(flags, 0, 0, 0, 0);
        if (r == 0)
            tine_exit(0);       /* the grandchild, now our parent's child */
        tine_exit(r < 0 ? (int)-r : 0);
    }
    if (mid < 0)
        row(shape, flags, result(mid));
    else if (tine_wait((int)mid, &status) != mid || !WIFEXITED(status))
        row(shape, flags, "intermediate process failed");
    else if (WEXITSTATUS(status) != 0)
        row(shape, flags, result(-WEXITSTATUS(status)));
    else
        row(shape, flags, tine_wait(-1, 0) > 0 ? "ok" : "ok, but not our child");
}

/*
 * clone3, fork-shaped: no stack given, so the child continues on a copy of
 * ours and returns from the system call like a fork's child.
 */
static void clone3_shape(const char *shape, unsigned long flags)
{
    int pidfd = -1;
    struct clone_args a = {
        .flags = flags & ~CSIGNAL,
        .exit_signal = flags & CSIGNAL,
        .pidfd = (unsigned long)&pidfd,
    };
    long r = tine_syscall2(__NR_clone3, (long)&a, sizeof a);

    if (r == 0)
        tine_exit(0);
    reap_row(shape, flags, r, pidfd);
}

int main(void)
{
    struct new_utsname u;
    long e = tine_syscall1(__NR_uname, (long)&u);
    int m = tine_stack_map(&stack, 16 * 1024, 0);

    if (e < 0 || m < 0) {
        tine_dprintf(2, "flagprobe: %s\n", tine_strerror(e < 0 ? (int)e : m));
        return 1;
    }
    tine_printf("clone shapes on %s (a kernel, or qemu-user: the program cannot tell)\n\n",
                u.machine);
    tine_printf("| shape | flags | result |\n|---|---|---|\n");
    fork_shape("fork", SIGCHLD);
    fork_shape("fork, exit signal 0", 0);
    fork_shape("fork, exit signal SIGWINCH", SIGWINCH);
    vm_shape("vfork", CLONE_VM | CLONE_VFORK | SIGCHLD);
    thread_shape("thread", THREAD_BUT_SYSVSEM | CLONE_SYSVSEM | CLONE_CHILD_CLEARTID);
    thread_shape("thread without SYSVSEM", THREAD_BUT_SYSVSEM | CLONE_CHILD_CLEARTID);
    vm_shape("process sharing memory", CLONE_VM | SIGCHLD);
    fork_shape("fork sharing cwd", CLONE_FS | SIGCHLD);
    fork_shape("new PID namespace", CLONE_NEWPID | SIGCHLD);
    fork_shape("new UTS namespace", CLONE_NEWUTS | SIGCHLD);
    fork_shape("new mount namespace", CLONE_NEWNS | SIGCHLD);
    fork_shape("new user namespace", CLONE_NEWUSER | SIGCHLD);
    fork_shape("new IPC namespace", CLONE_NEWIPC | SIGCHLD);
    fork_shape("new network namespace", CLONE_NEWNET | SIGCHLD);
    fork_shape("new cgroup namespace", CLONE_NEWCGROUP | SIGCHLD);
    parent_shape("sibling (CLONE_PARENT)", CLONE_PARENT | SIGCHLD);
    fork_shape("fork with a pidfd", CLONE_PIDFD | SIGCHLD);
    clone3_shape("clone3, fork-shaped", SIGCHLD);
    clone3_shape("clone3 with a pidfd", CLONE_PIDFD | SIGCHLD);
    tine_stack_unmap(&stack);

    /*
     * The claims the rows must bear out: everywhere a fork and a thread
     * work; on the kernel vfork, a thread without SYSVSEM and a process
     * sharing memory too (rows 0, 4; 3, 5, 6). qemu-user refuses the
     * last, and its vfork is a fork: "memory not shared", its one
     * allowed "ok, but" (docs/qemu-user.md). Namespace rows depend on the kernel's
     * configuration and privileges: shown, not asserted.
     */
    int qemu = under_qemu();
    int good = ok[0] && ok[4] && (qemu ? !ok[6] && !(odd & ~(1u << 3)) : !odd && ok[3] && ok[5] && ok[6]);

    if (!good)
        tine_printf("\nnot as docs/qemu-user.md says for %s\n", qemu ? "qemu-user" : "a kernel");
    return good ? 0 : 1;
}
