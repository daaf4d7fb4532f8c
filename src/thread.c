/*
 * src/thread.c — threads: clone with everything shared, a stack with a
 * guard below, the descriptor at the top of that stack, and join by the
 * kernel's CHILD_CLEARTID futex.
 *
 * A thread's mapping (tine_stack_map), low to high:
 *
 *   | guard (PROT_NONE) | stack, grows down ...  | struct tine_thread |
 *   low                 low + guard              top - sizeof, 16-aligned
 *
 * The thread pointer (CLONE_SETTLS) points at the descriptor, so
 * tine_thread_self() is one load on most ports.
 */
#include "internal.h"
#include <linux/futex.h>
#include <stddef.h>

/*
 * Word offsets matter: word 0 is read through the thread pointer by the
 * arch's tine_arch_tp (x86_64: mov rax, [fs:0]); word 5 is where GCC's
 * -fstack-protector looks for the canary on x86 (%fs:0x28, %gs:0x14).
 */
struct tine_thread {
    struct tine_thread *self;       /* word 0: the thread pointer's target */
    int  (*fn)(void *);             /* word 1 */
    void  *arg;                     /* word 2 */
    void  *reserved[2];             /* words 3-4 */
    unsigned long canary;           /* word 5 */
    struct tine_stack stack;        /* the mapping this descriptor lives in */
    int    tid;                     /* CLONE_PARENT_SETTID: set before clone returns */
    int    alive;                   /* CLONE_CHILD_CLEARTID: the kernel zeroes it and wakes us */
    int    ret;                     /* fn's return value, or tine_thread_exit's */
};

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

static struct tine_thread main_thread;

/* Start-up calls this (through a weak reference) when threads are linked in. */
void __tine_thread_init(void)
{
    main_thread.self = &main_thread;
    main_thread.tid = tine_gettid();
    main_thread.alive = 1;
    tine_arch_set_tp(&main_thread);
}

/* A forked child keeps its creator's descriptor; only the tid is new. */
void __tine_thread_atfork(void)
{
    tine_thread_self()->tid = tine_gettid();
}

tine_thread *tine_thread_self(void)
{
    return tine_arch_tp();
}

int tine_thread_tid(const tine_thread *t)
{
    return t ? t->tid : -EINVAL;
}

static int thread_start(void *p)
{
    struct tine_thread *t = p;

    t->ret = t->fn(t->arg);
    return t->ret;
}

int tine_thread_spawn(tine_thread **tp, int (*fn)(void *), void *arg,
                      const struct tine_thread_opts *opts)
{
    size_t page = tine_page_size();
    size_t size = opts && opts->stack_size ? opts->stack_size : TINE_STACK_DEFAULT;
    size_t guard = opts && opts->guard_size ? opts->guard_size : page;
    struct tine_stack st;
    struct tine_thread *t;
    tine_arch_tls tls;          /* what the port's CLONE_SETTLS argument points at, if anything */
    unsigned long top;
    long r;

    if (!tp || !fn || size < TINE_STACK_MIN)
        return -EINVAL;
    if (size > ((size_t)-1 >> 2) || guard > ((size_t)-1 >> 2))
        return -ENOMEM;
    r = __tine_stack_get(&st, tine_round_up(size + sizeof *t, page), tine_round_up(guard, page));
    if (r < 0)
        return (int)r;
    top = (unsigned long)st.low + st.guard + st.size - sizeof *t;
    t = (struct tine_thread *)(top & ~(unsigned long)(TINE_ARCH_STACK_ALIGN - 1));
    *t = (struct tine_thread){ .self = t, .fn = fn, .arg = arg,
                               .canary = main_thread.canary, .stack = st, .alive = 1 };
    r = tine_clone(thread_start, t, THREAD_FLAGS, t, &t->tid, &t->alive,
                   tine_arch_tls_arg(&tls, t));
    if (r < 0) {
        __tine_stack_put(&st);
        return (int)r;
    }
    *tp = t;
    return 0;
}

int tine_thread_join(tine_thread *t, int *ret)
{
    struct tine_stack st;
    int alive;

    if (!t || t == &main_thread)
        return -EINVAL;
    if (t == tine_thread_self())
        return -EDEADLK;
    /*
     * The kernel's CHILD_CLEARTID wake is a shared-futex wake, so this wait
     * must not be FUTEX_PRIVATE: the two would hash to different queues.
     */
    while ((alive = __atomic_load_n(&t->alive, __ATOMIC_ACQUIRE)) != 0)
        tine_syscall4(NR_futex, (long)&t->alive, FUTEX_WAIT, alive, 0);
    if (ret)
        *ret = t->ret;
    st = t->stack;              /* t lives inside the mapping about to go */
    __tine_stack_put(&st);
    return 0;
}

_Noreturn void tine_thread_exit(int ret)
{
    tine_thread_self()->ret = ret;
    tine_exit_thread(ret);
}
