/* SPDX-License-Identifier: 0BSD */
# arch/ppc64le/clone3.S — clone3, whose one argument is a structure, so
# there is no argument order to get wrong (struct clone_args, <linux/sched.h>).
#   sc:  r0 = __NR_clone3, r3 = args, r4 = size;  result in r3, CR0.SO
#        set on error (r3 = errno).
# The child starts with the parent's registers, except r3 = 0 and
# r1 = stack + stack_size (or the parent's r1 when stack is 0); r4-r12
# do not survive sc (clone.S says which do).
#
# long __tine_arch_clone3(struct clone_args *args, size_t size,
#                       int (*fn)(void *), void *arg)
# C call:  r3 = args, r4 = size, r5 = fn, r6 = arg
#
# fn == 0: the raw shape. args->stack is 0 (tine_clone3 checked), so the
#   child returns through lr on its copy of this stack.
# fn != 0: clone(2)'s shape. The child calls fn(arg) on its new stack and
#   exits with its value. fn and arg wait in r30 and r31, non-volatile:
#   sc leaves them alone. They are our caller's, kept below r1 (the ABI's
#   protected zone) for the parent and the raw child, which has a copy.
# Under qemu-user (7.2 to 10.0) clone3 is ENOSYS, so this port's child
# paths run only on a real ppc64le kernel.

#include <asm/unistd.h>

        .abiversion 2
        .text
        .global __tine_arch_clone3
        .hidden __tine_arch_clone3
        .type   __tine_arch_clone3, @function
__tine_arch_clone3:
        std     %r30, -16(%r1)
        std     %r31, -8(%r1)
        mr      %r30, %r5               # fn
        mr      %r31, %r6               # arg
        li      %r0, __NR_clone3
        sc
        bns+    1f
        neg     %r3, %r3                # SO: errno -> -errno
1:      cmpdi   %r3, 0
        bne     2f                      # parent: r3 = child pid or -errno
        cmpdi   %r30, 0
        beq     2f                      # raw child: return 0
        li      %r0, 0
        stdu    %r0, -32(%r1)           # ELFv2's minimum frame, back chain 0: outermost
        mr      %r12, %r30              # through r12: fn's global entry point
        mtctr   %r12                    #   computes its TOC pointer from it
        mr      %r3, %r31               # arg
        bctrl                           # fn(arg)
        li      %r0, __NR_exit          # this task only, with fn's value in r3
        sc
        trap                            # not reached
2:      ld      %r30, -16(%r1)          # the caller's, back
        ld      %r31, -8(%r1)
        blr
        .size   __tine_arch_clone3, . - __tine_arch_clone3
        .section .note.GNU-stack, "", @progbits
