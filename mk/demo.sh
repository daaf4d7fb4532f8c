#!/bin/sh
# mk/demo.sh OUT PORT:QEMU:NATIVE... — `make demo`: the examples, in order,
# each with what to watch for, run natively where this host can and under
# every port's qemu-user.
set -u
out=$1; shift
status=0

run() {     # name port how
    if [ "$3" = native ]; then "$out/$2/examples/$1"; else "$3" "$out/$2/examples/$1"; fi
}

show() {    # name, then the lines that explain it
    name=$1; shift
    echo
    echo "=== $name ==="
    for line in "$@"; do echo "  $line"; done
    first=1
    for spec in $ports; do
        port=${spec%%:*} rest=${spec#*:} qemu=${rest%%:*} native=${rest#*:}
        for how in $([ "$native" = native ] && echo native) "$qemu"; do
            text=$(run "$name" "$port" "$how" 2>&1)
            rc=$?
            if [ $first = 1 ] || [ "$name" = clone-count ]; then
                echo "--- $name on $port, $how:"
                printf '%s\n' "$text" | sed 's/^/    /'
            else                # the rest: one line each, the output's last
                printf -- '--- %-8s %-13s %s\n' "$port" "$how" "$(printf '%s\n' "$text" | tail -1)"
            fi
            [ "$rc" = 0 ] || { echo "!!! $name on $port ($how) exited with $rc"; status=1; }
            first=0
        done
    done
}
ports="$*"

show hello \
    "The smallest tine program: one write system call, no libc, no loader." \
    "'make size' prints its stripped size."
show fork \
    "fork returns twice. The parent is told the child's real pid; the child" \
    "asks the kernel for its own pid and gets the same number."
show clone-count \
    "The first seed's program: a clone child on an 8 KiB stack increments a counter." \
    "Without CLONE_VM the parent's count stays 0; with it, the count is shared." \
    "Under qemu-user, CLONE_VM without the thread flags is refused (EINVAL)."
show threads \
    "Four threads: one pid, four tids, one shared total, joined by futex." \
    "The same source on every architecture, natively and under qemu-user."
show overflow \
    "The first seed's crash: a clone child on an 8 KiB stack calls too deep." \
    "tine names it in one line on stderr, and the child still dies by SIGSEGV;" \
    "then the child is measured on a painted stack and given what it needs."
show stack-usage \
    "How big must a stack be? The compiler's -fstack-usage figures next to" \
    "the peak measured on a painted stack: recursion multiplies a frame, and" \
    "a variable-length array has no static size at all."
show multiprog \
    "The lecture's question: how many threads can run at once? Threads parked" \
    "on a futex with 16 KiB, 64 KiB and 8 MiB stacks: each costs two touched" \
    "pages of memory whatever its size; the address space is what runs out."
show flagprobe \
    "Which clones does a kernel take, and which does qemu-user? One row per" \
    "shape: natively every one works (as root); under qemu-user only a fork" \
    "with SIGCHLD and the full thread set do. docs/qemu-user.md is this table."
echo
[ $status = 0 ] && echo "demo: every example ran on every port." || echo "demo: some examples failed (see !!! above)."
exit $status
