/* SPDX-License-Identifier: 0BSD */
/*
 * t-wait: tine_waitpid, tine_wait4 and tine_waitid with the kernel's
 * options as given, and tine_pidfd_wait / tine_pidfd_send_signal with
 * their options, siginfo and flags. Plain forks only, so every runner
 * (native, each qemu-user) asserts the same kernel behaviour; the exit
 * signals qemu-user refuses are t-exit-signal's.
 */
#include "t.h"


static int release;             /* MAP_SHARED: children wait for it to become 1 */
static int *gate;               /* gate[0]: a child may exit; gate[1]: a continued child may */

/* Spin until gate[i] opens: the parent decides when a child moves on, not the scheduler. */
static void await(int i)
{
    while (!__atomic_load_n(&gate[i], __ATOMIC_ACQUIRE))
        tine_nanosleep(0, 1000000);
}

/* A child that exits with `code` once the gate opens (or at once, with no gate). */
static int child(int code, int wait_gate)
{
    int pid = tine_fork();

    if (pid == 0) {
        if (wait_gate)
            await(0);
        tine_exit(code);
    }
    return pid;
}

/*
 * A CLONE_VM spawn that stops itself, then, continued and released by the
 * parent after both reports, uses its stack again: a wait that reports the
 * stop or the continue must leave that stack mapped (only an exit or a kill
 * may give it back).
 */
static int vm_stopper(void *arg)
{
    volatile char buf[2048];

    buf[0] = (char)(long)arg;
    tine_kill(tine_getpid(), SIGSTOP);
    await(1);
    buf[sizeof buf - 1] = 1;            /* the whole 2 KiB, after the continue */
    return buf[0] + buf[sizeof buf - 1];
}

/*
 * A child that stops itself with SIGSTOP, then exits `code` once continued
 * and released (gate[1]): had it exited at once, a WCONTINUED wait could
 * report the exit instead, as wait4 reports whichever it finds.
 */
static int stopper(int code)
{
    int pid = tine_fork();

    if (pid == 0) {
        tine_kill(tine_getpid(), SIGSTOP);
        for (long t0 = t_now_ms(); t_now_ms() - t0 < 40; )
            ;                   /* some CPU time for the rusage to show */
        await(1);
        tine_exit(code);
    }
    return pid;
}

int main(void)
{
    siginfo_t si;
    struct rusage ru;
    int st, pid, fd, r;

    t_qemu();
    gate = tine_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(!tine_is_err(gate), "a shared page for the gate");
    (void)release;

    /* waitpid: WNOHANG, then a blocking wait; no child at all is ECHILD. */
    pid = child(5, 1);
    CHECK_EQ(tine_waitpid(pid, &st, WNOHANG), 0, "WNOHANG, child still running: 0");
    __atomic_store_n(gate, 1, __ATOMIC_RELEASE);
    st = -1;
    CHECK_EQ(tine_waitpid(pid, &st, 0), pid, "tine_waitpid(pid, &st, 0) reaps it");
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 5, "exit code 5 (status %#x)", st);
    CHECK_EQ(tine_waitpid(-1, &st, 0), -ECHILD, "no child left: -ECHILD");
    CHECK_EQ(tine_waitpid(-1, &st, WNOHANG), -ECHILD, "WNOHANG with no child: -ECHILD, not 0");
    CHECK_EQ(tine_waitpid(-1, &st, 0x40000000 >> 4), -EINVAL, "an option wait4 does not know: -EINVAL");

    /* WUNTRACED and WCONTINUED: a child that stops itself. */
    __atomic_store_n(&gate[1], 0, __ATOMIC_RELEASE);
    pid = stopper(6);
    st = -1;
    CHECK_EQ(tine_waitpid(pid, &st, WUNTRACED), pid, "WUNTRACED reports the stop");
    CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "stopped by SIGSTOP (status %#x)", st);
    CHECK_EQ(tine_kill(pid, SIGCONT), 0, "SIGCONT");
    st = -1;
    CHECK_EQ(tine_waitpid(pid, &st, WCONTINUED), pid, "WCONTINUED reports the continue");
    CHECK(WIFCONTINUED(st), "WIFCONTINUED (status %#x)", st);
    __atomic_store_n(&gate[1], 1, __ATOMIC_RELEASE);
    st = -1;
    memset(&ru, 0xff, sizeof ru);
    CHECK(tine_wait4(pid, &st, 0, &ru) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 6,
          "tine_wait4 reaps it: exit 6 (status %#x)", st);
    long cpu_us = (long)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000 + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
    if (t_qemu() && t_elf_machine() == EM_SPARCV9)
        /*
         * sparc64's tv_usec is an int (its __kernel_suseconds_t), and
         * qemu-user stores it with a 64-bit swap (linux-user/syscall.c,
         * host_to_target_rusage: "target_rusage->ru_utime.tv_usec =
         * tswapal(rusage->ru_utime.tv_usec);"), whose low half is 0 for
         * any usec: under a second of CPU reads as none. docs/qemu-user.md.
         */
        CHECK(ru.ru_maxrss > 0 && ru.ru_utime.tv_usec == 0 && ru.ru_stime.tv_usec == 0,
              "qemu-user on sparc64: rusage's microseconds are 0 (%ld us of CPU), max RSS %ld KiB",
              cpu_us, (long)ru.ru_maxrss);
    else
        CHECK(ru.ru_maxrss >= 0 && ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000 && cpu_us > 0,
              "with its rusage: %ld us of CPU after 40 ms busy, max RSS %ld KiB", cpu_us, (long)ru.ru_maxrss);

    /* The same with a CLONE_VM spawn, whose stack is tine's to give back (qemu-user refuses it). */
    struct tine_spawn_opts vm = { .flags = CLONE_VM, .exit_signal = SIGCHLD };
    __atomic_store_n(&gate[1], 0, __ATOMIC_RELEASE);
    pid = tine_spawn(vm_stopper, (void *)10L, &vm);
    if (t_qemu()) {
        CHECK_EQ(pid, -EINVAL, "qemu-user refuses CLONE_VM without the thread flags");
    } else {
        CHECK(pid > 0, "a CLONE_VM spawn (%d)", pid);
        st = -1;
        CHECK(tine_waitpid(pid, &st, WUNTRACED) == pid && WIFSTOPPED(st), "CLONE_VM: WUNTRACED reports the stop (%#x)", st);
        CHECK_EQ(tine_kill(pid, SIGCONT), 0, "SIGCONT");
        CHECK_EQ(tine_waitpid(pid, 0, WCONTINUED), pid, "WCONTINUED reports the continue, with no status asked");
        __atomic_store_n(&gate[1], 1, __ATOMIC_RELEASE);
        st = -1;
        CHECK(tine_waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 11,
              "the child ran on its stack after both reports: exit 11 (status %#x)", st);
    }

    /* waitid: P_PID with WNOWAIT leaves the child; P_ALL then reaps it. */
    __atomic_store_n(gate, 0, __ATOMIC_RELEASE);
    pid = child(7, 1);
    memset(&si, 0x55, sizeof si);
    CHECK_EQ(tine_waitid(P_PID, pid, &si, WEXITED | WNOHANG), 0, "waitid WNOHANG, child running: 0 ...");
    CHECK_EQ(si.si_pid, 0, "... with si_pid 0");
    __atomic_store_n(gate, 1, __ATOMIC_RELEASE);
    CHECK_EQ(tine_waitid(P_PID, pid, &si, WEXITED | WNOWAIT), 0, "waitid(P_PID, WEXITED|WNOWAIT)");
    CHECK(si.si_signo == SIGCHLD && si.si_code == CLD_EXITED && si.si_pid == pid && si.si_status == 7,
          "siginfo: SIGCHLD, CLD_EXITED, its pid, status 7 (%d %d %d %d)", si.si_signo, si.si_code, si.si_pid, si.si_status);
    memset(&si, 0, sizeof si);
    CHECK_EQ(tine_waitid(P_ALL, 0, &si, WEXITED), 0, "waitid(P_ALL) after WNOWAIT: the same child ...");
    CHECK(si.si_pid == pid && si.si_status == 7, "... is still there to reap (%d, %d)", si.si_pid, si.si_status);
    CHECK_EQ(tine_waitid(P_PID, pid, &si, WEXITED), -ECHILD, "and now it is gone");
    CHECK_EQ(tine_waitid(P_PID, 1, &si, 0), -EINVAL, "no WEXITED, WSTOPPED or WCONTINUED: -EINVAL");

    /* waitid: WSTOPPED and a kill. */
    pid = stopper(8);
    CHECK_EQ(tine_waitid(P_PID, pid, &si, WSTOPPED), 0, "waitid WSTOPPED");
    CHECK(si.si_code == CLD_STOPPED && si.si_status == SIGSTOP, "CLD_STOPPED by SIGSTOP (%d, %d)", si.si_code, si.si_status);
    tine_kill(pid, SIGKILL);
    CHECK_EQ(tine_waitid(P_PID, pid, &si, WEXITED), 0, "waitid after SIGKILL");
    CHECK(si.si_code == CLD_KILLED && si.si_status == SIGKILL, "CLD_KILLED by SIGKILL (%d, %d)", si.si_code, si.si_status);

    /* P_PIDFD through tine_waitid, and tine_pidfd_wait with options and a siginfo. */
    __atomic_store_n(gate, 0, __ATOMIC_RELEASE);
    pid = child(9, 1);
    fd = tine_pidfd_open(pid, 0);
    CHECK(fd >= 0, "a pidfd (%d)", fd);
    st = -1;
    CHECK_EQ(tine_pidfd_wait(fd, &st, WNOHANG, &si), 0, "tine_pidfd_wait WNOHANG, child running: 0");
    __atomic_store_n(gate, 1, __ATOMIC_RELEASE);
    CHECK_EQ(tine_waitid(P_PIDFD, fd, &si, WEXITED | WNOWAIT), 0, "tine_waitid(P_PIDFD, WNOWAIT)");
    CHECK(si.si_pid == pid && si.si_code == CLD_EXITED && si.si_status == 9, "names it: exit 9 (%d %d %d)",
          si.si_pid, si.si_code, si.si_status);
    memset(&si, 0, sizeof si);
    CHECK_EQ(tine_pidfd_wait(fd, &st, 0, &si), pid, "tine_pidfd_wait reaps it");
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 9 && si.si_pid == pid && si.si_code == CLD_EXITED,
          "status and siginfo agree (status %#x, si_code %d)", st, si.si_code);
    tine_close(fd);

    __atomic_store_n(&gate[1], 1, __ATOMIC_RELEASE);   /* exits as soon as continued */
    pid = stopper(10);
    fd = tine_pidfd_open(pid, 0);
    CHECK_EQ(tine_pidfd_wait(fd, &st, WSTOPPED, 0), pid, "tine_pidfd_wait WSTOPPED");
    CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "status: stopped by SIGSTOP (%#x)", st);
    CHECK_EQ(tine_pidfd_send_signal(fd, SIGCONT, 0, 0), 0, "SIGCONT through the pidfd");
    CHECK_EQ(tine_pidfd_wait(fd, &st, 0, 0), pid, "then its exit");
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 10, "exit 10 (%#x)", st);
    tine_close(fd);

    /* tine_pidfd_send_signal with a siginfo: SI_QUEUE and a value reach the child. */
    tine_sigset usr1;                   /* the kernel's size: 128 bits on MIPS, 64 elsewhere */
    tine_sigemptyset(&usr1);
    tine_sigaddset(&usr1, SIGUSR1);
    tine_syscall4(__NR_rt_sigprocmask, SIG_BLOCK, (long)&usr1, 0, sizeof usr1);
    pid = tine_fork();
    if (pid == 0) {
        siginfo_t got;
        long s = tine_syscall4(__NR_rt_sigtimedwait, (long)&usr1, (long)&got, 0, sizeof usr1);
        tine_exit(s == SIGUSR1 && got.si_code == SI_QUEUE ? got.si_int : 1);
    }
    tine_syscall4(__NR_rt_sigprocmask, SIG_UNBLOCK, (long)&usr1, 0, sizeof usr1);
    fd = tine_pidfd_open(pid, 0);
    memset(&si, 0, sizeof si);
    si.si_signo = SIGUSR1;
    si.si_code = SI_QUEUE;
    si.si_int = 42;
    r = tine_pidfd_send_signal(fd, SIGUSR2, &si, 0);
    CHECK_EQ(r, -EINVAL, "a siginfo whose si_signo is not sig: -EINVAL");
    CHECK_EQ(tine_pidfd_send_signal(fd, SIGUSR1, &si, 12345), -EINVAL, "unknown flags: -EINVAL");
    r = tine_pidfd_send_signal(fd, SIGUSR1, &si, 0);
    if (t_qemu() && (t_elf_machine() == EM_MIPS || t_elf_machine() == EM_SPARCV9 ||
                     t_elf_machine() == EM_PARISC)) {
        /*
         * qemu-user passes si_signo to the host as the target numbers it
         * (linux-user/signal.c, target_to_host_siginfo, converts sig but not
         * si_signo): MIPS's and PA-RISC's SIGUSR1 is 16, sparc64's 30, the
         * host's 10, and the host kernel refuses the mismatch.
         * docs/qemu-user.md has the row.
         */
        CHECK_EQ(r, -EINVAL, "qemu-user on MIPS, sparc64 and PA-RISC: SIGUSR1 with a siginfo: -EINVAL "
                 "(si_signo not converted)");
        tine_kill(pid, SIGKILL);
        CHECK(tine_pidfd_wait(fd, &st, 0, 0) == pid, "the waiting child, killed instead");
    } else {
        CHECK_EQ(r, 0, "SIGUSR1 with SI_QUEUE and 42 through the pidfd");
        CHECK(tine_pidfd_wait(fd, &st, 0, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 42,
              "the child got si_code SI_QUEUE and the value 42 (status %#x)", st);
    }
    tine_close(fd);
    return t_done();
}
