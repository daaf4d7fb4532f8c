/* SPDX-License-Identifier: 0BSD */
! arch/sparc64/clone3.S — clone3, whose one argument is a structure, so
! the argument order of clone does not apply (struct clone_args,
! <linux/sched.h>).
!   ta 0x6d:  g1 = __NR_clone3, o0 = args, o1 = size; result in o0,
!             carry set on error (o0 = errno).
!
! sparc64 had no clone3 until "sparc: Add clone3 support": its table kept
! "# 435 reserved for clone3", kernel/fork.c compiled sys_clone3 out
! (__ARCH_BROKEN_SYS_CLONE3 in arch/sparc/include/asm/unistd.h), and
! Debian 12's UAPI headers have no __NR_clone3 (<tine/clone.h> supplies
! 435, every architecture's number since Linux 5.3). The kernel answers
! ENOSYS, and so does qemu-user (7.2 to 10.0). Where it exists ("sparc:
! Add clone3 support", Ludwig Rydberg) clone3 returns the usual way: 0 in
! the child's %o0, not SunOS's pair, so that is what this stub tests.
!
! long __tine_arch_clone3(struct clone_args *args, size_t size,
!                       int (*fn)(void *), void *arg)
! C call:  o0 = args, o1 = size, o2 = fn, o3 = arg
!
! fn == 0: the raw shape, a leaf: args->stack is 0 (tine_clone3 checked),
!   so the child returns through %o7 on its copy of this stack.
! fn != 0: clone(2)'s shape. The child makes the 176-byte area its ABI
!   owes a callee below stack + stack_size (read before the call into
!   %o4, aligned by tine_clone3_fn), calls fn(arg) and exits with its
!   value. fn, arg and that top wait in o2-o4, which the kernel gives
!   back.

#include <asm/unistd.h>
#ifndef __NR_clone3
#define __NR_clone3 435                 /* as <tine/clone.h> says: the UAPI of 6.1 has none */
#endif

#define BIAS  2047

        .text
        .global __tine_arch_clone3
        .hidden __tine_arch_clone3
        .type   __tine_arch_clone3, @function
__tine_arch_clone3:
        brz,pn  %o2, 1f                 ! raw shape: no stack to find
         nop                            ! (delay slot)
        ldx     [%o0 + 40], %o4         ! args->stack
        ldx     [%o0 + 48], %g1         ! args->stack_size
        add     %o4, %g1, %o4           ! the child's stack top
1:      set     __NR_clone3, %g1
        ta      0x6d
        bcs,a,pn %xcc, 2f               ! carry: o0 = errno
         sub    %g0, %o0, %o0           ! (delay slot, only when taken) -errno
        brnz,pt %o0, 2f                 ! parent: o0 = child pid
         nop                            ! (delay slot)
        brz,pn  %o2, 2f                 ! raw child: return 0
         nop                            ! (delay slot)
        sub     %o4, 176 + BIAS, %sp    ! fn's caller's 176 bytes, biased
        clr     %fp                     ! frame pointer 0: outermost frame
        call    %o2                     ! fn(arg)
         mov    %o3, %o0                ! (delay slot) arg
        mov     __NR_exit, %g1          ! this task only, with fn's value in o0
        ta      0x6d
        .word   0                       ! illtrap 0: not reached
2:      retl
         nop                            ! (delay slot)
        .size   __tine_arch_clone3, . - __tine_arch_clone3

        .section .note.GNU-stack, "", @progbits
