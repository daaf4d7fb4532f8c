/* SPDX-License-Identifier: 0BSD */
/* t-threads-many: 1000 threads alive at once, parked on one futex, then released and joined. */
#include "t.h"

#define N 1000

static int arrived, go;
static tine_thread *threads[N];
static int tids[N];

static int park(void *arg)
{
    tids[(long)arg] = tine_gettid();
    __atomic_add_fetch(&arrived, 1, __ATOMIC_SEQ_CST);
    tine_futex_wake(&arrived, 1);
    while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
        tine_futex_wait(&go, 0);
    return (int)(long)arg;
}

int main(void)
{
    struct tine_thread_opts opts = { 16 * 1024, 0 };
    int spawned = 0, joined = 0, dup = 0, ret;

    t_qemu();
    for (long i = 0; i < N; i++) {
        int e = tine_thread_spawn(&threads[i], park, (void *)i, &opts);
        if (e) {
            CHECK(0, "spawn %ld: %s", i, tine_strerror(e));
            break;
        }
        spawned++;
    }
    CHECK_EQ(spawned, N, "spawned 1000 threads with 16 KiB stacks");
    CHECK(t_wait_word(&arrived, spawned, 20000), "all of them are alive and parked (%d)", arrived);
    for (int i = 0; i < spawned; i++)
        for (int j = i + 1; j < spawned; j++)
            dup += tids[i] == tids[j];
    CHECK_EQ(dup, 0, "1000 distinct tids");
    __atomic_store_n(&go, 1, __ATOMIC_RELEASE);
    tine_futex_wake(&go, INT_MAX);
    for (int i = 0; i < spawned; i++)
        joined += tine_thread_join(threads[i], &ret) == 0 && ret == i;
    CHECK_EQ(joined, spawned, "every one released and joined with its own value");
    return t_done();
}
