/* SPDX-License-Identifier: 0BSD */
# arch/mips64el/tp.S — the thread pointer: the UserLocal register,
# read with `rdhwr $3, $29` (MIPS32/64 R2; on older CPUs the instruction
# traps and the kernel emulates it, by a fast path only for exactly this
# form, register $3: arch/mips/kernel/genex.S, handle_ri_rdhwr). User code
# cannot write it: the set_thread_area system call does, and clone's
# CLONE_SETTLS for a child. It holds TINE_ARCH_TP_BIAS (0x7000) bytes past
# tp, the start of the TLS block (ELF TLS variant I with a bias), and the
# descriptor's address is in the word at tp + TINE_ARCH_TP_SELF (arch.h:
# tp - 8, so UserLocal - 0x7008).
#
# void *__tine_arch_tp(void)          result: v0 = the descriptor, [UserLocal - 0x7008]
# long  __tine_arch_set_tp(void *tp)  C call: a0 = tp
#     syscall: v0 = __NR_set_thread_area, a0 = tp + 0x7000;  result 0

#include <asm/unistd.h>
#include "arch.h"

        .set    noreorder
        .text
        .global __tine_arch_tp
        .hidden __tine_arch_tp
        .type   __tine_arch_tp, @function
__tine_arch_tp:
        .set    push
        .set    mips64r2                # rdhwr: R2 (emulated by the kernel before it)
        rdhwr   $v1, $29                # v1 = UserLocal = tp + 0x7000
        .set    pop
        jr      $ra
        ld      $v0, TINE_ARCH_TP_SELF - TINE_ARCH_TP_BIAS($v1)  # (delay slot) the self word: the descriptor
        .size   __tine_arch_tp, . - __tine_arch_tp

        .global __tine_arch_set_tp
        .hidden __tine_arch_set_tp
        .type   __tine_arch_set_tp, @function
__tine_arch_set_tp:
        daddiu  $a0, $a0, TINE_ARCH_TP_BIAS     # the ABI's UserLocal: tp + 0x7000
        li      $v0, __NR_set_thread_area
        syscall
        dsubu   $t0, $zero, $v0
        jr      $ra
        movn    $v0, $t0, $a3           # (delay slot) a3 set: v0 = -errno
        .size   __tine_arch_set_tp, . - __tine_arch_set_tp

        .section .note.GNU-stack, "", @progbits
