/* SPDX-License-Identifier: 0BSD */
# arch/ppc64le/start.S — the process entry point.
#
# void _start(void)    [not called: the kernel jumps here]
#
# What the kernel leaves (ELFv2 ABI, Linux exec, arch/powerpc's start_thread):
#   r1  -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL
#   r2  (the TOC pointer): not set; every C function reaches its data
#        through it (-mcmodel=medium), so we set it, from .TOC., which the
#        linker puts 0x8000 past the start of the TOC (.got). We find our
#        own address with bl/mflr rather than trust r12 = entry, which the
#        kernel sets for ELFv2 but nothing requires of an emulator.
#   r13 (the thread pointer): set later by self.c, before any code that
#        reads the canary through it runs.
#   lr: nothing to return to; the back chain of our frame is 0, so
#        backtraces stop here.
# Everything else is portable C: __tine_start_c(long *sp) never returns.

        .abiversion 2
        .text
        .global _start
        .type   _start, @function
_start:
        bl      1f                      # lr = the address of 1:
1:      mflr    %r12
        addis   %r2, %r12, (.TOC. - 1b)@ha
        addi    %r2, %r2, (.TOC. - 1b)@l        # r2 = .TOC.
        mr      %r3, %r1                # arg 1: the kernel's stack block
        clrrdi  %r1, %r1, 4             # ELFv2: 16-byte aligned (it is already)
        li      %r0, 0
        stdu    %r0, -32(%r1)           # the minimum frame, back chain 0: outermost
        bl      __tine_start_c          # runs main, then exit_group
        nop                             # (the linker's TOC-restore slot: one TOC, unused)
        trap                            # not reached
        .size   _start, . - _start

        .section .note.GNU-stack, "", @progbits
