/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/trace.h> — watch what tine asks of the kernel.
 *
 * With TINE_TRACE=1 in the environment (or after tine_trace(1)), every
 * clone, clone3, vfork, exit, wait and futex call tine makes is printed on
 * stderr, one line each: the call's name and number here, its arguments
 * in the kernel's order (which for raw clone differs between
 * architectures: see arch/README.md), flags decoded by name, and the
 * result:
 *
 *   tine: clone #56 (flags=CLONE_VM|...|CLONE_CHILD_CLEARTID, stack=0x7f...000,
 *         ptid=0x..., ctid=0x..., tls=0x...) = 4242
 *
 * clone and vfork lines are printed by the assembly stubs themselves, in
 * the parent, from the registers the kernel read: every clone tine makes
 * (tine_clone, tine_clone_raw with or without a stack, tine_fork, threads,
 * spawns) and every vfork (tine_vfork, tine_spawn_exec) appears, and
 * stack= is the kernel's value, which need not be the caller's stack_top:
 * the stubs round it down to the ABI's stack alignment, and s390x's
 * reserves the 160-byte save area the ABI gives every callee below it.
 * (tine_clone's fn and arg travel in registers on every port, so its stubs
 * write nothing to the new stack from the parent; tine_clone_raw on x86
 * and arm copies there the return address or saved registers the child
 * will pop.) The child's side is not printed (it may be on a stack with
 * nothing in it yet). The labels come from tine's own knowledge of the
 * order; `strace -f` or `qemu-<arch> -strace` is the independent witness
 * (make demo STEP=arches puts them side by side).
 *
 * Off, it costs one test of a word per call.
 */
#ifndef TINE_TRACE_H
#define TINE_TRACE_H

/* Turns tracing on (1) or off (0); returns what it was. */
int tine_trace(int on);

#endif
