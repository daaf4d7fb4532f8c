/* SPDX-License-Identifier: 0BSD */
/*
 * overflow.c — the first seed's crash, reproduced, named, measured, fixed.
 *
 * The post's author gave a clone child an 8 KiB stack and lost days to a
 * crash deep inside library code: the child had simply run off its stack.
 * Here a clone child does the same kind of work (a few nested calls, each
 * with a buffer, as formatting code has) on an 8 KiB stack:
 *
 *   1. it overflows; tine prints one line saying so, and the child dies by
 *      SIGSEGV as it would have anyway;
 *   2. the same child runs on a big painted stack and reports how much of
 *      it it used (tine_stack_peak);
 *   3. given that much plus a margin, it finishes.
 *
 * The children are clone(2)-shaped (tine_clone, SIGCHLD, no CLONE_VM) like
 * the post's, so each has its own copy of memory: it reports its peak
 * through a MAP_SHARED page.
 */
#include <tine.h>

#define DEPTH 12                    /* twelve nested calls of a little over 1 KiB each */

static struct tine_stack stack;     /* the child's, from tine_stack_map: guard page below */
static size_t *shared;              /* one word both processes see */

/* A stand-in for "some std code": a formatting buffer, and a call deeper. */
static __attribute__((noinline)) int work(int depth)
{
    char line[1024];
    int n = tine_snprintf(line, sizeof line, "level %d of %d", DEPTH - depth + 1, DEPTH);

    return depth > 1 ? work(depth - 1) + (line[n - 1] & 1) : n;
}

static int child(void *arg)
{
    (void)arg;
    work(DEPTH);
    *shared = tine_stack_peak(&stack);      /* the child's copy of the paint */
    return 0;
}

/* Clones child onto a fresh stack of `size` bytes; says how it ended. */
static int run(size_t size)
{
    int pid, status, e = tine_stack_map(&stack, size, 0);

    if (e) {
        tine_dprintf(2, "overflow: tine_stack_map: %s\n", tine_strerror(e));
        return -1;
    }
    tine_stack_paint(&stack);
    *shared = 0;
    pid = (int)tine_clone(child, 0, SIGCHLD, tine_stack_top(&stack), 0, 0, 0);
    if (pid < 0 || tine_wait(pid, &status) != pid) {
        tine_dprintf(2, "overflow: tine_clone: %s\n", tine_strerror(pid));
        return -1;
    }
    tine_stack_unmap(&stack);
    if (WIFSIGNALED(status))
        tine_printf("    the child was killed by signal %d (SIGSEGV is %d)\n", WTERMSIG(status), SIGSEGV);
    else
        tine_printf("    the child exited with %d\n", WEXITSTATUS(status));
    return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

int main(void)
{
    struct rlimit nocore = { 0, 0 };
    size_t peak, need;

    /* The crash below must not leave a core file (qemu-user writes one too). */
    tine_setrlimit(RLIMIT_CORE, &nocore);
    shared = tine_mmap(0, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (tine_is_err(shared))
        return 1;

    tine_printf("1. The post's child: %d nested calls on an 8 KiB stack.\n", DEPTH);
    if (run(8 * 1024) != SIGSEGV)
        return 1;

    tine_printf("2. The same child on a painted 1 MiB stack, to see how much it needs:\n");
    if (run(1024 * 1024) != 0)
        return 1;
    peak = *shared;
    need = (peak + peak / 4 + 4095) & ~(size_t)4095;  /* a quarter more, in whole pages */
    tine_printf("    it used %zu bytes at its deepest\n", peak);

    tine_printf("3. The same child on %zu KiB (its peak, a quarter more, whole pages):\n", need / 1024);
    if (run(need) != 0)
        return 1;
    tine_printf("In short: 8 KiB overflowed (named above), the child needs %zu bytes, %zu KiB ran it.\n",
                peak, need / 1024);
    return 0;
}
