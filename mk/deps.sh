#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/deps.sh — make sure the Debian packages a target needs are installed.
#
#   mk/deps.sh PACKAGE:PROBE[|PROBE...] ...
#
# Each argument names a Debian package and what proves it is there: a
# command on PATH, or an absolute path to a file; with several probes
# separated by |, any one will do. Missing packages are installed with
# apt-get when we run as root; otherwise the exact command is printed, in a
# form that works on this machine (sudo where there is sudo), and we stop,
# so a newcomer is never left guessing.
#
# NO_DEPS=1 (a build chroot, a packager's sandbox): apt-get is never called;
# what is missing is named, and the build goes on to fail or not by itself.
set -eu

missing=""
for spec in "$@"; do
    pkg=${spec%%:*}
    found=0
    for probe in $(printf '%s' "${spec#*:}" | tr '|' ' '); do
        case $probe in
            /*) [ -e "$probe" ] && found=1 ;;
            *)  command -v "$probe" >/dev/null 2>&1 && found=1 ;;
        esac
    done
    [ "$found" = 1 ] && continue
    case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0

cmd="apt-get install -y --no-install-recommends$missing"
if [ "${NO_DEPS:-}" = 1 ]; then
    echo "tine: NO_DEPS=1: not installing the missing Debian packages:$missing" >&2
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "tine: missing Debian packages:$missing" >&2
    if command -v sudo >/dev/null 2>&1; then
        echo "tine: install them with:  sudo apt-get update && sudo $cmd" >&2
    else
        echo "tine: install them as root, e.g.:  su -c 'apt-get update && $cmd'" >&2
    fi
    echo "tine: (or make NO_DEPS=1 to go on without them)" >&2
    exit 1
fi
echo "tine: installing missing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; a stale list can name versions
# the archive no longer has. Refresh once, then install. Another apt (an
# unattended upgrade, a second make) may hold dpkg's lock: wait for it
# rather than fail every target.
apt-get update -qq -o DPkg::Lock::Timeout=300 </dev/null >&2
# dpkg's own progress is no use to a newcomer: it goes to a log, shown on failure.
log=$(mktemp) || exit 1
# shellcheck disable=SC2086
if ! apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends $missing </dev/null >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    echo "tine: apt-get install failed" >&2
    exit 1
fi
rm -f "$log"
echo "tine: installed:$missing" >&2
