/* SPDX-License-Identifier: 0BSD */
/*
 * arch/s390x/arch.h — what portable C needs to know about s390x.
 */
#ifndef TINE_ARCH_H
#define TINE_ARCH_H

#define TINE_ARCH_NAME        "s390x"

/* s390x ELF ABI: the stack pointer is 8-byte aligned. */
#define TINE_ARCH_STACK_ALIGN 8

/* s390x's mmap is the old one: its one argument points at the six (no mmap2). */
#define TINE_ARCH_MMAP_STRUCT 1

/* CLONE_SETTLS's argument: the new access registers a0:a1, the thread pointer itself
   (internal.h's default tine_arch_tls_arg). */

/* The kernel's raw clone takes stack before flags here (CONFIG_CLONE_BACKWARDS2). */
#define TINE_ARCH_CLONE_BACKWARDS2 1

/*
 * ELF TLS, variant II (the s390x ELF ABI): the block ends at the thread
 * pointer, which points at the descriptor (the canary at tp + 0x28).
 */
#define TINE_ARCH_TP_SELF     0

#endif
