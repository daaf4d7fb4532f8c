#!/bin/sh
# SPDX-License-Identifier: 0BSD
# mk/install-files.sh SHARE — make install's build-system files for one port:
# SHARE/cmake/<port>.cmake, a CMake toolchain file, and SHARE/meson/<port>.ini,
# a Meson cross file. The CMake file finds the installed tine-cc relative
# to itself, the Meson file on PATH (Meson 1.0, Debian 12's, has no
# @DIRNAME@), so the installed tree can move.
#
# Named variables: port (tine's name), triple (the GNU triple the installed
# tine-cc is named after), qemu (the emulator that runs the port's programs
# on the installing host, empty when the host runs them itself: the port
# is the host's), version.
set -u
share=$1
: "${port:?}" "${triple:?}" "${version:?}"
qemu=${qemu:-}

# The port as each build system names it.
case $port in
    x86_64)  cmake_cpu=x86_64  family=x86_64  cpu=x86_64  endian=little ;;
    i386)    cmake_cpu=i686    family=x86     cpu=i686    endian=little ;;
    aarch64) cmake_cpu=aarch64 family=aarch64 cpu=aarch64 endian=little ;;
    riscv64) cmake_cpu=riscv64 family=riscv64 cpu=riscv64 endian=little ;;
    arm)     cmake_cpu=armv7l  family=arm     cpu=armv7   endian=little ;;
    s390x)   cmake_cpu=s390x   family=s390x   cpu=s390x   endian=big ;;
    ppc64le) cmake_cpu=ppc64le family=ppc64   cpu=ppc64le endian=little ;;
    mips64el) cmake_cpu=mips64 family=mips64 cpu=mips64  endian=little ;;
    sparc64) cmake_cpu=sparc64 family=sparc64 cpu=sparc64 endian=big ;;
    m68k)    cmake_cpu=m68k    family=m68k    cpu=m68k    endian=big ;;
    hppa)    cmake_cpu=parisc  family=parisc  cpu=parisc  endian=big ;;
    *)       echo "install-files: no build-system names for port $port" >&2; exit 1 ;;
esac
mkdir -p "$share/cmake" "$share/meson" || exit 1

{
    echo "# $port.cmake — CMake toolchain file for tine $version's $port port (made by make install)."
    echo "#   cmake -DCMAKE_TOOLCHAIN_FILE=<prefix>/share/tine/cmake/$port.cmake ..."
    echo "# Programs are static and need no libc; tine-cc is the compiler and the linker."
    echo "set(CMAKE_SYSTEM_NAME Linux)"
    echo "set(CMAKE_SYSTEM_PROCESSOR $cmake_cpu)"
    echo 'get_filename_component(TINE_PREFIX "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)'
    echo "set(CMAKE_C_COMPILER \"\${TINE_PREFIX}/bin/$triple-tine-cc\")"
    echo "find_program(CMAKE_AR NAMES llvm-ar ar)"
    echo "find_program(CMAKE_RANLIB NAMES llvm-ranlib ranlib)"
    if [ -n "$qemu" ]; then
        echo "# Not this host's architecture: ctest and add_custom_command run programs under qemu-user."
        echo "set(CMAKE_CROSSCOMPILING_EMULATOR $qemu)"
    fi
    echo "# Nothing of the host's libraries or headers: tine-cc brings its own."
    echo "set(CMAKE_FIND_ROOT_PATH \"\${TINE_PREFIX}\")"
    echo "set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)"
    echo "set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)"
    echo "set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)"
} >"$share/cmake/$port.cmake" || exit 1

{
    echo "# $port.ini — Meson cross file for tine $version's $port port (made by make install)."
    echo "#   meson setup --cross-file <prefix>/share/tine/meson/$port.ini build"
    echo "[binaries]"
    echo "# From PATH (<prefix>/bin): Meson before 1.3 has no path relative to this file."
    echo "c = '$triple-tine-cc'"
    echo "ar = 'llvm-ar'"
    echo "strip = 'llvm-strip'"
    [ -n "$qemu" ] && echo "exe_wrapper = '$qemu'    # not this host's architecture: meson test runs under qemu-user"
    echo
    echo "[host_machine]"
    echo "system = 'linux'"
    echo "cpu_family = '$family'"
    echo "cpu = '$cpu'"
    echo "endian = '$endian'"
} >"$share/meson/$port.ini" || exit 1
