/*
 * <tine/process.h> — fork-like spawning: new processes with memory of their own.
 */
#ifndef TINE_PROCESS_H
#define TINE_PROCESS_H

#include <stddef.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <asm/signal.h>

/* clone(SIGCHLD): returns the child's pid in the parent, 0 in the child. */
int tine_fork(void);

/*
 * CLONE_VM|CLONE_VFORK|SIGCHLD, in assembly: the parent sleeps until the
 * child calls tine_execve or tine_exit_thread/tine_exit. The child borrows
 * the parent's memory and stack, so it may do nothing else.
 * Under qemu-user the flags are turned into a plain fork (no shared memory).
 */
int tine_vfork(void);

struct tine_spawn_opts {
    unsigned long flags;        /* extra CLONE_* flags: CLONE_NEWPID, CLONE_NEWUTS, ... */
    int           exit_signal;  /* signal sent to the parent at exit; 0 = none */
    size_t        stack_size;   /* 0 = TINE_STACK_DEFAULT */
};

/*
 * A new process that runs fn(arg) on a stack of its own and exits with
 * fn's return value. opts == NULL: no extra flags, exit signal SIGCHLD.
 * Flags that make the child share memory or signal handlers with the parent
 * (CLONE_VM, CLONE_THREAD, CLONE_SIGHAND, CLONE_VFORK, CLONE_SETTLS and the
 * TID flags) are refused with -EINVAL: that is what tine_thread_spawn is for.
 * Returns the child's pid or -errno.
 */
int tine_spawn(int (*fn)(void *), void *arg, const struct tine_spawn_opts *opts);

/*
 * wait4(pid, status, __WALL): waits for any child, however it was cloned
 * (a child with no exit signal is missed by a plain waitpid). EINTR is
 * retried. Returns the pid reaped or -errno (-ECHILD: nothing to wait for).
 * status may be NULL.
 */
int tine_wait(int pid, int *status);

/* The POSIX names for the kernel's status word. */
#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WTERMSIG(s)     ((s) & 0x7f)
#define WIFEXITED(s)    (WTERMSIG(s) == 0)
#define WIFSIGNALED(s)  (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)
#define WIFSTOPPED(s)   (((s) & 0xff) == 0x7f)
#define WCOREDUMP(s)    ((s) & 0x80)

#endif
