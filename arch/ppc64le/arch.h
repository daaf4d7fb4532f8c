/* SPDX-License-Identifier: 0BSD */
/*
 * arch/ppc64le/arch.h — what portable C needs to know about ppc64le
 * (64-bit little-endian PowerPC, ELFv2 ABI).
 */
#ifndef TINE_ARCH_H
#define TINE_ARCH_H

#define TINE_ARCH_NAME        "ppc64le"

/* ELFv2 ABI: r1 is 16-byte aligned (quadword). */
#define TINE_ARCH_STACK_ALIGN 16

/* The kernel's raw clone takes tls before ctid here (arch/powerpc/Kconfig
   selects CLONE_BACKWARDS). */
#define TINE_ARCH_CLONE_BACKWARDS 1

/*
 * ELF TLS, variant I with a bias (64-bit ELF V2 ABI, "Thread Local Storage";
 * glibc's TLS_TCB_OFFSET): r13 points 0x7000 bytes past tp, the start of
 * the TLS block, so that a signed 16-bit displacement reaches 4 KiB below
 * the block and 60 KiB of it. The 16 bytes below the block are the TCB the
 * compilers know: -fstack-protector reads the canary at r13 - 0x7010,
 * tp - 0x10. Every offset here is from tp, as src/ does its layouts; the
 * bias exists only in the register, added where r13 is set (tp.S's
 * __tine_arch_set_tp, the CLONE_SETTLS argument below) and taken off where
 * it is read (tp.S's __tine_arch_tp).
 *
 * tine puts the descriptor's word 0 (self) at tp - 0x38, so that its word 5
 * (the canary, as on the variant II ports) is at tp - 0x10:
 *
 *   | descriptor: self ... canary | block ...
 *   ^ tp - 0x38          ^ tp - 0x10
 *                                 ^ tp = r13 - 0x7000
 *
 * With thread-locals, the descriptor lies below the block, and the 0x38
 * bytes below the block are a window holding only the self word and a
 * copy of the canary (src/tls.c).
 */
#define TINE_ARCH_TLS_ABOVE_TP 0
#define TINE_ARCH_TP_SELF     (-0x38)
#define TINE_ARCH_TP_CANARY   (-0x10)
#define TINE_ARCH_TP_BIAS     0x7000

#ifndef __ASSEMBLER__
/* CLONE_SETTLS's argument: the child's r13, tp plus the bias. */
#define TINE_ARCH_TLS_ARG 1
typedef char tine_arch_tls;
static inline unsigned long tine_arch_tls_arg(tine_arch_tls *scratch, void *tp)
{
    (void)scratch;
    return (unsigned long)tp + TINE_ARCH_TP_BIAS;
}
#endif

#endif
