#!/bin/sh
# SPDX-License-Identifier: 0BSD
# tests/install.sh TOP OUT MAKE — make install as a user meets it: two ports
# (the host's, natively, and aarch64, under qemu-aarch64) installed into a
# temporary DESTDIR, the tree moved elsewhere, then hello and a thread
# program built with the moved tine-cc and aarch64-linux-gnu-tine-cc from
# PATH and run; tests/project built with CMake and with Meson through the
# installed toolchain and cross files, and its own test run by ctest and
# meson test; make uninstall leaves nothing behind. CMake, Meson and Ninja
# are installed for this test only, as the other packages are (mk/deps.sh).
# Prints `ok ...` or `FAIL ...` per check.
set -u
top=$1 out=$2 make=$3
host=${HOST_ARCH:?tests/install.sh runs under make check, which exports HOST_ARCH}
bad=0
check() {   # check WHAT COMMAND...: ok when COMMAND succeeds
    what=$1; shift
    if "$@"; then echo "ok   $what"; else echo "FAIL $what"; bad=1; fi
}
NO_DEPS=${NO_DEPS:-} sh "$top/mk/deps.sh" cmake:cmake meson:meson ninja-build:ninja ||
    { echo "FAIL cmake, meson and ninja are needed (see above)"; exit 1; }
d=$(mktemp -d) || exit 1
trap 'rm -rf "$d"' EXIT
stage=$d/stage moved=$d/elsewhere/tine

for p in "$host" aarch64; do
    # TINE_DEPS_DONE=0: make check ARCH=x86_64 installed only x86_64's packages; aarch64 may need its own.
    check "make install ARCH=$p DESTDIR=... PREFIX=/opt/tine" \
        $make -s -C "$top" O="$out" ARCH="$p" DESTDIR="$stage" PREFIX=/opt/tine TINE_DEPS_DONE=0 install
done
# Every port's CMake and Meson files, not only the two installed above
# (ppc64le, mips64el and the three after them once had none).
for p in "$top"/arch/*/; do
    p=$(basename "$p")
    check "install-files.sh knows port $p" \
        env port="$p" triple="$p-linux" version=0 sh "$top/mk/install-files.sh" "$d/files"
done
mkdir -p "$d/elsewhere" && mv "$stage/opt/tine" "$moved"
PATH=$moved/bin:$PATH
export PATH
check "the moved tree's tine-cc is the one on PATH" [ "$(command -v tine-cc)" = "$moved/bin/tine-cc" ]
cd "$d" || exit 1
check "tine-cc builds hello" tine-cc -Os "$top/examples/hello.c" -o hello
check "which runs natively ($(./hello))" [ "$(./hello)" = "hello from tine" ]
check "aarch64-linux-gnu-tine-cc builds the thread program" \
    aarch64-linux-gnu-tine-cc -Os "$top/examples/threads.c" -o threads
check "which is an aarch64 program" sh -c 'od -An -j18 -N2 -tu2 threads | grep -q " 183"'
qemu-aarch64 ./threads >threads.out 2>&1
check "and runs under qemu-aarch64 ($(tail -n 1 threads.out))" grep -q 'right$' threads.out
check "nothing of the build tree is named by the installed tine-cc" sh -c "! grep -q '$out' '$moved/bin/tine-cc' '$moved/bin/aarch64-linux-gnu-tine-cc'"

# The project, through each build system, for each port.
for p in "$host" aarch64; do
    check "cmake configures tests/project for $p" \
        sh -c "cmake -S '$top/tests/project' -B cm-$p -G Ninja -DCMAKE_TOOLCHAIN_FILE='$moved/share/tine/cmake/$p.cmake' >cm-$p.log 2>&1"
    check "cmake builds it" sh -c "cmake --build cm-$p >>cm-$p.log 2>&1"
    check "ctest runs its test ($p)" sh -c "cd cm-$p && ctest --output-on-failure >>../cm-$p.log 2>&1"
    check "meson sets it up for $p" \
        sh -c "meson setup --cross-file '$moved/share/tine/meson/$p.ini' ms-$p '$top/tests/project' >ms-$p.log 2>&1"
    check "meson compiles it" sh -c "meson compile -C ms-$p >>ms-$p.log 2>&1"
    check "meson test runs its test ($p)" sh -c "meson test -C ms-$p >>ms-$p.log 2>&1"
    [ "$bad" = 0 ] || { tail -n 20 cm-$p.log ms-$p.log 2>/dev/null | sed 's/^/    /'; }
done
check "the program CMake built sums right" sh -c "$([ "$host" = x86_64 ] || echo qemu-$host) ./cm-$host/calc-main | grep -q '= 500500$'"

# make uninstall, for both ports, leaves the prefix empty.
for p in "$host" aarch64; do
    $make -s -C "$top" O="$out" ARCH="$p" DESTDIR="$stage" PREFIX=/opt/tine install >/dev/null
done
for p in aarch64 "$host"; do
    check "make uninstall ARCH=$p" $make -s -C "$top" O="$out" ARCH="$p" DESTDIR="$stage" PREFIX=/opt/tine uninstall
done
check "and nothing is left under the prefix ($(find "$stage/opt/tine" 2>/dev/null | wc -l) entries)" \
    sh -c "[ ! -e '$stage/opt/tine' ] || [ -z \"\$(find '$stage/opt/tine' ! -type d)\" ]"
[ "$bad" = 0 ] && echo "PASS: install"
exit $bad
