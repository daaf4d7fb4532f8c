#!/bin/sh
# mk/demo.sh BUILD-DIR QEMU [native] — `make demo`: the examples, in order,
# each with what to watch for, run natively (when this host can) and under
# qemu-user.
set -u
b=$1 qemu=$2 native=${3:-}
status=0

show() {    # name, then the lines to explain it
    name=$1; shift
    echo
    echo "=== $name ==="
    for line in "$@"; do echo "  $line"; done
    for how in ${native:+native} qemu; do
        echo "--- $name, $how:"
        if [ "$how" = qemu ]; then "$qemu" "$b/examples/$name"; else "$b/examples/$name"; fi
        rc=$?
        [ "$rc" = 0 ] || { echo "!!! $name exited with $rc"; status=1; }
    done
}

show hello \
    "The smallest tine program: one write system call, no libc, no loader." \
    "Its stripped size is printed by 'make size'."
show fork \
    "fork returns twice. The parent is told the child's real pid; the child" \
    "asks the kernel for its own pid and gets the same number."
show clone-count \
    "The first seed's program: a clone child on an 8 KiB stack increments a counter." \
    "Without CLONE_VM the parent's count stays 0; with it, the count is shared." \
    "Under qemu-user, CLONE_VM without the thread flags is refused (EINVAL)."
show threads \
    "Four threads: one pid, four tids, one shared total, joined by futex."
echo
[ $status = 0 ] && echo "demo: every example ran." || echo "demo: some examples failed (see !!! above)."
exit $status
