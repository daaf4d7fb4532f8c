/* SPDX-License-Identifier: 0BSD */
/*
 * src/print.c — printf's formatter, without libc: one pass over the
 * format writing into a sink (sink.h), a caller's buffer here
 * (tine_snprintf, which truncates and counts), or a buffer written to a
 * file descriptor (printf.c: tine_printf, tine_dprintf).
 */
#include <tine/print.h>
#include <tine/string.h>
#include <tine/sys.h>

#include "sink.h"

static void put(struct sink *s, const char *p, size_t n)
{
    s->total += n;
    while (n) {
        size_t room = s->cap - s->pos;

        if (!room) {
            if (s->fd < 0)
                return;         /* truncated: only counted */
            __tine_sink_full(s);
            room = s->cap - s->pos;
        }
        if (room > n)
            room = n;
        memcpy(s->buf + s->pos, p, room);
        s->pos += room, p += room, n -= room;
    }
}

static void pad(struct sink *s, char c, int n)
{
    char run[16];

    memset(run, c, sizeof run);
    for (; n > 0; n -= (int)sizeof run)
        put(s, run, n < (int)sizeof run ? (size_t)n : sizeof run);
}

/* n /= base, returning the remainder, with no divide instruction (32-bit ports would call
 * libgcc, some ARM cores have none): 8 and 16 shift; 10 takes 64 shift-subtract steps. */
static unsigned divmod(unsigned long long *n, unsigned base)
{
    unsigned long long q = 0;
    unsigned r = 0;

    if (base == 16 || base == 8) {
        r = (unsigned)*n & (base - 1);
        *n >>= base == 16 ? 4 : 3;
        return r;
    }
    for (int i = 63; i >= 0; i--) {
        r = r << 1 | (unsigned)(*n >> i & 1);
        if (r >= base)
            r -= base, q |= 1ULL << i;
    }
    *n = q;
    return r;
}

enum { LEFT = 1, ZERO = 2, PLUS = 4, SPACE = 8, ALT = 16 };

/* One integer conversion, with C's rules for sign, prefix, precision and width. */
static void integer(struct sink *s, unsigned long long v, int neg, int base,
                    int upper, int flags, int width, int prec)
{
    char digits[24];            /* 22 octal digits hold 2^64 - 1 */
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    const char *prefix = "";
    int n = 0, zeros, len;

    for (unsigned long long x = v; x; )
        digits[sizeof digits - ++n] = set[divmod(&x, (unsigned)base)];
    if (prec < 0)
        prec = 1;               /* the default: at least one digit */
    else
        flags &= ~ZERO;         /* a precision turns off '0' padding */
    if (base == 8 && (flags & ALT) && prec <= n)
        prec = n + 1;           /* '#o': the first digit is a 0 */
    if (base == 16 && (flags & ALT) && v)
        prefix = upper ? "0X" : "0x";
    if (neg)
        prefix = "-";
    else if (flags & PLUS)
        prefix = "+";
    else if (flags & SPACE)
        prefix = " ";
    zeros = prec > n ? prec - n : 0;
    len = (int)strlen(prefix) + zeros + n;
    if ((flags & (ZERO | LEFT)) == ZERO && width > len)
        zeros += width - len, len = width;
    if (!(flags & LEFT))
        pad(s, ' ', width - len);
    put(s, prefix, strlen(prefix));
    pad(s, '0', zeros);
    put(s, digits + sizeof digits - n, (size_t)n);
    if (flags & LEFT)
        pad(s, ' ', width - len);
}

static void text(struct sink *s, const char *p, size_t n, int flags, int width)
{
    if (!(flags & LEFT))
        pad(s, ' ', width - (int)n);
    put(s, p, n);
    if (flags & LEFT)
        pad(s, ' ', width - (int)n);
}

/*
 * Reads a width or precision: digits, or '*' from the arguments. One that
 * does not fit an int (C says the same) is -EOVERFLOW in s->err: printf
 * then fails rather than print with a number that wrapped round.
 */
static int number(struct sink *s, const char **f, va_list *ap)
{
    int n = 0;

    if (**f == '*') {
        (*f)++;
        return va_arg(*ap, int);
    }
    for (; **f >= '0' && **f <= '9'; (*f)++) {
        int d = **f - '0';

        if (n > (0x7fffffff - d) / 10)
            s->err = -EOVERFLOW;
        else
            n = n * 10 + d;
    }
    return n;
}

void __tine_format(struct sink *s, const char *f, va_list ap0)
{
    va_list ap;

    va_copy(ap, ap0);
    while (*f) {
        const char *lit = f;
        int flags = 0, width = 0, prec = -1, len = 0, neg = 0;
        unsigned long long v;
        char c;

        while (*f && *f != '%')
            f++;
        put(s, lit, (size_t)(f - lit));
        if (!*f++)
            break;
        for (;; f++) {
            if (*f == '-') flags |= LEFT;
            else if (*f == '0') flags |= ZERO;
            else if (*f == '+') flags |= PLUS;
            else if (*f == ' ') flags |= SPACE;
            else if (*f == '#') flags |= ALT;
            else break;
        }
        width = number(s, &f, &ap);
        if (width == -0x7fffffff - 1)
            s->err = -EOVERFLOW;        /* '*' with INT_MIN: no int is that wide */
        if (width < 0)
            flags |= LEFT, width = -width;
        if (*f == '.') {
            f++;
            prec = number(s, &f, &ap);
            if (prec < 0)
                prec = -1;      /* a negative '*' precision means none */
        }
        if (s->err == -EOVERFLOW)
            break;
        /* Length: 'h' counts down, 'l' counts up; z, j, t are long-sized here. */
        for (;; f++) {
            if (*f == 'h') len--;
            else if (*f == 'l') len++;
            else if (*f == 'z' || *f == 'j' || *f == 't') len = *f == 'j' ? 2 : 1;
            else break;
        }
        switch (c = *f++) {
        case 'd': case 'i': {
            long long x = len >= 2 ? va_arg(ap, long long)
                        : len == 1 ? va_arg(ap, long) : va_arg(ap, int);
            if (len == -1) x = (short)x;
            if (len <= -2) x = (signed char)x;
            neg = x < 0;
            v = neg ? 0 - (unsigned long long)x : (unsigned long long)x;
            integer(s, v, neg, 10, 0, flags, width, prec);
            break;
        }
        case 'u': case 'x': case 'X': case 'o':
            v = len >= 2 ? va_arg(ap, unsigned long long)
              : len == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            if (len == -1) v = (unsigned short)v;
            if (len <= -2) v = (unsigned char)v;
            integer(s, v, 0, c == 'o' ? 8 : c == 'u' ? 10 : 16, c == 'X',
                    flags & ~(PLUS | SPACE), width, prec);
            break;
        case 'p':
            v = (unsigned long)va_arg(ap, void *);
            if (v)
                integer(s, v, 0, 16, 0, flags | ALT, width, prec);
            else
                text(s, "(nil)", 5, flags, width);  /* as glibc prints it */
            break;
        case 'c': {
            char ch = (char)va_arg(ap, int);
            text(s, &ch, 1, flags, width);
            break;
        }
        case 's': {
            const char *p = va_arg(ap, const char *);
            size_t n = 0;

            if (!p)
                p = "(null)";
            while (p[n] && (prec < 0 || n < (size_t)prec))
                n++;
            text(s, p, n, flags, width);
            break;
        }
        case '%':
            put(s, "%", 1);
            break;
        default:                /* not a conversion tine knows: print it as written */
            put(s, "%", 1);
            if (c)
                put(s, &c, 1);
            else
                f--;
        }
    }
    va_end(ap);
}

int tine_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    struct sink s = { buf, n ? n - 1 : 0, 0, 0, -1, 0, 0 };

    if (!fmt || (!buf && n))
        return -EINVAL;
    __tine_format(&s, fmt, ap);
    if (n)
        buf[s.pos] = 0;
    if (s.err)
        return s.err;
    return s.total > 0x7fffffff ? -EOVERFLOW : (int)s.total;
}

int tine_snprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    int r;

    va_start(ap, fmt);
    r = tine_vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}
