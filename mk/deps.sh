#!/bin/sh
# mk/deps.sh — make sure the Debian packages a target needs are installed.
#
#   mk/deps.sh PACKAGE:PROBE ...
#
# Each argument names a Debian package and a probe that proves it is there:
# a command on PATH, or an absolute path to a file. Missing packages are
# installed with apt-get when we run as root; otherwise the exact command is
# printed and we stop, so a newcomer is never left guessing.
set -eu

missing=""
for spec in "$@"; do
    pkg=${spec%%:*}
    probe=${spec#*:}
    case $probe in
        /*) [ -e "$probe" ] && continue ;;
        *)  command -v "$probe" >/dev/null 2>&1 && continue ;;
    esac
    case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" != 0 ]; then
    echo "tine: missing Debian packages:$missing" >&2
    echo "tine: install them with:  sudo apt-get update && sudo $cmd" >&2
    exit 1
fi
echo "tine: installing missing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; a stale list can name versions
# the archive no longer has. Refresh once, then install.
apt-get update -qq </dev/null >&2
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing </dev/null >&2
