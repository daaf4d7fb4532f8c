/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/sys.h> — typed wrappers over the system calls a program needs most.
 *
 * Every function that can fail returns -errno (never a global errno);
 * functions returning a pointer return (void *)-errno, which tine_is_err()
 * recognises. tine_strerror() in <tine/print.h> names any such error.
 * The constants (O_*, PROT_*, MAP_*, RLIMIT_*, SIG*, E*) are the kernel's
 * own, from its UAPI headers.
 */
#ifndef TINE_SYS_H
#define TINE_SYS_H

#include <stddef.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/mman.h>
#include <linux/resource.h>
#include <asm/signal.h>
#include <linux/poll.h>         /* struct pollfd, POLL* */
#include <linux/time_types.h>   /* struct __kernel_timespec */
#include <tine/signal.h>        /* tine_sigset */

long  tine_write(int fd, const void *buf, size_t n);
long  tine_read(int fd, void *buf, size_t n);
int   tine_open(const char *path, int flags, int mode);      /* openat(AT_FDCWD, ...) */
int   tine_close(int fd);
_Noreturn void tine_exit(int code);                          /* destructors, then exit_group: every thread */
_Noreturn void tine__exit(int code);                         /* exit_group at once: no destructors (C's _exit) */
_Noreturn void tine_exit_thread(int code);                   /* exit: the calling thread only */
int   tine_getpid(void);
int   tine_getppid(void);
int   tine_gettid(void);
void *tine_mmap(void *addr, size_t len, int prot, int flags, int fd, long off);
int   tine_munmap(void *addr, size_t len);
int   tine_mprotect(void *addr, size_t len, int prot);
int   tine_kill(int pid, int sig);
int   tine_tgkill(int tgid, int tid, int sig);
int   tine_execve(const char *path, char *const argv[], char *const envp[]);
int   tine_getrlimit(int resource, struct rlimit *r);        /* prlimit64(0, ...) */
int   tine_setrlimit(int resource, const struct rlimit *r);
int   tine_prlimit(int pid, int resource,                    /* another process's (0 = this one): */
                   const struct rlimit *new_limit,           /*   sets new_limit unless NULL,     */
                   struct rlimit *old_limit);                /*   stores the old one unless NULL  */
int   tine_sched_yield(void);
int   tine_nanosleep(long sec, long nsec);                   /* -EINVAL for nsec outside [0, 1e9) */
const char   *tine_getenv(const char *name);                 /* NULL when unset */
unsigned long tine_page_size(void);                          /* AT_PAGESZ from the auxiliary vector */
unsigned long tine_getauxval(unsigned long type);            /* 0 when the kernel gave none */
char **tine_environ(void);                                   /* the environment main got: for tine_execve */

/* Ids (the *32 calls on i386 and arm); (unsigned)-1 leaves one of setres*id's as it is. */
unsigned tine_getuid(void);
unsigned tine_geteuid(void);
unsigned tine_getgid(void);
unsigned tine_getegid(void);
int   tine_setuid(unsigned uid);
int   tine_setgid(unsigned gid);
int   tine_setresuid(unsigned ruid, unsigned euid, unsigned suid);
int   tine_setresgid(unsigned rgid, unsigned egid, unsigned sgid);

/*
 * Waiting on fds: the number ready, 0 on timeout. tine_poll's timeout is
 * in milliseconds (negative: none); tine_ppoll's is 64-bit seconds on every
 * port (NULL: none), left unchanged, with mask (NULL: none) in force while
 * it waits.
 */
int   tine_poll(struct pollfd *fds, unsigned long n, int timeout_ms);
int   tine_ppoll(struct pollfd *fds, unsigned long n, const struct __kernel_timespec *timeout,
                 const tine_sigset *mask);

/* The kernel reserves the top 4095 addresses for -errno. */
static inline int tine_is_err(const void *p)
{
    return (unsigned long)p >= (unsigned long)-4095;
}

/* The errno encoded in an error pointer, as a negative number. */
static inline int tine_ptr_err(const void *p)
{
    return (int)(long)p;
}

#endif
