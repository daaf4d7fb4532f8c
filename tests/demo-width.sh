#!/bin/sh
# SPDX-License-Identifier: 0BSD
# tests/demo-width.sh TOP — make demo's line fitter (show, in mk/demo.sh)
# on the widest things the demo prints: a traced clone from tine, strace and
# qemu, a long sentence, a word longer than a line. Every line it prints
# must fit 80 columns, and no character may be lost. (make demo checks its
# own whole transcript too, and fails on a wider line.)
set -u
top=$1
eval "$(sed -n '/^show() {/,/^}/p' "$top/mk/demo.sh")"
fails=0
check() {       # check NAME INPUT
    out=$(printf '%s\n' "$2" | show)
    wide=$(printf '%s\n' "$out" | awk 'length > 80' | wc -l)
    # Nothing lost: the same characters once blanks are removed.
    a=$(printf '%s' "$2" | tr -d ' \n') b=$(printf '%s' "$out" | tr -d ' \n')
    if [ "$wide" = 0 ] && [ "$a" = "$b" ]; then
        echo "ok   $1"
    else
        echo "FAIL $1: $wide lines over 80 columns, or characters lost"
        printf '%s\n' "$out" | sed 's/^/     | /'
        fails=$((fails + 1))
    fi
}
flags=CLONE_VM\|CLONE_FS\|CLONE_FILES\|CLONE_SIGHAND\|CLONE_THREAD\|CLONE_SYSVSEM\|CLONE_SETTLS\|CLONE_PARENT_SETTID\|CLONE_CHILD_CLEARTID
check "tine's trace line" "tine: clone #56 (flags=$flags, stack=0x7f9bc5edf000, ptid=0x14be0, ctid=0x14bc0, tls=0x14c20) = 4870"
check "strace's line" "clone(child_stack=0x7f228526dff0, flags=$flags, parent_tid=[22816], tls=0x7f228526ff80, child_tidptr=0x7f228526ffdc) = 22816"
check "qemu -strace's line" "24838 clone($flags,child_stack=0x0000004000813f60,parent_tidptr=0x0000004000814fd8,tls=0x0000004000814f80,child_tidptr=0x0000004000814fdc) = 24854"
check "an indented sentence" "      stopped by: EAGAIN (Try again) - RLIMIT_NPROC is 100 processes and threads for this user (99 threads alive), and then some more words to wrap twice over"
check "a word longer than a line" "$(printf 'x%.0s' $(seq 1 200))"
[ $fails = 0 ] && echo "PASS: demo-width" || echo "FAIL: demo-width ($fails)"
[ $fails = 0 ]
