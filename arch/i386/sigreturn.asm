; SPDX-License-Identifier: 0BSD
; arch/i386/sigreturn.asm — the signal-return trampoline.
;
; i386's kernel would fall back on the vDSO's, but a handler installed with
; SA_SIGINFO gets an rt frame, and tine names its own return path rather
; than rely on a vDSO being mapped. The kernel stores this address as the
; handler's return address; on return, esp points into the rt frame.
;
; void tine_arch_sigreturn(void)    never called; returned into
;       int 0x80: eax = SYS_rt_sigreturn (no arguments)

%include "nr.inc"

        section .text
        global  tine_arch_sigreturn
tine_arch_sigreturn:
        mov     eax, SYS_rt_sigreturn
        int     0x80

        section .note.GNU-stack noalloc noexec nowrite progbits
