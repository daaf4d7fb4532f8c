/* SPDX-License-Identifier: 0BSD */
/*
 * t-divide: integer division is right on every port, including those where
 * the compiler calls a helper tine provides (arm: __aeabi_*; i386: 64-bit
 * __udivdi3 and friends). Checked by C's own definition, not by a table:
 * q * d + r == n, |r| < |d|, r has n's sign, q truncated toward zero.
 * And, on 64-bit ports, the 128-bit product (sparc64: tine's __multi3), by
 * its laws: its low half is the 64-bit product, it distributes over
 * addition, a * (2^k + 1) is (a << k) + a, and (2^64 - 1)^2 is
 * 2^128 - 2^65 + 1.
 */
#include "t.h"

static volatile long long edge[] = { 0, 1, -1, 2, -2, 3, 7, -7, 10, 65535, 65536, -65536,
                                     2147483647LL, -2147483647LL - 1, 4294967295LL, 4294967296LL,
                                     1000000007LL, -123456789012345LL, 0x7fffffffffffffffLL,
                                     -0x7fffffffffffffffLL };

static unsigned long long lcg(unsigned long long *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return *s;
}

static int ok64(long long n, long long d)
{
    long long q = n / d, r = n % d;
    unsigned long long ar = r < 0 ? -(unsigned long long)r : (unsigned long long)r;
    unsigned long long ad = d < 0 ? -(unsigned long long)d : (unsigned long long)d;

    return q * d + r == n && ar < ad && (r == 0 || (r < 0) == (n < 0));
}

static int oku64(unsigned long long n, unsigned long long d)
{
    unsigned long long q = n / d, r = n % d;

    return q * d + r == n && r < d;
}

static int ok32(int n, int d)
{
    int q = n / d, r = n % d;

    return (long long)q * d + r == n && (r < 0 ? -(long long)r : r) < (d < 0 ? -(long long)d : d) &&
           (r == 0 || (r < 0) == (n < 0));
}

static int oku32(unsigned n, unsigned d)
{
    unsigned q = n / d, r = n % d;

    return (unsigned long long)q * d + r == n && r < d;
}

#ifdef __SIZEOF_INT128__
typedef unsigned __int128 u128;
static volatile u128 vx, vy;    /* so that no product is folded at compile time */

static u128 mul(u128 a, u128 b)
{
    vx = a;
    vy = b;
    return vx * vy;
}

static void multiply(unsigned long long *seed)
{
    u128 m = mul(~0ULL, ~0ULL);
    int bad = 0;

    CHECK(m >> 64 == 0xfffffffffffffffeULL && (unsigned long long)m == 1, "(2^64 - 1)^2 = 2^128 - 2^65 + 1");
    for (int i = 0; i < 20000; i++) {
        u128 a = (u128)lcg(seed) << 64 | lcg(seed), b = (u128)lcg(seed) << 64 | lcg(seed);
        u128 c = (u128)lcg(seed) << 64 | lcg(seed);

        bad += (unsigned long long)mul(a, b) != (unsigned long long)a * (unsigned long long)b;
        bad += mul(a, b + c) != mul(a, b) + mul(a, c);
        bad += mul(a, ((u128)1 << 40) + 1) != (a << 40) + a;
        bad += mul(a, ((u128)1 << 100) + 1) != (a << 100) + a;
        bad += mul(-a, b) != -mul(a, b);
    }
    CHECK_EQ(bad, 0, "128-bit products: low half, distributive, shifts, sign");
}
#endif

int main(void)
{
    unsigned long long seed = 42;
    int n = sizeof edge / sizeof edge[0], bad64 = 0, badu64 = 0, bad32 = 0, badu32 = 0, cases = 0;

    t_qemu();
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            if (edge[j] == 0)
                continue;
            cases++;
            bad64 += !ok64(edge[i], edge[j]);
            badu64 += !oku64((unsigned long long)edge[i], (unsigned long long)edge[j]);
            if ((int)edge[j] != 0 && !((int)edge[i] == -2147483647 - 1 && (int)edge[j] == -1)) {
                bad32 += !ok32((int)edge[i], (int)edge[j]);
                badu32 += !oku32((unsigned)edge[i], (unsigned)edge[j]);
            }
        }
    for (int i = 0; i < 20000; i++) {
        unsigned long long a = lcg(&seed), b = lcg(&seed) >> (lcg(&seed) & 63);

        if (b == 0 || (long long)b == -1)
            continue;
        cases++;
        bad64 += !ok64((long long)a, (long long)b);
        badu64 += !oku64(a, b);
        if ((unsigned)b != 0 && (int)b != -1) {
            bad32 += !ok32((int)a, (int)b);
            badu32 += !oku32((unsigned)a, (unsigned)b);
        }
    }
    CHECK_EQ(bad64, 0, "signed 64-bit / and %");
    CHECK_EQ(badu64, 0, "unsigned 64-bit / and %");
    CHECK_EQ(bad32, 0, "signed 32-bit / and %");
    CHECK_EQ(badu32, 0, "unsigned 32-bit / and %");
    CHECK(cases > 20000, "%d cases, edges included", cases);
#ifdef __SIZEOF_INT128__
    multiply(&seed);
#endif
    return t_done();
}
