/* SPDX-License-Identifier: 0BSD */
/* t-string: the memory and string functions, including overlapping moves. */
#include "t.h"

int main(void)
{
    char a[32], b[32];

    t_qemu();
    memset(a, 'x', sizeof a);
    CHECK(a[0] == 'x' && a[31] == 'x', "memset");
    CHECK(memset(a, 0, 0) == a, "memset returns its destination");
    memcpy(b, "0123456789", 11);
    CHECK(strcmp(b, "0123456789") == 0, "memcpy");
    memmove(b + 2, b, 8);
    CHECK(memcmp(b, "0101234567", 10) == 0, "memmove upward over itself");
    memcpy(b, "0123456789", 11);
    memmove(b, b + 2, 8);
    CHECK(memcmp(b, "2345678989", 10) == 0, "memmove downward over itself");
    CHECK(memcmp("abc", "abd", 3) < 0 && memcmp("abd", "abc", 3) > 0 && memcmp("abc", "abd", 2) == 0, "memcmp");
    CHECK(memcmp("\x80", "\x01", 1) > 0, "memcmp compares unsigned bytes");
    CHECK(strlen("") == 0 && strlen("four") == 4, "strlen");
    CHECK(strcmp("a", "b") < 0 && strcmp("b", "a") > 0 && strcmp("same", "same") == 0 &&
          strcmp("ab", "abc") < 0 && strcmp("\xff", "a") > 0, "strcmp");
    {
        /* A struct copy the compiler may turn into a memcpy call. */
        struct big { char c[300]; } x, y;
        memset(&x, 7, sizeof x);
        y = x;
        CHECK(y.c[0] == 7 && y.c[299] == 7, "a 300-byte struct assignment");
    }
    return t_done();
}
