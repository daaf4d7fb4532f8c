/* SPDX-License-Identifier: 0BSD */
/*
 * src/thread.c — threads: clone with everything shared, a stack with a
 * guard where it runs off, an alternate signal stack and the descriptor
 * beyond its other end, and join by the kernel's CHILD_CLEARTID futex.
 *
 * A thread's mapping (stack.c's, from its cache), low to high:
 *
 *   | guard (no access) | stack, grows down ... | sigaltstack | struct tine_thread | tail | cap |
 *   low                 low + guard             + stack_size                       (internal.h)
 *
 * and where stacks grow up (hppa), the mirror image:
 *
 *   | cap | tail | struct tine_thread | sigaltstack | ... stack, grows up | guard (no access) |
 *
 * An overflow runs into the guard, and the SIGSEGV it raises is handled on
 * the alternate stack, which the overflow cannot have touched (overflow.c).
 * The thread pointer (CLONE_SETTLS) points at the descriptor, or (arch.h)
 * at a word holding its address, so tine_thread_self() is one or two loads.
 */
#include "internal.h"
#include <linux/futex.h>
#include <stddef.h>

_Static_assert(offsetof(struct tine_thread, self) == 0, "tp->self at word 0");
_Static_assert(offsetof(struct tine_thread, canary) == 5 * sizeof(void *), "canary at word 5");

/*
 * Everything a thread shares with its creator. qemu-user creates a host
 * thread only when all six of VM, FS, FILES, SIGHAND, THREAD and SYSVSEM
 * are set, and refuses any other sharing combination with EINVAL.
 */
#define THREAD_FLAGS (CLONE_VM            /* one address space */           \
                    | CLONE_FS            /* one cwd, root and umask */      \
                    | CLONE_FILES         /* one file descriptor table */   \
                    | CLONE_SIGHAND       /* one set of signal handlers */  \
                    | CLONE_THREAD        /* one thread group: one pid */   \
                    | CLONE_SYSVSEM       /* one System V semaphore undo list */ \
                    | CLONE_SETTLS        /* the thread pointer -> descriptor */ \
                    | CLONE_PARENT_SETTID /* t->tid set before clone returns */ \
                    | CLONE_CHILD_CLEARTID) /* t->alive = 0 + futex wake at exit */

tine_thread *tine_thread_self(void)
{
    return __tine_arch_tp();
}

/*
 * A thread's own tid comes from the kernel: after a fork the descriptor is
 * a copy that still holds the creator's. Another thread's is the word
 * CLONE_PARENT_SETTID filled in, kept after it ends, until join.
 */
int tine_thread_tid(const tine_thread *t)
{
    if (!t)
        return -EINVAL;
    return t == tine_thread_self() ? tine_gettid() : t->tid;
}

/*
 * The thread's first C frame. Its alternate signal stack lies between its
 * stack and its descriptor (and TLS block); the kernel gives a new
 * CLONE_VM thread none.
 */
static int thread_start(void *p)
{
    struct tine_thread *t = p;
    stack_t ss = { .ss_sp = t->alt, .ss_flags = 0, .ss_size = t->alt_size };

    tine_syscall2(__NR_sigaltstack, (long)&ss, 0);
    t->ret = t->fn(t->arg);
    if (__tine_tracing)         /* the stub's exit, named here where C still runs */
        __tine_trace_exit(0, t->ret);
    return t->ret;
}

/*
 * Where a new thread's descriptor goes in the top area of its mapping, how
 * many bytes that takes, and the thread pointer it gets. These defaults
 * serve programs without thread-local variables: the descriptor alone.
 * Weak: tls.c's definitions replace them in programs that have some, so
 * the others carry no TLS code at all.
 */
__attribute__((weak)) size_t __tine_tls_area = sizeof(struct tine_thread);

__attribute__((weak)) char *__tine_tls_place(char *area)
{
    struct tine_thread *t = (struct tine_thread *)area;

    t->self = t;                /* where __tine_arch_tp reads it, through the thread pointer */
    return area - TINE_ARCH_TP_SELF;
}

/* The mapping: guard | stack | alternate signal stack | descriptor (and TLS) | tail (stack.c), or its mirror. */
int tine_thread_spawn(tine_thread **tp, int (*fn)(void *), void *arg,
                      const struct tine_thread_opts *opts)
{
    size_t page = tine_page_size();
    size_t size = opts && opts->stack_size ? opts->stack_size : TINE_STACK_DEFAULT;
    size_t guard = opts && opts->guard_size ? opts->guard_size : page;
    size_t *peak = opts ? opts->stack_peak : 0;
    struct tine_stack st;
    struct tine_thread *t;
    tine_arch_tls tls;          /* what the port's CLONE_SETTLS argument points at, if anything */
    char *area, *ptr;           /* the descriptor's place; the new thread pointer */
    char *frames, *alt;         /* the stack's lowest byte; the alternate stack's */
    size_t alt_size;
    long r;

    if (!tp || !fn || size < TINE_STACK_MIN)
        return -EINVAL;
    if (size > ((size_t)-1 >> 2) || guard > ((size_t)-1 >> 2))
        return -EINVAL;         /* as tine_spawn and tine_stack_map say for such sizes */
    size = tine_round_up(size, page);
    area = __tine_stack_get_top(&st, size, tine_round_up(guard, page), __tine_altstack_size(),
                                __tine_tls_area);
    if (tine_is_err(area))
        return tine_ptr_err(area);
    ptr = __tine_tls_place(area);
    t = *(struct tine_thread **)(ptr + TINE_ARCH_TP_SELF);
    frames = tine_stack_frames(&st, size);
    alt = tine_stack_alt(&st, size, area, __tine_tls_area, &alt_size);
    *t = (struct tine_thread){ .self = t, .fn = fn, .arg = arg, .alt = alt, .alt_size = alt_size,
                               .canary = __tine_main.canary,
                               .stack = st, .stack_size = size, .peak = peak, .alive = 1 };
    if (peak)
        __tine_paint(frames, frames + size);
    __tine_watch_start();       /* what tine_clone does first; its checks and fork lock are not for us */
    r = __tine_arch_clone(thread_start, t, THREAD_FLAGS, tine_stack_start(frames, size),
                        &t->tid, &t->alive, tine_arch_tls_arg(&tls, ptr));
    if (r < 0) {                /* a failed spawn leaves nothing behind, not even in the cache */
        tine_munmap(st.low, st.guard + st.size + page);
        return (int)r;
    }
    *tp = t;
    return 0;
}

/*
 * A handle is good for one join. A descriptor that does not point at
 * itself was never a thread's, and the first join marks its descriptor
 * (atomically: two joins at once get one -EINVAL), so a second join is
 * refused while the mapping waits in the stack cache. What stays
 * undefined, as for free(): a join once the mapping was unmapped faults,
 * and once the cache gave it to a new thread (at the same address, so the
 * same handle), it joins that thread. Knowing would take a registry of
 * every live thread, searched on every join.
 */
int tine_thread_join(tine_thread *t, int *ret)
{
    int alive;

    if (!t || !t->stack.low)    /* main's descriptor: no mapping of tine's */
        return -EINVAL;
    if (t == tine_thread_self())
        return -EDEADLK;
    if (t->self != t || __atomic_exchange_n(&t->joined, 1, __ATOMIC_RELAXED))
        return -EINVAL;
    /*
     * The kernel's CHILD_CLEARTID wake is a shared-futex wake, so this wait
     * must not be FUTEX_PRIVATE: the two would hash to different queues.
     */
    while ((alive = __atomic_load_n(&t->alive, __ATOMIC_ACQUIRE)) != 0) {
        long r = tine_syscall4(NR_futex, (long)&t->alive, FUTEX_WAIT, alive, 0);
        if (__tine_tracing)
            __tine_trace_futex(&t->alive, FUTEX_WAIT, alive, r);
    }
    if (ret)
        *ret = t->ret;
    if (t->peak) {
        char *lo = tine_stack_frames(&t->stack, t->stack_size);
        *t->peak = __tine_peak(lo, lo + t->stack_size);
    }
    __tine_stack_put(&t->stack);        /* t lives inside the mapping it puts */
    return 0;
}

_Noreturn void tine_thread_exit(int ret)
{
    tine_thread_self()->ret = ret;
    tine_exit_thread(ret);
}
