/* SPDX-License-Identifier: 0BSD */
/*
 * bench/loop.h — the timing every workload shares, in each of its three
 * builds. The including header first defines LOOP_NAME (the function's
 * name), LOOP_ARG(argc, argv, def), LOOP_NOW() in nanoseconds and
 * LOOP_PRINT(ns): floor, tine and the C library each have their own.
 *
 * LOOP_NAME(argc, argv, def, warm, once): `warm` calls of once() to warm
 * up, then the count given on the command line (or def), and prints the
 * nanoseconds per call on a line of its own.
 */
static inline int LOOP_NAME(int argc, char **argv, long def, int warm, void (*once)(void))
{
    long n = LOOP_ARG(argc, argv, def), t0;

    for (int i = 0; i < warm; i++)
        once();
    t0 = LOOP_NOW();
    for (long i = 0; i < n; i++)
        once();
    LOOP_PRINT((LOOP_NOW() - t0) / n);
    return 0;
}
