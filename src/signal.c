/* SPDX-License-Identifier: 0BSD */
/*
 * src/signal.c — the two things tine itself does with signals: install a
 * handler that runs on the alternate stack (or restore the default action),
 * and raise a signal at the calling thread so that its default action runs.
 */
#include "internal.h"
#include <linux/signal.h>

/* The kernel's struct sigaction for rt_sigaction: a 64-bit mask on every port. */
struct ksigaction {
    tine_sighandler handler;
    unsigned long flags;
    void (*restorer)(void);
    unsigned long mask[64 / (8 * sizeof(long))];
};

long __tine_sigaction(int sig, tine_sighandler h)
{
    struct ksigaction sa = { .handler = h };      /* 0: SIG_DFL */

    if (h)
        sa.flags = SA_SIGINFO | SA_ONSTACK;
#ifdef TINE_ARCH_SIGRETURN
    sa.flags |= SA_RESTORER;                      /* x86: the kernel insists on one */
    sa.restorer = tine_arch_sigreturn;
#endif
    return tine_syscall4(__NR_rt_sigaction, sig, (long)&sa, 0, sizeof sa.mask);
}

void __tine_raise(int sig)
{
    unsigned long set[64 / (8 * sizeof(long))] = { 0 };

    set[(sig - 1) / (8 * sizeof(long))] = 1UL << ((sig - 1) % (8 * sizeof(long)));
    tine_syscall4(__NR_rt_sigprocmask, SIG_UNBLOCK, (long)set, 0, sizeof set);
    tine_syscall3(__NR_tgkill, tine_syscall0(__NR_getpid), tine_syscall0(__NR_gettid), sig);
}
