/* SPDX-License-Identifier: 0BSD */
| arch/m68k/tp.S — the thread pointer, which on m68k is no register: the
| kernel keeps it in thread_info->tp_value. The set_thread_area system
| call writes it, clone's CLONE_SETTLS writes a child's (copy_thread in
| arch/m68k/kernel/process.c), and the get_thread_area system call reads
| it back (arch/m68k/kernel/sys_m68k.c: sys_get_thread_area returns
| current_thread_info()->tp_value). Every read is a trap; there is no vDSO
| to make it cheaper.
|
| It holds TINE_ARCH_TP_BIAS (0x7000) bytes past tp, the start of the TLS
| block (ELF TLS variant I with a bias), and the descriptor's address is in
| the word at tp + TINE_ARCH_TP_SELF (arch.h: tp - 4, so tp_value - 0x7004).
|
| void *__tine_arch_tp(void)          result: d0 = a0 = the descriptor
|     trap #0: d0 = __NR_get_thread_area;  result in d0 = tp + 0x7000
| void *__m68k_read_tp(void)          result: a0 (and d0) = tp + 0x7000:
|     what gcc calls for every thread-local access (m68k.c,
|     m68k_call_m68k_read_tp: a library call, so d0, d1, a0, a1 are free)
| long  __tine_arch_set_tp(void *tp)  C call: 4(sp) = tp
|     trap #0: d0 = __NR_set_thread_area, d1 = tp + 0x7000;  result 0
|
| A function returning a pointer leaves it in a0 and in d0 (the SVR4 m68k
| convention gcc follows: callers read a0).

#include <asm/unistd.h>
#include "arch.h"

        .text
        .global __tine_arch_tp
        .hidden __tine_arch_tp
        .type   __tine_arch_tp, @function
__tine_arch_tp:
        move.l  #__NR_get_thread_area, %d0
        trap    #0
        move.l  %d0, %a0                | tp + 0x7000
        move.l  TINE_ARCH_TP_SELF - TINE_ARCH_TP_BIAS(%a0), %a0  | the self word: the descriptor
        move.l  %a0, %d0
        rts
        .size   __tine_arch_tp, . - __tine_arch_tp

        .global __m68k_read_tp
        .type   __m68k_read_tp, @function
__m68k_read_tp:
        move.l  #__NR_get_thread_area, %d0
        trap    #0
        move.l  %d0, %a0
        rts
        .size   __m68k_read_tp, . - __m68k_read_tp

        .global __tine_arch_set_tp
        .hidden __tine_arch_set_tp
        .type   __tine_arch_set_tp, @function
__tine_arch_set_tp:
        move.l  4(%sp), %d1
        add.l   #TINE_ARCH_TP_BIAS, %d1 | the kernel keeps the biased value
        move.l  #__NR_set_thread_area, %d0
        trap    #0
        rts
        .size   __tine_arch_set_tp, . - __tine_arch_set_tp

        .section .note.GNU-stack, "", @progbits
