# SPDX-License-Identifier: 0BSD
# mk/tally.sh — sourced by mk/check.sh and mk/check-system.sh: the counts,
# the per-port table of runners and the closing line, the same for both.
#
# tally_start DIR: counts to zero; the table's cells go into DIR.
# pass; fail PORT RUNNER NAME WHY [LOG]: one result (a failure prints one
# line, and LOG's FAIL lines); skip PORT RUNNER NAME-OR-COUNT WHY: results
# that could not be had; cell PORT RUNNER closes a table cell.
# tally_end WHAT: the table, the skipped runners with their reasons, how
# long WHAT took, and `N passed, N failed, N skipped`; returns 0 when
# nothing failed.

tally_start() {
    passed=0 failed=0 skipped=0
    tally_t0=$(date +%s)
    mkdir -p "$1"
    cells=$1/check.cells skips=$1/check.skips
    : >"$cells"; : >"$skips"
    cell_pass=0 cell_fail=0 cell_skip=0
}

fail() {    # port runner name why [log]
    failed=$((failed + 1)) cell_fail=$((cell_fail + 1))
    echo "FAIL $3 [$1, $2]: $4"
    [ -n "${5:-}" ] && [ -f "$5" ] && grep -E '^FAIL|^tine:|^cannot execute' "$5" | head -8 | sed 's/^/    /'
}
pass() { passed=$((passed + 1)) cell_pass=$((cell_pass + 1)); }
skip() {    # port runner name-or-count why
    case $3 in *[!0-9]*) n=1 ;; *) n=$3 ;; esac
    skipped=$((skipped + n)) cell_skip=$((cell_skip + n))
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$n" "$4" >>"$skips"
}
cell() {    # port runner: close a table cell
    if [ $((cell_pass + cell_fail)) = 0 ] && [ "$cell_skip" -gt 0 ]; then t=skipped
    else
        t="$cell_pass ok"
        [ "$cell_fail" = 0 ] || t="$t, $cell_fail FAIL"
        [ "$cell_skip" = 0 ] || t="$t, $cell_skip skipped"
    fi
    [ "$cell_pass$cell_fail$cell_skip" = 000 ] || printf '%s\t%s\t%s\n' "$1" "$2" "$t" >>"$cells"
    cell_pass=0 cell_fail=0 cell_skip=0
}

tally_end() {
    # The table: one row per port, one column per runner (build first, native, then each qemu,
    # the booted kernel last).
    echo
    awk -F '\t' '
        function rank(c,  v) {              # build, native, each qemu by version, the rest
            if (c == "build") return 0
            if (c == "native") return 1
            if (c ~ /^(qemu|binfmt)-[0-9]/) { v = c; sub(/^[a-z]*-/, "", v); split(v, x, "."); return 2 + x[1] / 100 + x[2] / 10000 }
            return 4
        }
        { if (!($1 in seen)) { seen[$1] = 1; rows[++nr] = $1 }
          if (!($2 in col)) { col[$2] = 1; cols[++nc] = $2 }
          cell[$1, $2] = $3 }
        END {
            for (i = 2; i <= nc; i++)       # insertion sort by rank, stable
                for (j = i; j > 1 && rank(cols[j - 1]) > rank(cols[j]); j--) { t = cols[j]; cols[j] = cols[j - 1]; cols[j - 1] = t }
            printf "%-8s", "port"; for (c = 1; c <= nc; c++) printf "  %-18s", cols[c]; printf "\n"
            for (r = 1; r <= nr; r++) {
                printf "%-8s", rows[r]
                for (c = 1; c <= nc; c++) printf "  %-18s", ((rows[r], cols[c]) in cell) ? cell[rows[r], cols[c]] : "-"
                printf "\n"
            }
        }' "$cells"
    if [ -s "$skips" ]; then
        echo "skipped (runners this host cannot offer, or nothing to compare with):"
        awk -F '\t' '      # one line per runner and reason, its ports and count
            { k = $2 "\t" $4; if (!(k in n)) order[++m] = k; n[k] += $3; p[k] = p[k] (p[k] ? ", " : "") $1 }
            END { for (i = 1; i <= m; i++) { split(order[i], f, "\t")
                      printf "  %s on %s: %s (%d)\n", f[1], p[order[i]], f[2], n[order[i]] } }' "$skips"
    fi
    echo "(make $1 took $(( $(date +%s) - tally_t0 )) s)"
    echo "$passed passed, $failed failed, $skipped skipped"
    [ "$failed" = 0 ]
}
