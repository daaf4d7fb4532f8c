/*
 * bench/tine/fork.c — fork + wait through tine: tine_fork, tine_exit in
 * the child, tine_wait.
 *
 *   fork [N]       prints the nanoseconds per fork + wait, over N of them
 */
#include "bench.h"

static void once(void)
{
    int pid = tine_fork(), status;

    if (pid == 0)
        tine_exit(0);
    if (pid < 0 || tine_wait(pid, &status) != pid)
        bench_fail("tine_fork", pid);
}

int main(int argc, char **argv)
{
    long n = bench_arg(argc, argv, 500), t0;

    for (int i = 0; i < 5; i++)     /* warm-up */
        once();
    t0 = bench_now_ns();
    for (long i = 0; i < n; i++)
        once();
    tine_printf("%ld\n", (bench_now_ns() - t0) / n);
    return 0;
}
