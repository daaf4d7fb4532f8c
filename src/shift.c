/* SPDX-License-Identifier: 0BSD */
/*
 * src/shift.c — 64-bit shifts by a variable count, for 32-bit CPUs whose
 * compiler calls a libgcc helper for them instead of inlining them (m68k's
 * gcc, even at -O2: print.c's digit loop and divide.c's long division
 * need them; hppa's gcc at -Os). tine provides libgcc's names; ports whose compilers inline
 * the shifts link none of this (an archive member is linked only when
 * called).
 *
 * Each works on the two 32-bit halves, so that it never contains the
 * 64-bit variable shift it implements. Counts outside 0..63 are undefined
 * in C, as in libgcc.
 */
#include "internal.h"

typedef unsigned long long u64;

u64 __ashldi3(u64 x, int n)
{
    unsigned long hi = (unsigned long)(x >> 32), lo = (unsigned long)x;

    if (n >= 32) {
        hi = lo << (n - 32);
        lo = 0;
    } else if (n > 0) {
        hi = hi << n | lo >> (32 - n);
        lo <<= n;
    }
    return (u64)hi << 32 | lo;
}

u64 __lshrdi3(u64 x, int n)
{
    unsigned long hi = (unsigned long)(x >> 32), lo = (unsigned long)x;

    if (n >= 32) {
        lo = hi >> (n - 32);
        hi = 0;
    } else if (n > 0) {
        lo = lo >> n | hi << (32 - n);
        hi >>= n;
    }
    return (u64)hi << 32 | lo;
}

long long __ashrdi3(long long x, int n)
{
    long hi = (long)(x >> 32);
    unsigned long lo = (unsigned long)x;

    if (n >= 32) {
        lo = (unsigned long)(hi >> (n - 32));
        hi >>= 31;                      /* the sign, in every bit */
    } else if (n > 0) {
        lo = lo >> n | (unsigned long)hi << (32 - n);
        hi >>= n;
    }
    return (long long)((u64)(unsigned long)hi << 32 | lo);
}
