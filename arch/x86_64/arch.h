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
 * the new FS base itself (variant II, tp->self at offset 0).
 */
#define TINE_ARCH_TLS(tp)     ((unsigned long)(tp))

#endif
