/* SPDX-License-Identifier: 0BSD */
/*
 * src/clone.c — clone(2)'s shape: arguments checked here, the rest in the
 * arch stub, which must be assembly (the child wakes on a stack with no C
 * frame on it).
 */
#include "internal.h"

long tine_clone(int (*fn)(void *), void *arg, unsigned long flags,
                void *stack_top, int *ptid, int *ctid, unsigned long tls)
{
    if (!fn || !stack_top)
        return -EINVAL;
    __tine_watch_start();       /* a new stack can overflow: have it named */
    return tine_arch_clone(fn, arg, flags, stack_top, ptid, ctid, tls);  /* traced by the stub */
}

/* Both shapes of clone3 go through the arch's one stub; fn == 0 is the raw shape. */
long tine_arch_clone3(struct clone_args *args, size_t size, int (*fn)(void *), void *arg);

long tine_clone3(struct clone_args *args, size_t size)
{
    long r;

    if (!args || size < CLONE_ARGS_SIZE_VER0 || args->stack || (args->flags & CLONE_VM))
        return -EINVAL;
    r = tine_arch_clone3(args, size, 0, 0);
    if (__tine_tracing)         /* parent and child alike: both return here */
        __tine_trace_clone3(args, size, r);
    return r;
}

long tine_clone3_fn(int (*fn)(void *), void *arg, struct clone_args *args, size_t size)
{
    struct clone_args a = { 0 };
    unsigned long top;
    long r;

    if (!fn || !args || size < CLONE_ARGS_SIZE_VER0 || !args->stack || !args->stack_size)
        return -EINVAL;
    if (size > sizeof a)
        return -E2BIG;          /* fields this tine does not know: the kernel would want them 0 */
    memcpy(&a, args, size);     /* a copy, so the caller's stack_size stays as given */
    top = (unsigned long)(a.stack + a.stack_size) & ~(unsigned long)(TINE_ARCH_STACK_ALIGN - 1);
    if (top <= a.stack)
        return -EINVAL;
    a.stack_size = top - a.stack;
    __tine_watch_start();
    r = tine_arch_clone3(&a, size, fn, arg);
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
