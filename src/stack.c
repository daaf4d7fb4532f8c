/* SPDX-License-Identifier: 0BSD */
/*
 * src/stack.c — stack mappings with a guard below, and a small cache of
 * them so that spawn+join does not pay mmap/mprotect/munmap every time.
 */
#include "internal.h"

/* Larger than this and a size is refused before mmap is asked. */
#define STACK_MAX_BYTES ((size_t)-1 >> 2)

/*
 * The whole region is mapped PROT_NONE first and only the part above the
 * guard is opened, so there is never a moment where the guard is usable.
 * One more PROT_NONE page caps it above: the kernel would otherwise merge
 * the writable part with a writable neighbour into one mapping, and the
 * overflow handler, which reads /proc/self/maps, could no longer tell how
 * big the stack is. (It costs address space, not memory.)
 */
int tine_stack_map(struct tine_stack *s, size_t size, size_t guard)
{
    size_t page = tine_page_size();
    char *p;
    int e;

    if (!s || !size || size > STACK_MAX_BYTES || guard > STACK_MAX_BYTES)
        return -EINVAL;
    size = tine_round_up(size, page);
    guard = guard ? tine_round_up(guard, page) : page;
    p = tine_mmap(0, guard + size + page, PROT_NONE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (tine_is_err(p))
        return tine_ptr_err(p);
    e = tine_mprotect(p + guard, size, PROT_READ | PROT_WRITE);
    if (e < 0) {
        tine_munmap(p, guard + size + page);
        return e;
    }
    s->low = p;
    s->size = size;
    s->guard = guard;
    return 0;
}

void tine_stack_unmap(struct tine_stack *s)
{
    if (s && s->low) {
        tine_munmap(s->low, s->guard + s->size + tine_page_size());     /* and the cap */
        s->low = 0;
    }
}

void *tine_stack_top(const struct tine_stack *s)
{
    if (!s || !s->low)
        return 0;               /* no stack: no top (and tine_clone refuses a NULL one) */
    unsigned long top = (unsigned long)s->low + s->guard + s->size;

    return (void *)(top & ~(unsigned long)(TINE_ARCH_STACK_ALIGN - 1));
}

/*
 * The cache: up to CACHE_SLOTS stacks of at most CACHE_MAX_BYTES each, kept
 * mapped after join and handed out again for the same size and guard.
 * Bounded, so a burst of threads returns its memory once joined.
 */
#define CACHE_SLOTS     8
#define CACHE_MAX_BYTES (1024 * 1024)

static struct tine_stack cache[CACHE_SLOTS];
static int cached;
static int cache_lock;

static void lock(void)
{
    while (__atomic_exchange_n(&cache_lock, 1, __ATOMIC_ACQUIRE))
        tine_sched_yield();
}

static void unlock(void)
{
    __atomic_store_n(&cache_lock, 0, __ATOMIC_RELEASE);
}

/*
 * The mapping of a thread or a spawned process, from the cache:
 *
 *   | guard | stack (size) | alternate stack (alt bytes or more) | record | tail |
 *
 * size and guard are whole pages, so the stack's top is page-aligned and
 * the frames get exactly what was asked. Writes the tail (internal.h) and
 * returns where the caller's record of `record` bytes goes, 16-aligned,
 * or (void *)-errno.
 */
void *__tine_stack_get_top(struct tine_stack *s, size_t size, size_t guard, size_t alt, size_t record)
{
    size_t top = tine_round_up(alt + record + sizeof(struct tine_stack_tail) + 16, tine_page_size());
    int e = __tine_stack_get(s, size + top, guard);

    if (e < 0)
        return (void *)(long)e;
    *tine_stack_tail(s) = (struct tine_stack_tail){ s->low, size };
    return (void *)(((unsigned long)tine_stack_tail(s) - record) & -16UL);
}

/* size and guard are already whole pages. */
int __tine_stack_get(struct tine_stack *s, size_t size, size_t guard)
{
    lock();
    for (int i = cached - 1; i >= 0; i--) {
        if (cache[i].size == size && cache[i].guard == guard) {
            *s = cache[i];
            cache[i] = cache[--cached];
            unlock();
            return 0;
        }
    }
    unlock();
    return tine_stack_map(s, size, guard);
}

void __tine_stack_put(struct tine_stack *s)
{
    if (s->size + s->guard <= CACHE_MAX_BYTES) {
        lock();
        if (cached < CACHE_SLOTS) {
            cache[cached++] = *s;
            unlock();
            return;
        }
        unlock();
    }
    tine_stack_unmap(s);
}

void tine_stack_cache_flush(void)
{
    struct tine_stack s;

    for (;;) {
        lock();
        if (!cached) {
            unlock();
            return;
        }
        s = cache[--cached];
        unlock();
        tine_stack_unmap(&s);
    }
}

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
