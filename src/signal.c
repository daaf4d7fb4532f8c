/* SPDX-License-Identifier: 0BSD */
/*
 * src/signal.c — handlers, masks and raising: the public calls of
 * <tine/signal.h>, and the two things tine itself does with signals:
 * install a handler that runs on the alternate stack (or restore the
 * default action), and raise a signal at the calling thread so that its
 * default action runs.
 */
#include "internal.h"
#include <linux/signal.h>

/* The kernel's struct sigaction has a restorer field (below). */
#if defined SA_RESTORER || defined TINE_ARCH_SIGACTION_RESTORER_ARG || defined TINE_ARCH_HAS_SA_RESTORER
#define KSA_RESTORER 1
#endif

/*
 * The kernel's struct sigaction for rt_sigaction: a tine_sigset mask (64
 * bits, 128 on MIPS), and a restorer field only where the kernel has one:
 * where the UAPI has SA_RESTORER, or the port says it is there without
 * the flag's name (TINE_ARCH_HAS_SA_RESTORER, m68k) or takes the restorer
 * as an argument (TINE_ARCH_SIGACTION_RESTORER_ARG, sparc64). Not riscv64:
 * asm-generic/signal.h leaves it out, and the mask moves up. Where the
 * port says TINE_ARCH_IRIX_SIGACTION, the kernel's layout is IRIX's: a 32-bit flags word first, then the handler
 * (include/linux/signal_types.h, __ARCH_HAS_IRIX_SIGACTION).
 *
 * Where there is no restorer field, the mask goes in twice: qemu-user
 * before 10.0 reads a riscv64 sigaction as if it had one (its
 * linux-user/generic/signal.h defined TARGET_SA_RESTORER for every target
 * that includes it, until "linux-user: Move TARGET_SA_RESTORER out of
 * generic/signal.h"), so it takes the word after the mask as sa_mask, and
 * a handler would run with garbage blocked (docs/qemu-user.md). The kernel
 * copies only its three fields and never reads the fourth.
 */
struct ksigaction {
#ifdef TINE_ARCH_IRIX_SIGACTION
    unsigned int flags;
    void *handler;
#else
    void *handler;
    unsigned long flags;
#endif
#ifdef KSA_RESTORER
    void (*restorer)(void);             /* sparc64: there, but the kernel takes rt_sigaction's argument;
                                           m68k: there, though its UAPI has no SA_RESTORER */
#endif
    tine_sigset mask;
#ifndef KSA_RESTORER
    tine_sigset mask_qemu;              /* the same mask, where qemu 7.2 looks */
#endif
};

/*
 * rt_sigaction as the port's kernel takes it: where the port says
 * TINE_ARCH_SIGACTION_RESTORER_ARG (sparc64), the restorer is the fourth
 * argument, given as the address minus 8 (a handler returns to its %o7 +
 * 8), and the mask's size moves to the fifth.
 */
static long ksigaction(int sig, const struct ksigaction *act, struct ksigaction *old)
{
#ifdef TINE_ARCH_SIGACTION_RESTORER_ARG
    return tine_syscall5(__NR_rt_sigaction, sig, (long)act, (long)old,
                         (long)__tine_arch_sigreturn - 8, sizeof act->mask);
#else
    return tine_syscall4(__NR_rt_sigaction, sig, (long)act, (long)old, sizeof act->mask);
#endif
}

/* The flags and restorer a handler needs on this port, beside the program's flags. */
static void restorer(struct ksigaction *k)
{
#ifdef TINE_ARCH_SIGRETURN
    k->flags |= SA_RESTORER;                      /* x86: the kernel insists on one */
    k->restorer = __tine_arch_sigreturn;
#ifdef TINE_ARCH_SIGRETURN_NORT
    if (!(k->flags & SA_SIGINFO))
        k->restorer = __tine_arch_sigreturn_nort;   /* i386: the old frame (sigreturn.asm) */
#endif
#else
    (void)k;
#endif
}

long __tine_sigaction(int sig, tine_sighandler h)
{
    struct ksigaction sa = { .handler = (void *)h };    /* 0: SIG_DFL */

    if (h) {
        sa.flags = SA_SIGINFO | SA_ONSTACK;
        restorer(&sa);
    }
    return ksigaction(sig, &sa, 0);
}

void __tine_raise(int sig)
{
    tine_sigset set;

    tine_sigemptyset(&set);
    tine_sigaddset(&set, sig);
    tine_syscall4(__NR_rt_sigprocmask, SIG_UNBLOCK, (long)&set, 0, sizeof set);
    tine_syscall3(__NR_tgkill, tine_syscall0(__NR_getpid), tine_syscall0(__NR_gettid), sig);
}

/*
 * rt_sigaction with the program's action. SIGSEGV in a program whose
 * overflow handler is installed goes to overflow.c instead, which keeps
 * the action and chains to it (<tine/signal.h> says how).
 */
int tine_sigaction(int sig, const struct tine_sigaction *act, struct tine_sigaction *old)
{
    struct ksigaction k, o;
    long r;

    if (sig < 1 || sig > TINE_NSIG)
        return -EINVAL;
    if (sig == SIGSEGV && __tine_segv_chain && __tine_segv_chain(act, old))
        return 0;
    if (act) {
        k = (struct ksigaction){ .handler = (void *)act->handler,
                                 .flags = act->flags, .mask = act->mask };
#ifdef SA_RESTORER
        k.flags &= ~(unsigned long)SA_RESTORER;   /* tine's to give, not the program's */
#endif
#ifndef KSA_RESTORER
        k.mask_qemu = k.mask;
#endif
        if (act->handler != SIG_DFL && act->handler != SIG_IGN)
            restorer(&k);
    }
    r = ksigaction(sig, act ? &k : 0, old ? &o : 0);
    if (r == 0 && old) {
        old->handler = (void (*)(int))o.handler;
        old->flags = o.flags;
#ifdef SA_RESTORER
        old->flags &= ~(unsigned long)SA_RESTORER;
#endif
        old->mask = o.mask;
    }
    return (int)r;
}

int tine_sigprocmask(int how, const tine_sigset *set, tine_sigset *old)
{
    return (int)tine_syscall4(__NR_rt_sigprocmask, how, (long)set, (long)old, sizeof(tine_sigset));
}

int tine_sigpending(tine_sigset *set)
{
    return (int)tine_syscall2(__NR_rt_sigpending, (long)set, sizeof(tine_sigset));
}

int tine_raise(int sig)
{
    return (int)tine_syscall3(__NR_tgkill, tine_syscall0(__NR_getpid), tine_syscall0(__NR_gettid), sig);
}
