/* SPDX-License-Identifier: 0BSD */
/*
 * arch/i386/arch.h — what portable C needs to know about i386.
 */
#ifndef TINE_ARCH_H
#define TINE_ARCH_H

#include <asm/ldt.h>

#define TINE_ARCH_NAME        "i386"

/* The i386 System V ABI as GCC and Clang use it today: 16-byte aligned at a call. */
#define TINE_ARCH_STACK_ALIGN 16

/*
 * On i386, CLONE_SETTLS's argument is not an address but a pointer to a
 * struct user_desc (set_thread_area's): a segment descriptor whose base is
 * the new thread's descriptor. The kernel gives every thread its own copy of
 * the TLS entries of the GDT, so each thread uses the entry number the main
 * thread was given at start-up (__tine_arch_set_tp saves it), with its own base.
 * The kernel copies the struct during clone, so it may live on our stack.
 */
#define TINE_ARCH_TLS_ARG 1
extern unsigned __tine_arch_tls_entry __attribute__((visibility("hidden")));
typedef struct user_desc tine_arch_tls;
static inline unsigned long tine_arch_tls_arg(struct user_desc *d, void *tp)
{
    *d = (struct user_desc){
        .entry_number = __tine_arch_tls_entry,
        .base_addr = (unsigned)(unsigned long)tp,
        .limit = 0xfffff,                   /* 4 GiB in pages: the whole space */
        .seg_32bit = 1,
        .limit_in_pages = 1,
        .useable = 1,
    };
    return (unsigned long)d;
}

/* rt_sigaction gets SA_RESTORER and __tine_arch_sigreturn (sigreturn.asm). */
#define TINE_ARCH_SIGRETURN 1

/*
 * ... and __tine_arch_sigreturn_nort for a handler without SA_SIGINFO, whose
 * frame is the old non-rt one here (sigreturn.asm says why).
 */
#define TINE_ARCH_SIGRETURN_NORT 1

/* The kernel's raw clone takes tls before ctid here (CONFIG_CLONE_BACKWARDS). */
#define TINE_ARCH_CLONE_BACKWARDS 1

/*
 * ELF TLS, variant II (Drepper, "ELF Handling For Thread-Local Storage"):
 * the block ends at the thread pointer, which points at the descriptor;
 * its word 0 is its own address ([gs:0]).
 */
#define TINE_ARCH_TP_SELF     0

#endif
