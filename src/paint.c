/* SPDX-License-Identifier: 0BSD */
/*
 * src/paint.c — how deep a stack went: paint it before it is used, and
 * find later the lowest word the frames changed (tine_stack_paint and
 * tine_stack_peak, and a thread's stack_peak option, thread.c). Where
 * stacks grow up (internal.h) the frames start at the bottom, and the
 * highest word they changed is the deepest.
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
    const unsigned long *w = (const unsigned long *)lo, *e = (const unsigned long *)hi;

    if (TINE_STACK_UP) {
        while (e > w && e[-1] == PAINT)
            e--;
        return (size_t)((const char *)e - lo);
    }
    while (w < e && *w == PAINT)
        w++;
    return (size_t)(hi - (const char *)w);
}

void tine_stack_paint(const struct tine_stack *s)
{
    if (s && s->low)
        __tine_paint(tine_stack_lo(s), tine_stack_lo(s) + s->size);
}

size_t tine_stack_peak(const struct tine_stack *s)
{
    if (!s || !s->low)
        return 0;
    return __tine_peak(tine_stack_lo(s), tine_stack_lo(s) + s->size);
}
