#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/size.sh TOP OUT HOST_ARCH "PORTS" — the second table of `make size`.
#
# bench/'s three size workloads: hello (one write), one thread + join +
# print (a formatted line), fork + wait. tine's build on every port in
# PORTS (already built by `make size`), then on an x86_64 host the raw
# floor, glibc and musl, all static and stripped, and issue 7's targets
# for tine on x86_64.
#
# Flags: -Os everywhere; tine and the floor with `tine-cc --tiny`, the
# profile for size (-Os, no stack protector, no tracer, no overflow handler
# unless the program clones, stripped: tine-cc's defaults add the canary
# set-up and __stack_chk_fail, the overflow handler to every program and
# the TINE_TRACE tracer to programs that clone or wait); glibc and musl as
# Debian's gcc and musl-gcc build by default (no stack protector either).
# Every build is stripped alike, section headers too (mk/bench-cc.sh's
# bench_strip).
set -u
top=$1 out=$2 host=$3 ports=$4
. "$top/mk/bench-cc.sh"
bo=$out/bench/size
others=''
[ "$host" = x86_64 ] && others='floor glibc musl'
gnu_strip=''

# size IMPL ARCH W: stripped bytes of one build, or "-" if it does not build.
size() {
    sz_bin=$bo/$2/$3.$1 sz_flags='-Os'
    [ "$1" = tine ] && sz_flags='--tiny'
    # shellcheck disable=SC2086
    if ! bench_build "$1" "$2" "size-$3" "$sz_bin" $sz_flags >"$sz_bin.log" 2>&1; then
        printf '%9s' -
        return
    fi
    sz_how=$(bench_strip "$sz_bin" "$sz_bin.stripped") || { printf '%9s' -; return; }
    [ "$sz_how" = strip ] && gnu_strip="$gnu_strip $1"
    printf '%9d' "$(wc -c < "$sz_bin.stripped")"
}

# target W BYTES: issue 7's bound for tine on x86_64.
target() {
    case $1 in hello) b=512 ;; thread) b=2048 ;; fork) b=1024 ;; esac
    if [ "$2" = - ]; then printf '  <= %d: not built' "$b"
    elif [ "$2" -le "$b" ]; then printf '  <= %d: met' "$b"
    else printf '  <= %d: MISSED by %d' "$b" $(($2 - b)); fi
}

mkdir -p "$bo"
for p in $ports x86_64; do mkdir -p "$bo/$p"; done
echo
echo "size workloads (bench/), bytes with symbols and section headers stripped: tine on every port,"
echo "tine-cc --tiny (-Os, no stack protector, no tracer, no overflow handler unless the program clones);"
[ -n "$others" ] && echo "x86_64 floor (bare syscalls, tine-cc), glibc (gcc -static -Os), musl (musl-gcc -static -Os)"
printf '%-18s' 'bytes'
for p in $ports; do printf '%9s' "$p"; done
for o in $others; do printf '%9s' "$o"; done
[ -n "$others" ] && case " $ports " in *' x86_64 '*) printf '  %s' 'tine x86_64 target' ;; esac
echo
for w in hello thread fork; do
    case $w in
        hello) printf '%-18s' 'hello' ;;
        thread) printf '%-18s' 'thread+join+print' ;;
        fork) printf '%-18s' 'fork+wait' ;;
    esac
    for p in $ports; do size tine "$p" "$w"; done
    for o in $others; do size "$o" x86_64 "$w"; done
    if [ -n "$others" ]; then
        case " $ports " in
            *' x86_64 '*) f=$bo/x86_64/$w.tine.stripped
                          target "$w" "$([ -f "$f" ] && wc -c < "$f" || echo -)" ;;
        esac
    fi
    echo
done
[ -n "$gnu_strip" ] &&
    echo "(stripped with llvm-objcopy --strip-all --strip-sections, but for$(echo "$gnu_strip" | tr ' ' '\n' | sort -u | tr '\n' ' ')with binutils' strip, section headers kept: llvm-objcopy 14 refuses static glibc)"
exit 0
