#!/bin/sh
# SPDX-License-Identifier: 0BSD
# tests/system-runner.sh — make check-system's own machinery, tried on
# programs that misbehave on purpose.
#
#   sh tests/system-runner.sh TOP B [PORT KERNEL_DIR QEMU ARGS CONSOLE]
#
# Always (make check runs this part, on the host's port, B its build
# directory): tests/system/init.c as an ordinary process (TINE_INIT_TEST=1)
# over a manifest of shell scripts that pass, hang, die by a signal, leave
# a child holding their output, write a line too long or no newline, and
# of programs that are missing or not executable; its output is read back
# by mk/system-logs.sh, and each status and log must be what init saw.
# A console damaged in the ways a kernel damages it must be named.
#
# With a port's kernel (make check-system passes the host's): boots that
# must fail, and say why: an init that exits (the kernel panics) and an
# init that never speaks (the boot's own time limit).
# Prints `ok ...` or `FAIL ...` per check.
set -u
top=$1 b=$2
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
fails=0
check() {   # check WHAT COMMAND...: ok when COMMAND succeeds
    what=$1; shift
    if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}
has() { grep -qF -- "$2" "$1" 2>/dev/null; }     # has FILE TEXT
is() { [ "$(cat "$1" 2>/dev/null)" = "$2" ]; }     # is FILE CONTENT

mkdir -p "$d/tests"
script() { printf '#!/bin/sh\n%s\n' "$2" >"$d/tests/$1"; chmod +x "$d/tests/$1"; }
script pass 'echo hello; echo "FOO=$FOO RUNNER=$TINE_RUNNER"; echo PASS: 1'
script exit3 'echo going; exit 3'
script segv 'echo dying; kill -SEGV $$'
# The sleeps' length is this run's own (100.PID s), so that the check below
# sees this run's processes only, never a `sleep 100` someone else runs.
nap=100.$$
script hang "echo waiting; exec sleep $nap"
script orphan "(exec sleep $nap) & echo left a child"
script long 'printf "%01500d\n" 0'
script nonl 'printf "no newline"'
printf 'echo never\n' >"$d/tests/noexec"
cat >"$d/tests/manifest" <<'EOF'
pass FOO=bar
exit3
segv
hang
orphan
long
nonl
missing
noexec
EOF

start=$(date +%s)
TINE_INIT_TEST=1 TINE_TESTS=$d/tests TINE_TIMEOUT=2 "$b/system/init" >"$d/console" 2>&1; rc=$?
check "init exits 0 when it ran every test (exit $rc)" [ $rc = 0 ]
took=$(( $(date +%s) - start ))
check "the hanging test was killed at its 2 s timeout, and the run went on ($took s in all)" [ "$took" -lt 20 ]
console="$d/console" dir="$d/logs" sh "$top/mk/system-logs.sh" >"$d/why"; rc=$?
check "system-logs reads the run back whole ($(tail -n 1 "$d/why"))" [ $rc = 0 ]
check "pass: exit 0, its lines, its environment" eval 'is "$d/logs/pass.status" 0 && has "$d/logs/pass.log" "FOO=bar RUNNER=native" && has "$d/logs/pass.log" "PASS: 1"'
check "exit3: exit 3, its line" eval 'is "$d/logs/exit3.status" 3 && is "$d/logs/exit3.log" going'
check "segv: killed by signal 11, its line" eval 'is "$d/logs/segv.status" "signal 11" && is "$d/logs/segv.log" dying'
check "hang: reported as a timeout, its line" eval 'is "$d/logs/hang.status" timeout && is "$d/logs/hang.log" waiting'
check "orphan: exit 0, and the child it left did not hold the run" eval 'is "$d/logs/orphan.status" 0 && is "$d/logs/orphan.log" "left a child"'
check "long: a 1501-byte line comes back cut in two, not lost" eval '[ "$(wc -l <"$d/logs/long.log")" = 2 ] && [ "$(tr -d "\n" <"$d/logs/long.log" | wc -c)" = 1500 ]'
check "nonl: a last line without newline gets one" eval 'is "$d/logs/nonl.log" "no newline" && is "$d/logs/nonl.status" 0'
check "missing: exit 127, and says it cannot execute" eval 'is "$d/logs/missing.status" 127 && has "$d/logs/missing.log" "cannot execute $d/tests/missing: ENOENT (No such file or directory)"'
check "noexec: exit 126, and says why" eval 'is "$d/logs/noexec.status" 126 && has "$d/logs/noexec.log" "cannot execute $d/tests/noexec: EACCES (Permission denied)"'
check "the times of all nine are recorded" [ "$(wc -l <"$d/logs/times")" = 9 ]
if ps -eo args 2>/dev/null | grep -qx "sleep $nap"; then
    check "no sleep $nap outlives the run" false
else
    check "no sleep $nap outlives the run" true
fi

# A kernel message inside a test's line, a lost line, a run cut short.
sed 's/^@tine exit3 going$/@tine exit3 go[   12.3] usb 1-1: new device\ning/' "$d/console" >"$d/cut"
console="$d/cut" dir="$d/logs2" sh "$top/mk/system-logs.sh" >"$d/why2"; rc=$?
check "a line a kernel message cut into is named (exit $rc)" eval '[ $rc = 1 ] && has "$d/why2" "exit3: the console damaged its log"'
sed '/^@tine pass hello$/d' "$d/console" >"$d/lost"
console="$d/lost" dir="$d/logs3" sh "$top/mk/system-logs.sh" >"$d/why3"
check "a lost line is named" has "$d/why3" "pass: the console damaged its log: received 2 lines"
sed '/^@tine-run hang$/,$d' "$d/console" >"$d/short"
console="$d/short" dir="$d/logs4" sh "$top/mk/system-logs.sh" >"$d/why4"; rc=$?
check "a run cut short is named, with the console's last lines (exit $rc)" eval '[ $rc = 1 ] && has "$d/why4" "the run stopped early: no @tine-done line" && has "$d/why4" "    @tine-end segv"'
check "and the tests before the cut keep their statuses" eval 'is "$d/logs4/segv.status" "signal 11" && [ ! -f "$d/logs4/hang.status" ]'

# Boots that fail, on a real kernel.
if [ $# -ge 7 ]; then
    port=$3 kdir=$4 qemu=$5 args=$6 console=$7
    mkdir -p "$d/panic" "$d/mute"
    script_init() { printf '#!/bin/sh\n%s\n' "$2" >"$d/$1/init"; chmod +x "$d/$1/init"; mkdir -p "$d/$1/bin"; cp -L "$kdir/busybox" "$d/$1/bin/busybox"; ln -s busybox "$d/$1/bin/sh"; }
    script_init panic 'exit 0'
    script_init mute 'exec /bin/busybox sleep 1000'
    for k in panic mute; do sh "$top/mk/initramfs.sh" out="$d/$k.cpio" dir="$d/$k" || exit 1; done
    sh "$top/mk/boot.sh" port="$port" kernel="$kdir/kernel" initrd="$d/panic.cpio" log="$d/panic.log" \
        qemu="$qemu" args="$args" console="$console" boot_timeout=120 timeout=180 2>"$d/panic.why"; rc=$?
    check "an init that exits: the boot fails, naming the panic and the console's last lines (exit $rc)" \
        eval '[ $rc = 1 ] && has "$d/panic.why" "Attempted to kill init" && [ "$(wc -l <"$d/panic.why")" -gt 3 ]'
    sh "$top/mk/boot.sh" port="$port" kernel="$kdir/kernel" initrd="$d/mute.cpio" log="$d/mute.log" \
        qemu="$qemu" args="$args" console="$console" boot_timeout=15 timeout=180 2>"$d/mute.why"; rc=$?
    check "an init that never speaks: the boot fails after boot_timeout (exit $rc)" \
        eval '[ $rc = 1 ] && has "$d/mute.why" "did not start /init within 15 s"'
    check "and no qemu is left running" eval '! pgrep -f "$d/mute.cpio" >/dev/null'
fi
[ "$fails" = 0 ]
