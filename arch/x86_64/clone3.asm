; SPDX-License-Identifier: 0BSD
; arch/x86_64/clone3.asm — clone3, whose one argument is a structure, so
; there is no argument order to get wrong: the kernel reads flags, pidfd,
; child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid,
; set_tid_size and cgroup from struct clone_args (<linux/sched.h>).
;   syscall:  rax = SYS_clone3, rdi = args, rsi = size;  result in rax.
; The child starts with the parent's registers, except rax = 0 and
; rsp = stack + stack_size (or the parent's rsp when stack is 0).
;
; long __tine_arch_clone3(struct clone_args *args, size_t size,
;                       int (*fn)(void *), void *arg)
; C call:   rdi = args, rsi = size, rdx = fn, rcx = arg
;
; fn == 0: the raw shape. args->stack is 0 (tine_clone3 checked), so the
;   child returns to our caller on its copy of this very stack.
; fn != 0: clone(2)'s shape. The child calls fn(arg) on its new stack
;   (stack + stack_size, 16-aligned by tine_clone3_fn) and exits with its
;   value. fn and arg wait in r8 and r9, which the syscall leaves alone in
;   parent and child alike (it clobbers only rax, rcx and r11).

%include "nr.inc"

        section .text
        global  __tine_arch_clone3:function hidden
__tine_arch_clone3:
        mov     r8, rdx                 ; fn
        mov     r9, rcx                 ; arg
        mov     eax, SYS_clone3
        syscall
        test    rax, rax
        jnz     .out                    ; parent: rax = child pid or -errno
        test    r8, r8
        jz      .out                    ; raw child: return 0
        xor     ebp, ebp                ; outermost frame: backtraces stop here
        mov     rdi, r9
        call    r8                      ; fn(arg)
        mov     edi, eax
        mov     eax, SYS_exit           ; this task only
        syscall
        hlt                             ; not reached
.out:
        ret

        section .note.GNU-stack noalloc noexec nowrite progbits
