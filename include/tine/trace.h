/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/trace.h> — watch what tine asks of the kernel.
 *
 * With TINE_TRACE=1 in the environment (or after tine_trace(1)), every
 * clone, clone3, vfork, exit, wait and futex call tine makes is printed on
 * stderr, one line each, as this architecture's kernel receives it: the
 * call's name and number here, its arguments in the kernel's order (which
 * for raw clone differs between architectures: see arch/README.md), flags
 * decoded by name, and the result:
 *
 *   tine: clone #56 (flags=CLONE_VM|...|CLONE_CHILD_CLEARTID, stack=0x7f..., ptid=0x...,
 *         ctid=0x..., tls=0x...) = 4242
 *
 * Off, it costs one test of a word per call. Calls made directly through
 * the assembly stubs (tine_clone_raw with a stack, tine_vfork) are not seen:
 * there is no C between the caller and the kernel to see them from.
 */
#ifndef TINE_TRACE_H
#define TINE_TRACE_H

/* Turns tracing on (1) or off (0); returns what it was. */
int tine_trace(int on);

#endif
