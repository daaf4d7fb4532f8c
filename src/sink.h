/* SPDX-License-Identifier: 0BSD */
/*
 * src/sink.h — where printf's formatter (print.c) puts what it produces:
 * a caller's buffer (fd < 0: truncated, only counted beyond it) or a
 * buffer for a file descriptor (printf.c), which __tine_sink_full empties
 * or enlarges when it is full. Never installed.
 */
#ifndef TINE_SINK_H
#define TINE_SINK_H

#include <stddef.h>
#include <stdarg.h>

struct sink {
    char  *buf;
    size_t cap;                 /* bytes buf can take */
    size_t pos;                 /* bytes in buf now */
    size_t total;               /* bytes produced, as printf counts them */
    int    fd;                  /* < 0: a string sink, which truncates */
    int    err;                 /* the first write error, as -errno */
    int    page;                /* buf is a page of our own, to unmap (or could not be had: -1) */
};

void __tine_format(struct sink *s, const char *f, va_list ap) __attribute__((visibility("hidden")));
/* printf.c; weak: a program that only formats into strings links none of it. */
void __tine_sink_full(struct sink *s) __attribute__((weak, visibility("hidden")));

#endif
