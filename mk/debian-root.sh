#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/debian-root.sh — tine's two commands on a fresh Debian of another
# release (Debian 13 "trixie", the current stable, by default), run from
# this Debian machine as root: the proof that a newcomer there who clones
# tine and types `make demo` and `make check` gets a passing run, with the
# packages tine needs installed by tine itself (mk/deps.sh's apt-get step
# runs for real the first time).
#
#   1. A minbase Debian tree of SUITE (debootstrap, Debian's keyring), with
#      only what a newcomer has besides: git and make. It is kept in ROOT
#      and reused while its package lists are younger than MAX_AGE_DAYS;
#      older, it is brought up to date (apt-get update and upgrade), or
#      used as it is when the archive cannot be reached. The stamp
#      ROOT/ok is written last and removed before any change, so a
#      tree left half-built or half-updated by an interruption is rebuilt,
#      never reused; so is one whose dpkg says a package is half-installed.
#   2. Every command inside runs in a mount namespace of its own, where the
#      tree is bind-mounted onto itself, given a fresh /proc, the host's
#      /dev and /sys, and tmpfs /tmp and /run, then made the root with
#      pivot_root and the old root detached. Not a plain chroot: there the
#      kernel refuses user namespaces (EPERM: the process's root is not its
#      mount namespace's) and / is no mount point, and tine's namespace
#      tests would fail for the environment's sake. Being private to that
#      namespace, the mounts vanish when it ends, however it ends: nothing
#      is ever mounted in the host's namespace, and the script checks so.
#   3. REPO's committed HEAD is cloned afresh inside (/root/tine, from
#      REPO bind-mounted read-only) and each of GOALS runs there as `make
#      GOAL`, as root, with CI=true, stdin /dev/null and no environment
#      from here. The clone stays until the next run, for a post-mortem
#      (ROOT/fs/root/tine/build/<port>/logs).
#
# Named variables (the environment), with their defaults:
#   SUITE=trixie              the Debian release to test on
#   MIRROR=http://deb.debian.org/debian
#   SECURITY=$MIRROR-security the security archive; empty for none (sid)
#   KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
#   REPO=<this script's repository>  a git repository on this host (a
#                             work tree or bare); its HEAD is what is tested
#   GOALS="demo check"        make goals, run in this order in one clone;
#                             empty: only make the tree ready
#   OUT=<this script's repository>/build
#   ROOT=$OUT/debian-$SUITE   the cache: ROOT/fs the Debian tree, ROOT/ok
#                             its stamp, ROOT/logs the last run's logs
#   MAX_AGE_DAYS=7            older package lists are refreshed
#   REBUILD=                  1: throw the tree away and debootstrap anew
#                             (tests tine's package install step again)
#
# Each goal's output is streamed between ==== headers and saved as
# ROOT/logs/GOAL.log. At the end: the time each phase took, one line per
# goal, and last the inner `make check`'s own closing line, unchanged
# (`N passed, N failed`). Exit status 0 when every goal passed, 1 when
# one failed, 2 when the Debian tree could not be made ready.
#
# Needs util-linux (unshare, pivot_root, flock) and debootstrap, which is
# installed through mk/deps.sh when missing.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
SUITE=${SUITE:-trixie}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY=${SECURITY-$MIRROR-security}
KEYRING=${KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}
REPO=${REPO:-$top}
GOALS=${GOALS-demo check}
OUT=${OUT:-$top/build}
ROOT=${ROOT:-$OUT/debian-$SUITE}
MAX_AGE_DAYS=${MAX_AGE_DAYS:-7}
REBUILD=${REBUILD:-}

say() { echo "debian-root: $*"; }
die() { echo "debian-root: $*" >&2; exit 2; }

[ "$(id -u)" = 0 ] || die "must run as root: debootstrap, mounts and pivot_root need it"
[ -f "$KEYRING" ] || die "no keyring at $KEYRING (Debian's debian-archive-keyring package)"
REPO=$(cd "$REPO" 2>/dev/null && pwd) || die "REPO is not a directory on this host"
# REPO may belong to another user: git refuses such a repository ("dubious
# ownership") unless told by name that it is trusted (safe.directory).
git -c safe.directory="$REPO" -C "$REPO" rev-parse -q --verify HEAD >/dev/null ||
    die "REPO=$REPO has no committed HEAD"
mkdir -p "$ROOT" && ROOT=$(cd "$ROOT" && pwd) || die "cannot create ROOT=$ROOT"
case $ROOT in /) die "ROOT=/ would be thrown away whole" ;; esac
fs=$ROOT/fs stamp=$ROOT/ok logs=$ROOT/logs lists=$ROOT/fs/var/lib/apt/lists
mkdir -p "$logs" || die "cannot create $logs"

# One run at a time per ROOT: two would debootstrap or clone over each other.
exec 9>"$ROOT/lock"
flock -n 9 || die "another run holds $ROOT/lock"

# now: seconds since the epoch, for the phase timings.
now() { date +%s; }
t_start=$(now)

# mounted_under DIR: prints the host's mount points at or below DIR (none,
# since every mount this script makes lives in a private namespace).
mounted_under() {
    awk -v d="$1" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts
}

# enter COMMAND...: COMMAND as root inside the tree, in a mount namespace
# of its own (see 2. above), from directory $workdir, with a newcomer's
# environment and CI=true. Runs with the host's tools up to pivot_root and
# with the tree's own after it. fd 9 (the lock) stays out.
workdir=/root
enter() {
    # The tree's own resolv.conf may be a symlink, which a copy would follow
    # out of the tree: replace it.
    rm -f "$fs/etc/resolv.conf" && cp /etc/resolv.conf "$fs/etc/resolv.conf" || return 1
    FS=$fs SRC=$REPO WORKDIR=$workdir TERM=${TERM:-dumb} \
    unshare --mount --propagation private -- sh -c '
        set -e
        mount --bind "$FS" "$FS"                     # pivot_root needs a mount point
        mount -t proc proc "$FS/proc"                # our own, with nothing mounted over it
        mount --rbind /dev "$FS/dev"                 # with /dev/pts and /dev/shm
        mount --rbind /sys "$FS/sys"
        mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$FS/tmp"
        mount -t tmpfs -o mode=755,nosuid,nodev tmpfs "$FS/run"
        mount --bind -o ro "$SRC" "$FS/mnt/repo"
        cd "$FS"
        pivot_root . .                               # the old root now sits on top of the new
        umount -l .                                  # detached: out of reach from here on
        cd "$WORKDIR"
        exec env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            HOME=/root LANG=C.UTF-8 TERM="$TERM" CI=true "$@"
    ' enter "$@" </dev/null 9>&-
}

# apt_sources: the package sources a Debian install of SUITE writes, in
# deb822 form: the release and its updates, and its security archive.
apt_sources() {
    rm -f "$fs/etc/apt/sources.list"
    {
        echo "Types: deb"
        echo "URIs: $MIRROR"
        case $SUITE in
            sid|unstable|experimental) echo "Suites: $SUITE" ;;
            *) echo "Suites: $SUITE $SUITE-updates" ;;
        esac
        echo "Components: main"
        echo "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
        if [ -n "$SECURITY" ]; then
            case $SUITE in sid|unstable|experimental) ;; *)
                echo
                echo "Types: deb"
                echo "URIs: $SECURITY"
                echo "Suites: $SUITE-security"
                echo "Components: main"
                echo "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
            esac
        fi
    } >"$fs/etc/apt/sources.list.d/debian.sources"
}

# apt_update: fresh package lists inside, then the lists' directory
# touched: its age is the age of the last successful update.
apt_update() {
    enter apt-get update -q >>"$logs/root.log" 2>&1 && touch "$lists"
}

# apt_get ARGS...: apt-get ARGS inside, without questions.
apt_get() {
    enter env DEBIAN_FRONTEND=noninteractive apt-get -y -q "$@" >>"$logs/root.log" 2>&1
}

# stamp: the tree is complete and consistent; written last.
write_stamp() {
    echo "$SUITE $MIRROR $(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$stamp"
}

# build: the tree from nothing. debootstrap runs in a private mount
# namespace too, so the /proc and /dev it mounts in the tree cannot outlive
# it in the host's namespace when it is interrupted.
build() {
    left=$(mounted_under "$ROOT")
    [ -z "$left" ] || die "something is mounted under $ROOT in this namespace, not removing it: $left"
    rm -f "$stamp"
    rm -rf --one-file-system "$fs" || die "cannot remove the old tree $fs"
    : >"$logs/root.log"
    say "building a minbase Debian $SUITE in $fs (log: $logs/root.log)"
    unshare --mount --propagation private -- debootstrap --variant=minbase --keyring="$KEYRING" \
        "$SUITE" "$fs" "$MIRROR" </dev/null >>"$logs/root.log" 2>&1 9>&- ||
        { tail -5 "$logs/root.log" >&2; die "debootstrap of $SUITE failed (log: $logs/root.log)"; }
    apt_sources
    # No service a package brings may start inside: it would keep the mount
    # namespace alive after the command.
    printf '#!/bin/sh\nexit 101\n' >"$fs/usr/sbin/policy-rc.d" && chmod 755 "$fs/usr/sbin/policy-rc.d"
    mkdir -p "$fs/mnt/repo"
    # Up to date as an installed Debian is (debootstrap took the release
    # alone), with git and make.
    apt_update && apt_get upgrade && apt_get install --no-install-recommends git make ||
        { tail -5 "$logs/root.log" >&2; die "apt-get failed inside the new tree (log: $logs/root.log)"; }
    write_stamp
}

# ---- 1. the Debian tree: reused, updated or built -------------------------

[ -z "$(mounted_under "$ROOT")" ] || die "something is mounted under $ROOT in this namespace: not touching it"
times=''
if ! command -v debootstrap >/dev/null 2>&1; then
    t=$(now)
    sh "$top/mk/deps.sh" debootstrap:debootstrap || die "debootstrap is missing and could not be installed"
    times="debootstrap installed $(( $(now) - t )) s, "
fi

t=$(now)
how=reused
if [ -n "$REBUILD" ] || [ ! -f "$stamp" ] || [ "$(cut -d' ' -f1 "$stamp")" != "$SUITE" ]; then
    how=built
elif [ -n "$(enter dpkg --audit 2>&1)" ]; then
    say "dpkg inside says packages are half-installed: rebuilding"
    how=built
elif [ -z "$(find "$lists" -maxdepth 0 -mtime -"$MAX_AGE_DAYS" 2>/dev/null)" ]; then
    # Lists that cannot be fetched leave the tree as it was: still usable,
    # with the packages it has. An upgrade cut short may not be.
    say "package lists $MAX_AGE_DAYS days old or more: updating the tree (log: $logs/root.log)"
    : >"$logs/root.log"
    if ! apt_update; then
        say "apt-get update failed inside: going on with the tree as it is"
        how="kept, not updated"
    else
        rm -f "$stamp"
        if apt_get upgrade; then write_stamp; how=updated; else say "apt-get upgrade failed: rebuilding"; how=built; fi
    fi
fi
[ "$how" = built ] && build
t=$(( $(now) - t ))
times="${times}tree $how $t s"
say "Debian $SUITE $(cat "$fs/etc/debian_version") tree $how in $t s: $fs"

# ---- 2. inside: what the kernel allows there, and a fresh clone ------------

t=$(now)
# The two things a plain chroot would get wrong.
enter sh -c 'unshare --user --map-root-user true && mountpoint -q /' ||
    die "inside the tree user namespaces are refused or / is no mount point: tine's tests would fail for the environment's sake"
# REPO trusted again for the clone: its upload-pack does not inherit
# `git -c`, so the trust goes in a global configuration of the clone's
# own, in the namespace's /tmp.
clone=/root/tine
enter sh -c "rm -rf $clone &&
             printf '[safe]\n\tdirectory = /mnt/repo\n\tdirectory = /mnt/repo/.git\n' >/tmp/trust &&
             GIT_CONFIG_GLOBAL=/tmp/trust git clone -q /mnt/repo $clone &&
             git -C $clone log -1 --format='%h %s'" \
    >"$logs/clone.log" 2>&1 || { cat "$logs/clone.log" >&2; die "git clone of $REPO failed inside"; }
t=$(( $(now) - t ))
times="$times, clone $t s"
say "inside: user namespaces work and / is a mount point; testing $(tail -1 "$logs/clone.log") (from $REPO)"

# ---- 3. the goals ----------------------------------------------------------

workdir=$clone failed=0 summary=''
for goal in $GOALS; do
    echo "==== debian-root: make $goal, Debian $SUITE (log: $logs/$goal.log) ===="
    t=$(now)
    rm -f "$logs/$goal.rc"
    { enter make "$goal"; echo $? >"$logs/$goal.rc"; } 2>&1 | tee "$logs/$goal.log"
    rc=$(cat "$logs/$goal.rc" 2>/dev/null || echo 1)
    t=$(( $(now) - t ))
    echo "==== debian-root: make $goal: exit $rc, $t s ===="
    times="$times, $goal $t s"
    if [ "$rc" = 0 ]; then verdict=passed; else verdict="FAILED (exit $rc)"; failed=1; fi
    summary="${summary}debian-root: Debian $SUITE: make $goal $verdict in $t s
"
done

# What the goals ran with, then the downloaded packages dropped (a few
# hundred MiB; a rebuild or an upgrade fetches anew anyway).
workdir=/root
tools=$(enter sh -c 'dpkg-query -W -f "\${Package} \${Version}, " gcc clang qemu-user linux-libc-dev 2>/dev/null
                     apt-get clean')
left=$(mounted_under "$ROOT")

echo
say "inside: ${tools%, }"
if [ -z "$left" ]; then
    say "nothing under $ROOT is left mounted in the host's namespace"
else
    say "still mounted in the host's namespace, which should never be: $left"; failed=1
fi
say "times: $times; total $(( $(now) - t_start )) s"
printf '%s' "$summary"
case " $GOALS " in *" check "*)
    last=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$logs/check.log" | tail -1)
    if [ -n "$last" ]; then echo "$last"; else say "make check printed no closing 'N passed, N failed' line"; failed=1; fi
esac
exit $failed
