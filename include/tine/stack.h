/*
 * <tine/stack.h> — stacks you can see.
 *
 * A stack is one mapping: a guard region (PROT_NONE) below the usable part.
 *
 *     low                low + guard                   low + guard + size
 *      | guard (no access) | stack (read/write, grows down) |
 *
 * A thread that runs off the bottom faults in the guard instead of silently
 * writing over whatever lay below.
 */
#ifndef TINE_STACK_H
#define TINE_STACK_H

#include <stddef.h>

/* The default for threads and spawned processes: the lecture's 64 KiB. */
#define TINE_STACK_DEFAULT (64 * 1024)

/*
 * The smallest stack tine accepts for a thread or a spawned process. tine's
 * own deepest path on a thread's stack is the thread start plus tine_printf,
 * under 1 KiB (see docs and `-fstack-usage`); 4 KiB leaves the user's fn
 * three of them. The first seed's 8 KiB clone child is comfortably above it.
 */
#define TINE_STACK_MIN     (4 * 1024)

struct tine_stack {
    void  *low;                 /* start of the mapping (the guard) */
    size_t size;                /* usable bytes above the guard */
    size_t guard;               /* bytes of PROT_NONE below */
};

/*
 * Maps a stack of size bytes (rounded up to pages) above a guard of guard
 * bytes (0 = one page; rounded up to pages). 0 or -EINVAL/-ENOMEM; on
 * failure nothing stays mapped.
 */
int   tine_stack_map(struct tine_stack *s, size_t size, size_t guard);
void  tine_stack_unmap(struct tine_stack *s);

/* The initial stack pointer: the top, aligned for this architecture's ABI. */
void *tine_stack_top(const struct tine_stack *s);

/*
 * Joined threads' stacks (up to 8, of at most 1 MiB each) stay mapped for the
 * next spawn of the same size. This unmaps them all now.
 */
void  tine_stack_cache_flush(void);

#endif
