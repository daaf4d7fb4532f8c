/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/syscall.h> — the doorways into the kernel.
 *
 * One assembly stub per arity, in arch/<arch>/syscall.*: each moves its
 * arguments from the C calling convention into the kernel's registers and
 * traps. The result is the kernel's own: a value, or -errno in [-4095, -1].
 * Syscall numbers are the kernel's __NR_* names from <asm/unistd.h>.
 */
#ifndef TINE_SYSCALL_H
#define TINE_SYSCALL_H

#include <asm/unistd.h>

long tine_syscall0(long nr);
long tine_syscall1(long nr, long a1);
long tine_syscall2(long nr, long a1, long a2);
long tine_syscall3(long nr, long a1, long a2, long a3);
long tine_syscall4(long nr, long a1, long a2, long a3, long a4);
long tine_syscall5(long nr, long a1, long a2, long a3, long a4, long a5);
long tine_syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

#endif
