/* SPDX-License-Identifier: 0BSD */
/*
 * traps.c — the classic clone mistakes, each reproduced in a process of
 * its own so that this program survives them, and explained.
 * docs/clone.md tells the story of each; `traps NAME` runs one.
 *
 *   vfork-in-c   vfork wrapped in a C function: the child, running on the
 *                parent's stack, overwrites the wrapper's return address
 *   waitpid      a clone child with no exit signal (the first seed's): a
 *                plain waitpid does not see it, __WALL does
 *   stack        a clone child on a stack too small: the first seed's crash
 *                (examples/overflow.c has the whole story)
 *   sysvsem      thread flags without CLONE_SYSVSEM: fine for the kernel,
 *                EINVAL for qemu-user
 *   sigusr1      SIGUSR1 as a child's exit signal: the parent, with no
 *                handler, is killed when the child exits
 */
#include <tine.h>

static struct tine_stack stack;

/* ---- vfork in a C function ---------------------------------------------------- */

static volatile int zero;

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
        scribble();
        leave();                /* this call's return address lands where my_vfork's was */
        return 7;               /* ... so the parent, returning from my_vfork, comes out here */
    }
    tine_wait(pid, 0);
    return 0;                   /* the parent, had its frame survived */
}

/* ---- a child without an exit signal, and waitpid -------------------------------- */

static int child(void *arg)
{
    (void)arg;
    tine_nanosleep(0, 100000000);
    return 5;
}

static int waitpid_trap(void *arg)
{
    int status = 0, pid = (int)tine_clone(child, 0, 0, tine_stack_top(&stack), 0, 0, 0);
    long r;

    (void)arg;
    if (pid < 0) {
        tine_printf("    clone with exit signal 0: %s\n", tine_strerror(pid));
        return pid == -EINVAL ? 0 : 1;
    }
    r = tine_syscall4(__NR_wait4, pid, (long)&status, 0, 0);     /* what waitpid(pid, &s, 0) does */
    tine_printf("    waitpid(%d, &status, 0) = %s: no exit signal, so it is no child to waitpid\n",
                pid, r < 0 ? tine_strerror((int)r) : "a pid");
    r = tine_wait(pid, &status);                                 /* wait4 with __WALL */
    tine_printf("    tine_wait, with __WALL: %ld, exit code %d\n", r, WEXITSTATUS(status));
    return r == pid && WEXITSTATUS(status) == 5 ? 0 : 1;
}

/* ---- a stack too small ------------------------------------------------------------ */

static __attribute__((noinline)) int deep(int n)
{
    volatile char buf[1024];

    buf[0] = (char)n;
    return n ? deep(n - 1) + buf[0] : 0;
}

static int dive(void *arg)
{
    (void)arg;
    return deep(64);            /* some 70 KiB of frames */
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
    return 0;
}

/* ---- SIGUSR1 as an exit signal --------------------------------------------------- */

static int sigusr1_trap(void *arg)
{
    struct tine_spawn_opts o = { .exit_signal = SIGUSR1 };
    int pid = tine_spawn(child, 0, &o);

    (void)arg;
    if (pid < 0) {
        tine_printf("    spawn with exit signal SIGUSR1: %s\n", tine_strerror(pid));
        return 0;
    }
    tine_nanosleep(2, 0);       /* the child exits after 0.1 s: SIGUSR1 arrives first */
    tine_printf("    still alive after the child's exit\n");
    return 0;
}

/* ---- running them ------------------------------------------------------------------ */

/* A trap springs when its process dies by a signal or exits with `sprung`. */
static const struct { const char *name, *what; int (*fn)(void *); int sprung; const char *why, *spared; } traps[] = {
    { "vfork-in-c", "a vfork wrapped in a C function", vfork_in_c, 7,
      "the child returned from the wrapper and made calls on the parent's stack, over the\n"
      "    wrapper's return address; the parent, woken, returned into the child's branch",
      "qemu-user's vfork is a fork: the child scribbled on a copy" },
    { "waitpid", "a clone child without an exit signal (the first seed's)", waitpid_trap, 1,
      "tine_wait did not find it either",
      "waitpid sees only children that signal their parent; tine_wait passes __WALL" },
    { "stack", "a clone child calling 70 KiB deep on an 8 KiB stack", stack_trap, 128 + SIGSEGV,
      "the first seed's crash: the child died by SIGSEGV, named by tine (see examples/overflow.c)",
      "the child finished: was the stack big enough after all?" },
    { "sysvsem", "thread flags without CLONE_SYSVSEM", sysvsem_trap, 1, "",
      "the kernel allows partial sharing; qemu-user makes a thread only from all six flags" },
    { "sigusr1", "SIGUSR1 as a child's exit signal", sigusr1_trap, 1,
      "the parent had no SIGUSR1 handler, and SIGUSR1's default action is to terminate",
      "no SIGUSR1 came" },
};

static void run(int i)
{
    int status, pid;

    tine_printf("%s:\n", traps[i].what);
    pid = tine_spawn(traps[i].fn, 0, 0);
    if (pid < 0 || tine_wait(pid, &status) != pid) {
        tine_printf("    could not run it: %s\n", tine_strerror(pid));
        return;
    }
    if (WIFSIGNALED(status))
        tine_printf("    -> sprung: killed by signal %d: %s\n", WTERMSIG(status), traps[i].why);
    else if (WEXITSTATUS(status) == traps[i].sprung)
        tine_printf("    -> sprung (exit %d): %s\n", WEXITSTATUS(status), traps[i].why);
    else
        tine_printf("    -> spared: %s\n", traps[i].spared);
}

int main(int argc, char **argv)
{
    struct rlimit nocore = { 0, 0 };
    int n = sizeof traps / sizeof traps[0], ran = 0;

    tine_setrlimit(RLIMIT_CORE, &nocore);       /* crashes on purpose: no core files */
    if (tine_stack_map(&stack, 8192, 0) != 0)
        return 1;
    for (int i = 0; i < n; i++)
        if (argc < 2 || strcmp(argv[1], traps[i].name) == 0) {
            run(i);
            ran++;
        }
    if (!ran) {
        tine_dprintf(2, "usage: traps [vfork-in-c|waitpid|stack|sysvsem|sigusr1]\n");
        return 2;
    }
    return 0;
}
