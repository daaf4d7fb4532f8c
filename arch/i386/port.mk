# SPDX-License-Identifier: 0BSD
# arch/i386/port.mk — the i386 port's facts, for the Makefile, which says
# what each one means (where it includes every arch/*/port.mk).

RANK_i386           := 02
UNAME_i386          := i686 i386
ASM_i386            := nasm
NASMFMT_i386        := elf32
TRIPLE_i386         := i686-linux-gnu
GNU_TRIPLE_i386     := i686-linux-gnu
UAPI_i386           := /usr/i686-linux-gnu/include
UAPI_ASM_i386       := /usr/i686-linux-gnu/include/asm
DEPS_i386           := nasm:nasm linux-libc-dev-i386-cross:/usr/i686-linux-gnu/include/asm/unistd_32.h
NATIVE_ON_i386      := i386 x86_64
NATIVE_NO_i386      := this kernel does not run 32-bit programs (no IA32 emulation)
CFLAGS_i386         := -m32
LD_i386             := ld.lld
DEBARCH_i386        := i386
KERNEL_SUITE_i386   := bookworm
# The native 32-bit kernel (686), where CONFIG_CLONE_BACKWARDS itself
# applies, not x86_64's compat entry.
KERNEL_PKG_i386     := linux-image-686
SYSTEM_QEMU_i386    := qemu-system-i386
SYSTEM_ARGS_i386    := -M pc -cpu max
SYSTEM_CONSOLE_i386 := ttyS0
