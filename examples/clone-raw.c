/* SPDX-License-Identifier: 0BSD */
/*
 * clone-raw.c — the system call itself, returning twice.
 *
 * tine_clone_raw is clone(2) with no C around it: with no stack, the child
 * continues from the same call on a copy of the caller's stack, like fork,
 * and gets 0 where the parent gets the child's tid. Then the same through
 * tine_fork, and a thread's clone through tine_clone, whose every argument
 * is given a distinct address so that each can be told apart on the way
 * into the kernel: the program prints what it asked for.
 *
 * Run it with TINE_TRACE=1 (make demo does) and tine's stubs print each
 * clone as the kernel read it from the registers, labelled in this
 * architecture's order: x86_64's flags, stack, ptid, ctid, tls;
 * CLONE_BACKWARDS's flags, stack, ptid, tls, ctid on i386, arm, aarch64,
 * riscv64 and ppc64le; CLONE_BACKWARDS2's stack, flags, ptid, ctid, tls on
 * s390x.
 * Those labels are tine's own claim; make demo runs the same binary under
 * strace -f (natively) or qemu-<arch> -strace, which decode the registers
 * with their own tables, and checks that all three agree.
 */
#include <tine.h>
#include <linux/futex.h>         /* FUTEX_WAIT: the shared kind, as CHILD_CLEARTID wakes */

static int where = 1;           /* each process has its own copy after the clone */
static int ptid, ctid = 1;      /* where the thread's tids go: two distinct addresses */

static int quiet(void *arg)
{
    (void)arg;
    return 0;
}

int main(void)
{
    unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                          CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
    struct tine_clone_tls scratch;
    unsigned long tls = tine_clone_tls(tine_thread_self(), &scratch);
    struct tine_stack st;
    int status, pid;
    long r = tine_clone_raw(SIGCHLD, 0, 0, 0, 0), tid;

    if (r < 0) {
        tine_dprintf(2, "clone-raw: %s\n", tine_strerror((int)r));
        return 1;
    }
    if (r == 0) {               /* the second return: the child */
        where = 2;
        tine_printf("  child:  clone returned 0; I am pid %d, where = %d\n", tine_getpid(), where);
        tine_exit(0);
    }
    tine_wait((int)r, &status);
    tine_printf("  parent: clone returned %ld, the child's pid;\n"
                "          where is still %d here\n", r, where);

    /* The same through tine_fork. */
    pid = tine_fork();
    if (pid == 0)
        tine_exit(0);
    tine_wait(pid, &status);

    /*
     * A thread's clone, in tine's portable order (fn, arg, flags, stack_top,
     * ptid, ctid, tls). The stub reorders for the kernel and aligns
     * stack_top (s390x also leaves its ABI's 160-byte save area below it);
     * fn and arg reach the child in registers, and nothing is written on its
     * stack before it runs. The thread shares our descriptor (tls): it only
     * returns. CHILD_CLEARTID zeroes ctid and wakes us (a shared futex).
     */
    if (tine_stack_map(&st, 16384, 0) != 0)
        return 1;
    tine_printf("  a thread's clone, as asked of tine_clone:\n"
                "    stack_top = %p\n    ptid      = %p\n    ctid      = %p\n    tls       = %#lx\n",
                tine_stack_top(&st), (void *)&ptid, (void *)&ctid, tls);
    tid = tine_clone(quiet, 0, flags, tine_stack_top(&st), &ptid, &ctid, tls);
    if (tid < 0) {
        tine_dprintf(2, "clone-raw: thread: %s\n", tine_strerror((int)tid));
        return 1;
    }
    while (__atomic_load_n(&ctid, __ATOMIC_ACQUIRE))
        tine_syscall4(__NR_futex, (long)&ctid, FUTEX_WAIT, __atomic_load_n(&ctid, __ATOMIC_ACQUIRE), 0);
    tine_stack_unmap(&st);
    tine_printf("  the thread ran and ended (ptid = %d, its tid)\n", ptid);
    tine_printf("One call, two returns: 0 in the child, the pid in the parent.\n");
    return where == 1 && WIFEXITED(status) && ptid == tid ? 0 : 1;
}
