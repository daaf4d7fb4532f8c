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

; long __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
;                      void *stack_top, int *ptid, int *ctid, unsigned long tls)
; C call:  [esp+4] = fn, [+8] = arg, [+12] = flags, [+16] = stack_top,
;          [+20] = ptid, [+24] = ctid, [+28] = tls
;
; fn and arg travel in registers the child gets copies of, never on its
; new stack: written from here, a bad stack_top would kill the caller.
; int 0x80 keeps every register but eax, and clone reads five of the six
; argument registers, so one is left: ebp carries fn. arg rides on the x87
; register stack (fild here, fistp in the child): the kernel copies the FPU
; registers to every child (fpu_clone in arch/x86/kernel/fpu/core.c), a
; 32-bit integer survives the 64-bit mantissa exactly, and the i386 ABI has
; that stack empty at every call, so the slot is ours. The child's first
; write to its stack is its own, so only the child can die of a bad one.
        global  __tine_arch_clone:function hidden
__tine_arch_clone:
        push    ebp
        push    ebx
        push    esi
        push    edi                     ; now fn is at [esp+20]
        fild    dword [esp+24]          ; arg -> st0
        mov     ebp, [esp+20]           ; fn
        mov     ecx, [esp+32]           ; stack_top
        and     ecx, -16                ; 16-byte aligned
        mov     ebx, [esp+28]           ; flags
        mov     edx, [esp+36]           ; ptid
        mov     esi, [esp+44]           ; tls goes fourth
        mov     edi, [esp+40]           ; ctid goes fifth
        mov     eax, SYS_clone
        int     0x80
        test    eax, eax
        jz      .child
        fstp    st0                     ; the parent's x87 stack empty again, before any C
        cmp     dword [__tine_tracing], 0
        je      .parent
        sub     esp, 12                 ; four pushes: 16-aligned again at the call (traced)
        call    traced                  ; TINE_TRACE=1: say what the kernel got
        add     esp, 12
.parent:
        pop     edi
        pop     esi
        pop     ebx
        pop     ebp
        ret                             ; parent: eax = child tid or -errno

.child:                                 ; child: eax = 0, esp = stack (16-aligned)
        sub     esp, 16                 ; fn's argument word, alignment kept
        fistp   dword [esp]             ; arg, from st0: the child's first write to its stack
        mov     eax, ebp                ; fn
        xor     ebp, ebp                ; outermost frame: backtraces stop here
        call    eax                     ; fn(arg)
        mov     ebx, eax                ; fn's return value
        mov     eax, SYS_exit           ; this thread only
        int     0x80
        hlt                             ; not reached

; The parent, traced: the kernel preserved ebx, ecx, edx, esi, edi, so they
; still hold what it read; eax is the result, and is kept.
;   long __tine_trace_clone_kernel(a1, a2, a3, a4, a5, r)
; Both callers have esp 16-aligned at their call (tine_clone_raw after its
; three pushes, __tine_arch_clone after four and 12 bytes), 12 off here;
; 4 + 24 bytes make it 16-aligned again at ours.
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
