/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/signal.h> — handlers, masks and raising, with the kernel's own
 * signal numbers and SA_* flags (from its UAPI headers).
 *
 * A tine_sigset has room for every signal the kernel's rt_* calls take:
 * 64 bits, or _NSIG where the UAPI <asm/signal.h> says more (MIPS: 128,
 * and its rt_sigprocmask refuses any other size with EINVAL). i386's and
 * arm's UAPI sigset_t is only 32 bits, so tine has its own type.
 * Errors are -errno, as everywhere in tine.
 *
 * SIGSEGV in a program that clones: tine's stack-overflow handler owns
 * the kernel's SIGSEGV action there (<tine/stack.h>, tine_stack_watch).
 * tine_sigaction(SIGSEGV, ...) then does not replace it but records the
 * program's action, and tine's handler chains to it:
 *   - a fault that is not a stack overflow, or a SIGSEGV sent by kill,
 *     runs the program's handler (SA_SIGINFO or not, with its mask added
 *     to the blocked set; SA_RESETHAND honoured; SIGSEGV stays blocked
 *     while it runs, SA_NODEFER or not), on the alternate signal stack;
 *     if it returns, the faulting instruction runs again;
 *   - a stack overflow is named on stderr as always and the process dies
 *     by SIGSEGV: the program's handler is not called (the overflowed
 *     stack could not run it, and returning would fault again);
 *   - SIG_IGN ignores a sent SIGSEGV; a fault under SIG_IGN or SIG_DFL
 *     kills, as the kernel would.
 * The old action that tine_sigaction reports for SIGSEGV is the
 * program's. Elsewhere tine_sigaction is rt_sigaction itself.
 */
#ifndef TINE_SIGNAL_H
#define TINE_SIGNAL_H

#include <linux/errno.h>
#include <asm/signal.h>         /* SIG*, SA_*, SIG_BLOCK, SIG_DFL, SIG_IGN */
#include <asm/siginfo.h>        /* siginfo_t */

#if defined(_NSIG) && _NSIG > 64
#define TINE_NSIG _NSIG
#else
#define TINE_NSIG 64                /* asm-generic's _NSIG, which x86's UAPI does not define */
#endif

typedef struct {
    unsigned long sig[TINE_NSIG / (8 * sizeof(unsigned long))];
} tine_sigset;

struct tine_sigaction {
    union {
        void (*handler)(int);                       /* without SA_SIGINFO; or SIG_DFL, SIG_IGN */
        void (*action)(int, siginfo_t *, void *);   /* with SA_SIGINFO; the third is a ucontext */
    };
    unsigned long flags;                            /* SA_SIGINFO, SA_ONSTACK, SA_RESTART, ... */
    tine_sigset   mask;                             /* blocked while the handler runs */
};

int tine_sigaction(int sig, const struct tine_sigaction *act, struct tine_sigaction *old);
int tine_sigprocmask(int how, const tine_sigset *set, tine_sigset *old);  /* SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK */
int tine_sigpending(tine_sigset *set);                                   /* blocked and pending */
int tine_raise(int sig);                            /* at the calling thread: tgkill(getpid, gettid) */
int tine_kill(int pid, int sig);                    /* also in <tine/sys.h> */
int tine_tgkill(int tgid, int tid, int sig);

#define TINE_SIGSET_BITS (8 * sizeof(unsigned long))

static inline void tine_sigemptyset(tine_sigset *s)
{
    for (unsigned i = 0; i < sizeof s->sig / sizeof s->sig[0]; i++)
        s->sig[i] = 0;
}

static inline void tine_sigfillset(tine_sigset *s)
{
    for (unsigned i = 0; i < sizeof s->sig / sizeof s->sig[0]; i++)
        s->sig[i] = ~0UL;
}

/* 0, or -EINVAL for a signal outside 1..64. */
static inline int tine_sigaddset(tine_sigset *s, int sig)
{
    if (sig < 1 || sig > 64)
        return -EINVAL;
    s->sig[(sig - 1) / TINE_SIGSET_BITS] |= 1UL << ((sig - 1) % TINE_SIGSET_BITS);
    return 0;
}

static inline int tine_sigdelset(tine_sigset *s, int sig)
{
    if (sig < 1 || sig > 64)
        return -EINVAL;
    s->sig[(sig - 1) / TINE_SIGSET_BITS] &= ~(1UL << ((sig - 1) % TINE_SIGSET_BITS));
    return 0;
}

/* 1 or 0, or -EINVAL for a signal outside 1..64. */
static inline int tine_sigismember(const tine_sigset *s, int sig)
{
    if (sig < 1 || sig > 64)
        return -EINVAL;
    return (int)(s->sig[(sig - 1) / TINE_SIGSET_BITS] >> ((sig - 1) % TINE_SIGSET_BITS) & 1);
}

#endif
