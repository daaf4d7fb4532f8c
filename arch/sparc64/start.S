/* SPDX-License-Identifier: 0BSD */
! arch/sparc64/start.S — the process entry point.
!
! void _start(void)    [not called: the kernel jumps here]
!
! What the kernel leaves (SPARC V9 ABI, Linux exec): %sp biased by 2047
! (the real stack pointer is %sp + 2047), then one 128-byte register
! window save area, then the block:
!   %sp + 2047 + 128 -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs
! (create_elf_tables in fs/binfmt_elf.c; arch/sparc/include/asm/processor_64.h,
! start_thread: regs->u_regs[UREG_FP] = sp - sizeof(struct reg_window) - STACK_BIAS).
! Every frame gives its callee 176 bytes at %sp + 2047: 128 to spill the
! register window into, six argument words. Everything else is portable
! C: __tine_start_c(long *sp) never returns.

#define BIAS  2047

        .text
        .global _start
        .type   _start, @function
_start:
        add     %sp, BIAS + 128, %o0    ! arg 1: the kernel's stack block
        add     %sp, BIAS - 176, %g1    ! room for the callee's 176 bytes ...
        and     %g1, -16, %g1           ! ... 16-byte aligned (real address)
        sub     %g1, BIAS, %sp          ! biased again
        call    __tine_start_c          ! runs main, then exit_group
         mov    %g0, %fp                ! (delay slot) frame pointer 0: outermost frame
        .word   0                       ! illtrap 0: not reached
        .size   _start, . - _start

        .section .note.GNU-stack, "", @progbits
