; SPDX-License-Identifier: 0BSD
; arch/x86_64/clone.asm — raw clone, in two shapes.
;
; x86_64 uses the kernel's default order (kernel/fork.c, no CLONE_BACKWARDS*):
;   clone(flags, stack, ptid, ctid, tls)
;   syscall:  rax = SYS_clone, rdi = flags, rsi = stack, rdx = ptid,
;             r10 = ctid, r8 = tls;  result in rax; rcx, r11 clobbered.
; The child starts with the parent's registers, except rax = 0 and
; rsp = stack (or the parent's rsp when stack is 0).

%include "nr.inc"

        extern  __tine_tracing, __tine_trace_clone_kernel

        section .text

; long tine_clone_raw(unsigned long flags, void *stack, int *ptid, int *ctid,
;                     unsigned long tls)
; C call:   rdi = flags, rsi = stack, rdx = ptid, rcx = ctid, r8 = tls
;
; With stack == 0 the child resumes at our return address on a copy-on-write
; copy of the stack, so a plain `ret` serves both. With a stack, the child's
; `ret` would pop from that empty stack: we copy our return address to its
; top first, so the child too returns to the call site (with rsp = stack).
        global  tine_clone_raw
tine_clone_raw:
        test    rsi, rsi
        jnz     .have_stack
        test    edi, CLONE_VM           ; one stack for two running tasks:
        jnz     .einval                 ;   refused, see tine_vfork
        jmp     .go
.have_stack:
        mov     rax, [rsp]              ; our return address
        sub     rsi, 8
        mov     [rsi], rax              ; ... on top of the child's stack
.go:
        mov     r10, rcx                ; ctid (rcx is the syscall's own)
        mov     eax, SYS_clone
        syscall
        test    rax, rax
        jz      .ret                    ; child:  rax = 0
        cmp     dword [rel __tine_tracing], 0
        jne     traced                  ; TINE_TRACE=1: say what the kernel got
.ret:   ret                             ; parent: rax = child tid or -errno
.einval:
        mov     rax, -EINVAL
        ret

; long __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
;                      void *stack_top, int *ptid, int *ctid, unsigned long tls)
; C call:   rdi = fn, rsi = arg, rdx = flags, rcx = stack_top, r8 = ptid,
;           r9 = ctid, [rsp+8] = tls
;
; fn and arg travel in registers, which the child gets copies of: fn in rbx
; (callee-saved, so the parent keeps its own on its own stack), arg in r9
; (free once ctid is in r10). The syscall keeps both (it clobbers only rax,
; rcx and r11). Nothing is written to the new stack from here, so a bad
; stack_top can only kill the child, at its first push, never the caller.
; The child calls fn(arg) and passes its return value to exit (the thread,
; not the group). Arguments were checked by tine_clone.
        global  __tine_arch_clone:function hidden
__tine_arch_clone:
        push    rbx                     ; the parent's, back before it returns
        mov     rbx, rdi                ; fn
        mov     r10, r9                 ; ctid (rcx is the syscall's own)
        mov     r9, rsi                 ; arg
        mov     rdi, rdx                ; flags
        mov     rsi, rcx
        and     rsi, -16                ; stack, 16-byte aligned (ABI)
        mov     rdx, r8                 ; ptid
        mov     r8, [rsp+16]            ; tls (above our push and the return address)
        mov     eax, SYS_clone
        syscall
        test    rax, rax
        jz      .child
        pop     rbx                     ; the parent's own again
        cmp     dword [rel __tine_tracing], 0
        jne     traced                  ; TINE_TRACE=1: say what the kernel got
        ret                             ; parent: rax = child tid or -errno

.child:                                 ; child: rax = 0, rsp = stack, 16-aligned
        xor     ebp, ebp                ; outermost frame: backtraces stop here
        mov     rdi, r9                 ; arg
        call    rbx                     ; fn(arg): the child's first write to its stack
        mov     edi, eax                ; fn's return value
        mov     eax, SYS_exit           ; this thread only
        syscall
        hlt                             ; not reached

; The parent, traced: the kernel preserved rdi, rsi, rdx, r10, r8, so they
; still hold what it read. Tail call, with our caller's return address on
; the stack:  long __tine_trace_clone_kernel(a1, a2, a3, a4, a5, r)
traced:
        mov     rcx, r10                ; a4
        mov     r9, rax                 ; r
        jmp     __tine_trace_clone_kernel       ; returns r to our caller

        section .note.GNU-stack noalloc noexec nowrite progbits
