/* SPDX-License-Identifier: 0BSD */
/*
 * src/clone.c — clone(2)'s shape: arguments checked here, the rest in the
 * arch stub, which must be assembly (the child wakes on a stack with no C
 * frame on it).
 */
#include "internal.h"

/*
 * A clone without CLONE_VM copies only the calling thread: as tine_fork
 * does, the stack cache's lock is held across it (stack.c says why); the
 * parent lets go of it after the call, the child first thing
 * (__tine_stack_forked). The lock exists only in programs that link the
 * cache: weak, so that a program with no cache does not pull it in.
 */
#pragma weak __tine_stack_lock
#pragma weak __tine_stack_unlock
#pragma weak __tine_stack_forked

struct start { int (*fn)(void *); void *arg; };

/* A fn-shaped child's first frame; s is in its copy of the parent's stack. */
static int forked_start(void *p)
{
    struct start *s = p;

    __tine_stack_forked();
    return s->fn(s->arg);
}

static int holds_lock(unsigned long flags)
{
    if ((flags & CLONE_VM) || !__tine_stack_lock)
        return 0;
    __tine_stack_lock();
    return 1;
}

long tine_clone(int (*fn)(void *), void *arg, unsigned long flags,
                void *stack_top, int *ptid, int *ctid, unsigned long tls)
{
    struct start s = { fn, arg };
    int held;
    long r;

    if (!fn || !stack_top)
        return -EINVAL;
    __tine_watch_start();       /* a new stack can overflow: have it named */
    held = holds_lock(flags);
    r = __tine_arch_clone(held ? forked_start : fn, held ? (void *)&s : arg, flags, stack_top, ptid, ctid,
                        tls);   /* traced by the stub */
    if (held)
        __tine_stack_unlock();
    return r;
}

/* Both shapes of clone3 go through the arch's one stub (internal.h); fn == 0 is the raw shape. */

/*
 * The caller's clone_args, read as the kernel reads them
 * (copy_clone_args_from_user in kernel/fork.c), in its order: a size above
 * a page is -E2BIG, below CLONE_ARGS_SIZE_VER0 -EINVAL, an unreadable
 * struct -EFAULT (never a SIGSEGV here), and a size beyond the struct these
 * headers know is accepted if the extra bytes are zero, -E2BIG if not.
 * Returns the size to hand the kernel with the copy *a, or -errno. The
 * kernel then reads the copy, so what tine checked is what it gets.
 */
static long copy_args(struct clone_args *a, const struct clone_args *args, size_t size)
{
    size_t known = size < sizeof *a ? size : sizeof *a;
    unsigned char rest[64];
    int e;

    if (size > tine_page_size())
        return -E2BIG;
    if (size < CLONE_ARGS_SIZE_VER0)
        return -EINVAL;
    *a = (struct clone_args){ 0 };
    if ((e = __tine_copy_in(a, args, known)) < 0)
        return e;
    for (size_t off = known, n; off < size; off += n) {
        n = size - off < sizeof rest ? size - off : sizeof rest;
        if ((e = __tine_copy_in(rest, (const char *)args + off, n)) < 0)
            return e;
        for (size_t i = 0; i < n; i++)
            if (rest[i])
                return -E2BIG;  /* a field this tine does not know, and set */
    }
    return (long)known;
}

long tine_clone3(struct clone_args *args, size_t size)
{
    struct clone_args a;
    long r = copy_args(&a, args, size);
    int held;

    if (r < 0)
        return r;
    if (a.stack || (a.flags & CLONE_VM))
        return -EINVAL;
    size = (size_t)r;
    held = holds_lock((unsigned long)a.flags);
    r = __tine_arch_clone3(&a, size, 0, 0);
    if (held && r == 0)
        __tine_stack_forked();
    else if (held)
        __tine_stack_unlock();
    if (__tine_tracing && r != 0)       /* once, by the parent, as the stubs trace clone */
        __tine_trace_clone3(&a, size, r);
    return r;
}

long tine_clone3_fn(int (*fn)(void *), void *arg, struct clone_args *args, size_t size)
{
    struct clone_args a;        /* a copy, so the caller's stack_size stays as given */
    struct start s = { fn, arg };
    unsigned long top;
    int held;
    long r;

    if (!fn)
        return -EINVAL;
    if ((r = copy_args(&a, args, size)) < 0)
        return r;
    if (!a.stack || !a.stack_size)
        return -EINVAL;
    size = (size_t)r;
    if (TINE_STACK_UP) {        /* the kernel starts the child at a.stack itself (kernel/fork.c) */
        top = tine_round_up((size_t)a.stack, TINE_ARCH_STACK_ALIGN);
        if (top >= a.stack + a.stack_size)
            return -EINVAL;
        a.stack_size -= top - a.stack;
        a.stack = top;
    } else {
        top = (unsigned long)(a.stack + a.stack_size) & ~(unsigned long)(TINE_ARCH_STACK_ALIGN - 1);
        if (top <= a.stack)
            return -EINVAL;
        a.stack_size = top - a.stack;
    }
    __tine_watch_start();
    held = holds_lock((unsigned long)a.flags);
    r = __tine_arch_clone3(&a, size, held ? forked_start : fn, held ? (void *)&s : arg);
    if (held)
        __tine_stack_unlock();
    if (__tine_tracing)
        __tine_trace_clone3(&a, size, r);
    return r;
}

_Static_assert(sizeof(tine_arch_tls) <= sizeof(struct tine_clone_tls),
               "struct tine_clone_tls holds this port's CLONE_SETTLS argument");

unsigned long tine_clone_tls(void *tp, struct tine_clone_tls *scratch)
{
    return tine_arch_tls_arg((tine_arch_tls *)scratch, tp);
}
