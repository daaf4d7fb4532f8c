/* SPDX-License-Identifier: 0BSD */
/*
 * src/internal.h — what tine's portable C shares, and the arch stubs it calls.
 * Never installed: user code sees only include/.
 */
#ifndef TINE_INTERNAL_H
#define TINE_INTERNAL_H

#include <tine.h>
#include "arch.h"               /* arch/<arch>/arch.h, picked by the Makefile */

#define TINE_HIDDEN __attribute__((visibility("hidden")))

/* The environment and auxiliary vector, kept by env.c, which start-up calls when it is linked. */
extern char          **__tine_environ TINE_HIDDEN;
extern unsigned long  *__tine_auxv TINE_HIDDEN;


/*
 * The arch stubs beyond the public ones (tine_syscallN, tine_clone_raw,
 * tine_vfork): hidden, each port's own (arch/README.md lists them all).
 */
struct clone_args;
long  __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
                        void *stack_top, int *ptid, int *ctid, unsigned long tls) TINE_HIDDEN;
long  __tine_arch_clone3(struct clone_args *args, size_t size, int (*fn)(void *), void *arg) TINE_HIDDEN;
void *__tine_arch_tp(void) TINE_HIDDEN;
long  __tine_arch_set_tp(void *tp) TINE_HIDDEN;
#if defined TINE_ARCH_SIGRETURN || defined TINE_ARCH_SIGACTION_RESTORER_ARG
void  __tine_arch_sigreturn(void) TINE_HIDDEN;      /* the SA_RESTORER trampoline (sparc64: rt_sigaction's) */
#endif
#ifdef TINE_ARCH_SIGRETURN_NORT
void  __tine_arch_sigreturn_nort(void) TINE_HIDDEN; /* the same for a non-rt frame (no SA_SIGINFO) */
#endif

/*
 * CLONE_SETTLS's argument for a thread whose descriptor is at tp: the
 * thread pointer itself, unless the port says otherwise (i386's arch.h:
 * a struct user_desc built in *scratch).
 */
#ifndef TINE_ARCH_TLS_ARG
typedef char tine_arch_tls;
static inline unsigned long tine_arch_tls_arg(tine_arch_tls *scratch, void *tp)
{
    (void)scratch;
    return (unsigned long)tp;
}
#endif

/*
 * A thread's descriptor: the thread pointer points at it. Word offsets
 * matter: word 0 is read through the thread pointer by __tine_arch_tp
 * (x86_64: mov rax, [fs:0]); word 5 is where compilers look for the
 * stack-protector canary on the ports that keep it per thread (%fs:0x28 on
 * x86_64, %gs:0x14 on i386, tp + 0x28 on s390x).
 */
struct tine_thread {
    struct tine_thread *self;       /* word 0: the thread pointer's target */
    int  (*fn)(void *);             /* word 1 */
    void  *arg;                     /* word 2 */
    char  *alt;                     /* word 3: its alternate signal stack (tine_stack_alt) */
    size_t alt_size;                /* word 4: and its bytes */
    unsigned long canary;           /* word 5 */
    struct tine_stack stack;        /* the whole mapping this descriptor lives in */
    size_t stack_size;              /* of it, the bytes the thread's frames may use */
    size_t *peak;                   /* non-NULL: the stack is painted; join stores its peak here */
    int    tid;                     /* CLONE_PARENT_SETTID: set before clone returns */
    int    alive;                   /* CLONE_CHILD_CLEARTID: the kernel zeroes it and wakes us */
    int    ret;                     /* fn's return value, or tine_thread_exit's */
    int    joined;                  /* set by the first join: a second one is refused */
};

/*
 * The last words of a thread's or a spawned child's stack mapping, above
 * its descriptor: the mapping, and how much of it the frames may use. The
 * overflow handler finds them at the top of the writable mapping above a
 * guard, and knows the stack by st.low being that guard. While the mapping
 * waits in the stack cache (stack.c), nothing runs on it and next links it
 * to the next one cached.
 */
struct tine_stack_tail {
    struct tine_stack st;           /* the whole mapping */
    size_t stack_size;
    struct tine_stack_tail *next;   /* in the cache only */
};

/*
 * Which way stacks grow: down on every port but hppa, whose arch.h says
 * TINE_ARCH_STACK_GROWS_UP. A mapping of tine's (stack.c) is then, from
 * low addresses to high:
 *
 *   grows down: | guard | frames ... | alternate stack, records, tail | cap |
 *   grows up:   | cap | tail, records, alternate stack | ... frames | guard |
 *
 * the guard where the frames run off, the cap (one page) at the other
 * end, and the s->size writable bytes between them: tine_stack_lo is
 * their lowest. The tail (below) is the writable byte farthest from the
 * guard: the top of the mapping's writable part when stacks grow down,
 * its bottom when they grow up. C code asks TINE_STACK_UP, a constant the
 * compiler folds, rather than the macro, so both ways are compiled on
 * every port.
 */
#ifdef TINE_ARCH_STACK_GROWS_UP
#define TINE_STACK_UP 1
#else
#define TINE_STACK_UP 0
#endif

static inline char *tine_stack_lo(const struct tine_stack *s)
{
    return (char *)s->low + (TINE_STACK_UP ? tine_page_size() : s->guard);
}

/* The n bytes of s's writable part next to its guard: where a stack of n bytes lies. */
static inline char *tine_stack_frames(const struct tine_stack *s, size_t n)
{
    return tine_stack_lo(s) + (TINE_STACK_UP ? s->size - n : 0);
}

/*
 * The alternate signal stack in a mapping from __tine_stack_get_top (s,
 * its stack of size bytes, and the record of n bytes at rec): between the
 * stack and the record. Its lowest byte; its size in *bytes.
 */
static inline char *tine_stack_alt(const struct tine_stack *s, size_t size, char *rec, size_t n,
                                   size_t *bytes)
{
    char *lo = TINE_STACK_UP ? rec + ((n + 15) & ~(size_t)15) : tine_stack_lo(s) + size;
    char *hi = TINE_STACK_UP ? tine_stack_frames(s, size) : rec;

    *bytes = (size_t)(hi - lo);
    return lo;
}

/* Where a stack in [lo, lo + n) starts: its top, or its bottom where stacks grow up. */
static inline char *tine_stack_start(char *lo, size_t n)
{
    return TINE_STACK_UP ? lo : lo + n;
}

static inline struct tine_stack_tail *tine_stack_tail(const struct tine_stack *s)
{
    char *lo = tine_stack_lo(s);

    return TINE_STACK_UP ? (struct tine_stack_tail *)lo : (struct tine_stack_tail *)(lo + s->size) - 1;
}

/*
 * A thread's descriptor and, in programs with thread-local variables, its
 * TLS block: the bytes they take in the top of its mapping, and the
 * function that lays them out there and returns the thread pointer.
 * thread.c has the defaults (the descriptor alone), weak; tls.c replaces
 * them where there are thread-locals.
 */
extern size_t __tine_tls_area TINE_HIDDEN;
char *__tine_tls_place(char *area) TINE_HIDDEN;    /* the thread pointer; its self word is set */

/* The main thread's descriptor (self.c); in a program with TLS, its first copy (tls.c). */
extern struct tine_thread __tine_main TINE_HIDDEN;

/*
 * Start-up work of the optional parts. Each part that needs some registers
 * its function in a section .tine_init.<order>; linker.ld puts them in name
 * order at the head of the table start-up runs (the program's constructors
 * follow), so a part not linked registers nothing and hello runs none.
 * Orders: 0 env (the auxiliary vector), 1 ssp (the canary), 2 self (the
 * thread pointer), 3 tls (main's TLS block), 4 trace, 5 the overflow handler.
 */
typedef void (*tine_init_fn)(int argc, char **argv, char **envp);
/* Not const: writable like .init_array, so GNU ld keeps the table in the data segment. */
#define TINE_INIT(order, fn) \
    static tine_init_fn tine_init_##fn __attribute__((used, section(".tine_init." #order))) = fn


/*
 * The overflow handler (overflow.c). tine_clone and tine_thread_spawn call
 * __tine_watch_start, which links it into every program that spawns; it
 * registers itself for start-up too, so it is installed before main in
 * those programs and absent from all others.
 */
int    __tine_watch_start(void) TINE_HIDDEN;
size_t __tine_altstack_size(void) TINE_HIDDEN;   /* a thread's alternate stack, in bytes */
/* overflowed.c: the size of the stack whose guard a fault at a (sp at sp) is in, or 0. */
size_t __tine_overflowed(unsigned long a, unsigned long sp) TINE_HIDDEN;
extern unsigned long __tine_main_top TINE_HIDDEN;   /* an address in main's stack (its envp) */

/*
 * tine_sigaction(SIGSEGV, ...) in a program with the overflow handler
 * (overflow.c, when linked): 1 if it recorded the program's action to
 * chain to (storing the previous one in *old), 0 if the handler is not
 * installed and the kernel should take the action itself.
 */
int __tine_segv_chain(const struct tine_sigaction *act, struct tine_sigaction *old)
    __attribute__((weak)) TINE_HIDDEN;

/* Signals (signal.c): a handler on the alternate stack (0: SIG_DFL), and raise. */
struct siginfo;
typedef void (*tine_sighandler)(int, struct siginfo *, void *);
long __tine_sigaction(int sig, tine_sighandler h) TINE_HIDDEN;
void __tine_raise(int sig) TINE_HIDDEN;

/*
 * The tracer (trace.c). Callers test __tine_tracing first; referring to it
 * links the tracer in. tine_exit, in every program, refers to it weakly.
 */
extern int __tine_tracing TINE_HIDDEN;
/* These two are called from the stubs (arch/<arch>/clone.*, vfork.*), in the parent only. */
long __tine_trace_clone_kernel(long a1, long a2, long a3, long a4, long a5, long r) TINE_HIDDEN;
long __tine_trace_vfork_kernel(long r) TINE_HIDDEN;
void __tine_trace_clone3(const struct clone_args *a, size_t size, long r) TINE_HIDDEN;
void __tine_trace_exit(int group, int code);
void __tine_trace_wait(int pidfd, int id, int *status, long r) TINE_HIDDEN;
void __tine_trace_futex(int *uaddr, int op, int val, long r) TINE_HIDDEN;


/* CLONE_VM spawns keep their stacks until reaped: the reapers report here (spawn.c). */
void __tine_spawn_reaped(int pid) __attribute__((weak));

/* Copies n bytes from memory the caller gave us: 0, or -EFAULT where it is unreadable (uaccess.c). */
int __tine_copy_in(void *dst, const void *src, size_t n) TINE_HIDDEN;

/* The wait4 status word for what a waitid siginfo reports (wait.c). */
int __tine_wait_status(const siginfo_t *si) TINE_HIDDEN;

/* Decimal digits of v at p; returns the end (string.c). No terminating 0. */
char *__tine_utoa(char *p, unsigned long v) TINE_HIDDEN;

/* Painting and measuring [lo, hi) (stack.c). */
void   __tine_paint(char *lo, char *hi) TINE_HIDDEN;
size_t __tine_peak(const char *lo, const char *hi) TINE_HIDDEN;

/*
 * The stack cache shared by threads and spawned processes (stack.c), and
 * its lock, which also guards spawn.c's list of CLONE_VM children.
 */
void *__tine_stack_get_top(struct tine_stack *s, size_t size, size_t guard, size_t alt,
                           size_t record) TINE_HIDDEN;
void  __tine_stack_put(struct tine_stack *s) TINE_HIDDEN;
void  __tine_stack_lock(void) TINE_HIDDEN;
void  __tine_stack_unlock(void) TINE_HIDDEN;
void  __tine_stack_forked(void) TINE_HIDDEN;    /* a fork-like child's first act: see stack.c */

/*
 * Forks and locks. tine_fork clones through __tine_fork_clone: process.c
 * has a plain one, weak; stack.c's, linked with the cache, holds the
 * cache's lock across the clone, as clone.c does for tine_clone and
 * tine_clone3 (so tine_spawn) without CLONE_VM. Such a fork-like child
 * then calls __tine_stack_forked, which has __tine_spawn_forked (spawn.c,
 * when linked) drop the parent's CLONE_VM children from its copy, under
 * the lock, and lets go of it.
 */
long __tine_fork_clone(void) TINE_HIDDEN;
void __tine_spawn_forked(void) __attribute__((weak)) TINE_HIDDEN;

/* 32-bit ports have a futex call that takes 64-bit time; prefer it. */
#ifdef __NR_futex_time64
#define NR_futex __NR_futex_time64
#else
#define NR_futex __NR_futex
#endif

/*
 * The futex calls of <tine/sync.h> (futex.c): private is FUTEX_PRIVATE_FLAG
 * or 0 (a shared futex: across processes sharing the memory), as
 * tine_futex_private gives it for an object's shared flag.
 */
struct __kernel_timespec;
int __tine_futex_wait_until(void *addr, int expected, int private,
                            const struct __kernel_timespec *deadline) TINE_HIDDEN;
int __tine_futex_wake_n(void *addr, int count, int private) TINE_HIDDEN;
#define tine_futex_private(shared) ((shared) ? 0 : FUTEX_PRIVATE_FLAG)

static inline size_t tine_round_up(size_t n, size_t to)
{
    return (n + to - 1) & ~(to - 1);
}

#endif
