#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/initramfs.sh — pack a directory into an initramfs for mk/boot.sh.
#
#   sh mk/initramfs.sh out=build/system/aarch64/initramfs.cpio dir=STAGING
#
# Named variables (as arguments or in the environment):
#   out   the archive to write
#   dir   the tree that becomes the booted system's /: DIR/init is /init
#
# The archive is "newc" cpio, uncompressed: every Linux kernel unpacks it
# whatever its CONFIG_RD_* (compression only saves a little memory here,
# and costs decompression time under TCG). Its headers are ASCII hex, so
# printf writes them and no cpio program is needed; nor is root: every
# entry is owned by 0:0 whatever owns the file here, and /dev/console, the
# one device node the kernel needs before /init runs (it opens it as the
# init's stdin, stdout and stderr; without it /init has no fds 0-2 and
# prints nothing), is written into the archive without mknod. Timestamps
# are 0, so the same tree always gives the same bytes.
#
# Regular files (their mode kept), directories and symbolic links are
# packed; anything else is refused. Names must not hold a newline.
set -u
export LC_ALL=C   # ${#name} counts bytes
out= dir=
for arg in "$@"; do
    case $arg in
        out=*|dir=*) eval "${arg%%=*}=\${arg#*=}" ;;
        *) echo "initramfs: unknown argument '$arg' (out= dir=)" >&2; exit 1 ;;
    esac
done
[ -n "$out" ] && [ -n "$dir" ] || { echo "initramfs: out= and dir= must be set" >&2; exit 1; }
[ ! -e "$out" ] || [ -f "$out" ] || { echo "initramfs: $out exists and is not a regular file" >&2; exit 1; }
[ -d "$dir" ] || { echo "initramfs: $dir is not a directory" >&2; exit 1; }
[ -f "$dir/init" ] || { echo "initramfs: $dir has no init, the program the kernel runs first" >&2; exit 1; }

ino=0
# entry NAME MODE SIZE RDEV_MAJOR RDEV_MINOR: one newc header and its name,
# each padded to 4 bytes; the file's data (SIZE bytes, padded) follows.
# MODE is st_mode in hex, as `stat -c %f` gives it.
entry() {
    ino=$((ino + 1))
    namesize=$((${#1} + 1))
    printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%s\0' \
        "$ino" "0x$2" 0 0 1 0 "$3" 0 0 "$4" "$5" "$namesize" 0 "$1"
    pad $(((4 - (110 + namesize) % 4) % 4))
}
pad() { [ "$1" = 0 ] || head -c "$1" /dev/zero; }

# S_IFDIR|0755, S_IFCHR|0600 and the console's device number, 5:1.
dev_dir=41ED console=2180
{
    [ -e "$dir/dev" ] || entry dev "$dev_dir" 0 0 0
    [ -e "$dir/dev/console" ] || entry dev/console "$console" 0 5 1
    (cd "$dir" && find . -mindepth 1 | LC_ALL=C sort) | while IFS= read -r path; do
        name=${path#./} file=$dir/${path#./}
        mode=$(stat -c %f "$file") || exit 1
        if [ -L "$file" ]; then
            target=$(readlink "$file")
            entry "$name" "$mode" ${#target} 0 0
            printf '%s' "$target"
            pad $(((4 - ${#target} % 4) % 4))
        elif [ -d "$file" ]; then
            entry "$name" "$mode" 0 0 0
        elif [ -f "$file" ]; then
            size=$(stat -c %s "$file")
            entry "$name" "$mode" "$size" 0 0
            cat "$file"
            pad $(((4 - size % 4) % 4))
        else
            echo "initramfs: $file: only files, directories and symbolic links are packed" >&2
            exit 1
        fi
    done || exit 1
    entry TRAILER!!! 0 0 0 0
} >"$out.tmp" && mv "$out.tmp" "$out" || { rm -f "$out.tmp"; exit 1; }
