/* SPDX-License-Identifier: 0BSD */
; arch/hppa/start.S — the process entry point.
;
; void _start(void)    [not called: the kernel jumps here]
;
; The stack grows up. What the kernel leaves (start_thread in
; arch/parisc/include/asm/processor.h; fs/binfmt_elf.c lays the block out
; upwards under CONFIG_STACK_GROWSUP):
;   r25 = argc, r24 = argv; argc is the word just below argv[0], then
;   argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL, upwards
;   r30 (sp) = above the block, 64-byte aligned: free space starts there
;   r2 = 0 (no return address)
; Global data is addressed from %r27 (dp), which gcc's non-PIC code uses
; for every global (addil LR'x-$global$, %r27): set here, to the linker's
; $global$, and never changed.
; Everything else is portable C: __tine_start_c(long *sp) never returns.
; (In PA assembly `;` starts a comment: these lines are comments to cpp too.)

        .text
        .global _start
        .type   _start, @function
_start:
        ldil    L%$global$, %r27        ; dp: the data pointer gcc's code expects
        ldo     R%$global$(%r27), %r27
        ldo     63(%r30), %r30          ; sp up to a 64-byte boundary (it is already)
        depi    0, 31, 6, %r30
        ldo     64(%r30), %r30          ; a frame of our own: the callee's frame marker lies below sp
        stw     %r0, -4(%r30)           ; previous sp: none (backtraces stop here)
        stw     %r0, -20(%r30)          ; and no return address
        copy    %r0, %r2
        copy    %r0, %r3                ; no frame pointer
        bl      __tine_start_c, %r2     ; runs main, then exit_group
        ldo     -4(%r24), %r26          ; (delay slot) arg 1: &argc, the kernel's block
        break   0, 0                    ; not reached
        .size   _start, . - _start

        .section .note.GNU-stack, "", @progbits
