# SPDX-License-Identifier: 0BSD
# arch/aarch64/port.mk — the aarch64 port's facts, for the Makefile, which says
# what each one means (where it includes every arch/*/port.mk).

RANK_aarch64           := 03
UNAME_aarch64          := aarch64
ASM_aarch64            := gas
TRIPLE_aarch64         := aarch64-linux-gnu
GNU_TRIPLE_aarch64     := aarch64-linux-gnu
UAPI_aarch64           := /usr/aarch64-linux-gnu/include
UAPI_ASM_aarch64       := /usr/aarch64-linux-gnu/include/asm
DEPS_aarch64           := linux-libc-dev-arm64-cross:/usr/aarch64-linux-gnu/include/asm/unistd.h
NATIVE_ON_aarch64      := aarch64
CFLAGS_aarch64         := -mno-outline-atomics
LD_aarch64             := ld.lld
DEBARCH_aarch64        := arm64
KERNEL_SUITE_aarch64   := bookworm
KERNEL_PKG_aarch64     := linux-image-arm64
SYSTEM_QEMU_aarch64    := qemu-system-aarch64
SYSTEM_ARGS_aarch64    := -M virt -cpu max
SYSTEM_CONSOLE_aarch64 := ttyAMA0
