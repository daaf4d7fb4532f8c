/* SPDX-License-Identifier: 0BSD */
/*
 * t-ssp: code built with -fstack-protector-strong (tine-cc's default) gets
 * a canary from AT_RANDOM, in the main thread and in every new thread; a
 * buffer overrun is caught on return with "tine: stack smashing detected"
 * on stderr and death by SIGABRT, where the compiler has a stack protector
 * for the port (not gcc for hppa: see below).
 */
#include "t.h"

extern unsigned long __stack_chk_guard;    /* src/ssp.c; the TLS ports keep a copy per thread */

static volatile int overrun = 64;          /* the compiler must not see the overflow coming */

/* A char array: -fstack-protector-strong guards this frame. */
static __attribute__((noinline)) int fill(int n)
{
    char buf[16];

    for (int i = 0; i < n; i++)
        ((volatile char *)buf)[i] = 'A';
    return buf[0];
}

static int smash(void *arg)
{
    (void)arg;
    return fill(overrun);
}

static int honest(void *arg)
{
    return fill(16) == 'A' ? (int)(long)arg : -1;
}

static int in_thread(void *arg)
{
    tine_thread *t;

    if (tine_thread_spawn(&t, arg ? smash : honest, (void *)7L, 0) != 0)
        return 3;
    tine_thread_join(t, 0);
    return 4;
}

__attribute__((unused)) static void expect_abort(const char *what, int status, char *err)
{
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "%s: dies by SIGABRT (status %#x)", what, status);
    if (t_qemu())
        t_drop_qemu_line(err);
    CHECK(strcmp(err, "tine: stack smashing detected\n") == 0,
          "%s: stderr is that one line (got \"%s\")", what, err);
}

int main(void)
{
    char err[256];
    int status, ret = 0;
    tine_thread *t;

    t_qemu();
    CHECK(__stack_chk_guard != 0, "the canary is set (%#lx)", __stack_chk_guard);
    CHECK((__stack_chk_guard & 0xff) == 0 || (__stack_chk_guard >> (8 * sizeof(long) - 8)) == 0,
          "its first byte in memory is 0, so string copies stop at it");
    CHECK_EQ(fill(16), 'A', "a guarded function that stays in bounds returns");
    CHECK(tine_thread_spawn(&t, honest, (void *)7L, 0) == 0 && tine_thread_join(t, &ret) == 0 && ret == 7,
          "and so does one in a new thread");
#ifdef __SSP_STRONG__
    expect_abort("overrun in main", t_capture(smash, 0, err, sizeof err), err);
    expect_abort("overrun in a thread", t_capture(in_thread, (void *)1L, err, sizeof err), err);
#else
    /*
     * A compiler with no stack protector for the port says so by leaving
     * __SSP_STRONG__ undefined (gcc for hppa warns "-fstack-protector not
     * supported for this target"): there the stack grows up, a frame's
     * arrays lie above its saved return pointer, and an overrun runs into
     * the free space above the frame, not into the frame it returns through.
     */
    status = t_capture(smash, 0, err, sizeof err);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 'A' && err[0] == 0,
          "no stack protector from this compiler: an overrun in main runs off into the free "
          "space above its frame, unseen, and returns (status %#x, \"%s\")", status, err);
#endif
    status = t_capture(in_thread, 0, err, sizeof err);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 4 && err[0] == 0,
          "no overrun, no message (status %#x, \"%s\")", status, err);
    return t_done();
}
