/* SPDX-License-Identifier: 0BSD */
; arch/hppa/atomic.S — the atomic operations gcc leaves to libgcc on
; PA-RISC, which has no compare-and-swap instruction (only ldcw, load and
; clear). The kernel gives one: the light-weight syscall CAS at 0xb0 of
; the gateway page (arch/parisc/kernel/syscall.S, lws_compare_and_swap32):
;
;   ble 0xb0(%sr2, %r0), r20 = 0 (LWS CAS32), r26 = address, r25 = old,
;   r24 = new  ->  r28 = the word that was there (stored new if it was
;   old), r21 = 0, or -EAGAIN (the kernel's lock was busy: try again) or
;   -EFAULT. It clobbers r1, r20-r23, r29 and r31 (libgcc's linux-atomic.c
;   names these), and gives back r2, r24-r26.
;
; tine's C asks for __atomic_compare_exchange_n, __atomic_exchange_n and
; __atomic_{add,or}_fetch on ints; gcc calls these for them:
;   int __sync_val_compare_and_swap_4(int *p, int old, int new)  r26, r25, r24 -> r28
;   int __sync_lock_test_and_set_4(int *p, int v)                r26, r25 -> r28 (the old value)
;   int __sync_add_and_fetch_4(int *p, int v), __sync_or_and_fetch_4,
;       __sync_fetch_and_add_4, __sync_fetch_and_or_4             r26, r25 -> r28
;   u64 __sync_add_and_fetch_8(u64 *p, u64 v)       r26, v high in r23, low in r24 -> r28:r29
;       through the LWS CAS of any size, at index 2 (lws_compare_and_swap_2):
;       r23 = 3 (8 bytes), r25 and r24 = the addresses of old and new;
;       r28 = 0 if it stored, 1 if *p was not old; it also clobbers fr4.

#include <asm/errno.h>

        .text

        .section .text.__sync_val_compare_and_swap_4, "ax", @progbits
        .align  4
        .global __sync_val_compare_and_swap_4
        .type   __sync_val_compare_and_swap_4, @function
__sync_val_compare_and_swap_4:
1:      ldw     0(%r26), %r28           ; what is there
        comb,<> %r28, %r25, 2f          ; not old: nothing to store; return it
        nop
        ble     0xb0(%sr2, %r0)         ; CAS *r26: r25 -> r24
        ldi     0, %r20                 ; (delay slot) LWS CAS32
        comib,<> 0, %r21, 1b            ; busy: again
        nop
        comb,<> %r28, %r25, 1b          ; changed meanwhile: look again
        nop
2:      bv,n    %r0(%r2)
        .size   __sync_val_compare_and_swap_4, . - __sync_val_compare_and_swap_4

; The read-modify-write ones: old = *p; new = old OP v; CAS until it takes.
; v waits in r19 (r24 and r25 are the CAS's new and old). \after: return
; the new value (r24) or the old (r25).
.macro  rmw name, op, result
        .section .text.\name, "ax", @progbits
        .align  4
        .global \name
        .type   \name, @function
\name:
        copy    %r25, %r19              ; v
1:      ldw     0(%r26), %r25           ; old
        \op     %r25, %r19, %r24        ; new
        ble     0xb0(%sr2, %r0)         ; CAS *r26: r25 -> r24
        ldi     0, %r20                 ; (delay slot) LWS CAS32
        comib,<> 0, %r21, 1b            ; busy: again
        nop
        comb,<> %r28, %r25, 1b          ; changed meanwhile: again
        nop
        bv      %r0(%r2)
        copy    \result, %r28           ; (delay slot)
        .size   \name, . - \name
.endm

; copy's form of OP: the new value is v itself.
.macro  take a, v, t
        copy    \v, \t
.endm

        rmw     __sync_lock_test_and_set_4, take, %r25
        rmw     __sync_add_and_fetch_4, add, %r24
        rmw     __sync_or_and_fetch_4, or, %r24
        rmw     __sync_fetch_and_add_4, add, %r25
        rmw     __sync_fetch_and_or_4, or, %r25

        .section .text.__sync_add_and_fetch_8, "ax", @progbits
        .align  4
        .global __sync_add_and_fetch_8
        .type   __sync_add_and_fetch_8, @function
__sync_add_and_fetch_8:
        ldo     64(%r30), %r30          ; a frame: old at -64, new at -56, v at -48
        stw     %r23, -48(%r30)         ; v
        stw     %r24, -44(%r30)
1:      ldw     0(%r26), %r28           ; old (two loads: the CAS checks both words)
        ldw     4(%r26), %r29
        stw     %r28, -64(%r30)
        stw     %r29, -60(%r30)
        ldw     -48(%r30), %r1
        ldw     -44(%r30), %r19
        add     %r29, %r19, %r29        ; new = old + v
        addc    %r28, %r1, %r28
        stw     %r28, -56(%r30)
        stw     %r29, -52(%r30)
        ldo     -64(%r30), %r25         ; &old
        ldo     -56(%r30), %r24         ; &new
        ldi     3, %r23                 ; 8 bytes
        ble     0xb0(%sr2, %r0)         ; CAS *r26
        ldi     2, %r20                 ; (delay slot) LWS CAS of any size
        comib,<> 0, %r21, 1b            ; busy: again
        nop
        comib,<> 0, %r28, 1b            ; changed meanwhile: again
        nop
        ldw     -56(%r30), %r28         ; new
        ldw     -52(%r30), %r29
        bv      %r0(%r2)
        ldo     -64(%r30), %r30         ; (delay slot)
        .size   __sync_add_and_fetch_8, . - __sync_add_and_fetch_8

        .section .note.GNU-stack, "", @progbits
