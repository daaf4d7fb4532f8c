/* SPDX-License-Identifier: 0BSD */
/*
 * arch/m68k/arch.h — what portable C needs to know about m68k (Motorola
 * 68020 and up, 32-bit, big-endian; the Linux/m68k ELF ABI).
 */
#ifndef TINE_ARCH_H
#define TINE_ARCH_H

#define TINE_ARCH_NAME        "m68k"

/*
 * gcc's m68k STACK_BOUNDARY is 16 bits (__BIGGEST_ALIGNMENT__ is 2), but
 * the kernel starts a process with sp 4-aligned and glibc keeps it so:
 * 4, so that no long on the stack straddles a longword.
 */
#define TINE_ARCH_STACK_ALIGN 4

/*
 * The raw clone takes the default order: flags, stack, ptid, ctid, tls in
 * d1-d5 (arch/m68k/kernel/process.c, m68k_clone: ".stack = regs->d2",
 * ".child_tid = (int __user *)regs->d4", ".tls = regs->d5"), so neither
 * TINE_ARCH_CLONE_BACKWARDS nor ..._BACKWARDS2.
 */

/*
 * ELF TLS, variant I with a bias, as on mips64el and ppc64le (glibc's
 * sysdeps/m68k/nptl/tls.h: TLS_TCB_OFFSET 0x7000, TLS_DTV_AT_TP; binutils'
 * elf32-m68k.c subtracts the same 0x7000 from a local-exec offset): the
 * thread pointer the kernel keeps holds tp + 0x7000, tp being the start of
 * the TLS block, so a signed 16-bit displacement reaches 4 KiB below the
 * block and 60 KiB into it. (The ABI's other bias, 0x8000 on a DTV offset,
 * is for the dynamic models, which tine-cc refuses.) m68k has no register
 * for the thread pointer: the kernel keeps it in thread_info->tp_value,
 * set by the set_thread_area system call and
 * for a child by CLONE_SETTLS (copy_thread: "task_thread_info(p)->tp_value
 * = tls"), and read back by the get_thread_area system call, which is what
 * the compiler's __m68k_read_tp (tp.S) does for every thread-local access.
 * gcc reads the stack-protector canary from the global __stack_chk_guard,
 * so there is no canary word to keep, and the descriptor's address sits in
 * the word just below the block:
 *
 *   | descriptor ... | self | block ...
 *                           ^ tp = tp_value - 0x7000
 */
#define TINE_ARCH_TLS_ABOVE_TP 0
#define TINE_ARCH_TP_SELF     (-4)
#define TINE_ARCH_TP_BIAS     0x7000

/*
 * The kernel's struct sigaction has sa_restorer (arch/m68k/include/asm/
 * signal.h: "#define __ARCH_HAS_SA_RESTORER"), but m68k's UAPI defines no
 * SA_RESTORER, so src/signal.c must be told that the field is there: the
 * mask comes after it. (The kernel ignores it: setup_rt_frame writes its
 * own return code into the frame, arch/m68k/kernel/signal.c.)
 */
#define TINE_ARCH_HAS_SA_RESTORER 1

#ifndef __ASSEMBLER__
/* CLONE_SETTLS's argument: the child's tp_value, tp plus the bias. */
#define TINE_ARCH_TLS_ARG 1
typedef char tine_arch_tls;
static inline unsigned long tine_arch_tls_arg(tine_arch_tls *scratch, void *tp)
{
    (void)scratch;
    return (unsigned long)tp + TINE_ARCH_TP_BIAS;
}
#endif

#endif
