/* SPDX-License-Identifier: 0BSD */
/*
 * src/paint.c — how deep a stack went: paint it before it is used, and
 * find later the lowest word the frames changed (tine_stack_paint and
 * tine_stack_peak, and a thread's stack_peak option, thread.c).
 */
#include "internal.h"

/*
 * Painting. A word pattern that neither zero-filled pages nor pointers
 * nor small integers look like; the lowest word that differs is the
 * deepest the stack ever went (a frame that reserved space and never wrote
 * it goes unseen: the peak is a lower bound, exact for frames that write).
 */
#define PAINT ((unsigned long)0x7e57a11c7e57a11cULL)

void __tine_paint(char *lo, char *hi)
{
    for (unsigned long *w = (unsigned long *)lo; (char *)w < hi; w++)
        *w = PAINT;
}

size_t __tine_peak(const char *lo, const char *hi)
{
    const unsigned long *w = (const unsigned long *)lo;

    while ((const char *)w < hi && *w == PAINT)
        w++;
    return (size_t)(hi - (const char *)w);
}

void tine_stack_paint(const struct tine_stack *s)
{
    if (s && s->low)
        __tine_paint((char *)s->low + s->guard, (char *)s->low + s->guard + s->size);
}

size_t tine_stack_peak(const struct tine_stack *s)
{
    if (!s || !s->low)
        return 0;
    return __tine_peak((char *)s->low + s->guard, (char *)s->low + s->guard + s->size);
}
