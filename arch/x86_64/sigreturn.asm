; SPDX-License-Identifier: 0BSD
; arch/x86_64/sigreturn.asm — the signal-return trampoline.
;
; x86_64's kernel has no trampoline of its own: rt_sigaction must be given
; SA_RESTORER and this address, which the kernel stores in the signal frame
; as the handler's return address. When the handler returns here, rsp
; points at the frame's ucontext, which rt_sigreturn restores.
;
; void __tine_arch_sigreturn(void)    never called; returned into
;       syscall: rax = SYS_rt_sigreturn (no arguments; the frame is at rsp)

%include "nr.inc"

        section .text
        global  __tine_arch_sigreturn:function hidden
__tine_arch_sigreturn:
        mov     eax, SYS_rt_sigreturn
        syscall

        section .note.GNU-stack noalloc noexec nowrite progbits
