/* t-clone-raw: the raw system call, fork-shaped, returning twice. */
#include "t.h"

static int global;

/* Runs the child on a fresh stack; it only calls tine_exit_thread, which needs no caller's frame. */
static __attribute__((noinline)) long clone_on_stack(void *top)
{
    long r = tine_clone_raw(SIGCHLD, top, 0, 0, 0);

    if (r == 0)
        tine_exit_thread(42);
    return r;
}

int main(void)
{
    int ptid = 0, ctid = 0, status = -1;
    struct tine_stack st;
    long r;

    t_qemu();
    r = tine_clone_raw(SIGCHLD | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID, 0, &ptid, &ctid, 0);
    if (r == 0) {
        /*
         * Child, on a copy of the parent's stack: CHILD_SETTID wrote our tid
         * into our copy of ctid. PARENT_SETTID writes the parent's memory on
         * the real kernel; qemu-user writes it from the child, into the
         * child's copy (linux-user/syscall.c, do_fork: "There is a race
         * condition here").
         */
        int want_ptid = t_qemu() ? tine_gettid() : 0;

        global = 1;
        tine_exit(ctid != tine_gettid() ? 1 : ptid != want_ptid ? 2 : 0);
    }
    CHECK(r > 0, "clone(SIGCHLD|PARENT_SETTID|CHILD_SETTID) returned a pid (%ld)", r);
    if (t_qemu())
        CHECK_EQ(ptid, 0, "qemu-user: PARENT_SETTID of a fork is written in the child's copy only");
    else
        CHECK_EQ(ptid, r, "PARENT_SETTID wrote the child's tid in the parent");
    CHECK_EQ(ctid, 0, "CHILD_SETTID wrote only the child's copy");
    CHECK_EQ(tine_wait((int)r, &status), r, "wait for it");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "the child saw its tid in ctid, and ptid as expected (status %#x)", status);
    CHECK_EQ(global, 0, "the child's memory was its own");

    CHECK_EQ(tine_clone_raw(CLONE_VM | SIGCHLD, 0, 0, 0, 0), -EINVAL,
             "CLONE_VM with no stack is refused before the kernel sees it");
    CHECK_EQ(tine_clone_raw(CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0), -EINVAL,
             "... with CLONE_VFORK too (that is tine_vfork's job)");

    CHECK_EQ(tine_stack_map(&st, 16 * 1024, 0), 0, "map a stack");
    /*
     * 256 bytes of headroom above the child's stack pointer: on i386 the
     * caller pops its own arguments after the call returns, so the child's
     * C code moves a little above `stack` before it calls tine_exit_thread.
     */
    r = clone_on_stack((char *)tine_stack_top(&st) - 256);
    CHECK(r > 0, "clone(SIGCHLD) with a stack returned a pid (%ld)", r);
    CHECK_EQ(tine_wait((int)r, &status), r, "wait for it");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42,
          "the child returned to the call site on the new stack and exited 42 (status %#x)", status);
    tine_stack_unmap(&st);

    /* An exit signal qemu does not take for a fork; the kernel does. */
    r = tine_clone_raw(0, 0, 0, 0, 0);
    if (r == 0)
        tine_exit(3);
    if (t_qemu()) {
        CHECK_EQ(r, -EINVAL, "qemu-user refuses a fork with no exit signal");
    } else {
        CHECK(r > 0, "the kernel accepts a fork with no exit signal (%ld)", r);
        CHECK_EQ(tine_wait((int)r, &status), r, "__WALL finds the child that sends no SIGCHLD");
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3, "it exited 3 (status %#x)", status);
    }
    return t_done();
}
