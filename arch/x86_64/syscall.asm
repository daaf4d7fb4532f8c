; SPDX-License-Identifier: 0BSD
; arch/x86_64/syscall.asm — the system-call doorways, one per arity.
;
; long tine_syscallN(long nr, long a1, ..., long aN)
;
;             nr   a1   a2   a3   a4   a5   a6
; C call:     rdi  rsi  rdx  rcx  r8   r9   [rsp+8]
; syscall:    rax  rdi  rsi  rdx  r10  r8   r9
; result:     rax (-4095..-1 is -errno); the kernel clobbers rcx and r11.
;
; Each stub shifts its arguments one register to the left. a4 goes to r10,
; not rcx, because the syscall instruction itself overwrites rcx with the
; return address.

%include "nr.inc"

        section .text

%macro  DOORWAY 2                       ; name, arity
        section .text.%1 progbits alloc exec nowrite align=1  ; one each: only those called are linked
        global  %1
%1:
        mov     rax, rdi                ; nr
%if %2 >= 1
        mov     rdi, rsi                ; a1
%endif
%if %2 >= 2
        mov     rsi, rdx                ; a2
%endif
%if %2 >= 3
        mov     rdx, rcx                ; a3
%endif
%if %2 >= 4
        mov     r10, r8                 ; a4
%endif
%if %2 >= 5
        mov     r8, r9                  ; a5
%endif
%if %2 >= 6
        mov     r9, [rsp+8]             ; a6, the only one on the stack
%endif
        syscall
        ret
%endmacro

        DOORWAY tine_syscall0, 0
        DOORWAY tine_syscall1, 1
        DOORWAY tine_syscall2, 2
        DOORWAY tine_syscall3, 3
        DOORWAY tine_syscall4, 4
        DOORWAY tine_syscall5, 5
        DOORWAY tine_syscall6, 6

        section .note.GNU-stack noalloc noexec nowrite progbits
