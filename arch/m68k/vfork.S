/* SPDX-License-Identifier: 0BSD */
| arch/m68k/vfork.S — vfork, which only assembly can wrap.
|
| int tine_vfork(void)
|   trap #0:  d0 = __NR_vfork (= clone(CLONE_VM|CLONE_VFORK|SIGCHLD));  result in d0
|   (__sys_vfork in arch/m68k/kernel/entry.S: SAVE_SWITCH_STACK, sys_vfork)
|
| Parent and child share one stack until the child calls execve or exit.
| `jsr` left our return address on that stack, where the child's next call
| would overwrite it before the parent wakes to read it. So it is popped
| into a1 before the trap: a scratch register that the kernel gives back
| (pt_regs) and the child gets a copy of. Both tasks leave by `jmp (a1)`
| with sp where the caller had it.
|   parent: d0 = child pid (or -errno)      child: d0 = 0

#include <asm/unistd.h>

        .text
        .global tine_vfork
        .type   tine_vfork, @function
tine_vfork:
        move.l  (%sp)+, %a1             | the return address, off the shared stack
        move.l  #__NR_vfork, %d0
        trap    #0
        tst.l   %d0                     | child: d0 = 0, no C on the shared stack
        jeq     1f
        tst.l   __tine_tracing
        jne     2f
1:      jmp     (%a1)
2:      move.l  %a1, -(%sp)             | parent, awake again (the stack is its own):
        move.l  %d0, -(%sp)             |   long __tine_trace_vfork_kernel(long r)
        jsr     __tine_trace_vfork_kernel
        addq.l  #4, %sp                 | d0 = r
        rts                             | to the return address pushed above
        .size   tine_vfork, . - tine_vfork

        .section .note.GNU-stack, "", @progbits
