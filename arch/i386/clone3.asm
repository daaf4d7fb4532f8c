; SPDX-License-Identifier: 0BSD
; arch/i386/clone3.asm — clone3, whose one argument is a structure, so
; there is no argument order to get wrong (struct clone_args,
; <linux/sched.h>: its fields are 64 bits wide on every architecture).
;   int 0x80:  eax = SYS_clone3, ebx = args, ecx = size;  result in eax.
; The child starts with the parent's registers, except eax = 0 and
; esp = stack + stack_size (or the parent's esp when stack is 0).
;
; long __tine_arch_clone3(struct clone_args *args, size_t size,
;                       int (*fn)(void *), void *arg)
; C call:   [esp+4] = args, [esp+8] = size, [esp+12] = fn, [esp+16] = arg
;
; fn == 0: the raw shape. args->stack is 0 (tine_clone3 checked), so the
;   child unwinds this frame from its copy of the stack and returns 0.
; fn != 0: clone(2)'s shape. The child calls fn(arg) on its new stack
;   (16-aligned by tine_clone3_fn) and exits with its value. fn and arg
;   wait in esi and edi, callee-saved, so pushed here first.

%include "nr.inc"

        section .text
        global  __tine_arch_clone3:function hidden
__tine_arch_clone3:
        push    ebx
        push    esi
        push    edi                     ; args is now at [esp+16]
        mov     ebx, [esp+16]           ; args
        mov     ecx, [esp+20]           ; size
        mov     esi, [esp+24]           ; fn
        mov     edi, [esp+28]           ; arg
        mov     eax, SYS_clone3
        int     0x80
        test    eax, eax
        jnz     .out                    ; parent: eax = child pid or -errno
        test    esi, esi
        jz      .out                    ; raw child: return 0
        xor     ebp, ebp                ; outermost frame: backtraces stop here
        sub     esp, 12                 ; keep esp 16-aligned at the call
        push    edi                     ; arg
        call    esi                     ; fn(arg)
        mov     ebx, eax
        mov     eax, SYS_exit           ; this task only
        int     0x80
        hlt                             ; not reached
.out:
        pop     edi
        pop     esi
        pop     ebx
        ret

        section .note.GNU-stack noalloc noexec nowrite progbits
