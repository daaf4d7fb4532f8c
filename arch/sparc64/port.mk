# SPDX-License-Identifier: 0BSD
# arch/sparc64/port.mk — the sparc64 port's facts, for the Makefile, which says
# what each one means (where it includes every arch/*/port.mk).

RANK_sparc64           := 09
UNAME_sparc64          := sparc64
ASM_sparc64            := gas
TRIPLE_sparc64         := sparc64-linux-gnu
GNU_TRIPLE_sparc64     := sparc64-linux-gnu
UAPI_sparc64           := /usr/sparc64-linux-gnu/include
UAPI_ASM_sparc64       := /usr/sparc64-linux-gnu/include/asm
# clang 14 has no SPARC assembler of its own (it runs sparc64-linux-gnu-as,
# -no-integrated-as) and lld 14 no SPARC at all: both from binutils.
# gcc builds it too (CC_sparc64=sparc64-linux-gnu-gcc-12, from
# gcc-12-sparc64-linux-gnu): every test passes under both qemus, but its
# overflow handler's frames need 1712 bytes, over src/overflow.c's
# HANDLER_BYTES (1536, which clang's 1536 just meets): make stack-report.
DEPS_sparc64           := linux-libc-dev-sparc64-cross:/usr/sparc64-linux-gnu/include/asm/unistd.h binutils-sparc64-linux-gnu:sparc64-linux-gnu-ld
NATIVE_ON_sparc64      := sparc64
CFLAGS_sparc64         :=
LD_sparc64             := sparc64-linux-gnu-ld
# GNU ld's sparc64 default max-page-size is 1 MiB: with linker.ld's
# 0x10000 start, the text segment would begin at address 0 with 64 KiB of
# zeros in the file (and a real kernel refuses to map page 0 below
# vm.mmap_min_addr). The kernel's page, 8 KiB, is what it needs.
LDFLAGS_sparc64        := -Wl,-z,max-page-size=0x2000 -Wl,-z,common-page-size=0x2000
# Linux on sparc64 has 8 KiB pages (arch/sparc/include/asm/page_64.h:
# PAGE_SHIFT 13), so a thread's stack is 8 KiB at least.
PAGE_sparc64           := 8192
# make check-system: Debian 12 ships no sparc64 kernel (sparc64 is a
# debian-ports architecture, whose archive this host cannot reach), so
# there is nothing to boot: SYSTEM_NO says so, and mk/check-system.sh
# counts the port's tests as skipped with that reason.
DEBARCH_sparc64        := sparc64
KERNEL_SUITE_sparc64   :=
KERNEL_PKG_sparc64     :=
SYSTEM_QEMU_sparc64    :=
SYSTEM_ARGS_sparc64    :=
SYSTEM_CONSOLE_sparc64 :=
SYSTEM_NO_sparc64   := Debian 12 ships no sparc64 kernel (sparc64 is in debian-ports, which this host cannot reach)
