/* SPDX-License-Identifier: 0BSD */
/*
 * arch/mips64el/consts.h — the UAPI numbers the stubs cannot include.
 *
 * MIPS's <asm/signal.h> declares struct sigaction and stack_t with no
 * __ASSEMBLY__ guard, so vfork.S cannot include it for SIGCHLD (18 here,
 * 17 elsewhere: MIPS numbers its signals as IRIX did). mk/gen-consts.sh -c
 * runs this file through the C preprocessor at build time and writes
 * `#define name value` for each X(name, value) line into
 * build/mips64el/gen/consts.inc. Nothing is copied by hand.
 */
#include <asm/signal.h>

X(SIGCHLD, SIGCHLD)
