/* SPDX-License-Identifier: 0BSD */
/*
 * t-leak: 3000 thread spawn/join cycles and 300 process spawn/wait cycles,
 * failures included, leave /proc/self/maps exactly as it was once the stack
 * cache is flushed. Under qemu-user 300 thread and 30 process cycles: each
 * thread is a host thread of the emulator and each process a fork of the
 * emulator itself, whose address space (its translated code and buffers)
 * makes a fork cost tens of milliseconds, seconds on a loaded machine; a
 * leak per cycle shows after one cycle as well as after 3000, and 300
 * cycles still take the cache over its budget and back (the 2 MiB stack
 * every fourth cycle).
 */
#include "t.h"

static char before[16384], after[16384];

static int nothing(void *arg)
{
    return (int)(long)arg & 0x7f;
}

int main(void)
{
    struct tine_thread_opts sizes[] = { { 0, 0 }, { 16 * 1024, 0 }, { 64 * 1024, 3 * 4096 },
                                        { 2 * 1024 * 1024, 0 } };   /* the last is too big to cache */
    struct tine_spawn_opts bad = { CLONE_THREAD, SIGCHLD, 0 };
    int bad_ok = 1, ok = 0, status, procs, threads;
    tine_thread *t;

    procs = (int)t_reps(300, 30);
    threads = (int)t_reps(3000, 300);
    CHECK(t_read_file("/proc/self/maps", before, sizeof before) > 0, "read /proc/self/maps");
    for (int i = 0; i < threads; i++) {
        int ret = -1;

        if (tine_thread_spawn(&t, nothing, (void *)(long)i, &sizes[i % 4]) == 0 &&
            tine_thread_join(t, &ret) == 0 && ret == (i & 0x7f))
            ok++;
        bad_ok &= tine_thread_spawn(&t, 0, 0, 0) == -EINVAL;
    }
    CHECK(ok == threads, "%d thread spawn/join cycles, four stack shapes (%d ok)", threads, ok);
    ok = 0;
    for (int i = 0; i < procs; i++) {
        int pid = tine_spawn(nothing, (void *)(long)i, 0);

        if (pid > 0 && tine_wait(pid, &status) == pid && WEXITSTATUS(status) == (i & 0x7f))
            ok++;
        bad_ok &= tine_spawn(nothing, 0, &bad) == -EINVAL;
    }
    CHECK(ok == procs, "%d process spawn/wait cycles (%d ok)", procs, ok);
    CHECK(bad_ok, "the failed spawns in between said -EINVAL");
    tine_stack_cache_flush();
    CHECK(t_read_file("/proc/self/maps", after, sizeof after) > 0, "read /proc/self/maps again");
    CHECK(strcmp(before, after) == 0, "the mappings are exactly as before:\n%s---- now ----\n%s", before, after);
    return t_done();
}
