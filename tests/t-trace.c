/* SPDX-License-Identifier: 0BSD */
/*
 * t-trace: TINE_TRACE=1 (set by mk/check.sh from the line below) prints
 * every clone and vfork tine makes, from the stubs, with the registers the
 * kernel read in this architecture's kernel order and the result; futex,
 * wait and exit calls too; and nothing once tine_trace(0) has turned it off.
 * Every way into the kernel's clone is traced: tine_clone (a thread and a
 * fork-shaped spawn), tine_clone_raw with no stack and with one, tine_fork,
 * tine_vfork called directly, tine_spawn_exec's vfork, and tine_clone3. stack= is what
 * the kernel got, checked against where the child's stack pointer really
 * was, not the stack_top the caller passed (the stubs align it, and s390x's
 * reserves its ABI's 160-byte save area below it; no stub writes fn or arg
 * there).
 *
 * env: TINE_TRACE=1
 *
 * The expected order is the kernel's, from DESIGN.md's table:
 *   x86_64                      flags, stack, ptid, ctid, tls
 *   i386 arm aarch64 riscv64    flags, stack, ptid, tls, ctid   (CLONE_BACKWARDS)
 *   ppc64le                     flags, stack, ptid, tls, ctid   (CLONE_BACKWARDS)
 *   s390x                       stack, flags, ptid, ctid, tls   (CLONE_BACKWARDS2)
 *   mips64el sparc64            flags, stack, ptid, tls, ctid   (CLONE_BACKWARDS's order)
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

static volatile unsigned long child_sp;  /* a CLONE_VM child's first local: just below its stack pointer */

static int where(void *arg)
{
    volatile char here = 0;

    (void)arg;
    child_sp = (unsigned long)&here;
    return here;
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

/* The hex value after `name=` in line (up to its newline), or -1. */
static unsigned long value(const char *line, const char *name)
{
    char key[16];
    unsigned long v = 0;
    const char *p;

    tine_snprintf(key, sizeof key, "%s=0x", name);
    for (p = line + 1; *p && *p != '\n'; p++)     /* line starts "tine: ", never with a name */
        if ((p[-1] == ' ' || p[-1] == '(') && memcmp(p, key, strlen(key)) == 0)
            break;
    if (*p == 0 || *p == '\n')
        return (unsigned long)-1;
    for (p += strlen(key); (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'); p++)
        v = v * 16 + (unsigned long)(*p <= '9' ? *p - '0' : *p - 'a' + 10);
    return v;
}

/* The line of trace containing what, from its start. */
static const char *line_with(const char *trace, const char *what)
{
    const char *p = find(trace, what);

    while (p && p > trace && p[-1] != '\n')
        p--;
    return p;
}

/* The child returns here on the new stack: no frame of main's to read from. */
static __attribute__((noinline)) long clone_on_stack(void *top)
{
    long r = tine_clone_raw(SIGCHLD, top, 0, 0, 0);

    if (r == 0)
        tine_exit_thread(5);
    return r;
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
    char machine[65 * 6], want[64], got[64], head[32], val[192];
    const char *expect, *line;
    struct tine_stack st;
    struct tine_clone_tls scratch;
    unsigned long tls = tine_clone_tls(tine_thread_self(), &scratch);
    unsigned long flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                          CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
    unsigned long top, rtop, k;
    int fd[2], saved, status, pid, fpid, rawpid, rawspid, vpid, spid, xpid, rawst = 0, c3pid, c3st = 0, up;
    long tid, n = 0, r;
    char *const noargs[] = { "/nonexistent/tine-t-trace", 0 };

    t_qemu();
    CHECK_EQ(tine_trace(1), 1, "TINE_TRACE=1 turned tracing on at start-up");
    tine_syscall1(__NR_uname, (long)machine);
    /*
     * The family by this program's own ELF machine (what the kernel reads
     * too), not by uname: an i386 program on an x86_64 kernel hears "x86_64".
     */
    {
        int em = t_elf_machine();

        expect = em == EM_X86_64 || em == EM_68K ? "flags,stack,ptid,ctid,tls"
               : em == EM_S390 ? "stack,flags,ptid,ctid,tls"
               : "flags,stack,ptid,tls,ctid";
    }

    /* stderr into a pipe while the calls are made. */
    tine_syscall2(__NR_pipe2, (long)fd, 0);
    saved = (int)tine_syscall3(__NR_fcntl, 2, F_DUPFD_CLOEXEC, 10);
    tine_syscall3(__NR_dup3, fd[1], 2, 0);
    tine_stack_map(&st, 16384, 0);
    top = (unsigned long)tine_stack_top(&st);
    up = t_stack_up(&st);
    /* 1. a thread-shaped tine_clone */
    tid = tine_clone(where, 0, flags, (void *)top, &ptid, &ctid, tls);
    t_wait_word(&ctid, 0, 5000);
    /* 2. tine_thread_spawn: its clone, its exit, its join */
    tine_thread *t;
    if (tine_thread_spawn(&t, slow, 0, 0) == 0)      /* slow: join finds it alive, and waits */
        tine_thread_join(t, 0);
    /* 3. tine_fork */
    pid = tine_fork();
    if (pid == 0)
        tine_exit(3);
    tine_wait(pid, &status);
    fpid = pid;
    /* 4. tine_clone_raw with no stack: a fork by hand */
    rawpid = (int)tine_clone_raw(SIGCHLD, 0, 0, 0, 0);
    if (rawpid == 0)
        tine_exit(4);
    tine_wait(rawpid, 0);
    /* 5. tine_clone_raw with a stack: the child returns here, on it */
    rtop = t_stack_up(&st) ? top + 256  /* headroom: the caller's frame, below sp where stacks grow up, */
                           : top - 256; /* or i386's caller popping its arguments on the child's stack */
    rawspid = (int)clone_on_stack((void *)rtop);
    tine_wait(rawspid, &rawst);
    /* 6. tine_vfork called directly */
    vpid = tine_vfork();
    if (vpid == 0)
        tine_exit(6);
    tine_wait(vpid, 0);
    /* 7. tine_spawn_exec's vfork (the exec fails: ENOENT) */
    xpid = tine_spawn_exec(noargs[0], noargs, 0);
    /* 8. a fork-shaped tine_spawn */
    spid = tine_spawn(quiet, 0, 0);
    tine_wait(spid, 0);
    /* 9. tine_clone3, fork-shaped: a pid natively, -ENOSYS under qemu-user; traced either way */
    struct clone_args ca = { .exit_signal = SIGCHLD };
    c3pid = (int)tine_clone3(&ca, sizeof ca);
    if (c3pid == 0)
        tine_exit(9);
    tine_trace(0);
    if (c3pid > 0)
        tine_wait(c3pid, &c3st);        /* untraced: the wait4 count below stays the others' */
    tine_clone(quiet, 0, SIGCHLD, tine_stack_top(&st), 0, 0, 0);
    tine_wait(-1, 0);
    pid = tine_fork();
    if (pid == 0)
        tine_exit(0);
    tine_wait(pid, 0);
    r = tine_vfork();
    if (r == 0)
        tine_exit(0);
    tine_wait((int)r, 0);
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
    /* sparc64's clone takes the stack biased as %sp is: the address minus 2047. */
    k = value(line, "stack") + (t_elf_machine() == EM_SPARCV9 ? 2047 : 0);
    if (up)
        CHECK(k >= top && child_sp > k && child_sp - k < 512,
              "stack= is what the kernel got (%#lx): the child's stack pointer, just below its first "
              "local (%#lx), at or above the stack_top passed (%#lx), where stacks grow up", k, child_sp, top);
    else
        CHECK(k <= top && k > child_sp && k - child_sp < 512,
              "stack= is what the kernel got (%#lx): the child's stack pointer, just above its first "
              "local (%#lx), at or below the stack_top passed (%#lx)", k, child_sp, top);
    CHECK(find(line, "flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|"
                     "CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID") != 0, "flags by name");
    tine_snprintf(val, sizeof val, ") = %ld\n", tid);
    CHECK(find(line, val) != 0, "and the result: the tid");
    tine_snprintf(val, sizeof val, "tine: exit #%d (status=0)", (int)__NR_exit);
    CHECK(find(trace, val) != 0, "a tine thread's exit: %s", val);
    CHECK(find(trace, "op=FUTEX_WAIT, val=1)") != 0, "its join: a shared FUTEX_WAIT on the CHILD_CLEARTID word");

    /* The fork-shaped ones: each once, from the parent, with its pid. */
    {
        int em = t_elf_machine();
        const char *z = em == EM_S390 ? "stack=0x0, flags=SIGCHLD, ptid=0x0, ctid=0x0, tls=0x0) = "
                      : em == EM_X86_64 || em == EM_68K ? "flags=SIGCHLD, stack=0x0, ptid=0x0, ctid=0x0, tls=0x0) = "
                      : "flags=SIGCHLD, stack=0x0, ptid=0x0, tls=0x0, ctid=0x0) = ";
        int forks[2] = { fpid, rawpid };
        const char *lf;

        for (int i = 0; i < 2; i++) {
            tine_snprintf(val, sizeof val, "%s%d\n", z, forks[i]);
            CHECK(find(trace, val) != 0, "%s: \"...%s\"", i ? "tine_clone_raw with no stack" : "tine_fork", val);
        }
        CHECK_EQ(count(trace, z), 2, "two clones with no stack (tine_fork, tine_clone_raw), each traced "
                 "once, by its parent: none from a child, none after tine_trace(0)");
        tine_snprintf(val, sizeof val, " = %d\n", rawspid);
        lf = line_with(trace, val);
        const char *eol = lf ? find(lf, "\n") : 0, *nostack = lf ? find(lf, "stack=0x0,") : 0;
        CHECK(rawspid > 0 && lf && find(lf, "flags=SIGCHLD") && find(lf, "stack=0x") && !(nostack && nostack < eol),
              "tine_clone_raw with a stack: traced, with its stack");
        if (lf) {
            /* sparc64: the first frame's 176 bytes, below the top, and biased as above. */
            unsigned long below = em == EM_SPARCV9 ? 176 : 160;

            k = value(lf, "stack") + (em == EM_SPARCV9 ? 2047 : 0);
            if (up)
                CHECK(k == rtop, "... as the kernel got it: %#lx, the %#lx passed", k, rtop);
            else
                CHECK(k <= rtop && rtop - k <= below, "... as the kernel got it: %#lx, at most %lu bytes below the "
                      "%#lx passed (s390x's save area, x86's return address, sparc64's frame and bias)",
                      k, below, rtop);
        }
        CHECK(WIFEXITED(rawst) && WEXITSTATUS(rawst) == 5, "and its child returned to the call site, on that stack");
    }
    tine_snprintf(val, sizeof val, "tine: exit_group #%d (status=3)", (int)__NR_exit_group);
    CHECK(find(trace, val) != 0, "tine_fork's child's %s", val);
#ifdef __NR_vfork
    tine_snprintf(val, sizeof val, "tine: vfork #%d () = %d\n", (int)__NR_vfork, vpid);
#else
    tine_snprintf(val, sizeof val, "%sflags=CLONE_VM|CLONE_VFORK|SIGCHLD, stack=0x0) = %d\n", head, vpid);
#endif
    CHECK(vpid > 0 && find(trace, val) != 0, "tine_vfork, called directly: %s", val);
    CHECK(xpid == -ENOENT, "tine_spawn_exec of a missing file: %s", tine_strerror(xpid));
#ifdef __NR_vfork
    tine_snprintf(val, sizeof val, "tine: vfork #%d () = ", (int)__NR_vfork);
#else
    tine_snprintf(val, sizeof val, "%sflags=CLONE_VM|CLONE_VFORK|SIGCHLD, stack=0x0) = ", head);
#endif
    CHECK_EQ(count(trace, val), 2, "two vforks (tine_vfork, tine_spawn_exec's), each traced once: none after tine_trace(0)");
    if (t_qemu())
        CHECK_EQ(c3pid, -ENOSYS, "tine_clone3 under qemu-user: -ENOSYS (docs/qemu-user.md)");
    else        /* a kernel before 5.3, or a seccomp filter (container runtimes'), answers ENOSYS */
        CHECK(c3pid > 0 ? WIFEXITED(c3st) && WEXITSTATUS(c3st) == 9 : c3pid == -ENOSYS,
              "tine_clone3, fork-shaped: a child that exits 9, or -ENOSYS where the kernel has none (%d)", c3pid);
    tine_snprintf(val, sizeof val, "tine: clone3 #%d ({flags=0x0, pidfd=0x0, child_tid=0x0, parent_tid=0x0, "
                  "exit_signal=SIGCHLD, stack=0x0, stack_size=0, tls=0x0}, size=%d) = %d",
                  (int)__NR_clone3, (int)sizeof ca, c3pid);
    CHECK(find(trace, val) != 0, "tine_clone3 traced with its clone_args: %s", val);
    CHECK_EQ(count(trace, "tine: clone3 #"), 1, "one clone3 line: by the parent only");
    tine_snprintf(val, sizeof val, "tine: wait4 #%d (pid=%d,", (int)__NR_wait4, rawpid);
    CHECK(find(trace, val) != 0, "the wait for a traced birth: %s", val);
    CHECK_EQ(count(trace, head) - count(trace, "CLONE_VFORK"), 6,
             "six clone lines (two threads, tine_fork, two tine_clone_raw, a spawn): none after tine_trace(0)");
    CHECK_EQ(count(trace, "tine: wait4 #"), 6, "six wait4 lines: none after tine_trace(0)");
    tine_printf("the trace was:\n%s", trace);
    return t_done();
}
