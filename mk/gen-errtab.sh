#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/gen-errtab.sh UAPI-DIR > errtab.h
#
# One E(number, name) line per errno the kernel defines, built from the
# lines of asm-generic/errno-base.h and errno.h:
#     #define EINVAL  22  /* Invalid argument */
# becomes
#     E(EINVAL, "EINVAL (Invalid argument)")
# Aliases (#define EWOULDBLOCK EAGAIN) are skipped: their number has a name already.
# A port whose asm/errno.h numbers errnos 35 and up itself instead of
# including asm-generic/errno.h (MIPS: ENOSYS is 89, EDQUOT 1133) is read
# from there; a port that includes it and adds to it (powerpc's EDEADLOCK
# 58) keeps asm-generic's list, as before.
set -eu
rest=$1/asm-generic/errno.h
grep -q '^#include <asm-generic/errno.h>' "$1/asm/errno.h" 2>/dev/null || rest=$1/asm/errno.h
files="$1/asm-generic/errno-base.h $rest"
for f in $files; do
    [ -r "$f" ] || { echo "gen-errtab: cannot read $f" >&2; exit 1; }
    sed -n 's|^#define[[:space:]]\{1,\}\(E[A-Z0-9]*\)[[:space:]]\{1,\}[0-9]\{1,\}[[:space:]]*/\*[[:space:]]*\(.*[^[:space:]]\)[[:space:]]*\*/.*|E(\1, "\1 (\2)")|p' "$f"
done
# Every numeric E* define must have become a line: a comment we could not
# parse would otherwise drop an errno without a word.
want=$(cat $files | grep -cE '^#define[[:space:]]+E[A-Z0-9]+[[:space:]]+[0-9]+')
got=$(for f in $files; do
       sed -n 's|^#define[[:space:]]\{1,\}\(E[A-Z0-9]*\)[[:space:]]\{1,\}[0-9]\{1,\}[[:space:]]*/\*.*\*/.*|x|p' "$f"; done | wc -l)
[ "$want" -eq "$got" ] || { echo "gen-errtab: $got of $want errnos parsed" >&2; exit 1; }
