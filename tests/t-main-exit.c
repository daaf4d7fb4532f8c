/* SPDX-License-Identifier: 0BSD */
/* t-main-exit: returning from main ends the whole process while threads still spin. */
/* expect: exit 42 */
#include "t.h"

static int running;

static int spin(void *arg)
{
    (void)arg;
    __atomic_add_fetch(&running, 1, __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&running, __ATOMIC_RELAXED) > 0)
        ;
    return 0;
}

int main(void)
{
    tine_thread *t;

    t_qemu();
    CHECK_EQ(tine_thread_spawn(&t, spin, 0, 0), 0, "spawn a spinning thread");
    CHECK_EQ(tine_thread_spawn(&t, spin, 0, 0), 0, "spawn another");
    CHECK(t_wait_word(&running, 2, 5000), "both are running");
    tine_printf("returning 42 from main; the runner expects exit status 42 at once\n");
    return t_done() ? 1 : 42;
}
