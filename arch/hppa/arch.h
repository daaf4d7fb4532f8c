/* SPDX-License-Identifier: 0BSD */
/*
 * arch/hppa/arch.h — what portable C needs to know about hppa (PA-RISC,
 * 32-bit userland, big-endian).
 */
#ifndef TINE_ARCH_H
#define TINE_ARCH_H

#define TINE_ARCH_NAME        "hppa"

/*
 * The stack grows up, the only port's that does (arch/parisc/Kconfig:
 * STACK_GROWSUP): a stack's free space is above sp, its frames below, and
 * what runs off a stack runs off its top. So a guard lies above a stack,
 * a new stack starts at its low end, and the overflow handler looks for
 * the writable mapping below a guard (src/stack.c, overflowed.c).
 */
#define TINE_ARCH_STACK_GROWS_UP 1

/* 32-bit PA-RISC runtime architecture: sp is 64-byte aligned (gcc's STACK_BOUNDARY 512). */
#define TINE_ARCH_STACK_ALIGN 64

/* The kernel's raw clone takes tls before ctid here (arch/parisc/Kconfig
   selects CLONE_BACKWARDS). */
#define TINE_ARCH_CLONE_BACKWARDS 1

/*
 * ELF TLS, variant I (as gcc and binutils' elf32-hppa.c lay it out, and
 * glibc's sysdeps/hppa/nptl/tls.h: TLS_DTV_AT_TP, an 8-byte tcbhead_t):
 * an 8-byte TCB at the thread pointer, the block at tp + round_up(8,
 * align). The thread pointer is control register 27, which user code
 * reads with `mfctl %cr27` but only the kernel writes (tp.S). The TCB's
 * first word holds the descriptor's address. The canary is the global
 * __stack_chk_guard: gcc reads no word through %cr27 for it.
 */
#define TINE_ARCH_TLS_ABOVE_TP 8
#define TINE_ARCH_TP_SELF     0

#endif
