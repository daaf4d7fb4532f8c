/* SPDX-License-Identifier: 0BSD */
/* <tine/futex.h> — the kernel's wait queue on a word of memory (private futexes). */
#ifndef TINE_FUTEX_H
#define TINE_FUTEX_H

/* Sleeps while *addr == expected: 0 when woken, -EAGAIN if *addr != expected, -EINTR. */
int tine_futex_wait(int *addr, int expected);

/* Like tine_futex_wait, but gives up after sec + nsec (relative): -ETIMEDOUT. */
int tine_futex_wait_timeout(int *addr, int expected, long sec, long nsec);

/* Wakes up to count waiters on addr; returns how many woke. */
int tine_futex_wake(int *addr, int count);

#endif
