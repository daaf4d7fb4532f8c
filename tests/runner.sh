#!/bin/sh
# SPDX-License-Identifier: 0BSD
# tests/runner.sh TOP OUT — the runner itself (mk/run.sh, mk/tine-exec.c),
# on any host: a program the kernel refuses is named, never handed to
# /bin/sh; a port whose probe fails gets no native runner but a reason;
# NATIVE_<port>=no|yes force the answer; TINE_RUNNER and TINE_QEMU_VERSION
# reach the program.
set -u
top=$1 out=$2 bad=0
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
check() {   # what, command...
    what=$1; shift
    if "$@"; then echo "ok   $what"; else echo "FAIL $what"; bad=1; fi
}
exe=$out/host/tine-exec

# A file in no format the kernel knows, marked executable: ENOEXEC, in words.
printf '(this is no program)\n' >"$d/junk" && chmod +x "$d/junk"
"$exe" "$d/junk" >"$d/out" 2>&1; rc=$?
check "ENOEXEC: exit 126 ($rc)" test "$rc" = 126
check "ENOEXEC: named, not a shell's syntax error ($(cat "$d/out"))" \
    sh -c "grep -q 'cannot execute.*ENOEXEC' '$d/out' && ! grep -qi 'syntax error' '$d/out'"
printf '#!/bin/sh\n' >"$d/noexec"
"$exe" "$d/noexec" >"$d/out" 2>&1; rc=$?
check "not executable: exit 126 ($rc)" test "$rc" = 126
check "not executable: named ($(cat "$d/out"))" grep -q 'cannot execute.*EACCES' "$d/out"
"$exe" "$d/missing" >"$d/out" 2>&1; rc=$?
check "missing: exit 127, ENOENT named ($rc: $(cat "$d/out"))" \
    sh -c "test $rc = 127 && grep -q 'cannot execute.*ENOENT' '$d/out'"

# A fake build directory whose i386 "hello" the kernel refuses: the probe
# says so, with the port's own words, and offers no native runner.
mkdir -p "$d/build/i386/examples" "$d/build/host"
cp "$exe" "$d/build/host/tine-exec"
cp "$d/junk" "$d/build/i386/examples/hello"
probe() {   # NATIVE=value: run_native i386 on a pretend x86_64 host; prints yes or the reason
    env NATIVE_i386="$1" sh -c '
        top=$1 out=$2 HOST_ARCH=x86_64 NATIVE_ON_i386="i386 x86_64"
        NATIVE_NO_i386="this kernel does not run 32-bit programs (no IA32 emulation)"
        . "$top/mk/run.sh"
        if run_native i386; then echo yes; else echo "$run_why"; fi' sh "$top" "$d/build"
}
r=$(probe auto)
check "a refused probe: no native runner, the reason given ($r)" \
    sh -c "echo '$r' | grep -q '^skipped: this kernel does not run 32-bit programs (no IA32 emulation)'"
r=$(probe no)
check "NATIVE_i386=no: skipped, saying so ($r)" test "$r" = "skipped: NATIVE_i386=no"
r=$(probe yes)
check "NATIVE_i386=yes: native, no probe ($r)" test "$r" = yes
r=$(env NATIVE_aarch64=no sh -c '
        top=$1 out=$2 HOST_ARCH=x86_64 NATIVE_ON_aarch64=aarch64
        . "$top/mk/run.sh"; run_native aarch64; echo "[$run_why]"' sh "$top" "$d/build")
check "a foreign port has no native runner to skip ($r)" test "$r" = "[]"

# Which qemu runners a port gets: qemu-<port>-static where qemu-<port> is
# missing; a second qemu only when its version differs from the first.
mkdir -p "$d/bin" "$d/q10" "$d/q72"
fakeq() {   # FILE VERSION: a stand-in emulator that only knows --version
    printf '#!/bin/sh\necho "qemu-zz version %s (fake)"\n' "$2" >"$1" && chmod +x "$1"
}
fakeq "$d/bin/qemu-zz-static" 7.2.1
fakeq "$d/q10/qemu-zz" 10.0.13
fakeq "$d/q72/qemu-zz" 7.2.9
runners() { # QEMU_TRIXIE: run_runners zz with only $d/bin on PATH
    env PATH="$d/bin:/usr/bin:/bin" QEMU_TRIXIE="$1" sh -c '
        top=$1 out=$2 HOST_ARCH=x86_64; . "$top/mk/run.sh"
        run_runners zz; echo "$run_list"' sh "$top" "$d/build"
}
r=$(runners "$d/q10")
check "qemu-zz-static taken when qemu-zz is missing, and a second version added ($r)" \
    test "$r" = "qemu-7.2=qemu=$d/bin/qemu-zz-static=7.2.1 qemu-10.0=qemu=$d/q10/qemu-zz=10.0.13"
r=$(runners "$d/q72")
check "a second qemu of the same version is not run twice ($r)" \
    test "$r" = "qemu-7.2=qemu=$d/bin/qemu-zz-static=7.2.1"

# What a program is told about its runner.
cat >"$d/envtest" <<'SH'
#!/bin/sh
echo "$TINE_RUNNER ${TINE_QEMU_VERSION:-none} $FOO $*"
SH
chmod +x "$d/envtest"
r=$(sh -c 'top=$1 out=$2; . "$top/mk/run.sh"; run_prog native=native== FOO=1 "$3" a b' sh "$top" "$d/build" "$d/envtest")
check "native: TINE_RUNNER=native, extra environment and arguments passed ($r)" test "$r" = "native none 1 a b"
r=$(sh -c 'top=$1 out=$2; . "$top/mk/run.sh"; run_prog qemu-9.9=binfmt=/x=9.9.1 FOO=2 "$3"' sh "$top" "$d/build" "$d/envtest")
check "binfmt: TINE_RUNNER=qemu with the emulator's version ($r)" test "$r" = "qemu 9.9.1 2 "
[ $bad = 0 ] && echo "PASS: runner"
exit $bad
