/* SPDX-License-Identifier: 0BSD */
| arch/m68k/clone3.S — clone3, whose one argument is a structure, so there
| is no argument order to get wrong (struct clone_args, <linux/sched.h>:
| its fields are 64 bits wide on every architecture).
|   trap #0:  d0 = __NR_clone3, d1 = args, d2 = size;  result in d0.
| Like clone, it enters through a wrapper that saves the whole register
| set first (__sys_clone3 in arch/m68k/kernel/entry.S calls m68k_clone3,
| which passes regs->d1 and regs->d2 to sys_clone3): the child starts with
| the parent's registers, except d0 = 0 and sp = stack + stack_size (or
| the parent's sp when stack is 0).
|
| long __tine_arch_clone3(struct clone_args *args, size_t size,
|                       int (*fn)(void *), void *arg)
| C call:  4(sp) = args, 8(sp) = size, 12(sp) = fn, 16(sp) = arg
|
| fn == 0: the raw shape. args->stack is 0 (tine_clone3 checked), so the
|   child pops this frame from its copy of the stack and returns 0.
| fn != 0: clone(2)'s shape. The child calls fn(arg) on its new stack and
|   exits with its value. fn and arg wait in a2 and d6 (callee-saved, so
|   pushed first, with d2). 435 is too big for moveq: a move.l immediate.
| Under qemu-user 7.2 and 10.0 clone3 is ENOSYS, so this port's child
| paths run only on a real m68k kernel.

#include <asm/unistd.h>

        .text
        .global __tine_arch_clone3
        .hidden __tine_arch_clone3
        .type   __tine_arch_clone3, @function
__tine_arch_clone3:
        movem.l %d2/%d6/%a2, -(%sp)     | the arguments are now 12 bytes up
        move.l  16(%sp), %d1            | args
        move.l  20(%sp), %d2            | size
        move.l  24(%sp), %a2            | fn
        move.l  28(%sp), %d6            | arg
        move.l  #__NR_clone3, %d0
        trap    #0
        tst.l   %d0
        jne     1f                      | parent: d0 = child pid or -errno
        tst.l   %a2
        jeq     1f                      | raw child: return 0
        suba.l  %fp, %fp                | outermost frame: backtraces stop here
        move.l  %d6, -(%sp)             | arg
        jsr     (%a2)                   | fn(arg)
        move.l  %d0, %d1                | fn's value
        moveq   #__NR_exit, %d0         | this task only
        trap    #0
        illegal                         | not reached
1:      movem.l (%sp)+, %d2/%d6/%a2
        rts
        .size   __tine_arch_clone3, . - __tine_arch_clone3

        .section .note.GNU-stack, "", @progbits
