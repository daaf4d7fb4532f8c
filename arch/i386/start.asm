; SPDX-License-Identifier: 0BSD
; arch/i386/start.asm — the process entry point.
;
; void _start(void)    [not called: the kernel jumps here]
;
; What the kernel leaves (i386 System V ABI, "Process Initialization"):
;   esp -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL
;   edx  = a function to register with atexit (a dynamic loader's; 0 for us)
;   ebp  = undefined: zero it, so backtraces stop here
; Everything else is portable C: __tine_start_c(long *sp) never returns.

%include "nr.inc"

        section .text
        global  _start
        extern  __tine_start_c

_start:
        xor     ebp, ebp                ; outermost frame: no caller
        mov     eax, esp                ; the kernel's stack block
        and     esp, -16                ; 16-byte aligned at the call ...
        sub     esp, 12                 ; ... after the one argument is pushed
        push    eax                     ; arg 1
        call    __tine_start_c          ; runs main, then exit_group
        hlt                             ; not reached

        section .note.GNU-stack noalloc noexec nowrite progbits
