/* SPDX-License-Identifier: 0BSD */
/*
 * clone-count.c — the first seed's clone program, on tine.
 *
 * A counter is incremented by a clone child running on an 8 KiB stack of
 * its own, as in the post. Without CLONE_VM the child has a copy of the
 * parent's memory: the parent's counter does not move. With CLONE_VM the
 * two share one address space: it does.
 *
 * The post's child crashed once it called deeper than 8 KiB allowed. tine's
 * stacks have a guard page below them, so an overflow faults at once
 * instead of silently writing over a neighbour; tine_printf needs well
 * under 1 KiB, so this child has room to spare.
 *
 * The post also waited with a plain waitpid(): a child cloned without an
 * exit signal is invisible to that. tine_wait passes __WALL and sees every
 * child; here the children send SIGCHLD as well.
 */
#include <tine.h>
#include "runner.h"

#define CHILD_STACK 8192

static int count;

static int child_run(void *arg)
{
    tine_printf("  count in child: %d (child pid %d)\n", ++count, tine_getpid());
    return (int)(long)arg;
}

/*
 * One clone and what the parent's count is after it. 0 if that is what the
 * flags say: unchanged without CLONE_VM, one more with it (or, under
 * qemu-user only, its EINVAL for CLONE_VM without the thread flags).
 */
static int run(const char *what, unsigned long flags, struct tine_stack *stack)
{
    int status, before = count;
    long pid;

    tine_printf("%s\n  count before clone: %d\n", what, count);
    pid = tine_clone(child_run, 0, flags | SIGCHLD, tine_stack_top(stack), 0, 0, 0);
    if (pid < 0) {
        tine_printf("  clone failed: %s\n", tine_strerror((int)pid));
        if (pid == -EINVAL && !(flags & CLONE_THREAD) && (flags & CLONE_VM))
            tine_printf("  (qemu-user refuses CLONE_VM without the other thread flags;\n"
                        "   on a real kernel this shares memory with a process)\n");
        return pid == -EINVAL && (flags & CLONE_VM) && under_qemu() ? 0 : 1;   /* only there */
    }
    tine_wait((int)pid, &status);
    tine_printf("  count after clone: %d\n", count);
    return count == before + ((flags & CLONE_VM) ? 1 : 0) ? 0 : 1;
}

int main(void)
{
    struct tine_stack stack;
    int e = tine_stack_map(&stack, CHILD_STACK, 0);

    if (e < 0) {
        tine_dprintf(2, "cannot map a stack: %s\n", tine_strerror(e));
        return 1;
    }
    tine_printf("a clone child on an %d-byte stack, with a %zu-byte guard page below it\n\n",
                CHILD_STACK, stack.guard);
    e = run("without CLONE_VM (the child gets a copy of memory):", 0, &stack);
    e |= run("with CLONE_VM (the child shares the parent's memory):", CLONE_VM, &stack);
    tine_stack_unmap(&stack);
    return e;
}
