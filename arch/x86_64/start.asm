; SPDX-License-Identifier: 0BSD
; arch/x86_64/start.asm — the process entry point.
;
; void _start(void)    [not called: the kernel jumps here]
;
; What the kernel leaves (System V AMD64 ABI, "Process Initialization"):
;   rsp -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL
;   rdx  = a function to register with atexit (a dynamic loader's; 0 for us)
;   rbp  = undefined: zero it, so backtraces stop here
; Everything else is portable C: __tine_start_c(long *sp) never returns.

%include "nr.inc"

        section .text
        global  _start
        extern  __tine_start_c

_start:
        xor     ebp, ebp                ; outermost frame: no caller
        mov     rdi, rsp                ; arg 1: the kernel's stack block
        and     rsp, -16                ; the ABI wants rsp 16-aligned at a call
        call    __tine_start_c          ; runs main, then exit_group
        hlt                             ; not reached

        section .note.GNU-stack noalloc noexec nowrite progbits
