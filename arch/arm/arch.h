/* SPDX-License-Identifier: 0BSD */
/*
 * arch/arm/arch.h — what portable C needs to know about 32-bit ARM (EABI, hard-float).
 */
#ifndef TINE_ARCH_H
#define TINE_ARCH_H

#define TINE_ARCH_NAME        "arm"

/* AAPCS: sp is 8-byte aligned at a public interface. */
#define TINE_ARCH_STACK_ALIGN 8

/* CLONE_SETTLS's argument: the new TPIDRURO value, the thread pointer itself
   (internal.h's default tine_arch_tls_arg). */

/* The kernel's raw clone takes tls before ctid here (CONFIG_CLONE_BACKWARDS). */
#define TINE_ARCH_CLONE_BACKWARDS 1

/*
 * ELF TLS, variant I (ARM ELF ABI, "Thread Local Storage"): an 8-byte TCB
 * at the thread pointer, the block at tp + round_up(8, align). The TCB's
 * first word holds the descriptor's address (tp.S reads it).
 */
#define TINE_ARCH_TLS_ABOVE_TP 8
#define TINE_ARCH_TP_SELF     0

#endif
