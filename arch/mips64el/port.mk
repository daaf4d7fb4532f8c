# SPDX-License-Identifier: 0BSD
# arch/mips64el/port.mk — the mips64el port's facts, for the Makefile, which says
# what each one means (where it includes every arch/*/port.mk).

RANK_mips64el           := 08
UNAME_mips64el          := mips64
ASM_mips64el            := gas
TRIPLE_mips64el         := mips64el-linux-gnuabi64
GNU_TRIPLE_mips64el     := mips64el-linux-gnuabi64
UAPI_mips64el           := /usr/mips64el-linux-gnuabi64/include
UAPI_ASM_mips64el       := /usr/mips64el-linux-gnuabi64/include/asm
DEPS_mips64el           := linux-libc-dev-mips64el-cross:/usr/mips64el-linux-gnuabi64/include/asm/unistd.h
NATIVE_ON_mips64el      := mips64el
# Plain static code: clang's n64 default is -mabicalls (PIC through $gp and
# the GOT, general-dynamic TLS through __tls_get_addr, which tine-cc
# refuses), and -fno-pic alone does not turn it off. -G0: no small-data
# section reached from $gp either, so nothing needs $gp set up.
CFLAGS_mips64el         := -mno-abicalls -G0
LD_mips64el             := ld.lld
DEBARCH_mips64el        := mips64el
KERNEL_SUITE_mips64el   := bookworm
KERNEL_PKG_mips64el     := linux-image-5kc-malta
SYSTEM_QEMU_mips64el    := qemu-system-mips64el
# Debian's 5kc-malta kernel is built for MIPS64R2, which QEMU's 5KEc is; the
# Malta board runs a 5KEc only alone (with -smp 2 neither CPU prints a
# thing), so one CPU, said here, where mk/boot.sh lets it win.
SYSTEM_ARGS_mips64el    := -M malta -cpu 5KEc -smp 1
SYSTEM_CONSOLE_mips64el := ttyS0
