/* SPDX-License-Identifier: 0BSD */
# arch/riscv64/clone3.S — clone3, whose one argument is a structure, so
# there is no argument order to get wrong (struct clone_args, <linux/sched.h>).
#   ecall:  a7 = __NR_clone3, a0 = args, a1 = size;  result in a0.
# The child starts with the parent's registers, except a0 = 0 and
# sp = stack + stack_size (or the parent's sp when stack is 0).
#
# long __tine_arch_clone3(struct clone_args *args, size_t size,
#                       int (*fn)(void *), void *arg)
# C call:  a0 = args, a1 = size, a2 = fn, a3 = arg
#
# fn == 0: the raw shape. args->stack is 0 (tine_clone3 checked), so the
#   child returns through ra on its copy of this stack.
# fn != 0: clone(2)'s shape. The child calls fn(arg) on its new stack and
#   exits with its value. fn and arg wait in t0 and t1, which ecall leaves
#   alone (it writes only a0).
# Under qemu-user 7.2 clone3 is ENOSYS, so this port's child paths run
# only on a real riscv64 kernel.

#include <asm/unistd.h>

        .text
        .global __tine_arch_clone3
        .hidden __tine_arch_clone3
        .type   __tine_arch_clone3, @function
__tine_arch_clone3:
        mv      t0, a2                  # fn
        mv      t1, a3                  # arg
        li      a7, __NR_clone3
        ecall
        bnez    a0, 1f                  # parent: a0 = child pid or -errno
        beqz    t0, 1f                  # raw child: return 0
        li      s0, 0                   # outermost frame: backtraces stop here
        li      ra, 0
        mv      a0, t1                  # arg
        jalr    t0                      # fn(arg)
        li      a7, __NR_exit           # this task only, with fn's value in a0
        ecall
        unimp                           # not reached
1:      ret
        .size   __tine_arch_clone3, . - __tine_arch_clone3
        .section .note.GNU-stack, "", @progbits
