/* SPDX-License-Identifier: 0BSD */
/*
 * src/multi3.c — the 128-bit multiply, libgcc's __multi3, for 64-bit CPUs
 * with no instruction for a 64 x 64 -> 128-bit product (sparc64: V9's
 * mulx keeps the low 64 bits only). Compilers call it for an `__int128`
 * product, and newer ones for arithmetic the program never wrote that
 * way: clang 19 turns examples/threads.c's summing loop into its closed
 * form, n(n+1)/2, computed in 128 bits so that it cannot overflow. Ports
 * whose compilers multiply inline link none of this (an archive member is
 * linked only when called); 32-bit ports have no `__int128` and compile
 * it to nothing.
 *
 * Built from 32 x 32 -> 64-bit products, so that it never contains the
 * 128-bit multiply it implements.
 */
#include "internal.h"

#ifdef __SIZEOF_INT128__
typedef unsigned long long u64;
typedef unsigned __int128 u128;

/* The whole product of two 64-bit numbers, by halves: (h1 2^32 + l1)(h2 2^32 + l2). */
static u128 mul64(u64 a, u64 b)
{
    u64 al = a & 0xffffffff, ah = a >> 32, bl = b & 0xffffffff, bh = b >> 32;
    u64 ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    u64 mid = (ll >> 32) + (lh & 0xffffffff) + (hl & 0xffffffff);      /* < 3 * 2^32: no carry out */

    return (u128)(hh + (lh >> 32) + (hl >> 32) + (mid >> 32)) << 64 | (mid << 32 | (ll & 0xffffffff));
}

/* a * b modulo 2^128: the high halves cross into the result's high half only. */
__int128 __multi3(__int128 a, __int128 b)
{
    u64 al = (u64)a, ah = (u64)((u128)a >> 64), bl = (u64)b, bh = (u64)((u128)b >> 64);

    return (__int128)(mul64(al, bl) + ((u128)(ah * bl + al * bh) << 64));
}
#endif
