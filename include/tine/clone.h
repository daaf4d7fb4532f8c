/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/clone.h> — raw clone, in two shapes.
 *
 * The flags are the kernel's CLONE_* from <linux/sched.h>, OR-ed with the
 * signal to send the parent at exit (SIGCHLD, from <asm/signal.h>).
 * The kernel's argument order differs by architecture (see arch/PORTS.md);
 * these two functions take one portable order and the arch stub reorders.
 */
#ifndef TINE_CLONE_H
#define TINE_CLONE_H

#include <stddef.h>
#include <linux/sched.h>
#include <asm/signal.h>
#include <asm/unistd.h>

/*
 * clone3's number is 435 on every architecture (Linux 5.3: "arch: mark
 * syscall number 435 reserved for clone3"), but a UAPI whose kernel
 * left it unwired may not name it: sparc64's keeps "# 435 reserved for
 * clone3" in its syscall table until "sparc: Add clone3 support", so
 * Debian 12's headers have no __NR_clone3. Such a kernel answers ENOSYS.
 */
#ifndef __NR_clone3
#define __NR_clone3 435
#endif

/*
 * The system call itself. Returns twice, like the kernel: 0 in the child,
 * the child's tid in the parent, -errno on failure.
 *
 * stack == NULL: the child continues at the call site on a copy-on-write
 *   copy of the caller's stack (fork-like). CLONE_VM is refused (-EINVAL)
 *   here, since parent and child would then run on one stack; use
 *   tine_vfork for that shape.
 * stack != NULL: the child returns to the call site with its stack pointer
 *   at stack, so the caller's frame is out of its reach (its locals, and on
 *   i386 the argument words the caller pops after the call): from C, use
 *   tine_clone instead.
 * It is the system call alone. In a program with other threads, a child
 * with memory of its own (no CLONE_VM) is a copy taken while they ran: it
 * may use tine's system call wrappers, but not its threads or stacks,
 * whose lock another thread may have held at that instant. tine_fork,
 * tine_spawn, tine_clone and tine_clone3 hold that lock across the clone.
 */
long tine_clone_raw(unsigned long flags, void *stack, int *ptid, int *ctid,
                    unsigned long tls);

/*
 * clone(2)'s shape: the child runs fn(arg) on stack_top, then exits (the
 * thread only, not the group) with fn's return value as its code.
 * Returns the child's tid, or -errno; fn == NULL or stack_top == NULL is
 * -EINVAL.
 */
long tine_clone(int (*fn)(void *), void *arg, unsigned long flags,
                void *stack_top, int *ptid, int *ctid, unsigned long tls);

/*
 * clone3: the arguments in a struct clone_args (<linux/sched.h>) of `size`
 * bytes, so no argument order to get wrong, and what clone cannot say: a
 * pidfd stored at args->pidfd, the pids to take in each pid namespace
 * (set_tid), a cgroup to start in (CLONE_INTO_CGROUP), a full 64-bit flag
 * word. The exit signal is args->exit_signal, never in the flags. Linux
 * 5.3 and later; qemu-user (7.2 to 10.0 at least) answers -ENOSYS. Two shapes, as for clone:
 *
 * tine_clone3: returns twice (0 in the child, its pid in the parent).
 *   args->stack must be 0: the child continues on a copy of the caller's
 *   stack (fork-like), so CLONE_VM is refused too (-EINVAL).
 * tine_clone3_fn: the child runs fn(arg) on [stack, stack + stack_size)
 *   (the top rounded down to the ABI's alignment), then exits with fn's
 *   return value. fn, stack or stack_size missing: -EINVAL.
 * Both read args as the kernel does (kernel/fork.c), with its errors in its
 * order: size above a page -E2BIG, below CLONE_ARGS_SIZE_VER0 (64) -EINVAL,
 * args unreadable (NULL included) -EFAULT, never a SIGSEGV; a size beyond
 * this header's struct is accepted when the extra bytes are zero and -E2BIG
 * when not. Then tine's own checks (-EINVAL). The kernel is handed tine's
 * copy of what was checked.
 */
long tine_clone3(struct clone_args *args, size_t size);
long tine_clone3_fn(int (*fn)(void *), void *arg, struct clone_args *args, size_t size);

/*
 * The tls argument that makes a CLONE_SETTLS child's thread pointer equal
 * tp (what tine_thread_self() then returns in the child). On most ports
 * that is tp itself; on i386 the kernel wants a struct user_desc, built in
 * *scratch, which must live until clone returns.
 * On x86 the thread pointer is read back through its first word, which must
 * hold tp itself (as a tine_thread's does).
 */
struct tine_clone_tls { unsigned long words[4]; };
unsigned long tine_clone_tls(void *tp, struct tine_clone_tls *scratch);

#endif
