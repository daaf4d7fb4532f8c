#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/check-headers.sh — every public header compiles on its own.
#
# Named variables: tinecc (one or more ports' tine-cc, space-separated:
# build/<arch>/tine-cc after `make ARCH=<arch>`), top (the tree, default
# this script's parent). For example:
#
#   tinecc="build/x86_64/tine-cc build/arm/tine-cc" sh mk/check-headers.sh
#
# Each header under include/ is compiled alone, twice in one file (its guard
# must hold), with -Wall -Wextra -Werror: a name it uses but does not
# include, such as a struct first seen in a parameter list, fails. tine-cc
# puts include/ on the system path, where the compiler keeps quiet about
# warnings, so the headers are compiled from a copy on the -I path.
# Prints one line per failure with the compiler's first words, then
# `N passed, N failed`; exits 1 if any failed.
set -u
: "${tinecc:?tinecc=build/<arch>/tine-cc ... sh mk/check-headers.sh}"
top=${top:-$(cd "$(dirname "$0")/.." && pwd)}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cp -R "$top/include" "$tmp/include"
passed=0 failed=0
for cc in $tinecc; do
    for h in $(cd "$top/include" && find . -name '*.h' | sed 's|^\./||' | sort); do
        printf '#include <%s>\n#include <%s>\n' "$h" "$h" > "$tmp/alone.c"
        if "$cc" -std=gnu11 -Wall -Wextra -Werror -I"$tmp/include" -c "$tmp/alone.c" \
               -o "$tmp/alone.o" > "$tmp/log" 2>&1; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            echo "FAIL <$h> alone ($cc): $(grep -m1 -E 'error|warning' "$tmp/log")"
        fi
    done
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
