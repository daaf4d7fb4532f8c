#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/demo.sh — `make demo`: a lesson in raw clone, in teaching order. Each
# step has a heading, what to watch for, the example's output natively,
# then under one qemu-user per clone-order family (qemu-x86_64: the default
# order; qemu-aarch64: CLONE_BACKWARDS; qemu-s390x: CLONE_BACKWARDS2), each
# in full, or one line saying it printed exactly what the native run did;
# what the run proved (only when every run's example asserted it: the
# example's exit status is the assertion), and a question to predict
# before running the command that answers it. STEP=name runs one step;
# STEP=list names them.
#
# Every line fits 80 columns: long lines are wrapped, traces are printed
# one argument per line, and the demo fails if any line is wider. A step
# that runs longer than 5 s says so every 5 s.
#
# Named variables: top, out (the build directory), ports (those built),
# only (STEP=); and mk/run.sh's, which decides how each port runs here.
set -u
: "${top:?}" "${out:?}" "${ports:?}"
only=${only:-}
may_refuse=     # set for a step whose example may exit 3 natively: refused here, unshown
. "$top/mk/run.sh"
host=$HOST_ARCH
families="x86_64 aarch64 s390x"
RUN_TIMEOUT=120
rel=${out#"$top"/}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
echo 0 > "$tmp/status"
echo 0 > "$tmp/ran"

fail() { echo "!!! $*"; echo 1 > "$tmp/status"; }

# show [INDENT]: stdin to stdout, each line indented and fitted to 80
# columns. A traced call (tine's, strace's or qemu's) gets one argument per
# line; any other long line is wrapped at a space, its rest indented more.
show() {
    awk -v pre="${1-    }" -v width=80 '
    function wrap(s, ind,    cut, pad) {
        pad = sprintf("%" ind "s", "")
        while (length(s) > width) {
            cut = width
            while (cut > ind + 20 && substr(s, cut, 1) != " " && substr(s, cut, 1) != "|") cut--
            if (cut <= ind + 20) cut = width
            print substr(s, 1, cut)
            s = substr(s, cut + 1); sub(/^ +/, "", s); s = pad "  " s
        }
        print s
    }
    {
        line = pre $0
        if (length(line) <= width) { print line; next }
        match($0, /^ */); lead = RLENGTH     # a wrapped line keeps its own indent
        if (match($0, /^(\[pid +[0-9]+\] |[0-9]+ )?(tine: [a-z_0-9]+ #[0-9]+ \(|[a-z_0-9]+\()/)) {
            head = substr($0, 1, RLENGTH); rest = substr($0, RLENGTH + 1)
            print pre head
            n = split(rest, a, /, ?/)
            for (i = 1; i <= n; i++)
                wrap(pre "    " a[i] (i < n ? "," : ""), length(pre) + 4)
            next
        }
        wrap(line, length(pre) + lead)
    }'
}

# Ticks while a long run goes on: "still running" every 5 s.
tick_start() {
    ( n=0; while sleep 5 </dev/null >/dev/null 2>&1; do
          n=$((n + 5)); echo "    ... still running ($n s)"; done ) &
    ticker=$!
}
tick_stop() { kill "$ticker" 2>/dev/null; wait "$ticker" 2>/dev/null; }

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

# heading NAME EXAMPLE "heading" "watch": the step's opening lines.
heading() {
    echo $(( $(cat "$tmp/ran") + 1 )) > "$tmp/ran"
    echo
    echo "=== $(cat "$tmp/ran"). $3"
    echo "    ($1: examples/$2.c)" | show ""
    printf '%s\n' "$4" | fold -s -w 76 | sed 's/^/  /'
}

# closing OK "proved" "predict": Proved (only if every run asserted it; or
# "Not shown" when the kernel refused what the step shows: unshown=1), and
# the question to predict before running the command that answers it.
closing() {
    if [ "$1" = 1 ] && [ "${unshown:-0}" = 1 ]; then
        printf 'Not shown on this machine: its kernel refused (above), so the claim\n'
        printf 'stands unproved here: %s\n' "$2" | fold -s -w 78
    elif [ "$1" = 1 ]; then
        printf 'Proved: %s\n' "$2" | fold -s -w 78
    else
        echo 1 > "$tmp/status"
    fi
    printf 'Predict, then run: %s\n' "$3" | fold -s -w 78 | sed '2,$s/^/  /'
    unshown=0
}

# wanted NAME: is this step to run? (and, with STEP=list, name it)
wanted() {
    [ "$only" = list ] && { printf '  %-11s %s\n' "$1" "$2"; return 1; }
    [ -z "$only" ] || [ "$only" = "$1" ]
}

# step NAME EXAMPLE ENV "heading" "watch" "proved" "predict" [EXTRA [MUST]]:
# natively in full (then EXTRA, a function that adds to the native run and
# returns non-zero if its own claim failed), then one qemu per family, in
# full where it differs. MUST: a text every run's output must contain (a
# claim made on stderr, which the example's exit status cannot assert).
step() {
    sname=$1 ex=$2 envs=$3 sheading=$4 watch=$5 proved=$6 predict=$7 extra=${8:-} must=${9:-}
    wanted "$sname" "$sheading" || return 0
    heading "$sname" "$ex" "$sheading" "$watch"
    ok=1
    echo "--- natively ($host)${envs:+, with $envs}:"
    tick_start
    native=$(run "$host" native=native== "$ex" $envs 2>&1); rc=$?
    tick_stop
    printf '%s\n' "$native" | show
    unshown=0
    if [ $rc = 3 ] && [ -n "$may_refuse" ]; then
        unshown=1               # the kernel refused what the step shows: said, not failed
    elif [ $rc != 0 ]; then
        fail "exited with $rc natively"; ok=0
    fi
    mustsay native "$native" || ok=0
    [ -z "$extra" ] || $extra || ok=0
    for f in $families; do
        case " $ports " in *" $f "*) ;; *) continue ;; esac
        e=$(entry "$f" qemu) || continue
        q=$(name "$e")
        tick_start
        text=$(run "$f" "$e" "$ex" $envs 2>&1); rc=$?
        tick_stop
        if [ "$text" = "$native" ]; then
            echo "--- under $q: the same output, line for line, as natively"
        else
            echo "--- under $q:"; printf '%s\n' "$text" | show
        fi
        [ $rc = 0 ] || { fail "exited with $rc under $q"; ok=0; }
        mustsay "under $q" "$text" || ok=0
    done
    closing $ok "$proved" "$predict"
}

# mustsay WHERE TEXT: does TEXT contain $must (when the step has one)?
mustsay() {
    [ -z "$must" ] && return 0
    case $2 in *"$must"*) return 0 ;; esac
    fail "$1: the output does not say \"$must\""
    return 1
}

# ---- the independent witness: strace -f natively, qemu -strace under qemu ----

# hexnorm: 0x0000005500815000 -> 0x5500815000 (qemu pads, tine and strace do not).
hexnorm() { sed 's/^0x0*\([0-9a-f]\)/0x\1/'; }

# field LINE NAME: the value of NAME= in a traced line ([tid] or 0x...).
field() {
    printf '%s\n' "$1" | sed -n "s/.*[(, ]$2=\(\[[0-9]*\]\|0x[0-9a-f]*\).*/\1/p" | hexnorm
}

# witness PORT ENTRY: clone-raw with TINE_TRACE=1 under its witness, then
# the thread's clone as asked, as tine's stub traced it, and as strace or
# qemu decoded the registers, side by side; asserts that they agree.
# Sets wit_out (the program's output) and wit_ok.
witness() {
    wp=$1 we=$2 wit_ok=1
    prog=$out/$wp/examples/clone-raw
    log=$tmp/witness.log
    : > "$log"
    if [ "$(run_field "$we" 2)" = native ]; then
        wname="strace -f"
        wit_out=$(timeout -k 5 60 env TINE_TRACE=1 strace -f -qq -e trace=clone,clone3,vfork \
                  -o "$log" "$prog" 2>&1) || wit_ok=0
        wline=$(grep 'clone(.*CLONE_VM' "$log" | head -n 1)
        wfork=$(grep -c 'clone(child_stack=NULL, flags=SIGCHLD)' "$log")
    else
        wname="$(basename "$(run_field "$we" 3)") -strace"
        wit_out=$(timeout -k 5 60 env TINE_TRACE=1 TINE_RUNNER=qemu "$(run_field "$we" 3)" \
                  -strace -D "$log" "$prog" 2>&1) || wit_ok=0
        wline=$(grep 'clone(CLONE_VM' "$log" | head -n 1)
        # qemu prints the flags of a fork-shaped clone as a number: its
        # exit signal, SIGCHLD, which is 17 (0x11) but on MIPS 18 (0x12).
        chld=$(sed -n 's/^#define[[:space:]]*SIGCHLD[[:space:]]*\([0-9]*\).*/\1/p' \
               "$out/$wp/uapi/asm/signal.h" "$out/$wp/uapi/asm-generic/signal.h" 2>/dev/null | head -n 1)
        wfork=$(grep -c "clone($(printf '0x%x' "${chld:-17}")," "$log")
    fi
    tline=$(printf '%s\n' "$wit_out" | grep '^tine: clone.*CLONE_VM' | head -n 1)
    tfork=$(printf '%s\n' "$wit_out" | grep -c '^tine: clone.*flags=SIGCHLD')
    order=$(printf '%s\n' "$tline" | sed 's/^[^(]*(//; s/=[^,]*//g; s/)$//')
    printf '    %-9s %-20s %-20s %s\n' argument "asked of tine" "TINE_TRACE=1" "$wname"
    for a in stack ptid ctid tls; do
        asked=$(printf '%s\n' "$wit_out" | sed -n "s/^ *$a\(_top\)\{0,1\} *= *//p" | hexnorm)
        traced=$(field "$tline" "$a")
        case $a in
            stack) seen=$(field "$wline" child_stack) ;;
            ptid)  seen=$(field "$wline" parent_tid); [ -n "$seen" ] || seen=$(field "$wline" parent_tidptr) ;;
            ctid)  seen=$(field "$wline" child_tidptr) ;;
            tls)   seen=$(field "$wline" tls) ;;
        esac
        printf '    %-9s %-20s %-20s %s\n' "$a" "${asked:-?}" "${traced:-?}" "${seen:-?}"
        case $a:$seen in
            stack:*)
                # The stub puts its own things below stack_top: the kernel's
                # value is at most 256 bytes under it, and both records agree.
                # sparc64's is biased as its %sp is, 2047 lower (the SPARC V9
                # ABI's stack bias).
                case $wp in sparc64) bias=2047 ;; *) bias=0 ;; esac
                if [ -z "$seen" ] || [ "$seen" != "$traced" ] ||
                   [ $((asked - seen - bias)) -lt 0 ] || [ $((asked - seen - bias)) -gt 256 ]; then
                    wit_ok=0; fi ;;
            ptid:\[*) [ "$traced" = "$asked" ] || wit_ok=0 ;;    # strace shows the tid written there
            *) [ -n "$seen" ] && [ "$seen" = "$traced" ] && [ "$traced" = "$asked" ] || wit_ok=0 ;;
        esac
    done
    echo "    kernel's order, as tine labels it: $order" | show ""
    [ "$tfork" -ge 2 ] && [ "$wfork" -ge 2 ] || wit_ok=0
    echo "    fork-shaped clones: $tfork traced by tine, $wfork seen by $wname"
    [ $wit_ok = 1 ] || fail "tine's trace and $wname disagree (log: kept below)"
    [ $wit_ok = 1 ] || sed 's/^/      /' "$log" | show ""
}

# The limits step's addition: glibc's and musl's default thread stacks,
# measured by a program of theirs (examples/host/thread-stack.c), with
# this shell's RLIMIT_STACK and with 1 MiB.
libc_stacks() {
    src=$top/examples/host/thread-stack.c
    echo "--- glibc's and musl's default thread stacks, measured natively"
    echo "    (examples/host/thread-stack.c, built with gcc and musl-gcc):"
    lok=0 seen=''
    soft=$(ulimit -s)
    for cc in gcc musl-gcc; do
        if ! command -v $cc >/dev/null 2>&1 ||
           ! $cc -O2 -pthread "$src" -o "$tmp/ts-$cc" 2>"$tmp/ts-$cc.err"; then
            echo "    $cc: skipped (not installed, or no libc headers)"
            continue
        fi
        seen="$seen $cc"
        a=$("$tmp/ts-$cc") b=$(sh -c 'ulimit -s 1024 && exec "$1"' sh "$tmp/ts-$cc")
        printf '    %-8s %9s bytes with RLIMIT_STACK at %s%s\n' "$cc" "$a" "$soft" \
            "$([ "$soft" = unlimited ] || echo ' KiB')"
        printf '    %-8s %9s bytes with RLIMIT_STACK at 1024 KiB\n' '' "$b"
        case $cc:$soft in
            gcc:unlimited) [ "$b" = 1048576 ] || lok=1 ;;
            gcc:*) [ "$a" = $((soft * 1024)) ] && [ "$b" = 1048576 ] || lok=1 ;;
            musl-gcc:*) [ "$a" = "$b" ] && [ "$a" -ge 131072 ] || lok=1 ;;
        esac
    done
    # Say only what was measured.
    case $lok:$seen in
        0:*gcc*musl-gcc*) echo "    glibc follows RLIMIT_STACK; musl's stays near 128 KiB whatever it is" ;;
        0:" gcc") echo "    glibc follows RLIMIT_STACK" ;;
        0:" musl-gcc") echo "    musl's stays near 128 KiB whatever RLIMIT_STACK is" ;;
        0:) echo "    (neither libc could build here: nothing measured)" ;;
    esac
    [ $lok = 0 ] ||
        fail "glibc's or musl's default is not what the lesson says"
    return $lok
}

clone_step() {
    wanted clone "Raw clone, returning twice, and a witness" || return 0
    heading clone clone-raw "Raw clone, returning twice, and a witness" \
        "tine_clone_raw is the system call with no C around it. With TINE_TRACE=1 tine's stubs print every clone they make, from the registers the kernel read: stack= is the kernel's stack pointer for the child, not the stack_top the caller passed. Then the same binary under strace -f (natively) or qemu -strace: the kernel's (or qemu's) own record of the thread's clone, beside tine's and beside what the program asked."
    ok=1
    for f in native $families; do
        if [ "$f" = native ]; then f=$host e=native=native==
        else case " $ports " in *" $f "*) ;; *) continue ;; esac
             e=$(entry "$f" qemu) || continue; fi
        echo "--- $(name "$e") ($f), with TINE_TRACE=1:"
        witness "$f" "$e"
        if [ "$e" = native=native== ]; then
            printf '%s\n' "$wit_out" | show
        else                    # the trace is the table above; the program's own lines:
            printf '%s\n' "$wit_out" | grep -v '^tine: ' | show
        fi
        [ $wit_ok = 1 ] || ok=0
    done
    closing $ok "clone returns twice; each architecture's kernel reads the arguments in its own order, and strace and qemu, decoding the registers with their own tables, see the values the portable call asked for." \
        "which argument does strace show as [a number] instead of an address, and why? TINE_TRACE=1 strace -f $rel/$host/examples/clone-raw"
}

# The last step: the witness on every port.
arches() {
    wanted arches "The same program on every architecture" || return 0
    heading arches clone-raw "The same program on every architecture" \
        "One source, every port built ($(echo $ports | wc -w) here): a thread's clone on each, natively where the host can run it and under qemu-user where it cannot, with tine's trace beside strace's or qemu's own record. tine's labels come from the same arch.h the stubs use, so they prove nothing alone: the evidence is that an independent decoder agrees (and tests/t-clone-order, which fails if a stub swaps two arguments)."
    ok=1
    for p in $ports; do
        e=$(entry "$p" native) || e=$(entry "$p" qemu) || continue
        [ "$(run_field "$e" 2)" = native ] || run_native "$p" || [ -z "$run_why" ] ||
            echo "--- $p: not natively (${run_why#skipped: })" | show ""
        echo "--- $p, $(name "$e"):"
        witness "$p" "$e"
        [ $wit_ok = 1 ] || ok=0
    done
    closing $ok "the portable call is the same everywhere; each stub hands the kernel the values asked for, in that kernel's order, as an independent decoder confirms." \
        "swap tls and ctid in arch/aarch64/clone.S (__tine_arch_clone's two movs), then: make check ARCH=aarch64 T=t-clone-order; and make demo STEP=arches. Which of the two notices?"
}

lesson() {
[ "$only" = list ] && echo "make demo STEP=<name>, one of:"
step fork fork "" "fork: one call, two returns" \
    "The lecture's program. Watch the pids: the parent is handed the child's pid, and the child, asking the kernel, gets the same number." \
    "fork returns twice, and the child is a process of its own." \
    "how many clone lines does fork make? TINE_TRACE=1 $rel/$host/examples/fork"
clone_step
step counter clone-count "" "A clone child and a shared counter" \
    "The first seed's program. Without CLONE_VM the child counts in a copy of memory; with it, in ours. qemu-user refuses CLONE_VM without the thread flags." \
    "what a clone child shares is exactly what its flags say." \
    "what does a thread's clone add to CLONE_VM? TINE_TRACE=1 $rel/$host/examples/threads"
step threads threads "" "Threads: one pid, many tids" \
    "Four clones with every sharing flag, joined through the kernel's CHILD_CLEARTID futex." \
    "a thread is a clone that shares everything, and join is a futex." \
    "which futex call is a join? TINE_TRACE=1 $rel/$host/examples/threads"
step workers workers "" "Thread-local variables, a mutex, a condition variable" \
    "A queue of 10,000 numbers and four workers. The ring is shared, so a mutex guards it and two condition variables say when it has work or room; each worker's tally is _Thread_local, its own copy at its own address, so it needs no lock." \
    "a thread's _Thread_local variables are its own; what threads share, a mutex guards." \
    "where do the workers' tallies live, and why do their addresses differ by the stack size? $rel/$host/examples/workers"
step vfork vfork "" "vfork: borrow, do not copy" \
    "The child writes 42 into the parent's memory and exits while the parent sleeps. Natively the parent reads 42 (one memory); under qemu-user vfork is a fork, and the parent reads 0 (two memories): compare the first line of each run. Then tine_spawn_exec, built on vfork, reports the exec's own error." \
    "vfork shares memory until exec (natively; qemu-user's is a fork, as its line says), and tine_spawn_exec reports the exec's own error." \
    "what does strace call tine_vfork? strace -f -e trace=vfork,clone $rel/$host/examples/vfork"
step stacks overflow "" "Stacks: too small, named, measured" \
    "The first seed's crash: an 8 KiB stack, called too deep. tine names the overflow on stderr; then the child is measured and sized." \
    "a stack overflow in tine is a message, not a mystery." \
    "without a guard page, is an overflow noticed at all? make demo STEP=seedbug" \
    "" "tine: stack overflow in thread"
step seedbug seed-bug "" "The first seed's real bug: no guard, a silent neighbour" \
    "An 8 KiB stack in static memory, right above a table the program uses later: the clone child overflows it, finishes happily, and the crash comes afterwards, somewhere else (the parent calling through the table). Then the same child on a tine_stack_map stack, whose guard page stops it at the first byte too far, with its name." \
    "without a guard an overflow corrupts a neighbour silently and crashes elsewhere later; with one it stops at once, named." \
    "how deep can a frame go on 8 KiB? make demo STEP=usage"
step usage stack-usage "" "How big must a stack be?" \
    "-fstack-usage's static figures next to painted peaks: recursion multiplies a frame, a VLA has no static size." \
    "static analysis bounds frames; painting measures paths." \
    "what default stack would glibc give a thread here? make demo STEP=limits"
step limits limits "" "Stacks, limits and cgroups: the lecture's missing chapters" \
    "Default stack sizes measured on this machine, soft and hard limits and how a child inherits them (and how prlimit changes a running child's), what one thread costs the kernel, and a cgroup whose pids.max stops spawns." \
    "every figure above was measured here, and behaved as the lecture's missing chapters say (or was skipped, with its reason)." \
    "how many threads fit before RLIMIT_NPROC or the memory stops them? make demo STEP=multiprog" \
    libc_stacks
step multiprog multiprog "" "How many threads at once?" \
    "Threads parked on a futex with 16 KiB, 64 KiB and 8 MiB stacks, until a bound or a limit. Watch both costs: the user pages (RSS) and the kernel's (KernelStack in /proc/meminfo). Under qemu-user the RSS is qemu's own, not the thread's." \
    "a parked thread touches two pages of its mapping whatever its stack size, and pins a kernel stack; limits (RLIMIT_AS, RLIMIT_NPROC, the address space) are what stop them." \
    "does a smaller stack let more threads start under RLIMIT_NPROC? $rel/$host/examples/multiprog 200"
may_refuse=1    # natively, exit 3: this machine allows no user namespaces
step namespaces namespaces "" "Namespaces: one part of a container" \
    "One spawn with new user, pid, uts and mount namespaces: pid 1, uid 0, a hostname of its own, each namespace a new kernel object (see the /proc/self/ns links). A container adds cgroups, a root filesystem (pivot_root), dropped capabilities, seccomp and more: the example names what these namespaces do not give. qemu-user refuses them all." \
    "a clone with namespace flags gives a process its own view of pids, users, hostname and mounts: one ingredient of a container, not a container." \
    "does the child see the parent's network? unshare is clone's sibling: unshare -Urn ip link"
may_refuse=
step traps traps "" "The classic traps" \
    "vfork in a C function, waitpid and a child without an exit signal (or with SIGUSR1), a stack too small, thread flags without SYSVSEM, SIGUSR1 as an exit signal. docs/clone.md explains each." \
    "each mistake is reproducible, and does what docs/clone.md says it does on each runner." \
    "does waitpid see a child whose exit signal is SIGUSR1? $rel/$host/examples/traps waitpid"
step qemu flagprobe "" "What qemu-user takes" \
    "Nineteen clone shapes: natively all work (as root); under qemu-user two do (7.2) or three (8.0 and later take CLONE_PIDFD). docs/qemu-user.md is this table, one column per qemu version." \
    "every shape was tried and answered, by the kernel natively and by qemu-user's own rules under it: qemu-user is not a kernel (make check T=qemu-doc holds each qemu version's answers to docs/qemu-user.md)." \
    "which shapes does qemu 10.0 take that 7.2 refuses? make check T=qemu-doc ARCH=aarch64"
arches
}

lesson 2>&1 | tee "$tmp/transcript"

[ "$only" = list ] && exit 0
if [ "$(cat "$tmp/ran")" = 0 ]; then
    echo "demo: no step named '$only' (make demo STEP=list)" >&2
    exit 2
fi
# A test of the demo itself: nothing it printed is wider than 80 columns.
wide=$(awk 'length > 80 { n++ } END { print n + 0 }' "$tmp/transcript")
if [ "$wide" != 0 ]; then
    echo "!!! demo: $wide lines wider than 80 columns:"      # on stdout: a log of it shows why
    awk 'length > 80 { print "  " NR ": " length " columns: " $0 }' "$tmp/transcript" | head -5
    echo 1 > "$tmp/status"
fi
status=$(cat "$tmp/status")
echo
echo "Break it and watch the tests catch it (docs/clone.md, Exercises):"
echo "  1. swap tls and ctid in arch/aarch64/clone.S, __tine_arch_clone:"
echo "     make check ARCH=aarch64 T=t-clone-order"
echo "  2. in arch/x86_64/vfork.asm, return through the stack (drop the"
echo "     pop rdx / jmp rdx): make check ARCH=x86_64 T=t-vfork fails"
echo "     natively, after minutes; under qemu-user vfork is a fork, and passes"
echo
echo "What an earlier version of this lesson got wrong, each with the kernel or"
echo "qemu line that settles it: docs/clone.md, \"Corrections\"; what the seeds"
echo "got wrong: docs/clone.md, \"What the seeds got wrong\"."
echo
[ "$status" = 0 ] && echo "demo: every step ran and asserted its claim." ||
    echo "demo: some steps failed (see !!! above)."
exit "$status"
