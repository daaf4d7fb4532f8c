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
    return tine_arch_clone(fn, arg, flags, stack_top, ptid, ctid, tls);
}

_Static_assert(sizeof(tine_arch_tls) <= sizeof(struct tine_clone_tls),
               "struct tine_clone_tls holds this port's CLONE_SETTLS argument");

unsigned long tine_clone_tls(void *tp, struct tine_clone_tls *scratch)
{
    return tine_arch_tls_arg((tine_arch_tls *)scratch, tp);
}
