/* SPDX-License-Identifier: 0BSD */
/* bench/floor/size-hello.c — the size workload "hello", raw: one write system call. */
#include "floor.h"

int main(void)
{
    static const char msg[] = "hello\n";

    return tine_syscall3(__NR_write, 1, (long)msg, sizeof msg - 1) == sizeof msg - 1 ? 0 : 1;
}
