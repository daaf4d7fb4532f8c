/* SPDX-License-Identifier: 0BSD */
// arch/aarch64/clone.S — raw clone, in two shapes.
//
// aarch64 is a CLONE_BACKWARDS architecture (kernel/fork.c): tls before ctid.
//   clone(flags, stack, ptid, tls, ctid)
//   svc #0:  x8 = __NR_clone, x0 = flags, x1 = stack, x2 = ptid,
//            x3 = tls, x4 = ctid;  result in x0.
// The child starts with the parent's registers, except x0 = 0 and
// sp = stack (or the parent's sp when stack is 0).

#include <asm/unistd.h>
#include <linux/sched.h>
#include <linux/errno.h>

        .text

// long tine_clone_raw(unsigned long flags, void *stack, int *ptid, int *ctid,
//                     unsigned long tls)
// C call:  x0 = flags, x1 = stack, x2 = ptid, x3 = ctid, x4 = tls
//
// The return address is in x30, a register, so parent and child both
// return to the call site with `ret`, whatever their stacks.
        .global tine_clone_raw
        .type   tine_clone_raw, %function
tine_clone_raw:
        cbnz    x1, 1f
        tst     x0, #CLONE_VM           // one stack for two running tasks:
        b.ne    2f                      //   refused, see tine_vfork
1:      mov     x9, x0                  // flags, for the tracer: x0 comes back as the result
        mov     x5, x3                  // ctid
        mov     x3, x4                  // tls goes fourth
        mov     x4, x5                  // ctid goes fifth
        mov     x8, #__NR_clone
        svc     #0
        cbz     x0, 3f                  // child:  x0 = 0
        adrp    x12, __tine_tracing
        ldr     w12, [x12, :lo12:__tine_tracing]
        cbnz    w12, traced             // TINE_TRACE=1: say what the kernel got
3:      ret                             // parent: x0 = child tid or -errno
2:      mov     x0, #-EINVAL
        ret
        .size   tine_clone_raw, . - tine_clone_raw

// long __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
//                      void *stack_top, int *ptid, int *ctid, unsigned long tls)
// C call:  x0 = fn, x1 = arg, x2 = flags, x3 = stack_top, x4 = ptid,
//          x5 = ctid, x6 = tls
//
// fn and arg ride in x10 and x11: the child gets a copy of every register.
        .global __tine_arch_clone
        .hidden __tine_arch_clone
        .type   __tine_arch_clone, %function
__tine_arch_clone:
        mov     x10, x0                 // fn
        mov     x11, x1                 // arg
        and     x1, x3, #-16            // stack, 16-byte aligned
        mov     x0, x2                  // flags
        mov     x9, x2                  // ... again, for the tracer
        mov     x2, x4                  // ptid
        mov     x3, x6                  // tls
        mov     x4, x5                  // ctid
        mov     x8, #__NR_clone
        svc     #0
        cbz     x0, 1f
        adrp    x12, __tine_tracing
        ldr     w12, [x12, :lo12:__tine_tracing]
        cbnz    w12, traced             // TINE_TRACE=1: say what the kernel got
        ret                             // parent: x0 = child tid or -errno

1:                                      // child: x0 = 0, sp = stack
        mov     x29, #0                 // outermost frame: backtraces stop here
        mov     x30, #0
        mov     x0, x11                 // arg
        blr     x10                     // fn(arg)
        mov     x8, #__NR_exit          // this thread only, with fn's value in x0
        svc     #0
        brk     #0                      // not reached
        .size   __tine_arch_clone, . - __tine_arch_clone

// The parent, traced: the kernel preserved x1-x4, so they still hold what it
// read; the first argument was copied to x9. Tail call, x30 untouched:
//   long __tine_trace_clone_kernel(a1, a2, a3, a4, a5, r)
traced:
        mov     x5, x0                  // r
        mov     x0, x9                  // a1
        b       __tine_trace_clone_kernel       // returns r to our caller

        .section .note.GNU-stack, "", %progbits
