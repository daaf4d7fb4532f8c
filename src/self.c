/* SPDX-License-Identifier: 0BSD */
/*
 * src/self.c — the main thread's descriptor. Linked in by what needs a
 * thread pointer: threads (tine_thread_self) and, on the ports whose
 * compilers read the stack-protector canary through it, ssp.c.
 */
#include "internal.h"

struct tine_thread __tine_main;

/* At start-up, after the canary is set (ssp.c). */
static void self_init(char **envp, unsigned long *auxv)
{
    __tine_main.self = &__tine_main;
    __tine_main.tid = tine_gettid();
    __tine_main.alive = 1;
    tine_arch_set_tp(&__tine_main);
    (void)envp, (void)auxv;
}
TINE_INIT(2, self_init);

