/* SPDX-License-Identifier: 0BSD */
/*
 * t-main-overflow: a program that never clones still has its main thread's
 * overflow named. tine-cc links the overflow handler into every program
 * (only --tiny leaves it out), so start-up installs it with an alternate
 * signal stack; this program then overflows main and must die by SIGSEGV
 * after one line saying so. Its verdict is its death and that line.
 */
/* expect: exit 139 */
/* expect: output tine: stack overflow in thread */
/* expect: output KiB stack exhausted (fault at 0x */
#include "t.h"
#include <linux/signal.h>         /* SS_DISABLE */

/* Each frame holds a page the compiler cannot drop, so the guard is reached by construction. */
static __attribute__((noinline)) int deep(int n)
{
    volatile char page[4096];

    page[0] = (char)n;
    page[sizeof page - 1] = (char)n;
    return n ? deep(n - 1) + page[0] + page[sizeof page - 1] : 0;
}

int main(void)
{
    struct rlimit r = { 1 << 20, RLIM_INFINITY };
    /*
     * The kernel's struct sigaction: handler, flags (restorer) and mask on
     * most ports; MIPS's is IRIX's, a 32-bit flags word (padded to 64) before
     * the handler. Either way one of the first two words is the handler and
     * the other holds SA_ONSTACK; the mask is a tine_sigset, the kernel's size.
     */
    struct { unsigned long w[3]; tine_sigset mask; } old;
    stack_t ss;
    /* sparc64's rt_sigaction takes a restorer fourth and the mask's size fifth (arch/PORTS.md). */
    long got = t_elf_machine() == EM_SPARCV9
             ? tine_syscall5(__NR_rt_sigaction, SIGSEGV, 0, (long)&old, 0, sizeof old.mask)
             : tine_syscall4(__NR_rt_sigaction, SIGSEGV, 0, (long)&old, sizeof old.mask);

    CHECK_EQ(got, 0, "read SIGSEGV's action");
    CHECK((old.w[0] && (old.w[1] & SA_ONSTACK)) || ((old.w[0] & SA_ONSTACK) && old.w[1]),
          "start-up installed a SIGSEGV handler on the alternate stack");
    CHECK_EQ(tine_syscall2(__NR_sigaltstack, 0, (long)&ss), 0, "read the alternate signal stack");
    CHECK(!(ss.ss_flags & SS_DISABLE) && ss.ss_size > 0, "main has one (%lu bytes)", (unsigned long)ss.ss_size);
    /* 1 MiB, not 8: the guard comes sooner natively (qemu-user keeps its own fixed stack). */
    CHECK_EQ(tine_setrlimit(RLIMIT_STACK, &r), 0, "RLIMIT_STACK 1 MiB");
    t_done();
    return deep(1 << 30);               /* not reached: the process dies */
}
