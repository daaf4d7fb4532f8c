/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/thread.h> — thread-like spawning: shared memory, files, signal
 * handlers and thread group.
 *
 * Each thread runs on a stack tine maps for it, with a guard page below and,
 * above it, an alternate signal stack and its descriptor (struct
 * tine_thread, found through the thread pointer). Running off the bottom is
 * named on stderr, not silent (see <tine/stack.h>). Joining frees the
 * stack, or keeps it in a cache bounded in bytes for the next spawn.
 */
#ifndef TINE_THREAD_H
#define TINE_THREAD_H

#include <stddef.h>

typedef struct tine_thread tine_thread;

struct tine_thread_opts {
    size_t stack_size;          /* 0 = TINE_STACK_DEFAULT (64 KiB); below TINE_STACK_MIN: -EINVAL */
    size_t guard_size;          /* 0 = one page; rounded up to whole pages */
    size_t *stack_peak;         /* non-NULL: the stack is painted before the thread starts, and
                                   tine_thread_join stores the most bytes it ever used here */
};

/*
 * Starts fn(arg) in a new thread and stores its handle in *t. opts may be
 * NULL. The thread gets its own copy of the program's _Thread_local
 * variables, mapped with its stack: -ENOMEM if they do not fit in memory.
 */
int  tine_thread_spawn(tine_thread **t, int (*fn)(void *), void *arg,
                       const struct tine_thread_opts *opts);

/*
 * Waits for t to end, stores fn's return value in *ret (ret may be NULL) and
 * frees t: its stack goes to the stack cache (<tine/stack.h>) or is
 * unmapped. -EINVAL for a handle that was never a thread's or was joined
 * already, as long as its stack is still cached; once the cache gave it
 * to a new thread, or unmapped it, a second join is undefined, as a second
 * free() is.
 */
int  tine_thread_join(tine_thread *t, int *ret);

/* The thread's kernel tid; it stays readable after the thread has ended, until join. */
int  tine_thread_tid(const tine_thread *t);

/* The calling thread's handle; in main too. */
tine_thread *tine_thread_self(void);

/* Ends the calling thread from any call depth; join sees ret. */
_Noreturn void tine_thread_exit(int ret);

#endif
