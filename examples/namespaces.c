/* SPDX-License-Identifier: 0BSD */
/*
 * namespaces.c — what containers are made of.
 *
 * One tine_spawn with CLONE_NEWUSER, NEWPID, NEWUTS and NEWNS: the child
 * is pid 1 of a pid namespace of its own, root in a user namespace whose
 * uid_map tine wrote (root inside is the caller outside), and renames its
 * host without the rest of the machine noticing. The user namespace is
 * what lets an unprivileged user do all this.
 *
 * qemu-user refuses every namespace flag (EINVAL); so may a kernel
 * configured without user namespaces (EPERM). The program says so and
 * exits 0: refusing is a legitimate answer.
 */
#include <tine.h>

static int contained(void *arg)
{
    char uts[6 * 65];

    (void)arg;
    tine_syscall2(__NR_sethostname, (long)"tine-box", 8);
    tine_syscall1(__NR_uname, (long)uts);
    tine_printf("  inside:  pid %d, uid %ld, hostname %s\n", tine_getpid(),
                tine_syscall0(__NR_getuid), uts + 65);
    return tine_getpid() == 1 ? 0 : 1;
}

int main(void)
{
    struct tine_spawn_opts o = { .flags = CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWNS,
                                 .exit_signal = SIGCHLD };
    char uts[6 * 65];
    int status, pid = tine_spawn(contained, 0, &o);

    if (pid < 0) {
        tine_printf("  refused here: %s (qemu-user, or no user namespaces)\n", tine_strerror(pid));
        return 0;
    }
    tine_wait(pid, &status);
    tine_syscall1(__NR_uname, (long)uts);
    tine_printf("  outside: the child was pid %d, I am uid %ld, hostname still %s\n", pid,
                tine_syscall0(__NR_getuid), uts + 65);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
