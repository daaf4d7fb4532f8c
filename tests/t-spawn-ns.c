/* SPDX-License-Identifier: 0BSD */
/*
 * t-spawn-ns: tine_spawn with the kernel's vocabulary beyond fork.
 * Natively: each namespace flag gives the child a namespace of its own
 * (its /proc/self/ns link differs from ours) and what that namespace is
 * for: pid 1, a hostname of its own, a private mount, uid 0 mapped to us,
 * a network with only lo; where the machine refuses (-EPERM without
 * privilege) the test says so and checks that error. CLONE_PARENT, exit
 * signals 0 and SIGWINCH, and CLONE_VM without CLONE_THREAD work too.
 * Under qemu-user (7.2 to 10.0) every one of these is -EINVAL.
 */
#include "t.h"
#include <linux/mount.h>

static const char *const ns_name[] = { "pid", "uts", "mnt", "user", "ipc", "net", "cgroup" };
static const unsigned long ns_flag[] = { CLONE_NEWPID, CLONE_NEWUTS, CLONE_NEWNS, CLONE_NEWUSER,
                                         CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWCGROUP };
static char ours[7][64];                /* our namespace links, copied into every child */
static int *shared;                     /* MAP_SHARED: what children report */
static int in_memory;                   /* plain memory: only a CLONE_VM child can change ours */

static long link_of(const char *ns, char *buf, long cap)
{
    char path[32] = "/proc/self/ns/";
    long n;

    memcpy(path + 14, ns, strlen(ns) + 1);
    n = tine_syscall4(__NR_readlinkat, AT_FDCWD, (long)path, (long)buf, cap - 1);
    buf[n > 0 ? n : 0] = 0;
    return n;
}

/* The child: 0 if it is where it should be, else which check failed. */
static int in_ns(void *arg)
{
    int i = (int)(long)arg;
    char now[64], uts[6 * 65];

    if (link_of(ns_name[i], now, sizeof now) <= 0 || strcmp(now, ours[i]) == 0)
        return 10;                      /* not in a new namespace */
    switch (ns_flag[i]) {
    case CLONE_NEWPID:
        return tine_getpid() == 1 && tine_getppid() == 0 ? 0 : 11;
    case CLONE_NEWUTS:
        if (tine_syscall2(__NR_sethostname, (long)"tine-ns", 7) != 0 ||
            tine_syscall1(__NR_uname, (long)uts) != 0)
            return 12;
        return strcmp(uts + 65, "tine-ns") == 0 ? 0 : 13;   /* nodename, the second field */
    case CLONE_NEWNS:               /* private first, so that nothing propagates back to us */
        if (tine_syscall5(__NR_mount, 0, (long)"/", 0, MS_REC | MS_PRIVATE, 0) != 0 ||
            tine_syscall5(__NR_mount, (long)"tine-ns-test", (long)"/tmp", (long)"tmpfs", 0, 0) != 0)
            return 14;
        return t_file_contains("/proc/self/mountinfo", "tine-ns-test") ? 0 : 15;
    case CLONE_NEWUSER:
        return tine_syscall0(__NR_getuid) == 0 && tine_syscall0(__NR_getgid) == 0 ? 0 : 16;
    case CLONE_NEWNET:              /* /proc/net/dev: two header lines and lo */
        return t_file_contains("/proc/self/net/dev", "lo:") && !t_file_contains("/proc/self/net/dev", "eth") ? 0 : 17;
    }
    return 0;
}

/* All of them at once, as a container runtime asks: the user namespace makes the rest unprivileged. */
static int container(void *arg)
{
    char uts[6 * 65];

    (void)arg;
    if (tine_getpid() != 1 || tine_syscall0(__NR_getuid) != 0)
        return 20;
    if (tine_syscall2(__NR_sethostname, (long)"box", 3) != 0 || tine_syscall1(__NR_uname, (long)uts) != 0)
        return 21;
    return strcmp(uts + 65, "box") == 0 && !t_file_contains("/proc/self/net/dev", "eth") ? 0 : 22;
}

static int report(void *arg)
{
    (void)arg;
    shared[0] = tine_getppid();
    in_memory = 77;
    return 0;
}

/* A child that spawns with CLONE_PARENT: its child becomes our child. */
static int middle(void *arg)
{
    struct tine_spawn_opts o = { .flags = CLONE_PARENT, .exit_signal = SIGCHLD };

    (void)arg;
    shared[1] = tine_spawn(report, 0, &o);
    return 0;
}

int main(void)
{
    int qemu = t_qemu(), status, pid;
    char uts[6 * 65], host[65];
    static char before[16384], after[16384];

    shared = tine_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    tine_syscall1(__NR_uname, (long)uts);
    memcpy(host, uts + 65, 65);
    for (int i = 0; i < 7; i++) {
        struct tine_spawn_opts o = { .flags = ns_flag[i], .exit_signal = SIGCHLD };

        link_of(ns_name[i], ours[i], sizeof ours[i]);
        pid = tine_spawn(in_ns, (void *)(long)i, &o);
        if (qemu) {
            CHECK_EQ(pid, -EINVAL, "qemu-user refuses CLONE_NEW*");
        } else if (pid == -EPERM) {
            CHECK(pid == -EPERM, "CLONE_NEW%s: this machine refuses it without privilege (EPERM)", ns_name[i]);
        } else {
            int w = pid > 0 ? tine_wait(pid, &status) : pid;
            CHECK(w == pid && pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "%s namespace: the child is in its own (pid %d, exit %d; 10+: which check failed)",
                  ns_name[i], pid, WEXITSTATUS(status));
        }
    }
    struct tine_spawn_opts box = { .flags = CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWNS |
                                            CLONE_NEWIPC | CLONE_NEWNET, .exit_signal = SIGCHLD };
    pid = tine_spawn(container, 0, &box);
    if (qemu) {
        CHECK_EQ(pid, -EINVAL, "qemu-user refuses a container too");
    } else if (pid == -EPERM) {
        CHECK(pid == -EPERM, "a container: this machine allows no user namespaces (EPERM)");
    } else {
        int w = pid > 0 ? tine_wait(pid, &status) : pid;
        CHECK(w == pid && pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
              "a container (user, pid, uts, mnt, ipc, net): pid 1, uid 0, its own hostname (exit %d)",
              WEXITSTATUS(status));
    }
    tine_syscall1(__NR_uname, (long)uts);
    CHECK(strcmp(uts + 65, host) == 0, "our hostname is still %s", host);
    CHECK(!t_file_contains("/proc/self/mountinfo", "tine-ns-test"), "the child's tmpfs is not among our mounts");

    /* CLONE_PARENT, from a child: the grandchild is ours to reap. */
    shared[0] = shared[1] = 0;
    pid = tine_spawn(middle, 0, 0);
    CHECK(pid > 0 && tine_wait(pid, &status) == pid && WEXITSTATUS(status) == 0, "a middle child spawns and exits");
    if (qemu) {
        CHECK_EQ(shared[1], -EINVAL, "qemu-user refuses CLONE_PARENT");
    } else {
        CHECK(shared[1] > 0 && tine_wait(shared[1], &status) == shared[1],
              "CLONE_PARENT: we reap the middle child's child (%d)", shared[1]);
        CHECK_EQ(shared[0], tine_getpid(), "and its parent was us");
    }

    /* Exit signals other than SIGCHLD; 0 is found by tine_wait's __WALL. */
    int sigs[] = { 0, SIGWINCH };
    for (int i = 0; i < 2; i++) {
        struct tine_spawn_opts o = { .exit_signal = sigs[i] };
        pid = tine_spawn(report, 0, &o);
        if (qemu)
            CHECK_EQ(pid, -EINVAL, "qemu-user: only SIGCHLD ends a fork");
        else
            CHECK(pid > 0 && tine_wait(pid, &status) == pid && WIFEXITED(status),
                  "exit signal %d: tine_wait reaps the child", sigs[i]);
    }

    /* CLONE_VM without CLONE_THREAD: a process in our memory; its stack goes when it is reaped. */
    struct tine_spawn_opts vm = { .flags = CLONE_VM, .exit_signal = SIGCHLD };
    tine_stack_cache_flush();
    t_read_file("/proc/self/maps", before, sizeof before);
    pid = tine_spawn(report, 0, &vm);
    if (qemu) {
        CHECK_EQ(pid, -EINVAL, "qemu-user refuses CLONE_VM without the thread flags");
    } else {
        int w = pid > 0 ? tine_wait(pid, &status) : pid;
        CHECK(w == pid && pid > 0 && in_memory == 77,
              "CLONE_VM|SIGCHLD: the child wrote 77 into our memory (%d)", in_memory);
    }
    tine_stack_cache_flush();
    t_read_file("/proc/self/maps", after, sizeof after);
    CHECK(strcmp(before, after) == 0, "and left nothing mapped once reaped");
    return t_done();
}
