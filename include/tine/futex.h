/* SPDX-License-Identifier: 0BSD */
/*
 * <tine/futex.h> — the kernel's wait queue on a word of memory.
 *
 * tine_futex_wait/_wake are private futexes: every waiter and waker is in
 * this process (its threads), which lets the kernel key the queue on the
 * virtual address alone. Processes that share a page (MAP_SHARED, then
 * tine_fork) must use the _shared forms, which the kernel keys on the page
 * itself; a private wait is never woken by a wake from another process.
 */
#ifndef TINE_FUTEX_H
#define TINE_FUTEX_H

/* Sleeps while *addr == expected: 0 when woken, -EAGAIN if *addr != expected, -EINTR. */
int tine_futex_wait(int *addr, int expected);

/* Like tine_futex_wait, but gives up after sec + nsec (relative): -ETIMEDOUT. */
int tine_futex_wait_timeout(int *addr, int expected, long sec, long nsec);

/* Wakes up to count waiters on addr; returns how many woke. */
int tine_futex_wake(int *addr, int count);

/* The same three for a word in memory shared between processes (MAP_SHARED). */
int tine_futex_wait_shared(int *addr, int expected);
int tine_futex_wait_timeout_shared(int *addr, int expected, long sec, long nsec);
int tine_futex_wake_shared(int *addr, int count);

#endif
