#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/bench.sh TOP OUT HOST_ARCH QUICK MAKE — `make bench`.
#
# Each workload of bench/ exists in four builds (mk/bench-cc.sh): the raw
# floor, tine, glibc and musl. They run interleaved, floor tine glibc musl,
# floor tine glibc musl, ... (each round starting one further along, so
# that no build always follows the same one), natively and under
# qemu-x86_64 and qemu-aarch64. Every program times itself with
# CLOCK_MONOTONIC around N iterations and prints nanoseconds per
# iteration (bench/many: per thread joined, then RSS bytes per thread;
# tine's also the RSS and mapped bytes left after the burst, and the stack
# cache's budget, which the mapped bytes must not exceed).
#
# Printed per runner and workload: the median of each build, and ratios
# paired per round (each round's tine/floor, ..., then their median): the
# machine's noise moves a whole round together, and a ratio within a
# round cancels most of it. Targets (issue 7) are checked on the way.
# QUICK=1: fewer rounds and iterations, 10,000 threads instead of 30,000.
# W="many thread": only those workloads (the others' rows say "not measured").
set -u
top=$1 out=$2 host=$3 quick=${4:-0} make=${5:-make} only=${6:-}
bo=$out/bench
start=$(date +%s)
. "$top/mk/bench-cc.sh"

if [ "$quick" = 1 ]; then rounds=7 many_rounds=3; else rounds=25 many_rounds=5; fi

# Runners: name, the port whose binaries it runs, the emulator (- for none).
runners=''
case $host in x86_64|aarch64) runners="native:$host:-" ;; esac
runners="$runners qemu-x86_64:x86_64:qemu-x86_64 qemu-aarch64:aarch64:qemu-aarch64"

# The workloads each runner runs. 30,000 threads are measured natively
# only: under qemu-user each guest thread is a host thread of qemu's, and
# the RSS would be qemu's.
workloads() {
    case $1 in native) set -- thread fork vfork many ;; *) set -- thread fork vfork ;; esac
    for w; do
        case " ${only:-$w} " in *" $w "*) echo "$w" ;; esac
    done
}
for w in $only; do
    case $w in thread|fork|vfork|many) ;; *) echo "bench: W=$w: no such workload (thread fork vfork many)"; exit 2 ;; esac
done

# Iterations per run, for runner:workload: each run takes 0.03-0.3 s on a
# 2-core VM (30,000 threads: 2-3 s).
iters() {
    case $quick:$1 in
        0:native:thread) echo 2000 ;;          1:native:thread) echo 1000 ;;
        0:native:many) echo 30000 ;;           1:native:many) echo 10000 ;;
        0:native:*) echo 1000 ;;               1:native:*) echo 300 ;;
        0:qemu-x86_64:thread) echo 300 ;;      1:qemu-x86_64:thread) echo 100 ;;
        0:qemu-aarch64:thread) echo 100 ;;     1:qemu-aarch64:thread) echo 40 ;;
        0:qemu-*) echo 100 ;;                  1:qemu-*) echo 30 ;;
    esac
}

# ---- build: tine for both ports, then every workload in every build ----------

echo "== bench: building (tine for x86_64 and aarch64; floor, tine, glibc, musl)"
for arch in x86_64 aarch64; do
    $make -s -C "$top" ARCH="$arch" O="$out" all || { echo "bench: tine did not build for $arch"; exit 1; }
done
mkdir -p "$bo"
musl_aarch64 "$bo/musl-aarch64" || echo "bench: no musl for aarch64: $musl_aarch64_why"
for arch in x86_64 aarch64; do
    for w in thread fork vfork many; do
        for impl in $BENCH_IMPLS; do
            [ "$impl:$arch" = musl:aarch64 ] && [ -n "$musl_aarch64_why" ] && continue
            bench_build "$impl" "$arch" "$w" "$bo/$arch/$w.$impl" -O2 -Wall ||
                { echo "bench: $impl $w for $arch did not build"; exit 1; }
        done
    done
done

# ---- run, interleaved ----------------------------------------------------------

res=$bo/results.txt
: > "$res"
printf '== bench: %d rounds (%s threads: the first %d), interleaved; round ' "$rounds" \
    "$([ "$quick" = 1 ] && echo 10,000 || echo 30,000)" "$many_rounds"
r=1
while [ "$r" -le "$rounds" ]; do
    for spec in $runners; do
        runner=${spec%%:*} rest=${spec#*:}
        arch=${rest%%:*} emu=${rest#*:}
        for w in $(workloads "$runner"); do
            [ "$w" = many ] && [ "$r" -gt "$many_rounds" ] && continue
            n=$(iters "$runner:$w")
            # This round's order: floor tine glibc musl, turned r places.
            set -- $BENCH_IMPLS
            k=$((r % 4))
            while [ "$k" -gt 0 ]; do x=$1; shift; set -- "$@" "$x"; k=$((k - 1)); done
            for impl in "$@"; do
                bin=$bo/$arch/$w.$impl
                [ -x "$bin" ] || continue
                if [ "$emu" = - ]; then set -- "$bin"; else set -- "$emu" "$bin"; fi
                if v=$(timeout -k 5 120 "$@" "$n" 2>>"$bo/errors.log") && [ -n "$v" ]; then
                    echo "$runner $w $impl $r $v" >> "$res"
                else
                    echo "bench: $runner $w $impl failed in round $r (see $bo/errors.log)" >&2
                fi
            done
        done
    done
    printf '%d ' "$r"
    r=$((r + 1))
done
echo

# ---- report -------------------------------------------------------------------

awk -v runners="$runners" -v musl_why="$musl_aarch64_why" -v quick="$quick" '
{ k = $1 SUBSEP $2 SUBSEP $3 SUBSEP $4; v[k] = $5; if (NF > 5) m[k] = $6
  if (NF > 8) { after_rss[k] = $7; after_vm[k] = $8; budget[k] = $9 }
  if ($4 > nr) nr = $4 }

function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n == 0 ? -1 : n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
# The median of one build (x: v or m, the second value).
function med(run, w, impl, second,   r, n, a, k) {
    n = 0
    for (r = 1; r <= nr; r++) {
        k = run SUBSEP w SUBSEP impl SUBSEP r
        if (second ? (k in m) : (k in v)) a[++n] = second ? m[k] : v[k]
    }
    return median(a, n)
}
# The median over rounds of (a in workload wa) / (b in workload wb), paired
# per round; `spread` is then set to the middle half of those ratios.
function ratio(run, wa, a, wb, b,   r, n, x, ka, kb, m) {
    n = 0
    for (r = 1; r <= nr; r++) {
        ka = run SUBSEP wa SUBSEP a SUBSEP r; kb = run SUBSEP wb SUBSEP b SUBSEP r
        if ((ka in v) && (kb in v) && v[kb] > 0) x[++n] = v[ka] / v[kb]
    }
    m = median(x, n)            # sorts x
    spread = n < 4 ? "" : sprintf(" (rounds %.2f-%.2f)", x[int((n + 3) / 4)], x[n + 1 - int((n + 3) / 4)])
    return m
}
function num(x, fmt) { return x < 0 ? sprintf("%8s", "n/a") : sprintf(fmt, x) }
# A target: the measured value against the bound; counted for the summary.
function target(what, x, bound, sp) {
    if (x < 0) return "  " what ": not measured"
    if (x <= bound) { met++; return sprintf("  %s: met%s", what, sp) }
    missed++
    return sprintf("  %s: MISSED (%.2f)%s", what, x, sp)
}
function row(run, w, label, goal,   s, i, x) {
    s = sprintf("%-22s", label)
    for (i = 1; i <= 4; i++) s = s num(med(run, w, imp[i]) / 1000, "%8.2f ")
    s = s num(ratio(run, w, "tine", w, "floor"), "%7.2f ") num(ratio(run, w, "glibc", w, "floor"), "%7.2f ")
    s = s num(ratio(run, w, "musl", w, "floor"), "%7.2f ") num(ratio(run, w, "tine", w, "glibc"), "%7.2f ")
    s = s num(ratio(run, w, "tine", w, "musl"), "%7.2f ")
    x = ratio(run, w, "tine", w, "floor")       # sets spread
    if (goal != "") s = s target("tine/floor <= " goal, x, goal + 0, spread)
    print s
}
END {
    split("floor tine glibc musl", imp, " ")
    nrun = split(runners, rs, " ")
    for (i = 1; i <= nrun; i++) {
        split(rs[i], f, ":"); run = f[1]
        printf "\n== %s (%s): median microseconds per iteration; ratios paired per round\n", run, f[2]
        if (f[2] == "aarch64" && musl_why != "") print "   musl: n/a (" musl_why ")"
        printf "%-22s%8s %8s %8s %8s %7s %7s %7s %7s %7s\n", "", "floor", "tine", "glibc", "musl",
               "tine/", "glibc/", "musl/", "tine/", "tine/"
        printf "%-22s%36s%7s %7s %7s %7s %7s\n", "", "", "floor", "floor", "floor", "glibc", "musl"
        row(run, "thread", "thread spawn+join", "1.10")
        row(run, "fork", "fork+wait", run == "native" ? "1.05" : "")
        row(run, "vfork", "vfork+wait", "")
        s = sprintf("%-22s", "  vfork / fork floor")
        for (j = 1; j <= 4; j++) s = s num(ratio(run, "vfork", imp[j], "fork", "floor"), "%8.2f ")
        x = ratio(run, "vfork", "tine", "fork", "floor")
        if (run == "native") s = s sprintf("%39s", "") target("tine <= 0.62", x, 0.62, spread)
        print s
        if (run != "native") { print "  (many threads: natively only; under qemu-user each is also a thread of the qemu process)"; continue }
        row(run, "many", (quick ? "10,000" : "30,000") " threads: join", "1.10")
        s = sprintf("%-22s", "  RSS per thread, KiB")
        for (j = 1; j <= 4; j++) s = s num(med(run, "many", imp[j], 1) / 1024, "%8.2f ")
        print s sprintf("%39s", "") target("tine <= 8 KiB", med(run, "many", "tine", 1) / 1024, 8, "")
        # After the burst, tine: the worst round (the most left behind) against the stack cache budget.
        wr = -1; wv = -1; b = -1
        for (r = 1; r <= nr; r++) {
            k = run SUBSEP "many" SUBSEP "tine" SUBSEP r
            if (!(k in after_vm)) continue
            if (after_vm[k] > wv) wv = after_vm[k]
            if (after_rss[k] > wr) wr = after_rss[k]
            b = budget[k]
        }
        if (b >= 0)
            printf "%-22s  tine: RSS +%d KiB, mapped +%d KiB (the most of any round); cache budget %d KiB %s\n",
                   "  left after the burst", wr / 1024, wv / 1024, b / 1024,
                   target("mapped <= budget", wv / 1024, b / 1024, "")
    }
    printf "\n== bench: %d targets met, %d missed\n", met, missed
}' "$res"
echo "== bench: $(($(date +%s) - start)) s; raw results in $res"
