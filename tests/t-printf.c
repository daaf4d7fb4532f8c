/* SPDX-License-Identifier: 0BSD */
/* t-printf: tine's formatter gives C's bytes for every conversion it supports. */
#include "t.h"

/* Some cases are C's corner cases on purpose ("%-05d", "%s" of NULL). */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wunknown-warning-option"
#pragma GCC diagnostic ignored "-Wformat-overflow"

#define P(want, ...) do {                                                     \
        char b_[160];                                                         \
        int n_ = tine_snprintf(b_, sizeof b_, __VA_ARGS__);                   \
        CHECK(strcmp(b_, want) == 0 && n_ == (int)strlen(want),              \
              "%-34s -> \"%s\" (got \"%s\", %d)", #__VA_ARGS__, want, b_, n_); \
    } while (0)

int main(void)
{
    char buf[8];
    int n;

    t_qemu();
    P("42", "%d", 42);
    P("-2147483648", "%d", INT_MIN);
    P("2147483647", "%i", INT_MAX);
    P("4294967295", "%u", UINT_MAX);
    P("-9223372036854775808", "%lld", LLONG_MIN);
    P("9223372036854775807", "%lld", LLONG_MAX);
    P("18446744073709551615", "%llu", ULLONG_MAX);
    P(sizeof(long) == 8 ? "-9223372036854775808" : "-2147483648", "%ld", LONG_MIN);
    P(sizeof(long) == 8 ? "18446744073709551615" : "4294967295", "%lu", ULONG_MAX);
    P("ffffffffffffffff", "%llx", ULLONG_MAX);
    P("1777777777777777777777", "%llo", ULLONG_MAX);
    P("deadbeef DEADBEEF", "%x %X", 0xdeadbeefu, 0xdeadbeefu);
    P("777", "%o", 0777);
    P("-1", "%hd", (short)-1);
    P("65535", "%hu", (unsigned short)65535);
    P("-128 255", "%hhd %hhu", (signed char)-128, (unsigned char)255);
    P("123456789", "%zu", (size_t)123456789);
    P("-5", "%zd", (long)-5);
    P("0", "%d", 0);
    P("0", "%x", 0);
    P("[   42]", "[%5d]", 42);
    P("[42   ]", "[%-5d]", 42);
    P("[00042]", "[%05d]", 42);
    P("[-0042]", "[%05d]", -42);
    P("[  -42]", "[%5d]", -42);
    P("[-42  ]", "[%-5d]", -42);
    P("[-42  ]", "[%-05d]", -42);
    P("[+42]", "[%+d]", 42);
    P("[ 42]", "[% d]", 42);
    P("[  042]", "[%5.3d]", 42);
    P("[]", "[%.0d]", 0);
    P("[0x2a]", "[%#x]", 42);
    P("[0X2A]", "[%#X]", 42);
    P("[0]", "[%#x]", 0);
    P("[052]", "[%#o]", 42);
    P("[0x0002a]", "[%#07x]", 42);
    P("[   2a]", "[%*x]", 5, 42);
    P("[2a   ]", "[%*x]", -5, 42);
    P("[abc]", "[%s]", "abc");
    P("[  abc]", "[%5s]", "abc");
    P("[abc  ]", "[%-5s]", "abc");
    P("[ab]", "[%.2s]", "abc");
    P("[   ab]", "[%5.*s]", 2, "abc");
    P("[(null)]", "[%s]", (char *)0);
    P("[x]", "[%c]", 'x');
    P("[  x]", "[%3c]", 'x');
    P("[x  ]", "[%-3c]", 'x');
    P("100%", "100%%");
    P("0x1234abcd", "%p", (void *)0x1234abcdUL);
    P("[  0x10]", "[%6p]", (void *)16);
    P("[0x10  ]", "[%-6p]", (void *)16);
    P("(nil)", "%p", (void *)0);
    P("a1b-2c", "a%db%dc", 1, -2);
    P("", "%s", "");

    n = tine_snprintf(buf, sizeof buf, "%s", "truncated text");
    CHECK(n == 14 && strcmp(buf, "truncat") == 0,
          "snprintf truncates to n-1 bytes and returns the full length (\"%s\", %d)", buf, n);
    n = tine_snprintf(buf, 1, "%d", 12345);
    CHECK(n == 5 && buf[0] == 0, "with n = 1 only the terminator is written (%d)", n);
    buf[0] = 'z';
    n = tine_snprintf(0, 0, "%d%s", 12345, "67");
    CHECK(n == 7 && buf[0] == 'z', "with n = 0 nothing is written and NULL is fine (%d)", n);
    CHECK_EQ(tine_snprintf(0, 4, "x"), -EINVAL, "NULL buffer with n > 0: -EINVAL");
    CHECK_EQ(tine_dprintf(-1, "x"), -EBADF, "dprintf to fd -1: -EBADF");
    CHECK_EQ(tine_dprintf(1000, "x"), -EBADF, "dprintf to a closed fd: the kernel's -EBADF");
    /* Widths and precisions that do not fit an int: C's printf fails with EOVERFLOW. */
    CHECK_EQ(tine_snprintf(buf, sizeof buf, "%.2147483648d", 5), -EOVERFLOW, "precision 2^31: -EOVERFLOW");
    CHECK_EQ(tine_snprintf(buf, sizeof buf, "%4294967301d", 5), -EOVERFLOW, "width 2^32 + 5: -EOVERFLOW, not 5");
    CHECK_EQ(tine_snprintf(buf, sizeof buf, "%99999999999999999999s", "x"), -EOVERFLOW, "a width of 20 digits: -EOVERFLOW");
    CHECK_EQ(tine_snprintf(buf, sizeof buf, "%*d", -2147483647 - 1, 5), -EOVERFLOW, "'*' width INT_MIN: -EOVERFLOW");
    CHECK_EQ(tine_dprintf(1, "%.2147483648d", 5), -EOVERFLOW, "dprintf too: -EOVERFLOW, nothing printed");
    n = tine_snprintf(buf, sizeof buf, "%.2147483647s|", "ok");
    CHECK(n == 3 && strcmp(buf, "ok|") == 0, "a precision of INT_MAX itself is fine (%d, \"%s\")", n, buf);
    {
        /* Longer than dprintf's internal buffer: must come out whole. */
        char big[1200], back[1300];
        int fds[2];
        long r, got = 0;

        memset(big, 'q', sizeof big - 1);
        big[sizeof big - 1] = 0;
        tine_syscall2(__NR_pipe2, (long)fds, 0);
        n = tine_dprintf(fds[1], "<%s>", big);
        tine_close(fds[1]);
        while ((r = tine_read(fds[0], back + got, sizeof back - (size_t)got)) > 0)
            got += r;
        CHECK(n == 1201 && got == 1201 && back[0] == '<' && back[1200] == '>' && back[600] == 'q',
              "dprintf of 1201 bytes through a pipe (%d, %ld)", n, got);
        tine_close(fds[0]);
    }
    return t_done();
}
