#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/check.sh — `make check`: every test of every port under every runner
# this host offers (mk/run.sh: natively where the probe says the kernel
# runs the port, under the installed qemu-user and under Debian 13's).
#
# Named variables: top, out (the build directory), ports, make, cc, only
# (T=: names of tests or checks to run, all when empty), CHECK_JOBS (tests
# run at once; the number of cores by default), TINE_SOAK (SOAK=: races
# repeated that many times as often, tests/t.h's t_reps; each program's
# time limit grows with it); and mk/run.sh's.
#
# Per port: the build, then the build checks (ELF layout, tine-cc, each
# public header alone) beside every test under every runner; for the host port
# natively, the printf oracle and the clone-flags fuzzer (tine against the
# host libc); for every runner,
# examples/flagprobe against its column of docs/qemu-user.md; last, the
# runner's own test, make check-system's runner (tests/system-runner.sh,
# without a boot), make install with CMake and Meson (tests/install.sh) and
# TINE_STACK_MIN against the ports' -fstack-usage figures.
# A test runs with the environment its ` * env: NAME=value` lines give. It
# passes when its exit status is the one it expects (0, or what an
# `expect: exit N` line in its source says), it printed a PASS summary and
# no FAIL line. A runner this host cannot offer is skipped with the reason,
# and every test it would have run counts as skipped. Prints one line per
# failure, a table of ports and runners, and finally
# `N passed, N failed, N skipped`.
set -u
: "${top:?}" "${out:?}" "${ports:?}" "${make:?}" "${cc:?}"
only=$(printf '%s' "${only:-}" | tr ',' ' ')
jobs=${CHECK_JOBS:-$(nproc 2>/dev/null || echo 2)}     # tests run this many at a time
case ${TINE_SOAK:-} in [1-9]*) RUN_TIMEOUT=${RUN_TIMEOUT:-$((120 * TINE_SOAK))} ;; esac   # a soak runs longer
. "$top/mk/run.sh"
. "$top/mk/tally.sh"
tally_start "$out"
matched=''

# want NAME: whether T= asks for this test or check.
want() {
    [ -z "$only" ] && return 0
    case " $only " in *" $1 "*) matched="$matched $1"; return 0 ;; esac
    return 1
}

# run_tests port: every test ($tests) under every runner ($run_list), in
# $jobs lanes at once (a test is one process, mostly on one core). Each
# lane walks the same list and runs what no other lane has taken yet
# (mkdir is the claim); a run leaves its log and, beside it, its exit
# status. Nothing is judged here: judge_test reads the
# results back in order, so the report reads the same as one at a time.
run_tests() {
    rt_claims=$out/$1/logs/claims
    rm -rf "$rt_claims" && mkdir -p "$rt_claims"
    rt_lane=0
    while [ "$rt_lane" -lt "$jobs" ]; do
        for t in $tests; do
            for entry in $run_list; do
                label=$(run_field "$entry" 1) name=$(basename "$t")
                mkdir "$rt_claims/$name.$label" 2>/dev/null || continue
                log=$out/$1/logs/$name.$label.log
                # shellcheck disable=SC2046
                run_prog "$entry" $(run_envs "$top/tests/$name.c") "$t" </dev/null >"$log" 2>&1
                echo $? >"$log.status"
            done
        done &
        rt_lane=$((rt_lane + 1))
    done
    wait
}

# judge_test port entry binary source: one test's run under one runner.
judge_test() {
    label=$(run_field "$2" 1) name=$(basename "$3")
    log=$out/$1/logs/$name.$label.log
    jt_status=$(cat "$log.status" 2>/dev/null) || jt_status='no status'
    if run_verdict "$log" "$jt_status" "$4"; then
        pass
    else
        fail "$1" "$label" "$name" "$run_why" "$log"
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
    run_prog native=native== "$out/$1/fuzz/clone-fuzz" >"$log.tine.log" 2>&1; trc=$?
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

# qemu_doc port entry: examples/flagprobe under the runner, against its
# column of docs/qemu-user.md (mk/qemu-doc.sh; exit 3: nothing to compare with).
qemu_doc() {
    label=$(run_field "$2" 1) log=$out/$1/logs/qemu-doc.$label.log
    mode=check doc=$top/docs/qemu-user.md port=$1 entry=$2 logs=$out/$1/logs/qemu-doc \
        sh "$top/mk/qemu-doc.sh" >"$log" 2>&1
    case $? in
        0) pass ;;
        3) skip "$1" "$label" qemu-doc "$(tail -n 1 "$log")"
           echo "== $1 $label: qemu-doc skipped: $(tail -n 1 "$log")" ;;
        *) fail "$1" "$label" qemu-doc "flagprobe differs from docs/qemu-user.md (log: $log)"
           sed 's/^/    /' "$log" | head -30 ;;
    esac
}

for port in $ports; do
    echo "== $port: building"
    port_start=$(date +%s)
    # Both cores: the build is half of make check's time on a 2-core machine.
    if ! $make -s -j"$(nproc 2>/dev/null || echo 2)" -C "$top" ARCH="$port" O="$out" CC="$cc" all tests examples; then
        fail "$port" build build "the build failed"
        cell "$port" build
        continue
    fi
    eval "$($make -s -C "$top" ARCH="$port" O="$out" CC="$cc" facts)"   # PORT_CC=... PORT_LD=...
    tests_start=$(date +%s)
    echo "== $port: built with $PORT_CC, linked with $PORT_LD ($((tests_start - port_start)) s)"
    mkdir -p "$out/$port/logs"
    b=$out/$port
    run_runners "$port"
    tests=''
    for t in "$b"/tests/t-*; do want "$(basename "$t")" && tests="$tests $t"; done
    ntests=$(echo $tests | wc -w)

    # Build checks: the ELF files tine makes, the tine-cc wrapper (its
    # programs run under the first runner), each public header alone. They
    # run beside the tests, and are judged after them.
    first=${run_list%% *}
    case $(run_field "$first" 2) in qemu) emu=$(run_field "$first" 3) ;; *) emu='' ;; esac
    checks=''
    for check in elf tine-cc headers; do want "$check" && checks="$checks $check"; done
    for check in $checks; do
        log=$b/logs/$check.build.log
        case $check in
            headers) tinecc=$b/tine-cc top=$top sh "$top/mk/check-headers.sh" ;;
            *) sh "$top/tests/$check.sh" "$b" "$emu" ;;
        esac >"$log" 2>&1
        echo $? >"$log.status"
    done &

    # Runners this host cannot offer: said once, each test counted as skipped.
    for label in $(printf '%s' "$run_skips" | cut -f1); do
        why=$(printf '%s' "$run_skips" | awk -F "$run_tab" -v l="$label" '$1 == l { print $2 }')
        grep -qF "$run_tab$label$run_tab" "$skips" 2>/dev/null || echo "== $port $label: $why"   # said once
        [ "$ntests" -gt 0 ] && skip "$port" "$label" "$ntests" "${why#skipped: }"
        cell "$port" "$label"
    done

    for entry in $run_list; do
        label=$(run_field "$entry" 1)
        echo "== $port: tests, $label$([ "$(run_field "$entry" 2)" = native ] || echo " ($(run_field "$entry" 3))")"
    done
    [ -n "$tests" ] && run_tests "$port"
    wait                                            # for the build checks too
    echo "== $port: tests and build checks ran in $(($(date +%s) - tests_start)) s"
    for check in $checks; do
        log=$b/logs/$check.build.log
        if [ "$(cat "$log.status")" = 0 ] && ! grep -q '^FAIL' "$log"; then
            pass
        elif [ "$check" = headers ]; then
            fail "$port" build headers "a public header does not compile alone (log: $log)" "$log"
        else
            fail "$port" build "$check" "see $log" "$log"
        fi
    done
    cell "$port" build

    for entry in $run_list; do
        label=$(run_field "$entry" 1)
        for t in $tests; do
            judge_test "$port" "$entry" "$t" "$top/tests/$(basename "$t").c"
        done
        if [ "$label" = native ] && [ "$port" = "$HOST_ARCH" ]; then
            if want printf-oracle; then
                log=$b/logs/printf-oracle.native.log
                if $make -s -C "$top" ARCH="$port" O="$out" "$b/host/printf-oracle" &&
                   "$b/host/printf-oracle" >"$log" 2>&1; then
                    pass
                else
                    fail "$port" native printf-oracle "tine's printf differs from the host libc's" "$log"
                fi
            fi
            want clone-fuzz && clone_fuzz "$port"
        fi
        if want qemu-doc && { [ "$label" != native ] || [ "$port" = "$HOST_ARCH" ]; }; then
            qemu_doc "$port" "$entry"
        fi
        cell "$port" "$label"
    done
done

# The runner itself: exec failures named, the probe's skip path, forced answers.
if want runner; then
    log=$out/runner.log
    if sh "$top/tests/runner.sh" "$top" "$out" >"$log" 2>&1 && ! grep -q '^FAIL' "$log"; then
        pass
    else
        fail all build runner "see $log" "$log"
    fi
    cell all runner
fi

# make demo's line fitter: every line within 80 columns, nothing lost.
if want demo-width; then
    log=$out/demo-width.log
    if sh "$top/tests/demo-width.sh" "$top" >"$log" 2>&1; then
        pass
    else
        fail all build demo-width "see $log" "$log"
    fi
    cell all runner
fi

# make check-system's init and log reader, on misbehaving programs, without a boot.
if want system-runner; then
    log=$out/system-runner.log
    if $make -s -C "$top" ARCH="$HOST_ARCH" O="$out" CC="$cc" system-init &&
       sh "$top/tests/system-runner.sh" "$top" "$out/$HOST_ARCH" >"$log" 2>&1 && ! grep -q '^FAIL' "$log"; then
        pass
    else
        fail all build system-runner "see $log" "$log"
    fi
    cell all runner
fi

# make install, moved, used from PATH, by CMake and Meson; make uninstall.
if want install; then
    echo "== install (tests/install.sh: $HOST_ARCH and aarch64)"
    log=$out/install.log
    if sh "$top/tests/install.sh" "$top" "$out" "$make" >"$log" 2>&1 && ! grep -q '^FAIL' "$log"; then
        pass
    else
        fail all build install "see $log" "$log"
    fi
    cell all install
fi

# TINE_STACK_MIN and the overflow handler's budget, against -fstack-usage.
if want stack-report; then
    echo "== stack-report --check"
    log=$out/stack-report.log
    if sh "$top/mk/stack-report.sh" --check --built "$top" "$out" "$ports" "$make" "$cc" "${CFLAGS:--Os}" >"$log" 2>&1; then
        pass
    else
        fail all build stack-report "see $log"
    fi
    sed 's/^/    /' "$log"
    cell all stack
fi

for n in $only; do
    case " $matched " in *" $n "*) ;; *)
        echo "FAIL T=$n: no test or check of that name (tests/t-*.c, elf, tine-cc, headers, printf-oracle, clone-fuzz, qemu-doc, runner, system-runner, install, stack-report)"
        failed=$((failed + 1)) ;;
    esac
done

tally_end check
