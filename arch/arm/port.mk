# SPDX-License-Identifier: 0BSD
# arch/arm/port.mk — the arm port's facts, for the Makefile, which says
# what each one means (where it includes every arch/*/port.mk).

RANK_arm           := 05
UNAME_arm          := armv7l
ASM_arm            := gas
TRIPLE_arm         := armv7a-linux-gnueabihf
GNU_TRIPLE_arm     := arm-linux-gnueabihf
UAPI_arm           := /usr/arm-linux-gnueabihf/include
UAPI_ASM_arm       := /usr/arm-linux-gnueabihf/include/asm
DEPS_arm           := linux-libc-dev-armhf-cross:/usr/arm-linux-gnueabihf/include/asm/unistd.h
NATIVE_ON_arm      := arm
NATIVE_NO_arm      := this kernel does not run 32-bit programs (no AArch32 support)
# ARM (not Thumb) code, hard-float EABI.
CFLAGS_arm         := -marm -mfloat-abi=hard
LD_arm             := ld.lld
DEBARCH_arm        := armhf
KERNEL_SUITE_arm   := bookworm
# The LPAE flavour, which qemu's virt machine boots.
KERNEL_PKG_arm     := linux-image-armmp-lpae
SYSTEM_QEMU_arm    := qemu-system-arm
SYSTEM_ARGS_arm    := -M virt,highmem=off -cpu cortex-a15
SYSTEM_CONSOLE_arm := ttyAMA0
