/* SPDX-License-Identifier: 0BSD */
/*
 * t-clone-order: pins each port's raw clone argument order. A thread-shaped
 * clone with PARENT_SETTID, CHILD_SETTID, CHILD_CLEARTID and SETTLS, each
 * given a distinct address: ptid must hold the tid in the parent, ctid the
 * tid in the child and 0 after it exits, and the child's thread pointer
 * must be the one asked for. A port that swaps two arguments fails here
 * (every wait is bounded), it does not hang.
 */
#include "t.h"

static int ptid, ctid = -1;
/*
 * The thread pointer asked for is &fake_tp[TP]. tine_thread_self() reads
 * the word its port's ABI keeps the descriptor's address in (arch.h): at
 * the thread pointer on most ports, just below it on riscv64, 0x38 bytes
 * below it on ppc64le. Every word from fake_tp[0] to fake_tp[TP] holds the
 * thread pointer itself, so every port reads back what was asked.
 */
#define TP 7
static void *fake_tp[TP + 1];
static void *seen_tp;
static int seen_ctid, seen_tid, done;

static int child(void *arg)
{
    (void)arg;
    seen_tp = tine_thread_self();
    seen_ctid = __atomic_load_n(&ctid, __ATOMIC_ACQUIRE);
    seen_tid = tine_gettid();
    __atomic_store_n(&done, 1, __ATOMIC_RELEASE);
    return 0;
}

int main(void)
{
    struct tine_clone_tls scratch;
    struct tine_stack st;
    long tid;
    int untouched = 0;

    t_qemu();
    for (int i = 0; i <= TP; i++)
        fake_tp[i] = &fake_tp[TP];
    CHECK_EQ(tine_stack_map(&st, 16 * 1024, 0), 0, "map a stack");
    tid = tine_clone(child, 0, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                     CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID |
                     CLONE_CHILD_CLEARTID, tine_stack_top(&st), &ptid, &ctid,
                     tine_clone_tls(&fake_tp[TP], &scratch));
    CHECK(tid > 0, "the thread-shaped clone with all four TID/TLS flags started (%ld)", tid);
    CHECK_EQ(ptid, tid, "ptid holds the child's tid in the parent");
    CHECK(t_wait_word(&done, 1, 5000), "the child ran");
    CHECK_EQ(seen_tid, tid, "the child is the thread clone announced");
    CHECK_EQ(seen_ctid, tid, "ctid held the child's tid when it started");
    CHECK(seen_tp == (void *)&fake_tp[TP], "the child's thread pointer is the TLS value asked for (%p, want %p)",
          seen_tp, (void *)&fake_tp[TP]);
    CHECK(t_wait_word(&ctid, 0, 5000), "ctid was cleared when the child exited");
    for (int i = 0; i <= TP; i++)
        untouched += fake_tp[i] == (void *)&fake_tp[TP];
    CHECK(untouched == TP + 1, "nothing wrote over the TLS block");
    CHECK(tine_thread_self() != (tine_thread *)(void *)&fake_tp[TP], "the parent's thread pointer is its own");
    tine_stack_unmap(&st);
    return t_done();
}
