/* SPDX-License-Identifier: 0BSD */
/*
 * src/ssp.c — the stack protector's two halves: the canary, and what
 * happens when a function finds its copy of it overwritten.
 *
 * Code built with -fstack-protector-strong (tine-cc's default) puts the
 * canary between a function's arrays and its return address and checks it
 * before returning. On x86_64, i386 and s390x the compilers read it through
 * the thread pointer (word 5 of struct tine_thread, copied into every new
 * thread); on aarch64, riscv64 and arm from the global __stack_chk_guard.
 * tine sets both at start-up from the kernel's 16 random bytes (AT_RANDOM).
 * libtine itself is built without the protector: start-up runs before the
 * canary exists.
 */
#include "internal.h"
#include <linux/auxvec.h>

unsigned long __stack_chk_guard;

static void ssp_init(int argc, char **argv, char **envp)
{
    const unsigned char *r = (const unsigned char *)tine_getauxval(AT_RANDOM);
    unsigned long c = 0;

    if (r)
        memcpy(&c, r, sizeof c);
    /* A zero first byte stops a string copy that runs into the canary from reading it out. */
    ((unsigned char *)&c)[0] = 0;
    __stack_chk_guard = c;
    __tine_main.canary = c;     /* self.c then points the thread pointer at __tine_main */
    (void)argc, (void)argv, (void)envp;
}
TINE_INIT(1, ssp_init);         /* before main's frame, the first protected one */

_Noreturn void __stack_chk_fail(void)
{
    static const char msg[] = "tine: stack smashing detected\n";

    tine_syscall3(__NR_write, 2, (long)msg, sizeof msg - 1);
    __tine_sigaction(SIGABRT, 0);
    __tine_raise(SIGABRT);
    tine__exit(127);            /* not reached: SIGABRT's default action ends the process */
}
