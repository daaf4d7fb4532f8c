# SPDX-License-Identifier: 0BSD
# arch/x86_64/port.mk — the x86_64 port's facts, for the Makefile, which says
# what each one means (where it includes every arch/*/port.mk).

RANK_x86_64           := 01
UNAME_x86_64          := x86_64
ASM_x86_64            := nasm
NASMFMT_x86_64        := elf64
TRIPLE_x86_64         := x86_64-linux-gnu
GNU_TRIPLE_x86_64     := x86_64-linux-gnu
UAPI_x86_64           := /usr/include
UAPI_ASM_x86_64       := /usr/include/x86_64-linux-gnu/asm
DEPS_x86_64           := nasm:nasm linux-libc-dev:/usr/include/x86_64-linux-gnu/asm/unistd_64.h
NATIVE_ON_x86_64      := x86_64
CFLAGS_x86_64         := -m64
LD_x86_64             := ld.lld
DEBARCH_x86_64        := amd64
KERNEL_SUITE_x86_64   := bookworm
KERNEL_PKG_x86_64     := linux-image-amd64
SYSTEM_QEMU_x86_64    := qemu-system-x86_64
SYSTEM_ARGS_x86_64    := -M q35 -cpu max
SYSTEM_CONSOLE_x86_64 := ttyS0
