/* SPDX-License-Identifier: 0BSD */
/*
 * t-overflow-race: threads that overflow at once get exactly one message
 * between them, in every run. The handler's first claimant writes it; the
 * others wait until it is out before they die (they used to return at
 * once, re-fault under SIG_DFL and kill the process before the write).
 * Two threads, then eight, each run in a child process whose stderr is
 * read: RUNS_NATIVE runs of each natively, RUNS_QEMU under qemu-user (slower
 * to fork), each times TINE_SOAK (make check SOAK=N).
 */
#include "t.h"

#define RUNS_NATIVE 300        /* times TINE_SOAK (t_reps) */
#define RUNS_QEMU   30

static int go, ready;

static int dive(void *unused)
{
    __atomic_add_fetch(&ready, 1, __ATOMIC_SEQ_CST);
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        tine_futex_wait(&go, 0);    /* woken together, to start down together */
    return t_deep(1 << 30);
}

static int overflow_all(void *n)
{
    struct tine_thread_opts o = { .stack_size = 8192 };
    tine_thread *t[8];

    for (long i = 0; i < (long)n; i++)
        if (tine_thread_spawn(&t[i], dive, 0, &o) != 0)
            return 3;
    while (__atomic_load_n(&ready, __ATOMIC_ACQUIRE) != (long)n)
        tine_sched_yield();
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    tine_futex_wake(&go, 8);
    for (long i = 0; i < (long)n; i++)
        tine_thread_join(t[i], 0);
    return 4;                   /* not reached: the process dies */
}

/* How many times line occurs at the start of a line in err. */
static int lines(const char *err, const char *line)
{
    int n = 0;
    size_t len = strlen(line);

    for (const char *p = err; *p; p++)
        if ((p == err || p[-1] == '\n') && memcmp(p, line, len) == 0)
            n++;
    return n;
}

int main(void)
{
    int qemu = t_qemu(), runs = (int)t_reps(RUNS_NATIVE, RUNS_QEMU);
    char err[2048];

    for (long n = 2; n <= 8; n += 6) {
        int one = 0, died = 0, bad = -1, bad_status = 0;
        char bad_err[256] = "";

        for (int r = 0; r < runs; r++) {
            int status = t_capture(overflow_all, (void *)n, err, sizeof err);
            int k = lines(err, "tine: stack overflow in thread ");

            if (qemu)
                t_drop_qemu_line(err);
            died += WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
            one += k == 1 && lines(err, "") == 1;              /* nothing else said */
            if ((k != 1 || !WIFSIGNALED(status)) && bad < 0) {
                bad = r;
                bad_status = status;
                tine_snprintf(bad_err, sizeof bad_err, "%s", err);
            }
        }
        CHECK_EQ(died, runs, n == 2 ? "two threads overflow at once: every run dies by SIGSEGV"
                                    : "eight threads overflow at once: every run dies by SIGSEGV");
        CHECK(one == runs, "%ld threads: exactly one message line in %d of %d runs (first bad: run %d, status %#x, \"%s\")",
              n, one, runs, bad, bad_status, bad_err);
    }
    return t_done();
}
