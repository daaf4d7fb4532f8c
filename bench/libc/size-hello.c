/* SPDX-License-Identifier: 0BSD */
/* bench/libc/size-hello.c — the size workload "hello" through the C library: one write. */
#include <unistd.h>

int main(void)
{
    static const char msg[] = "hello\n";

    return write(1, msg, sizeof msg - 1) == sizeof msg - 1 ? 0 : 1;
}
