; SPDX-License-Identifier: 0BSD
; arch/x86_64/vfork.asm — vfork, which only assembly can wrap.
;
; int tine_vfork(void)
; syscall:  rax = SYS_vfork (= clone(CLONE_VM|CLONE_VFORK|SIGCHLD)); result in rax
;
; Parent and child share one stack until the child calls execve or exit.
; The child runs first, and anything it pushes lands where the parent's
; frames are. A C wrapper would return through a return address stored on
; that stack; the child's next call overwrites it, and when the parent wakes
; and returns, it jumps into the child's garbage. So the return address goes
; into a register before the syscall: the kernel gives each task its own
; copy of the registers, and nothing the child does can touch ours.
;   parent: rax = child pid (or -errno), rdx = return address (preserved)
;   child:  rax = 0, the same rdx

%include "nr.inc"

        extern  __tine_tracing, __tine_trace_vfork_kernel

        section .text
        global  tine_vfork
tine_vfork:
        pop     rdx                     ; return address, out of the shared stack
        mov     eax, SYS_vfork
        syscall
        test    rax, rax
        jz      .out                    ; child: rax = 0, no C on the shared stack
        cmp     dword [rel __tine_tracing], 0
        jne     .traced
.out:   jmp     rdx                     ; return without reading the stack
.traced:                                ; parent, awake: the stack is ours again
        push    rdx                     ; the return address, back where C wants it
        mov     rdi, rax
        jmp     __tine_trace_vfork_kernel       ; long (long r): returns r to our caller

        section .note.GNU-stack noalloc noexec nowrite progbits
