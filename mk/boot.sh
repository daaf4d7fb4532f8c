#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/boot.sh — boot a kernel and an initramfs under qemu-system, console to
# a file, until the system powers off.
#
#   sh mk/boot.sh port=aarch64 kernel=build/system/aarch64/kernel \
#       initrd=build/system/aarch64/initramfs.cpio log=build/system/aarch64/console.log \
#       qemu=qemu-system-aarch64 args='-M virt -cpu cortex-a57' console=ttyAMA0
#
# Named variables (as arguments or in the environment):
#   port      tine's name for the port, for messages
#   kernel    the image (mk/kernel-fetch.sh's DIR/kernel)
#   initrd    the initramfs (mk/initramfs.sh); its /init is the first process
#   log       where the console goes, with the serial line's \r removed
#   qemu      the emulator (SYSTEM_QEMU_<port>)
#   args      the machine, CPU and firmware options (SYSTEM_ARGS_<port>)
#   console   the kernel's name for that machine's serial line (SYSTEM_CONSOLE_<port>)
#   boot_timeout  seconds for the kernel to boot: until /init prints its
#             `@tine-boot` line (default 180); LOG.boot-s then holds how many
#   timeout   seconds for the whole run, boot and tests (default 900)
#   mem       the guest's memory (default 512M); smp: its CPUs (default 2),
#             unless args sets -smp itself (a machine that boots only with
#             one CPU, as mips64el's Malta does)
#   append    more kernel command line (default none)
#
# TCG only: no KVM is assumed. -no-reboot turns the guest's reboot into
# qemu's exit, and panic=-1 turns a panic into a reboot, so qemu always
# ends: by /init's reboot(LINUX_REBOOT_CMD_POWER_OFF), by a panic (an init
# that exits or cannot be run panics the kernel), or by these timeouts. No
# network card and no disk: the initramfs is the whole system.
#
# Exits 0 when the guest powered off; otherwise prints one line saying why
# and the last console lines to stderr, and exits 1.
set -u
port= kernel= initrd= log= qemu= args= console= timeout=900 boot_timeout=180 mem=512M smp=2 append=
for arg in "$@"; do
    case $arg in
        port=*|kernel=*|initrd=*|log=*|qemu=*|args=*|console=*|timeout=*|boot_timeout=*|mem=*|smp=*|append=*)
            eval "${arg%%=*}=\${arg#*=}" ;;
        *) echo "boot: unknown argument '$arg' (port= kernel= initrd= log= qemu= args= console= timeout= boot_timeout= mem= smp= append=)" >&2
           exit 1 ;;
    esac
done
for name in port kernel initrd log qemu console; do
    eval "[ -n \"\$$name\" ]" || { echo "boot: $name= is not set" >&2; exit 1; }
done
why() { echo "boot: $port: $*" >&2; exit 1; }
command -v "$qemu" >/dev/null 2>&1 || why "no $qemu on this host (Debian's qemu-system-* packages have it)"
[ -f "$kernel" ] || why "no kernel at $kernel"
[ -f "$initrd" ] || why "no initramfs at $initrd"

rm -f "$log.boot-s"

# last N: the console's last N lines, indented, after the line saying why.
last() { tail -n "$1" "$log" | sed 's/^/    /' >&2; }

# A port's own -smp in args wins over the default.
case " $args " in *" -smp "*) smp_opt='' ;; *) smp_opt="-smp $smp" ;; esac
# $args and $smp_opt are split into words on purpose: they are lists of options.
# shellcheck disable=SC2086
timeout -k 10 "$timeout" "$qemu" $args -m "$mem" $smp_opt \
    -nographic -monitor none -no-reboot -nic none \
    -kernel "$kernel" -initrd "$initrd" \
    -append "console=$console panic=-1 rdinit=/init quiet $append" \
    </dev/null >"$log.raw" 2>&1 &
qpid=$!
# Booted: once /init has said @tine-boot. Until then the boot's own limit holds.
t=0 booted=''
while kill -0 "$qpid" 2>/dev/null; do
    if [ -z "$booted" ]; then
        if grep -q '@tine-boot ' "$log.raw"; then
            booted=$t
            echo "$t" >"$log.boot-s"
        elif [ "$t" -ge "$boot_timeout" ]; then
            kill "$qpid"; wait "$qpid"
            tr -d '\r' <"$log.raw" >"$log" && rm -f "$log.raw"
            echo "boot: $port: the kernel did not start /init within $boot_timeout s; the last console lines:" >&2
            last 15; exit 1
        fi
    fi
    sleep 1; t=$((t + 1))
done
wait "$qpid"
status=$?
[ -n "$booted" ] || ! grep -q '@tine-boot ' "$log.raw" || echo "$t" >"$log.boot-s"   # booted within the last second
tr -d '\r' <"$log.raw" >"$log" && rm -f "$log.raw"
case $status in
    0)       ;;
    124|137) echo "boot: $port: the run did not finish within $timeout s; the last console lines:" >&2
             last 15; exit 1 ;;
    *)       echo "boot: $port: $qemu exited with status $status; the last console lines:" >&2
             last 15; exit 1 ;;
esac
# A panic reboots, and -no-reboot makes that a clean exit too: tell them apart.
panic=$(grep -m 1 'Kernel panic' "$log")
[ -z "$panic" ] || { echo "boot: $port: ${panic#*] }; the last console lines:" >&2; last 15; exit 1; }
exit 0
