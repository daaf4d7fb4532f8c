/* SPDX-License-Identifier: 0BSD */
/*
 * arch/mips64el/arch.h — what portable C needs to know about mips64el
 * (64-bit little-endian MIPS, the n64 ABI).
 */
#ifndef TINE_ARCH_H
#define TINE_ARCH_H

#define TINE_ARCH_NAME        "mips64el"

/* n64 ABI (MIPSpro N32 and 64-bit ABI handbook): $sp is 16-byte aligned. */
#define TINE_ARCH_STACK_ALIGN 16

/* The kernel's raw clone takes tls before ctid here (arch/mips/Kconfig
   selects CLONE_BACKWARDS). */
#define TINE_ARCH_CLONE_BACKWARDS 1

/*
 * ELF TLS, variant I with a bias, as on ppc64le (MIPS ABI TLS supplement,
 * glibc's sysdeps/mips/nptl/tls.h TLS_TCB_OFFSET; lld's getTlsTpOffset):
 * the UserLocal register, read with `rdhwr $3, $29`, holds tp + 0x7000,
 * tp being the start of the TLS block, so a signed 16-bit offset reaches
 * 4 KiB below the block and 60 KiB of it. The compilers read the
 * stack-protector canary from the global __stack_chk_guard, not through
 * tp, so there is no canary word to keep (no TINE_ARCH_TP_CANARY), and
 * the descriptor's address sits in the word just below the block, as on
 * riscv64:
 *
 *   | descriptor ... | self | block ...
 *                           ^ tp = UserLocal - 0x7000
 *
 * UserLocal is set by the set_thread_area system call (user code cannot
 * write it) and for a child by CLONE_SETTLS (arch/mips/kernel/process.c's
 * copy_thread: ti->tp_value = tls); both take the biased value.
 */
#define TINE_ARCH_TLS_ABOVE_TP 0
#define TINE_ARCH_TP_SELF     (-8)
#define TINE_ARCH_TP_BIAS     0x7000

/*
 * The kernel's struct sigaction puts an unsigned int sa_flags before the
 * handler (include/linux/signal_types.h, under __ARCH_HAS_IRIX_SIGACTION,
 * which arch/mips/include/asm/signal.h defines), and has no sa_restorer:
 * the kernel returns from a handler through its own trampoline (the vDSO's
 * since Linux 4.4, arch/mips/vdso/sigreturn.S).
 */
#define TINE_ARCH_IRIX_SIGACTION 1

#ifndef __ASSEMBLER__
/* CLONE_SETTLS's argument: the child's UserLocal, tp plus the bias. */
#define TINE_ARCH_TLS_ARG 1
typedef char tine_arch_tls;
static inline unsigned long tine_arch_tls_arg(tine_arch_tls *scratch, void *tp)
{
    (void)scratch;
    return (unsigned long)tp + TINE_ARCH_TP_BIAS;
}
#endif

#endif
