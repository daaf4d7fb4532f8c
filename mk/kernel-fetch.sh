#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/kernel-fetch.sh — Debian's kernel and busybox for one port, for
# booting under qemu-system (mk/boot.sh).
#
#   sh mk/kernel-fetch.sh port=aarch64 dir=build/system/aarch64 \
#       debarch=arm64 suite=bookworm kernel_pkg=linux-image-arm64
#
# Named variables (as arguments or in the environment):
#   port        tine's name for the port, for messages
#   dir         where everything goes; a second call reuses it
#   debarch     Debian's name for the architecture (DEBARCH_<port>)
#   suite       bookworm, or trixie where bookworm has no kernel (riscv64)
#   kernel_pkg  the kernel metapackage (KERNEL_PKG_<port>), e.g.
#               linux-image-arm64: the versioned package it depends on,
#               linux-image-6.1.0-N-arm64, is the one fetched
#
# As mk/qemu-fetch.sh does: `apt-get download` through a throw-away apt
# configuration in DIR/apt for the foreign architecture (the suite's main,
# Debian's own keyring, no dpkg status), `dpkg-deb` to unpack. Nothing is
# installed; the system's sources and dpkg are left alone. Of the kernel
# package only /boot is unpacked (the image and its config): the modules,
# nine tenths of it (350 MB unpacked for arm64), are never needed, since
# every Debian kernel has its serial console, initramfs and namespaces
# built in. busybox-static of the same suite and architecture gives the
# booted system its /bin/sh. The .deb files and the apt cache are removed
# once unpacked.
#
# On success DIR/kernel (the image for qemu's -kernel), DIR/config (the
# kernel's .config) and DIR/busybox are there; prints the kernel's path,
# then busybox's, one a line. On failure prints one line saying why to
# stderr and exits 1.
set -u
port= dir= debarch= suite= kernel_pkg=
for arg in "$@"; do
    case $arg in
        port=*|dir=*|debarch=*|suite=*|kernel_pkg=*) eval "${arg%%=*}=\${arg#*=}" ;;
        *) echo "kernel-fetch: unknown argument '$arg' (port= dir= debarch= suite= kernel_pkg=)" >&2; exit 1 ;;
    esac
done
for name in port dir debarch suite kernel_pkg; do
    eval "[ -n \"\$$name\" ]" || { echo "kernel-fetch: $name= is not set" >&2; exit 1; }
done
mkdir -p "$dir" && dir=$(cd "$dir" && pwd) || exit 1
if [ -f "$dir/ok" ] && [ -s "$dir/kernel" ] && [ -x "$dir/busybox" ]; then
    echo "$dir/kernel"
    echo "$dir/busybox"
    exit 0
fi

log=$dir/apt.log
why() { echo "kernel-fetch: $port: $* (see $log)" >&2; exit 1; }
command -v apt-get >/dev/null 2>&1 || { echo "kernel-fetch: no apt-get on this host" >&2; exit 1; }
command -v dpkg-deb >/dev/null 2>&1 || { echo "kernel-fetch: no dpkg-deb on this host" >&2; exit 1; }
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
apt=$dir/apt deb=$dir/deb root=$dir/root
rm -rf "$dir/ok" "$dir/kernel" "$dir/config" "$dir/busybox" "$apt" "$deb" "$root" &&
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$deb" "$root" || exit 1
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" >"$apt/sources.list"
set -- -o Dir::Etc::SourceList="$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null \
       -o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache" \
       -o Dir::State::Status=/dev/null -o Debug::NoLocking=1 -o APT::Sandbox::User=root \
       -o APT::Architecture="$debarch" -o APT::Architectures::="$debarch" \
       -o Acquire::Languages=none -o Acquire::Retries=2 -o Acquire::http::Timeout=30
apt-get "$@" update >"$log" 2>&1 || why "the $suite package lists for $debarch could not be fetched from $mirror"

# The metapackage holds no files: the versioned image it depends on does.
image=$(apt-cache "$@" depends "$kernel_pkg" 2>>"$log" |
        sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n 1)
[ -n "$image" ] || why "$kernel_pkg in $suite/$debarch depends on no linux-image-<version> package"
(cd "$deb" && apt-get "$@" download "$image" busybox-static) >>"$log" 2>&1 ||
    why "$image or busybox-static could not be downloaded from $suite/$debarch"
(cd "$deb" && du -ck -- *.deb) >>"$log"

dpkg-deb --fsys-tarfile "$deb/$image"_*.deb | tar -xf - -C "$root" ./boot ||
    why "$image could not be unpacked"
dpkg-deb -x "$deb"/busybox-static_*.deb "$root" || why "busybox-static could not be unpacked"
kernel_file=$(cd "$root/boot" && ls vmlinu[xz]-* 2>/dev/null | head -n 1)
config_file=$(cd "$root/boot" && ls config-* 2>/dev/null | head -n 1)
[ -n "$kernel_file" ] || why "$image has no /boot/vmlinuz-*"
# /bin/busybox in bookworm, /usr/bin/busybox in trixie (merged /usr).
busybox_file=$(cd "$root" && ls bin/busybox usr/bin/busybox 2>/dev/null | head -n 1)
[ -n "$busybox_file" ] || why "busybox-static has no /bin/busybox"
# Fixed names, relative links: DIR can move.
ln -s "root/boot/$kernel_file" "$dir/kernel" &&
    ln -s "root/boot/$config_file" "$dir/config" &&
    ln -s "root/$busybox_file" "$dir/busybox" || exit 1
rm -rf "$apt/cache" "$apt/lists" "$deb"
echo "$image" >"$dir/ok"
echo "$dir/kernel"
echo "$dir/busybox"
