# SPDX-License-Identifier: 0BSD
# arch/s390x/port.mk — the s390x port's facts, for the Makefile, which says
# what each one means (where it includes every arch/*/port.mk).

RANK_s390x           := 06
UNAME_s390x          := s390x
ASM_s390x            := gas
TRIPLE_s390x         := s390x-linux-gnu
GNU_TRIPLE_s390x     := s390x-linux-gnu
UAPI_s390x           := /usr/s390x-linux-gnu/include
UAPI_ASM_s390x       := /usr/s390x-linux-gnu/include/asm
DEPS_s390x           := linux-libc-dev-s390x-cross:/usr/s390x-linux-gnu/include/asm/unistd.h binutils-s390x-linux-gnu:s390x-linux-gnu-ld
NATIVE_ON_s390x      := s390x
CFLAGS_s390x         :=
# lld 14 has no s390x: GNU ld from binutils-s390x-linux-gnu.
LD_s390x             := s390x-linux-gnu-ld
DEBARCH_s390x        := s390x
KERNEL_SUITE_s390x   := bookworm
KERNEL_PKG_s390x     := linux-image-s390x
SYSTEM_QEMU_s390x    := qemu-system-s390x
SYSTEM_ARGS_s390x    := -M s390-ccw-virtio -cpu max
SYSTEM_CONSOLE_s390x := ttysclp0
