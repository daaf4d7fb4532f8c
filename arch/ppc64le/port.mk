# SPDX-License-Identifier: 0BSD
# arch/ppc64le/port.mk — the ppc64le port's facts, for the Makefile, which says
# what each one means (where it includes every arch/*/port.mk).

RANK_ppc64le           := 07
UNAME_ppc64le          := ppc64le
ASM_ppc64le            := gas
TRIPLE_ppc64le         := powerpc64le-linux-gnu
GNU_TRIPLE_ppc64le     := powerpc64le-linux-gnu
UAPI_ppc64le           := /usr/powerpc64le-linux-gnu/include
UAPI_ASM_ppc64le       := /usr/powerpc64le-linux-gnu/include/asm
DEPS_ppc64le           := linux-libc-dev-ppc64el-cross:/usr/powerpc64le-linux-gnu/include/asm/unistd.h
NATIVE_ON_ppc64le      := ppc64le
CFLAGS_ppc64le         :=
LD_ppc64le             := ld.lld
DEBARCH_ppc64le        := ppc64el
KERNEL_SUITE_ppc64le   := bookworm
KERNEL_PKG_ppc64le     := linux-image-powerpc64le
SYSTEM_QEMU_ppc64le    := qemu-system-ppc64
SYSTEM_ARGS_ppc64le    := -M pseries
SYSTEM_CONSOLE_ppc64le := hvc0
