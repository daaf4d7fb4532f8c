#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/check-system.sh — `make check-system`: every test of every port on that
# port's own Linux, Debian's stock kernel booted in qemu-system.
#
# Named variables: top, out (the build directory), ports, make, cc, only
# (T=: names of tests to run, all when empty; qemu-doc and system-runner
# name the two checks); BOOT_TIMEOUT (seconds for a
# kernel to start /init, default 180), SYSTEM_TIMEOUT (seconds for a whole
# boot, default 900) and RUN_TIMEOUT (seconds per test, default 120).
#
# Per port: the build (tests, examples, and tests/system/init.c, the booted
# system's first process); Debian's kernel and busybox-static, fetched once
# into $out/system/<port> (mk/kernel-fetch.sh); an initramfs of init, the
# tests, examples/flagprobe and busybox as /bin/sh (mk/initramfs.sh); one
# boot in which init runs every test as its child (mk/boot.sh); the tests'
# logs and statuses read back from the console (mk/system-logs.sh); each
# test judged as `make check` judges it (mk/run.sh's run_verdict), in the
# runner column `kernel`; flagprobe compared with the port's kernel column
# in docs/qemu-user.md (mk/qemu-doc.sh). Every test runs as root with
# TINE_RUNNER=native: it asserts the real kernel's behaviour. Last, the
# machinery's own test (tests/system-runner.sh), with two boots that must
# fail and say why.
#
# A kernel that cannot be fetched, does not boot within BOOT_TIMEOUT, or
# stops before its tests are done fails the port's `kernel` runner, with
# the reason and the last console lines; a test it did not get to fails
# as not run. Ends with the table, the times per port and the closing line
# `N passed, N failed, N skipped`, as mk/check.sh does.
set -u
: "${top:?}" "${out:?}" "${ports:?}" "${make:?}" "${cc:?}"
only=$(printf '%s' "${only:-}" | tr ',' ' ')
. "$top/mk/run.sh"
. "$top/mk/tally.sh"
sys=$out/system
tally_start "$sys"
times=$sys/times
: >"$times"

for port in $ports; do
    b=$out/$port
    echo "== $port: building"
    if ! $make -s -C "$top" ARCH="$port" O="$out" CC="$cc" all tests examples system-init; then
        fail "$port" build build "the build failed"
        cell "$port" build
        continue
    fi
    eval "$($make -s -C "$top" ARCH="$port" O="$out" system-facts)"   # debarch= suite= kernel_pkg= qemu= args= console= system_no=
    tests=''
    for t in "$b"/tests/t-*; do
        n=$(basename "$t")
        case " ${only:-$n} " in *" $n "*) tests="$tests $n" ;; esac
    done
    kdir=$sys/$port logs=$b/system/logs
    mkdir -p "$b/system" "$logs"
    if [ -n "$system_no" ]; then            # port.mk's SYSTEM_NO: no kernel to boot at all
        echo "== $port: not booted: $system_no"
        set -- $tests
        skip "$port" kernel "$#" "$system_no"
        cell "$port" kernel
        continue
    fi

    # The kernel: fetched once, kept in the build directory.
    t0=$(date +%s)
    [ -f "$kdir/ok" ] || echo "== $port: fetching Debian's $kernel_pkg ($suite, $debarch)"
    if ! sh "$top/mk/kernel-fetch.sh" port="$port" dir="$kdir" debarch="$debarch" suite="$suite" \
            kernel_pkg="$kernel_pkg" >/dev/null 2>"$b/system/fetch.why"; then
        fail "$port" kernel kernel "$(tail -n 1 "$b/system/fetch.why")"
        for n in $tests; do fail "$port" kernel "$n" "not run: no kernel to boot"; done
        cell "$port" kernel
        continue
    fi
    fetch_s=$(( $(date +%s) - t0 ))

    # The booted system's / : init, the tests and their manifest, flagprobe, /bin/sh.
    root=$b/system/root
    rm -rf "$root" && mkdir -p "$root/tests" "$root/bin" &&
        cp "$b/system/init" "$root/init" &&
        cp -L "$kdir/busybox" "$root/bin/busybox" && ln -s busybox "$root/bin/sh" || exit 1
    for n in $tests; do
        cp "$b/tests/$n" "$root/tests/" || exit 1
        echo "$n" $(run_envs "$top/tests/$n.c")
    done >"$root/tests/manifest"
    doc=''
    if [ -z "$only" ] || case " $only " in *" qemu-doc "*) true ;; *) false ;; esac; then
        cp "$b/examples/flagprobe" "$root/tests/" && echo flagprobe >>"$root/tests/manifest" && doc=yes
    fi
    sh "$top/mk/initramfs.sh" out="$b/system/initramfs.cpio" dir="$root" || exit 1

    echo "== $port: booting $(cat "$kdir/ok") in $qemu $args"
    console_log=$b/system/console.log
    t0=$(date +%s)
    sh "$top/mk/boot.sh" port="$port" kernel="$kdir/kernel" initrd="$b/system/initramfs.cpio" \
        log="$console_log" qemu="$qemu" args="$args" console="$console" \
        boot_timeout="${BOOT_TIMEOUT:-180}" timeout="${SYSTEM_TIMEOUT:-900}" \
        append="TINE_TIMEOUT=${RUN_TIMEOUT:-120}" 2>"$b/system/boot.why"
    boot_rc=$?
    wall_s=$(( $(date +%s) - t0 ))
    [ "$boot_rc" = 0 ] || fail "$port" kernel kernel "$(head -n 1 "$b/system/boot.why")"
    [ "$boot_rc" = 0 ] || sed 1d "$b/system/boot.why"
    console="$console_log" dir="$logs" sh "$top/mk/system-logs.sh" >"$b/system/logs.why"
    logs_rc=$?
    if [ "$boot_rc" = 0 ] && [ "$logs_rc" != 0 ]; then
        fail "$port" kernel kernel "the console did not bring the run back whole (console: $console_log)"
    fi
    grep -v '^system-logs: [0-9]* tests run on' "$b/system/logs.why" | sed 's/^/    /'

    for n in $tests; do
        log=$logs/$n.log
        if [ ! -f "$logs/$n.status" ]; then
            fail "$port" kernel "$n" "not run to its end: the system stopped first (console: $console_log)"
            continue
        fi
        status=$(cat "$logs/$n.status")
        case $status in signal\ *) status=$((128 + ${status#signal })) ;; esac
        if run_verdict "$log" "$status" "$top/tests/$n.c"; then pass; else fail "$port" kernel "$n" "$run_why" "$log"; fi
    done
    if [ -n "$doc" ]; then
        dlog=$logs/qemu-doc.log
        mode=check doc="$top/docs/qemu-user.md" port="$port" entry=kernel given="$logs/flagprobe.log" \
            logs="$logs/qemu-doc" sh "$top/mk/qemu-doc.sh" >"$dlog" 2>&1
        case $? in
            0) pass ;;
            3) skip "$port" kernel qemu-doc "$(tail -n 1 "$dlog")" ;;
            *) fail "$port" kernel qemu-doc "flagprobe differs from docs/qemu-user.md (log: $dlog)"
               sed 's/^/    /' "$dlog" | head -30 ;;
        esac
    fi
    cell "$port" kernel

    # Times: the download (0 when cached), qemu's start to /init, the tests, the whole boot.
    boot_s=$(cat "$console_log.boot-s" 2>/dev/null || echo -)
    tests_ms=$(sed -n 's/^@tine-done [0-9]* ms=//p' "$logs/init.log" 2>/dev/null)
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$port" "$(cat "$kdir/ok")" "$fetch_s" "$boot_s" \
        "$([ -n "$tests_ms" ] && echo $((tests_ms / 1000)) || echo -)" "$wall_s" >>"$times"
done

# The machinery itself: init on misbehaving programs, and two boots that
# must fail and say why, on the first port whose kernel booted here.
first=$(head -n 1 "$times" | cut -f1)
if [ -n "$first" ] && { [ -z "$only" ] || case " $only " in *" system-runner "*) true ;; *) false ;; esac; }; then
    echo "== the runner itself (tests/system-runner.sh, on $first's kernel)"
    eval "$($make -s -C "$top" ARCH="$first" O="$out" system-facts)"
    log=$sys/system-runner.log
    if $make -s -C "$top" ARCH="$HOST_ARCH" O="$out" CC="$cc" system-init &&
       sh "$top/tests/system-runner.sh" "$top" "$out/$HOST_ARCH" "$first" "$sys/$first" "$qemu" "$args" "$console" \
           >"$log" 2>&1 && ! grep -q '^FAIL' "$log"; then
        pass
    else
        fail all kernel system-runner "see $log" "$log"
    fi
    cell all runner
fi

if [ -s "$times" ]; then
    echo
    echo "times in seconds: the download (0: cached), qemu's start to /init, the tests, the whole boot"
    awk -F '\t' '
        BEGIN { printf "%-8s  %-36s %8s %6s %6s %6s\n", "port", "kernel", "download", "boot", "tests", "total" }
        { printf "%-8s  %-36s %8s %6s %6s %6s\n", $1, $2, $3, $4, $5, $6 }' "$times"
fi
tally_end check-system
