/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/print.h> — formatted output without libc.
 *
 * Conversions: %d %i %u %x %X %o %c %s %p %%, with the hh, h, l, ll, z, j
 * and t length modifiers, a width and precision (digits or *), and the
 * flags '-', '0', '+', ' ' and '#' — the same bytes C's printf gives.
 * A width or precision that does not fit an int fails with -EOVERFLOW, as
 * C's does (and so does output longer than INT_MAX bytes).
 *
 * tine_printf, tine_dprintf and tine_vdprintf write what one call produces
 * with one write(2) when it is at most PIPE_BUF (4096) bytes, so lines
 * printed at once by several threads or processes into one pipe or file do
 * not interleave. Longer output goes out in PIPE_BUF-sized writes, each
 * whole, but another writer's may fall between them. Up to 256 bytes are
 * formatted on the stack; beyond that a call maps a page for the rest and
 * unmaps it before returning (if the mapping fails, such a call goes out in
 * 256-byte writes). Stack use stays under 400 bytes either way (TINE_STACK_MIN).
 */
#ifndef TINE_PRINT_H
#define TINE_PRINT_H

#include <stddef.h>
#include <stdarg.h>

#define TINE_PRINTF(f, a) __attribute__((format(printf, f, a)))

int tine_printf(const char *fmt, ...) TINE_PRINTF(1, 2);               /* to fd 1 */
int tine_dprintf(int fd, const char *fmt, ...) TINE_PRINTF(2, 3);
int tine_snprintf(char *buf, size_t n, const char *fmt, ...) TINE_PRINTF(3, 4);
int tine_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int tine_vdprintf(int fd, const char *fmt, va_list ap);

/* "EINVAL (Invalid argument)" for 22 or -22; "unknown error" otherwise. */
const char *tine_strerror(int err);

#endif
