/* SPDX-License-Identifier: 0BSD */
/*
 * arch/aarch64/arch.h — what portable C needs to know about aarch64.
 */
#ifndef TINE_ARCH_H
#define TINE_ARCH_H

#define TINE_ARCH_NAME        "aarch64"

/* AAPCS64: sp is always 16-byte aligned. */
#define TINE_ARCH_STACK_ALIGN 16

/* CLONE_SETTLS's argument: the new tpidr_el0, the thread pointer itself
   (internal.h's default tine_arch_tls_arg). */

/* The kernel's raw clone takes tls before ctid here (CONFIG_CLONE_BACKWARDS). */
#define TINE_ARCH_CLONE_BACKWARDS 1

/*
 * ELF TLS, variant I (AArch64 ELF ABI, "Thread Local Storage"): the thread
 * pointer points at a 16-byte TCB and the block follows it, at
 * tp + round_up(16, align). The TCB's first word holds the descriptor's
 * address, which lies below it (tp.S reads it).
 */
#define TINE_ARCH_TLS_ABOVE_TP 16
#define TINE_ARCH_TP_SELF     0

#endif
