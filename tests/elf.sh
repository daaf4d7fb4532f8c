#!/bin/sh
# SPDX-License-Identifier: 0BSD
# tests/elf.sh BUILD-DIR — the ELF files tine makes are what it promises:
# every object has a non-executable-stack note, every program is a static
# ELF executable with an RW (never RWE) stack, no interpreter, no dynamic
# section, no .comment, and at most two PT_LOAD segments, none both
# writable and executable.
set -u
b=$1 bad=0 n=0
for o in "$b/crt0.o" "$b"/obj/src/*.o "$b"/obj/arch/*.o; do
    n=$((n + 1))
    line=$(readelf -SW "$o" | grep -F '.note.GNU-stack')
    case $line in
        "")  echo "FAIL $o: no .note.GNU-stack section"; bad=1 ;;
        *X*) echo "FAIL $o: .note.GNU-stack asks for an executable stack"; bad=1 ;;
    esac
done
echo "ok   $n objects carry a non-executable stack note"
n=0
for p in "$b"/tests/t-* "$b"/examples/*; do
    case $p in *.stripped) continue ;; esac
    n=$((n + 1))
    hdr=$(readelf -hlSW "$p")
    stack=$(printf '%s\n' "$hdr" | awk '$1 == "GNU_STACK" { print $(NF-1) }')
    [ "$stack" = RW ] || { echo "FAIL $p: PT_GNU_STACK flags '$stack', want RW"; bad=1; }
    printf '%s\n' "$hdr" | grep -q 'Type:.*EXEC' || { echo "FAIL $p: not a static executable"; bad=1; }
    printf '%s\n' "$hdr" | grep -qE 'INTERP|DYNAMIC' && { echo "FAIL $p: has a loader or dynamic section"; bad=1; }
    printf '%s\n' "$hdr" | grep -qF '.comment' && { echo "FAIL $p: has a .comment section"; bad=1; }
    printf '%s\n' "$hdr" | awk '$1 == "LOAD" && $(NF-1) ~ /W/ && $(NF-1) ~ /E/ { bad = 1 } END { exit !bad }' &&
        { echo "FAIL $p: a LOAD segment both writable and executable"; bad=1; }
    loads=$(printf '%s\n' "$hdr" | grep -c '^ *LOAD')
    [ "$loads" -le 2 ] || { echo "FAIL $p: $loads PT_LOAD segments, want at most 2"; bad=1; }
done
[ "$n" -gt 0 ] || { echo "FAIL no programs found in $b"; bad=1; }
echo "ok   $n programs: static, RW stack, no loader, at most 2 PT_LOAD, none W+X"
[ $bad = 0 ] && echo "PASS: elf" 
exit $bad
