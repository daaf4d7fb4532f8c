/* SPDX-License-Identifier: 0BSD */
/*
 * vfork.c — borrowing the parent instead of copying it.
 *
 * vfork is clone(CLONE_VM|CLONE_VFORK|SIGCHLD): the child runs on the
 * parent's memory and stack while the parent sleeps, until the child calls
 * execve or exits. Nothing is copied, so it is the cheap way to start a
 * program; and the child may do almost nothing, since every byte it writes
 * is the parent's. tine_spawn_exec is built on it: it returns the new
 * program's pid once the exec has happened, or the exec's error.
 *
 * Under qemu-user vfork is a plain fork: the child's write below is not
 * seen by the parent. The program says which it saw.
 */
#include <tine.h>

static volatile int written;

int main(void)
{
    char *echo[] = { "sh", "-c", "echo '  /bin/sh, started by tine_spawn_exec, says hello'", 0 };
    char *none[] = { "nothing", 0 };
    int status, pid = tine_vfork();

    if (pid == 0) {             /* the child, on the parent's stack: write, then leave */
        written = 42;
        tine_exit_thread(0);
    }
    if (pid < 0)
        return 1;
    tine_wait(pid, &status);
    tine_printf("  the child wrote 42; the parent reads %d: %s\n", written,
                written == 42 ? "one memory (a real vfork)" : "two memories (qemu-user's vfork is a fork)");

    pid = tine_spawn_exec("/bin/sh", echo, 0);
    if (pid < 0 || tine_wait(pid, &status) != pid)
        return 1;
    pid = tine_spawn_exec("/no/such/program", none, 0);
    tine_printf("  tine_spawn_exec(\"/no/such/program\") = %s: the exec's own error, not an exit 127\n",
                tine_strerror(pid));
    /*
     * Where the runner says what runs us (TINE_RUNNER, set by make demo and
     * make check), the memory must be shared natively and not under qemu-user.
     */
    {
        const char *runner = tine_getenv("TINE_RUNNER");
        if (runner && strcmp(runner, "native") == 0 && written != 42)
            return 1;
        if (runner && strcmp(runner, "qemu") == 0 && written == 42)
            return 1;
    }
    return pid == -ENOENT ? 0 : 1;
}
