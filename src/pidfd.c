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

int tine_pidfd_send_signal(int pidfd, int sig)
{
    return (int)tine_syscall4(__NR_pidfd_send_signal, pidfd, sig, 0, 0);
}

/*
 * waitid(P_PIDFD) reports through a siginfo, not a status word: how the
 * child ended (si_code) and its code or signal (si_status). This builds
 * the status word wait4 would have given, so WIFEXITED and friends apply.
 */
int tine_pidfd_wait(int pidfd, int *status)
{
    siginfo_t si = { 0 };
    long r;

    do
        r = tine_syscall5(__NR_waitid, P_PIDFD, pidfd, (long)&si, WEXITED | __WALL, 0);
    while (r == -EINTR);
    if (__tine_tracing)
        __tine_trace_wait(1, pidfd, 0, r < 0 ? r : si.si_pid);
    if (r < 0)
        return (int)r;
    if (status)
        *status = si.si_code == CLD_EXITED ? (si.si_status & 0xff) << 8
                : si.si_code == CLD_DUMPED ? (si.si_status & 0x7f) | 0x80
                : si.si_status & 0x7f;
    if (__tine_spawn_reaped)
        __tine_spawn_reaped(si.si_pid);
    return si.si_pid;
}
