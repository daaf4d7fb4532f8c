/* SPDX-License-Identifier: 0BSD */
/*
 * src/strerror.c — names for the kernel's error numbers.
 * The table is generated at build time from the UAPI headers' own
 * comments (mk/gen-errtab.sh), so every errno the kernel defines is here.
 */
#include "internal.h"

static const char *const names[] = {
#include "errtab.h"
};

const char *tine_strerror(int err)
{
    unsigned e = err < 0 ? 0u - (unsigned)err : (unsigned)err;

    if (e == 0)
        return "0 (Success)";
    if (e < sizeof names / sizeof names[0] && names[e])
        return names[e];
    return "unknown error";
}
