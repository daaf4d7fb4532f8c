# SPDX-License-Identifier: 0BSD
# mk/run.sh — sourced by mk/check.sh, mk/demo.sh and mk/qemu-doc.sh: the
# one place that decides how a port's program runs on this host.
#
# A runner is one way to run a port's binaries:
#   native       the host kernel runs them (the port's own, or i386 on x86_64)
#   qemu-X.Y     under a qemu-user of version X.Y: the installed one
#                (QEMU_<port>, else qemu-<port>, else qemu-<port>-static),
#                and Debian 13's, fetched into the build directory
#                (mk/qemu-fetch.sh), when its version differs
#   binfmt-X.Y   the kernel starts the registered qemu itself (binfmt_misc),
#                in place of the installed qemu, when RUNNER_<port>=binfmt
# Nothing is assumed: a native runner is offered only when a probe (the
# port's examples/hello, run natively) works, and a runner this host cannot
# offer is reported as skipped with the reason, never failed.
#
# Named variables read (the Makefile exports them; all but the first two
# have defaults):
#   top, out             the repository and the build directory (O=)
#   HOST_ARCH            this host's port name
#   NATIVE_ON_<port>     hosts whose kernels may run <port> natively
#   NATIVE_NO_<port>     what the kernel lacks when the probe fails, in words
#   NATIVE_<port>        yes | no | auto (default): force the probe's answer
#   QEMU_<port>          the installed emulator, a name on PATH or a path
#   RUNNER_<port>        binfmt: run through binfmt_misc instead
#   QEMU_TRIXIE          auto (default) | no: the second qemu; or a directory
#                        that holds qemu-<port> binaries. auto on Debian 13
#                        itself: none, the installed one is Debian 13's
#   RUN_TIMEOUT          seconds before a program is killed (default 120)
#
# run_runners PORT sets run_list, one entry per runner offered, each
# LABEL=HOW=EMULATOR=VERSION (HOW is native, qemu or binfmt), and run_skips,
# one line "LABEL<tab>reason" per runner this host cannot offer.
# run_prog ENTRY [NAME=value...] PROGRAM [ARG...] runs one program under one
# runner, with TINE_RUNNER (native or qemu) and TINE_QEMU_VERSION set for it.
# run_want, run_envs and run_verdict read a test's source and judge its run,
# the same for every runner (a booted kernel's included).

run_exec=$out/host/tine-exec
run_tab=$(printf '\t')

# run_get NAME: the value of the variable NAME, or nothing.
run_get() { eval "printf '%s' \"\${$1:-}\""; }

# run_field ENTRY N: the Nth =-separated field of a runner entry.
run_field() { printf '%s' "$1" | cut -d= -f"$2"; }

# run_version EMULATOR: its version, X.Y.Z, from --version; nothing if it has none.
run_version() {
    "$1" --version 2>/dev/null | sed -n '1s/.* version \([0-9][0-9]*\.[0-9][0-9]*[.0-9]*\).*/\1/p'
}

# run_which NAME...: the first NAME that is a path to an executable or a command on PATH.
run_which() {
    for n in "$@"; do
        case $n in
            */*) [ -x "$n" ] && { echo "$n"; return 0; } ;;
            *)   command -v "$n" 2>/dev/null && return 0 ;;
        esac
    done
    return 1
}

# run_native PORT: 0 when this host runs PORT's programs natively; run_why
# says why not. The probe runs once per port and script.
run_native() {
    rn_v=$(run_get "run_native_$1")
    if [ -z "$rn_v" ]; then
        case " $(run_get "NATIVE_ON_$1") " in
            *" $HOST_ARCH "*) rn_v=yes ;;
            *) rn_v="no:" ;;                # a foreign port: no native runner to skip
        esac
        case $rn_v:$(run_get "NATIVE_$1") in
            no:*|yes:yes) ;;
            yes:no) rn_v="no:skipped: NATIVE_$1=no" ;;
            *)  if ! "$run_exec" "$out/$1/examples/hello" >"$out/$1/native-probe.log" 2>&1; then
                    rn_no=$(run_get "NATIVE_NO_$1")
                    rn_v="no:skipped: ${rn_no:-this kernel does not run $1 programs} (probe: $out/$1/native-probe.log)"
                fi ;;
        esac
        eval "run_native_$1=\$rn_v"
    fi
    [ "$rn_v" = yes ] && { run_why=''; return 0; }
    run_why=${rn_v#no:}
    return 1
}

# run_trixie: the directory of Debian 13's qemu-user binaries, fetched once
# into the build directory; fails with run_trixie_why set when it cannot be had.
run_trixie() {
    if [ -z "${run_trixie_dir:-}" ] && [ -z "${run_trixie_why:-}" ]; then
        rt_suite=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release 2>/dev/null)
        case ${QEMU_TRIXIE:-auto}:$rt_suite in
            no:*) run_trixie_why="QEMU_TRIXIE=no" ;;
            auto:trixie)                # the installed qemu-user is Debian 13's already
                  run_trixie_why=same ;;
            auto:*)
                  if run_trixie_dir=$(sh "$top/mk/qemu-fetch.sh" "$out/qemu-trixie" 2>"$out/qemu-trixie.why"); then :
                  else run_trixie_why="Debian 13's qemu-user could not be fetched: $(tail -n 1 "$out/qemu-trixie.why")"
                       run_trixie_dir=""; fi ;;
            *)    run_trixie_dir=$QEMU_TRIXIE ;;
        esac
    fi
    [ -n "${run_trixie_dir:-}" ]
}

# run_runners PORT: run_list and run_skips, as the header says.
run_runners() {
    run_list='' run_skips=''
    if run_native "$1"; then
        run_list="native=native=="
    elif [ -n "$run_why" ]; then
        run_skips="native$run_tab$run_why
"
    fi
    rr_q=$(run_get "QEMU_$1"); rr_q=${rr_q:-qemu-$1}
    rr_path=$(run_which "$rr_q" "$rr_q-static") || rr_path=$rr_q   # missing: each run says so
    rr_ver=$(run_version "$rr_path")
    rr_label=${rr_ver%.*}; rr_label=${rr_label:-missing}  # no version: missing, and each run says so
    if [ "$(run_get "RUNNER_$1")" = binfmt ]; then
        rr_f=/proc/sys/fs/binfmt_misc/qemu-$1
        if [ -r "$rr_f" ] && [ "$(head -n 1 "$rr_f")" = enabled ]; then
            rr_path=$(sed -n 's/^interpreter //p' "$rr_f")
            rr_ver=$(run_version "$rr_path")
            run_list="$run_list binfmt-${rr_ver%.*}=binfmt=$rr_path=$rr_ver"
        else
            run_skips="${run_skips}binfmt$run_tab"'skipped: RUNNER_'"$1"'=binfmt, but the kernel has no enabled binfmt_misc entry qemu-'"$1
"
        fi
    else
        run_list="$run_list qemu-$rr_label=qemu=$rr_path=$rr_ver"
    fi
    if run_trixie; then
        rr_t=$run_trixie_dir/qemu-$1
        rr_tver=$(run_version "$rr_t")
        if [ "${rr_tver%.*}" != "${rr_ver%.*}" ]; then
            run_list="$run_list qemu-${rr_tver%.*}=qemu=$rr_t=$rr_tver"
        fi
    elif [ "$run_trixie_why" != same ]; then
        run_skips="${run_skips}qemu-trixie${run_tab}skipped: $run_trixie_why
"
    fi
    run_list=${run_list# }
}

# run_prog ENTRY [NAME=value...] PROGRAM [ARG...]: PROGRAM under the runner
# ENTRY, killed after RUN_TIMEOUT seconds; its exit status is returned. A
# program that cannot be started at all says why (mk/tine-exec.c).
run_prog() {
    rp_how=$(run_field "$1" 2) rp_emu=$(run_field "$1" 3) rp_ver=$(run_field "$1" 4)
    shift
    rp_env=TINE_RUNNER=native
    [ "$rp_how" = native ] || rp_env="TINE_RUNNER=qemu TINE_QEMU_VERSION=$rp_ver"
    while [ $# -gt 0 ]; do
        case $1 in [A-Za-z_]*=*) rp_env="$rp_env $1"; shift ;; *) break ;; esac
    done
    [ "$rp_how" = qemu ] && set -- "$rp_emu" "$@"
    # shellcheck disable=SC2086     # NAME=value words, none with a space
    timeout -k 5 "${RUN_TIMEOUT:-120}" env $rp_env "$run_exec" "$@"
}

# run_want SOURCE: the exit status a test expects: its `expect: exit N`, else 0
# (a death by signal S is 128 + S, as the shell reports it).
run_want() {
    rw=$(sed -n 's|.*expect: exit \([0-9]*\).*|\1|p' "$1" | head -n 1)
    echo "${rw:-0}"
}

# run_envs SOURCE: the NAME=value words of its ` * env: NAME=value` lines.
run_envs() { sed -n 's|^ \* env: \([A-Z_]*=[^ ]*\)$|\1|p' "$1"; }

# run_verdict LOG STATUS SOURCE: 0 when a test's run passed: STATUS (a number,
# or "timeout") is what it expects, LOG has a PASS summary, no FAIL line and
# every `expect: output` text. Otherwise run_why says what went wrong.
run_verdict() {
    rv_want=$(run_want "$3")
    if [ "$2" = timeout ] || [ "$2" = 124 ] || [ "$2" = 137 ]; then
        run_why="timed out after ${RUN_TIMEOUT:-120} s (log: $1)"
    elif { [ "$2" = 126 ] || [ "$2" = 127 ]; } && grep -q '^cannot execute' "$1"; then
        run_why=$(grep -m1 '^cannot execute' "$1")
    elif [ "$2" != "$rv_want" ]; then
        run_why="exit status $2, expected $rv_want (log: $1)"
    elif grep -q '^FAIL' "$1" || ! grep -q '^PASS:' "$1"; then
        run_why="a check failed or the test stopped early (log: $1)"
    elif ! run_outputs "$1" "$3"; then
        run_why="it did not print \"$run_missing\" (log: $1)"
    else
        return 0
    fi
    return 1
}

# run_outputs LOG SOURCE: 0 when LOG holds the text of each of the source's
# `expect: output TEXT` lines (a test whose verdict is what it prints as it
# dies); run_missing names the first one missing.
run_outputs() {
    ro_list=$(sed -n 's|.*expect: output \(.*[^ ]\) *\*/.*|\1|p' "$2")
    [ -n "$ro_list" ] || return 0
    while IFS= read -r run_missing; do
        grep -qF -- "$run_missing" "$1" || return 1
    done <<EOF
$ro_list
EOF
    return 0
}
