/* SPDX-License-Identifier: 0BSD */
/*
 * arch/i386/consts.h — the numbers the NASM stubs use.
 *
 * NASM cannot read C headers, so mk/gen-consts.sh runs this file through the
 * C preprocessor at build time and turns each X(name, value) line into
 * `%define name value` in build/i386/gen/nr.inc. Nothing is copied by hand.
 */
#include <asm/unistd.h>
#include <linux/sched.h>
#include <linux/errno.h>

X(SYS_clone,           __NR_clone)
X(SYS_exit,            __NR_exit)
X(SYS_vfork,           __NR_vfork)
X(SYS_set_thread_area, __NR_set_thread_area)
X(CLONE_VM,            CLONE_VM)
X(EINVAL,              EINVAL)
X(SYS_rt_sigreturn,     __NR_rt_sigreturn)
X(SYS_sigreturn,        __NR_sigreturn)
X(SYS_clone3,          __NR_clone3)
