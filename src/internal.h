/*
 * src/internal.h — what tine's portable C shares, and the arch stubs it calls.
 * Never installed: user code sees only include/.
 */
#ifndef TINE_INTERNAL_H
#define TINE_INTERNAL_H

#include <tine.h>
#include "arch.h"               /* arch/<arch>/arch.h, picked by the Makefile */

#define TINE_HIDDEN __attribute__((visibility("hidden")))

/* Filled in by start-up (start.c). */
extern char          **__tine_environ TINE_HIDDEN;
extern unsigned long  *__tine_auxv TINE_HIDDEN;

/* The arch stubs beyond the public ones (arch/README.md lists them all). */
long  tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
                      void *stack_top, int *ptid, int *ctid, unsigned long tls);
void *tine_arch_tp(void);
long  tine_arch_set_tp(void *tp);

/*
 * Optional parts: start-up and fork call these only when the program links
 * the part that defines them (weak references resolve to 0 otherwise), so a
 * program that never touches threads carries none of their code.
 */
void __tine_thread_init(void) __attribute__((weak));      /* main's descriptor */
void __tine_thread_atfork(void) __attribute__((weak));    /* a new process's descriptor */

/* The stack cache shared by threads and spawned processes (stack.c). */
int  __tine_stack_get(struct tine_stack *s, size_t size, size_t guard) TINE_HIDDEN;
void __tine_stack_put(struct tine_stack *s) TINE_HIDDEN;

/* 32-bit ports have a futex call that takes 64-bit time; prefer it. */
#ifdef __NR_futex_time64
#define NR_futex __NR_futex_time64
#else
#define NR_futex __NR_futex
#endif

/*
 * Signals run from 1 to 64 on every tine port: the kernel's _NSIG from
 * asm-generic/signal.h, which x86's UAPI <asm/signal.h> does not define.
 */
#define TINE_NSIG 64

static inline size_t tine_round_up(size_t n, size_t to)
{
    return (n + to - 1) & ~(to - 1);
}

#endif
