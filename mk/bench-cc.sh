# SPDX-License-Identifier: 0BSD
# mk/bench-cc.sh — sourced by mk/bench.sh and mk/size.sh: how each of the
# four builds of a bench/ program is compiled, for x86_64 and aarch64.
#
#   floor   bench/floor/W.c with tine-cc --tiny (no stack protector, no
#           overflow handler): only tine_syscallN and the port's
#           clone/vfork stubs are called
#   tine    bench/tine/W.c with tine-cc (the stack protector as tine-cc
#           gives it, unless the caller passes -fno-stack-protector)
#   glibc   bench/libc/W.c static against Debian's glibc (gcc, or
#           aarch64-linux-gnu-gcc with libc6-dev-arm64-cross)
#   musl    bench/libc/W.c static against musl: musl-gcc (musl-tools) on
#           x86_64; on aarch64 the cross gcc with the specs file of
#           Debian's musl-dev:arm64, unpacked into the build directory
#           (musl_aarch64 below), since Debian ships no musl cross package
#
# The libc builds see the kernel's UAPI headers after their own
# (-idirafter), for <linux/futex.h>: musl-gcc hides /usr/include.
# Callers set: top (the repository), out (the build directory, O=).

BENCH_IMPLS='floor tine glibc musl'
musl_aarch64_why=''             # non-empty: why there is no musl for aarch64

# musl_aarch64 DIR: a musl sysroot for aarch64 in DIR, from the Debian
# archive's musl-dev:arm64 and musl:arm64 (downloaded with apt-get into
# DIR, never installed: the machine's dpkg architectures are left alone).
musl_aarch64() {
    d=$1                        # (a name no caller uses)
    [ -f "$d/musl-gcc.specs" ] && return 0
    rm -rf "$d" && mkdir -p "$d/apt/lists/partial" "$d/apt/cache/archives/partial" "$d/deb" "$d/root"
    set -- -o APT::Architecture=arm64 -o APT::Architectures::=arm64 \
           -o Dir::State::Lists="$d/apt/lists" -o Dir::Cache="$d/apt/cache" \
           -o Dir::State::Status=/dev/null -o Debug::NoLocking=1 -o APT::Sandbox::User=root
    if ! apt-get "$@" update >"$d/apt.log" 2>&1 ||
       ! (cd "$d/deb" && apt-get "$@" download musl-dev:arm64 musl:arm64) >>"$d/apt.log" 2>&1; then
        musl_aarch64_why="musl-dev:arm64 could not be downloaded from the Debian archive (see $d/apt.log)"
        return 1
    fi
    for f in "$d"/deb/*.deb; do dpkg -x "$f" "$d/root" || return 1; done
    # Debian's specs file, with its absolute paths moved into DIR/root.
    sed "s|/usr/|$d/root/usr/|g" "$d/root/usr/lib/aarch64-linux-musl/musl-gcc.specs" > "$d/musl-gcc.specs.tmp" &&
        mv "$d/musl-gcc.specs.tmp" "$d/musl-gcc.specs"
}

# bench_cc IMPL ARCH: the compiler command for one build (no -O, no -o).
bench_cc() {
    case $1:$2 in
        floor:*)          echo "$out/$2/tine-cc --tiny" ;;
        tine:*)           echo "$out/$2/tine-cc" ;;
        glibc:x86_64)     echo "gcc -static" ;;
        glibc:aarch64)    echo "aarch64-linux-gnu-gcc -static" ;;
        musl:x86_64)      echo "musl-gcc -static -idirafter $out/x86_64/uapi" ;;
        musl:aarch64)     echo "aarch64-linux-gnu-gcc -specs $out/bench/musl-aarch64/musl-gcc.specs -static -idirafter $out/aarch64/uapi" ;;
        *)                return 1 ;;
    esac
}

# bench_src IMPL W: the source of workload W for IMPL.
bench_src() {
    case $1 in
        glibc|musl) echo "$top/bench/libc/$2.c" ;;
        *)          echo "$top/bench/$1/$2.c" ;;
    esac
}

# bench_build IMPL ARCH W BIN FLAGS...: compile when BIN is missing or older
# than its source, the headers beside it, or the port's libtine and crt0.
# Prints nothing unless the compiler does; returns its status.
bench_build() {
    # Shell functions share their caller's variables: these names are bb_'s own.
    bb_impl=$1 bb_arch=$2 bb_bin=$4
    bb_src=$(bench_src "$1" "$3")
    bb_cc=$(bench_cc "$1" "$2") || return 1
    shift 4
    if [ -f "$bb_bin" ]; then
        bb_stale=0
        for bb_dep in "$bb_src" "$(dirname "$bb_src")"/*.h "$(dirname "$bb_src")"/../loop.h "$out/$bb_arch/libtine.a" "$out/$bb_arch/crt0.o" "$out/$bb_arch/linker.ld" "$out/$bb_arch/tine-cc"; do
            [ -e "$bb_dep" ] && [ "$bb_dep" -nt "$bb_bin" ] && bb_stale=1
        done
        [ "$bb_stale" = 0 ] && return 0
    fi
    mkdir -p "$(dirname "$bb_bin")"
    # shellcheck disable=SC2086
    $bb_cc "$@" -o "$bb_bin.tmp" "$bb_src" && mv "$bb_bin.tmp" "$bb_bin"
}

# bench_strip IN OUT: everything a loader never reads goes, section headers
# included (llvm-objcopy --strip-all --strip-sections, what `tine-cc -s`
# does), the same for every build; binutils' strip where llvm-objcopy 14
# refuses a file (glibc's static binaries: ".rela.plt is not a symbol table").
# Prints "strip-sections" or "strip", whichever did it.
bench_strip() {
    if llvm-objcopy --strip-all --strip-sections "$1" "$2" 2>/dev/null; then
        echo strip-sections
    elif strip -o "$2" "$1" 2>/dev/null; then
        echo strip
    else
        return 1
    fi
}
