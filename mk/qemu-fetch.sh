#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/qemu-fetch.sh DIR — Debian 13's qemu-user (trixie), unpacked into DIR.
#
# Users have every qemu-user from 7.2 (Debian 12) to 10.x (Debian 13,
# Fedora), and they differ in which clones they take; `make check` runs the
# suite under the installed one and under this one. Debian 13's qemu-user
# package is statically linked, so it runs here unpacked: it is fetched
# with `apt-get download` through a throw-away apt configuration in DIR
# (the trixie suite, Debian's own keyring) and unpacked with `dpkg-deb -x`.
# Nothing is installed; the system's sources and dpkg are left alone.
#
# Prints the directory holding qemu-<arch> on success. On failure prints
# one line saying why to stderr and exits 1. A second call reuses DIR.
set -u
d=${1:?usage: mk/qemu-fetch.sh DIR}
mkdir -p "$d" && d=$(cd "$d" && pwd) || exit 1
bin=$d/root/usr/bin
if [ -x "$bin/qemu-x86_64" ]; then echo "$bin"; exit 0; fi

why() { echo "qemu-fetch: $* (see $d/apt.log)" >&2; exit 1; }
command -v apt-get >/dev/null 2>&1 || { echo "qemu-fetch: no apt-get on this host" >&2; exit 1; }
arch=$(dpkg --print-architecture 2>/dev/null) || why "no dpkg on this host"
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
rm -rf "$d" && mkdir -p "$d/apt/lists/partial" "$d/apt/cache/archives/partial" "$d/deb" || exit 1
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" >"$d/sources.list"
set -- -o Dir::Etc::SourceList="$d/sources.list" -o Dir::Etc::SourceParts=/dev/null \
       -o Dir::State::Lists="$d/apt/lists" -o Dir::Cache="$d/apt/cache" \
       -o Dir::State::Status=/dev/null -o Debug::NoLocking=1 -o APT::Sandbox::User=root \
       -o APT::Architecture="$arch" -o APT::Architectures::="$arch" \
       -o Acquire::Retries=2 -o Acquire::http::Timeout=30
apt-get "$@" update >"$d/apt.log" 2>&1 || why "the trixie package lists could not be fetched from $mirror"
(cd "$d/deb" && apt-get "$@" download qemu-user) >>"$d/apt.log" 2>&1 ||
    why "qemu-user could not be downloaded from trixie"
dpkg-deb -x "$d"/deb/qemu-user_*.deb "$d/root" || why "the qemu-user package could not be unpacked"
[ -x "$bin/qemu-x86_64" ] || why "the unpacked qemu-user has no qemu-x86_64"
rm -rf "$d/apt/cache"
echo "$bin"
