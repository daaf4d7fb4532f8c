/* SPDX-License-Identifier: 0BSD */
! arch/sparc64/clone.S — raw clone, in two shapes.
!
! sparc64 reads clone's arguments in the CLONE_BACKWARDS order: tls before
! ctid (sparc_clone in arch/sparc/kernel/process.c: flags from %o0, the
! stack from %o1, ptid %o2, tls %o3, ctid %o4).
!   clone(flags, stack, ptid, tls, ctid)
!   ta 0x6d:  g1 = __NR_clone, o0 = flags, o1 = stack (biased, as %sp
!             is: 0 keeps the parent's), o2 = ptid, o3 = tls, o4 = ctid;
!             result in o0, carry (xcc) set on error with o0 = errno.
! Parent and child are told apart by %o1, SunOS's second return value
! (copy_thread in arch/sparc/kernel/process_64.c: "Parent --> %o0 ==
! childs pid, %o1 == 0; Child --> %o0 == parents pid, %o1 == 1"). The
! child's %o0 is the PARENT's pid on a real kernel and 0 under qemu-user
! (linux-user/sparc/target_cpu.h, cpu_clone_regs_child), so the stubs
! test %o1 and give the child 0 themselves. On error %o1 is the stack
! argument again (sparc_clone: "regs->u_regs[UREG_I1] = orig_i1"), so
! the carry is tested first.
!
! With a stack the kernel itself writes on it, from the parent: it copies
! the caller's current frame, %sp up to its %fp, to just below the new
! stack (aligned to 16), points the copy's saved %fp at that top, and
! starts the child there (copy_thread -> clone_stackframe,
! arch/sparc/kernel/process_64.c), after flushing the register windows
! to memory (synchronize_user_stack in sparc_clone). A stack it cannot
! write makes clone itself fail with EFAULT in the parent. qemu-user
! copies nothing: the child's %sp is the stack argument, with clean
! register windows.
! Every register the kernel does not name above comes back in both tasks
! (the child's trap frame is a copy of the parent's; its window is
! reloaded from the copied frame; qemu-user copies the CPU).

#include <asm/unistd.h>
#include <linux/sched.h>
#include <linux/errno.h>

#define BIAS  2047

        .text

! long tine_clone_raw(unsigned long flags, void *stack, int *ptid, int *ctid,
!                     unsigned long tls)
! C call:  o0 = flags, o1 = stack, o2 = ptid, o3 = ctid, o4 = tls
!
! A leaf, in our caller's window: the child returns to the call site
! (retl, to %o7 + 8) in it. The kernel is given stack - 176 - 2047: the
! 176-byte area every frame owes its callee (window spill, argument
! words), biased. flags and that stack wait for the tracer in our
! caller's first two argument words, which the ABI gives the callee to
! store its register arguments in (%o0 and %o1 come back changed).
        .global tine_clone_raw
        .type   tine_clone_raw, @function
tine_clone_raw:
        brnz,a,pt %o1, 1f               ! a stack: its first frame's area, biased
         sub    %o1, 176 + BIAS, %o1    ! (delay slot, only when taken)
        andcc   %o0, CLONE_VM, %g0      ! no stack and CLONE_VM: one stack for two
        bne,a,pn %xcc, 3f               !   running tasks: refused, see tine_vfork
         mov    -EINVAL, %o0            ! (delay slot, only when taken)
1:      mov     %o3, %g1                ! ctid
        mov     %o4, %o3                ! tls goes fourth
        mov     %g1, %o4                ! ctid goes fifth
        stx     %o0, [%sp + BIAS + 128] ! flags and stack, for the tracer
        stx     %o1, [%sp + BIAS + 136]
        mov     __NR_clone, %g1
        ta      0x6d
        bcs,a,pn %xcc, 2f               ! carry: o0 = errno
         sub    %g0, %o0, %o0           ! (delay slot, only when taken) -errno
        brnz,a,pn %o1, 3f               ! child: o1 = 1
         clr    %o0                     ! (delay slot, only when taken) returns 0
2:      sethi   %hi(__tine_tracing), %g1        ! parent: o0 = child tid or -errno
        lduw    [%g1 + %lo(__tine_tracing)], %g1
        brnz,pn %g1, traced             ! TINE_TRACE=1: say what the kernel got
         mov    %o0, %o5                ! (delay slot) r, for the tracer
3:      retl
         nop                            ! (delay slot)

! The parent, traced: o2-o4 are as the kernel read them (it gives them
! back), the first two wait in our caller's argument words. A tail call
! that keeps our caller's return address in %o7:
!   long __tine_trace_clone_kernel(a1, a2, a3, a4, a5, r)
traced:
        ldx     [%sp + BIAS + 128], %o0 ! a1: flags
        ldx     [%sp + BIAS + 136], %o1 ! a2: stack
        mov     %o7, %g1
        call    __tine_trace_clone_kernel       ! returns r to our caller
         mov    %g1, %o7                ! (delay slot)
        .size   tine_clone_raw, . - tine_clone_raw

! long __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
!                      void *stack_top, int *ptid, int *ctid, unsigned long tls)
! C call:  o0 = fn, o1 = arg, o2 = flags, o3 = stack_top, o4 = ptid,
!          o5 = ctid, [%sp + 2047 + 176] = tls
!
! A frame of our own (save): fn and arg stay in its %i0 and %i1, the
! aligned top in %l2. The child has them too: on a real kernel its window
! is reloaded from the copy of this very frame the kernel wrote below the
! new stack (our 176 bytes: the frame is what clone_stackframe copies);
! under qemu-user the registers are copied. The kernel is given
! stack_top & -16 biased, so the child starts at top - 176 on a kernel and
! at top under qemu; its first instruction sets %sp to top - 176 in both.
! tine itself writes nothing on the new stack from the parent; the kernel
! does (above), so on a real kernel a bad stack_top is EFAULT for the
! parent, not SIGSEGV for the child (docs/clone.md).
        .global __tine_arch_clone
        .hidden __tine_arch_clone
        .type   __tine_arch_clone, @function
__tine_arch_clone:
        save    %sp, -176, %sp          ! our frame: fn, arg in i0, i1
        and     %i3, -16, %l2           ! stack_top, 16-byte aligned
        mov     %i2, %o0                ! flags
        sub     %l2, BIAS, %o1          ! stack, biased
        mov     %i4, %o2                ! ptid
        ldx     [%fp + BIAS + 176], %o3 ! tls
        mov     %i5, %o4                ! ctid
        mov     __NR_clone, %g1
        ta      0x6d
        bcs,a,pn %xcc, 1f               ! carry: o0 = errno
         sub    %g0, %o0, %o0           ! (delay slot, only when taken) -errno
        brnz,pn %o1, 2f                 ! child: o1 = 1
         nop                            ! (delay slot)
1:      mov     %o0, %i0                ! parent: child tid or -errno, for our caller
        sethi   %hi(__tine_tracing), %g1
        lduw    [%g1 + %lo(__tine_tracing)], %g1
        brz,pt  %g1, 3f
         mov    %o0, %o5                ! (delay slot) r
        mov     %i2, %o0                ! a1: flags (a3-a5 are as the kernel read them)
        call    __tine_trace_clone_kernel       ! TINE_TRACE=1: say what the kernel got
         sub    %l2, BIAS, %o1          ! (delay slot) a2: the stack
3:      ret
         restore                        ! (delay slot)

2:                                      ! child: our window, on the new stack
        sub     %l2, 176 + BIAS, %sp    ! fn's caller's 176 bytes, biased
        clr     %fp                     ! frame pointer 0: outermost frame
        call    %i0                     ! fn(arg)
         mov    %i1, %o0                ! (delay slot) arg
        mov     __NR_exit, %g1          ! this thread only, with fn's value in o0
        ta      0x6d
        .word   0                       ! illtrap 0: not reached
        .size   __tine_arch_clone, . - __tine_arch_clone

        .section .note.GNU-stack, "", @progbits
