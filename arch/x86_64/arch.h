/* SPDX-License-Identifier: 0BSD */
/*
 * arch/x86_64/arch.h — what portable C needs to know about x86_64.
 */
#ifndef TINE_ARCH_H
#define TINE_ARCH_H

#define TINE_ARCH_NAME        "x86_64"

/* System V AMD64 ABI: rsp is 16-byte aligned before a call. */
#define TINE_ARCH_STACK_ALIGN 16

/*
 * clone's CLONE_SETTLS argument for a thread whose descriptor is at tp:
 * the new FS base, tp itself (variant II, tp->self at offset 0), as
 * internal.h's default tine_arch_tls_arg gives it.
 */

/* rt_sigaction gets SA_RESTORER and __tine_arch_sigreturn (sigreturn.asm). */
#define TINE_ARCH_SIGRETURN 1

/*
 * ELF TLS, variant II (the x86-64 psABI, "Thread-Local Storage"): the
 * program's TLS block ends at the thread pointer, which points at the
 * descriptor; its word 0 is its own address ([fs:0]).
 */
#define TINE_ARCH_TP_SELF     0

#endif
