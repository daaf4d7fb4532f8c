/* SPDX-License-Identifier: 0BSD */
# arch/s390x/clone.S — raw clone, in two shapes.
#
# s390x is the CLONE_BACKWARDS2 architecture (kernel/fork.c): the stack
# comes before the flags.
#   clone(stack, flags, ptid, ctid, tls)
#   svc:  nr = __NR_clone, r2 = stack, r3 = flags, r4 = ptid,
#         r5 = ctid, r6 = tls;  result in r2.
# The child starts with the parent's registers, except r2 = 0 and
# r15 = stack (or the parent's r15 when stack is 0).

#include <asm/unistd.h>
#include <linux/sched.h>
#include <linux/errno.h>

# TRACED: the parent, after the svc, when TINE_TRACE=1. The kernel preserved
# r3-r6, so they still hold what it read; the first argument was stored at
# 16(r15), r2's slot of our caller's save area, ours to use. r2 is the
# result, kept. The sixth argument goes on the stack, so this makes a frame.
#   long __tine_trace_clone_kernel(a1, a2, a3, a4, a5, 160(r15) r)
        .macro  TRACED
        ltgr    %r2, %r2                # child: r2 = 0
        jz      9f
        larl    %r1, __tine_tracing
        lt      %r0, 0(%r1)
        jz      9f
        stmg    %r14, %r15, 112(%r15)   # our return address and r15, in our save area
        lgr     %r1, %r15
        aghi    %r15, -168              # a frame: a save area and one stack argument
        stg     %r1, 0(%r15)            # back chain
        stg     %r2, 160(%r15)          # r
        lg      %r2, 16(%r1)            # a1
        brasl   %r14, __tine_trace_clone_kernel # r2 = r again
        lmg     %r14, %r15, 168+112(%r15)
9:
        .endm

        .text

# long tine_clone_raw(unsigned long flags, void *stack, int *ptid, int *ctid,
#                     unsigned long tls)
# C call:  r2 = flags, r3 = stack, r4 = ptid, r5 = ctid, r6 = tls
#
# The return address is in r14, a register, so both tasks return to the
# call site. With a stack, the child's r15 is stack - 160: the register
# save area the ABI says every frame provides to the functions it calls.
        .global tine_clone_raw
        .type   tine_clone_raw, @function
tine_clone_raw:
        ltgr    %r3, %r3
        jnz     1f
        tmll    %r2, CLONE_VM           # one stack for two running tasks:
        jnz     2f                      #   refused, see tine_vfork
        j       3f
1:      aghi    %r3, -160               # the save area of the child's first callee
3:      lgr     %r0, %r2                # flags and stack trade places
        lgr     %r2, %r3                # stack first
        lgr     %r3, %r0                # flags second; ptid, ctid, tls stay in r4-r6
        stg     %r2, 16(%r15)           # the stack, for the tracer: r2 comes back as the result
        svc     __NR_clone
        TRACED                          # TINE_TRACE=1: say what the kernel got
        br      %r14                    # parent: r2 = child tid or -errno
                                        # child:  r2 = 0
2:      lghi    %r2, -EINVAL
        br      %r14
        .size   tine_clone_raw, . - tine_clone_raw

# long __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
#                      void *stack_top, int *ptid, int *ctid, unsigned long tls)
# C call:  r2 = fn, r3 = arg, r4 = flags, r5 = stack_top, r6 = ptid,
#          160(r15) = ctid, 168(r15) = tls
#
# fn and arg ride in r1 and r0: the child gets a copy of every register,
# and the svc names its number in the instruction, leaving r1 free.
        .global __tine_arch_clone
        .hidden __tine_arch_clone
        .type   __tine_arch_clone, @function
__tine_arch_clone:
        stg     %r6, 48(%r15)           # r6 is our caller's: save it
        lgr     %r1, %r2                # fn
        lgr     %r0, %r3                # arg
        lgr     %r2, %r5                # stack ...
        nill    %r2, 0xfff8             # ... 8-byte aligned
        aghi    %r2, -160               # ... with the first callee's save area
        lgr     %r3, %r4                # flags
        lgr     %r4, %r6                # ptid
        lg      %r5, 160(%r15)          # ctid
        lg      %r6, 168(%r15)          # tls
        stg     %r2, 16(%r15)           # the stack, for the tracer: r2 comes back as the result
        svc     __NR_clone
        ltgr    %r2, %r2
        jz      1f
        TRACED                          # TINE_TRACE=1: say what the kernel got
        lg      %r6, 48(%r15)
        br      %r14                    # parent: r2 = child tid or -errno

1:                                      # child: r2 = 0, r15 = stack
        xc      0(8, %r15), 0(%r15)     # back chain 0: outermost frame
        lgr     %r2, %r0                # arg
        basr    %r14, %r1               # fn(arg)
        svc     __NR_exit               # this thread only, with fn's value in r2
        .long   0                       # not reached
        .size   __tine_arch_clone, . - __tine_arch_clone

        .section .note.GNU-stack, "", @progbits
