#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/demo.sh — `make demo`: a lesson in raw clone, in teaching order. Each
# step has a heading, what to watch for, the example's output natively,
# then under one qemu-user per clone-order family (qemu-x86_64: the default
# order; qemu-aarch64: CLONE_BACKWARDS; qemu-s390x: CLONE_BACKWARDS2), and
# what the run proved. STEP=name runs one step; STEP=list names them.
#
# Named variables: top, out (the build directory), ports (those built),
# only (STEP=); and mk/run.sh's, which decides how each port runs here.
set -u
: "${top:?}" "${out:?}" "${ports:?}"
only=${only:-}
. "$top/mk/run.sh"
host=$HOST_ARCH status=0 ran=0
families="x86_64 aarch64 s390x"
RUN_TIMEOUT=60

# entry PORT HOW: the port's first runner of that kind (native or qemu), if any.
entry() {
    run_runners "$1"
    for e in $run_list; do
        [ "$(run_field "$e" 2)" = "$2" ] && { echo "$e"; return 0; }
    done
    return 1
}

# run PORT ENTRY EXAMPLE [ENV...]: one example under one runner.
run() {
    p=$1 e=$2 ex=$3; shift 3
    run_prog "$e" "$@" "$out/$p/examples/$ex"
}

# name ENTRY: how a runner is named to a student: natively, or qemu-<arch> X.Y.
name() {
    case $(run_field "$1" 2) in
        native) echo native ;;
        *) echo "$(basename "$(run_field "$1" 3)") $(run_field "$1" 4 | cut -d. -f1,2)" ;;
    esac
}

# step NAME EXAMPLE ENV FULL "heading" "watch..." "proved": natively in
# full, then one qemu per family (in full when FULL=full, else the last line).
step() {
    name=$1 ex=$2 envs=$3 full=$4 heading=$5 watch=$6 proved=$7
    [ "$only" = list ] && { printf '  %-11s %s\n' "$name" "$heading"; return; }
    [ -n "$only" ] && [ "$only" != "$name" ] && return
    ran=$((ran + 1)) ok=1
    echo
    echo "=== $ran. $heading ($name: examples/$ex.c) ==="
    printf '%s\n' "$watch" | fold -s -w 76 | sed 's/^/  /'
    echo "--- natively ($host)${envs:+, with $envs}:"
    text=$(run "$host" native=native== "$ex" $envs 2>&1); rc=$?
    printf '%s\n' "$text" | sed 's/^/    /'
    [ $rc = 0 ] || { echo "!!! exited with $rc"; ok=0; }
    for f in $families; do
        case " $ports " in *" $f "*) ;; *) continue ;; esac
        e=$(entry "$f" qemu) || continue
        q=$(name "$e")
        text=$(run "$f" "$e" "$ex" $envs 2>&1); rc=$?
        if [ "$full" = full ]; then
            echo "--- under $q:"; printf '%s\n' "$text" | sed 's/^/    /'
        else
            printf -- '--- under %-18s %s\n' "$q:" "$(printf '%s\n' "$text" | tail -1)"
        fi
        [ $rc = 0 ] || { echo "!!! exited with $rc under $q"; ok=0; }
    done
    if [ $ok = 1 ]; then printf 'Proved: %s\n' "$proved" | fold -s -w 78; else status=1; fi
}

# The last step: one example on every port, its traced clone line only.
arches() {
    [ "$only" = list ] && { printf '  %-11s %s\n' arches "The same program on every architecture"; return; }
    [ -n "$only" ] && [ "$only" != arches ] && return
    ran=$((ran + 1))
    echo
    echo "=== $ran. The same program on every architecture (arches: examples/clone-raw.c) ==="
    echo "  One source, six ports, natively where the host can and under qemu-user: a"
    echo "  thread's clone, traced. Read the argument order: it is each kernel's own."
    for p in $ports; do
        run_runners "$p"
        [ -n "$run_why" ] && printf '  %-8s %-18s %s\n' "$p" native "not run natively: ${run_why#skipped: }; under qemu below"
        for e in $run_list; do
            # One qemu per port: the first, the installed one.
            [ "$(run_field "$e" 2)" = native ] || [ "${shown_q:-}" != "$p" ] || continue
            [ "$(run_field "$e" 2)" = native ] || shown_q=$p
            line=$(run "$p" "$e" clone-raw TINE_TRACE=1 2>&1 | grep -m1 '^tine: clone.*CLONE_VM')
            printf '  %-8s %-18s %s\n' "$p" "$(name "$e")" "$(printf '%s' "${line#tine: }" | sed 's/flags=CLONE_VM[^,]*/flags=(the thread set)/')"
            [ -n "$line" ] || { status=1; echo "!!! no clone line from $p under $(name "$e")"; }
        done
    done
    echo "Proved: the portable call is the same everywhere; the stubs reorder for the kernel."
}

[ "$only" = list ] && echo "make demo STEP=<name>, one of:"
step fork fork "" last "fork: one call, two returns" \
    "The lecture's program. Watch the pids: the parent is handed the child's pid, and the child, asking the kernel, gets the same number." \
    "fork returns twice, and the child is a process of its own."
step clone clone-raw "TINE_TRACE=1" full "Raw clone, returning twice" \
    "tine_clone_raw is the system call with no C around it. With TINE_TRACE=1 tine prints the clone it makes as the kernel receives it: under each qemu, watch where tls and ctid go." \
    "clone is fork's general form, and each architecture's kernel takes its arguments in its own order."
step counter clone-count "" full "A clone child and a shared counter" \
    "The first seed's program. Without CLONE_VM the child counts in a copy of memory; with it, in ours. qemu-user refuses CLONE_VM without the thread flags." \
    "what a clone child shares is exactly what its flags say."
step threads threads "" last "Threads: one pid, many tids" \
    "Four clones with every sharing flag, joined through the kernel's CHILD_CLEARTID futex." \
    "a thread is a clone that shares everything, and join is a futex."
step workers workers "" last "Thread-local variables, a mutex, a condition variable" \
    "A queue of 10,000 numbers and four workers. The ring is shared, so a mutex guards it and two condition variables say when it has work or room; each worker's tally is _Thread_local, its own copy at its own address, so it needs no lock." \
    "a thread's _Thread_local variables are its own; what threads share, a mutex guards."
step vfork vfork "" last "vfork: borrow, do not copy" \
    "The child runs on the parent's memory while the parent sleeps. Under qemu-user vfork is a fork: watch the value the parent reads." \
    "vfork shares memory until exec (natively), and tine_spawn_exec reports the exec's own error."
step stacks overflow "" last "Stacks: too small, named, measured" \
    "The first seed's crash: an 8 KiB stack, called too deep. tine names the overflow on stderr; then the child is measured and sized." \
    "a stack overflow in tine is a message, not a mystery."
step usage stack-usage "" last "How big must a stack be?" \
    "-fstack-usage's static figures next to painted peaks: recursion multiplies a frame, a VLA has no static size." \
    "static analysis bounds frames; painting measures paths."
step multiprog multiprog "" last "How many threads at once?" \
    "Threads parked on a futex with 16 KiB, 64 KiB and 8 MiB stacks, until a bound or a limit." \
    "a parked thread costs two pages of memory whatever its stack; limits (RLIMIT_AS, RLIMIT_NPROC, the address space) are what stop them."
step namespaces namespaces "" last "Namespaces: what containers are made of" \
    "One spawn with new user, pid, uts and mount namespaces: pid 1, uid 0, a hostname of its own. qemu-user refuses them all." \
    "a container is a clone with namespace flags."
step traps traps "" last "The classic traps" \
    "vfork in a C function, waitpid and a child without an exit signal, a stack too small, thread flags without SYSVSEM, SIGUSR1 as an exit signal. docs/clone.md explains each." \
    "each mistake is reproducible, and each has an explanation."
step qemu flagprobe "" last "What qemu-user takes" \
    "Nineteen clone shapes: natively all work (as root); under qemu-user two do (7.2) or three (8.0 and later take CLONE_PIDFD). docs/qemu-user.md is this table, one column per qemu version." \
    "qemu-user is not a kernel, and tine says where they differ."
arches

[ "$only" = list ] && exit 0
if [ $ran = 0 ]; then
    echo "demo: no step named '$only' (make demo STEP=list)" >&2
    exit 2
fi
echo
[ $status = 0 ] && echo "demo: every step ran." || echo "demo: some steps failed (see !!! above)."
exit $status
