/*
 * t-ssp: code built with -fstack-protector-strong (tine-cc's default) gets
 * a canary from AT_RANDOM, in the main thread and in every new thread; a
 * buffer overrun is caught on return with "tine: stack smashing detected"
 * on stderr and death by SIGABRT.
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

/* Runs fn in a child process; its wait status, and its stderr in err. */
static int run(int (*fn)(void *), void *arg, char *err, long cap)
{
    int fd[2], status = -1, pid;
    long n = 0, r;

    if (tine_syscall2(__NR_pipe2, (long)fd, 0) != 0)
        return -1;
    pid = tine_fork();
    if (pid == 0) {
        struct rlimit nocore = { 0, 0 };
        tine_setrlimit(RLIMIT_CORE, &nocore);
        tine_syscall3(__NR_dup3, fd[1], 2, 0);
        tine_exit(fn(arg));
    }
    tine_close(fd[1]);
    while (n < cap - 1 && (r = tine_read(fd[0], err + n, (size_t)(cap - 1 - n))) > 0)
        n += r;
    err[n] = 0;
    tine_close(fd[0]);
    tine_wait(pid, &status);
    return status;
}

static void expect_abort(const char *what, int status, const char *err)
{
    static const char msg[] = "tine: stack smashing detected\n";
    /* qemu-user adds its own line about the guest's death after ours. */
    static const char q[] = "qemu: uncaught target signal 6";

    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "%s: dies by SIGABRT (status %#x)", what, status);
    CHECK(memcmp(err, msg, sizeof msg - 1) == 0 &&
          (err[sizeof msg - 1] == 0 || (t_qemu() && memcmp(err + sizeof msg - 1, q, sizeof q - 1) == 0)),
          "%s: stderr is \"tine: stack smashing detected\" (got \"%s\")", what, err);
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
    expect_abort("overrun in main", run(smash, 0, err, sizeof err), err);
    expect_abort("overrun in a thread", run(in_thread, (void *)1L, err, sizeof err), err);
    status = run(in_thread, 0, err, sizeof err);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 4 && err[0] == 0,
          "no overrun, no message (status %#x, \"%s\")", status, err);
    return t_done();
}
