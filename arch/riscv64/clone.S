/* SPDX-License-Identifier: 0BSD */
# arch/riscv64/clone.S — raw clone, in two shapes.
#
# riscv64 is a CLONE_BACKWARDS architecture (kernel/fork.c): tls before ctid.
#   clone(flags, stack, ptid, tls, ctid)
#   ecall:  a7 = __NR_clone, a0 = flags, a1 = stack, a2 = ptid,
#           a3 = tls, a4 = ctid;  result in a0.
# The child starts with the parent's registers, except a0 = 0 and
# sp = stack (or the parent's sp when stack is 0).

#include <asm/unistd.h>
#include <linux/sched.h>
#include <linux/errno.h>

        .text

# long tine_clone_raw(unsigned long flags, void *stack, int *ptid, int *ctid,
#                     unsigned long tls)
# C call:  a0 = flags, a1 = stack, a2 = ptid, a3 = ctid, a4 = tls
#
# The return address is in ra, a register, so parent and child both
# return to the call site with `ret`, whatever their stacks.
        .global tine_clone_raw
        .type   tine_clone_raw, @function
tine_clone_raw:
        bnez    a1, 1f
        andi    t0, a0, CLONE_VM        # one stack for two running tasks:
        bnez    t0, 2f                  #   refused, see tine_vfork
1:      mv      t2, a0                  # flags, for the tracer: a0 comes back as the result
        mv      t0, a3                  # ctid
        mv      a3, a4                  # tls goes fourth
        mv      a4, t0                  # ctid goes fifth
        li      a7, __NR_clone
        ecall
        beqz    a0, 3f                  # child:  a0 = 0
        lla     t3, __tine_tracing
        lw      t3, 0(t3)
        bnez    t3, traced              # TINE_TRACE=1: say what the kernel got
3:      ret                             # parent: a0 = child tid or -errno
2:      li      a0, -EINVAL
        ret
        .size   tine_clone_raw, . - tine_clone_raw

# long __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
#                      void *stack_top, int *ptid, int *ctid, unsigned long tls)
# C call:  a0 = fn, a1 = arg, a2 = flags, a3 = stack_top, a4 = ptid,
#          a5 = ctid, a6 = tls
#
# fn and arg ride in t0 and t1: the child gets a copy of every register.
        .global __tine_arch_clone
        .hidden __tine_arch_clone
        .type   __tine_arch_clone, @function
__tine_arch_clone:
        mv      t0, a0                  # fn
        mv      t1, a1                  # arg
        andi    a1, a3, -16             # stack, 16-byte aligned
        mv      a0, a2                  # flags
        mv      t2, a2                  # ... again, for the tracer
        mv      a2, a4                  # ptid
        mv      a3, a6                  # tls
        mv      a4, a5                  # ctid
        li      a7, __NR_clone
        ecall
        beqz    a0, 1f
        lla     t3, __tine_tracing
        lw      t3, 0(t3)
        bnez    t3, traced              # TINE_TRACE=1: say what the kernel got
        ret                             # parent: a0 = child tid or -errno

1:                                      # child: a0 = 0, sp = stack
        li      s0, 0                   # outermost frame: backtraces stop here
        li      ra, 0
        mv      a0, t1                  # arg
        jalr    t0                      # fn(arg)
        li      a7, __NR_exit           # this thread only, with fn's value in a0
        ecall
        unimp                           # not reached
        .size   __tine_arch_clone, . - __tine_arch_clone

# The parent, traced: the kernel preserved a1-a4, so they still hold what it
# read; the first argument was copied to t2. Tail call, ra untouched:
#   long __tine_trace_clone_kernel(a1, a2, a3, a4, a5, r)
traced:
        mv      a5, a0                  # r
        mv      a0, t2                  # a1
        tail    __tine_trace_clone_kernel       # returns r to our caller

        .section .note.GNU-stack, "", @progbits
