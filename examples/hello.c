/* SPDX-License-Identifier: 0BSD */
/* hello.c — the smallest useful tine program: one write, no libc, no loader. */
#include <tine.h>

int main(void)
{
    static const char msg[] = "hello from tine\n";

    return tine_write(1, msg, sizeof msg - 1) == sizeof msg - 1 ? 0 : 1;
}
