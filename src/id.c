/* SPDX-License-Identifier: 0BSD */
/*
 * src/id.c — user and group ids. i386 and arm kept their original 16-bit
 * id calls under the old names and added 32-bit ones named *32; where the
 * UAPI has those, they are the ones to use (the old ones truncate ids
 * above 65535). Ids are unsigned; (unsigned)-1 in setres*id leaves one as
 * it is.
 */
#include "internal.h"

#ifdef __NR_getuid32
#define NR_getuid    __NR_getuid32
#define NR_geteuid   __NR_geteuid32
#define NR_getgid    __NR_getgid32
#define NR_getegid   __NR_getegid32
#define NR_setuid    __NR_setuid32
#define NR_setgid    __NR_setgid32
#define NR_setresuid __NR_setresuid32
#define NR_setresgid __NR_setresgid32
#else
#define NR_getuid    __NR_getuid
#define NR_geteuid   __NR_geteuid
#define NR_getgid    __NR_getgid
#define NR_getegid   __NR_getegid
#define NR_setuid    __NR_setuid
#define NR_setgid    __NR_setgid
#define NR_setresuid __NR_setresuid
#define NR_setresgid __NR_setresgid
#endif

unsigned tine_getuid(void)  { return (unsigned)tine_syscall0(NR_getuid); }
unsigned tine_geteuid(void) { return (unsigned)tine_syscall0(NR_geteuid); }
unsigned tine_getgid(void)  { return (unsigned)tine_syscall0(NR_getgid); }
unsigned tine_getegid(void) { return (unsigned)tine_syscall0(NR_getegid); }

int tine_setuid(unsigned uid)
{
    return (int)tine_syscall1(NR_setuid, (long)uid);
}

int tine_setgid(unsigned gid)
{
    return (int)tine_syscall1(NR_setgid, (long)gid);
}

int tine_setresuid(unsigned r, unsigned e, unsigned s)
{
    return (int)tine_syscall3(NR_setresuid, (long)r, (long)e, (long)s);
}

int tine_setresgid(unsigned r, unsigned e, unsigned s)
{
    return (int)tine_syscall3(NR_setresgid, (long)r, (long)e, (long)s);
}
