/* SPDX-License-Identifier: 0BSD */
/* test_calc.c — the project's own test: exit 0 when calc_sum is right. */
#include <tine.h>
#include "calc.h"

int main(void)
{
    long a = calc_sum(100000, 8), b = calc_sum(7, 1), c = calc_sum(10, 0);
    int ok = a == 5000050000L && b == 28 && c == -EINVAL;

    tine_printf("%s: calc_sum gives %ld, %ld, %ld\n", ok ? "ok" : "FAIL", a, b, c);
    return !ok;
}
