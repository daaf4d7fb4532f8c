/* SPDX-License-Identifier: 0BSD */
/*
 * t-sigapi: <tine/signal.h>. A handler without SA_SIGINFO and one with it
 * each receive a raised signal and return into the program (on i386 the
 * first returns through the non-rt restorer, the second through the rt
 * one); the second runs with its sa_mask blocked; sigprocmask holds a
 * signal back, sigpending shows it, unblocking delivers it. In this
 * program, which clones and so has tine's overflow handler, a SIGSEGV
 * action set with tine_sigaction is chained to: a raised SIGSEGV and a
 * fault that is no overflow both reach it, and the fault's handler can
 * repair the page and return.
 */
#include "t.h"

static volatile int plain_sig, plain_count;
static volatile int info_sig, info_code, info_pid, info_masked, info_count;
static volatile long info_err;
static volatile unsigned long info_mask;           /* the mask's first word, as the handler read it */
static volatile int segv_count, segv_code;
static char *volatile segv_page;

static void plain(int sig)
{
    plain_sig = sig;
    plain_count++;
}

static void with_info(int sig, siginfo_t *si, void *uc)
{
    tine_sigset now = { { 0 } };

    (void)uc;
    info_sig = sig;
    info_code = si->si_code;
    info_pid = si->si_pid;
    info_err = tine_sigprocmask(SIG_BLOCK, 0, &now);
    info_mask = now.sig[0];
    info_masked = info_err == 0 && tine_sigismember(&now, SIGUSR1) == 1;
    info_count++;
}

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)uc;
    segv_code = si->si_code;
    segv_count++;
    if (si->si_code > 0)                           /* a fault: open the page, and the write runs again */
        tine_mprotect(segv_page, tine_page_size(), PROT_READ | PROT_WRITE);
}

static int nothing(void *arg)
{
    return (int)(long)arg;
}

/* An overflow with the program's SIGSEGV handler set: named, fatal, the handler not called. */
static int *called;                                /* MAP_SHARED: the child's handler counts here */

static void count_segv(int sig)
{
    (void)sig;
    __atomic_add_fetch(called, 1, __ATOMIC_SEQ_CST);
}

static int overflow_with_handler(void *arg)
{
    struct tine_sigaction sa = { .handler = count_segv, .flags = SA_ONSTACK };
    struct tine_thread_opts o = { .stack_size = 8192 };
    tine_thread *t;

    (void)arg;
    if (tine_sigaction(SIGSEGV, &sa, 0) != 0 || tine_thread_spawn(&t, t_dive, 0, &o) != 0)
        return 3;
    tine_thread_join(t, 0);
    return 4;                                      /* not reached */
}

int main(void)
{
    struct tine_sigaction sa = { 0 }, old;
    tine_sigset set, pending;
    tine_thread *t;
    volatile long keep = 0x5a5a5a5aL;
    int segv_want;

    t_qemu();
    /* Without SA_SIGINFO. */
    sa.handler = plain;
    CHECK_EQ(tine_sigaction(SIGUSR1, &sa, 0), 0, "tine_sigaction(SIGUSR1, plain handler)");
    CHECK_EQ(tine_raise(SIGUSR1), 0, "raise SIGUSR1");
    CHECK(plain_count == 1 && plain_sig == SIGUSR1, "the plain handler ran once with SIGUSR1 (%d, %d)",
          plain_count, plain_sig);
    CHECK_EQ(keep, 0x5a5a5a5aL, "and returned into the program, its frame intact");
    CHECK(tine_sigaction(SIGUSR1, 0, &old) == 0 && old.handler == plain && !(old.flags & SA_SIGINFO),
          "the old action reads back (flags %#lx)", old.flags);

    /* With SA_SIGINFO, SIGUSR1 in its mask. */
    sa = (struct tine_sigaction){ .action = with_info, .flags = SA_SIGINFO };
    tine_sigemptyset(&sa.mask);
    tine_sigaddset(&sa.mask, SIGUSR1);
    CHECK_EQ(tine_sigaction(SIGUSR2, &sa, 0), 0, "tine_sigaction(SIGUSR2, SA_SIGINFO handler)");
    CHECK_EQ(tine_raise(SIGUSR2), 0, "raise SIGUSR2");
    CHECK(info_count == 1 && info_sig == SIGUSR2, "the SA_SIGINFO handler ran once with SIGUSR2 (%d, %d)",
          info_count, info_sig);
    CHECK(info_code == SI_TKILL && info_pid == tine_getpid(), "its siginfo: SI_TKILL from us (%d, %d)",
          info_code, info_pid);
    CHECK(info_masked, "sa_mask (SIGUSR1) was blocked while it ran (sigprocmask %ld, mask %#lx)",
          info_err, info_mask);
    CHECK_EQ(keep, 0x5a5a5a5aL, "and returned into the program");
    CHECK_EQ(tine_sigaction(SIGUSR2, 0, &old), 0, "read SIGUSR2's action back");
    CHECK(old.action == with_info && (old.flags & SA_SIGINFO) && tine_sigismember(&old.mask, SIGUSR1) == 1 &&
          tine_sigismember(&old.mask, SIGHUP) == 0, "it is the SA_SIGINFO handler, sa_mask SIGUSR1 alone (%#lx)",
          old.mask.sig[0]);
    CHECK(tine_sigprocmask(SIG_BLOCK, 0, &set) == 0 && tine_sigismember(&set, SIGUSR1) == 0,
          "SIGUSR1 is unblocked again after it");

    /* sigprocmask and sigpending. */
    tine_sigemptyset(&set);
    tine_sigaddset(&set, SIGUSR1);
    CHECK_EQ(tine_sigprocmask(SIG_BLOCK, &set, 0), 0, "block SIGUSR1");
    tine_raise(SIGUSR1);
    CHECK_EQ(plain_count, 1, "a blocked SIGUSR1 is not delivered");
    CHECK(tine_sigpending(&pending) == 0 && tine_sigismember(&pending, SIGUSR1) == 1 &&
          tine_sigismember(&pending, SIGUSR2) == 0, "sigpending shows SIGUSR1 and only it");
    CHECK_EQ(tine_sigprocmask(SIG_UNBLOCK, &set, 0), 0, "unblock it");
    CHECK_EQ(plain_count, 2, "and it is delivered");
    CHECK(tine_sigpending(&pending) == 0 && tine_sigismember(&pending, SIGUSR1) == 0, "no longer pending");

    /* Refusals. */
    CHECK_EQ(tine_sigaction(SIGKILL, &sa, 0), -EINVAL, "SIGKILL's action: -EINVAL");
    CHECK_EQ(tine_sigaction(0, &sa, 0), -EINVAL, "signal 0: -EINVAL");
    CHECK_EQ(tine_sigaction(TINE_NSIG + 1, &sa, 0), -EINVAL, "signal TINE_NSIG + 1 (65; 129 on MIPS): -EINVAL");
    CHECK_EQ(tine_sigprocmask(12345, &set, 0), -EINVAL, "sigprocmask with a bad how: -EINVAL");
    CHECK_EQ(tine_sigaddset(&set, TINE_NSIG + 1), -EINVAL, "sigaddset(TINE_NSIG + 1): -EINVAL");
    sa = (struct tine_sigaction){ .handler = SIG_DFL };
    tine_sigaction(SIGUSR1, &sa, 0);
    tine_sigaction(SIGUSR2, &sa, 0);

    /* SIGSEGV beside tine's overflow handler (linked: this program spawns a thread). */
    CHECK_EQ(tine_thread_spawn(&t, nothing, 0, 0), 0, "spawn a thread (tine's overflow handler is installed)");
    tine_thread_join(t, 0);
    CHECK(tine_sigaction(SIGSEGV, 0, &old) == 0 && old.handler == SIG_DFL,
          "the program's SIGSEGV action starts as SIG_DFL");
    sa = (struct tine_sigaction){ .action = on_segv, .flags = SA_SIGINFO };
    CHECK_EQ(tine_sigaction(SIGSEGV, &sa, 0), 0, "tine_sigaction(SIGSEGV, SA_SIGINFO handler)");
    CHECK(tine_sigaction(SIGSEGV, 0, &old) == 0 && old.action == on_segv, "it reads back");
    CHECK_EQ(tine_raise(SIGSEGV), 0, "raise SIGSEGV");
    CHECK(segv_count == 1 && segv_code == SI_TKILL, "the program's handler got it (%d, code %d)",
          segv_count, segv_code);
    segv_page = tine_mmap(0, tine_page_size(), PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(!tine_is_err(segv_page), "map a PROT_NONE page");
    segv_page[10] = 42;                            /* faults; the handler opens the page */
    /*
     * A mapped page without the access is SEGV_ACCERR; qemu-ppc64le (7.2 and
     * 10.0 measured) reports every data fault as SEGV_MAPERR
     * (docs/qemu-user.md).
     */
    segv_want = t_qemu() && t_elf_machine() == EM_PPC64 ? SEGV_MAPERR : SEGV_ACCERR;
    CHECK(segv_count == 2 && segv_code == segv_want, "a fault that is no overflow reached it (%d, code %d, want %d)",
          segv_count, segv_code, segv_want);
    CHECK_EQ(segv_page[10], 42, "and the write ran again after it returned");
    sa = (struct tine_sigaction){ .handler = SIG_DFL };
    CHECK_EQ(tine_sigaction(SIGSEGV, &sa, &old), 0, "back to SIG_DFL");
    CHECK(old.action == on_segv, "the old action was the program's");

    called = tine_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(!tine_is_err(called), "a shared page for the child's count");
    {
        char err[512];
        int status = t_capture(overflow_with_handler, 0, err, sizeof err);

        if (t_qemu())
            t_drop_qemu_line(err);
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
              "a thread's overflow with the program's SIGSEGV handler set: dies by SIGSEGV (%#x)", status);
        CHECK(memcmp(err, "tine: stack overflow in thread ", 31) == 0, "tine names it: %s", err);
        CHECK_EQ(*called, 0, "the program's handler was not called for the overflow");
    }
    return t_done();
}
