/* SPDX-License-Identifier: 0BSD */
# arch/ppc64le/syscall.S — the system-call doorways, one per arity.
#
# long tine_syscallN(long nr, long a1, ..., long aN)
#
#             nr   a1   a2   a3   a4   a5   a6
# C call:     r3   r4   r5   r6   r7   r8   r9
# sc:         r0   r3   r4   r5   r6   r7   r8
# result:     r3, and CR0.SO: set, the call failed and r3 is a positive
#             errno (Documentation/powerpc/syscall64-abi.rst), which tine
#             turns into its -errno. r0, r4-r12, ctr, xer, cr0 are
#             clobbered, all volatile in the C ABI too; r1, r2, r13-r31
#             and lr are preserved.

        .abiversion 2
        .text

.macro  doorway name, arity
        .section .text.\name, "ax", @progbits  # one section each: a program links only those it calls
        .balign 4
        .global \name
        .type   \name, @function
\name:
        mr      %r0, %r3                # nr
.if \arity >= 1
        mr      %r3, %r4                # a1
.endif
.if \arity >= 2
        mr      %r4, %r5                # a2
.endif
.if \arity >= 3
        mr      %r5, %r6                # a3
.endif
.if \arity >= 4
        mr      %r6, %r7                # a4
.endif
.if \arity >= 5
        mr      %r7, %r8                # a5
.endif
.if \arity >= 6
        mr      %r8, %r9                # a6
.endif
        sc
        bnslr+                          # SO clear: r3 is the result
        neg     %r3, %r3                # SO set: errno -> -errno
        blr
        .size   \name, . - \name
.endm

        doorway tine_syscall0, 0
        doorway tine_syscall1, 1
        doorway tine_syscall2, 2
        doorway tine_syscall3, 3
        doorway tine_syscall4, 4
        doorway tine_syscall5, 5
        doorway tine_syscall6, 6

        .section .note.GNU-stack, "", @progbits
