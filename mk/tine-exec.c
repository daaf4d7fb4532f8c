/* SPDX-License-Identifier: 0BSD */
/*
 * mk/tine-exec.c — `tine-exec PROGRAM [ARG...]`: execve(2) PROGRAM, and say
 * in words why when the kernel will not.
 *
 * The runners (mk/run.sh) start every test through this, for one reason:
 * execvp(3), which coreutils' timeout and env use, and every shell, hand a
 * file the kernel refused with ENOEXEC to /bin/sh, so an i386 program on a
 * kernel without IA32 emulation "fails" with `Syntax error: "(" unexpected`.
 * execve here has no such fallback: the error is the kernel's own.
 *
 * Built for the host with its libc (it runs no tine code). Exits 126 when
 * PROGRAM exists but cannot be run, 127 when it is missing, as shells do.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
    const char *why;
    int e;

    if (argc < 2) {
        fprintf(stderr, "usage: tine-exec PROGRAM [ARG...]\n");
        return 2;
    }
    execve(argv[1], argv + 1, environ);
    e = errno;
    switch (e) {
    case ENOEXEC:
        why = "the kernel does not run this kind of program (ENOEXEC: not its "
              "format, or a format it was built without, e.g. 32-bit x86 "
              "without IA32 emulation)";
        break;
    case EACCES:
        why = "permission denied (EACCES: not executable, or on a noexec mount)";
        break;
    case ENOENT:
        why = "no such file (ENOENT), or its interpreter is missing";
        break;
    default:
        why = strerror(e);
        break;
    }
    fprintf(stderr, "cannot execute %s: %s\n", argv[1], why);
    return e == ENOENT ? 127 : 126;
}
