/* SPDX-License-Identifier: 0BSD */
/*
 * src/strerror.c — names for the kernel's error numbers.
 * The table is generated at build time from the UAPI headers' own
 * comments (mk/gen-errtab.sh), so every errno the kernel defines is here.
 */
#include "internal.h"

/*
 * The numbers, and the names one after another in one string, in the same
 * order: two bytes an errno and no pointers, where a table indexed by the
 * number would cost a pointer for every number up to the largest (MIPS's
 * EDQUOT is 1133) and a relocation for each name.
 */
#define E(num, name) num,
static const unsigned short nums[] = {
#include "errtab.h"
};
#undef E
#define E(num, name) name "\0"
static const char names[] =
#include "errtab.h"
    ;
#undef E

const char *tine_strerror(int err)
{
    unsigned e = err < 0 ? 0u - (unsigned)err : (unsigned)err;
    const char *p = names;

    if (e == 0)
        return "0 (Success)";
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++, p += strlen(p) + 1)
        if (nums[i] == e)
            return p;
    return "unknown error";
}
