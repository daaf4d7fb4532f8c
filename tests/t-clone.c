/* SPDX-License-Identifier: 0BSD */
/* t-clone: clone(2)'s shape, thread-like and process-like. */
#include "t.h"

static int counter;
static int seen_ctid, seen_tid;
static _Thread_local int tls_word;         /* where the thread pointer says it is */
static int *seen_tls;

static int thread_fn(void *arg)
{
    int *ctid = arg;

    seen_ctid = __atomic_load_n(ctid, __ATOMIC_ACQUIRE);   /* CHILD_SETTID: set before we run */
    seen_tid = tine_gettid();
    seen_tls = &tls_word;       /* an address from the thread pointer, not dereferenced */
    __atomic_add_fetch(&counter, 1, __ATOMIC_SEQ_CST);
    return 5;                   /* a thread's exit code goes nowhere: the process lives on */
}

static int process_fn(void *arg)
{
    counter += 100;             /* lands in the child's copy, or the shared memory with CLONE_VM */
    return (int)(long)arg;
}

int main(void)
{
    unsigned long thread = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
                           CLONE_THREAD | CLONE_SYSVSEM;
    struct tine_stack st;
    int ptid = 0, ctid = -1, status = -1;   /* ctid: nonzero until the kernel clears it */
    long r;

    t_qemu();
    CHECK_EQ(tine_stack_map(&st, 64 * 1024, 0), 0, "map a stack");

    r = tine_clone(thread_fn, &ctid, thread | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
                   CLONE_CHILD_CLEARTID, tine_stack_top(&st), &ptid, &ctid, 0);
    CHECK(r > 0, "thread-shaped clone returned a tid (%ld)", r);
    CHECK_EQ(ptid, r, "PARENT_SETTID was written before clone returned");
    CHECK(t_wait_word(&ctid, 0, 5000), "CHILD_CLEARTID zeroed ctid when the child exited");
    CHECK_EQ(seen_ctid, r, "CHILD_SETTID had written the tid before fn ran");
    /*
     * No CLONE_SETTLS: the kernel gives the thread its parent's thread
     * pointer (a register copied with the others, or m68k's tp_value, kept in
     * thread_info, which dup_task_struct copies). qemu-user gives an m68k
     * thread a fresh TaskState whose tp_value is 0 (docs/qemu-user.md), so
     * the thread's thread-locals are somewhere else: never read there.
     */
    if (t_qemu() && t_elf_machine() == EM_68K)
        CHECK(seen_tls != &tls_word, "qemu-user: an m68k thread cloned without CLONE_SETTLS has thread "
              "pointer 0, not its parent's (%p, parent's %p)", (void *)seen_tls, (void *)&tls_word);
    else
        CHECK(seen_tls == &tls_word, "without CLONE_SETTLS the thread keeps its parent's thread pointer "
              "(its thread-local at %p, the parent's at %p)", (void *)seen_tls, (void *)&tls_word);
    CHECK_EQ(seen_tid, r, "fn ran in the new thread");
    CHECK_EQ(counter, 1, "the thread's increment is visible: memory is shared");
    CHECK_EQ(tine_wait(-1, 0), -ECHILD, "a thread is not a child to wait for");

    r = tine_clone(process_fn, (void *)33, SIGCHLD, tine_stack_top(&st), 0, 0, 0);
    CHECK(r > 0, "process-shaped clone returned a pid (%ld)", r);
    CHECK_EQ(tine_wait((int)r, &status), r, "wait for it");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 33, "fn's return is the exit code (status %#x)", status);
    CHECK_EQ(counter, 1, "the process changed only its own copy");

    /* The first seed's program: a process that shares memory (no CLONE_THREAD). */
    r = tine_clone(process_fn, (void *)0, CLONE_VM | SIGCHLD, tine_stack_top(&st), 0, 0, 0);
    if (t_qemu()) {
        CHECK_EQ(r, -EINVAL, "qemu-user refuses CLONE_VM without the full thread set");
    } else {
        CHECK(r > 0, "CLONE_VM|SIGCHLD returned a pid (%ld)", r);
        CHECK_EQ(tine_wait((int)r, &status), r, "wait for it");
        CHECK_EQ(counter, 101, "the child's increment landed in our memory");
    }

    CHECK_EQ(tine_clone(0, 0, SIGCHLD, tine_stack_top(&st), 0, 0, 0), -EINVAL, "fn NULL: -EINVAL");
    CHECK_EQ(tine_clone(process_fn, 0, SIGCHLD, 0, 0, 0, 0), -EINVAL, "stack NULL: -EINVAL");
    CHECK_EQ(tine_wait(-1, 0), -ECHILD, "and nothing was spawned by them");
    tine_stack_unmap(&st);
    return t_done();
}
