/* SPDX-License-Identifier: 0BSD */
/*
 * src/divide.c — division for CPUs that have no instruction for it.
 *
 * On 32-bit ports the compiler turns a 64-bit `/` or `%` (and on arm any
 * integer division) into a call to a runtime helper that libgcc would
 * provide. tine provides them instead: i386 calls the libgcc names below
 * directly; arm's EABI names are thin wrappers in arch/arm/divide.S. The
 * 64-bit ports have division instructions and link none of this.
 */
#include "internal.h"

typedef unsigned long long u64;

/* Long division, one bit at a time: 64 steps, no multiply, no divide. */
u64 __tine_udivmod64(u64 n, u64 d, u64 *rem)
{
    u64 q = 0, r = 0;

    if (d == 0) {               /* undefined in C; a definite answer beats a hang */
        *rem = n;
        return (u64)-1;
    }
    for (int i = 63; i >= 0; i--) {
        r = r << 1 | (n >> i & 1);
        if (r >= d) {
            r -= d;
            q |= (u64)1 << i;
        }
    }
    *rem = r;
    return q;
}

/* C's signed division truncates toward zero; the remainder takes the dividend's sign. */
long long __tine_divmod64(long long n, long long d, long long *rem)
{
    u64 r, q = __tine_udivmod64(n < 0 ? -(u64)n : (u64)n, d < 0 ? -(u64)d : (u64)d, &r);

    *rem = n < 0 ? -(long long)r : (long long)r;
    return (n < 0) != (d < 0) ? -(long long)q : (long long)q;
}

/* libgcc's names, which i386 code calls for 64-bit division. */
u64 __udivdi3(u64 n, u64 d)  { u64 r; return __tine_udivmod64(n, d, &r); }
u64 __umoddi3(u64 n, u64 d)  { u64 r; __tine_udivmod64(n, d, &r); return r; }
long long __divdi3(long long n, long long d) { long long r; return __tine_divmod64(n, d, &r); }
long long __moddi3(long long n, long long d) { long long r; __tine_divmod64(n, d, &r); return r; }
