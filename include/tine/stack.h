/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/stack.h> — stacks you can see.
 *
 * A stack is one mapping: a guard region below the usable part, and one
 * page above it, the cap, where a walk up the stack ends; neither can be
 * touched. Where the kernel makes guard regions (Linux 6.13's
 * MADV_GUARD_INSTALL) the guard and cap are pages marked inside one
 * read/write mapping, and stacks mapped one after another merge into one
 * mapping (no count of stacks meets the kernel's limit of 65,530
 * mappings, and giving many back is one munmap); elsewhere (an older
 * kernel, qemu-user) they are PROT_NONE mappings of their own.
 *
 *     low                low + guard                   low + guard + size
 *      | guard (no access) | stack (read/write, grows down) | cap (no access) |
 *
 * On a port whose stack grows up (hppa) it is the mirror image, the guard
 * above, and tine_stack_top gives the stack's low end, where it starts:
 *
 *     low               low + page                  low + page + size
 *      | cap (no access) | stack (read/write, grows up) | guard (no access) |
 *
 * A thread that runs off the bottom faults in the guard instead of silently
 * writing over whatever lay below, and tine names the fault on stderr in
 * one line before the process dies by SIGSEGV as it would anyway:
 *
 *   tine: stack overflow in thread 4242: 8 KiB stack exhausted (fault at 0x7f..., guard page)
 *
 * The handler that prints it runs on an alternate signal stack (an
 * overflowed stack has no room for a signal frame) and is linked in by
 * tine_clone, so by every thread and tine_spawn; a program that only forks
 * or spawns nothing carries none of it unless it calls tine_stack_watch().
 * It knows three kinds of stack: a tine thread's, any stack from
 * tine_stack_map (a guard, marked or PROT_NONE, right below it), and the
 * main thread's at its RLIMIT_STACK. Any other SIGSEGV keeps its default
 * action and gets no message.
 */
#ifndef TINE_STACK_H
#define TINE_STACK_H

#include <stddef.h>

/* The default for threads and spawned processes: the lecture's 64 KiB. */
#define TINE_STACK_DEFAULT (64 * 1024)

/*
 * The smallest stack tine accepts for a thread or a spawned process,
 * derived from the compiler's -fstack-usage figures (`make stack-report`):
 * the deepest path tine itself takes on a thread's stack, thread start and
 * then tine_printf, needs at most 1456 bytes on any port (s390x, whose ABI
 * gives every frame a 160-byte save area; 936 on x86_64). 4 KiB leaves the
 * user's own frames more than that again, and `make check` fails if a
 * change to tine makes 4 KiB less than twice tine's need. The first seed's
 * 8 KiB clone child is comfortably above it.
 */
#define TINE_STACK_MIN     (4 * 1024)

struct tine_stack {
    void  *low;                 /* start of the mapping (the guard; the cap where stacks grow up) */
    size_t size;                /* usable bytes next to the guard */
    size_t guard;               /* bytes of guard */
};

/*
 * Maps a stack of size bytes (rounded up to pages) above a guard of guard
 * bytes (0 = one page; rounded up to pages). 0 or -EINVAL/-ENOMEM; on
 * failure nothing stays mapped.
 */
int   tine_stack_map(struct tine_stack *s, size_t size, size_t guard);
void  tine_stack_unmap(struct tine_stack *s);

/* The initial stack pointer: the top (the bottom where stacks grow up), aligned for this architecture's ABI (NULL for s NULL or unmapped). */
void *tine_stack_top(const struct tine_stack *s);

/*
 * Painting: fill the stack with a pattern, let it run, then find the lowest
 * word that changed. tine_stack_peak returns the bytes used below the top
 * at the worst moment; on a stack never painted it says the whole size.
 * A thread can be painted for you: see stack_peak in <tine/thread.h>.
 */
void   tine_stack_paint(const struct tine_stack *s);
size_t tine_stack_peak(const struct tine_stack *s);

/*
 * Installs the overflow handler now, and gives the calling thread an
 * alternate signal stack if it has none (mapped, sized from AT_MINSIGSTKSZ).
 * Start-up does this for every program that links tine_clone. Call it
 * first thing in a tine_clone child made with CLONE_VM, which the kernel
 * starts without an alternate stack (that one is not unmapped when the
 * child exits: a page or two per such child). 0 or -errno.
 */
int   tine_stack_watch(void);

/*
 * The stack cache. A joined thread's stack, or a spawned process's, stays
 * mapped for the next spawn it fits: one with the same guard that needs at
 * least as much and no less than four fifths of it (the spare bytes go to
 * the alternate signal stack above; the stack itself is always the size
 * asked). Cached stacks add up to at most the budget, counted in bytes of
 * address space (guard, stack and the rest of the mapping, as munmap would
 * give them back); a join that would go over it lets the oldest go, down
 * to half the budget, in as few munmaps as their addresses allow (a stack
 * bigger than half the budget is then unmapped at once, and the cache with
 * it).
 *
 * The default, 8 MiB: what glibc keeps is 40 MiB; 8 MiB is the most tine's
 * cache ever held before it counted bytes (8 stacks of up to 1 MiB). It is
 * 256 joined 16 KiB threads, or 100 of the default 64 KiB, and what that
 * buys is the cost of a burst of joins: every munmap in a process with
 * threads interrupts the other CPUs to flush their TLBs, and a cache that
 * gives back half of 8 MiB at a time makes that one munmap per 128 16 KiB
 * threads (`make bench QUICK=1` on a loaded 2-core VM: 10,000 threads
 * joined in 1.7 times the raw floor's time, down from 7; the rest is the
 * kernel freeing their pages). Only what the threads touched is resident:
 * a parked thread that used little of its stack costs two pages of user
 * memory (RSS; under qemu-user the RSS is qemu's own). The kernel's side is
 * apart and not in RSS: a kernel stack per thread (THREAD_SIZE, 16 KiB on
 * x86_64) and a task_struct.
 */
#define TINE_STACK_CACHE_DEFAULT (8 * 1024 * 1024)

/*
 * Sets the cache's budget in bytes, and returns the one before. The cache
 * shrinks to the new budget at once; 0 caches nothing.
 */
size_t tine_stack_cache_budget(size_t bytes);

/* Unmaps every cached stack now; the budget stays. */
void  tine_stack_cache_flush(void);

#endif
