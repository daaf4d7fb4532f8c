/* SPDX-License-Identifier: 0BSD */
# arch/s390x/clone3.S — clone3, whose one argument is a structure, so the
# odd CLONE_BACKWARDS2 order of clone does not apply (struct clone_args,
# <linux/sched.h>).
#   svc 0:  r1 = __NR_clone3 (above 255, so not in the instruction),
#           r2 = args, r3 = size;  result in r2.
# The child starts with the parent's registers, except r2 = 0 and
# r15 = stack + stack_size (or the parent's r15 when stack is 0).
#
# long __tine_arch_clone3(struct clone_args *args, size_t size,
#                       int (*fn)(void *), void *arg)
# C call:  r2 = args, r3 = size, r4 = fn, r5 = arg
#
# fn == 0: the raw shape. args->stack is 0 (tine_clone3 checked), so the
#   child returns through r14 on its copy of this stack.
# fn != 0: clone(2)'s shape. The child makes the 160-byte save area its
#   ABI owes a callee, calls fn(arg) and exits with its value. fn and arg
#   wait in r4 and r5, which svc leaves alone (it writes only r2).
# Under qemu-user 7.2 clone3 is ENOSYS, so this port's child paths run
# only on a real s390x kernel.

#include <asm/unistd.h>

        .text
        .global __tine_arch_clone3
        .hidden __tine_arch_clone3
        .type   __tine_arch_clone3, @function
__tine_arch_clone3:
        lghi    %r1, __NR_clone3
        svc     0
        ltgr    %r2, %r2
        jnz     1f                      # parent: r2 = child pid or -errno
        ltgr    %r4, %r4
        jz      1f                      # raw child: return 0
        aghi    %r15, -160              # the first callee's save area
        xc      0(8, %r15), 0(%r15)     # back chain 0: outermost frame
        lgr     %r2, %r5                # arg
        basr    %r14, %r4               # fn(arg)
        svc     __NR_exit               # this task only, with fn's value in r2
        .long   0                       # not reached
1:      br      %r14
        .size   __tine_arch_clone3, . - __tine_arch_clone3
        .section .note.GNU-stack, "", @progbits
