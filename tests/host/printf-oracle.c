/* SPDX-License-Identifier: 0BSD */
/*
 * tests/host/printf-oracle.c — tine's formatter against the host C library's.
 *
 * Built with the host's libc (not tine-cc): it includes tine's print.c and
 * string.c directly, renamed so they cannot clash with libc, and compares
 * tine_snprintf with snprintf over a fixed list and many seeded random
 * formats and values. Native only: it is a host program.
 */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <limits.h>
#include <stdint.h>

/* What print.c needs from tine, from libc here. */
#define memcpy  t_memcpy
#define memset  t_memset
#define memmove t_memmove
#define memcmp  t_memcmp
#define strlen  t_strlen
#define strcmp  t_strcmp
#include "../../src/string.c"
#undef memcpy
#undef memset
#undef memmove
#undef memcmp
#undef strlen
#undef strcmp
#define memcpy  t_memcpy
#define memset  t_memset
#define strlen  t_strlen
#include "../../src/print.c"

long tine_write(int fd, const void *buf, size_t n) { return fwrite(buf, 1, n, fd == 2 ? stderr : stdout); }
/* dprintf's page for long output: the oracle compares snprintf only, so none is ever had. */
void *tine_mmap(void *a, size_t n, int prot, int flags, int fd, long off) { return (void *)-12L; }
int tine_munmap(void *a, size_t n) { return 0; }

static int failed, checked;

static void compare(const char *fmt, ...)
{
    char a[512], b[512];
    va_list ap, aq;
    int na, nb;

    va_start(ap, fmt);
    va_copy(aq, ap);
    na = vsnprintf(a, sizeof a, fmt, ap);
    nb = tine_vsnprintf(b, sizeof b, fmt, aq);
    va_end(aq);
    va_end(ap);
    checked++;
    if (na != nb || strcmp(a, b) != 0) {
        failed++;
        if (failed <= 20)
            printf("FAIL format \"%s\": libc \"%s\" (%d), tine \"%s\" (%d)\n", fmt, a, na, b, nb);
    }
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;    /* fixed seed: the same run every time */

static uint64_t next(void)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return rng;
}

int main(void)
{
    static const char *const convs[] = { "d", "i", "u", "x", "X", "o", "c", "s", "p",
                                         "ld", "lu", "lx", "lld", "llu", "llx", "llo",
                                         "hd", "hu", "hx", "hhd", "hhu", "zu", "zd", "zx" };
    static const long long special[] = { 0, 1, -1, 7, -7, 42, 255, 256, 32767, -32768, 65535,
                                         INT_MAX, INT_MIN, UINT_MAX, LLONG_MAX, LLONG_MIN, 0x8000 };
    static const char *const strs[] = { "", "a", "hello", "with space", "0123456789abcdef" };

    for (int i = 0; i < 20000; i++) {
        char fmt[64], *f = fmt;
        const char *conv = convs[next() % (sizeof convs / sizeof *convs)];
        long long v = next() % 3 ? special[next() % (sizeof special / sizeof *special)] : (long long)next();
        int flags = (int)(next() % 32);

        *f++ = '[';
        *f++ = '%';
        if (flags & 1) *f++ = '-';
        if ((flags & 2) && conv[0] != 's' && conv[0] != 'c' && conv[0] != 'p') *f++ = '0';
        if ((flags & 4) && strchr("di", conv[strlen(conv) - 1])) *f++ = '+';
        if ((flags & 8) && strchr("di", conv[strlen(conv) - 1])) *f++ = ' ';
        if ((flags & 16) && strchr("xXo", conv[strlen(conv) - 1])) *f++ = '#';
        if (next() % 2) f += sprintf(f, "%d", (int)(next() % 25));
        if (next() % 3 == 0 && conv[0] != 'c' && conv[0] != 'p') f += sprintf(f, ".%d", (int)(next() % 22));
        f += sprintf(f, "%s]", conv);

        switch (conv[strlen(conv) - 1]) {
        case 's': compare(fmt, strs[next() % (sizeof strs / sizeof *strs)]); break;
        case 'c': compare(fmt, (int)(32 + next() % 90)); break;
        case 'p': compare(fmt, (void *)(uintptr_t)v); break;
        default:
            if (conv[0] == 'l' && conv[1] == 'l') compare(fmt, v);
            else if (conv[0] == 'l' || conv[0] == 'z') compare(fmt, (long)v);
            else compare(fmt, (int)v);
        }
    }
    printf("%s: printf oracle, %d formats compared with the host libc, %d differ\n",
           failed ? "FAIL" : "PASS", checked, failed);
    return failed != 0;
}
