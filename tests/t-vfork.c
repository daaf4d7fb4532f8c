/* SPDX-License-Identifier: 0BSD */
/* t-vfork: the parent's frame survives, memory is shared natively, a fork under qemu. */
#include "t.h"

static volatile int shared;

/* Scribbles over a lot of stack below the caller: what a vfork child's calls do. */
static __attribute__((noinline)) int scribble(int depth)
{
    volatile char junk[512];

    for (unsigned i = 0; i < sizeof junk; i++)
        junk[i] = (char)0xa5;
    return depth ? scribble(depth - 1) + junk[7] : junk[3];
}

static __attribute__((noinline)) int vfork_and_check(void)
{
    volatile long long before = 0x1234567887654321LL, after = 0x0fedcba987654321LL;
    int status = -1, pid;

    pid = tine_vfork();
    if (pid == 0) {
        scribble(8);
        tine_nanosleep(0, 50 * 1000 * 1000);   /* the parent must still be asleep */
        shared = 1;
        tine_exit_thread(9);
    }
    CHECK(pid > 0, "vfork returned a pid (%d)", pid);
    CHECK(before == 0x1234567887654321LL && after == 0x0fedcba987654321LL,
          "the parent's locals are intact after the child's calls");
    if (t_qemu()) {
        CHECK_EQ(shared, 0, "under qemu-user vfork is a fork: the child's write stayed in the child");
    } else {
        CHECK_EQ(shared, 1, "natively the parent slept until the child exited, and memory is shared");
    }
    CHECK_EQ(tine_wait(pid, &status), pid, "wait for it");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 9, "exit 9 (status %#x)", status);
    return 77;
}

int main(void)
{
    t_qemu();
    CHECK_EQ(vfork_and_check(), 77, "the function that called vfork returned normally");
    CHECK_EQ(vfork_and_check(), 77, "... twice");
    return t_done();
}
