/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/process.h> — fork-like spawning: new processes with memory of their own.
 */
#ifndef TINE_PROCESS_H
#define TINE_PROCESS_H

#include <stddef.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/resource.h>     /* struct rusage */
#include <asm/signal.h>
#include <asm/siginfo.h>        /* siginfo_t, CLD_* */

/* clone(SIGCHLD): returns the child's pid in the parent, 0 in the child. */
int tine_fork(void);

/*
 * CLONE_VM|CLONE_VFORK|SIGCHLD, in assembly: the parent sleeps until the
 * child calls tine_execve or tine_exit_thread/tine_exit. The child borrows
 * the parent's memory and stack, so it may do nothing else.
 * Under qemu-user the flags are turned into a plain fork (no shared memory).
 */
int tine_vfork(void) __attribute__((returns_twice));

struct tine_spawn_opts {
    unsigned long flags;        /* extra CLONE_* flags: CLONE_NEWPID, CLONE_NEWUTS, CLONE_VM, ... */
    int           exit_signal;  /* signal sent to the parent at exit; 0 = none */
    size_t        stack_size;   /* 0 = TINE_STACK_DEFAULT */
    /* Through clone3 (Linux 5.3+); where clone3 is ENOSYS (qemu-user), a pidfd
       comes from pidfd_open instead, and cgroup and set_tid fail with -ENOSYS. */
    int          *pidfd;        /* non-NULL: a pidfd for the child is stored here (close it) */
    const int    *cgroup;       /* non-NULL: start in the cgroup whose directory fd is *cgroup */
    const int    *set_tid;      /* the child's pid in each pid namespace, innermost first ... */
    size_t        set_tid_size; /* ... and how many (needs CAP_SYS_ADMIN over those namespaces) */
};

/*
 * A new process that runs fn(arg) on a stack of its own and exits with
 * fn's return value. opts == NULL: no extra flags, exit signal SIGCHLD.
 * Returns the child's pid or -errno.
 *
 * Namespaces (CLONE_NEWPID, NEWUTS, NEWNS, NEWIPC, NEWNET, NEWCGROUP,
 * NEWUSER) are the kernel's to grant: -EPERM without privilege. With
 * CLONE_NEWUSER the child waits until tine has written its uid_map and
 * gid_map, mapping root in the namespace to the caller's uid and gid, so it
 * starts as uid 0 there. CLONE_VM makes a process that shares the caller's
 * memory (the first seed's shape): it runs on a stack tine keeps until
 * tine_wait or tine_pidfd_wait reaps it. CLONE_PARENT and any exit signal
 * (0 included: tine_wait still finds the child) work as the kernel says.
 * Refused with -EINVAL: CLONE_THREAD (tine_thread_spawn's), CLONE_VFORK
 * (tine_spawn_exec's), CLONE_SETTLS, the TID flags, CLONE_PIDFD (use
 * opts->pidfd), exit-signal bits in flags, and a stack below TINE_STACK_MIN.
 * Under qemu-user (7.2 to 10.0) only plain forks work: the rest is -EINVAL there.
 */
int tine_spawn(int (*fn)(void *), void *arg, const struct tine_spawn_opts *opts);

/*
 * posix_spawn's shape, on tine_vfork: runs path with argv and envp (NULL:
 * this process's environment) in a new process, and returns its pid once
 * the exec has happened, or the exec's error (-ENOENT, -EACCES, ...) with
 * the failed child already reaped; never a child that exits 127.
 * The answer comes back through the vfork's shared memory, so no file
 * descriptor is needed and another thread's fork cannot delay it. Under
 * qemu-user, whose vfork copies memory, a close-on-exec pipe carries it:
 * a fork by another thread between its creation and the vfork's return
 * copies the write end, and the call then waits for that fork's child to
 * exec or exit (and with no fd free the call is -EMFILE there).
 */
int tine_spawn_exec(const char *path, char *const argv[], char *const envp[]);

/*
 * pidfds: a file descriptor that names one process for good, even after a
 * pid is reused; close it after. Linux 5.3 and later.
 *
 * tine_pidfd_open(pid, 0) makes one for a child or any process.
 * tine_pidfd_send_signal(fd, sig, info, flags) is pidfd_send_signal(2):
 *   info NULL sends as kill() would; otherwise the kernel takes si_signo
 *   (must equal sig), si_code (SI_QUEUE, or any negative code but SI_TKILL,
 *   for another process) and the value; flags is 0 (or the kernel's
 *   PIDFD_SIGNAL_* where it has them).
 * tine_pidfd_wait(fd, &status, options, info) waits through
 *   waitid(P_PIDFD): options are waitid's (WEXITED, WSTOPPED, WCONTINUED,
 *   WNOHANG, WNOWAIT, __WCLONE); WEXITED is implied when none of the first
 *   three is given, and __WALL unless __WCLONE is (the fd names the child,
 *   so its exit signal does not hide it). status (may be NULL) gets the
 *   wait4 status word, info (may be NULL) the kernel's siginfo. EINTR is
 *   retried. Returns the child's pid, 0 with WNOHANG when it has nothing to
 *   report, or -errno. Reaping (no WNOWAIT) frees a CLONE_VM spawn's stack.
 * Earlier versions took (fd, sig) and (fd, &status): (fd, sig, NULL, 0)
 * and (fd, &status, 0, NULL) mean what those did.
 */
int tine_pidfd_open(int pid, unsigned flags);
int tine_pidfd_send_signal(int pidfd, int sig, siginfo_t *info, unsigned flags);
int tine_pidfd_wait(int pidfd, int *status, int options, siginfo_t *info);

/*
 * wait4(pid, status, __WALL): waits for any child, however it was cloned
 * (a child with no exit signal is missed by a plain waitpid). EINTR is
 * retried. Returns the pid reaped or -errno (-ECHILD: nothing to wait for).
 * status may be NULL.
 */
int tine_wait(int pid, int *status);

/*
 * waitpid(2) and wait4(2) as the kernel has them: options (WNOHANG,
 * WUNTRACED, WCONTINUED, __WCLONE, __WALL, __WNOTHREAD) go in as given,
 * with no implicit __WALL: a child whose exit signal is not SIGCHLD is
 * found only with __WCLONE or __WALL, and without them is -ECHILD (the
 * first seed's trap). Returns the pid whose state changed, 0 with WNOHANG
 * when none did, or -errno; -EINTR when a signal handler interrupts it, as
 * waitpid does. status may be NULL; tine_wait4's ru (may be NULL) gets the
 * child's resource use, as the kernel reports it.
 */
int tine_waitpid(int pid, int *status, int options);
int tine_wait4(int pid, int *status, int options, struct rusage *ru);

/*
 * waitid(2): idtype P_PID (id a pid), P_PIDFD (id a pidfd) or P_ALL;
 * options WEXITED, WSTOPPED, WCONTINUED, WNOHANG, WNOWAIT, __WCLONE,
 * __WALL as given. Returns 0 and fills *info (may be NULL): si_signo
 * SIGCHLD, si_code CLD_EXITED / CLD_KILLED / CLD_DUMPED / CLD_STOPPED /
 * CLD_TRAPPED / CLD_CONTINUED, si_pid, si_uid and si_status (the exit code
 * or the signal); with WNOHANG and nothing to report, 0 with si_pid 0.
 * -errno on failure (-ECHILD, -EINVAL, -EINTR as from waitid).
 */
int tine_waitid(int idtype, int id, siginfo_t *info, int options);

/* The POSIX names for the kernel's status word. */
#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WTERMSIG(s)     ((s) & 0x7f)
#define WIFEXITED(s)    (WTERMSIG(s) == 0)
#define WIFSIGNALED(s)  (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)
#define WIFSTOPPED(s)   (((s) & 0xff) == 0x7f)
#define WCOREDUMP(s)    ((s) & 0x80)
#define WSTOPSIG(s)     WEXITSTATUS(s)
#define WIFCONTINUED(s) ((s) == 0xffff)

#endif
