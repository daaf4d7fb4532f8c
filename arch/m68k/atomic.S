/* SPDX-License-Identifier: 0BSD */
| arch/m68k/atomic.S — the one 64-bit atomic gcc cannot inline on m68k.
|
| The 68020's cas compares and swaps 32 bits; for a 64-bit
| __atomic_add_fetch or __atomic_fetch_add gcc calls libatomic's
| __atomic_fetch_add_8 (examples/threads.c's total does). tine provides it
| with cas2.l, which compares and swaps two longwords at once: here the
| high and low halves of one big-endian 64-bit object. cas2 is a locked
| read-modify-write, so every memory order is met (the order argument is
| not read).
|
| unsigned long long __atomic_fetch_add_8(volatile void *p,
|                                         unsigned long long v, int order)
| C call:  4(sp) = p, 8(sp) = v's high half, 12(sp) = its low half,
|          16(sp) = order
| result:  d0:d1 = the old value (high:low)

        .text
        .global __atomic_fetch_add_8
        .type   __atomic_fetch_add_8, @function
__atomic_fetch_add_8:
        movem.l %d2-%d3/%a2, -(%sp)     | the arguments are now 12 bytes up
        move.l  16(%sp), %a1            | p: the high half
        lea     4(%a1), %a2             | p + 4: the low half
        move.l  (%a1), %d0              | a first guess at the old value
        move.l  (%a2), %d1
1:      move.l  20(%sp), %d2            | new = old + v:
        move.l  24(%sp), %d3
        add.l   %d1, %d3                |   low halves, carry into X
        addx.l  %d0, %d2                |   high halves, plus X
        cas2.l  %d0:%d1, %d2:%d3, (%a1):(%a2)   | store new if p still holds old;
        jne     1b                      |   else d0:d1 = what it holds: again
        movem.l (%sp)+, %d2-%d3/%a2
        rts
        .size   __atomic_fetch_add_8, . - __atomic_fetch_add_8

        .section .note.GNU-stack, "", @progbits
