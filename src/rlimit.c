/* SPDX-License-Identifier: 0BSD */
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

/*
 * prlimit64 sets the new limit and returns the old one in one call; the
 * kernel refuses soft > hard with -EINVAL, and raising the hard limit
 * without CAP_SYS_RESOURCE with -EPERM.
 */
int tine_prlimit(int pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit)
{
    struct rlimit64 n, o;
    int e;

    if (new_limit) {
        n.rlim_cur = widen(new_limit->rlim_cur);
        n.rlim_max = widen(new_limit->rlim_max);
    }
    e = (int)tine_syscall4(__NR_prlimit64, pid, resource,
                           new_limit ? (long)&n : 0, old_limit ? (long)&o : 0);
    if (e == 0 && old_limit) {
        old_limit->rlim_cur = narrow(o.rlim_cur);
        old_limit->rlim_max = narrow(o.rlim_max);
    }
    return e;
}

int tine_getrlimit(int resource, struct rlimit *r)
{
    return r ? tine_prlimit(0, resource, 0, r) : -EINVAL;
}

int tine_setrlimit(int resource, const struct rlimit *r)
{
    return r ? tine_prlimit(0, resource, r, 0) : -EINVAL;
}
