# SPDX-License-Identifier: 0BSD
# arch/m68k/port.mk — the m68k port's facts, for the Makefile, which says
# what each one means (where it includes every arch/*/port.mk).

RANK_m68k           := 10
UNAME_m68k          := m68k
ASM_m68k            := gas
TRIPLE_m68k         := m68k-linux-gnu
GNU_TRIPLE_m68k     := m68k-linux-gnu
UAPI_m68k           := /usr/m68k-linux-gnu/include
UAPI_ASM_m68k       := /usr/m68k-linux-gnu/include/asm
# The same package names in Debian 12 and 13: gcc-m68k-linux-gnu brings
# binutils-m68k-linux-gnu (the GNU ld the port links with) and the UAPI.
DEPS_m68k           := gcc-m68k-linux-gnu:m68k-linux-gnu-gcc \
                       binutils-m68k-linux-gnu:m68k-linux-gnu-ld \
                       linux-libc-dev-m68k-cross:/usr/m68k-linux-gnu/include/asm/unistd.h
NATIVE_ON_m68k      := m68k
# gcc, not clang. Debian's clang 14 has LLVM's experimental M68k back end,
# but it is not usable here: it crashes (SIGSEGV in "M68k DAG->DAG Pattern
# Instruction Selection") on the first __thread variable, which tine's TLS
# tests and every program using thread-locals have, and it makes GOT/PLT
# references (`jsr (use@PLT,%pc)`) even under -fno-pic. And ld.lld cannot
# link m68k at all ("unknown emulation: m68kelf": lld/ELF has no M68k
# target). So the compiler is Debian's cross gcc 12 (CC_m68k= on the
# command line still wins), and the Makefile's cross-gcc rule links with
# its binutils' GNU ld (m68k-linux-gnu-ld).
CC_m68k             ?= m68k-linux-gnu-gcc
# 68020 and up with a 68881-class FPU (Debian's m68k baseline, gcc's
# default here): spelled out so a gcc configured otherwise builds the same.
CFLAGS_m68k         := -m68020 -m68881
LD_m68k             := m68k-linux-gnu-ld
# make check-system: Debian 12 (bookworm) has no m68k kernel. m68k is a
# debian-ports architecture, whose archive this machine cannot reach, so
# there is no kernel to fetch and no machine is named here: the port is
# counted as skipped, with this reason (mk/check-system.sh).
DEBARCH_m68k        := m68k
KERNEL_SUITE_m68k   :=
KERNEL_PKG_m68k     :=
SYSTEM_QEMU_m68k    :=
SYSTEM_ARGS_m68k    :=
SYSTEM_CONSOLE_m68k :=
SYSTEM_NO_m68k      := Debian 12 ships no m68k kernel (m68k is in debian-ports, which this host cannot reach)
