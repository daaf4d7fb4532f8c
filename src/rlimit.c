/*
 * src/rlimit.c — resource limits through prlimit64, which takes 64-bit
 * limits on every architecture; struct rlimit holds the kernel's longs.
 */
#include "internal.h"

/* RLIM_INFINITY is all ones in either width; other values fit or saturate. */
static unsigned long narrow(__u64 v)
{
    return v > (unsigned long)-1 ? (unsigned long)RLIM_INFINITY : (unsigned long)v;
}

static __u64 widen(unsigned long v)
{
    return v == (unsigned long)RLIM_INFINITY ? (__u64)-1 : v;
}

int tine_getrlimit(int resource, struct rlimit *r)
{
    struct rlimit64 k;
    int e;

    if (!r)
        return -EINVAL;
    e = (int)tine_syscall4(__NR_prlimit64, 0, resource, 0, (long)&k);
    if (e < 0)
        return e;
    r->rlim_cur = narrow(k.rlim_cur);
    r->rlim_max = narrow(k.rlim_max);
    return 0;
}

int tine_setrlimit(int resource, const struct rlimit *r)
{
    struct rlimit64 k;

    if (!r)
        return -EINVAL;
    k.rlim_cur = widen(r->rlim_cur);
    k.rlim_max = widen(r->rlim_max);
    return (int)tine_syscall4(__NR_prlimit64, 0, resource, (long)&k, 0);
}
