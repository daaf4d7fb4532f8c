/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/ns.h> — what a container needs beside clone: namespaces, mounts,
 * the root, the hostname and capabilities. The kernel's constants come
 * from its UAPI headers (CLONE_NEW* from <linux/sched.h>, MS_* from
 * <linux/mount.h>, the capability structures from <linux/capability.h>).
 * Errors are -errno. Namespaces and mounts need CAP_SYS_ADMIN (or a user
 * namespace of one's own). qemu-user (7.2 and 10.0, measured by t-ns)
 * passes these calls to the host kernel as they are: unlike clone with
 * CLONE_NEW*, which it refuses (docs/qemu-user.md), unshare works there,
 * so a container under emulation forks and then unshares.
 */
#ifndef TINE_NS_H
#define TINE_NS_H

#include <stddef.h>
#include <linux/sched.h>
#include <linux/mount.h>
#include <linux/capability.h>

/*
 * umount2's flags are not in the UAPI headers (the kernel keeps them in
 * include/linux/fs.h, and libcs retype them in <sys/mount.h>): these are
 * the kernel's values, which are part of its ABI.
 */
#ifndef MNT_FORCE
#define MNT_FORCE       1           /* even if busy (NFS) */
#define MNT_DETACH      2           /* lazy: detach now, clean up when no longer busy */
#define MNT_EXPIRE      4           /* mark for expiry; a second call unmounts if unused */
#define UMOUNT_NOFOLLOW 8           /* do not follow a symlink at target */
#endif

int tine_unshare(unsigned long flags);                       /* CLONE_NEW*, CLONE_FS, CLONE_FILES, ... */
int tine_setns(int fd, int nstype);                          /* fd: /proc/<pid>/ns/<x> or a pidfd */
int tine_mount(const char *source, const char *target, const char *fstype,
               unsigned long flags, const void *data);       /* MS_* */
int tine_umount2(const char *target, int flags);             /* MNT_*, UMOUNT_NOFOLLOW */
int tine_pivot_root(const char *new_root, const char *put_old);
int tine_sethostname(const char *name, size_t len);
int tine_capget(cap_user_header_t hdr, cap_user_data_t data);        /* _LINUX_CAPABILITY_VERSION_3: data[2] */
int tine_capset(cap_user_header_t hdr, const cap_user_data_t data);

#endif
