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

    if (r < 0)
        return r;
    if (a.stack || (a.flags & CLONE_VM))
        return -EINVAL;
    size = (size_t)r;
    r = tine_arch_clone3(&a, size, 0, 0);
    if (__tine_tracing)         /* parent and child alike: both return here */
        __tine_trace_clone3(&a, size, r);
    return r;
}

long tine_clone3_fn(int (*fn)(void *), void *arg, struct clone_args *args, size_t size)
{
    struct clone_args a;        /* a copy, so the caller's stack_size stays as given */
    unsigned long top;
    long r;

    if (!fn)
        return -EINVAL;
    if ((r = copy_args(&a, args, size)) < 0)
        return r;
    if (!a.stack || !a.stack_size)
        return -EINVAL;
    size = (size_t)r;
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
