/* SPDX-License-Identifier: 0BSD */
/*
 * src/wait.c — waiting as the kernel lets you: wait4's options as given
 * (tine_waitpid, tine_wait4) and waitid's siginfo (tine_waitid). Unlike
 * tine_wait, nothing is added: without __WALL or __WCLONE a child whose
 * exit signal is not SIGCHLD is invisible (-ECHILD), the first seed's trap,
 * and a signal handler's interruption is -EINTR, as from waitpid(2).
 */
#include "internal.h"
#include <asm/siginfo.h>        /* siginfo_t, CLD_* */

/* A child reaped: a CLONE_VM spawn's stack can go now (spawn.c, when linked). */
static void reaped(long pid)
{
    if (pid > 0 && __tine_spawn_reaped)
        __tine_spawn_reaped((int)pid);
}

int tine_wait4(int pid, int *status, int options, struct rusage *ru)
{
    int own;
    int *st = status ? status : &own;       /* to learn whether it reaped */
    long r = tine_syscall4(__NR_wait4, pid, (long)st, options, (long)ru);

    /*
     * wait4 reaps what it reports as exited or killed; a stop (WUNTRACED)
     * or a continue (WCONTINUED) leaves the child running on its stack.
     */
    if (r > 0 && !WIFSTOPPED(*st) && !WIFCONTINUED(*st))
        reaped(r);
    return (int)r;
}

int tine_waitpid(int pid, int *status, int options)
{
    return tine_wait4(pid, status, options, 0);
}

int tine_waitid(int idtype, int id, siginfo_t *info, int options)
{
    siginfo_t own;
    siginfo_t *si = info ? info : &own;     /* to learn whom it reaped */
    long r;

    si->si_pid = 0;
    r = tine_syscall5(__NR_waitid, idtype, id, (long)si, options, 0);
    if (r == 0 && !(options & WNOWAIT) && (si->si_code == CLD_EXITED || si->si_code == CLD_KILLED ||
                                           si->si_code == CLD_DUMPED))
        reaped(si->si_pid);
    return (int)r;
}

int __tine_wait_status(const siginfo_t *si)
{
    switch (si->si_code) {
    case CLD_EXITED:    return (si->si_status & 0xff) << 8;
    case CLD_KILLED:    return si->si_status & 0x7f;
    case CLD_DUMPED:    return (si->si_status & 0x7f) | 0x80;
    case CLD_STOPPED:
    case CLD_TRAPPED:   return (si->si_status & 0xff) << 8 | 0x7f;
    case CLD_CONTINUED: return 0xffff;
    default:            return 0;
    }
}
