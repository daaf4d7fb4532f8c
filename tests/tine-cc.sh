#!/bin/sh
# SPDX-License-Identifier: 0BSD
# tests/tine-cc.sh BUILD-DIR [EMULATOR] — tine-cc from another directory:
# several sources, an object compiled apart, -O2 -g -I -D, -c -o, -v; what
# it passes to the compiler (-MD -MF, -x c -, response files), --version,
# --print-cflags/--print-ldflags, the default profile against --tiny, and
# clear errors for bad command lines and for what cannot work.
set -u
b=$1 emu=${2:-} bad=0
cc=$b/tine-cc
readme=$(cd "$(dirname "$0")/.." && pwd)/README.md
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
mkdir inc
printf '#define GREETING "from a header"\n' > inc/greet.h
cat > a.c <<'C'
#include <tine.h>
#include "greet.h"
int twice(int);
int thrice(int);
int main(void)
{
    tine_printf("%s %d %d %d\n", GREETING, VALUE, twice(VALUE), thrice(VALUE));
    return 0;
}
C
printf 'int twice(int x) { return 2 * x; }\n' > b.c
printf 'int thrice(int x) { return 3 * x; }\n' > c.c

check() {   # what, command...
    what=$1; shift
    if "$@"; then echo "ok   $what"; else echo "FAIL $what"; bad=1; fi
}
check "-c -o compiles one object" "$cc" -c -O2 c.c -o c.o
check "the object exists" test -s c.o
check "two sources + an object, -O2 -g -I -D" "$cc" -O2 -g -I inc -DVALUE=7 a.c b.c c.o -o prog
out=$($emu ./prog)
check "the program prints what its parts computed ($out)" test "$out" = "from a header 7 14 21"
"$cc" -v -Os -Iinc -DVALUE=1 a.c b.c c.o -o prog2 2>verbose.txt
check "-v prints the compile and link commands" grep -q 'crt0.o' verbose.txt
check "-v shows -Os passed through" grep -q -- '-Os' verbose.txt
"$cc" -Iinc -DVALUE=1 a.c b.c c.o 2>/dev/null
check "no -o: a.out" test -x a.out
check "--help explains itself" sh -c "'$cc' --help | grep -q 'tine-cc'"
"$cc" missing.c -o x 2>err.txt
check "a missing source is an error that names it" grep -q 'missing.c' err.txt
"$cc" 2>err.txt
check "no input is an error" grep -q 'no input' err.txt
! "$cc" -o 2>/dev/null
check "-o with no name fails" test $? = 0
# Options it does not know go to the compiler: dependency files, -x, stdin.
printf '#include <tine.h>\nint main(void) { return tine_printf("dep\\n") != 4; }\n' > dep.c
check "-MD -MF -MT -c writes the dependency file" "$cc" -MD -MF dep.d -MT dep.o -c dep.c -o dep.o
check "which names the target and tine.h" sh -c 'grep -q "^dep.o:" dep.d && grep -q "tine.h" dep.d'
check "-x c - reads the program from stdin" sh -c "'$cc' -x c - -o fromstdin < dep.c"
check "and it runs" sh -c "[ \"\$($emu ./fromstdin)\" = dep ]"
printf -- '-c\ndep.c\n-o\nrsp.o\n' > args.rsp
check "a response file (@args.rsp, with -c)" sh -c "'$cc' @args.rsp && test -s rsp.o"
"$cc" --version > version.txt
check "--version names tine's version and the compiler's ($(head -n 1 version.txt))" \
    sh -c "grep -q '^tine-cc (tine $(cat "$(dirname "$readme")/VERSION"))' version.txt && sed -n 2p version.txt | grep -qE 'gcc|clang'"
"$cc" -shared dep.c -o x.so 2>err.txt
check "-shared is refused, saying why ($(cat err.txt))" sh -c "[ $? = 2 ] && grep -q 'dynamic loader' err.txt"
"$cc" -pthread dep.c -o x 2>err.txt
check "-pthread is refused, naming tine's threads" sh -c "[ $? = 2 ] && grep -q 'tine/thread.h' err.txt"
# The flags alone, for a build system that runs the compiler itself.
realcc=$(sed -n "s/^CC='\(.*\)'$/\1/p" "$cc")
check "--print-cflags compiles" sh -c "$realcc \$('$cc' --print-cflags) -Os -c dep.c -o flags.o"
check "--print-ldflags links" sh -c "$realcc flags.o \$('$cc' --print-ldflags) -o flags"
check "and that program runs" sh -c "[ \"\$($emu ./flags)\" = dep ]"
# Safe by default, tiny on request.
"$cc" dep.c -o safe && "$cc" --tiny dep.c -o tiny
check "by default the overflow handler is linked in" sh -c "llvm-nm safe | grep -q ' tine_stack_watch$'"
check "--tiny leaves it out, strips, and is smaller ($(wc -c < tiny) < $(wc -c < safe) bytes)" \
    sh -c "! llvm-nm tiny 2>/dev/null | grep -q tine_stack_watch && [ $(wc -c < tiny) -lt $(wc -c < safe) ]"
check "the --tiny program runs" sh -c "[ \"\$($emu ./tiny)\" = dep ]"
# The linker script places every section: an unknown one stops the link, named.
printf '__attribute__((section(".mystery"))) int x = 1;\nint main(void) { return x - 1; }\n' > orphan.c
"$cc" orphan.c -o orphan 2>err.txt
check "a section linker.ld does not place stops the link, named ($(grep -m1 mystery err.txt))" \
    sh -c "[ $? != 0 ] && grep -q '\.mystery' err.txt && ! test -e orphan"
# Thread-local variables: tine-cc links start-up's part for them (src/tls.c) by itself.
printf '#include <tine.h>\n_Thread_local int tl = 41;\nint main(void) { tl++; return tine_printf("tls %%d\\n", tl) != 7; }\n' > tls.c
check "a program with _Thread_local links" "$cc" tls.c -o tls
check "and runs ($($emu ./tls))" sh -c "[ \"\$($emu ./tls)\" = 'tls 42' ]"
check "--print-ldflags alone refuses it, saying what to add" \
    sh -c "$realcc -c \$('$cc' --print-cflags) tls.c -o tls.o && ! $realcc tls.o \$('$cc' --print-ldflags) -o tls2 2>err2.txt && grep -q 'u,__tine_tls_init' err2.txt"
check "and links with it" sh -c "$realcc tls.o \$('$cc' --print-ldflags) -Wl,-u,__tine_tls_init -o tls2 && [ \"\$($emu ./tls2)\" = 'tls 42' ]"
check "a program without thread-locals does not link tls.c" sh -c "! llvm-nm safe | grep -q __tine_tls_init"
# The dynamic TLS models need a loader's __tls_get_addr: refused with the reason,
# unless the linker could relax them to local-exec (then the program must work).
if "$cc" -fPIC tls.c -o tlspic 2>err.txt; then
    check "-fPIC thread-locals: the linker relaxed them, and the program runs" \
        sh -c "[ \"\$($emu ./tlspic)\" = 'tls 42' ]"
elif grep -q "requires '-mabicalls'" err.txt; then
    # mips64el: tine's code is -mno-abicalls (port.mk), and clang makes no
    # position-independent n64 code without the abicalls ABI: refused
    # before any TLS model is chosen, by the compiler, saying why.
    check "-fPIC: refused by the compiler, which needs -mabicalls for it" true
else
    check "-fPIC thread-locals: refused, naming the dynamic TLS model" grep -q 'dynamic TLS model' err.txt
fi
# The README's example must build and run as printed.
awk '/^```c/ { f = 1; next } /^```/ { if (f) exit } f' "$readme" > readme.c
check "the README's example builds" "$cc" -Os readme.c -o readme
out=$($emu ./readme)
check "the README's example runs ($out)" sh -c "echo '$out' | grep -q 'says hello'"
[ $bad = 0 ] && echo "PASS: tine-cc"
exit $bad
