/* SPDX-License-Identifier: 0BSD */
/*
 * src/stack.c — stack mappings with a guard where they run off
 * (internal.h), and a cache of them, bounded in bytes, so that spawn+join
 * does not pay mmap, guard and munmap every time.
 */
#include "internal.h"

/* Larger than this and a size is refused before mmap is asked. */
#define STACK_MAX_BYTES ((size_t)-1 >> 2)

/* The kernel's guard regions (include/uapi/asm-generic/mman-common.h, Linux 6.13). */
#ifndef MADV_GUARD_INSTALL
#define MADV_GUARD_INSTALL 102
#endif

/*
 * How a guard is made: 1, by the kernel's guard regions; -1, by PROT_NONE;
 * 0, not known yet (the first guard tries). Every thread that asks finds
 * the same answer, so a race to set it is harmless.
 */
static int marks;

/*
 * Makes n bytes at p fault on any access. Where the kernel has guard
 * regions (MADV_GUARD_INSTALL, Linux 6.13), it marks the pages in their
 * page table and the mapping stays one: a stack is then one mapping, and
 * stacks mapped one after another merge into one, which munmap gives back
 * in half the time it takes for two mappings a stack (30,000 joined
 * stacks: 40-60 ms, not ~100), and no count of threads meets the
 * kernel's limit of 65,530 mappings (vm.max_map_count: two a stack stop
 * near 32,700). The first guard checks that the mark took: qemu-user
 * answers an advice it does not know with 0 and does nothing, and a
 * kernel before 6.13 with EINVAL; then every guard is a PROT_NONE mapping
 * of its own, as it always was.
 */
static int fence(char *p, size_t n)
{
    int m = __atomic_load_n(&marks, __ATOMIC_RELAXED);
    char c;

    if (m >= 0) {
        if (tine_syscall3(__NR_madvise, (long)p, (long)n, MADV_GUARD_INSTALL) == 0 &&
            (m > 0 || __tine_copy_in(&c, p, 1) == -EFAULT)) {    /* the kernel cannot read it */
            __atomic_store_n(&marks, 1, __ATOMIC_RELAXED);
            return 0;
        }
        __atomic_store_n(&marks, -1, __ATOMIC_RELAXED);
    }
    return tine_mprotect(p, n, PROT_NONE);
}

/*
 * | guard | stack | cap |: a page that faults caps the stack above, where
 * the overflow handler, walking up from a fault, finds the top of the
 * mapping and the tail record below it (with PROT_NONE guards it also
 * keeps the kernel from merging the stack with a writable neighbour, which
 * /proc/self/maps would then show as one). It costs address space, not
 * memory (where stacks grow up: | cap | stack | guard |). No one knows the
 * mapping before it is returned, so a guard writable for a moment is harmless.
 */
static int map(struct tine_stack *s, size_t size, size_t guard)       /* whole pages */
{
    size_t page = tine_page_size(), len = guard + size + page;
    char *p = tine_mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    int e;

    if (tine_is_err(p))
        return tine_ptr_err(p);
    *s = (struct tine_stack){ p, size, guard };
    if ((e = fence(TINE_STACK_UP ? p + page + size : p, guard)) < 0 ||
        (e = fence(TINE_STACK_UP ? p : p + len - page, page)) < 0)
        tine_munmap(p, len);
    return e;
}

int tine_stack_map(struct tine_stack *s, size_t size, size_t guard)
{
    size_t page = tine_page_size();

    if (!s || !size || size > STACK_MAX_BYTES || guard > STACK_MAX_BYTES)
        return -EINVAL;
    return map(s, tine_round_up(size, page), guard ? tine_round_up(guard, page) : page);
}

static size_t bytes(const struct tine_stack *s)
{
    return s->guard + s->size + tine_page_size();       /* and the cap */
}

void tine_stack_unmap(struct tine_stack *s)
{
    if (s && s->low) {
        tine_munmap(s->low, bytes(s));
        s->low = 0;
    }
}

void *tine_stack_top(const struct tine_stack *s)
{
    if (!s || !s->low)
        return 0;               /* no stack: no top (and tine_clone refuses a NULL one) */
    unsigned long top = (unsigned long)tine_stack_start(tine_stack_lo(s), s->size);

    return (void *)(top & ~(unsigned long)(TINE_ARCH_STACK_ALIGN - 1));
}

/*
 * The cache. A joined thread's mapping, or a spawned child's, stays mapped
 * for the next spawn that fits it, as long as all the mappings cached add
 * up to no more than the budget, in bytes of address space (guard, stack
 * and cap: what munmap would give back). The default and the reasons for
 * it are in <tine/stack.h>; tine_stack_cache_budget changes it.
 *
 * The cache needs no memory of its own: each cached mapping is linked
 * through its tail (internal.h), at the top of its writable part, where
 * the overflow handler's words were while a thread ran on it.
 *
 * A put that takes the cache over its budget lets it go down to half the
 * budget, the oldest mappings first, and unmaps those in runs: mappings
 * made one after another lie next to one another (the kernel places each
 * new one right below the last), so a burst of joins gives back its memory
 * in one munmap per half a budget, not one per stack. Every munmap of a
 * process with threads costs a TLB shootdown on every other CPU it runs on
 * (perf: 50% of a 10,000-thread join was that, one munmap per stack).
 */
static struct tine_stack_tail *cache;   /* newest first */
static size_t cached;                   /* bytes of address space in the cache */
static size_t unbudget;                 /* the default minus the budget: zero, so no .data */
#define budget (TINE_STACK_CACHE_DEFAULT - unbudget)
static int cache_lock;

/*
 * A spinlock that yields: held for a few loads and stores, never across a
 * system call but one: the clone of a fork (__tine_fork_clone, below, and
 * tine_clone's and tine_clone3's without CLONE_VM, in clone.c).
 * spawn.c's list of CLONE_VM children is under it too, so that a fork
 * copies both whole.
 */
void __tine_stack_lock(void)
{
    while (__atomic_exchange_n(&cache_lock, 1, __ATOMIC_ACQUIRE))
        tine_sched_yield();
}

void __tine_stack_unlock(void)
{
    __atomic_store_n(&cache_lock, 0, __ATOMIC_RELEASE);
}

/*
 * Called with the lock held, and lets go of it: the cache goes down to at
 * most keep bytes, the oldest mappings first. They are taken out under the
 * lock and unmapped after it, one munmap per run of neighbours (each tail
 * is read before its run goes). Inlined: thread programs link only the
 * join's copy.
 */
static inline __attribute__((always_inline)) void settle(size_t keep)
{
    struct tine_stack_tail **p = &cache, *c;
    char *lo = 0, *hi = 0;
    size_t n = 0, b;

    while ((c = *p) != 0 && (b = n + bytes(&c->st)) <= keep) {
        n = b;
        p = &c->next;
    }
    *p = 0;
    cached = n;
    __tine_stack_unlock();
    for (; c; c = c->next) {
        char *a = c->st.low;

        if (a != hi) {                  /* not just above the run: a new run */
            if (lo)
                tine_munmap(lo, (size_t)(hi - lo));
            lo = a;
        }
        hi = a + bytes(&c->st);
    }
    if (lo)
        tine_munmap(lo, (size_t)(hi - lo));
}

size_t tine_stack_cache_budget(size_t bytes)
{
    size_t old;

    __tine_stack_lock();
    old = budget;
    unbudget = TINE_STACK_CACHE_DEFAULT - bytes;        /* modulo 2^N: any budget */
    settle(bytes);
    return old;
}

void tine_stack_cache_flush(void)
{
    __tine_stack_lock();
    settle(0);
}

/*
 * The mapping of a thread or a spawned process, from the cache (or its
 * mirror image where stacks grow up, internal.h):
 *
 *   | guard | stack (size) | alternate stack (alt bytes or more) | record | tail |
 *
 * size and guard are whole pages, so the stack's ends are page-aligned and
 * the frames get exactly what was asked. A cached mapping a little bigger
 * than needed gives its spare bytes to the alternate stack, never to the
 * stack: the guard stays next to exactly size bytes, and an overflow says
 * the size asked. Writes the tail (internal.h) and returns where the
 * caller's record of `record` bytes goes, 16-aligned (the 32 bytes below),
 * or (void *)-errno; tine_stack_alt (internal.h) finds the alternate stack.
 */
void *__tine_stack_get_top(struct tine_stack *s, size_t size, size_t guard, size_t alt, size_t record)
{
    size_t top = tine_round_up(alt + record + sizeof(struct tine_stack_tail) + 32, tine_page_size());
    size_t need = size + top;
    struct tine_stack_tail **p, *c;
    int e;

    /*
     * The newest with the same guard and at least the bytes needed, but no
     * more than a quarter over: the sizes programs ask for (16, 64, 256
     * KiB) never serve one another, where a cached 256 KiB stack would pin
     * memory a 16 KiB thread never uses, while a request a page or two
     * smaller than one cached takes it.
     */
    __tine_stack_lock();
    for (p = &cache; (c = *p) != 0; p = &c->next)
        if (c->st.guard == guard && c->st.size - need <= need / 4) {   /* unsigned: size >= need */
            *p = c->next;
            cached -= bytes(&c->st);
            *s = c->st;
            break;
        }
    __tine_stack_unlock();
    if (!c) {
        if ((e = map(s, need, guard)) < 0)
            return (void *)(long)e;
        c = tine_stack_tail(s);
        c->st = *s;             /* a cached mapping's tail has it already */
    }
    c->stack_size = size;
    return (void *)(TINE_STACK_UP ? tine_round_up((unsigned long)(c + 1), 16)    /* above the tail */
                                  : (((unsigned long)c - record) & -16UL));
}

/*
 * A joined thread's mapping, or a spawned child's: into the cache, whose
 * link is the tail (which holds s already). Over the budget, the cache
 * goes down to half of it; a mapping bigger than that half goes at once,
 * and the older ones with it (the walk keeps the newest that fit, and
 * stops at the first that does not: no more code than that, for a stack
 * of more than 4 MiB by default). s may lie in the mapping: it is not
 * read once the mapping is cached.
 */
void __tine_stack_put(struct tine_stack *s)
{
    struct tine_stack_tail *c = tine_stack_tail(s);
    size_t n = bytes(s);

    __tine_stack_lock();
    c->next = cache;
    cache = c;
    if ((cached += n) <= budget)
        __tine_stack_unlock();
    else
        settle(budget / 2);
}

/*
 * A fork copies only the thread that calls it: had another held the
 * cache's lock, the child's copy would stay locked forever, and the cache
 * half-changed. So every clone without CLONE_VM (tine_fork's, below;
 * clone.c's) holds the lock across it, and both processes let go of it:
 * the parent with __tine_stack_unlock, the child here, after forgetting
 * the CLONE_VM children spawn.c listed, which are not its own.
 */
void __tine_stack_forked(void)
{
    if (__tine_spawn_forked)
        __tine_spawn_forked();
    __tine_stack_unlock();
}

/* tine_fork's clone, in every program that has the cache (process.c has a plain one, weak). */
long __tine_fork_clone(void)
{
    long r;

    __tine_stack_lock();
    r = tine_clone_raw(SIGCHLD, 0, 0, 0, 0);
    if (r == 0)
        __tine_stack_forked();
    else
        __tine_stack_unlock();
    return r;
}
