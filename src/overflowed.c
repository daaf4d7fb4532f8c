/* SPDX-License-Identifier: 0BSD */
/*
 * src/overflowed.c — is a fault at address a, with the stack pointer at
 * sp, a stack overflow, and of how big a stack? The overflow handler's
 * question (overflow.c), answered from the fault address alone with only
 * async-signal-safe system calls: from /proc/self/maps (open, read,
 * close), or, where that cannot be opened (no fd free, no /proc mounted),
 * by asking the kernel page by page what is readable. Both find a guard
 * (PROT_NONE right below a writable mapping, or the gap below the main
 * thread's stack) that sp has come down to; the size comes from the
 * stack's tail record (internal.h), or RLIMIT_STACK for the main thread.
 * A guard the kernel marks inside a writable mapping (stack.c's fence:
 * Linux 6.13's guard regions) does not show in /proc/self/maps, where
 * neighbouring stacks are one mapping: a fault in a page /proc/self/maps
 * calls accessible but the kernel cannot read is asked about page by page.
 *
 * Where stacks grow up (internal.h: hppa) everything is the mirror image:
 * a guard lies above its stack, the tail at the bottom of the writable
 * mapping, the gap above the main thread's stack, and sp comes up to a
 * guard. Each step below says both ways; TINE_STACK_UP picks one.
 */
#include "internal.h"
#include <linux/resource.h>

/* The kernel's stack_guard_gap (256 pages by default) and some: how far below the main stack a fault can be. */
#define GAP ((1UL << 20) + 65536)

struct region { unsigned long lo, hi; char perms[4]; int stack; };

static const char *hex(const char *p, unsigned long *v)
{
    unsigned long n = 0;

    for (;; p++) {
        unsigned d = (unsigned)(*p - '0') < 10 ? (unsigned)(*p - '0')
                   : (unsigned)(*p - 'a') < 6 ? (unsigned)(*p - 'a' + 10) : 16;
        if (d == 16)
            break;
        n = n << 4 | d;
    }
    *v = n;
    return p;
}

/* "lo-hi perms offset dev inode path": the fields the handler needs. */
static void parse(const char *line, struct region *r)
{
    const char *p = hex(hex(line, &r->lo) + 1, &r->hi) + 1;

    for (int i = 0; i < 4; i++)
        r->perms[i] = p[i] ? p[i] : '-';
    r->stack = 0;
    for (; *p; p++)
        if (p[0] == '[' && p[1] == 's' && p[2] == 't' && p[3] == 'a' && p[4] == 'c' && p[5] == 'k')
            r->stack = 1;
}

/*
 * The size of the stack in writable mapping r, whose guard starts at
 * guard (0: none). The main thread's is RLIMIT_STACK when that is finite.
 * A thread's or a spawned child's mapping ends in a tail (internal.h) that
 * gives the stack's own size, without the descriptor and alternate stack
 * beyond it; any other mapping is all stack. Where stacks grow up the tail
 * is at the mapping's bottom, one page (the cap) above its start.
 */
static size_t stack_size(const struct region *r, unsigned long guard)
{
    const struct tine_stack_tail *tail = TINE_STACK_UP ? (const struct tine_stack_tail *)r->lo
                                                       : (const struct tine_stack_tail *)r->hi - 1;
    unsigned long low = (unsigned long)tail->st.low;
    struct rlimit64 l;

    if (r->stack)
        return tine_syscall4(__NR_prlimit64, 0, RLIMIT_STACK, 0, (long)&l) == 0 &&
               l.rlim_cur != (__u64)-1 ? (size_t)l.rlim_cur : r->hi - r->lo;
    if ((TINE_STACK_UP ? low < r->lo && r->lo - low <= tine_page_size()   /* the cap below */
                       : low >= guard && low < r->lo) &&                  /* a guard may merge below */
        tail->stack_size < r->hi - r->lo)
        return tail->stack_size;
    return r->hi - r->lo;
}

/*
 * Has the stack pointer come into the guard [lo, hi) (or the gap beside
 * the main stack), or to within 64 KiB of it from the stack's side? When
 * stacks grow down the stack is above hi and sp must be in [lo, hi + 64
 * KiB); when they grow up it is below lo and sp in (lo - 64 KiB, hi]. The
 * 64 KiB allow for a frame that stored beyond sp before moving it. A frame
 * bigger than the guard can carry sp past it: such a jump is not named (a
 * bigger guard_size catches it).
 */
static int near(unsigned long sp, unsigned long lo, unsigned long hi)
{
    if (TINE_STACK_UP)
        return sp + 65536 > lo && sp <= hi;
    return sp >= lo && sp < hi + 65536;
}

/* An address on the main thread's stack, above any frame of main's (its envp): set at start-up. */
unsigned long __tine_main_top;

/* How far the walk below goes, up or down, before it gives up: 1 GiB. */
#define WALK_MAX (1UL << 30)

static int readable(unsigned long p)
{
    char c;

    return __tine_copy_in(&c, (const void *)p, 1) == 0;
}

/*
 * overflowed() without /proc/self/maps, which may be unopenable: every fd
 * taken, or no /proc mounted (a chroot, an initramfs, a container). The
 * kernel is asked instead, one page at a time, what is readable
 * (__tine_copy_in: an EFAULT, never a fault): from the faulting page up
 * through the guard to the stack's lowest page `lo` (and down to the
 * guard's bottom, 64 KiB at most: sp must be in it), then up through the
 * stack to the first unreadable page `hi` (the cap above every tine
 * mapping). If __tine_main_top lies in [lo, hi) it is the main thread's stack, of
 * RLIMIT_STACK bytes when that is finite; otherwise the tail record at hi,
 * if it makes sense (its guard below lo and holding a, its size in pages),
 * gives the stack's size; otherwise the whole readable run is the stack.
 * Only the fatal path pays for the walk: a few syscalls a page.
 */
/*
 * The same walk where stacks grow up, the mirror image: down from the
 * faulting page through the guard to the stack's highest page (hi is the
 * byte above it), up to the guard's top (64 KiB at most), then down
 * through the stack to the first unreadable page (the cap below every tine
 * mapping); the tail record is at the bottom, lo.
 */
static size_t overflowed_blind_up(unsigned long a, unsigned long sp)
{
    unsigned long page = tine_page_size(), ap = a & -page, hi = ap + page, g = ap + page, lo;
    struct tine_stack_tail tail;
    struct rlimit64 l;

    while (!readable(hi - page))
        if ((hi -= page) == 0 || ap + page - hi > WALK_MAX)
            return 0;
    if (hi == ap + page)
        return 0;                                  /* a is readable: no guard */
    while (g + page != 0 && g - (ap + page) < 65536 && !readable(g))
        g += page;                                 /* the guard's top, or 64 KiB of it */
    if (!near(sp, hi, g))
        return 0;                                  /* sp is not in it: someone else's guard */
    for (lo = hi; hi - lo < WALK_MAX && lo > page && readable(lo - page); lo -= page)
        ;
    if (__tine_main_top < hi && (__tine_main_top >= lo || hi - lo >= WALK_MAX))
        return tine_syscall4(__NR_prlimit64, 0, RLIMIT_STACK, 0, (long)&l) == 0 &&
               l.rlim_cur != (__u64)-1 ? (size_t)l.rlim_cur : hi - lo;
    if (__tine_copy_in(&tail, (const void *)lo, sizeof tail) == 0 &&
        (unsigned long)tail.st.low < lo && lo - (unsigned long)tail.st.low <= WALK_MAX &&
        tail.stack_size && tail.stack_size % page == 0 && tail.stack_size <= hi - lo)
        return tail.stack_size;
    return hi - lo;
}

static size_t overflowed_blind(unsigned long a, unsigned long sp)
{
    unsigned long page = tine_page_size(), lo = a & -page, hi, g = a & -page;
    struct tine_stack_tail tail;
    struct rlimit64 l;

    if (TINE_STACK_UP)
        return overflowed_blind_up(a, sp);
    while (!readable(lo))
        if ((lo += page) - (a & -page) > WALK_MAX || lo == 0)
            return 0;
    if (lo == (a & -page))
        return 0;                                  /* a is readable: no guard */
    while (g > page && (a & -page) - g < 65536 && !readable(g - page))
        g -= page;                                 /* the guard's bottom, or 64 KiB of it */
    if (!near(sp, g, lo))
        return 0;                                  /* sp is not in it: someone else's guard */
    for (hi = lo; hi - lo < WALK_MAX && hi + page && readable(hi); hi += page)
        ;
    if (__tine_main_top >= lo && (__tine_main_top < hi || hi - lo >= WALK_MAX))
        return tine_syscall4(__NR_prlimit64, 0, RLIMIT_STACK, 0, (long)&l) == 0 &&
               l.rlim_cur != (__u64)-1 ? (size_t)l.rlim_cur : hi - lo;
    if (__tine_copy_in(&tail, (const void *)(hi - sizeof tail), sizeof tail) == 0 &&
        (unsigned long)tail.st.low <= a && lo - (unsigned long)tail.st.low <= WALK_MAX &&
        tail.stack_size && tail.stack_size % page == 0 && tail.stack_size <= hi - lo)
        return tail.stack_size;
    return hi - lo;
}

/*
 * The size of the stack whose guard `a` is in, or 0 if `a` is not in one.
 * Walks /proc/self/maps in order of address, one line at a time; where it
 * cannot be opened, asks the kernel page by page instead (overflowed_blind).
 */
size_t __tine_overflowed(unsigned long a, unsigned long sp)
{
    char buf[256], line[112];
    struct region cur, prev = { 0, 0, "", 0 }, guard = { 0, 0, "", 0 };
    size_t n = 0, size = 0;
    long got = 0, i = 0;
    int fd = (int)tine_syscall4(__NR_openat, AT_FDCWD, (long)"/proc/self/maps", O_RDONLY, 0);

    if (fd < 0)
        return overflowed_blind(a, sp);
    for (;;) {
        if (i == got) {
            got = tine_syscall3(__NR_read, fd, (long)buf, sizeof buf);
            i = 0;
            if (got <= 0)
                break;
        }
        if (buf[i] != '\n') {
            if (n < sizeof line - 1)
                line[n++] = buf[i];
            i++;
            continue;
        }
        i++;
        line[n] = 0;
        n = 0;
        parse(line, &cur);
        if (guard.hi) {                            /* the mapping above a guard */
            if (cur.lo == guard.hi && cur.perms[1] == 'w' && near(sp, guard.lo, guard.hi))
                size = stack_size(&cur, guard.lo);
            break;
        }
        if (a >= cur.lo && a < cur.hi) {
            if (TINE_STACK_UP && prev.stack && prev.hi == cur.lo && near(sp, cur.lo, cur.lo + GAP)) {
                size = stack_size(&prev, 0);       /* the main stack ran into the mapping right */
                break;                             /* above it (qemu-user 10's [vdso]: no gap) */
            }
            if (cur.perms[0] != '-' || cur.perms[1] != '-' || cur.perms[2] != '-') {
                if (!readable(a))                  /* a guard region marked in it */
                    size = overflowed_blind(a, sp);
                break;                             /* otherwise accessible: not a guard */
            }
            if (TINE_STACK_UP) {                   /* the mapping below the guard */
                if (prev.hi == cur.lo && prev.perms[1] == 'w' && near(sp, cur.lo, cur.hi))
                    size = stack_size(&prev, 0);
                break;
            }
            guard = cur;
            continue;
        }
        if (a < cur.lo) {                          /* in the hole below cur: the main */
            if (!TINE_STACK_UP && cur.stack && cur.lo - a <= GAP && near(sp, cur.lo - GAP, cur.lo))
                size = stack_size(&cur, 0);                        /* stack, at its limit */
            break;                                 /* (where stacks grow up: prev, below) */
        }
        prev = cur;
    }
    if (TINE_STACK_UP && !size && prev.stack && a >= prev.hi && a - prev.hi <= GAP &&
        near(sp, prev.hi, prev.hi + GAP))          /* in the hole above the main stack, which */
        size = stack_size(&prev, 0);               /* may be the last mapping of all */
    tine_syscall1(__NR_close, fd);
    return size;
}
