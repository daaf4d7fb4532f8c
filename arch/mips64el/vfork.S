/* SPDX-License-Identifier: 0BSD */
# arch/mips64el/vfork.S — vfork, in assembly like on every port.
#
# int tine_vfork(void)
# n64 has no vfork system call: clone(CLONE_VM|CLONE_VFORK|SIGCHLD, 0, ...)
#   syscall:  v0 = __NR_clone, a0 = flags, a1 = stack 0 (share the
#             parent's), a2 = ptid, a3 = tls, a4 = ctid (all unused);
#             result in v0, a3 = 1 on error (v0 = errno).
#
# Parent and child share one stack until the child calls execve or exit.
# The return address is already in a register (ra), which each task has
# its own copy of and the kernel gives back, and this stub touches no
# stack, so nothing the child does to the shared stack can change where
# the parent returns.
#   parent: v0 = child pid (or -errno)      child: v0 = 0

#include <asm/unistd.h>
#include "consts.inc"              /* SIGCHLD: consts.h says why */
#include <linux/sched.h>

        .set    noreorder
        .text
        .global tine_vfork
        .type   tine_vfork, @function
tine_vfork:
        li      $a0, CLONE_VM | CLONE_VFORK | SIGCHLD
        move    $a1, $zero              # stack: the parent's own
        move    $a2, $zero
        move    $a3, $zero
        move    $a4, $zero
        li      $v0, __NR_clone
        syscall
        dsubu   $t0, $zero, $v0
        beqz    $v0, 1f                 # child: v0 = 0, no C on the shared stack
        movn    $v0, $t0, $a3           # (delay slot) a3 set: v0 = -errno
        dla     $t0, __tine_tracing
        lw      $t0, 0($t0)
        beqz    $t0, 1f
        move    $a0, $v0                # (delay slot) r, for the tracer
        j       __tine_trace_vfork_kernel       # long (long r): returns r to our caller
        nop                             # (delay slot)
1:      jr      $ra
        nop                             # (delay slot)
        .size   tine_vfork, . - tine_vfork

        .section .note.GNU-stack, "", @progbits
