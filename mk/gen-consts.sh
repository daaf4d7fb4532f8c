#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/gen-consts.sh [-c] CPP-COMMAND... < consts.h > nr.inc
#
# Turns every `X(name, value)` line of an arch's consts.h into a NASM
# `%define name value`, with value expanded by the C preprocessor from the
# kernel's UAPI headers. The name is stringified (#n), so a name that is
# itself a macro (CLONE_VM) stays a name.
# With -c, a C `#define name value` instead, for a GNU-as port whose UAPI
# header cannot be included from assembly (mips64el's <asm/signal.h>
# declares its structs with no __ASSEMBLY__ guard).
set -eu
define='%define'
if [ "${1:-}" = -c ]; then define='#define'; shift; fi
"$@" -E -P -x c -D'X(n,v)=TINE_CONST #n v' - |
    sed -n "s/^TINE_CONST \"\([A-Za-z_0-9]*\)\" /$define \1 /p"
