/* SPDX-License-Identifier: 0BSD */
! arch/sparc64/vfork.S — vfork, in assembly like on every port.
!
! int tine_vfork(void)
!   ta 0x6d:  g1 = __NR_vfork (= clone(CLONE_VM|CLONE_VFORK|SIGCHLD) on the
!             parent's stack: sparc_vfork in arch/sparc/kernel/process.c);
!             result in o0, carry set on error (o0 = errno).
!   parent: o0 = child pid, o1 = 0          child: o1 = 1, o0 = the
!   parent's pid on a real kernel, 0 under qemu-user (clone.S says why)
!
! Parent and child share one stack until the child calls execve or exit.
! This stub is a leaf: it has no frame and touches no stack, and the
! return address is in %o7, a register each task has its own copy of, so
! nothing the child does to the shared stack can change where the
! parent returns. (The child's own C, on return, runs in its caller's
! window on that stack, as with every port's vfork.)

#include <asm/unistd.h>

        .text
        .global tine_vfork
        .type   tine_vfork, @function
tine_vfork:
        mov     __NR_vfork, %g1
        ta      0x6d
        bcs,a,pn %xcc, 1f               ! carry: o0 = errno
         sub    %g0, %o0, %o0           ! (delay slot, only when taken) -errno
        brnz,a,pn %o1, 2f               ! child: o1 = 1, no C on the shared stack
         clr    %o0                     ! (delay slot, only when taken) returns 0
1:      sethi   %hi(__tine_tracing), %g1        ! parent, awake again
        lduw    [%g1 + %lo(__tine_tracing)], %g1
        brz,pt  %g1, 2f
         mov    %o7, %g1                ! (delay slot)
        call    __tine_trace_vfork_kernel       ! long (long r): returns r to our caller
         mov    %g1, %o7                ! (delay slot) a tail call
2:      retl
         nop                            ! (delay slot)
        .size   tine_vfork, . - tine_vfork

        .section .note.GNU-stack, "", @progbits
