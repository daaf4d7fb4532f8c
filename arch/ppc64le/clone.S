/* SPDX-License-Identifier: 0BSD */
# arch/ppc64le/clone.S — raw clone, in two shapes.
#
# powerpc is a CLONE_BACKWARDS architecture (arch/powerpc/Kconfig selects
# it; kernel/fork.c): tls before ctid.
#   clone(flags, stack, ptid, tls, ctid)
#   sc:  r0 = __NR_clone, r3 = flags, r4 = stack, r5 = ptid,
#        r6 = tls, r7 = ctid;  result in r3, CR0.SO set on error (r3 = errno).
# The child starts with the parent's registers, except r3 = 0, CR0.SO
# clear, r1 = stack (or the parent's r1 when stack is 0) and, with
# CLONE_SETTLS, r13 = tls (copy_thread in arch/powerpc/kernel/process.c).
# What does not survive sc, in either task: r0 and r4-r12 (the syscall ABI
# calls them volatile, and recent kernels zero r9-r12 on entry), ctr, xer,
# cr0. What does: r2 (the TOC), r13-r31, lr.
#
# The parent's tracer wants the five argument registers as the kernel read
# them, and r4-r7 do not come back: they are kept below r1, in the ELFv2
# ABI's 288-byte protected zone, which no signal frame touches.

#include <asm/unistd.h>
#include <linux/sched.h>
#include <linux/errno.h>

        .abiversion 2
        .text

# long tine_clone_raw(unsigned long flags, void *stack, int *ptid, int *ctid,
#                     unsigned long tls)
# C call:  r3 = flags, r4 = stack, r5 = ptid, r6 = ctid, r7 = tls
#
# The return address is in lr, a register, so parent and child both
# return to the call site with `blr`, whatever their stacks.
        .global tine_clone_raw
        .type   tine_clone_raw, @function
tine_clone_raw:
        cmpdi   %r4, 0
        bne     1f
        andi.   %r0, %r3, CLONE_VM      # one stack for two running tasks:
        bne     2f                      #   refused, see tine_vfork
1:      mr      %r0, %r6                # ctid
        mr      %r6, %r7                # tls goes fourth
        mr      %r7, %r0                # ctid goes fifth
        std     %r3, -40(%r1)           # the five, for the tracer
        std     %r4, -32(%r1)
        std     %r5, -24(%r1)
        std     %r6, -16(%r1)
        std     %r7, -8(%r1)
        li      %r0, __NR_clone
        sc
        bns+    3f
        neg     %r3, %r3                # SO: errno -> -errno
3:      cmpdi   %r3, 0
        beqlr                           # child:  r3 = 0
        addis   %r9, %r2, __tine_tracing@toc@ha
        lwz     %r9, __tine_tracing@toc@l(%r9)
        cmpwi   %r9, 0
        bne     traced                  # TINE_TRACE=1: say what the kernel got
        blr                             # parent: r3 = child tid or -errno
2:      li      %r3, -EINVAL
        blr
        .size   tine_clone_raw, . - tine_clone_raw

# long __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
#                      void *stack_top, int *ptid, int *ctid, unsigned long tls)
# C call:  r3 = fn, r4 = arg, r5 = flags, r6 = stack_top, r7 = ptid,
#          r8 = ctid, r9 = tls
#
# fn and arg ride in r30 and r31: non-volatile, so sc leaves them alone and
# the child gets the parent's copies. They are our caller's: the parent
# keeps its values below r1 and puts them back.
        .global __tine_arch_clone
        .hidden __tine_arch_clone
        .type   __tine_arch_clone, @function
__tine_arch_clone:
        std     %r30, -56(%r1)
        std     %r31, -48(%r1)
        mr      %r30, %r3               # fn
        mr      %r31, %r4               # arg
        mr      %r3, %r5                # flags
        clrrdi  %r4, %r6, 4             # stack, 16-byte aligned
        mr      %r5, %r7                # ptid
        mr      %r6, %r9                # tls
        mr      %r7, %r8                # ctid
        std     %r3, -40(%r1)           # the five, for the tracer
        std     %r4, -32(%r1)
        std     %r5, -24(%r1)
        std     %r6, -16(%r1)
        std     %r7, -8(%r1)
        li      %r0, __NR_clone
        sc
        bns+    1f
        neg     %r3, %r3                # SO: errno -> -errno
1:      cmpdi   %r3, 0
        beq     2f
        ld      %r30, -56(%r1)          # the caller's, back
        ld      %r31, -48(%r1)
        addis   %r9, %r2, __tine_tracing@toc@ha
        lwz     %r9, __tine_tracing@toc@l(%r9)
        cmpwi   %r9, 0
        bne     traced                  # TINE_TRACE=1: say what the kernel got
        blr                             # parent: r3 = child tid or -errno

2:                                      # child: r3 = 0, r1 = stack
        li      %r0, 0
        stdu    %r0, -32(%r1)           # ELFv2's minimum frame, back chain 0: outermost
        mr      %r12, %r30              # through r12: fn's global entry point
        mtctr   %r12                    #   computes its TOC pointer from it
        mr      %r3, %r31               # arg
        bctrl                           # fn(arg)
        li      %r0, __NR_exit          # this thread only, with fn's value in r3
        sc
        trap                            # not reached
        .size   __tine_arch_clone, . - __tine_arch_clone

# The parent, traced: the five argument registers as the kernel read them
# are below r1. Tail call, lr untouched:
#   long __tine_trace_clone_kernel(a1, a2, a3, a4, a5, r)
traced:
        mr      %r8, %r3                # r
        ld      %r3, -40(%r1)           # a1
        ld      %r4, -32(%r1)           # a2
        ld      %r5, -24(%r1)           # a3
        ld      %r6, -16(%r1)           # a4
        ld      %r7, -8(%r1)            # a5
        b       __tine_trace_clone_kernel       # returns r to our caller

        .section .note.GNU-stack, "", @progbits
