/* SPDX-License-Identifier: 0BSD */
# arch/mips64el/clone.S — raw clone, in two shapes.
#
# MIPS is a CLONE_BACKWARDS architecture (arch/mips/Kconfig selects it;
# kernel/fork.c): tls before ctid.
#   clone(flags, stack, ptid, tls, ctid)
#   syscall:  v0 = __NR_clone, a0 = flags, a1 = stack, a2 = ptid,
#             a3 = tls, a4 = ctid;  result in v0, a3 = 1 on error
#             (v0 = errno), 0 otherwise.
# The child starts with the parent's registers, except v0 = 0, a3 = 0,
# sp = stack (or the parent's sp when stack is 0) and, with CLONE_SETTLS,
# UserLocal = tls (copy_thread in arch/mips/kernel/process.c: "regs[7] = 0;
# /* Clear error flag */", "regs[2] = 0; /* Child gets zero as return
# value */"). The n64 table calls __sys_clone, which saves s0-s7 into the
# register frame first (save_static_function, arch/mips/kernel/syscall.c),
# so the child's s0-s7 are the parent's too.
#
# a3 goes in as tls and comes back as the error flag, so the tracer's copy
# of it waits in a5, which the kernel gives back (syscall.S).

#include <asm/unistd.h>
#include <linux/sched.h>
#include <linux/errno.h>

        .set    noreorder
        .text

# long tine_clone_raw(unsigned long flags, void *stack, int *ptid, int *ctid,
#                     unsigned long tls)
# C call:  a0 = flags, a1 = stack, a2 = ptid, a3 = ctid, a4 = tls
#
# The return address is in ra, a register, so parent and child both
# return to the call site with `jr ra`, whatever their stacks.
        .global tine_clone_raw
        .type   tine_clone_raw, @function
tine_clone_raw:
        bnez    $a1, 1f
        andi    $t0, $a0, CLONE_VM      # (delay slot, runs either way)
        bnez    $t0, 3f                 # no stack and CLONE_VM: one stack for two
        li      $v0, -EINVAL            # (delay slot) running tasks: refused, see tine_vfork
1:      move    $t0, $a3                # ctid
        move    $a3, $a4                # tls goes fourth
        move    $a4, $t0                # ctid goes fifth
        move    $a5, $a3                # tls again, for the tracer
        li      $v0, __NR_clone
        syscall
        dsubu   $t0, $zero, $v0
        beqz    $v0, 3f                 # child:  v0 = 0
        movn    $v0, $t0, $a3           # (delay slot) a3 set: v0 = -errno
        dla     $t0, __tine_tracing
        lw      $t0, 0($t0)
        bnez    $t0, traced             # TINE_TRACE=1: say what the kernel got
        nop                             # (delay slot)
3:      jr      $ra                     # parent: v0 = child tid or -errno
        nop                             # (delay slot)
        .size   tine_clone_raw, . - tine_clone_raw

# long __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
#                      void *stack_top, int *ptid, int *ctid, unsigned long tls)
# C call:  a0 = fn, a1 = arg, a2 = flags, a3 = stack_top, a4 = ptid,
#          a5 = ctid, a6 = tls
#
# fn and arg ride in s0 and s1: the child gets the parent's copies. They
# are our caller's: the parent keeps its values in a 16-byte frame on its
# own stack and puts them back. (n64 has no red zone below sp: a signal
# frame may land there.)
        .global __tine_arch_clone
        .hidden __tine_arch_clone
        .type   __tine_arch_clone, @function
__tine_arch_clone:
        daddiu  $sp, $sp, -16
        sd      $s0, 0($sp)
        sd      $s1, 8($sp)
        move    $s0, $a0                # fn
        move    $s1, $a1                # arg
        move    $a0, $a2                # flags
        li      $t0, -16
        and     $a1, $a3, $t0           # stack, 16-byte aligned
        move    $a2, $a4                # ptid
        move    $a3, $a6                # tls
        move    $a4, $a5                # ctid
        move    $a5, $a3                # tls again, for the tracer
        li      $v0, __NR_clone
        syscall
        dsubu   $t0, $zero, $v0
        beqz    $v0, 1f                 # child: v0 = 0, sp = stack
        movn    $v0, $t0, $a3           # (delay slot) a3 set: v0 = -errno
        ld      $s0, 0($sp)             # the caller's, back
        ld      $s1, 8($sp)
        dla     $t0, __tine_tracing
        lw      $t0, 0($t0)
        bnez    $t0, traced             # TINE_TRACE=1: say what the kernel got
        daddiu  $sp, $sp, 16            # (delay slot)
        jr      $ra                     # parent: v0 = child tid or -errno
        nop                             # (delay slot)

1:      move    $fp, $zero              # outermost frame: backtraces stop here
        move    $t9, $s0                # fn, through t9: PIC code finds its gp from it
        jalr    $t9                     # fn(arg)
        move    $a0, $s1                # (delay slot) arg
        move    $a0, $v0                # fn's value
        li      $v0, __NR_exit          # this thread only
        syscall
        teq     $zero, $zero            # not reached
        .size   __tine_arch_clone, . - __tine_arch_clone

# The parent, traced: a0-a2 and a4 are as the kernel read them (it gives
# them back), the fourth is in a5. Tail call, ra untouched:
#   long __tine_trace_clone_kernel(a1, a2, a3, a4, a5, r)
traced:
        move    $a3, $a5                # a4: tls
        move    $a5, $v0                # r
        j       __tine_trace_clone_kernel       # returns r to our caller
        nop                             # (delay slot)

        .section .note.GNU-stack, "", @progbits
