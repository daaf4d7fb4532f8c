#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/stack-report.sh [--check] [--built] TOP OUT "PORTS" MAKE CC CFLAGS — `make stack-report`.
#
# Builds libtine once per port into OUT/<port> with -fstack-usage, so every
# src/*.o gets a .su file beside it (gcc and clang both name it after -o);
# with --built, OUT is a build directory whose ports are built already (the
# Makefile compiles libtine with -fstack-usage: make check's case),
# one line per function: `file:line[:col]:name <TAB> bytes <TAB> qualifier`.
# The call graph comes from the objects: with -ffunction-sections function f
# is alone in section .text.f, and the relocations of .text.f name what it
# calls, as a symbol (g) or as a section symbol (.text.g, meaning g). Every
# function so referenced counts as a callee: calls, and also addresses taken
# (an over-approximation); calls through pointers are not seen. Assembly
# stubs have no .su and count 0 bytes. A path's worst case is the sum of the
# frames along its deepest chain; a cycle makes it unbounded, as does a
# frame the compiler calls `dynamic` (not `dynamic,bounded`).
#
# Prints the largest frames, the worst case of the entry points a user
# meets, and the derivation of TINE_STACK_MIN (include/tine/stack.h).
#
# --check prints two lines, and exits 1 unless HANDLER_BYTES (src/overflow.c)
# covers the overflow handler's worst case on every port, and
#     2 * W <= TINE_STACK_MIN <= 8 KiB
# where W is the worst case, over the ports built, of what a thread needs
# from tine to call tine_printf: thread_start's own frame + tine_printf's
# deepest chain (or thread_start's own chain, if deeper). Twice W leaves the
# user's fn at least as much as tine takes; 8 KiB is DESIGN's ceiling (the
# first seed's 8 KiB clone child must run tine_printf comfortably). A
# port whose pages are larger than TINE_STACK_MIN (port.mk's PAGE:
# sparc64's 8 KiB) gets a page at least for any stack, so there 2 * W is
# held against that page instead.
set -u
check=0; [ "${1:-}" = --check ] && { check=1; shift; }
built=0; [ "${1:-}" = --built ] && { built=1; shift; }
top=$1 out=$2 ports=$3 make=$4 cc=$5 cflags=$6
ceiling=$((8 * 1024))       # DESIGN: TINE_STACK_MIN is at most 8 KiB

# TINE_STACK_MIN's expression, comments and integer suffixes dropped, then
# evaluated by the shell: only digits, operators and parentheses may remain.
min=$(sed -n 's|^#define[[:space:]]*TINE_STACK_MIN[[:space:]]||p' "$top/include/tine/stack.h" |
      sed -e 's|/\*.*||' -e 's|\([0-9]\)[uUlL]*|\1|g' | tr -d '[:space:]')
case $min in
*[!0-9\(\)*+\<-]*|'') echo "stack-report: cannot evaluate TINE_STACK_MIN ($min)"; exit 1 ;;
esac; min=$(($min))
# The overflow handler's own budget on its alternate stack (src/overflow.c).
hb=$(sed -n 's|^#define[[:space:]]*HANDLER_BYTES[[:space:]]*\([0-9]*\).*|\1|p' "$top/src/overflow.c")
[ -n "$hb" ] || { echo "stack-report: cannot read HANDLER_BYTES from src/overflow.c"; exit 1; }

# One fresh build per port: stale objects would keep stale .su files. With
# --built, only a port with an object that has no .su beside it (built
# before the Makefile asked for them) is built again.
for p in $ports; do
    if [ $built = 1 ]; then
        fresh=1
        for o in "$out/$p"/obj/src/*.o; do [ -f "${o%.o}.su" ] || fresh=0; done
        [ $fresh = 1 ] && continue
    fi
    [ $check = 1 ] || echo "== $p: building libtine with $cflags -fstack-usage"
    rm -rf "$out/$p/obj"
    if ! $make -s -C "$top" ARCH="$p" O="$out" CC="$cc" CFLAGS="$cflags" all >&2; then
        echo "stack-report: the $p build failed"; exit 1
    fi
done

# The input of the awk below: per port a `@port` line, every .su line
# prefixed with `@su MEMBER` (its object's name in libtine.a), then
# llvm-readelf's sections, symbols and relocations of libtine.a's members,
# each after a `File: libtine.a(MEMBER)` line. crt0 is left out: not a path.
for p in $ports; do
    echo "@port $p"
    for o in "$out/$p"/obj/src/*.o; do
        [ -f "${o%.o}.su" ] && sed "s|^|@su ${o##*/}	|" "${o%.o}.su"
    done
    # ppc64le's functions carry their local entry point in st_other, which
    # llvm-readelf shows as one more column, "[<other: 0x60>]": dropped, so
    # every port's symbol lines have the same fields.
    llvm-readelf -S -s -r "$out/$p/libtine.a" | sed 's/ \[<other: [^]]*\]//'
done | awk -v check=$check -v ports="$ports" -v hb=$hb -v min=$min -v ceil=$ceiling -v flags="$cflags" \
          -v pages="$(for p in $ports; do printf '%s:%s ' "$p" \
                      "$($make -s -C "$top" ARCH="$p" O="$out" facts | sed -n 's/.*PORT_PAGE=\([0-9]*\).*/\1/p')"; done)" '
BEGIN { np = split(ports, P, " "); n = split(pages, G, " ")
        for (i = 1; i <= n; i++) { split(G[i], f, ":"); eff[f[1]] = f[2] > min ? f[2] : min } }
/^@port /   { p = $2; next }
/^@su /     { split($0, f, "\t"); n = f[2]; sub(/.*:/, "", n); so = substr(f[1], 5)
              su[p, so, n] = f[3]; suq[p, so, n] = f[4]; hassu[p, so] = 1; next }
/^File: /   { o = $2; sub(/.*\(/, "", o); sub(/\)$/, "", o); what = ""; next }
/^Section Headers:/         { what = "sec"; next }
/^Symbol table/             { what = "sym"; next }
/^Relocation section /      { what = "rel"; rs = $3; gsub(/\047/, "", rs)
                              rs = rs ~ /^\.rela?\.text\./ ? substr(rs, index(rs, ".text.")) : ""; next }
what == "sec" && /^ *\[/    { s = $0; sub(/^ *\[ */, "", s); split(s, f, "[] ]+"); sec[p, o, f[1]] = f[2] }
# Functions: FUNC symbols, and global NOTYPE ones in code (labels from nasm).
what == "sym" && $7 ~ /^[0-9]+$/ && ($4 == "FUNC" || $4 == "NOTYPE" && $5 != "LOCAL" && sec[p, o, $7] ~ /^\.text/) {
    node = p SUBSEP ($5 == "LOCAL" ? o : "") SUBSEP $8
    fobj[node] = o; fname[node] = $8; s = sec[p, o, $7]; insec[p, o, s] = node
    if ($5 == "LOCAL") local[p, o, $8] = node; else global[p, $8] = node
}
what == "sym" && NF >= 8 { if ($7 == "UND") undef[p, $8] = 1; else if ($5 != "LOCAL") defd[p, $8] = 1 }
what == "rel" && rs != "" && $1 ~ /^[0-9a-f]+$/ && NF >= 5 { nr++; rp[nr] = p; ro[nr] = o; rfrom[nr] = rs; rto[nr] = $5 }

# frame(n): bytes from the .su entry of n (gcc drops clones numeric suffix:
# symbol format.constprop.0, .su format.constprop); no .su file: assembly.
function frame(n,   k, key, po) {
    k = fname[n]; sub(/\.[0-9]+$/, "", k); po = portof(n) SUBSEP fobj[n]; key = po SUBSEP k
    if (key in su) { if (suq[key] == "dynamic") dyn[n] = 1; return su[key] + 0 }
    if (!(po in hassu)) asm[n] = 1
    else print "stack-report: no .su entry for " fname[n] " in " fobj[n] > "/dev/stderr"
    return 0
}
function portof(n) { return substr(n, 1, index(n, SUBSEP) - 1) }
function show(n,   s) { s = fname[n]; sub(/\..*/, "", s); return s }

# walk(n): cost[n] = frame + deepest callee, nxt[n] = that callee; or
# unb[n] = why it has no bound. onstk marks the chain being walked.
function walk(n,   c, k, i, m, best, j, cyc) {
    if (n in cost || n in unb) return
    onstk[n] = ++depth; stk[depth] = n; best = -1
    k = split(adj[n], c, " ")
    for (i = 1; i <= k; i++) {
        m = c[i]
        if (m in onstk) {
            cyc = ""; for (j = onstk[m]; j <= depth; j++) cyc = cyc show(stk[j]) " -> "
            unb[n] = "recursion: " cyc show(m); continue
        }
        walk(m)
        if (m in unb) { if (!(n in unb)) unb[n] = unb[m]; continue }
        if (cost[m] > best) { best = cost[m]; nxt[n] = m }
    }
    if (dyn[n] && !(n in unb)) unb[n] = "dynamic frame: " show(n)
    if (!(n in unb)) cost[n] = fr[n] + (best < 0 ? 0 : best)
    delete onstk[n]; depth--
}
function chain(n,   s) {
    for (s = ""; n != ""; n = nxt[n]) s = s (s == "" ? "" : " -> ") show(n) " " fr[n] (n in asm ? " (asm)" : "")
    return s
}
function byname(p, name,   n) {
    if ((p, name) in global) return global[p, name]
    for (n in fname) if (portof(n) == p && show(n) == name) return n
    return ""
}
# The cell of one entry point on one port; notes collect the unbounded ones.
function cell(p, name, plus,   n) {
    n = byname(p, name)
    if (n == "") { cells[p, name] = "n/a"; return }
    walk(n)
    if (n in unb) { cells[p, name] = "unbnd*"; notes = notes sprintf("  * %s on %s: unbounded (%s)\n", name, p, unb[n]); return }
    val[p, name] = cost[n]; cells[p, name] = cost[n] plus
}
function row(label, name,   i, s) {
    s = sprintf("  %-30s", label)
    for (i = 1; i <= np; i++) s = s sprintf("%10s", cells[P[i], name])
    return s
}
function head(title,   i, s) {
    s = sprintf("%-32s", title); for (i = 1; i <= np; i++) s = s sprintf("%10s", P[i]); return s
}
END {
    for (n in fname) fr[n] = frame(n)
    for (i = 1; i <= nr; i++) {         # relocations to edges
        p = rp[i]; o = ro[i]; from = insec[p, o, rfrom[i]]; t = rto[i]
        if (from == "") continue
        if ((p, o, t) in insec) { to = insec[p, o, t]; if (to == from) continue }   # jump tables
        else if ((p, o, t) in local) to = local[p, o, t]
        else if ((p, t) in global) to = global[p, t]
        else { if ((p, t) in undef && !((p, t) in defd) && !((p, t) in ext)) { ext[p, t] = 1; extp[t] = extp[t] " " p }; continue }
        if (!((from, to) in edge)) { edge[from, to] = 1; adj[from] = adj[from] " " to }
    }
    for (i = 1; i <= np; i++) {
        p = P[i]
        cell(p, "thread_start", " + fn"); cell(p, "tine_printf"); cell(p, "tine_dprintf")
        cell(p, "tine_snprintf"); cell(p, "__tine_overflow_handler")
        ts = byname(p, "thread_start")
        if (cells[p, "thread_start"] ~ /^[0-9]/ && cells[p, "tine_printf"] ~ /^[0-9]/) {
            c = fr[ts] + val[p, "tine_printf"]; if (val[p, "thread_start"] > c) c = val[p, "thread_start"]
            cells[p, "both"] = c; if (c > worst) { worst = c; wport = p }
            if (2 * c > (p in eff ? eff[p] : min)) short = short " " p      # MIN, or the port page if larger
        } else { cells[p, "both"] = cells[p, "thread_start"] == "n/a" || cells[p, "tine_printf"] == "n/a" ? "n/a" : "unbnd*"; bad = 1 }
    }
    for (i = 1; i <= np; i++)
        if (val[P[i], "__tine_overflow_handler"] > hw) { hw = val[P[i], "__tine_overflow_handler"]; hport = P[i] }
    hok = hw <= hb && cells[hport, "__tine_overflow_handler"] ~ /^[0-9]/
    ok = short == "" && min <= ceil
    wmin = (wport in eff) ? eff[wport] : min                        # what a stack there has at least
    if (wmin > min) wport = wport ", whose " wmin "-byte pages every stack fills at least"
    if (check) {
        if (bad || worst == 0) { print "stack-report: FAIL: thread start + tine_printf has no bound (make stack-report says why)"; exit 1 }
        printf "stack-report: %s: TINE_STACK_MIN = %d, thread start + tine_printf needs %d (%s); want 2 x %d <= MIN (or a larger page) <= %d\n", ok ? "ok" : "FAIL", min, worst, wport, worst, ceil
        printf "stack-report: %s: HANDLER_BYTES = %d, the overflow handler needs %d (%s)\n", hok ? "ok" : "FAIL", hb, hw, hport
        exit !(ok && hok)
    }

    # a) the largest frames: rows by the largest figure any port gives.
    for (n in fname) {
        p = portof(n); s = show(n); q = fname[n]; sub(/\.[0-9]+$/, "", q); q = suq[p, fobj[n], q]
        if ((p, s) in fc && fc[p, s] + 0 >= fr[n]) continue     # two statics, one name
        fc[p, s] = fr[n] (q == "dynamic,bounded" ? "b" : q == "dynamic" ? "d" : "")
        if (fr[n] > big[s]) big[s] = fr[n]
    }
    print "\n" head("largest frames (bytes)")
    for (r = 1; r <= 12; r++) {
        top = ""; for (s in big) if (!(s in used) && (top == "" || big[s] > big[top] || big[s] == big[top] && s < top)) top = s
        if (top == "") break
        used[top] = 1; line = sprintf("  %-30s", top)
        for (i = 1; i <= np; i++) line = line sprintf("%10s", (P[i], top) in fc ? fc[P[i], top] : "-")
        print line
    }
    print "  (b: dynamic,bounded, the figure is the bound; d: dynamic, no bound; -: not there)"

    # b) the entry points, and the chains behind them on the first port.
    print "\n" head("worst case, bytes, from")
    split("thread_start tine_printf tine_dprintf tine_snprintf __tine_overflow_handler", E, " ")
    for (i = 1; i <= 5; i++) print row(E[i] (i == 1 ? " (+ user fn)" : ""), E[i])
    print row("thread_start + tine_printf", "both")
    printf "%s", notes
    for (i = 1; i <= np; i++) if (cells[P[i], "__tine_overflow_handler"] == "n/a") na = na " " P[i]
    if (na != "") print "  __tine_overflow_handler: n/a (not built) on" na
    p = P[1]; print "\ndeepest chains on " p " (bytes per frame):"
    for (i = 1; i <= 5; i++) if ((n = byname(p, E[i])) != "" && !(n in unb))
        printf "  %-24s %s%s\n", E[i] ":", chain(n), E[i] == "thread_start" ? " + user fn" : ""
    if ((n = byname(p, "thread_start")) != "" && cells[p, "both"] ~ /^[0-9]/)
        printf "  %-24s %s\n", "thread_start + printf:", show(n) " " fr[n] " -> [user fn] -> " chain(byname(p, "tine_printf"))
    for (t in extp) print "  " t " is referenced but not in libtine (counted 0) on" (split(extp[t], f, " ") == np ? " every port built" : extp[t])

    # c) TINE_STACK_MIN against the worst case over the ports.
    print ""
    if (bad || worst == 0) { print "TINE_STACK_MIN = " min " bytes; thread start + tine_printf has no bound (see * above)"; exit }
    printf "TINE_STACK_MIN = %d bytes; tine%cs deepest path a thread takes (thread start + tine_printf)\n", min, 39
    printf "needs at most %d bytes (%s); that leaves %d bytes (%.1fx that) for the user%cs own frames.\n", worst, wport, wmin - worst, (wmin - worst) / worst, 39
    printf "Rule (--check): 2 x %d = %d <= TINE_STACK_MIN (or a larger page) <= %d: %s\n", worst, 2 * worst, ceil, ok ? "ok" : "FAILS"
    printf "The overflow handler needs at most %d bytes (%s) besides the kernel%cs signal frame;\n", hw, hport, 39
    printf "its alternate stack gives it HANDLER_BYTES = %d on top of AT_MINSIGSTKSZ: %s\n", hb, hok ? "ok" : "FAILS"
    print ""
    print "Static figures from " flags " -fstack-usage: a function counts every function it references"
    print "(address-taken ones too, an over-approximation); calls through pointers are not seen;"
    print "a static function calling itself leaves no relocation and is not seen either;"
    print "assembly stubs, signal frames and the kernel count 0."
}'
