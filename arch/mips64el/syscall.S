/* SPDX-License-Identifier: 0BSD */
# arch/mips64el/syscall.S — the system-call doorways, one per arity.
#
# long tine_syscallN(long nr, long a1, ..., long aN)
#
#             nr   a1   a2   a3   a4   a5   a6
# C call:     a0   a1   a2   a3   a4   a5   a6      (n64: $4-$10)
# syscall:    v0   a0   a1   a2   a3   a4   a5      ($2, $4-$9)
# result:     v0, and a3: 0, v0 is the result; 1, the call failed and v0
#             is a positive errno (arch/mips/kernel/scall64-n64.S: "sd t0,
#             PT_R7(sp) # set error flag", "dnegu v0"), which tine turns
#             into its -errno. The kernel gives back a0-a2, a4, a5 as they
#             were (RESTORE_SOME, arch/mips/include/asm/stackframe.h) and
#             may change at, v1, a6, a7, t0-t3, t8, t9, hi and lo: all of
#             them caller-saved in the C ABI too. s0-s7, gp, sp, fp, ra are
#             preserved.
#
# A restarted call (SA_RESTART) is re-executed from the syscall instruction
# alone: the kernel puts the number it saved back into v0 and a3's value
# from before the call (arch/mips/kernel/signal.c: "regs->regs[2] =
# regs->regs[0]; regs->cp0_epc -= 4;"), so the number need not be loaded
# just before the syscall, as very old kernels wanted.
#
# Delay slots: every branch and jump runs the instruction after it before
# it lands. The file says so (.set noreorder) and fills them itself, each
# marked "(delay slot)".
#
# movn (move if not zero) is MIPS IV and MIPS64 R1/R2, Debian's baseline;
# R6 removed it.

        .set    noreorder
        .text

.macro  doorway name, arity
        .section .text.\name, "ax", @progbits  # one section each: a program links only those it calls
        .balign 4
        .global \name
        .type   \name, @function
\name:
        move    $v0, $a0                # nr
.if \arity >= 1
        move    $a0, $a1                # a1
.endif
.if \arity >= 2
        move    $a1, $a2                # a2
.endif
.if \arity >= 3
        move    $a2, $a3                # a3
.endif
.if \arity >= 4
        move    $a3, $a4                # a4
.endif
.if \arity >= 5
        move    $a4, $a5                # a5
.endif
.if \arity >= 6
        move    $a5, $a6                # a6
.endif
        syscall
        dsubu   $t0, $zero, $v0         # -v0, kept if the call failed
        jr      $ra
        movn    $v0, $t0, $a3           # (delay slot) a3 set: v0 = -errno
        .size   \name, . - \name
.endm

        doorway tine_syscall0, 0
        doorway tine_syscall1, 1
        doorway tine_syscall2, 2
        doorway tine_syscall3, 3
        doorway tine_syscall4, 4
        doorway tine_syscall5, 5
        doorway tine_syscall6, 6

        .section .note.GNU-stack, "", @progbits
