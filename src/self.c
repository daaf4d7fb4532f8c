/* SPDX-License-Identifier: 0BSD */
/*
 * src/self.c — the main thread's descriptor. Linked in by what needs a
 * thread pointer: threads (tine_thread_self) and, on the ports whose
 * compilers read the stack-protector canary through it, ssp.c.
 */
#include "internal.h"

struct tine_thread __tine_main;

/*
 * At start-up, after the canary is set (ssp.c). The thread pointer goes
 * where the port's ABI reads the descriptor's address from (arch.h): at
 * the descriptor itself, or (riscv64) just above its first word. A program
 * with thread-local variables then moves main next to its block (tls.c).
 */
static void self_init(int argc, char **argv, char **envp)
{
    __tine_main.self = &__tine_main;
    __tine_main.tid = tine_gettid();
    __tine_main.alive = 1;
    __tine_arch_set_tp((char *)&__tine_main - TINE_ARCH_TP_SELF);
    (void)argc, (void)argv, (void)envp;
}
TINE_INIT(2, self_init);

