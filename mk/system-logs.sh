#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/system-logs.sh — the per-test logs of a `make check-system` boot, out
# of the machine's console log.
#
#   console=LOG dir=DIR sh mk/system-logs.sh
#
# tests/system/init.c, the booted kernel's first process, runs the tests
# and re-emits each line a test writes as `@tine <test> <line>`, between
# `@tine-run <test>` and `@tine-end <test> exit=N|signal=N|timeout=S
# lines=N bytes=N ms=N`, and ends with `@tine-done <count> ms=N`; kernel
# messages may come in between (its header has the whole format). This
# writes, in DIR:
#   <test>.log     the test's own lines, as it wrote them
#   <test>.status  its exit status (a number), `signal N` or `timeout`;
#                  none when the run stopped during the test
#   times          `<test> <ms>`, one line per test, in the order run
#   init.log       init's own lines (@tine-boot, @tine-init, @tine-done)
# and prints init's reports (a mount that failed, ...), then one line.
# A test's lines and bytes are checked against the counts init sent with
# them: a kernel message that landed inside a line, or a lost line, is
# named. The console's \r before each newline (the tty's) is dropped, and
# so are the terminal's escape sequences (a firmware's screen clearing).
#
# Exit status: 0 when the run completed and every log came whole; 1 when
# it stopped early (no @tine-done: the last 20 console lines are printed)
# or a log was damaged; 2 for a missing console log.
set -u
: "${console:?}" "${dir:?}"
[ -r "$console" ] || { echo "system-logs: no console log $console" >&2; exit 2; }
mkdir -p "$dir" || exit 2
rm -f "$dir"/*.log "$dir"/*.status "$dir/times"
LC_ALL=C awk -v dir="$dir" '
    function say(msg) { print "system-logs: " msg; bad = 1 }
    # The firmware clears the screen (SeaBIOS: ESC c, ESC [2J) and may leave
    # its last words ("Booting from ROM..") on the line init starts on.
    { sub(/\r$/, ""); gsub(/\033(\[[0-9;?]*[A-Za-z]|c)/, ""); sub(/^.*@tine-boot /, "@tine-boot "); tail[NR % 20] = $0 }
    /^@tine-boot / || /^@tine-init / || /^@tine-done / { print > (dir "/init.log") }
    /^@tine-boot / { booted = 1; release = $2; machine = $3; uptime = $NF; sub(/.*=/, "", uptime); next }
    /^@tine-init / { print "init: " substr($0, 12); next }
    /^@tine-run / {
        if (running != "") say(running ": no end line before " $2 " started (console damaged)")
        running = ""
        if ($2 !~ /^[A-Za-z0-9._+-]+$/ || NF != 2) { say("a damaged run line: " $0); next }
        running = $2; lines = bytes = 0
        printf "" > (dir "/" running ".log")
        next
    }
    /^@tine / {
        name = $2; text = substr($0, length(name) + 8)
        if (name != running) { say("a line of " name " outside its run (console damaged): " $0); next }
        print text > (dir "/" name ".log")
        lines++; bytes += length(text) + 1
        next
    }
    /^@tine-end / {
        name = $2
        if (name != running) { say("an end line for " name " outside its run (console damaged): " $0); next }
        for (i = 3; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
        status = f["exit"] ~ /^[0-9]+$/ ? f["exit"] : f["signal"] ~ /^[0-9]+$/ ? "signal " f["signal"] : \
                 f["timeout"] ~ /^[0-9]+$/ ? "timeout" : ""
        if (status == "") say(name ": an end line with no status (console damaged): " $0)
        else print status > (dir "/" name ".status")
        if (f["lines"] != lines || f["bytes"] != bytes)
            say(name ": the console damaged its log: received " lines " lines, " bytes " bytes; init sent " \
                f["lines"] " lines, " f["bytes"] " bytes (a kernel message inside a line?)")
        print name, f["ms"] > (dir "/times")
        close(dir "/" name ".status")
        close(dir "/" name ".log"); running = ""
        ended++; split("", f)
        next
    }
    /^@tine-done / { done = 1; count = $2; ms = $3; sub(/.*=/, "", ms); next }
    END {
        if (!booted) say("init did not start the tests: no @tine-boot line")
        if (running != "") say("the run stopped during " running)
        if (!done) {
            say("the run stopped early: no @tine-done line; the console ended with:")
            for (i = NR - 19; i <= NR; i++) if (i > 0 && (i % 20) in tail) print "    " tail[i % 20]
        } else if (count != ended) say("init ran " count " tests, " ended " came back whole")
        if (booted && done)
            printf "system-logs: %d tests run on Linux %s (%s); init started %.1f s after boot, the tests took %.1f s\n",
                   ended, release, machine, uptime / 1000, ms / 1000
        exit bad
    }' "$console"
