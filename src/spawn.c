/*
 * src/spawn.c — a new process that runs fn(arg) on a stack of its own:
 * clone(2)'s shape, fork's sharing.
 */
#include "internal.h"

/*
 * Flags that would make the child share the parent's memory, signal
 * handlers or tid words. A spawned child runs on a stack the parent
 * recycles as soon as clone returns, which is only sound when the child
 * has a copy of its own.
 */
#define SPAWN_REFUSED (CLONE_VM | CLONE_THREAD | CLONE_SIGHAND | CLONE_VFORK | \
                       CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | \
                       CLONE_CHILD_CLEARTID | CLONE_PIDFD | CSIGNAL)

struct spawn_start {
    int  (*fn)(void *);
    void  *arg;
};

/* The child's first C frame; start lives on the parent's stack, of which the child has a copy. */
static int spawn_start(void *p)
{
    struct spawn_start *s = p;

    if (__tine_self_atfork)
        __tine_self_atfork();
    return s->fn(s->arg);
}

int tine_spawn(int (*fn)(void *), void *arg, const struct tine_spawn_opts *opts)
{
    struct spawn_start start = { fn, arg };
    struct tine_stack st;
    unsigned long flags = opts ? opts->flags : 0;
    int sig = opts ? opts->exit_signal : SIGCHLD;
    size_t size = opts && opts->stack_size ? opts->stack_size : TINE_STACK_DEFAULT;
    long r;

    if (!fn || (flags & SPAWN_REFUSED) || sig < 0 || sig > TINE_NSIG ||
        size < TINE_STACK_MIN || size > ((size_t)-1 >> 2))
        return -EINVAL;
    r = __tine_stack_get(&st, tine_round_up(size, tine_page_size()), tine_page_size());
    if (r < 0)
        return (int)r;
    r = tine_clone(spawn_start, &start, flags | (unsigned long)sig, tine_stack_top(&st), 0, 0, 0);
    if (r < 0)
        tine_stack_unmap(&st);  /* a refused spawn leaves nothing mapped, not even in the cache */
    else
        __tine_stack_put(&st);  /* the child runs on its own copy */
    return (int)r;
}
