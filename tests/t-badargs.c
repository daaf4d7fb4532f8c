/* SPDX-License-Identifier: 0BSD */
/* t-badargs: every public entry refuses bad input with -EINVAL (or -ENOMEM), maps nothing, and the process carries on. */
#include "t.h"

static char before[16384], after[16384];

static int fn(void *arg)
{
    return (int)(long)arg;
}

int main(void)
{
    struct tine_spawn_opts o;
    struct tine_stack st;
    struct tine_thread_opts to;
    tine_thread *t = 0;
    int stack_word, status;

    t_qemu();
    t_read_file("/proc/self/maps", before, sizeof before);

    CHECK_EQ(tine_clone(0, 0, SIGCHLD, &stack_word, 0, 0, 0), -EINVAL, "tine_clone: fn NULL");
    CHECK_EQ(tine_clone(fn, 0, SIGCHLD, 0, 0, 0, 0), -EINVAL, "tine_clone: stack NULL");
    CHECK_EQ(tine_clone_raw(CLONE_VM | SIGCHLD, 0, 0, 0, 0), -EINVAL, "tine_clone_raw: CLONE_VM, no stack");

    CHECK_EQ(tine_spawn(0, 0, 0), -EINVAL, "tine_spawn: fn NULL");
    o = (struct tine_spawn_opts){ CLONE_VFORK, SIGCHLD, 0 };
    CHECK_EQ(tine_spawn(fn, 0, &o), -EINVAL, "tine_spawn: CLONE_VFORK (tine_spawn_exec's)");
    o = (struct tine_spawn_opts){ CLONE_THREAD | CLONE_SIGHAND | CLONE_VM, SIGCHLD, 0 };
    CHECK_EQ(tine_spawn(fn, 0, &o), -EINVAL, "tine_spawn: thread flags");
    o = (struct tine_spawn_opts){ SIGCHLD, SIGCHLD, 0 };
    CHECK_EQ(tine_spawn(fn, 0, &o), -EINVAL, "tine_spawn: a signal in flags (it goes in exit_signal)");
    /* The first signal past the kernel's last: 65, or 129 on MIPS, where 65 is a real-time signal. */
    o = (struct tine_spawn_opts){ 0, TINE_NSIG + 1, 0 };
    CHECK_EQ(tine_spawn(fn, 0, &o), -EINVAL, "tine_spawn: exit_signal TINE_NSIG + 1 (65; 129 on MIPS)");
    o = (struct tine_spawn_opts){ 0, -1, 0 };
    CHECK_EQ(tine_spawn(fn, 0, &o), -EINVAL, "tine_spawn: exit_signal -1");
    o = (struct tine_spawn_opts){ 0, SIGCHLD, 100 };
    CHECK_EQ(tine_spawn(fn, 0, &o), -EINVAL, "tine_spawn: a 100-byte stack");
    o = (struct tine_spawn_opts){ 0, SIGCHLD, (size_t)-1 };
    CHECK_EQ(tine_spawn(fn, 0, &o), -EINVAL, "tine_spawn: a stack of SIZE_MAX bytes");

    CHECK_EQ(tine_thread_spawn(0, fn, 0, 0), -EINVAL, "tine_thread_spawn: t NULL");
    CHECK_EQ(tine_thread_spawn(&t, 0, 0, 0), -EINVAL, "tine_thread_spawn: fn NULL");
    to = (struct tine_thread_opts){ 1, 0 };
    CHECK_EQ(tine_thread_spawn(&t, fn, 0, &to), -EINVAL, "tine_thread_spawn: 1-byte stack");
    to = (struct tine_thread_opts){ (size_t)-1, 0 };
    CHECK_EQ(tine_thread_spawn(&t, fn, 0, &to), -EINVAL, "tine_thread_spawn: SIZE_MAX stack (-EINVAL, as tine_spawn says)");
    to = (struct tine_thread_opts){ 0, (size_t)-1 };
    CHECK_EQ(tine_thread_spawn(&t, fn, 0, &to), -EINVAL, "tine_thread_spawn: SIZE_MAX guard (-EINVAL, as tine_stack_map says)");
    /*
     * 256 TiB on 64-bit ports: the kernel's -ENOMEM. On 32-bit ones nearly all
     * of the 4 GiB, above a quarter of the address space: refused first, -EINVAL.
     */
    to = (struct tine_thread_opts){ sizeof(size_t) == 8 ? (size_t)(1ULL << 48) : (size_t)0xfff00000u, 0 };
    CHECK_EQ(tine_thread_spawn(&t, fn, 0, &to), sizeof(size_t) == 8 ? -ENOMEM : -EINVAL,
             "tine_thread_spawn: a stack larger than the address space");
    CHECK(t == 0, "no handle came out of the failures");
    CHECK_EQ(tine_thread_join(0, 0), -EINVAL, "tine_thread_join: NULL");

    CHECK_EQ(tine_stack_map(0, 4096, 0), -EINVAL, "tine_stack_map: s NULL");
    CHECK_EQ(tine_stack_map(&st, 0, 0), -EINVAL, "tine_stack_map: size 0");
    CHECK_EQ(tine_stack_map(&st, (size_t)-1, 0), -EINVAL, "tine_stack_map: SIZE_MAX");
    CHECK_EQ(tine_stack_map(&st, 4096, (size_t)-1), -EINVAL, "tine_stack_map: SIZE_MAX guard");
    tine_stack_unmap(0);
    CHECK(1, "tine_stack_unmap(NULL) is harmless");
    CHECK(tine_stack_top(0) == 0, "tine_stack_top(NULL) is NULL, not a crash");
    st = (struct tine_stack){ 0, 0, 0 };
    CHECK(tine_stack_top(&st) == 0, "tine_stack_top of an unmapped stack is NULL");

    CHECK_EQ(tine_nanosleep(0, -1), -EINVAL, "tine_nanosleep: negative nsec");
    CHECK_EQ(tine_nanosleep(0, 1000000000), -EINVAL, "tine_nanosleep: nsec of a whole second");
    CHECK_EQ(tine_nanosleep(-1, 0), -EINVAL, "tine_nanosleep: negative sec");
    CHECK_EQ(tine_futex_wait_timeout(&stack_word, stack_word, 0, -5), -EINVAL, "futex timeout: negative nsec");
    CHECK_EQ(tine_getrlimit(RLIMIT_NOFILE, 0), -EINVAL, "tine_getrlimit: NULL");
    CHECK_EQ(tine_setrlimit(RLIMIT_NOFILE, 0), -EINVAL, "tine_setrlimit: NULL");
    {
        struct rlimit r;
        CHECK_EQ(tine_getrlimit(9999, &r), -EINVAL, "tine_getrlimit: no such resource (the kernel's -EINVAL)");
    }
    CHECK(tine_getenv(0) == 0, "tine_getenv(NULL) is NULL");
    CHECK(strcmp(tine_strerror(123456), "unknown error") == 0, "tine_strerror of nonsense");
    CHECK(strcmp(tine_strerror(INT_MIN), "unknown error") == 0, "tine_strerror(INT_MIN)");

    CHECK_EQ(tine_wait(-1, &status), -ECHILD, "nothing was spawned by any of it");
    tine_stack_cache_flush();
    t_read_file("/proc/self/maps", after, sizeof after);
    CHECK(strcmp(before, after) == 0, "nothing stayed mapped");
    {
        int r = -1;
        CHECK(tine_thread_spawn(&t, fn, (void *)5, 0) == 0 && tine_thread_join(t, &r) == 0 && r == 5,
              "and the process still spawns and joins threads");
    }
    return t_done();
}
