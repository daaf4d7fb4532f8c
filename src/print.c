/* SPDX-License-Identifier: 0BSD */
/*
 * src/print.c — printf without libc. One formatter writes into a sink:
 * a caller's buffer (snprintf) or a buffer written to a file descriptor
 * (dprintf) with one write(2) per call, so that lines from several threads
 * or processes do not interleave.
 *
 * The buffer starts as 256 bytes of stack, which holds nearly every line.
 * A call that outgrows it moves to a page of its own (mmap), which holds
 * PIPE_BUF (4096) bytes: the most a pipe takes in one piece. Longer output
 * goes out in writes of PIPE_BUF bytes. The trade-off is a stack of under
 * 400 bytes, so printf runs comfortably on the smallest stacks tine allows
 * (TINE_STACK_MIN, `make stack-report`), against an mmap and a munmap for
 * the rare call that prints more than 256 bytes; a 4 KiB stack buffer would
 * have taken most of an 8 KiB clone stack. Where mmap fails (no memory, an
 * RLIMIT_AS), such a call goes out in 256-byte writes, as it always did.
 */
#include <tine/print.h>
#include <tine/string.h>
#include <tine/sys.h>
#include <linux/limits.h>       /* PIPE_BUF */

struct sink {
    char  *buf;
    size_t cap;                 /* bytes buf can take */
    size_t pos;                 /* bytes in buf now */
    size_t total;               /* bytes produced, as printf counts them */
    int    fd;                  /* < 0: a string sink, which truncates */
    int    err;                 /* the first write error, as -errno */
    int    page;                /* buf is a page of our own, to unmap (or could not be had: -1) */
};

static void flush(struct sink *s)
{
    for (size_t off = 0; off < s->pos && !s->err; ) {
        long n = tine_write(s->fd, s->buf + off, s->pos - off);

        if (n > 0)
            off += (size_t)n;
        else if (n != -EINTR)
            s->err = n < 0 ? (int)n : -EIO;
    }
    s->pos = 0;
}

/* The stack buffer is full: carry on in a page of PIPE_BUF bytes, once per call. */
static void grow(struct sink *s)
{
    char *p = tine_mmap(0, PIPE_BUF, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    s->page = -1;
    if (tine_is_err(p))
        return;                 /* flushed in stack-sized pieces instead */
    memcpy(p, s->buf, s->pos);
    s->buf = p;
    s->cap = PIPE_BUF;
    s->page = 1;
}

static void put(struct sink *s, const char *p, size_t n)
{
    s->total += n;
    while (n) {
        size_t room = s->cap - s->pos;

        if (!room) {
            if (s->fd < 0)
                return;         /* truncated: only counted */
            if (!s->page)
                grow(s);
            if (s->pos == s->cap)
                flush(s);
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

static void format(struct sink *s, const char *f, va_list ap0)
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
    format(&s, fmt, ap);
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

int tine_vdprintf(int fd, const char *fmt, va_list ap)
{
    char buf[256];
    struct sink s = { buf, sizeof buf, 0, 0, fd, 0, 0 };

    if (!fmt || fd < 0)
        return fmt ? -EBADF : -EINVAL;
    format(&s, fmt, ap);
    flush(&s);
    if (s.page > 0)
        tine_munmap(s.buf, PIPE_BUF);
    if (s.err)
        return s.err;
    return s.total > 0x7fffffff ? -EOVERFLOW : (int)s.total;
}

int tine_dprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    int r;

    va_start(ap, fmt);
    r = tine_vdprintf(fd, fmt, ap);
    va_end(ap);
    return r;
}

int tine_printf(const char *fmt, ...)
{
    va_list ap;
    int r;

    va_start(ap, fmt);
    r = tine_vdprintf(1, fmt, ap);
    va_end(ap);
    return r;
}
