/* SPDX-License-Identifier: 0BSD */
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

/*
 * Where PARENT_SETTID of a fork lands. The kernel writes the child's tid
 * into the parent's memory after the copy, so the child's copy keeps 0.
 * qemu-user's do_fork wrote it from the child, into the child's copy only
 * (linux-user/syscall.c: "if (flags & CLONE_PARENT_SETTID)
 * put_user_u32(sys_gettid(), parent_tidptr)" in the child branch), from
 * 0.x through 10.0.9; 10.0.10 writes it in the parent, as the kernel does
 * ("linux-user: Fix CLONE_PARENT_SETTID when using fork-like clone", qemu
 * issue #3340). Which later releases carry the fix is not known here, so
 * under those either answer is taken, as long as both sides agree.
 */
enum { IN_PARENT = 1, IN_CHILD = 2 };

static int settid_expected(void)
{
    int v = t_qemu_version();

    if (v == 0 || (v >= T_QEMU(10, 0, 10) && v < T_QEMU(10, 1, 0)))
        return IN_PARENT;
    if (v < T_QEMU(10, 0, 10))
        return IN_CHILD;
    return IN_PARENT | IN_CHILD;
}

int main(void)
{
    int ptid = 0, ctid = 0, status = -1, seen, want = settid_expected();
    struct tine_stack st;
    long r;

    t_qemu();
    r = tine_clone_raw(SIGCHLD | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID, 0, &ptid, &ctid, 0);
    if (r == 0) {
        /*
         * Child, on a copy of the parent's stack: CHILD_SETTID wrote our tid
         * into our copy of ctid; our copy of ptid says where PARENT_SETTID went.
         */
        global = 1;
        tine_exit(ctid != tine_gettid() ? 1 : ptid == 0 ? 10 + IN_PARENT
                  : ptid == tine_gettid() ? 10 + IN_CHILD : 2);
    }
    CHECK(r > 0, "clone(SIGCHLD|PARENT_SETTID|CHILD_SETTID) returned a pid (%ld)", r);
    CHECK_EQ(tine_wait((int)r, &status), r, "wait for it");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) > 10,
          "the child saw its tid in ctid, and ptid as 0 or its own tid (status %#x)", status);
    seen = ptid == r ? IN_PARENT : ptid == 0 ? IN_CHILD : 0;
    CHECK(seen && WEXITSTATUS(status) == 10 + seen,
          "parent and child agree where PARENT_SETTID wrote (parent's ptid %d, child's status %#x)",
          ptid, status);
    if (want == IN_PARENT)
        CHECK_EQ(ptid, r, "PARENT_SETTID wrote the child's tid in the parent, as the kernel does");
    else if (want == IN_CHILD)
        CHECK_EQ(ptid, 0, "qemu-user before 10.0.10: PARENT_SETTID of a fork is written in the child's copy only");
    else
        CHECK(seen, "this qemu-user (fixed in 10.0.10, unknown after): PARENT_SETTID in the %s",
              seen == IN_PARENT ? "parent, as the kernel does" : "child's copy only, as qemu before 10.0.10");
    CHECK_EQ(ctid, 0, "CHILD_SETTID wrote only the child's copy");
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
     * Where stacks grow up (hppa) the headroom is below it: the caller's
     * frame lies below sp there, and the child's C code reads it.
     */
    r = clone_on_stack((char *)tine_stack_top(&st) + (t_stack_up(&st) ? 256 : -256));
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
