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
 *     below the main stack), or in pages of a writable mapping that the
 *     kernel cannot read (a guard marked by stack.c, Linux 6.13), or
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
    size_t size = si->si_code > 0 ? __tine_overflowed(a, tine_arch_uc_sp(uc)) : 0;  /* > 0: a fault */
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
    __tine_main_top = (unsigned long)envp;
    __tine_watch_start();
    (void)argc, (void)argv, (void)envp;
}
TINE_INIT(5, watch_init);
