/* SPDX-License-Identifier: 0BSD */
/*
 * src/pidfd.c — processes named by file descriptors (Linux 5.3+): no pid
 * reuse race between looking a process up and signalling or reaping it.
 */
#include "internal.h"
#include <asm/siginfo.h>        /* siginfo_t, CLD_* */

int tine_pidfd_open(int pid, unsigned flags)
{
    return (int)tine_syscall2(__NR_pidfd_open, pid, flags);
}

int tine_pidfd_send_signal(int pidfd, int sig, siginfo_t *info, unsigned flags)
{
    return (int)tine_syscall4(__NR_pidfd_send_signal, pidfd, sig, (long)info, flags);
}

/*
 * waitid(P_PIDFD) reports through a siginfo, not a status word: how the
 * child ended (si_code) and its code or signal (si_status). This builds
 * the status word wait4 would have given, so WIFEXITED and friends apply.
 * The pidfd names one child: it is found whatever its exit signal (__WALL
 * unless __WCLONE is asked for), and for its exit unless WSTOPPED or
 * WCONTINUED alone is asked for.
 */
int tine_pidfd_wait(int pidfd, int *status, int options, siginfo_t *info)
{
    siginfo_t own = { 0 };
    siginfo_t *si = info ? info : &own;
    long r;

    if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
        options |= WEXITED;
    if (!(options & __WCLONE))
        options |= __WALL;
    si->si_pid = 0;
    do
        r = tine_syscall5(__NR_waitid, P_PIDFD, pidfd, (long)si, options, 0);
    while (r == -EINTR);
    if (__tine_tracing)
        __tine_trace_wait(1, pidfd, 0, r < 0 ? r : si->si_pid);
    if (r < 0)
        return (int)r;
    if (status && si->si_pid)
        *status = __tine_wait_status(si);
    if (si->si_pid && !(options & WNOWAIT) && (si->si_code == CLD_EXITED || si->si_code == CLD_KILLED ||
                                               si->si_code == CLD_DUMPED) && __tine_spawn_reaped)
        __tine_spawn_reaped(si->si_pid);
    return si->si_pid;          /* 0: WNOHANG, and nothing to report */
}
