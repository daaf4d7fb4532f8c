/* SPDX-License-Identifier: 0BSD */
/* calc.h — the project's library: a sum worked out by threads. */
#ifndef CALC_H
#define CALC_H
long calc_sum(long n, int threads);     /* 1 + 2 + ... + n, split over threads; -errno on failure */
#endif
