/* SPDX-License-Identifier: 0BSD */
/*
 * src/ns.c — namespaces, mounts, the root, the hostname, capabilities:
 * each the kernel's call with C types and a -errno result.
 */
#include "internal.h"

int tine_unshare(unsigned long flags)
{
    return (int)tine_syscall1(__NR_unshare, (long)flags);
}

int tine_setns(int fd, int nstype)
{
    return (int)tine_syscall2(__NR_setns, fd, nstype);
}

int tine_mount(const char *source, const char *target, const char *fstype,
               unsigned long flags, const void *data)
{
    return (int)tine_syscall5(__NR_mount, (long)source, (long)target, (long)fstype,
                              (long)flags, (long)data);
}

int tine_umount2(const char *target, int flags)
{
    return (int)tine_syscall2(__NR_umount2, (long)target, flags);
}

int tine_pivot_root(const char *new_root, const char *put_old)
{
    return (int)tine_syscall2(__NR_pivot_root, (long)new_root, (long)put_old);
}

int tine_sethostname(const char *name, size_t len)
{
    return (int)tine_syscall2(__NR_sethostname, (long)name, (long)len);
}

int tine_capget(cap_user_header_t hdr, cap_user_data_t data)
{
    return (int)tine_syscall2(__NR_capget, (long)hdr, (long)data);
}

int tine_capset(cap_user_header_t hdr, const cap_user_data_t data)
{
    return (int)tine_syscall2(__NR_capset, (long)hdr, (long)data);
}
