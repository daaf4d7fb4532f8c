/* SPDX-License-Identifier: 0BSD */
/*
 * t-tls-page: a thread-local variable aligned to a whole page (4096), the
 * most the ELF TLS ABIs ask a runtime to honour for static programs: its
 * address is page-aligned in main and in threads, and its initial value
 * arrives intact, on every port's layout (the block below the thread
 * pointer, or above it after a TCB rounded up to the alignment).
 */
#include "t.h"

_Thread_local char page[64] __attribute__((aligned(4096))) = "page-aligned";
_Thread_local int after = 3;

static int worker(void *arg)
{
    (void)arg;
    if ((unsigned long)page % 4096)
        return 1;
    if (strcmp(page, "page-aligned") != 0 || after != 3)
        return 2;
    page[0] = 'X';
    return 0;
}

int main(void)
{
    tine_thread *t;
    int ret = -1;

    CHECK((unsigned long)page % 4096 == 0, "page-aligned in main (%p)", (void *)page);
    CHECK(strcmp(page, "page-aligned") == 0 && after == 3, "main's initial values");
    for (int i = 0; i < 20; i++) {
        CHECK_EQ(tine_thread_spawn(&t, worker, 0, 0), 0, "spawn");
        CHECK_EQ(tine_thread_join(t, &ret), 0, "join");
        if (ret) {
            CHECK_EQ(ret, 0, "the thread's page-aligned block (1: alignment, 2: initial value)");
            break;
        }
    }
    CHECK_EQ(ret, 0, "20 threads: each block page-aligned and initialised");
    CHECK(page[0] == 'p', "main's copy untouched");
    return t_done();
}
