/* SPDX-License-Identifier: 0BSD */
/*
 * src/uaccess.c — reading memory the caller handed us without trusting it,
 * as the kernel's copy_from_user does: an unreadable byte is -EFAULT, never
 * a SIGSEGV in the caller.
 *
 * process_vm_readv on our own pid is that copy, done by the kernel (one call,
 * async-signal-safe, no file descriptor). Where it is missing (qemu-user
 * 7.2 to 10.0 answer ENOSYS; a kernel built without CROSS_MEMORY_ATTACH
 * too), each page the range touches is probed with a futex wait that
 * cannot block (a zero timeout): the kernel reads one word and says EFAULT
 * if it cannot, then the bytes are copied by hand. That fallback is only as
 * good as the mapping staying put between probe and copy, which only the
 * caller's own threads could change.
 */
#include "internal.h"
#include <linux/futex.h>
#include <linux/time_types.h>   /* struct __kernel_timespec */
#include <linux/uio.h>          /* struct iovec */

static int readable(const char *p)
{
    struct __kernel_timespec now = { 0, 0 };
    long r = tine_syscall4(NR_futex, (long)((unsigned long)p & ~3UL), FUTEX_WAIT_PRIVATE,
                           0x7e57, (long)&now);       /* any value: EAGAIN or ETIMEDOUT */

    return r != -EFAULT;
}

int __tine_copy_in(void *dst, const void *src, size_t n)
{
    struct iovec to = { dst, n }, from = { (void *)src, n };
    size_t page = tine_page_size();
    const char *s = src;
    long r;

    if (!n)
        return 0;
    if ((unsigned long)s + n < (unsigned long)s)
        return -EFAULT;                                /* wraps round the address space */
    r = tine_syscall6(__NR_process_vm_readv, tine_syscall0(__NR_getpid), (long)&to, 1,
                      (long)&from, 1, 0);
    if (r == (long)n)
        return 0;
    if (r != -ENOSYS && r != -EPERM)
        return -EFAULT;                                /* EFAULT, or a short copy: part unreadable */
    if (!readable(s))
        return -EFAULT;
    for (const char *p = (const char *)(((unsigned long)s | (page - 1)) + 1); p < s + n; p += page)
        if (!readable(p))                              /* each further page the range touches */
            return -EFAULT;
    memcpy(dst, src, n);
    return 0;
}
