/* SPDX-License-Identifier: 0BSD */
# arch/mips64el/clone3.S — clone3, whose one argument is a structure, so
# there is no argument order to get wrong (struct clone_args, <linux/sched.h>).
#   syscall:  v0 = __NR_clone3, a0 = args, a1 = size;  result in v0,
#             a3 = 1 on error (v0 = errno).
# The child starts with the parent's registers, except v0 = 0, a3 = 0 and
# sp = stack + stack_size (or the parent's sp when stack is 0); s0-s7 are
# the parent's (__sys_clone3 saves them first, arch/mips/kernel/syscall.c).
#
# long __tine_arch_clone3(struct clone_args *args, size_t size,
#                       int (*fn)(void *), void *arg)
# C call:  a0 = args, a1 = size, a2 = fn, a3 = arg
#
# fn == 0: the raw shape. args->stack is 0 (tine_clone3 checked), so the
#   child returns through ra on its copy of this stack.
# fn != 0: clone(2)'s shape. The child calls fn(arg) on its new stack and
#   exits with its value. fn and arg wait in s0 and s1: the caller's are
#   kept in a 16-byte frame on this stack, for the parent and the raw
#   child, which has a copy.
# Under qemu-user (7.2 to 10.0) clone3 is ENOSYS, so this port's child
# paths run only on a real mips64el kernel.

#include <asm/unistd.h>

        .set    noreorder
        .text
        .global __tine_arch_clone3
        .hidden __tine_arch_clone3
        .type   __tine_arch_clone3, @function
__tine_arch_clone3:
        daddiu  $sp, $sp, -16
        sd      $s0, 0($sp)
        sd      $s1, 8($sp)
        move    $s0, $a2                # fn
        move    $s1, $a3                # arg
        li      $v0, __NR_clone3
        syscall
        dsubu   $t0, $zero, $v0
        bnez    $v0, 2f                 # parent: v0 = child pid or -errno
        movn    $v0, $t0, $a3           # (delay slot) a3 set: v0 = -errno
        beqz    $s0, 2f                 # raw child: return 0
        nop                             # (delay slot)
        move    $fp, $zero              # outermost frame: backtraces stop here
        move    $t9, $s0                # fn, through t9: PIC code finds its gp from it
        jalr    $t9                     # fn(arg)
        move    $a0, $s1                # (delay slot) arg
        move    $a0, $v0                # fn's value
        li      $v0, __NR_exit          # this task only
        syscall
        teq     $zero, $zero            # not reached
2:      ld      $s0, 0($sp)             # the caller's, back
        ld      $s1, 8($sp)
        jr      $ra
        daddiu  $sp, $sp, 16            # (delay slot)
        .size   __tine_arch_clone3, . - __tine_arch_clone3

        .section .note.GNU-stack, "", @progbits
