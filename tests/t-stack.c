/* SPDX-License-Identifier: 0BSD */
/*
 * t-stack: a mapped stack has its guard below and a cap above (the other
 * way round where stacks grow up), an aligned top, and a fault in the
 * guard kills. The guard is a PROT_NONE mapping of
 * its own, or, where the kernel makes guard regions (Linux 6.13), pages
 * marked inside the stack's one writable mapping: what /proc/self/maps
 * must show is asked of the kernel apart from tine (t_guard_marks); that
 * the kernel cannot read the guard holds either way.
 */
#include "t.h"

static char maps[16384];
static unsigned long region_lo;    /* where the line region() found starts */

/* Finds the line of /proc/self/maps that starts at addr; returns its end and permissions. */
static int region(unsigned long addr, unsigned long *end, char perms[5])
{
    char *p = maps;

    t_read_file("/proc/self/maps", maps, sizeof maps);
    while (*p) {
        unsigned long lo = 0, hi = 0;

        while (*p != '-') lo = lo * 16 + (unsigned long)(*p <= '9' ? *p - '0' : *p - 'a' + 10), p++;
        p++;
        while (*p != ' ') hi = hi * 16 + (unsigned long)(*p <= '9' ? *p - '0' : *p - 'a' + 10), p++;
        p++;
        if (lo <= addr && addr < hi) {     /* the kernel may merge a guard with a PROT_NONE neighbour */
            memcpy(perms, p, 4);
            perms[4] = 0;
            *end = hi;
            region_lo = lo;
            return 1;
        }
        while (*p && *p++ != '\n')
            ;
    }
    return 0;
}

static int touch_guard(void *arg)
{
    struct tine_stack *s = arg;

    if (t_stack_up(s))
        ((volatile char *)t_guard_lo(s))[0] = 1;    /* the first guard byte, above the stack */
    else
        ((volatile char *)s->low)[s->guard - 1] = 1;    /* the last guard byte */
    return 0;
}

int main(void)
{
    unsigned long page = tine_page_size(), end = 0;
    struct tine_stack s;
    char perms[5] = "";
    int status = -1, pid, marks, ok = 0;

    t_qemu();
    marks = t_guard_marks();
    tine_printf("-- guard regions (MADV_GUARD_INSTALL): %s\n",
                marks ? "made by this kernel" : "not made here (a kernel before 6.13, or qemu-user)");
    CHECK_EQ(tine_stack_map(&s, 10000, 0), 0, "map a 10000-byte stack");
    /* Whole pages: 3 of 4 KiB, 1 of 64 KiB (ppc64le's Debian kernel). */
    CHECK(s.size == (10000 + page - 1) / page * page && s.guard == page,
          "rounded up to whole pages over a 1-page guard (%zu, %zu)", s.size, s.guard);
    if (marks) {
        CHECK(region((unsigned long)s.low, &end, perms) && end >= (unsigned long)s.low + 2 * page + s.size &&
              strcmp(perms, "rw-p") == 0, "guard, stack and cap are one read/write mapping (%s): "
              "this kernel marks the guard", perms);
    } else {
        CHECK(region((unsigned long)s.low, &end, perms) && end == (unsigned long)s.low + page &&
              strcmp(perms, "---p") == 0, "the guard page is mapped with no access (%s)", perms);
        CHECK(region((unsigned long)s.low + page, &end, perms) && end == (unsigned long)s.low + page + s.size &&
              strcmp(perms, "rw-p") == 0, "the stack above it is read/write (%s)", perms);
        CHECK(region((unsigned long)s.low + page + s.size, &end, perms) && strcmp(perms, "---p") == 0,
              "the cap above it has no access (%s)", perms);
    }
    CHECK(t_readable(s.low) == 0 && t_readable((char *)s.low + page - 1) == 0 &&
          t_readable((char *)s.low + page + s.size) == 0, "the kernel can read neither guard nor cap");
    CHECK(t_readable((char *)s.low + page) == 1 && t_readable((char *)s.low + page + s.size - 1) == 1,
          "and reads both ends of the stack");
    if (t_stack_up(&s))
        CHECK(tine_stack_top(&s) == (char *)s.low + page, "the stack grows up: it starts at its bottom, "
              "page-aligned, the cap below it and the guard above");
    else
        CHECK(((unsigned long)tine_stack_top(&s) & 15) == 0 &&
              (char *)tine_stack_top(&s) <= (char *)s.low + s.guard + s.size &&
              (char *)tine_stack_top(&s) > (char *)s.low + s.guard + s.size - 16, "the top is 16-aligned at the end");
    t_stack_lo(&s)[0] = 1;
    t_stack_lo(&s)[s.size - 1] = 1;
    CHECK(1, "both ends of the stack are writable");

    pid = tine_spawn(touch_guard, &s, 0);
    CHECK(pid > 0, "spawn a child that writes into the guard (%d)", pid);
    CHECK_EQ(tine_wait(pid, &status), pid, "wait for it");
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "it died by SIGSEGV (status %#x)", status);
    pid = tine_fork();
    if (pid == 0) {
        ((volatile char *)s.low)[0] = 1;           /* the guard's first byte, in the copy */
        tine__exit(0);
    }
    CHECK(pid > 0 && tine_wait(pid, &status) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
          "a forked child's copy of the guard faults too (status %#x)", status);
    tine_stack_unmap(&s);
    CHECK(s.low == 0, "unmap clears the handle");
    tine_stack_unmap(&s);
    CHECK(1, "unmapping twice is harmless");

    CHECK_EQ(tine_stack_map(&s, 4096, 5 * 4096 - 1), 0, "map with a 5-page guard");
    CHECK(s.guard == ((5 * 4096 - 1 + page - 1) & ~(page - 1)), "guard rounded up to pages (%zu)", s.guard);
    if (!marks)
        CHECK(region((unsigned long)t_guard_lo(&s), &end, perms) && strcmp(perms, "---p") == 0 &&
              (t_stack_up(&s) ? region_lo == (unsigned long)t_guard_lo(&s) &&    /* may merge above */
                                end >= (unsigned long)t_guard_lo(&s) + s.guard
                              : end == (unsigned long)t_guard_lo(&s) + s.guard),
              "the whole guard is one mapping with no access");
    for (unsigned long off = 0; off < s.guard; off += page)
        ok += t_readable(t_guard_lo(&s) + off) == 0;
    CHECK(ok == s.guard / page && t_readable(t_stack_up(&s) ? t_guard_lo(&s) - 1 : t_guard_lo(&s) + s.guard) == 1,
          "the kernel can read none of the guard's %zu pages, and the stack beside it", (size_t)(s.guard / page));
    tine_stack_unmap(&s);
    return t_done();
}
