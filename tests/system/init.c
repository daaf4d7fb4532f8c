/* SPDX-License-Identifier: 0BSD */
/*
 * tests/system/init.c — the first process of a freshly booted test kernel.
 *
 * `make check-system` boots a port's Debian kernel in qemu-system with an
 * initramfs holding this program as /init, the port's tests in /tests and
 * a /bin/sh. As PID 1 it mounts what the tests need, runs the tests its
 * manifest names one at a time, and powers off. Were PID 1 to exit, the
 * kernel would panic: every path ends in power_off().
 *
 * The manifest, /tests/manifest, has a line per test: its file name in
 * /tests, then NAME=value words for its environment, which also holds
 * TINE_RUNNER=native ("t-trace TINE_TRACE=1").
 *
 * A test's stdout and stderr go into one pipe, and init writes each whole
 * line to the console with the test's name, where kernel messages cannot
 * pass for the test's (mk/system-logs.sh reads it all back):
 *
 *   @tine-boot <kernel release> <machine> tests=<N> timeout=<s> uptime=<ms>
 *   @tine-init <message>                init's own: a mount that failed, ...
 *   @tine-run <test>
 *   @tine <test> <line>                 one line the test wrote
 *   @tine-end <test> exit=<n>|signal=<n>|timeout=<s> lines=<n> bytes=<n> ms=<n>
 *   @tine-done <N> ms=<n>
 *
 * lines and bytes count what was sent (each line with its newline), so
 * the host can tell a log that came whole from one a kernel message cut
 * into. A line over 1024 bytes is cut in two; a last line gets a newline.
 *
 * TINE_TIMEOUT=<seconds> on the kernel's command line (the kernel hands
 * such words to init as its environment) sets the timeout, 120 s by
 * default. TINE_INIT_TEST=1 runs the manifest in TINE_TESTS (default
 * /tests) as an ordinary process, without mounting or powering off: how
 * this program is tried without booting a kernel.
 */
#include <tine.h>
#include <linux/mount.h>        /* MS_* */
#include <linux/poll.h>         /* struct pollfd, POLLIN */
#include <linux/prctl.h>        /* PR_SET_CHILD_SUBREAPER */
#include <linux/reboot.h>       /* LINUX_REBOOT_* */
#include <linux/utsname.h>      /* struct new_utsname */

#define MAX_TESTS 512
#define MAX_WORDS 16            /* environment words per test */
#define GRACE_MS  10000         /* how long a killed test may take to go */

static struct { char *name, *env[MAX_WORDS + 2]; } tests[MAX_TESTS];
static char manifest[65536];
static int testing, devnull = -1;
static long timeout = 120;      /* seconds */

/* One line of init's own. Console writes go unchecked: there is nowhere else to say it. */
#define say(fmt, ...) tine_dprintf(1, "@tine-init " fmt "\n", ##__VA_ARGS__)
#define FATAL(fmt, ...) (say("fatal: " fmt, ##__VA_ARGS__), power_off(1))

/* Syncs and powers off; as an ordinary process (TINE_INIT_TEST=1), exits. */
static _Noreturn void power_off(int code)
{
    long e;

    if (testing)
        tine_exit(code);
    tine_syscall0(__NR_sync);
    e = tine_syscall4(__NR_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_POWER_OFF, 0);
    say("cannot power off: %s; waiting for the host to stop the machine", tine_strerror((int)e));
    for (;;)
        tine_nanosleep(3600, 0);
}

/* Milliseconds since the kernel started, on the clock that never jumps. */
static long long now_ms(void)
{
    struct __kernel_timespec ts;
    int e = tine_clock_gettime64(CLOCK_MONOTONIC, &ts);

    if (e != 0)
        FATAL("cannot read CLOCK_MONOTONIC: %s", tine_strerror(e));
    return ts.tv_sec * 1000 + (long)ts.tv_nsec / 1000000;
}

/* Mounts a file system, making its mount point first (the initramfs may lack it). */
static void mount(const char *type, const char *dir, unsigned long flags, const char *data)
{
    long e = tine_syscall3(__NR_mkdirat, AT_FDCWD, (long)dir, 0755);

    if (e == 0 || e == -EEXIST)
        e = tine_syscall5(__NR_mount, (long)type, (long)dir, (long)type, (long)flags, (long)data);
    if (e != 0)
        say("cannot mount %s on %s: %s", type, dir, tine_strerror((int)e));
}

/* Reads the manifest into tests[], cutting it into words in place; returns how many tests. */
static int read_manifest(const char *dir)
{
    char path[256], *word, *c, end;
    int fd, count = 0, line = 1, w = 0;
    long n = 0, r;

    tine_snprintf(path, sizeof path, "%s/manifest", dir);
    if ((fd = tine_open(path, O_RDONLY | O_CLOEXEC, 0)) < 0)
        FATAL("cannot open %s: %s", path, tine_strerror(fd));
    while (n < (long)sizeof manifest - 1 && (r = tine_read(fd, manifest + n, sizeof manifest - 1 - n)) != 0) {
        if (r < 0 && r != -EINTR)
            FATAL("cannot read %s: %s", path, tine_strerror((int)r));
        n += r > 0 ? r : 0;
    }
    if (n == (long)sizeof manifest - 1)
        FATAL("%s is too long: at most %ld bytes", path, n - 1);
    tine_close(fd);
    for (char *p = manifest; *p; ) {
        for (word = p; *p && *p != ' ' && *p != '\t' && *p != '\n'; p++)
            ;
        end = *p;
        if (*p)
            *p++ = 0;
        for (c = word; *c && *c != '='; c++)
            ;
        if (*word && w++ == 0) {            /* a test's name */
            if (count == MAX_TESTS)
                FATAL("%s: more than %d tests", path, MAX_TESTS);
            tests[count].name = word;
            tests[count++].env[0] = "TINE_RUNNER=native";
        } else if (*word && (c == word || !*c || w > MAX_WORDS + 1)) {
            FATAL("%s line %d: %s: want NAME=value, at most %d to a test", path, line, word, MAX_WORDS);
        } else if (*word) {
            tests[count - 1].env[w - 1] = word;
        }
        if (end == '\n')
            line++, w = 0;
    }
    return count;
}

/* What a test writes is cut into lines, each sent with the test's name, and counted. */
struct out {
    const char *name;
    long len, lines, bytes;
    char line[1024];
};

static void take(struct out *o, const char *p, long n)
{
    for (; n > 0; p++, n--) {
        if (*p != '\n')
            o->line[o->len++] = *p;
        if (*p == '\n' || o->len == sizeof o->line) {
            tine_dprintf(1, "@tine %s %.*s\n", o->name, (int)o->len, o->line);
            o->lines++;
            o->bytes += o->len + 1;
            o->len = 0;
        }
    }
}

/*
 * The test's process: a session and process group of its own, so that all
 * it leaves running can be killed at once; stdin /dev/null, stdout and
 * stderr the pipe. A failed exec is reported as mk/tine-exec.c does.
 */
static _Noreturn void child(const char *path, char **env, int out)
{
    char *argv[] = { (char *)path, 0 };
    long e = tine_syscall0(__NR_setsid);

    if (e >= 0 && devnull >= 0)
        e = tine_syscall3(__NR_dup3, devnull, 0, 0);
    if (e >= 0 && (e = tine_syscall3(__NR_dup3, out, 1, 0)) >= 0)
        e = tine_syscall3(__NR_dup3, out, 2, 0);
    if (e >= 0)
        e = tine_execve(path, argv, env);
    tine_dprintf(out, "cannot execute %s: %s\n", path, tine_strerror((int)e));
    tine_exit(e == -ENOENT ? 127 : 126);
}

/*
 * Reaps every child that has exited: the test, and the orphans PID 1
 * inherits from tests (__WALL: whatever their exit signal). Returns 1 once
 * the test itself is reaped, with its wait status in *status.
 */
static int reap(int pid, int *status)
{
    int found = 0, st;
    long r;

    while ((r = tine_syscall4(__NR_wait4, -1, (long)&st, WNOHANG | __WALL, 0)) > 0 || r == -EINTR)
        if (r == pid)
            *status = st, found = 1;
    return found;
}

/* Runs one test to its end or its timeout, sending on what it writes. */
static void run(const char *dir, char *name, char **env)
{
    char path[256], buf[4096];
    struct out o = { .name = name };
    long long begin = now_ms(), deadline = begin + timeout * 1000, left;
    int fd[2], pid, pidfd, status = 0, done = 0, eof = 0, killed = 0, everyone;
    long e;

    tine_snprintf(path, sizeof path, "%s/%s", dir, name);
    tine_dprintf(1, "@tine-run %s\n", name);
    if ((e = tine_syscall2(__NR_pipe2, (long)fd, O_CLOEXEC)) < 0)
        FATAL("cannot make a pipe for %s: %s", name, tine_strerror((int)e));
    if ((pid = tine_fork()) == 0)
        child(path, env, fd[1]);
    tine_close(fd[1]);
    if (pid < 0)
        FATAL("cannot fork for %s: %s", name, tine_strerror(pid));
    if ((pidfd = tine_pidfd_open(pid, 0)) < 0)      /* readable once the test has exited */
        FATAL("cannot open a pidfd for %s: %s", name, tine_strerror(pidfd));
    everyone = testing ? -pid : -1;     /* its process group; for PID 1, every process but itself */
    while (!done || !eof) {
        struct pollfd p[2] = { { eof ? -1 : fd[0], POLLIN, 0 }, { done ? -1 : pidfd, POLLIN, 0 } };
        struct timespec ts;

        if ((left = deadline - now_ms()) <= 0 && (killed || done)) {
            say("%s: %s; going on without it", name, done ? "its output is still open after it exited"
                                                           : "still there after SIGKILL");
            break;
        }
        if (left <= 0) {                /* time is up */
            tine_kill(pid, SIGKILL);
            tine_kill(everyone, SIGKILL);
            killed = 1;
            deadline = now_ms() + GRACE_MS;
            continue;
        }
        ts.tv_sec = (long)(left / 1000);
        ts.tv_nsec = (long)(left % 1000) * 1000000;
        if ((e = tine_syscall5(__NR_ppoll, (long)p, 2, (long)&ts, 0, 0)) < 0 && e != -EINTR)
            FATAL("ppoll: %s", tine_strerror((int)e));
        if (p[0].revents && (e = tine_read(fd[0], buf, sizeof buf)) != -EINTR) {
            if (e > 0)
                take(&o, buf, e);
            else
                eof = 1;                /* every writer is gone (or the pipe failed: nothing more to read) */
        }
        if (p[1].revents && reap(pid, &status)) {
            done = 1;
            tine_kill(everyone, SIGKILL);   /* what it left running would hold the pipe open */
        }
    }
    if (o.len)
        take(&o, "\n", 1);             /* a last line with no newline gets one */
    reap(pid, &status);                 /* orphans that exited since */
    tine_close(fd[0]);
    tine_close(pidfd);
    tine_dprintf(1, "@tine-end %s %s=%d lines=%ld bytes=%ld ms=%lld\n", name,
                 killed ? "timeout" : WIFEXITED(status) ? "exit" : "signal",
                 killed ? (int)timeout : WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status),
                 o.lines, o.bytes, now_ms() - begin);
}

int main(void)
{
    const char *dir = tine_getenv("TINE_TESTS"), *t = tine_getenv("TINE_TIMEOUT");
    long long start;
    struct new_utsname u;
    int count, fd;
    long e;

    if (!(testing = tine_getenv("TINE_INIT_TEST") != 0) && tine_getpid() != 1) {
        tine_dprintf(2, "init: only PID 1 mounts and powers off (TINE_INIT_TEST=1 runs the tests alone)\n");
        tine_exit(2);               /* never power off the machine we were started on */
    }
    start = now_ms();
    if (testing) {                  /* orphans come to us, as they would to PID 1 */
        if ((e = tine_syscall2(__NR_prctl, PR_SET_CHILD_SUBREAPER, 1)) != 0)
            say("cannot become a subreaper: %s; orphans go elsewhere", tine_strerror((int)e));
    } else {
        /* fds 0-2 are the console already: the kernel's own built-in initramfs has /dev/console. */
        mount("devtmpfs", "/dev", MS_NOSUID, "mode=0755");
        mount("proc", "/proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, 0);
        mount("sysfs", "/sys", MS_NOSUID | MS_NODEV | MS_NOEXEC, 0);
        mount("tmpfs", "/tmp", MS_NOSUID | MS_NODEV, "mode=1777");
        mount("cgroup2", "/sys/fs/cgroup", MS_NOSUID | MS_NODEV | MS_NOEXEC, 0);
        /* Console loglevel 1: only emergencies, so few kernel messages come between our lines. */
        if ((fd = tine_open("/proc/sys/kernel/printk", O_WRONLY | O_CLOEXEC, 0)) < 0 || tine_write(fd, "1\n", 2) != 2)
            say("cannot lower the console loglevel: %s", tine_strerror(fd < 0 ? fd : -EIO));
        if (fd >= 0)
            tine_close(fd);
    }
    if ((devnull = tine_open("/dev/null", O_RDWR | O_CLOEXEC, 0)) < 0)
        say("cannot open /dev/null: %s; the tests get init's stdin", tine_strerror(devnull));
    if (t) {
        for (timeout = 0; *t >= '0' && *t <= '9' && timeout < 1000000; t++)
            timeout = timeout * 10 + (*t - '0');
        if (*t || timeout == 0)
            FATAL("TINE_TIMEOUT=%s: want a number of seconds", tine_getenv("TINE_TIMEOUT"));
    }
    count = read_manifest(dir = dir ? dir : "/tests");
    if ((e = tine_syscall1(__NR_uname, (long)&u)) != 0)
        FATAL("uname: %s", tine_strerror((int)e));
    /* A line of its own: the firmware may have left its last words unended. */
    tine_dprintf(1, "\n@tine-boot %s %s tests=%d timeout=%ld uptime=%lld\n", u.release, u.machine, count, timeout, start);
    for (int i = 0; i < count; i++)
        run(dir, tests[i].name, tests[i].env);
    tine_dprintf(1, "@tine-done %d ms=%lld\n", count, now_ms() - start);
    power_off(0);
}
