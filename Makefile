# SPDX-License-Identifier: 0BSD
# tine — a tiny libc-free runtime. `make help` lists targets and variables.
#
# The architecture is named in arch/<arch>/ and nowhere else: every per-port
# fact is a variable VAR_<arch> of arch/<arch>/port.mk, looked up here, so a
# new port adds a directory, not conditionals.

.DEFAULT_GOAL := all
SHELL         := /bin/sh
TOP           := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))

# ---- the ports ---------------------------------------------------------------

# A port is a directory, arch/<port>/: its stubs and arch.h (arch/README.md
# is their contract, checked by mk/check-symbols.sh) and port.mk, which
# holds every fact the build, the tests and the boots need about it, as
# VAR_<port> := value:
#   RANK           the port's place in lists and tables (two digits)
#   UNAME          the names `uname -m` gives hosts of this port
#   ASM            nasm (x86, .asm) or gas (everything else, .S through the compiler)
#   NASMFMT        NASM's output format, for the NASM ports
#   TRIPLE         the target: clang --target=...
#   GNU_TRIPLE     the GNU triple of Debian's cross tools: make install names
#                  the port's tine-cc after it (aarch64-linux-gnu-tine-cc)
#   UAPI, UAPI_ASM the port's kernel headers: linux/ and asm-generic/ under
#                  UAPI, asm/ at UAPI_ASM
#   DEPS           Debian package:probe pairs beyond the common ones
#   NATIVE_ON      the hosts whose kernels may run the port natively (a probe,
#                  mk/run.sh, decides whether this one does), and NATIVE_NO
#                  what a host lacks when it does not, in words
#   CFLAGS, LD     extra compiler flags; the linker (ld.lld unless it cannot)
#   LDFLAGS        extra linker flags, where the linker's defaults do not fit
#   PAGE           the smallest page the port's kernel has, where it is not
#                  4096 (sparc64: 8192): a stack of TINE_STACK_MIN is a page
#                  at least there (make stack-report --check counts so)
#   CC             (optional, as CC_<port> ?= ...) the port's compiler where
#                  clang --target cannot be it (m68k: a cross gcc)
#   SSP            only where the compiler has no stack protector for the
#                  port: empty (-fstack-protector-strong is everyone else's)
#   DEBARCH, KERNEL_SUITE, KERNEL_PKG
#                  make check-system's kernel: Debian's stock kernel for the
#                  architecture (the metapackage KERNEL_PKG of suite KERNEL_SUITE)
#   SYSTEM_QEMU, SYSTEM_ARGS, SYSTEM_CONSOLE
#                  the qemu-system that boots it, its machine, and the kernel's
#                  name for that machine's serial console
#   SYSTEM_NO      set where there is no kernel to boot: why, in words (the
#                  port's tests are then skipped by make check-system)
# The emulator for qemu-user runs is qemu-<port>, or QEMU_<port>=path (a
# user's variable, see `make help`).
include $(wildcard $(TOP)/arch/*/port.mk)
PORTS := $(foreach r,$(sort $(foreach p,$(patsubst $(TOP)/arch/%/port.mk,%,$(wildcard $(TOP)/arch/*/port.mk)),$(RANK_$(p)):$(p))),$(lastword $(subst :, ,$(r))))

# The port of this host, from `uname -m`.
$(foreach p,$(PORTS),$(foreach u,$(UNAME_$(p)),$(eval HOST_ARCH_$(u) := $(p))))
HOST_ARCH := $(HOST_ARCH_$(shell uname -m))

# ---- variables a user sets ---------------------------------------------------

ARCH ?= $(HOST_ARCH)
ifeq ($(filter $(ARCH),$(PORTS)),)
$(error ARCH=$(ARCH) is not a tine port; the ports are: $(PORTS))
endif
ifeq ($(origin CC),default)
CC := gcc
endif
# The port's compiler, first found of: CC_<port>=; $(CROSS_COMPILE)gcc;
# for the host's port, $(CC); a CC given for a foreign port that targets it
# (aarch64-linux-gnu-gcc for aarch64, or any clang); else clang --target,
# which needs no cross compiler and no sysroot (tine needs no libc).
CC_GIVEN   := $(filter command line environment,$(origin CC))
CC_FITS    := $(if $(CC_GIVEN),$(or $(findstring clang,$(notdir $(CC))),$(filter $(firstword $(subst -, ,$(GNU_TRIPLE_$(ARCH))))-%,$(shell $(CC) -dumpmachine 2>/dev/null))))
PORT_CC    := $(or $(CC_$(ARCH)),$(if $(CROSS_COMPILE),$(CROSS_COMPILE)gcc),$(if $(filter $(ARCH),$(HOST_ARCH)),$(CC)),$(if $(CC_FITS),$(CC)),clang)
ifeq ($(origin AR),default)
AR := llvm-ar
endif
NASM   ?= nasm
HOSTCC ?= gcc
O  ?= build
B  := $(abspath $(O))/$(ARCH)
V  ?= 0
ifeq ($(V),1)
Q :=
say = @:
else ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
Q := @
say = @:
else
Q := @
say = @printf '  %-7s %s\n' '$(1)' '$(2)';
endif

# ---- dependencies: installed, or the exact command printed -----------------

# qemu-user is there if any one of its emulators is, under either name (a
# host with qemu-user-static has only qemu-<arch>-static).
COMMON_DEPS := make:make binutils:readelf gcc:gcc clang:clang lld:ld.lld llvm:llvm-nm \
               coreutils:timeout qemu-user:qemu-x86_64\|qemu-x86_64-static \
               linux-libc-dev:/usr/include/linux/sched.h
# `make bench` and `make size` also build against glibc and musl, and bench
# for aarch64 too (mk/bench-cc.sh): only those goals ask for these.
BENCH_DEPS  := libc6-dev:/usr/include/stdio.h musl-tools:musl-gcc \
               gcc-aarch64-linux-gnu:aarch64-linux-gnu-gcc \
               libc6-dev-arm64-cross:/usr/aarch64-linux-gnu/lib/libc.a
# `make demo` shows strace's record of each clone beside tine's trace, and
# measures glibc's and musl's default thread stacks (the limits step).
DEMO_DEPS   := strace:strace libc6-dev:/usr/include/stdio.h musl-tools:musl-gcc
# `make check-system` boots each port's kernel in qemu-system (TCG), and
# fetches the kernels with apt-get through Debian's archive keyring.
SYSTEM_DEPS := qemu-system-x86:qemu-system-x86_64 qemu-system-arm:qemu-system-aarch64 \
               qemu-system-misc:qemu-system-riscv64 qemu-system-ppc:qemu-system-ppc64 \
               qemu-system-mips:qemu-system-mips64el \
               debian-archive-keyring:/usr/share/keyrings/debian-archive-keyring.gpg
# Only the packages of the ports this make builds: ARCH's, or every port
# for the goals that go over them all (CHECK_PORTS, below).
MULTI_PORT_GOALS := check check-system demo size bench stack-report
DEPS_PORTS := $(if $(filter $(MULTI_PORT_GOALS),$(MAKECMDGOALS)),$(if $(filter command line environment,$(origin ARCH)),$(ARCH) $(HOST_ARCH),$(PORTS)),$(ARCH))
NO_DEPS_GOALS := help clean distclean check-debian
ifeq ($(filter $(NO_DEPS_GOALS),$(MAKECMDGOALS)),)
ifneq ($(TINE_DEPS_DONE),1)
$(shell NO_DEPS='$(NO_DEPS)' sh $(TOP)/mk/deps.sh $(COMMON_DEPS) $(foreach p,$(DEPS_PORTS),$(DEPS_$(p))) \
    $(if $(filter bench size,$(MAKECMDGOALS)),$(BENCH_DEPS)) \
    $(if $(filter check-system,$(MAKECMDGOALS)),$(SYSTEM_DEPS)) \
    $(if $(filter demo,$(MAKECMDGOALS)),$(DEMO_DEPS)) >&2)
ifneq ($(.SHELLSTATUS),0)
$(error missing Debian packages (see above))
endif
export TINE_DEPS_DONE := 1
endif
endif

# ---- the compiler ------------------------------------------------------------

CC_KIND := $(if $(findstring clang,$(shell $(PORT_CC) --version 2>/dev/null | head -1)),clang,gcc)
CC_TARGET_clang = --target=$(TRIPLE_$(ARCH))
CC_TARGET_gcc   =
CC_TARGET := $(CC_TARGET_$(CC_KIND))
# gcc turns byte loops into memset/memcpy calls unless told not to; in
# string.c that would be a function calling itself. And it folds identical
# functions into one jumping to the other: tine__exit would then jump to
# tine_exit, which --wrap=tine_exit sends to the destructors (fini.c).
CC_LIBFLAGS_gcc   := -fno-tree-loop-distribute-patterns -fno-ipa-icf
CC_LIBFLAGS_clang :=
CCINC := $(shell $(PORT_CC) $(CC_TARGET) -print-file-name=include)
# LD= chooses the host port's linker; other ports keep theirs.
# A cross gcc links with its own binutils' ld (aarch64-linux-gnu-ld): its
# collect2 finds no ld.lld under the target's prefix.
CROSS_GCC := $(and $(filter gcc,$(CC_KIND)),$(filter-out $(HOST_ARCH),$(ARCH)))
ifeq ($(origin LD),default)
PORT_LD := $(if $(CROSS_GCC),$(GNU_TRIPLE_$(ARCH))-ld,$(LD_$(ARCH)))
else
PORT_LD := $(if $(filter $(ARCH),$(HOST_ARCH)),$(LD),$(if $(CROSS_GCC),$(GNU_TRIPLE_$(ARCH))-ld,$(LD_$(ARCH))))
endif

# The stack protector, unless the port's compiler has none (SSP_<port>, empty).
TINE_SSP := $(if $(filter undefined,$(origin SSP_$(ARCH))),-fstack-protector-strong,$(SSP_$(ARCH)))

# What every translation unit for this port gets, tine's or the user's:
# no libc headers (only the compiler's, the kernel's UAPI and tine's), no
# position independence, no unwind tables, one section per function so the
# linker can drop what is unused, and the stack protector (src/ssp.c).
# (CODEGEN is what tine-cc bakes in; the include directories it finds itself.)
TINE_CODEGEN := $(CC_TARGET) $(CFLAGS_$(ARCH)) -nostdinc -isystem $(CCINC) \
               -fno-pie -fno-pic $(TINE_SSP) \
               -fno-asynchronous-unwind-tables -fno-unwind-tables \
               -ffunction-sections -fdata-sections
TINE_CFLAGS := $(TINE_CODEGEN) -isystem $(B)/uapi -isystem $(TOP)/include
PORT_LD_GNU  := $(filter ld ld.bfd %-ld %-ld.bfd,$(notdir $(PORT_LD)))
comma := ,
# GNU ld: code and read-only data in one segment; lld: likewise, its own way.
TINE_LD_ONE_RX := $(if $(PORT_LD_GNU),-Wl$(comma)-z$(comma)noseparate-code,-Wl$(comma)--no-rosegment)
TINE_LDFLAGS := -Wl,--gc-sections -Wl,--orphan-handling=error -Wl,-z,noexecstack -Wl,-z,norelro -Wl,--build-id=none $(TINE_LD_ONE_RX) $(LDFLAGS_$(ARCH))
# How the compiler driver is told which linker to run: clang takes a path,
# gcc a name (-fuse-ld=lld, bfd or gold).
PORT_LD_PATH := $(shell command -v $(PORT_LD) 2>/dev/null || echo $(PORT_LD))
# (Debian's gcc makes PIE by default: -no-pie; clang 14 does not, and would warn.)
# clang: -Qunused-arguments, or a link of objects alone warns of every compile flag.
TINE_LINKER  := $(if $(filter clang,$(CC_KIND)),--ld-path=$(PORT_LD_PATH) -Qunused-arguments,-no-pie -fuse-ld=$(if $(PORT_LD_GNU),bfd,$(patsubst ld.%,%,$(notdir $(PORT_LD)))))
VERSION      := $(shell cat $(TOP)/VERSION)

CFLAGS ?= -Os
# libtine itself has no stack protector: start-up runs before the canary is set.
LIB_CFLAGS := $(TINE_CFLAGS) -fno-stack-protector -std=gnu11 $(CFLAGS) -Wall -Wextra -ffreestanding \
              $(CC_LIBFLAGS_$(CC_KIND)) -I$(TOP)/arch/$(ARCH) -I$(B)/gen

# ---- the build ---------------------------------------------------------------

SRCS     := $(wildcard $(TOP)/src/*.c)
ARCH_DIR := $(TOP)/arch/$(ARCH)
ASRCS    := $(filter-out %/start.asm %/start.S,$(wildcard $(ARCH_DIR)/*.asm $(ARCH_DIR)/*.S))
LIB_OBJS := $(patsubst $(TOP)/src/%.c,$(B)/obj/src/%.o,$(SRCS)) \
            $(patsubst $(ARCH_DIR)/%,$(B)/obj/arch/%.o,$(ASRCS))
CRT0_SRC := $(wildcard $(ARCH_DIR)/start.asm $(ARCH_DIR)/start.S)
HEADERS  := $(wildcard $(TOP)/include/*.h $(TOP)/include/tine/*.h $(TOP)/src/*.h $(ARCH_DIR)/*.h)
UAPI     := $(B)/uapi/.stamp
# consts.h's numbers: for NASM as %define (nr.inc); for a GNU-as port that
# has one, as #define (consts.inc, see mk/gen-consts.sh).
GEN      := $(if $(filter nasm,$(ASM_$(ARCH))),$(B)/gen/nr.inc,$(if $(wildcard $(ARCH_DIR)/consts.h),$(B)/gen/consts.inc)) \
            $(B)/gen/errtab.h

all: $(B)/crt0.o $(B)/libtine.a $(B)/notrace.o $(B)/tine-cc $(B)/linker.ld $(B)/.symbols-ok

# The kernel's UAPI headers for this port, and nothing of any libc beside them.
$(UAPI):
	$(call say,UAPI,$(B)/uapi)
	$(Q)mkdir -p $(B)/uapi
	$(Q)ln -sfn $(UAPI_$(ARCH))/linux $(B)/uapi/linux
	$(Q)ln -sfn $(UAPI_$(ARCH))/asm-generic $(B)/uapi/asm-generic
	$(Q)ln -sfn $(UAPI_ASM_$(ARCH)) $(B)/uapi/asm
	$(Q)touch $@

$(B)/gen/nr.inc: $(ARCH_DIR)/consts.h $(UAPI) $(TOP)/mk/gen-consts.sh
	$(call say,GEN,$@)
	$(Q)mkdir -p $(@D)
	$(Q)sh $(TOP)/mk/gen-consts.sh $(PORT_CC) $(TINE_CFLAGS) < $< > $@.tmp && mv $@.tmp $@

$(B)/gen/consts.inc: $(ARCH_DIR)/consts.h $(UAPI) $(TOP)/mk/gen-consts.sh
	$(call say,GEN,$@)
	$(Q)mkdir -p $(@D)
	$(Q)sh $(TOP)/mk/gen-consts.sh -c $(PORT_CC) $(TINE_CFLAGS) < $< > $@.tmp && mv $@.tmp $@

$(B)/gen/errtab.h: $(UAPI) $(TOP)/mk/gen-errtab.sh
	$(call say,GEN,$@)
	$(Q)mkdir -p $(@D)
	$(Q)sh $(TOP)/mk/gen-errtab.sh $(B)/uapi > $@.tmp && mv $@.tmp $@

# Each object's frames in a .su file beside it (-fstack-usage: free at
# compile time), which make check's stack-report reads instead of building
# libtine again for every port.
$(B)/obj/src/%.o: $(TOP)/src/%.c $(HEADERS) $(GEN)
	$(call say,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(PORT_CC) $(LIB_CFLAGS) -fstack-usage -c $< -o $@

$(B)/obj/arch/%.asm.o: $(ARCH_DIR)/%.asm $(B)/gen/nr.inc
	$(call say,NASM,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(NASM) -f $(NASMFMT_$(ARCH)) -I$(B)/gen/ -I$(ARCH_DIR)/ $< -o $@

$(B)/obj/arch/%.S.o: $(ARCH_DIR)/%.S $(HEADERS) $(UAPI) $(GEN)
	$(call say,AS,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(PORT_CC) $(LIB_CFLAGS) -D__ASSEMBLY__ -Wa,--noexecstack -c $< -o $@

# tine-cc --no-trace links this instead of the tracer (src/opt/notrace.c).
$(B)/notrace.o: $(TOP)/src/opt/notrace.c $(HEADERS) $(GEN)
	$(call say,CC,$@)
	$(Q)$(PORT_CC) $(LIB_CFLAGS) -I$(TOP)/src -c $< -o $@

$(B)/crt0.o: $(patsubst $(ARCH_DIR)/%,$(B)/obj/arch/%.o,$(CRT0_SRC))
	$(Q)cp $< $@

$(B)/libtine.a: $(LIB_OBJS)
	$(call say,AR,$@)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

# Every port supplies the symbols listed in arch/README.md, no fewer.
$(B)/.symbols-ok: $(TOP)/arch/README.md $(B)/crt0.o $(B)/libtine.a $(TOP)/mk/check-symbols.sh
	$(Q)sh $(TOP)/mk/check-symbols.sh $(ARCH) $(TOP)/arch/README.md $(B)/crt0.o $(B)/libtine.a
	$(Q)touch $@

# tine-cc: mk/tine-cc.in with the port's facts; LIBREL is where its files are
# from the script's own directory, INCS the include directories.
TINECC_SED = sed -e 's|@ARCH@|$(ARCH)|g' -e 's|@CC@|$(PORT_CC)|g' -e 's|@VERSION@|$(VERSION)|g' \
	        -e 's|@CFLAGS@|$(TINE_CODEGEN)|g' -e 's|@LINKER@|$(TINE_LINKER)|g' -e 's|@LDFLAGS@|$(TINE_LDFLAGS)|g' \
	        -e 's|@TARGET@|$(CC_TARGET) $(CFLAGS_$(ARCH))|g'

$(B)/tine-cc: $(TOP)/mk/tine-cc.in $(TOP)/Makefile $(TOP)/VERSION $(B)/linker.ld
	$(call say,GEN,$@)
	$(Q)$(TINECC_SED) -e 's|@LIBREL@|.|g' -e 's|@INCS@|-isystem $$LIB/uapi -isystem $(TOP)/include|g' \
	        $< > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@

# The linker script beside crt0.o and libtine.a, as tine-cc finds it installed.
# A port whose linker needs the GOT laid out its own way has arch/<port>/got.ld,
# which takes the place of the lines between GOT-BEGIN and GOT-END (m68k).
PORT_GOT_LD := $(wildcard $(ARCH_DIR)/got.ld)
$(B)/linker.ld: $(TOP)/linker.ld $(PORT_GOT_LD)
	$(Q)mkdir -p $(@D)
	$(Q)$(if $(PORT_GOT_LD),awk -v f=$(PORT_GOT_LD) '/GOT-BEGIN/ { while ((getline l < f) > 0) print l; skip = 1 } !skip { print } /GOT-END/ { skip = 0 }' $< > $@.tmp && mv $@.tmp $@,cp $< $@)

# ---- programs: examples and tests --------------------------------------------

TINECC       := $(B)/tine-cc
EXAMPLES     := $(basename $(notdir $(wildcard $(TOP)/examples/*.c)))
TESTS        := $(basename $(notdir $(wildcard $(TOP)/tests/t-*.c)))
EXAMPLE_BINS := $(addprefix $(B)/examples/,$(EXAMPLES))
TEST_BINS    := $(addprefix $(B)/tests/,$(TESTS))
PROG_DEPS    := $(B)/crt0.o $(B)/libtine.a $(B)/notrace.o $(B)/tine-cc $(B)/.symbols-ok $(B)/linker.ld

$(B)/examples/%: $(TOP)/examples/%.c $(TOP)/examples/runner.h $(PROG_DEPS)
	$(call say,TINECC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(TINECC) -Os -Wall -o $@ $<

# stack-usage prints its own -fstack-usage figures: a first pass collects
# them (mk/su-header.sh), the second compiles them in.
$(B)/examples/stack-usage: $(TOP)/examples/stack-usage.c $(PROG_DEPS) $(TOP)/mk/su-header.sh
	$(call say,TINECC,$@)
	$(Q)mkdir -p $(@D) $(B)/gen/su
	$(Q)$(TINECC) -Os -fstack-usage -c $< -o $(B)/gen/su/stack-usage.o
	$(Q)sh $(TOP)/mk/su-header.sh $(B)/gen/su/stack-usage.su > $(B)/gen/su/stack-usage.h
	$(Q)$(TINECC) -Os -Wall -include $(B)/gen/su/stack-usage.h -o $@ $<

$(B)/tests/%: $(TOP)/tests/%.c $(TOP)/tests/t.h $(PROG_DEPS)
	$(call say,TINECC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(TINECC) -O2 -Wall -o $@ $<

# Built with the host's libc: compares tine's formatter with the C library's.
$(B)/host/printf-oracle: $(TOP)/tests/host/printf-oracle.c $(TOP)/src/print.c $(TOP)/src/string.c
	$(call say,HOSTCC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOSTCC) -O1 -Wall -Wno-format -idirafter $(TOP)/include -o $@ $<

# The clone-flags fuzzer: one generator (tests/fuzz/clone-fuzz.h) built twice,
# against tine and against the host's libc; mk/check.sh diffs the two runs.
$(B)/fuzz/clone-fuzz: $(TOP)/tests/fuzz/clone-fuzz.c $(TOP)/tests/fuzz/clone-fuzz.h $(PROG_DEPS)
	$(call say,TINECC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(TINECC) -O2 -Wall -o $@ $<

$(B)/host/clone-fuzz: $(TOP)/tests/host/clone-fuzz.c $(TOP)/tests/fuzz/clone-fuzz.h
	$(call say,HOSTCC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOSTCC) -O1 -Wall -o $@ $<

# The booted kernel's first process in make check-system (mk/check-system.sh):
# a runner, not a lesson, so without the tracer.
$(B)/system/init: $(TOP)/tests/system/init.c $(PROG_DEPS)
	$(call say,TINECC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(TINECC) -Os -Wall --no-trace -o $@ $<

system-init: $(B)/system/init
examples: $(EXAMPLE_BINS)
tests: $(TEST_BINS)
fuzz: $(B)/fuzz/clone-fuzz $(B)/host/clone-fuzz

# ---- the two commands of the README, and their friends ------------------------

# What mk/run.sh, the one runner, reads: the ports' tables and the user's
# runner variables (NATIVE_<port>, QEMU_<port>, RUNNER_<port>, QEMU_TRIXIE
# pass through from the command line or the environment by themselves).
export HOST_ARCH $(foreach p,$(PORTS),NATIVE_ON_$(p) NATIVE_NO_$(p))
LAB := top=$(TOP) out=$(abspath $(O))

# Runs any program and says in words why when the kernel will not (mk/tine-exec.c).
$(abspath $(O))/host/tine-exec: $(TOP)/mk/tine-exec.c
	$(call say,HOSTCC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(HOSTCC) -O1 -Wall -o $@ $<

# Every port, natively where this host can run it and under each qemu-user
# (the installed one and Debian 13's). T=name runs one test; ARCH=port one port.
CHECK_PORTS := $(if $(filter command line environment,$(origin ARCH)),$(ARCH),$(PORTS))

check: $(abspath $(O))/host/tine-exec
	$(Q)$(LAB) ports="$(CHECK_PORTS)" make="$(MAKE)" cc="$(CC)" only="$(T)" TINE_SOAK="$(SOAK)" \
	    sh $(TOP)/mk/check.sh

# The lesson: the examples in teaching order, natively and under one qemu
# per clone-order family, then one program on every port. STEP=name runs
# one step (STEP=list names them).
DEMO_PORTS := $(CHECK_PORTS)
demo: $(abspath $(O))/host/tine-exec
	$(Q)for p in $(DEMO_PORTS); do $(MAKE) -s ARCH=$$p examples || exit 1; done
	$(Q)$(LAB) ports="$(DEMO_PORTS)" only="$(STEP)" sh $(TOP)/mk/demo.sh

# ---- make install ----------------------------------------------------------------

# One port per call (ARCH=, the host's by default), relocatable: the
# installed tine-cc finds everything relative to its own directory, so the
# tree can be moved or packaged. Under $(DESTDIR)$(PREFIX):
#   bin/<triple>-tine-cc, and bin/tine-cc for the host's port
#   lib/tine/<port>/     crt0.o libtine.a notrace.o linker.ld, uapi/ (links
#                        to the system's kernel headers for the port)
#   lib/tine/include/    tine's own stdint.h and limits.h: only tine-cc adds it
#   include/             tine.h and tine/*.h
#   share/tine/cmake/<port>.cmake, share/tine/meson/<port>.ini: toolchain
#                        and cross files (the port's qemu-user runs what they
#                        build when the port is not the host's)
PREFIX  ?= /usr/local
DESTDIR ?=
IROOT   := $(DESTDIR)$(PREFIX)
ILIB    := $(IROOT)/lib/tine/$(ARCH)
ITRIPLE := $(GNU_TRIPLE_$(ARCH))
IHOST   := $(filter $(ARCH),$(HOST_ARCH))
PUBLIC_HEADERS := $(wildcard $(TOP)/include/tine.h $(TOP)/include/tine/*.h)

install: all
	$(call say,INSTALL,$(IROOT) ($(ARCH)))
	$(Q)mkdir -p $(IROOT)/bin $(ILIB)/uapi $(IROOT)/lib/tine/include $(IROOT)/include/tine \
	        $(IROOT)/share/tine/cmake $(IROOT)/share/tine/meson
	$(Q)cp $(B)/crt0.o $(B)/libtine.a $(B)/notrace.o $(B)/linker.ld $(ILIB)/
	$(Q)ln -sfn $(UAPI_$(ARCH))/linux $(ILIB)/uapi/linux
	$(Q)ln -sfn $(UAPI_$(ARCH))/asm-generic $(ILIB)/uapi/asm-generic
	$(Q)ln -sfn $(UAPI_ASM_$(ARCH)) $(ILIB)/uapi/asm
	$(Q)cp $(TOP)/include/stdint.h $(TOP)/include/limits.h $(IROOT)/lib/tine/include/
	$(Q)cp $(TOP)/include/tine.h $(IROOT)/include/
	$(Q)cp $(TOP)/include/tine/*.h $(IROOT)/include/tine/
	$(Q)$(TINECC_SED) -e 's|@LIBREL@|../lib/tine/$(ARCH)|g' \
	        -e 's|@INCS@|-isystem $$LIB/uapi -isystem $$LIB/../include -isystem $$LIB/../../../include|g' \
	        $(TOP)/mk/tine-cc.in > $(IROOT)/bin/$(ITRIPLE)-tine-cc
	$(Q)chmod 755 $(IROOT)/bin/$(ITRIPLE)-tine-cc
	$(Q)$(if $(IHOST),ln -sf $(ITRIPLE)-tine-cc $(IROOT)/bin/tine-cc)
	$(Q)port=$(ARCH) triple=$(ITRIPLE) qemu=$(if $(IHOST),,qemu-$(ARCH)) version=$(VERSION) \
	        sh $(TOP)/mk/install-files.sh $(IROOT)/share/tine

# Removes what make install put there (same ARCH, PREFIX and DESTDIR), and
# the directories it made, when they are left empty.
uninstall:
	$(call say,UNINSTALL,$(IROOT) ($(ARCH)))
	$(Q)rm -f $(IROOT)/bin/$(ITRIPLE)-tine-cc $(IROOT)/share/tine/cmake/$(ARCH).cmake \
	        $(IROOT)/share/tine/meson/$(ARCH).ini
	$(Q)[ ! -L $(IROOT)/bin/tine-cc ] || [ "$$(readlink $(IROOT)/bin/tine-cc)" != $(ITRIPLE)-tine-cc ] || rm -f $(IROOT)/bin/tine-cc
	$(Q)rm -rf $(ILIB)
	$(Q)if [ -z "$$(ls $(IROOT)/lib/tine | grep -v '^include$$')" ]; then \
	        rm -rf $(IROOT)/lib/tine $(IROOT)/include/tine $(IROOT)/include/tine.h; fi
	$(Q)rmdir -p $(IROOT)/share/tine/cmake $(IROOT)/share/tine/meson $(IROOT)/bin $(IROOT)/include 2>/dev/null || true

# Every test of every port on the port's own kernel: Debian's, fetched once
# into $(O)/system, booted in qemu-system with an initramfs whose first
# process (tests/system/init.c) runs the tests (mk/check-system.sh).
# ARCH=port for one port, T=name for one test (T=qemu-doc: flagprobe only).
check-system:
	$(Q)$(LAB) ports="$(CHECK_PORTS)" make="$(MAKE)" cc="$(CC)" only="$(T)" sh $(TOP)/mk/check-system.sh

# make demo and make check on a fresh Debian of another release (SUITE=trixie,
# Debian 13, by default), in a debootstrap tree cached in $(O)/debian-SUITE and
# entered with a mount namespace and pivot_root (mk/debian-root.sh). As root.
check-debian:
	$(Q)OUT="$(abspath $(O))" sh $(TOP)/mk/debian-root.sh

# Stripped sizes of the examples, one column per port; then bench/'s three
# size workloads on every port, beside glibc and musl (mk/size.sh).
size:
	$(Q)for p in $(DEMO_PORTS); do $(MAKE) -s ARCH=$$p examples || exit 1; done
	$(Q)printf '%-14s' 'bytes'; for p in $(DEMO_PORTS); do printf '%9s' $$p; done; echo
	$(Q)for e in $(EXAMPLES); do printf '%-14s' $$e; \
	    for p in $(DEMO_PORTS); do f=$(abspath $(O))/$$p/examples/$$e; \
	        llvm-strip -o $$f.stripped $$f && printf '%9d' $$(wc -c < $$f.stripped); done; echo; done
	$(Q)sh $(TOP)/mk/size.sh $(TOP) "$(abspath $(O))" "$(HOST_ARCH)" "$(DEMO_PORTS)"

# bench/ against glibc, musl and the raw-syscall floor, interleaved, natively
# and under qemu-x86_64 and qemu-aarch64 (mk/bench.sh). QUICK=1: a minute and a half.
# W="many thread": only those workloads (thread fork vfork many).
bench:
	$(Q)sh $(TOP)/mk/bench.sh $(TOP) "$(abspath $(O))" "$(HOST_ARCH)" "$(QUICK)" "$(MAKE)" "$(W)"

# Static stack worst cases from -fstack-usage and the call graph, per port, and
# TINE_STACK_MIN checked against them; built apart, in $(O)/stack-report.
stack-report:
	$(Q)sh $(TOP)/mk/stack-report.sh $(TOP) "$(abspath $(O))/stack-report" "$(CHECK_PORTS)" "$(MAKE)" "$(CC)" "$(CFLAGS)"

# docs/qemu-user.md's table: examples/flagprobe natively and under every
# qemu-user version this host has, side by side (mk/qemu-doc.sh). The port
# must run natively; a qemu version not here keeps its column as it was.
qemu-doc: $(B)/examples/flagprobe $(B)/examples/hello $(abspath $(O))/host/tine-exec
	$(Q)$(LAB) mode=gen doc=$(TOP)/docs/qemu-user.md port=$(ARCH) ports="$(PORTS)" \
	    sh $(TOP)/mk/qemu-doc.sh > $(B)/qemu-user.md.tmp
	$(Q)mv $(B)/qemu-user.md.tmp $(TOP)/docs/qemu-user.md
	$(call say,GEN,$(TOP)/docs/qemu-user.md)

# Prints a port's build facts: used by mk/check.sh and mk/stack-report.sh.
facts:
	@echo "PORT_CC=$(PORT_CC) PORT_LD=$(PORT_LD) PORT_PAGE=$(or $(PAGE_$(ARCH)),4096)"

# Prints how a port's own kernel is fetched and booted: used by mk/check-system.sh.
system-facts:
	@echo "debarch='$(DEBARCH_$(ARCH))' suite='$(KERNEL_SUITE_$(ARCH))' kernel_pkg='$(KERNEL_PKG_$(ARCH))'"
	@echo "qemu='$(SYSTEM_QEMU_$(ARCH))' args='$(SYSTEM_ARGS_$(ARCH))' console='$(SYSTEM_CONSOLE_$(ARCH))'"
	@echo "system_no='$(SYSTEM_NO_$(ARCH))'"

clean:
	rm -rf $(abspath $(O))

distclean: clean

help:
	@echo 'tine $(VERSION) — a tiny runtime for Linux programs without libc'
	@echo
	@echo 'Targets:'
	@echo '  all (default)  build/<arch>/crt0.o, libtine.a and the tine-cc wrapper'
	@echo '  demo           the guided lesson: examples in teaching order (STEP=name: one step; STEP=list)'
	@echo '  check          build and run every test, natively and under each qemu-user'
	@echo '  check-system   every test on each port'"'"'s own Debian kernel, booted in qemu-system'
	@echo '  check-debian   make demo and make check in a fresh Debian 13 tree (debootstrap; as root; SUITE=, GOALS=)'
	@echo '  examples       build the examples only'
	@echo '  tests          build the tests only'
	@echo '  size           stripped sizes of the examples, and of bench/ size workloads against glibc and musl'
	@echo '  bench          time tine against glibc, musl and the raw-syscall floor, natively and under qemu'
	@echo '  stack-report   worst-case stack use per path and port, and TINE_STACK_MIN checked'
	@echo '  qemu-doc       regenerate docs/qemu-user.md: clone shapes, real kernel against qemu-user'
	@echo '  fuzz           build the clone-flags fuzzer, against tine and against the host libc'
	@echo '  install        install the ARCH port under $$(DESTDIR)$$(PREFIX) (default /usr/local): tine-cc, libraries, headers, CMake and Meson files'
	@echo '  uninstall      remove what make install put there (same ARCH, PREFIX, DESTDIR)'
	@echo '  clean          remove the build directory'
	@echo
	@echo 'Variables:'
	@echo '  ARCH=<port>    the port to build (default: this host, $(HOST_ARCH)); ports: $(PORTS)'
	@echo '  CC=gcc|clang   the C compiler of the host'"'"'s port (default: gcc); for a foreign ARCH, used if it targets it'
	@echo '  CC_<port>=     the compiler of one port (default: clang --target for ports not the host'"'"'s)'
	@echo '  CROSS_COMPILE= a GNU prefix, e.g. aarch64-linux-gnu-: $$(CROSS_COMPILE)gcc for ARCH'
	@echo '  AR= NASM= HOSTCC=  the archiver (llvm-ar), the x86 assembler (nasm), the compiler of host tools (gcc)'
	@echo '  LD=<linker>    the linker tine-cc uses for the host port (default: ld.lld)'
	@echo '  O=<dir>        the build directory (default: build)'
	@echo '  PREFIX=, DESTDIR=  where make install puts tine (default /usr/local, no DESTDIR)'
	@echo '  V=1            show every command'
	@echo '  CFLAGS=...     optimisation for libtine itself (default: -Os)'
	@echo '  QUICK=1        make bench: fewer rounds and iterations (a minute and a half)'
	@echo '  W="many"       make bench: only these workloads (thread fork vfork many)'
	@echo '  T=name         make check: only this test or check (t-fork, clone-fuzz, qemu-doc, ...)'
	@echo '  SOAK=N         make check: races and churn repeated N times as often (a long hunt)'
	@echo '  CHECK_JOBS=N   make check: tests run N at a time (default: one per core)'
	@echo '  NO_DEPS=1      never call apt-get: name the missing packages and go on'
	@echo
	@echo 'Runners (make check, demo, qemu-doc; see README):'
	@echo '  NATIVE_<port>=yes|no   force the native probe (e.g. NATIVE_i386=no on an x86_64 host)'
	@echo '  QEMU_<port>=path       the installed emulator (default qemu-<port>, else qemu-<port>-static)'
	@echo '  RUNNER_<port>=binfmt   run through the kernel'"'"'s binfmt_misc qemu instead of calling it'
	@echo '  QEMU_TRIXIE=no|dir     the second qemu-user: no, or a directory of qemu-<port> (default: Debian 13'"'"'s, fetched)'

.PHONY: all examples tests system-init fuzz qemu-doc check check-system check-debian system-facts install uninstall demo size bench stack-report facts clean distclean help
.DELETE_ON_ERROR:
