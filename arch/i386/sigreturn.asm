; SPDX-License-Identifier: 0BSD
; arch/i386/sigreturn.asm — the signal-return trampoline.
;
; i386's kernel would fall back on the vDSO's, but a handler installed with
; SA_SIGINFO gets an rt frame, and tine names its own return path rather
; than rely on a vDSO being mapped. The kernel stores this address as the
; handler's return address; on return, esp points into the rt frame.
;
;
; A handler installed without SA_SIGINFO gets the old, non-rt frame
; instead, even through rt_sigaction (arch/x86/kernel/signal.c and qemu's
; linux-user/i386/signal.c both choose the frame by SA_SIGINFO alone):
; struct sigframe { pretcode, sig, sigcontext, ... }. The handler's ret pops
; pretcode; sigreturn wants esp at the sigcontext, so the sig word is popped
; first, as the vDSO's __kernel_sigreturn does. rt_sigreturn on that frame
; would restore garbage.
;
; void __tine_arch_sigreturn(void)    never called; returned into
;       int 0x80: eax = SYS_rt_sigreturn (no arguments)
; void __tine_arch_sigreturn_nort(void)    the same, from a non-rt frame
;       pop the sig word; int 0x80: eax = SYS_sigreturn (no arguments)

%include "nr.inc"

        section .text
        global  __tine_arch_sigreturn:function hidden
__tine_arch_sigreturn:
        mov     eax, SYS_rt_sigreturn
        int     0x80

        global  __tine_arch_sigreturn_nort:function hidden
__tine_arch_sigreturn_nort:
        pop     eax                     ; the frame's sig word: esp now at its sigcontext
        mov     eax, SYS_sigreturn
        int     0x80

        section .note.GNU-stack noalloc noexec nowrite progbits
