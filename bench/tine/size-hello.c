/* SPDX-License-Identifier: 0BSD */
/* bench/tine/size-hello.c — the size workload "hello" through tine: one tine_write. */
#include <tine.h>

int main(void)
{
    static const char msg[] = "hello\n";

    return tine_write(1, msg, sizeof msg - 1) == sizeof msg - 1 ? 0 : 1;
}
