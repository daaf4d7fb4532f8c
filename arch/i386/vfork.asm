; SPDX-License-Identifier: 0BSD
; arch/i386/vfork.asm — vfork, which only assembly can wrap.
;
; int tine_vfork(void)
; int 0x80:  eax = SYS_vfork (= clone(CLONE_VM|CLONE_VFORK|SIGCHLD)); result in eax
;
; Parent and child share one stack until the child calls execve or exit.
; The child runs first, and anything it pushes lands where the parent's
; frames are. A C wrapper would return through a return address stored on
; that stack; the child's next call overwrites it, and when the parent wakes
; and returns, it jumps into the child's garbage. So the return address goes
; into a register before the call: each task has its own copy of edx.
;   parent: eax = child pid (or -errno)      child: eax = 0

%include "nr.inc"

        extern  __tine_tracing, __tine_trace_vfork_kernel

        section .text
        global  tine_vfork
tine_vfork:
        pop     edx                     ; return address, out of the shared stack
        mov     eax, SYS_vfork
        int     0x80
        test    eax, eax
        jz      .out                    ; child: eax = 0, no C on the shared stack
        cmp     dword [__tine_tracing], 0
        jne     .traced
.out:   jmp     edx                     ; return without reading the stack
.traced:                                ; parent, awake: the stack is ours again
        push    edx                     ; the return address, back where C wants it
        sub     esp, 8                  ; esp 16-aligned at the call
        push    eax
        call    __tine_trace_vfork_kernel       ; long (long r): eax = r again
        add     esp, 12
        ret

        section .note.GNU-stack noalloc noexec nowrite progbits
