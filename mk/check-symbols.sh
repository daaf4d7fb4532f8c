#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/check-symbols.sh ARCH README OBJECT... — does this port define every
# symbol of the port contract? The contract is the list between the
# <!-- symbols --> markers of arch/README.md, one `name` per table row.
set -eu
arch=$1 readme=$2; shift 2
want=$(sed -n '/<!-- symbols -->/,/<!-- \/symbols -->/s/^| `\([A-Za-z_0-9]*\)`.*/\1/p' "$readme")
[ -n "$want" ] || { echo "check-symbols: no symbol list in $readme" >&2; exit 1; }
have=$(llvm-nm -g --defined-only "$@" 2>/dev/null | awk 'NF == 3 { print $3 }')
missing=''
for s in $want; do
    printf '%s\n' "$have" | grep -qx "$s" || missing="$missing $s"
done
if [ -n "$missing" ]; then
    echo "tine: port $arch lacks symbols of the port contract (arch/README.md):$missing" >&2
    exit 1
fi
