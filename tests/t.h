/*
 * tests/t.h — the whole test harness: checks that print `ok` or `FAIL`,
 * and a verdict in the exit code. Every test is its own program.
 *
 * The runner (mk/check.sh) sets TINE_RUNNER to "native" or "qemu": where the
 * real kernel and qemu-user differ (DESIGN.md), a test asserts each one's
 * documented behaviour, and refuses to run without knowing which it is on.
 */
#ifndef TINE_TEST_H
#define TINE_TEST_H

#include <tine.h>
#include <limits.h>
#include <stdint.h>

static int t_failures, t_checks;

#define CHECK(cond, ...) t_check(!!(cond), __LINE__, #cond, __VA_ARGS__)

static void t_check(int ok, int line, const char *expr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void t_check(int ok, int line, const char *expr, const char *fmt, ...)
{
    char what[200];
    va_list ap;

    va_start(ap, fmt);
    tine_vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    t_checks++;
    if (ok) {
        tine_printf("ok   %s\n", what);
    } else {
        t_failures++;
        tine_printf("FAIL %s (line %d: %s)\n", what, line, expr);
    }
}

/* Checks that an int equals what it should, printing both when not. */
#define CHECK_EQ(got, want, what) do {                                        \
        long t_g = (long)(got), t_w = (long)(want);                          \
        if (t_g == t_w) CHECK(1, "%s", what);                                \
        else CHECK(0, "%s: got %ld (%s), want %ld", what, t_g,               \
                   t_g < 0 ? tine_strerror((int)t_g) : "", t_w);             \
    } while (0)

__attribute__((unused)) static int t_done(void)
{
    tine_printf("%s: %d checks, %d failed\n", t_failures ? "FAIL" : "PASS",
                t_checks, t_failures);
    return t_failures ? 1 : 0;
}

/* 1 under qemu-user, 0 on the real kernel; exits if the runner did not say. */
__attribute__((unused)) static int t_qemu(void)
{
    const char *r = tine_getenv("TINE_RUNNER");

    if (r && strcmp(r, "qemu") == 0)
        return 1;
    if (r && strcmp(r, "native") == 0)
        return 0;
    tine_dprintf(2, "FAIL TINE_RUNNER must be \"native\" or \"qemu\" (mk/check.sh sets it)\n");
    tine_exit(2);
}

/* Waits up to about `ms` milliseconds for *word to become `want`. */
__attribute__((unused)) static int t_wait_word(int *word, int want, int ms)
{
    for (int i = 0; i < ms; i++) {
        int v = __atomic_load_n(word, __ATOMIC_ACQUIRE);

        if (v == want)
            return 1;
        tine_futex_wait_timeout(word, v, 0, 1000000);
    }
    return __atomic_load_n(word, __ATOMIC_ACQUIRE) == want;
}

/* Reads a whole small file (e.g. /proc/self/maps) into buf; returns its length. */
__attribute__((unused)) static long t_read_file(const char *path, char *buf, long cap)
{
    long n = 0, r;
    int fd = tine_open(path, O_RDONLY, 0);

    if (fd < 0)
        return fd;
    while (n < cap - 1 && (r = tine_read(fd, buf + n, (size_t)(cap - 1 - n))) > 0)
        n += r;
    buf[n] = 0;
    tine_close(fd);
    return n;
}

#endif
