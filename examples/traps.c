/* SPDX-License-Identifier: 0BSD */
/*
 * traps.c — the classic clone mistakes, each reproduced in a process of
 * its own so that this program survives them, and explained.
 * docs/clone.md tells the story of each; `traps NAME` runs one.
 *
 *   vfork-in-c   vfork wrapped in a C function: the child, running on the
 *                parent's stack, overwrites the wrapper's return address
 *   waitpid      clone children whose exit signal is not SIGCHLD (0, the
 *                first seed's, and SIGUSR1): a plain waitpid does not see
 *                them, __WALL does
 *   stack        a clone child on a stack too small: the first seed's crash,
 *                by construction on every port (examples/overflow.c has the
 *                whole story)
 *   sysvsem      thread flags without CLONE_SYSVSEM: fine for the kernel,
 *                EINVAL for qemu-user
 *   sigusr1      SIGUSR1 as a child's exit signal: the parent, with no
 *                handler, is killed when the child exits
 *
 * Each trap says in words what happened, and whether that is what
 * docs/clone.md says happens here (natively, or under qemu-user, which
 * refuses some of these clones and turns vfork into a fork). The program
 * exits 1 if any trap did something else.
 */
#include <tine.h>
#include "runner.h"
#include <asm-generic/signal-defs.h>    /* SIG_BLOCK */

static struct tine_stack stack;

/* ---- vfork in a C function ---------------------------------------------------- */

static volatile int zero, shared;

/* Not inlined, and not a tail call: the wrapper keeps a frame, and its return address on the stack. */
static __attribute__((noinline)) int my_vfork(void)
{
    int pid = tine_vfork();

    return pid + zero;
}

/* What the child does after returning from my_vfork: a call whose frame lands where my_vfork's was. */
static __attribute__((noinline)) void scribble(void)
{
    volatile unsigned char junk[256];

    for (unsigned i = 0; i < sizeof junk; i++)
        junk[i] = 0x41;
}

/* The child's way out. Not visibly noreturn: the caller keeps code after the call. */
static __attribute__((noinline)) void leave(void)
{
    if (!zero)
        tine_exit_thread(0);
}

static int vfork_in_c(void *arg)
{
    int pid = my_vfork();

    (void)arg;
    if (pid == 0) {
        shared = 1;             /* reaches the parent only if vfork really shares memory */
        scribble();
        leave();                /* this call's return address lands where my_vfork's was */
        return 7;               /* ... so the parent, returning from my_vfork, comes out here */
    }
    tine_wait(pid, 0);
    return shared ? 0 : 3;      /* the parent, had its frame survived; 3: not shared (a fork) */
}

/* ---- a child without an exit signal, and waitpid -------------------------------- */

static int child(void *arg)
{
    (void)arg;
    tine_nanosleep(0, 100000000);
    return 5;
}

/*
 * Without __WCLONE or __WALL, wait4 sees only children whose exit signal is
 * SIGCHLD (kernel/exit.c, eligible_child: "if ((p->exit_signal != SIGCHLD)
 * ^ !!(wo->wo_flags & __WCLONE)) return 0;"). Exit signal 0 (the seed's)
 * and SIGUSR1 alike: the SIGUSR1 child does signal its parent, and is still
 * not seen. SIGUSR1 is blocked here, or its arrival would kill us (the
 * sigusr1 trap). 0 if it went as docs/clone.md says.
 */
static int waitpid_trap(void *arg)
{
    static const int sigs[] = { 0, SIGUSR1 };
    unsigned long long usr1 = 1ULL << (SIGUSR1 - 1);
    int bad = 0;

    (void)arg;
    tine_syscall4(__NR_rt_sigprocmask, SIG_BLOCK, (long)&usr1, 0, sizeof usr1);
    for (int i = 0; i < 2; i++) {
        int status = 0, pid = (int)tine_clone(child, 0, (unsigned long)sigs[i], tine_stack_top(&stack), 0, 0, 0);
        long r;

        tine_printf("    exit signal %s:\n", sigs[i] ? "SIGUSR1" : "0 (none)");
        if (pid < 0) {
            tine_printf("      clone: %s (qemu-user takes only SIGCHLD for a fork)\n", tine_strerror(pid));
            bad |= pid != -EINVAL;
            continue;
        }
        r = tine_waitpid(pid, &status, 0);              /* waitpid(2): options as given */
        tine_printf("      tine_waitpid(%d, &s, 0) = %s\n", pid, r < 0 ? tine_strerror((int)r) : "the pid");
        bad |= r != -ECHILD;
        r = tine_waitpid(pid, &status, __WALL);
        tine_printf("      tine_waitpid(%d, &s, __WALL) = %ld, exit code %d\n", pid, r, WEXITSTATUS(status));
        bad |= r != pid || WEXITSTATUS(status) != 5;
    }
    return bad;
}

/* ---- a stack too small ------------------------------------------------------------ */

/*
 * Each frame really holds 1 KiB: fill() writes every byte through a pointer
 * and last() reads it after the recursive call,
 * so no compiler can keep only buf[0] (clang did, with a volatile array
 * and one store: 12-32 byte frames, and no overflow on four ports).
 */
static __attribute__((noinline)) void fill(char *p, unsigned n, int c)
{
    for (unsigned i = 0; i < n; i++)
        ((volatile char *)p)[i] = (char)c;
}

/* Read after the recursive call: buf must live across it, in a real frame. */
static __attribute__((noinline)) int last(const char *p, unsigned n)
{
    return ((const volatile char *)p)[n - 1];
}

static __attribute__((noinline)) int deep(int n)
{
    char buf[1024];
    int r;

    fill(buf, sizeof buf, n);
    r = n ? deep(n - 1) : 0;    /* not a tail call, and no accumulator to loop with */
    return r + last(buf, sizeof buf);
}

static int dive(void *arg)
{
    (void)arg;
    return deep(64);            /* at least 64 KiB of frames on an 8 KiB stack */
}

static int stack_trap(void *arg)
{
    int status, pid = (int)tine_clone(dive, 0, SIGCHLD, tine_stack_top(&stack), 0, 0, 0);

    (void)arg;
    tine_wait(pid, &status);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 0;
}

/* ---- thread flags without CLONE_SYSVSEM ----------------------------------------- */

static int alive = 1;

static int sysvsem_trap(void *arg)
{
    unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                          CLONE_CHILD_CLEARTID;
    long r = tine_clone(child, 0, flags, tine_stack_top(&stack), 0, &alive, 0);

    (void)arg;
    tine_printf("    clone(VM|FS|FILES|SIGHAND|THREAD|CHILD_CLEARTID) = %s\n",
                r > 0 ? "a tid: the kernel does not mind" : tine_strerror((int)r));
    while (r > 0 && __atomic_load_n(&alive, __ATOMIC_ACQUIRE))
        tine_syscall4(__NR_futex, (long)&alive, 0 /* FUTEX_WAIT, shared */, 1, 0);
    return r > 0 || r == -EINVAL ? 0 : 1;       /* the kernel's tid, or qemu-user's EINVAL */
}

/* ---- SIGUSR1 as an exit signal --------------------------------------------------- */

static int sigusr1_trap(void *arg)
{
    struct tine_spawn_opts o = { .exit_signal = SIGUSR1 };
    int pid = tine_spawn(child, 0, &o);

    (void)arg;
    if (pid < 0) {
        tine_printf("    spawn with exit signal SIGUSR1: %s (qemu-user takes only SIGCHLD)\n",
                    tine_strerror(pid));
        return pid == -EINVAL ? 0 : 1;
    }
    tine_nanosleep(2, 0);       /* the child exits after 0.1 s: SIGUSR1 arrives first */
    tine_printf("    still alive after the child's exit\n");
    return 1;
}

/* ---- running them ------------------------------------------------------------------ */

/*
 * What each trap did, in words: by the trap process's end (killed by a
 * signal, or its exit code), and whether docs/clone.md says that happens
 * on this runner: the kernel, or qemu-user (TINE_RUNNER=qemu), whose vfork
 * is a fork and which refuses SIGUSR1 as an exit signal.
 */
static int verdict(int i, int status)
{
    int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0, code = WEXITSTATUS(status);
    int qemu = under_qemu();

    switch (i) {
    case 0:                     /* vfork-in-c */
        if (sig)
            tine_printf("    -> the parent crashed (signal %d): its return address was the child's\n", sig);
        else if (code == 7)
            tine_printf("    -> the parent returned into the child's branch (exit 7): the child's\n"
                        "       calls overwrote the wrapper's return address on the shared stack\n");
        else if (code == 3)
            tine_printf("    -> hidden: vfork is a fork here (qemu-user), the child wrote on a copy\n");
        else
            tine_printf("    -> the parent survived with the memory shared (exit %d)\n", code);
        return qemu ? code == 3 : sig || code == 7;     /* hidden only where vfork is a fork */
    case 1:                     /* waitpid */
        tine_printf(code == 0 && !sig ? "    -> as docs/clone.md says: only __WALL (or __WCLONE) finds them\n"
                                      : "    -> not what docs/clone.md says (exit %d, signal %d)\n", code, sig);
        return code == 0 && !sig;
    case 2:                     /* stack */
        if (code == 128 + SIGSEGV)
            tine_printf("    -> the child overflowed its 8 KiB and died by SIGSEGV, named on\n"
                        "       stderr by tine (see examples/overflow.c)\n");
        else
            tine_printf("    -> the child did not overflow (exit %d): the frames were smaller\n"
                        "       than they look\n", code);
        return code == 128 + SIGSEGV;
    case 3:                     /* sysvsem */
        tine_printf(code == 0 && !sig ? "    -> as the line above says: the kernel allows partial sharing;\n"
                                        "       qemu-user makes a thread only from all six flags\n"
                                      : "    -> something else (exit %d, signal %d)\n", code, sig);
        return code == 0 && !sig;
    default:                    /* sigusr1 */
        if (sig == SIGUSR1)
            tine_printf("    -> the parent was killed by SIGUSR1 when its child exited: no handler,\n"
                        "       and SIGUSR1's default action is to terminate\n");
        else if (code == 0 && !sig)
            tine_printf("    -> refused before it could bite (qemu-user)\n");
        else
            tine_printf("    -> the parent survived its child's SIGUSR1 (exit %d)\n", code);
        return qemu ? code == 0 && !sig : sig == SIGUSR1;   /* the kernel takes the shape */
    }
}

static const struct { const char *name, *what; int (*fn)(void *); } traps[] = {
    { "vfork-in-c", "a vfork wrapped in a C function", vfork_in_c },
    { "waitpid", "clone children whose exit signal is not SIGCHLD, and waitpid", waitpid_trap },
    { "stack", "a clone child calling 64 KiB deep on an 8 KiB stack", stack_trap },
    { "sysvsem", "thread flags without CLONE_SYSVSEM", sysvsem_trap },
    { "sigusr1", "SIGUSR1 as a child's exit signal", sigusr1_trap },
};

/* Runs trap i in a process of its own; 1 if it did what docs/clone.md says. */
static int run(int i)
{
    int status, pid;

    tine_printf("%s:\n", traps[i].what);
    pid = tine_spawn(traps[i].fn, 0, 0);
    if (pid < 0 || tine_wait(pid, &status) != pid) {
        tine_printf("    could not run it: %s\n", tine_strerror(pid));
        return 0;
    }
    return verdict(i, status);
}

int main(int argc, char **argv)
{
    struct rlimit nocore = { 0, 0 };
    int n = sizeof traps / sizeof traps[0], ran = 0, good = 0;

    tine_setrlimit(RLIMIT_CORE, &nocore);       /* crashes on purpose: no core files */
    if (tine_stack_map(&stack, 8192, 0) != 0)
        return 1;
    for (int i = 0; i < n; i++)
        if (argc < 2 || strcmp(argv[1], traps[i].name) == 0) {
            good += run(i);
            ran++;
        }
    if (!ran) {
        tine_dprintf(2, "usage: traps [vfork-in-c|waitpid|stack|sysvsem|sigusr1]\n");
        return 2;
    }
    if (good != ran)
        tine_printf("%d of %d traps did not do what docs/clone.md says\n", ran - good, ran);
    return good == ran ? 0 : 1;
}
