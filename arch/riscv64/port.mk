# SPDX-License-Identifier: 0BSD
# arch/riscv64/port.mk — the riscv64 port's facts, for the Makefile, which says
# what each one means (where it includes every arch/*/port.mk).

RANK_riscv64           := 04
UNAME_riscv64          := riscv64
ASM_riscv64            := gas
TRIPLE_riscv64         := riscv64-linux-gnu
GNU_TRIPLE_riscv64     := riscv64-linux-gnu
UAPI_riscv64           := /usr/riscv64-linux-gnu/include
UAPI_ASM_riscv64       := /usr/riscv64-linux-gnu/include/asm
DEPS_riscv64           := linux-libc-dev-riscv64-cross:/usr/riscv64-linux-gnu/include/asm/unistd.h
NATIVE_ON_riscv64      := riscv64
# No linker relaxation, so nothing depends on gp being set up.
CFLAGS_riscv64         := -mno-relax
LD_riscv64             := ld.lld
DEBARCH_riscv64        := riscv64
# Debian 12 has no riscv64 kernel: Debian 13's.
KERNEL_SUITE_riscv64   := trixie
KERNEL_PKG_riscv64     := linux-image-riscv64
SYSTEM_QEMU_riscv64    := qemu-system-riscv64
SYSTEM_ARGS_riscv64    := -M virt -cpu rv64 -bios default
SYSTEM_CONSOLE_riscv64 := ttyS0
