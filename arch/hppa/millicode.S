/* SPDX-License-Identifier: 0BSD */
; arch/hppa/millicode.S — division, which PA-RISC has no instruction for:
; gcc calls millicode for every `/` and `%` by a number it does not know,
; the routines libgcc's lib1funcs would provide, with their own contract
; (gcc's pa.md, the udivsi3 and divsi3 patterns):
;
;   $$divU, $$divI:  r29 = r26 / r25       (unsigned, signed)
;   $$remU, $$remI:  r29 = r26 % r25
;   called with `bl $$x, %r31` (no frame of the caller's used), back with
;   `bv %r0(%r31)`; they may change r1, r25, r26, r29 and r31, and no
;   other register: gcc keeps values in r19-r24 and r28 across the call.
;
; Long division one bit at a time, 32 steps (tine's programs divide
; seldom, by the page size or a count). The registers beyond the four it
; may change are saved in a 64-byte frame of its own, above sp (the stack
; grows up). A divisor of 0 gives all ones (the quotient) or the dividend
; (the remainder), as src/divide.c answers it.

        .text

; r26 / r25 unsigned: quotient in r29, remainder in r1. Uses r19, r20.
.macro  udiv
        copy    %r0, %r29               ; q
        copy    %r0, %r1                ; rem
        ldi     32, %r19                ; steps
1:      add     %r26, %r26, %r26        ; n <<= 1, its top bit in the carry
        addc    %r1, %r1, %r1           ; rem = rem << 1 | that bit; carry: rem overflowed
        addc    %r0, %r0, %r20          ; r20 = that carry
        comib,<> 0, %r20, 2f            ; rem >= 2^32 > d: subtract
        add     %r29, %r29, %r29        ; (delay slot) q <<= 1
        comb,<< %r1, %r25, 3f           ; rem < d (unsigned): no
        nop
2:      sub     %r1, %r25, %r1          ; rem -= d
        ldo     1(%r29), %r29           ; q |= 1
3:      addib,<> -1, %r19, 1b           ; 32 steps
        nop
.endm

.macro  enter
        ldo     64(%r30), %r30          ; a frame: the words we change
        stw     %r19, -64(%r30)
        stw     %r20, -60(%r30)
        stw     %r21, -56(%r30)
.endm

.macro  leave
        ldw     -64(%r30), %r19
        ldw     -60(%r30), %r20
        ldw     -56(%r30), %r21
        bv      %r0(%r31)
        ldo     -64(%r30), %r30         ; (delay slot)
.endm

; Signed: divide the magnitudes; the quotient is negative when the signs
; differ, the remainder takes the dividend's sign (C's truncation).
.macro  magnitudes
        comclr,>= %r26, %r0, %r0        ; n < 0:
        sub     %r0, %r26, %r26         ;   n = -n
        comclr,>= %r25, %r0, %r0        ; d < 0:
        sub     %r0, %r25, %r25         ;   d = -d
.endm

        .section .text.$$divU, "ax", @progbits
        .align  4
        .global $$divU
        .type   $$divU, @function
$$divU:
        enter
        udiv
        leave
        .size   $$divU, . - $$divU

        .section .text.$$remU, "ax", @progbits
        .align  4
        .global $$remU
        .type   $$remU, @function
$$remU:
        enter
        udiv
        copy    %r1, %r29
        leave
        .size   $$remU, . - $$remU

        .section .text.$$divI, "ax", @progbits
        .align  4
        .global $$divI
        .type   $$divI, @function
$$divI:
        enter
        xor     %r26, %r25, %r21        ; its sign: the quotient's
        magnitudes
        udiv
        comclr,>= %r21, %r0, %r0
        sub     %r0, %r29, %r29
        leave
        .size   $$divI, . - $$divI

        .section .text.$$remI, "ax", @progbits
        .align  4
        .global $$remI
        .type   $$remI, @function
$$remI:
        enter
        copy    %r26, %r21              ; its sign: the remainder's
        magnitudes
        udiv
        copy    %r1, %r29
        comclr,>= %r21, %r0, %r0
        sub     %r0, %r29, %r29
        leave
        .size   $$remI, . - $$remI

        .section .note.GNU-stack, "", @progbits
