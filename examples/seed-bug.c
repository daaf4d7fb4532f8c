/* SPDX-License-Identifier: 0BSD */
/*
 * seed-bug.c — the first seed's real bug, and the guard page that names it.
 *
 * The post in seeds/ gave a clone child an 8 KiB stack from malloc. Such a
 * stack has no guard: memory below it is just more memory, so a child that
 * calls too deep does not fault. It writes its frames over whatever lies
 * below, finishes, and the program dies later, somewhere else, when it
 * uses what was there.
 *
 * First half: an 8 KiB stack in static memory (malloc's would be no
 * different), right above a table of names the program uses afterwards.
 * A thread-shaped clone child calls 12 KiB deep on it and returns happily;
 * then the parent reads the names, and dies by a signal: the child's
 * frames are where the table was.
 *
 * Second half: the same child on a tine_stack_map stack (what
 * tine_thread_spawn uses), which has a guard page below it. The
 * first write past the stack faults at once, and tine's handler names the
 * thread and the stack on stderr before the process dies by SIGSEGV.
 *
 * Each half runs in a process of its own, so this program survives both,
 * and asserts what happened: exit 0 when both went as described.
 */
#include <tine.h>
#include <linux/futex.h>        /* FUTEX_WAIT: the shared kind, as CHILD_CLEARTID wakes */

#define STACK 8192
#define DEPTH 12                /* 12 frames of more than 1 KiB: 12+ KiB on 8 KiB */
#define FILL 0xa5               /* what the child's frames hold: 0xa5a5... points nowhere */

/*
 * The names, then the stack: the stack grows down into the names. Where
 * stacks grow up (hppa) it runs into the names above it instead: the
 * table used is the one the stack grows towards.
 */
static struct {
    char below[16384];          /* room for the rest of the overflow */
    const char *names_below[128];   /* the neighbour: 1 KiB just below the stack */
    char stack[STACK] __attribute__((aligned(64)));
    const char *names_above[128];   /* or just above it */
    char above[16384];
} mem;
static const char **names;      /* the one in the way */
#define NAMES (sizeof mem.names_below / sizeof mem.names_below[0])

/* Whether stacks grow up here: tine_stack_top, asked of a stack it only computes on, says where one starts. */
static int grows_up(void)
{
    struct tine_stack s = { (void *)(1UL << 24), 1UL << 20, 1UL << 16 };

    return (char *)tine_stack_top(&s) < (char *)s.low + (s.guard + s.size) / 2;
}

/* What the two halves report to main, across their process boundary. */
static struct report { int finished, corrupted; } *shared;

/* Each frame really holds 1 KiB: fill() writes every byte of it. */
static __attribute__((noinline)) void fill(char *p, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        ((volatile char *)p)[i] = (char)FILL;
}

/* Read after the recursive call: buf must live across it, in a real frame. */
static __attribute__((noinline)) int last(const char *p, unsigned n)
{
    return ((const volatile char *)p)[n - 1] & 1;
}

static __attribute__((noinline)) int deep(int n)
{
    char buf[1024];
    int r;

    fill(buf, sizeof buf);
    r = n ? deep(n - 1) : 0;    /* not a tail call, and no accumulator to loop with */
    return r + last(buf, sizeof buf);
}

static int child(void *arg)
{
    (void)arg;
    deep(DEPTH);
    shared->finished = 1;       /* and it comes back, as if nothing happened */
    return 0;
}

/* Half one: no guard. Dies by a signal, later, in the parent. */
static int unguarded(void *arg)
{
    unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                          CLONE_SYSVSEM | CLONE_CHILD_CLEARTID;     /* qemu-user's thread set */
    static int alive = 1;
    unsigned long total = 0;
    long r;

    (void)arg;
    names = grows_up() ? mem.names_above : mem.names_below;
    for (unsigned i = 0; i < NAMES; i++)
        names[i] = i & 1 ? "odd" : "even";
    r = tine_clone(child, 0, flags, grows_up() ? mem.stack : mem.stack + STACK, 0, &alive, 0);
    if (r < 0) {
        tine_printf("    clone: %s\n", tine_strerror((int)r));
        return 1;
    }
    while (__atomic_load_n(&alive, __ATOMIC_ACQUIRE))
        tine_syscall4(__NR_futex, (long)&alive, FUTEX_WAIT, 1, 0);
    tine_printf("    the child returned from 12 KiB of calls on 8 KiB; no fault, no message\n");
    for (unsigned i = 0; i < NAMES; i++)
        if (names[i] != (i & 1 ? "odd" : "even"))
            shared->corrupted++;
    tine_printf("    %d of the 128 names %s the stack now point elsewhere\n", shared->corrupted,
                grows_up() ? "above" : "below");
    tine_printf("    the parent, later, reads its names...\n");
    for (unsigned i = 0; i < NAMES; i++)
        total += strlen(names[i]);
    tine_printf("    ... and survived (%lu bytes)\n", total);
    return 0;
}

/* Half two: the same child on a stack with a guard page. */
static int guarded(void *arg)
{
    struct tine_thread_opts o = { .stack_size = STACK };
    tine_thread *t;

    (void)arg;
    if (tine_thread_spawn(&t, child, 0, &o) != 0)
        return 1;
    tine_thread_join(t, 0);
    tine_printf("    ... and the child returned: the guard did not catch it\n");
    return 0;
}

/* Runs one half in a process of its own, its stderr into err. Returns its status. */
static int half(int (*fn)(void *), char *err, int cap)
{
    int fd[2], saved, status = 0, pid;
    long n = 0, r;

    shared->finished = shared->corrupted = 0;
    tine_syscall2(__NR_pipe2, (long)fd, O_CLOEXEC);
    saved = (int)tine_syscall3(__NR_fcntl, 2, F_DUPFD_CLOEXEC, 10);
    tine_syscall3(__NR_dup3, fd[1], 2, 0);
    pid = tine_spawn(fn, 0, 0);
    tine_syscall3(__NR_dup3, saved, 2, 0);
    tine_close(saved);
    tine_close(fd[1]);
    while (n < cap - 1 && (r = tine_read(fd[0], err + n, (size_t)(cap - 1 - n))) > 0)
        n += r;
    err[n] = 0;
    tine_close(fd[0]);
    if (pid < 0 || tine_wait(pid, &status) != pid)
        return -1;
    return status;
}

/* Does the text say "stack overflow" anywhere? */
static int names_overflow(const char *s)
{
    for (size_t n = strlen(s); n >= 14; s++, n--)
        if (memcmp(s, "stack overflow", 14) == 0)
            return 1;
    return 0;
}

int main(void)
{
    struct rlimit nocore = { 0, 0 };
    char err[512];
    int s, ok1, ok2;

    tine_setrlimit(RLIMIT_CORE, &nocore);       /* crashes on purpose: no core files */
    shared = tine_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (tine_is_err(shared))
        return 1;

    tine_printf("1. an 8 KiB stack with no guard, above a table of 128 names:\n");
    s = half(unguarded, err, sizeof err);
    /* Silent: whatever stderr says of the crash, nothing names an overflow. */
    ok1 = s >= 0 && WIFSIGNALED(s) && shared->finished && shared->corrupted > 0 && !names_overflow(err);
    if (s >= 0 && WIFSIGNALED(s))
        tine_printf("    -> the parent died by signal %d, after the child had finished:\n"
                    "       the crash is far from the overflow that caused it\n", WTERMSIG(s));
    else
        tine_printf("    -> no crash (status %#x)\n", s);
    if (err[0])
        tine_printf("    stderr said: %s", err);
    else
        tine_printf("    stderr said nothing\n");

    tine_printf("2. the same child on tine_stack_map's 8 KiB, with its guard page:\n");
    s = half(guarded, err, sizeof err);
    ok2 = s >= 0 && WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && !shared->finished &&
          strlen(err) > 20 && memcmp(err, "tine: stack overflow in thread", 30) == 0;
    tine_printf("    -> %s at the first byte past the stack; stderr said:\n    %s",
                s >= 0 && WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV ? "SIGSEGV" : "no SIGSEGV",
                err[0] ? err : "nothing\n");
    tine_printf("%s\n", ok1 && ok2 ? "No guard: silent, and late. A guard: at once, and named."
                                   : "Not as described: see above.");
    return ok1 && ok2 ? 0 : 1;
}
