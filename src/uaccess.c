/* SPDX-License-Identifier: 0BSD */
/*
 * src/uaccess.c — reading memory the caller handed us without trusting it,
 * as the kernel's copy_from_user does: an unreadable byte is -EFAULT, never
 * a SIGSEGV in the caller.
 *
 * process_vm_readv on our own pid is that copy, done by the kernel (one call,
 * async-signal-safe, no file descriptor). Where it is missing (qemu-user
 * 7.2 to 10.0 answer ENOSYS; a kernel built without CROSS_MEMORY_ATTACH
 * too), each page the range touches is probed twice, then the bytes are
 * copied by hand:
 *   - a futex wait that cannot block (a zero timeout): a kernel reads the
 *     word and says EFAULT if it cannot. qemu-user 10.0 hands the address
 *     to the host's futex unchecked, and a guest page that is not mapped
 *     may be host memory qemu itself uses: EAGAIN, not EFAULT.
 *   - write(-1, p, 1): qemu-user checks the guest's page flags (lock_user)
 *     before it passes the call on, so an unreadable page is EFAULT there;
 *     a kernel looks at the fd first and says EBADF whatever p is.
 * Either EFAULT means unreadable. The fallback is only as good as the
 * mapping staying put between probe and copy, which only the caller's own
 * threads could change.
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

    if (r == -EFAULT)
        return 0;
    return tine_syscall3(__NR_write, -1, (long)p, 1) != -EFAULT;
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
