# SPDX-License-Identifier: 0BSD
# arch/hppa/port.mk — the hppa port's facts, for the Makefile, which says
# what each one means (where it includes every arch/*/port.mk).
#
# PA-RISC 2.0 hardware running a 32-bit userland (PA 1.1 code, big-endian),
# as Debian's hppa port builds it.

RANK_hppa           := 11
UNAME_hppa          := parisc parisc64
ASM_hppa            := gas
TRIPLE_hppa         := hppa-linux-gnu
GNU_TRIPLE_hppa     := hppa-linux-gnu
UAPI_hppa           := /usr/hppa-linux-gnu/include
UAPI_ASM_hppa       := /usr/hppa-linux-gnu/include/asm
# clang has no PA-RISC backend: this port is built by Debian's cross gcc and
# linked by its binutils' ld, the only port that needs them.
CC_hppa             ?= hppa-linux-gnu-gcc
DEPS_hppa           := linux-libc-dev-hppa-cross:/usr/hppa-linux-gnu/include/asm/unistd.h \
                       gcc-hppa-linux-gnu:hppa-linux-gnu-gcc binutils-hppa-linux-gnu:hppa-linux-gnu-ld
NATIVE_ON_hppa      := hppa
# -mfast-indirect-calls: a call through a function pointer is a plain
# `ble 0(%sr4, r)`, not a call of libgcc's $$dyncall millicode (which looks
# for a shared library's function descriptor: a static program has none).
# -mdisable-fpregs is not given: gcc multiplies with the FPU's xmpyu.
# -Wa,--noexecstack: gcc for hppa marks no object's stack (no .note.GNU-stack),
# which the linker would take for one needing an executable stack.
CFLAGS_hppa         := -mfast-indirect-calls -Wa,--noexecstack
LD_hppa             := hppa-linux-gnu-ld
# gcc has no stack protector for hppa ("-fstack-protector not supported
# for this target", on every compile): the stack grows up, so a frame's
# arrays lie above the return pointer it saved, and an overrun runs into
# free space instead (tests/t-ssp.c asserts that).
SSP_hppa            :=
# make check-system: Debian 12 (bookworm) has no hppa kernel. hppa is a
# debian-ports architecture, whose archive this machine cannot reach, so
# there is no kernel to fetch and no machine is named here: the port is
# counted as skipped, with this reason (mk/check-system.sh).
DEBARCH_hppa        := hppa
KERNEL_SUITE_hppa   :=
KERNEL_PKG_hppa     :=
SYSTEM_QEMU_hppa    :=
SYSTEM_ARGS_hppa    :=
SYSTEM_CONSOLE_hppa :=
SYSTEM_NO_hppa      := Debian 12 ships no hppa kernel (hppa is in debian-ports, which this host cannot reach)
