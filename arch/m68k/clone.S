/* SPDX-License-Identifier: 0BSD */
| arch/m68k/clone.S — raw clone, in two shapes.
|
| m68k takes clone's arguments in the default order (kernel/fork.c; no
| CLONE_BACKWARDS in arch/m68k/Kconfig):
|   clone(flags, stack, ptid, ctid, tls)
|   trap #0:  d0 = __NR_clone, d1 = flags, d2 = stack, d3 = ptid,
|             d4 = ctid, d5 = tls;  result in d0.
| But not through the generic sys_clone: m68k's table entry is __sys_clone
| (arch/m68k/kernel/entry.S), which first pushes the rest of the registers
| (SAVE_SWITCH_STACK: d6, d7, a3-a6 and a return address) on top of
| pt_regs, burying the arguments a C function would read from the stack.
| So it passes m68k_clone a pointer to pt_regs instead ("pea
| %sp@(SWITCH_STACK_SIZE); jbsr m68k_clone"), and m68k_clone
| (arch/m68k/kernel/process.c) reads the registers itself: ".flags =
| regs->d1 & ~CSIGNAL", ".stack = regs->d2", ".parent_tid = regs->d3",
| ".child_tid = regs->d4", ".tls = regs->d5". copy_thread then copies the
| whole frame, switch_stack and pt_regs, to the child ("frame->regs.d0 =
| 0", "p->thread.usp = usp ?: rdusp()", and with CLONE_SETTLS
| "task_thread_info(p)->tp_value = tls"): the child starts with every
| register of the parent, except d0 = 0 and sp = stack (or the parent's
| sp when stack is 0); its thread pointer is the kernel's tp_value, no
| register at all (tp.S).

#include <asm/unistd.h>
#include <linux/sched.h>
#include <linux/errno.h>

| TRACED: the parent, after the trap, when TINE_TRACE=1. The kernel gave
| back d1-d5 as they went in, so they are what it read; d0 is the result.
|   long __tine_trace_clone_kernel(a1, a2, a3, a4, a5, r)   all on the stack
| It returns r in d0 and may clobber d1, a0, a1 (the callers restore d2-d5).
        .macro  TRACED
        tst.l   %d0                     | child: d0 = 0
        jeq     9f
        tst.l   __tine_tracing
        jeq     9f
        move.l  %d0, -(%sp)             | r
        movem.l %d1-%d5, -(%sp)         | a1..a5, d1 at the lowest address
        jsr     __tine_trace_clone_kernel       | d0 = r again
        lea     24(%sp), %sp
9:
        .endm

        .text

| long tine_clone_raw(unsigned long flags, void *stack, int *ptid, int *ctid,
|                     unsigned long tls)
| C call:  4(sp) = flags, 8(sp) = stack, 12(sp) = ptid, 16(sp) = ctid,
|          20(sp) = tls
|
| d2-d5 are borrowed for the arguments and belong to our caller, and the
| return address is on the stack: both tasks leave by `movem.l (sp)+; rts`.
| A child on a new stack pops from that stack, so the caller's d2-d5 and
| the return address are copied there first (20 bytes: the kernel gets
| stack - 20), in the same layout as on ours; both then return to the call
| site with their registers whole, the child with sp = stack.
        .global tine_clone_raw
        .type   tine_clone_raw, @function
tine_clone_raw:
        move.l  8(%sp), %d0             | stack
        move.l  %d0, %a1                | (movea leaves the flags of the move)
        jne     1f
        move.l  4(%sp), %d0
        andi.l  #CLONE_VM, %d0          | one stack for two running tasks:
        jeq     2f
        moveq   #-EINVAL, %d0           |   refused, see tine_vfork
        rts
1:      move.l  (%sp), -(%a1)           | what the child will pop: the return address
        movem.l %d2-%d5, -(%a1)         |   under our caller's d2-d5
2:      movem.l %d2-%d5, -(%sp)         | the arguments are now 16 bytes up
        move.l  20(%sp), %d1            | flags
        move.l  %a1, %d2                | stack - 20, or 0
        move.l  28(%sp), %d3            | ptid
        move.l  32(%sp), %d4            | ctid
        move.l  36(%sp), %d5            | tls
        moveq   #__NR_clone, %d0
        trap    #0
        TRACED                          | TINE_TRACE=1: say what the kernel got
        movem.l (%sp)+, %d2-%d5         | parent: d0 = child tid or -errno
        rts                             | child:  d0 = 0
        .size   tine_clone_raw, . - tine_clone_raw

| long __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
|                      void *stack_top, int *ptid, int *ctid, unsigned long tls)
| C call:  4(sp) = fn, 8(sp) = arg, 12(sp) = flags, 16(sp) = stack_top,
|          20(sp) = ptid, 24(sp) = ctid, 28(sp) = tls
|
| fn and arg ride in a2 and d6: the child gets a copy of every register
| (copy_thread copies switch_stack, where __sys_clone saved d6 and a3-a6,
| and pt_regs, where the trap saved a2). Nothing is written on the new
| stack by the parent.
        .global __tine_arch_clone
        .hidden __tine_arch_clone
        .type   __tine_arch_clone, @function
__tine_arch_clone:
        movem.l %d2-%d6/%a2, -(%sp)     | the arguments are now 24 bytes up
        move.l  28(%sp), %a2            | fn
        move.l  32(%sp), %d6            | arg
        move.l  36(%sp), %d1            | flags
        move.l  40(%sp), %d2            | stack_top,
        and.w   #-16, %d2               |   16-byte aligned
        move.l  44(%sp), %d3            | ptid
        move.l  48(%sp), %d4            | ctid
        move.l  52(%sp), %d5            | tls
        moveq   #__NR_clone, %d0
        trap    #0
        tst.l   %d0
        jeq     1f
        TRACED                          | TINE_TRACE=1: say what the kernel got
        movem.l (%sp)+, %d2-%d6/%a2     | parent: d0 = child tid or -errno
        rts

1:                                      | child: d0 = 0, sp = stack_top & -16
        suba.l  %fp, %fp                | outermost frame: backtraces stop here
        move.l  %d6, -(%sp)             | arg: the child's first store on its stack
        jsr     (%a2)                   | fn(arg)
        move.l  %d0, %d1                | fn's value
        moveq   #__NR_exit, %d0         | this thread only
        trap    #0
        illegal                         | not reached
        .size   __tine_arch_clone, . - __tine_arch_clone

        .section .note.GNU-stack, "", @progbits
