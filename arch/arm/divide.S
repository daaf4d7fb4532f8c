/* SPDX-License-Identifier: 0BSD */
@ arch/arm/divide.S — the EABI's division helpers (RTABI §4.3), on top of
@ src/divide.c. A CPU without sdiv/udiv leaves every `/` and `%` to these.
@
@ unsigned __aeabi_uidiv(unsigned n, unsigned d)      r0 = n, r1 = d -> r0 = n / d
@ int      __aeabi_idiv(int n, int d)                 likewise, signed
@ __aeabi_uidivmod, __aeabi_idivmod                   -> r0 = quotient, r1 = remainder
@ __aeabi_uldivmod, __aeabi_ldivmod (64-bit)          r0:r1 = n, r2:r3 = d
@                                                     -> r0:r1 = quotient, r2:r3 = remainder
@
@ The 32-bit ones widen to 64 bits and call __tine_udivmod64/__tine_divmod64
@ (u64 f(u64 n, u64 d, u64 *rem): n in r0:r1, d in r2:r3, rem at [sp]);
@ the remainder comes back through an 8-byte slot on our stack.

        .syntax unified
        .arm
        .text

@ call64 helper: r0:r1 = n, r2:r3 = d already; leaves q in r0:r1, rem in r2:r3.
.macro  call64 helper
        push    {r4, lr}
        sub     sp, sp, #16             @ [sp] = &rem, [sp+8] = rem; sp stays 8-aligned
        add     r4, sp, #8
        str     r4, [sp]
        bl      \helper
        ldr     r2, [sp, #8]
        ldr     r3, [sp, #12]
        add     sp, sp, #16
        pop     {r4, lr}
.endm

        .global __aeabi_uldivmod
        .type   __aeabi_uldivmod, %function
__aeabi_uldivmod:
        call64  __tine_udivmod64
        bx      lr

        .global __aeabi_ldivmod
        .type   __aeabi_ldivmod, %function
__aeabi_ldivmod:
        call64  __tine_divmod64
        bx      lr

        .global __aeabi_uidiv, __aeabi_uidivmod
        .type   __aeabi_uidiv, %function
        .type   __aeabi_uidivmod, %function
__aeabi_uidiv:
__aeabi_uidivmod:
        mov     r2, r1                  @ d, zero-extended into r2:r3
        mov     r3, #0
        mov     r1, #0                  @ n, zero-extended into r0:r1
        call64  __tine_udivmod64
        mov     r1, r2                  @ remainder's low word
        bx      lr

        .global __aeabi_idiv, __aeabi_idivmod
        .type   __aeabi_idiv, %function
        .type   __aeabi_idivmod, %function
__aeabi_idiv:
__aeabi_idivmod:
        mov     r2, r1                  @ d, sign-extended into r2:r3
        asr     r3, r1, #31
        asr     r1, r0, #31             @ n, sign-extended into r0:r1
        call64  __tine_divmod64
        mov     r1, r2
        bx      lr

        .section .note.GNU-stack,"",%progbits
