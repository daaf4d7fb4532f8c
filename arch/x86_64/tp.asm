; SPDX-License-Identifier: 0BSD
; arch/x86_64/tp.asm — the thread pointer.
;
; On x86_64 the thread pointer is the FS segment base. Following the ELF TLS
; ABI (variant II), the first word it points at is its own address, so
; reading it needs no system call: mov rax, [fs:0].
;
; void *__tine_arch_tp(void)          result: rax
; long  __tine_arch_set_tp(void *tp)  C call: rdi = tp
;       syscall: rax = SYS_arch_prctl, rdi = ARCH_SET_FS, rsi = tp

%include "nr.inc"

        section .text
        global  __tine_arch_tp:function hidden
__tine_arch_tp:
        mov     rax, [fs:0]             ; tp->self
        ret

        global  __tine_arch_set_tp:function hidden
__tine_arch_set_tp:
        mov     rsi, rdi                ; the new FS base
        mov     edi, ARCH_SET_FS
        mov     eax, SYS_arch_prctl
        syscall
        ret

        section .note.GNU-stack noalloc noexec nowrite progbits
