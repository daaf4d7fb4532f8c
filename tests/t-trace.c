/* SPDX-License-Identifier: 0BSD */
/*
 * t-trace: TINE_TRACE=1 (set by mk/check.sh from the line below) prints
 * each clone with its arguments in this architecture's kernel order, the
 * values tine passed, and the result; futex, wait and exit calls too; and
 * nothing once tine_trace(0) has turned it off.
 *
 * env: TINE_TRACE=1
 *
 * The expected order is the kernel's, from DESIGN.md's table:
 *   x86_64                      flags, stack, ptid, ctid, tls
 *   i386 arm aarch64 riscv64    flags, stack, ptid, tls, ctid   (CLONE_BACKWARDS)
 *   s390x                       stack, flags, ptid, ctid, tls   (CLONE_BACKWARDS2)
 */
#include "t.h"
#include <linux/elf-em.h>

static char trace[16384];
static int ptid, ctid = 1;

static int quiet(void *arg)
{
    (void)arg;
    return 0;
}

static int slow(void *arg)
{
    (void)arg;
    tine_nanosleep(0, 200000000);
    return 0;
}

/* The order a trace line names its arguments in, e.g. "flags,stack,ptid,tls,ctid". */
static void order_of(const char *line, char *out, int cap)
{
    int n = 0;

    for (const char *p = line; *p && *p != '\n'; p++)
        if (*p == '=' && p[1] != ' ' && (p[-1] >= 'a' && p[-1] <= 'z')) {
            const char *b = p;
            while (b > line && b[-1] >= 'a' && b[-1] <= 'z')
                b--;
            if (n && n < cap - 1)
                out[n++] = ',';
            while (b < p && n < cap - 1)
                out[n++] = *b++;
        }
    out[n] = 0;
}

static const char *find(const char *from, const char *what)
{
    size_t k = strlen(what);

    for (; *from; from++)
        if (memcmp(from, what, k) == 0)
            return from;
    return 0;
}

static int count(const char *in, const char *what)
{
    int n = 0;

    for (const char *p = in; (p = find(p, what)) != 0; p++)
        n++;
    return n;
}

int main(void)
{
    char machine[65 * 6], want[64], got[64], head[32], val[64];
    const char *expect, *line;
    struct tine_stack st;
    struct tine_clone_tls scratch;
    unsigned long tls = tine_clone_tls(tine_thread_self(), &scratch);
    unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                          CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
    int fd[2], saved, status, pid;
    long tid, n = 0, r;

    t_qemu();
    CHECK_EQ(tine_trace(1), 1, "TINE_TRACE=1 turned tracing on at start-up");
    tine_syscall1(__NR_uname, (long)machine);
    /*
     * The family by this program's own ELF machine (what the kernel reads
     * too), not by uname: an i386 program on an x86_64 kernel hears "x86_64".
     */
    {
        int em = t_elf_machine();

        expect = em == EM_X86_64 ? "flags,stack,ptid,ctid,tls"
               : em == EM_S390 ? "stack,flags,ptid,ctid,tls"
               : "flags,stack,ptid,tls,ctid";
    }

    /* stderr into a pipe while the calls are made. */
    tine_syscall2(__NR_pipe2, (long)fd, 0);
    saved = (int)tine_syscall3(__NR_fcntl, 2, F_DUPFD_CLOEXEC, 10);
    tine_syscall3(__NR_dup3, fd[1], 2, 0);
    tine_stack_map(&st, 16384, 0);
    tid = tine_clone(quiet, 0, flags, tine_stack_top(&st), &ptid, &ctid, tls);
    t_wait_word(&ctid, 0, 5000);
    tine_thread *t;
    if (tine_thread_spawn(&t, slow, 0, 0) == 0)      /* slow: join finds it alive, and waits */
        tine_thread_join(t, 0);
    pid = tine_fork();
    if (pid == 0)
        tine_exit(3);
    tine_wait(pid, &status);
    tine_trace(0);
    tine_clone(quiet, 0, SIGCHLD, tine_stack_top(&st), 0, 0, 0);
    tine_wait(-1, 0);
    tine_syscall3(__NR_dup3, saved, 2, 0);
    tine_close(fd[1]);
    while (n < (long)sizeof trace - 1 && (r = tine_read(fd[0], trace + n, sizeof trace - 1 - (size_t)n)) > 0)
        n += r;
    trace[n] = 0;
    tine_stack_unmap(&st);

    tine_snprintf(head, sizeof head, "tine: clone #%d (", (int)__NR_clone);
    line = find(trace, head);
    CHECK(tid > 0 && line, "a thread-shaped clone (tid %ld) is traced as \"%s...\"", tid, head);
    if (!line)
        return t_done();
    order_of(line, got, sizeof got);
    tine_snprintf(want, sizeof want, "%s", expect);
    CHECK(strcmp(got, want) == 0, "this port's order: %s (traced: %s; uname says %s)", want, got,
          machine + 4 * 65);
    tine_snprintf(val, sizeof val, "ptid=%#lx", (unsigned long)&ptid);
    CHECK(find(line, val) != 0, "the ptid tine passed: %s", val);
    tine_snprintf(val, sizeof val, "ctid=%#lx", (unsigned long)&ctid);
    CHECK(find(line, val) != 0, "the ctid tine passed: %s", val);
    tine_snprintf(val, sizeof val, "tls=%#lx", tls);
    CHECK(find(line, val) != 0, "the tls tine passed: %s", val);
    CHECK(find(line, "flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|"
                     "CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID") != 0, "flags by name");
    tine_snprintf(val, sizeof val, ") = %ld\n", tid);
    CHECK(find(line, val) != 0, "and the result: the tid");
    tine_snprintf(val, sizeof val, "tine: exit #%d (status=0)", (int)__NR_exit);
    CHECK(find(trace, val) != 0, "a tine thread's exit: %s", val);
    CHECK(find(trace, "op=FUTEX_WAIT, val=1)") != 0, "its join: a shared FUTEX_WAIT on the CHILD_CLEARTID word");
    tine_snprintf(val, sizeof val, "tine: clone #%d (", (int)__NR_clone);
    CHECK(find(trace, "flags=SIGCHLD, ") && find(trace, ") = 0\n"), "the fork, from both sides (= pid, = 0)");
    tine_snprintf(val, sizeof val, "tine: exit_group #%d (status=3)", (int)__NR_exit_group);
    CHECK(find(trace, val) != 0, "the child's %s", val);
    tine_snprintf(val, sizeof val, "tine: wait4 #%d (pid=%d,", (int)__NR_wait4, pid);
    CHECK(find(trace, val) != 0, "the wait: %s", val);
    CHECK_EQ(count(trace, "tine: clone #"), 4, "four clone lines (two threads, the fork twice): none after tine_trace(0)");
    CHECK_EQ(count(trace, "tine: wait4 #"), 1, "one wait4 line: none after tine_trace(0)");
    tine_printf("the trace was:\n%s", trace);
    return t_done();
}
