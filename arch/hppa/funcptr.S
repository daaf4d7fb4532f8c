/* SPDX-License-Identifier: 0BSD */
; arch/hppa/funcptr.S — how gcc compares function pointers on hppa-linux.
;
; unsigned long __canonicalize_funcptr_for_compare(void (*f)(void))   r26 -> r28
;
; Where shared libraries are, a function pointer may be a plabel: the
; address of a descriptor (bit 30 set, in PA's numbering), and libgcc's
; version follows it to the code so that two pointers to one function
; compare equal. A tine program is static and built with
; -mfast-indirect-calls (port.mk): its function pointers are the code
; addresses themselves, so the canonical form is the pointer.

        .section .text.__canonicalize_funcptr_for_compare, "ax", @progbits
        .align  4
        .global __canonicalize_funcptr_for_compare
        .type   __canonicalize_funcptr_for_compare, @function
__canonicalize_funcptr_for_compare:
        bv      %r0(%r2)
        copy    %r26, %r28              ; (delay slot)
        .size   __canonicalize_funcptr_for_compare, . - __canonicalize_funcptr_for_compare

        .section .note.GNU-stack, "", @progbits
