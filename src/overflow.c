/* SPDX-License-Identifier: 0BSD */
/*
 * src/overflow.c — a stack overflow is named, never silent.
 *
 * A thread that runs off its stack faults in the guard below it. The kernel
 * must then push a signal frame, which it cannot do on the stack that just
 * overflowed, so tine gives every thread an alternate signal stack and
 * handles SIGSEGV there with SA_ONSTACK. The handler decides from the fault
 * address alone, reading /proc/self/maps (open, read, close: all
 * async-signal-safe) or, where that cannot be opened (no fd free, no /proc),
 * asking the kernel page by page what is readable (overflowed_blind),
 * whether the fault was an overflow:
 *
 *   - the address is in a PROT_NONE mapping right below a writable one
 *     (a tine thread's or tine_stack_map's guard, or qemu-user's guard
 *     below the main stack), or
 *   - it is unmapped and at most the kernel's stack guard gap (1 MiB by
 *     default) below the main thread's [stack], which cannot grow past
 *     RLIMIT_STACK;
 *
 * and the interrupted stack pointer (from the ucontext) has come down to
 * it: a fault in someone else's guard, such as a buffer run off the bottom
 * of a mapping below which the program put a PROT_NONE page, is no
 * overflow and gets no message.
 *
 * If so it writes one line to stderr. Either way it then restores SIGSEGV's
 * default action and returns: the faulting instruction runs again, faults
 * again, and the process dies by SIGSEGV exactly as it would have without
 * tine (core dump included). A SIGSEGV sent by kill() is raised again.
 *
 * A program that sets its own SIGSEGV action with tine_sigaction does not
 * displace the handler: the action is kept here (segv_chain) and the
 * handler calls it for every SIGSEGV that is not an overflow
 * (<tine/signal.h> lists the rules).
 */
#include "internal.h"
#include <linux/auxvec.h>
#include <linux/signal.h>
#include <linux/futex.h>
#include <asm/siginfo.h>        /* siginfo_t, si_addr */
#include "ucontext.h"           /* arch/<arch>/: tine_arch_uc_sp */

/*
 * What the handler itself needs on top of the kernel's signal frame: its
 * buffers (~400 bytes) and frames. `make stack-report` prints the static
 * worst case of __tine_overflow_handler on every port; this must stay above it.
 */
#define HANDLER_BYTES 1536

/* The kernel's stack_guard_gap (256 pages by default) and some: how far below the main stack a fault can be. */
#define GAP ((1UL << 20) + 65536)

static int watching;

/* Once: every thread spawn asks, and the answer is the kernel's for the process's life. */
size_t __tine_altstack_size(void)
{
    static size_t bytes;

    if (!bytes) {
        size_t min = tine_getauxval(AT_MINSIGSTKSZ);   /* x86 and arm64 kernels tell */
        bytes = (min > MINSIGSTKSZ ? min : MINSIGSTKSZ) + HANDLER_BYTES;
    }
    return bytes;
}

/* ---- the handler: only syscalls and its own stack ---------------------------- */

struct region { unsigned long lo, hi; char perms[4]; int stack; };

static const char *hex(const char *p, unsigned long *v)
{
    unsigned long n = 0;

    for (;; p++) {
        unsigned d = (unsigned)(*p - '0') < 10 ? (unsigned)(*p - '0')
                   : (unsigned)(*p - 'a') < 6 ? (unsigned)(*p - 'a' + 10) : 16;
        if (d == 16)
            break;
        n = n << 4 | d;
    }
    *v = n;
    return p;
}

/* "lo-hi perms offset dev inode path": the fields the handler needs. */
static void parse(const char *line, struct region *r)
{
    const char *p = hex(hex(line, &r->lo) + 1, &r->hi) + 1;

    for (int i = 0; i < 4; i++)
        r->perms[i] = p[i] ? p[i] : '-';
    r->stack = 0;
    for (; *p; p++)
        if (p[0] == '[' && p[1] == 's' && p[2] == 't' && p[3] == 'a' && p[4] == 'c' && p[5] == 'k')
            r->stack = 1;
}

/*
 * The size of the stack in writable mapping r, whose guard starts at
 * guard (0: none). The main thread's is RLIMIT_STACK when that is finite.
 * A thread's or a spawned child's mapping ends in a tail (internal.h) that
 * gives the stack's own size, without the descriptor and alternate stack
 * above it; any other mapping is all stack.
 */
static size_t stack_size(const struct region *r, unsigned long guard)
{
    const struct tine_stack_tail *tail = (const struct tine_stack_tail *)r->hi - 1;
    struct rlimit64 l;

    if (r->stack)
        return tine_syscall4(__NR_prlimit64, 0, RLIMIT_STACK, 0, (long)&l) == 0 &&
               l.rlim_cur != (__u64)-1 ? (size_t)l.rlim_cur : r->hi - r->lo;
    if ((unsigned long)tail->st.low >= guard && (unsigned long)tail->st.low < r->lo &&   /* a guard may */
        tail->stack_size < r->hi - r->lo)                                       /* merge below */
        return tail->stack_size;
    return r->hi - r->lo;
}

/*
 * Has the stack pointer come down into [lo, hi + 64 KiB)? lo is the bottom
 * of a guard (or of the gap below the main stack), hi the lowest byte the
 * stack may use; 64 KiB above it allows for a frame that stored below sp
 * before moving it. A frame bigger than the guard can carry sp past it:
 * such a jump is not named (a bigger guard_size catches it).
 */
static int near(unsigned long sp, unsigned long lo, unsigned long hi)
{
    return sp >= lo && sp < hi + 65536;
}

/* An address on the main thread's stack, above any frame of main's (its envp): set at start-up. */
static unsigned long main_top;

/* How far the walk below goes, up or down, before it gives up: 1 GiB. */
#define WALK_MAX (1UL << 30)

static int readable(unsigned long p)
{
    char c;

    return __tine_copy_in(&c, (const void *)p, 1) == 0;
}

/*
 * overflowed() without /proc/self/maps, which may be unopenable: every fd
 * taken, or no /proc mounted (a chroot, an initramfs, a container). The
 * kernel is asked instead, one page at a time, what is readable
 * (__tine_copy_in: an EFAULT, never a fault): from the faulting page up
 * through the guard to the stack's lowest page `lo` (and down to the
 * guard's bottom, 64 KiB at most: sp must be in it), then up through the
 * stack to the first unreadable page `hi` (the cap above every tine
 * mapping). If main_top lies in [lo, hi) it is the main thread's stack, of
 * RLIMIT_STACK bytes when that is finite; otherwise the tail record at hi,
 * if it makes sense (its guard below lo and holding a, its size in pages),
 * gives the stack's size; otherwise the whole readable run is the stack.
 * Only the fatal path pays for the walk: a few syscalls a page.
 */
static size_t overflowed_blind(unsigned long a, unsigned long sp)
{
    unsigned long page = tine_page_size(), lo = a & -page, hi, g = a & -page;
    struct tine_stack_tail tail;
    struct rlimit64 l;

    while (!readable(lo))
        if ((lo += page) - (a & -page) > WALK_MAX || lo == 0)
            return 0;
    if (lo == (a & -page))
        return 0;                                  /* a is readable: no guard */
    while (g > page && (a & -page) - g < 65536 && !readable(g - page))
        g -= page;                                 /* the guard's bottom, or 64 KiB of it */
    if (!near(sp, g, lo))
        return 0;                                  /* sp is not in it: someone else's guard */
    for (hi = lo; hi - lo < WALK_MAX && hi + page && readable(hi); hi += page)
        ;
    if (main_top >= lo && (main_top < hi || hi - lo >= WALK_MAX))
        return tine_syscall4(__NR_prlimit64, 0, RLIMIT_STACK, 0, (long)&l) == 0 &&
               l.rlim_cur != (__u64)-1 ? (size_t)l.rlim_cur : hi - lo;
    if (__tine_copy_in(&tail, (const void *)(hi - sizeof tail), sizeof tail) == 0 &&
        (unsigned long)tail.st.low <= a && lo - (unsigned long)tail.st.low <= WALK_MAX &&
        tail.stack_size && tail.stack_size % page == 0 && tail.stack_size <= hi - lo)
        return tail.stack_size;
    return hi - lo;
}

/*
 * The size of the stack whose guard `a` is in, or 0 if `a` is not in one.
 * Walks /proc/self/maps in order of address, one line at a time; where it
 * cannot be opened, asks the kernel page by page instead (overflowed_blind).
 */
static size_t overflowed(unsigned long a, unsigned long sp)
{
    char buf[256], line[112];
    struct region cur, guard = { 0, 0, "", 0 };
    size_t n = 0, size = 0;
    long got = 0, i = 0;
    int fd = (int)tine_syscall4(__NR_openat, AT_FDCWD, (long)"/proc/self/maps", O_RDONLY, 0);

    if (fd < 0)
        return overflowed_blind(a, sp);
    for (;;) {
        if (i == got) {
            got = tine_syscall3(__NR_read, fd, (long)buf, sizeof buf);
            i = 0;
            if (got <= 0)
                break;
        }
        if (buf[i] != '\n') {
            if (n < sizeof line - 1)
                line[n++] = buf[i];
            i++;
            continue;
        }
        i++;
        line[n] = 0;
        n = 0;
        parse(line, &cur);
        if (guard.hi) {                            /* the mapping above a guard */
            if (cur.lo == guard.hi && cur.perms[1] == 'w' && near(sp, guard.lo, guard.hi))
                size = stack_size(&cur, guard.lo);
            break;
        }
        if (a >= cur.lo && a < cur.hi) {
            if (cur.perms[0] != '-' || cur.perms[1] != '-' || cur.perms[2] != '-')
                break;                             /* an accessible mapping: not a guard */
            guard = cur;
            continue;
        }
        if (a < cur.lo) {                          /* in the hole below cur: the main */
            if (cur.stack && cur.lo - a <= GAP && near(sp, cur.lo - GAP, cur.lo))
                size = stack_size(&cur, 0);                        /* stack, at its limit */
            break;
        }
    }
    tine_syscall1(__NR_close, fd);
    return size;
}

static char *str(char *p, const char *s)
{
    while (*s)
        *p++ = *s++;
    return p;
}

/*
 * One message per process, however many threads overflow at once: the
 * first to claim it (SAYING) writes it, and every other fault that reaches
 * the handler meanwhile waits until it is written (SAID) before it goes on
 * to die. Returning at once instead, it would re-fault under SIG_DFL and
 * kill the process before the message was out.
 */
enum { SILENT, SAYING, SAID };
static int reported;

static void say(char *msg, size_t size, unsigned long a)
{
    char *p = msg;

    p = str(p, "tine: stack overflow in thread ");
    p = __tine_utoa(p, (unsigned long)tine_syscall0(__NR_gettid));
    p = str(p, ": ");
    p = __tine_utoa(p, size / 1024);
    p = str(p, " KiB stack exhausted (fault at 0x");
    for (int s = (int)(8 * sizeof a) - 4; s >= 0; s -= 4)
        if (a >> s || s == 0)
            *p++ = "0123456789abcdef"[a >> s & 15];
    p = str(p, ", guard page)\n");
    tine_syscall3(__NR_write, 2, (long)msg, p - msg);
}

/* The program's own SIGSEGV action, set through tine_sigaction: SIG_DFL until then. */
static struct tine_sigaction chained;

int __tine_segv_chain(const struct tine_sigaction *act, struct tine_sigaction *old)
{
    if (!__atomic_load_n(&watching, __ATOMIC_ACQUIRE))
        return 0;
    if (old)
        *old = chained;
    if (act) {                                     /* SIG_DFL while the rest changes */
        __atomic_store_n(&chained.handler, SIG_DFL, __ATOMIC_RELEASE);
        chained.mask = act->mask;
        chained.flags = act->flags;
        __atomic_store_n(&chained.handler, act->handler, __ATOMIC_RELEASE);
    }
    return 1;
}

/*
 * Runs the program's action for a SIGSEGV that is no overflow: 1 if it
 * ran (or the signal is ignored), 0 if the default action should. Its
 * mask is added for the call; the kernel restores the whole mask when
 * tine's handler returns.
 */
static int chain(int sig, struct siginfo *si, void *uc)
{
    void (*h)(int) = __atomic_load_n(&chained.handler, __ATOMIC_ACQUIRE);
    void (*a)(int, siginfo_t *, void *) = chained.action;   /* the union's other member */
    unsigned long flags = chained.flags;

    if (h == SIG_DFL)
        return 0;
    if (h == SIG_IGN)
        return si->si_code <= 0;                   /* a fault is never ignored */
    tine_sigprocmask(SIG_BLOCK, &chained.mask, 0);
    if (flags & SA_RESETHAND)
        __atomic_store_n(&chained.handler, SIG_DFL, __ATOMIC_RELEASE);
    if (flags & SA_SIGINFO)
        a(sig, si, uc);
    else
        h(sig);
    return 1;
}

TINE_HIDDEN void __tine_overflow_handler(int sig, struct siginfo *si, void *uc)
{
    unsigned long a = (unsigned long)si->si_addr;
    size_t size = si->si_code > 0 ? overflowed(a, tine_arch_uc_sp(uc)) : 0;  /* > 0: a fault */
    char msg[128];
    int silent = SILENT;

    if (!size && chain(sig, si, uc))
        return;

    if (size && __atomic_compare_exchange_n(&reported, &silent, SAYING, 0,
                                            __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        say(msg, size, a);
        __atomic_store_n(&reported, SAID, __ATOMIC_RELEASE);
        tine_syscall3(NR_futex, (long)&reported, FUTEX_WAKE_PRIVATE, 0x7fffffff);
    }
    while (__atomic_load_n(&reported, __ATOMIC_ACQUIRE) == SAYING)
        tine_syscall4(NR_futex, (long)&reported, FUTEX_WAIT_PRIVATE, SAYING, 0);
    __tine_sigaction(SIGSEGV, 0);
    if (si->si_code <= 0)                          /* sent, not faulted: send it again */
        __tine_raise(sig);
}

/* ---- installing it ---------------------------------------------------------- */

int tine_stack_watch(void)
{
    stack_t ss;
    size_t size;
    void *p;
    long e;

    e = __tine_sigaction(SIGSEGV, __tine_overflow_handler);
    if (e < 0)
        return (int)e;
    __atomic_store_n(&watching, 1, __ATOMIC_RELAXED);
    e = tine_syscall2(__NR_sigaltstack, 0, (long)&ss);
    if (e < 0)
        return (int)e;
    if (!(ss.ss_flags & SS_DISABLE))
        return 0;                                  /* this thread has one already */
    size = tine_round_up(__tine_altstack_size(), tine_page_size());
    p = tine_mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (tine_is_err(p))
        return tine_ptr_err(p);
    ss = (stack_t){ .ss_sp = p, .ss_flags = 0, .ss_size = size };
    e = tine_syscall2(__NR_sigaltstack, (long)&ss, 0);
    if (e < 0)
        tine_munmap(p, size);
    return (int)e;
}

/* Start-up, and tine_clone before each clone (one load once it has run). */
int __tine_watch_start(void)
{
    return __atomic_load_n(&watching, __ATOMIC_RELAXED) ? 0 : tine_stack_watch();
}

static void watch_init(int argc, char **argv, char **envp)
{
    main_top = (unsigned long)envp;
    __tine_watch_start();
    (void)argc, (void)argv, (void)envp;
}
TINE_INIT(5, watch_init);
