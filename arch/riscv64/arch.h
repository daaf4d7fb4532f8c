/* SPDX-License-Identifier: 0BSD */
/*
 * arch/riscv64/arch.h — what portable C needs to know about riscv64.
 */
#ifndef TINE_ARCH_H
#define TINE_ARCH_H

#define TINE_ARCH_NAME        "riscv64"

/* RISC-V psABI: sp is 16-byte aligned. */
#define TINE_ARCH_STACK_ALIGN 16

/* CLONE_SETTLS's argument: the new tp register, the thread pointer itself
   (internal.h's default tine_arch_tls_arg). */

/* The kernel's raw clone takes tls before ctid here (CONFIG_CLONE_BACKWARDS). */
#define TINE_ARCH_CLONE_BACKWARDS 1

/*
 * ELF TLS, variant I with no TCB above tp (RISC-V ELF psABI, "Thread Local
 * Storage"): tp points at the block itself. The word just below tp holds
 * the descriptor's address (tp.S reads it).
 */
#define TINE_ARCH_TLS_ABOVE_TP 0
#define TINE_ARCH_TP_SELF     (-8)

#endif
