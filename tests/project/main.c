/* SPDX-License-Identifier: 0BSD */
/* main.c — the project's program. */
#include <tine.h>
#include "calc.h"

int main(void)
{
    tine_printf("sum of 1..1000 = %ld\n", calc_sum(1000, 4));
    return 0;
}
