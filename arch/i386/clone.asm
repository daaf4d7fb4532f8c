; SPDX-License-Identifier: 0BSD
; arch/i386/clone.asm — raw clone, in two shapes.
;
; i386 is a CLONE_BACKWARDS architecture (kernel/fork.c): tls before ctid.
;   clone(flags, stack, ptid, tls, ctid)
;   int 0x80:  eax = SYS_clone, ebx = flags, ecx = stack, edx = ptid,
;              esi = tls (a struct user_desc *), edi = ctid;  result in eax.
; The child starts with the parent's registers, except eax = 0 and
; esp = stack (or the parent's esp when stack is 0).

%include "nr.inc"

        extern  __tine_tracing, __tine_trace_clone_kernel

        section .text

; long tine_clone_raw(unsigned long flags, void *stack, int *ptid, int *ctid,
;                     unsigned long tls)
; C call:  [esp+4] = flags, [+8] = stack, [+12] = ptid, [+16] = ctid, [+20] = tls
;
; We borrow ebx, esi and edi and pop them back, then return. A child on a
; new stack pops and returns from that stack, so the three saved registers
; and our return address are copied there first.
        global  tine_clone_raw
tine_clone_raw:
        push    ebx
        push    esi
        push    edi                     ; now flags is at [esp+16]
        mov     ebx, [esp+16]           ; flags
        mov     ecx, [esp+20]           ; stack
        test    ecx, ecx
        jnz     .have_stack
        test    ebx, CLONE_VM           ; one stack for two running tasks:
        jnz     .einval                 ;   refused, see tine_vfork
        jmp     .go
.have_stack:
        sub     ecx, 16                 ; edi, esi, ebx, return address
        mov     eax, [esp]
        mov     [ecx], eax
        mov     eax, [esp+4]
        mov     [ecx+4], eax
        mov     eax, [esp+8]
        mov     [ecx+8], eax
        mov     eax, [esp+12]
        mov     [ecx+12], eax
.go:
        mov     edx, [esp+24]           ; ptid
        mov     esi, [esp+32]           ; tls goes fourth
        mov     edi, [esp+28]           ; ctid goes fifth
        mov     eax, SYS_clone
        int     0x80
        test    eax, eax
        jz      .out                    ; child: eax = 0
        cmp     dword [__tine_tracing], 0
        je      .out
        call    traced                  ; TINE_TRACE=1: say what the kernel got
.out:
        pop     edi
        pop     esi
        pop     ebx
        ret                             ; parent: eax = child tid or -errno
                                        ; child:  eax = 0
.einval:
        mov     eax, -EINVAL
        jmp     .out

; long tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
;                      void *stack_top, int *ptid, int *ctid, unsigned long tls)
; C call:  [esp+4] = fn, [+8] = arg, [+12] = flags, [+16] = stack_top,
;          [+20] = ptid, [+24] = ctid, [+28] = tls
;
; arg and fn travel on the child's new stack, laid out so that the child
; can call fn with arg already where the first argument belongs.
        global  tine_arch_clone
tine_arch_clone:
        push    ebx
        push    esi
        push    edi                     ; now fn is at [esp+16]
        mov     ecx, [esp+28]           ; stack_top
        and     ecx, -16
        sub     ecx, 16
        mov     eax, [esp+20]
        mov     [ecx], eax              ; [stack+0] = arg
        mov     eax, [esp+16]
        mov     [ecx+4], eax            ; [stack+4] = fn
        mov     ebx, [esp+24]           ; flags
        mov     edx, [esp+32]           ; ptid
        mov     esi, [esp+40]           ; tls
        mov     edi, [esp+36]           ; ctid
        mov     eax, SYS_clone
        int     0x80
        test    eax, eax
        jz      .child
        cmp     dword [__tine_tracing], 0
        je      .parent
        call    traced                  ; TINE_TRACE=1: say what the kernel got
.parent:
        pop     edi
        pop     esi
        pop     ebx
        ret                             ; parent: eax = child tid or -errno

.child:                                 ; child: eax = 0, esp = stack (16-aligned)
        xor     ebp, ebp                ; outermost frame: backtraces stop here
        call    [esp+4]                 ; fn(arg): arg is at [esp]
        mov     ebx, eax                ; fn's return value
        mov     eax, SYS_exit           ; this thread only
        int     0x80
        hlt                             ; not reached

; The parent, traced: the kernel preserved ebx, ecx, edx, esi, edi, so they
; still hold what it read; eax is the result, and is kept.
;   long __tine_trace_clone_kernel(a1, a2, a3, a4, a5, r)
; Both callers pushed three registers: esp is 16-aligned at their call, 12
; off here; 4 + 24 bytes make it 16-aligned again at ours.
traced:
        sub     esp, 4
        push    eax                     ; r
        push    edi                     ; a5
        push    esi                     ; a4
        push    edx                     ; a3
        push    ecx                     ; a2
        push    ebx                     ; a1
        call    __tine_trace_clone_kernel       ; eax = r again
        add     esp, 28
        ret

        section .note.GNU-stack noalloc noexec nowrite progbits
