/* SPDX-License-Identifier: 0BSD */
/*
 * t-rlimit: resource limits through prlimit64, for this process and for
 * another; and spawning past RLIMIT_NPROC fails with -EAGAIN, leaves
 * nothing mapped, and leaves the process able to spawn again.
 */
#include "t.h"

/* 32-bit x86 and arm keep a 16-bit-uid setresuid under the plain name. */
#ifdef __NR_setresuid32
#define NR_setresuid __NR_setresuid32
#else
#define NR_setresuid __NR_setresuid
#endif

static char before[16384], after[16384];
static unsigned long leak_allowed;      /* set in main, before the child drops root */

/* The bytes a /proc/self/maps text maps in all: the sum of its ranges. */
static unsigned long mapped(const char *maps)
{
    unsigned long sum = 0, lo, hi;

    for (const char *p = maps; *p; ) {
        for (lo = 0; *p && *p != '-'; p++)
            lo = lo * 16 + (unsigned long)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
        for (hi = 0, p += !!*p; *p && *p != ' '; p++)
            hi = hi * 16 + (unsigned long)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
        sum += hi - lo;
        while (*p && *p++ != '\n')
            ;
    }
    return sum;
}

/*
 * What the failed spawns may leave mapped: nothing, on the kernel. qemu-user
 * 8.0 and later map a page for each new x86 guest thread's GDT (cpu_copy()
 * in linux-user/main.c, commit 2732c739d846) before it creates the host
 * thread, and do not unmap it when that fails (do_fork: "TODO: Free new CPU
 * state if thread creation failed"): one page for the failed thread spawn;
 * forks never copy a CPU that way. qemu's leak, not tine's: the page is in
 * no tine mapping, and the kernel shows none. Asked while still root: under
 * qemu, reading /proc/self/exe opens the program's own path, which user
 * nobody may not reach (a clone under /root, mode 0700).
 */
static unsigned long qemu_leak(void)
{
    int em = t_elf_machine();

    if (t_qemu_version() >= T_QEMU(8, 0, 0) && (em == EM_X86_64 || em == EM_386))
        return tine_page_size();
    return 0;
}

static int nothing(void *arg)
{
    return (int)(long)arg;
}

/* In a child: become an ordinary user (root is exempt from RLIMIT_NPROC), then hit the limit. */
static int past_nproc(void)
{
    struct rlimit lim, one;
    tine_thread *t;
    int ok = 1, e, ret = -1;

    if (tine_syscall0(__NR_getuid) == 0 &&
        tine_syscall3(NR_setresuid, 65534, 65534, 65534) != 0)
        return 10;
    if (tine_getrlimit(RLIMIT_NPROC, &lim) != 0)
        return 11;
    one = (struct rlimit){ 1, lim.rlim_max };      /* this process is already one */
    if (tine_setrlimit(RLIMIT_NPROC, &one) != 0)
        return 12;
    t_read_file("/proc/self/maps", before, sizeof before);
    e = tine_thread_spawn(&t, nothing, 0, 0);
    CHECK_EQ(e, -EAGAIN, "thread spawn past RLIMIT_NPROC");
    ok &= e == -EAGAIN;
    e = tine_spawn(nothing, 0, 0);
    CHECK_EQ(e, -EAGAIN, "tine_spawn past RLIMIT_NPROC");
    ok &= e == -EAGAIN;
    e = tine_fork();
    if (e == 0)
        tine_exit(0);
    CHECK_EQ(e, -EAGAIN, "tine_fork past RLIMIT_NPROC");
    ok &= e == -EAGAIN;
    t_read_file("/proc/self/maps", after, sizeof after);
    {
        unsigned long grew = mapped(after) - mapped(before), allowed = leak_allowed;

        if (allowed)
            CHECK(grew == allowed, "qemu-user >= 8.0, x86 guest: only its GDT page left by the "
                  "failed thread spawn (%lu bytes, want %lu)", grew, allowed);
        else
            CHECK(strcmp(before, after) == 0, "nothing left mapped by the failed spawns (%lu bytes more)", grew);
        ok &= allowed ? grew == allowed : strcmp(before, after) == 0;
    }
    e = tine_setrlimit(RLIMIT_NPROC, &lim);
    e = e ? e : tine_thread_spawn(&t, nothing, (void *)9L, 0);
    e = e ? e : tine_thread_join(t, &ret);
    CHECK(e == 0 && ret == 9, "limit restored: a thread runs again (%s)", tine_strerror(e));
    ok &= e == 0 && ret == 9;
    return ok ? 0 : 1;
}

int main(void)
{
    struct rlimit r, old, mine, bad;
    int pid, status, futex = 0;

    t_qemu();
    leak_allowed = qemu_leak();
    CHECK_EQ(tine_getrlimit(RLIMIT_NOFILE, &mine), 0, "getrlimit(RLIMIT_NOFILE)");
    r = (struct rlimit){ 100, mine.rlim_max };
    CHECK_EQ(tine_setrlimit(RLIMIT_NOFILE, &r), 0, "setrlimit(RLIMIT_NOFILE, 100)");
    CHECK(tine_getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur == 100 && r.rlim_max == mine.rlim_max,
          "getrlimit gives back 100 and the same hard limit");
    bad = (struct rlimit){ 200, 150 };
    CHECK_EQ(tine_setrlimit(RLIMIT_NOFILE, &bad), -EINVAL, "soft above hard");
    CHECK_EQ(tine_setrlimit(RLIMIT_NOFILE, 0), -EINVAL, "setrlimit(NULL)");
    CHECK_EQ(tine_getrlimit(RLIMIT_NOFILE, 0), -EINVAL, "getrlimit(NULL)");
    CHECK_EQ(tine_getrlimit(9999, &r), -EINVAL, "an unknown resource");

    /* Another process's limits: a child parked on a futex. */
    pid = tine_fork();
    if (pid == 0) {
        tine_futex_wait(&futex, 0);                /* a copy: it stays 0 until killed */
        tine_exit(0);
    }
    CHECK(pid > 0, "fork a child to limit");
    r = (struct rlimit){ 50, 80 };
    CHECK_EQ(tine_prlimit(pid, RLIMIT_NOFILE, &r, &old), 0, "prlimit(child, NOFILE, {50, 80}, &old)");
    CHECK(old.rlim_cur == 100 && old.rlim_max == mine.rlim_max, "old: the limits it inherited");
    CHECK(tine_prlimit(pid, RLIMIT_NOFILE, 0, &r) == 0 && r.rlim_cur == 50 && r.rlim_max == 80,
          "read back: {50, 80}");
    CHECK(tine_getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur == 100, "ours did not change");
    tine_kill(pid, SIGKILL);
    tine_wait(pid, &status);
    CHECK_EQ(tine_prlimit(pid, RLIMIT_NOFILE, 0, &r), -ESRCH, "prlimit on a reaped pid");
    CHECK_EQ(tine_setrlimit(RLIMIT_NOFILE, &mine), 0, "restore RLIMIT_NOFILE");

    /* Past RLIMIT_NPROC, in a child so that this process keeps its limits. */
    pid = tine_fork();
    if (pid == 0)
        tine_exit(past_nproc());
    CHECK(pid > 0 && tine_wait(pid, &status) == pid, "fork a child to run out of processes");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "the child saw -EAGAIN everywhere and recovered (status %#x; 10-12: setup failed)", status);
    return t_done();
}
