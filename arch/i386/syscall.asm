; SPDX-License-Identifier: 0BSD
; arch/i386/syscall.asm — the system-call doorways, one per arity.
;
; long tine_syscallN(long nr, long a1, ..., long aN)
;
;             nr      a1      a2      a3      a4      a5      a6
; C call:     [esp+4] [esp+8] [+12]   [+16]   [+20]   [+24]   [+28]
; int 0x80:   eax     ebx     ecx     edx     esi     edi     ebp
; result:     eax (-4095..-1 is -errno)
;
; ebx, esi, edi and ebp belong to our caller: they are pushed first, which
; moves the arguments 16 bytes further up the stack.

%include "nr.inc"

        section .text

%macro  DOORWAY 2                       ; name, arity
        section .text.%1 progbits alloc exec nowrite align=1  ; one each: only those called are linked
        global  %1
%1:
        push    ebp
        push    edi
        push    esi
        push    ebx
        mov     eax, [esp+20]           ; nr
%if %2 >= 1
        mov     ebx, [esp+24]           ; a1
%endif
%if %2 >= 2
        mov     ecx, [esp+28]           ; a2
%endif
%if %2 >= 3
        mov     edx, [esp+32]           ; a3
%endif
%if %2 >= 4
        mov     esi, [esp+36]           ; a4
%endif
%if %2 >= 5
        mov     edi, [esp+40]           ; a5
%endif
%if %2 >= 6
        mov     ebp, [esp+44]           ; a6
%endif
        int     0x80
        pop     ebx
        pop     esi
        pop     edi
        pop     ebp
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
