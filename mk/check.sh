#!/bin/sh
# mk/check.sh TOP OUT HOST_ARCH "PORTS" MAKE CC — `make check`.
#
# For every port: build it, then run every test natively (where this host
# runs the port's binaries) and under the port's qemu-user, plus the build
# checks (ELF layout, tine-cc) and, for the host, the printf oracle, the
# clone-flags fuzzer (tine against the host libc) and docs/qemu-user.md
# against a fresh run (mk/qemu-doc.sh; every other port's qemu-user against
# its qemu column); last, TINE_STACK_MIN against the ports' -fstack-usage
# figures (mk/stack-report.sh).
# A test runs with the environment its ` * env: NAME=value` lines give.
# A test passes when its exit status is the one it expects (0, or what an
# `expect: exit N` line in its source says), it printed a PASS summary and
# no FAIL line. Prints one line per failure, a matrix, and finally
# `N passed, N failed`.
set -u
top=$1 out=$2 host=$3 ports=$4 make=$5 cc=$6
passed=0 failed=0 matrix=''
start=$(date +%s)

fail() {    # port runner test why [log]
    failed=$((failed + 1)) cell_fail=$((cell_fail + 1))
    echo "FAIL $3 [$1, $2]: $4"
    [ -n "${5:-}" ] && [ -f "$5" ] && grep -E '^FAIL|^tine:' "$5" | head -8 | sed 's/^/    /'
}
pass() { passed=$((passed + 1)) cell_pass=$((cell_pass + 1)); }
cell() {    # port runner: close a matrix cell
    matrix="$matrix$(printf '%-8s %-7s %3d passed, %d failed' "$1" "$2" "$cell_pass" "$cell_fail")
"
    cell_pass=0 cell_fail=0
}
cell_pass=0 cell_fail=0

# run_test port runner binary source: one test program under one runner.
run_test() {
    port=$1 runner=$2 bin=$3 src=$4 name=$(basename "$3")
    log=$out/$port/logs/$name.$runner.log
    want=$(sed -n 's|.*expect: exit \([0-9]*\).*|\1|p' "$src" | head -1)
    want=${want:-0}
    envs=$(sed -n 's|^ \* env: \([A-Z_]*=[^ ]*\)$|\1|p' "$src")   # e.g. " * env: TINE_TRACE=1"
    if [ "$runner" = qemu ]; then set -- "$qemu" "$bin"; else set -- "$bin"; fi
    env $envs TINE_RUNNER=$runner timeout -k 5 120 "$@" </dev/null >"$log" 2>&1
    rc=$?
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
        fail "$port" "$runner" "$name" "timed out after 120 s" "$log"
    elif [ "$rc" != "$want" ]; then
        fail "$port" "$runner" "$name" "exit status $rc, expected $want (log: $log)" "$log"
    elif grep -q '^FAIL' "$log" || ! grep -q '^PASS:' "$log"; then
        fail "$port" "$runner" "$name" "a check failed or the test stopped early (log: $log)" "$log"
    else
        pass
    fi
}

# clone_fuzz port: the clone-flags fuzzer, the same seeded cases through
# tine_clone_raw and through the host libc's syscall(SYS_clone), natively;
# the two outputs must match line for line.
clone_fuzz() {
    log=$out/$1/logs/clone-fuzz
    if ! $make -s -C "$top" ARCH="$1" O="$out" "$out/$1/fuzz/clone-fuzz" "$out/$1/host/clone-fuzz"; then
        fail "$1" native clone-fuzz "the fuzzer did not build"
        return
    fi
    timeout -k 5 60 "$out/$1/host/clone-fuzz" >"$log.host.log" 2>&1; hrc=$?
    timeout -k 5 60 "$out/$1/fuzz/clone-fuzz" >"$log.tine.log" 2>&1; trc=$?
    cases=$(grep -c '^ *[0-9][0-9]* 0x' "$log.tine.log")
    if [ "$hrc" != 0 ] || [ "$trc" != 0 ]; then
        fail "$1" native clone-fuzz "exit status $trc (tine), $hrc (host libc) (logs: $log.*.log)"
    elif ! diff "$log.host.log" "$log.tine.log" >"$log.diff"; then
        fail "$1" native clone-fuzz "tine and the host libc differ (diff: $log.diff)"
        head -10 "$log.diff" | sed 's/^/    /'
    else
        pass
        echo "== clone-fuzz: $cases cases, tine and the host libc agree ($(grep -c ' ok' "$log.tine.log") ok)"
    fi
}

for port in $ports; do
    echo "== $port: building"
    if ! $make -s -C "$top" ARCH="$port" O="$out" CC="$cc" all tests examples; then
        fail "$port" build build "the build failed"
        cell "$port" build
        continue
    fi
    eval "$($make -s -C "$top" ARCH="$port" O="$out" CC="$cc" facts)"   # QEMU=... NATIVE=yes|no
    qemu=$QEMU
    echo "== $port: built with $PORT_CC, linked with $PORT_LD"
    mkdir -p "$out/$port/logs"
    b=$out/$port

    # Build checks: the ELF files tine makes, and the tine-cc wrapper.
    for check in elf tine-cc; do
        log=$b/logs/$check.build.log
        if sh "$top/tests/$check.sh" "$b" "$([ "$NATIVE" = yes ] && echo || echo "$qemu")" >"$log" 2>&1 &&
           ! grep -q '^FAIL' "$log"; then
            pass
        else
            fail "$port" build "$check" "see $log" "$log"
        fi
    done
    cell "$port" build

    runners=qemu
    [ "$NATIVE" = yes ] && runners="native qemu"
    for runner in $runners; do
        echo "== $port: tests, $runner"
        for t in "$b"/tests/t-*; do
            run_test "$port" "$runner" "$t" "$top/tests/$(basename "$t").c"
        done
        if [ "$runner" = native ] && [ "$port" = "$host" ]; then
            log=$b/logs/printf-oracle.native.log
            if $make -s -C "$top" ARCH="$port" O="$out" "$b/host/printf-oracle" &&
               "$b/host/printf-oracle" >"$log" 2>&1; then
                pass
            else
                fail "$port" native printf-oracle "tine's printf differs from the host libc's" "$log"
            fi
            clone_fuzz "$port"
            log=$b/logs/qemu-doc.log
            if sh "$top/mk/qemu-doc.sh" --check "$top/docs/qemu-user.md" "$b/examples/flagprobe" \
                    "$qemu" "$b/logs/qemu-doc" >"$log" 2>&1; then
                pass
                sed 's/^/== /' "$log"      # says so when the native column was not compared
            else
                fail "$port" native qemu-doc "docs/qemu-user.md differs from flagprobe's runs (log: $log)"
                sed 's/^/    /' "$log" | head -30
            fi
        fi
        if [ "$runner" = qemu ] && [ "$port" != "$host" ]; then
            log=$b/logs/qemu-doc.log
            if sh "$top/mk/qemu-doc.sh" --check-qemu "$top/docs/qemu-user.md" "$b/examples/flagprobe" \
                    "$qemu" "$b/logs/qemu-doc" >"$log" 2>&1; then
                pass
            else
                fail "$port" qemu qemu-doc "flagprobe under $qemu differs from docs/qemu-user.md (log: $log)"
                sed 's/^/    /' "$log" | head -30
            fi
        fi
        cell "$port" "$runner"
    done
done

# TINE_STACK_MIN and the overflow handler's budget, against -fstack-usage.
echo "== stack-report --check"
log=$out/stack-report.log
mkdir -p "$out"
if sh "$top/mk/stack-report.sh" --check "$top" "$out/stack-report" "$ports" "$make" "$cc" "${CFLAGS:--Os}" >"$log" 2>&1; then
    pass
else
    fail all build stack-report "see $log"
fi
sed 's/^/    /' "$log"
cell all stack

echo
echo "port     runner  result"
printf '%s' "$matrix"
echo "(make check took $(( $(date +%s) - start )) s)"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
