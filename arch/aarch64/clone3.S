/* SPDX-License-Identifier: 0BSD */
// arch/aarch64/clone3.S — clone3, whose one argument is a structure, so
// there is no argument order to get wrong (struct clone_args, <linux/sched.h>).
//   svc #0:  x8 = __NR_clone3, x0 = args, x1 = size;  result in x0.
// The child starts with the parent's registers, except x0 = 0 and
// sp = stack + stack_size (or the parent's sp when stack is 0).
//
// long __tine_arch_clone3(struct clone_args *args, size_t size,
//                       int (*fn)(void *), void *arg)
// C call:  x0 = args, x1 = size, x2 = fn, x3 = arg
//
// fn == 0: the raw shape. args->stack is 0 (tine_clone3 checked), so the
//   child returns through x30 on its copy of this stack.
// fn != 0: clone(2)'s shape. The child calls fn(arg) on its new stack and
//   exits with its value. fn and arg wait in x10 and x11, which svc
//   leaves alone (it writes only x0).
// Under qemu-user 7.2 clone3 is ENOSYS, so this port's child paths run
// only on a real aarch64 kernel.

#include <asm/unistd.h>

        .text
        .global __tine_arch_clone3
        .hidden __tine_arch_clone3
        .type   __tine_arch_clone3, %function
__tine_arch_clone3:
        mov     x10, x2                 // fn
        mov     x11, x3                 // arg
        mov     x8, #__NR_clone3
        svc     #0
        cbnz    x0, 1f                  // parent: x0 = child pid or -errno
        cbz     x10, 1f                 // raw child: return 0
        mov     x29, #0                 // outermost frame: backtraces stop here
        mov     x30, #0
        mov     x0, x11                 // arg
        blr     x10                     // fn(arg)
        mov     x8, #__NR_exit          // this task only, with fn's value in x0
        svc     #0
        brk     #0                      // not reached
1:      ret
        .size   __tine_arch_clone3, . - __tine_arch_clone3
        .section .note.GNU-stack, "", %progbits
