/* SPDX-License-Identifier: 0BSD */
/*
 * namespaces.c — one of the things containers are made of.
 *
 * One tine_spawn with CLONE_NEWUSER, NEWPID, NEWUTS and NEWNS: the child
 * is pid 1 of a pid namespace of its own, root in a user namespace whose
 * uid_map tine wrote (root inside is the caller outside), and renames its
 * host without the rest of the machine noticing. The user namespace is
 * what lets an unprivileged user do all this. Each namespace is a kernel
 * object of its own: the child's /proc/self/ns links name new ones for
 * user, pid, uts and mnt, and the parent's for the rest (net, ipc, cgroup).
 *
 * That is not a container. There is no container object in the kernel: a
 * container runtime adds cgroups (limits: see examples/limits.c), a root
 * filesystem of its own (a mount namespace plus pivot_root), capabilities
 * dropped, a seccomp filter, a network namespace with devices in it, and
 * more. The program names them at the end.
 *
 * qemu-user refuses every namespace flag (EINVAL); so may a kernel
 * configured without user namespaces (EPERM). The program says so and
 * exits 0: refusing is a legitimate answer.
 */
#include <tine.h>
#include "runner.h"

static const char *const kinds[] = { "user", "pid", "uts", "mnt", "net", "ipc", "cgroup" };
#define KINDS (int)(sizeof kinds / sizeof kinds[0])

/* Where /proc/self/ns/<kind> points, e.g. "pid:[4026531836]", into out. */
static void ns(const char *kind, char *out, int cap)
{
    char path[40];
    long n;

    tine_snprintf(path, sizeof path, "/proc/self/ns/%s", kind);
    n = tine_syscall4(__NR_readlinkat, AT_FDCWD, (long)path, (long)out, cap - 1);
    out[n > 0 ? n : 0] = 0;
}

static char mine[KINDS][48];    /* the parent's, read before the spawn */

static int contained(void *arg)
{
    char uts[6 * 65], theirs[48], line[160];
    int n = 0, fresh = 0;

    (void)arg;
    tine_syscall2(__NR_sethostname, (long)"tine-box", 8);
    tine_syscall1(__NR_uname, (long)uts);
    tine_printf("  inside:  pid %d, uid %ld, hostname %s\n", tine_getpid(),
                tine_syscall0(__NR_getuid), uts + 65);
    n = tine_snprintf(line, sizeof line, "  new namespaces (/proc/self/ns):");
    for (int i = 0; i < KINDS; i++) {
        ns(kinds[i], theirs, sizeof theirs);
        if (theirs[0] && strcmp(theirs, mine[i]) != 0) {
            n += tine_snprintf(line + n, sizeof line - (size_t)n, " %s", kinds[i]);
            fresh |= 1 << i;
        }
    }
    tine_printf("%s\n", line);
    /* user, pid, uts, mnt new; net, ipc, cgroup still the parent's */
    return tine_getpid() == 1 && tine_syscall0(__NR_getuid) == 0 && fresh == 15 ? 0 : 1;
}

int main(void)
{
    struct tine_spawn_opts o = { .flags = CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWNS,
                                 .exit_signal = SIGCHLD };
    char uts[6 * 65];
    int status, pid;

    for (int i = 0; i < KINDS; i++)
        ns(kinds[i], mine[i], sizeof mine[i]);
    pid = tine_spawn(contained, 0, &o);
    if (pid < 0) {
        int qemu = under_qemu();

        tine_printf("  refused here: %s (%s)\n", tine_strerror(pid),
                    qemu ? "qemu-user refuses every CLONE_NEW* flag" : "this machine allows no user namespaces here");
        /* qemu-user's refusal is the documented one; a kernel's leaves the claim unshown (3). */
        return qemu ? (pid == -EINVAL ? 0 : 1) : (pid == -EPERM || pid == -ENOSPC ? 3 : 1);
    }
    tine_wait(pid, &status);
    tine_syscall1(__NR_uname, (long)uts);
    tine_printf("  outside: the child was pid %d, I am uid %ld, hostname still %s\n", pid,
                tine_syscall0(__NR_getuid), uts + 65);
    tine_printf("  still shared with us: net, ipc, cgroup. Not given by these flags:\n"
                "  cgroup limits (set up in /sys/fs/cgroup; clone3's CLONE_INTO_CGROUP\n"
                "  only places the child), a root filesystem (pivot_root), dropped\n"
                "  capabilities, seccomp, network devices: a container runtime adds\n"
                "  those, and the kernel has no container object.\n");
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
