/* SPDX-License-Identifier: 0BSD */
/*
 * src/printf.c — tine_printf and tine_dprintf: the formatter (print.c)
 * into a buffer written to a file descriptor with one write(2) per call,
 * so that lines from several threads or processes do not interleave.
 *
 * The buffer starts as 256 bytes of stack, which holds nearly every line.
 * A call that outgrows it moves to a page of its own (mmap), which holds
 * PIPE_BUF (4096) bytes: the most a pipe takes in one piece. Longer output
 * goes out in writes of PIPE_BUF bytes. The trade-off is a stack of under
 * 400 bytes, so printf runs comfortably on the smallest stacks tine allows
 * (TINE_STACK_MIN, `make stack-report`), against an mmap and a munmap for
 * the rare call that prints more than 256 bytes; a 4 KiB stack buffer would
 * have taken most of an 8 KiB clone stack. Where mmap fails (no memory, an
 * RLIMIT_AS), such a call goes out in 256-byte writes.
 */
#include <tine/print.h>
#include <tine/string.h>
#include <tine/sys.h>
#include <linux/limits.h>       /* PIPE_BUF */
#include "sink.h"

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

/* The buffer is full: the first time, move to a page; when that is full, write it out. */
void __tine_sink_full(struct sink *s)
{
    if (!s->page)
        grow(s);
    if (s->pos == s->cap)
        flush(s);
}

int tine_vdprintf(int fd, const char *fmt, va_list ap)
{
    char buf[256];
    struct sink s = { buf, sizeof buf, 0, 0, fd, 0, 0 };

    if (!fmt || fd < 0)
        return fmt ? -EBADF : -EINVAL;
    __tine_format(&s, fmt, ap);
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
