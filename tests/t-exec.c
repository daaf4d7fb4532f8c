/* SPDX-License-Identifier: 0BSD */
/*
 * t-exec: tine_execve, and tine_spawn_exec on tine_vfork, which returns a
 * pid only once the exec has happened and the exec's own error otherwise.
 * The programs run are the host's /bin/sh, which runs under qemu-user too
 * (the host kernel runs it natively).
 */
#include "t.h"

int main(void)
{
    char *exit42[] = { "sh", "-c", "exit 42", 0 };
    char *env[] = { "sh", "-c", "test \"$TINE_T\" = yes", 0 };
    char *envp[] = { "TINE_T=yes", 0 };
    int status = -1, pid;

    t_qemu();
    pid = tine_spawn_exec("/bin/sh", exit42, 0);
    CHECK(pid > 0 && tine_wait(pid, &status) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 42,
          "sh -c 'exit 42': pid %d, status %#x", pid, status);
    pid = tine_spawn_exec("/bin/sh", env, envp);
    CHECK(pid > 0 && tine_wait(pid, &status) == pid && WEXITSTATUS(status) == 0,
          "the environment given is the one it sees (status %#x)", status);
    CHECK_EQ(tine_spawn_exec("/nonexistent/tine", exit42, 0), -ENOENT, "a missing program: ENOENT, not exit 127");
    CHECK_EQ(tine_spawn_exec("/", exit42, 0), -EACCES, "a directory: EACCES");
    CHECK_EQ(tine_spawn_exec("/proc/self/maps", exit42, 0), -EACCES, "a file without x: EACCES");
    CHECK_EQ(tine_wait(-1, 0), -ECHILD, "the failed children are already reaped");
    CHECK_EQ(tine_spawn_exec(0, exit42, 0), -EINVAL, "no path");
    CHECK_EQ(tine_spawn_exec("/bin/sh", 0, 0), -EINVAL, "no argv");
    CHECK_EQ(tine_execve("/nonexistent/tine", exit42, 0), -ENOENT, "tine_execve: -errno, and we are still here");
    return t_done();
}
