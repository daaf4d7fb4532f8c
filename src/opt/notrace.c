/* SPDX-License-Identifier: 0BSD */
/*
 * src/opt/notrace.c — `tine-cc --no-trace`: the tracer's names, doing
 * nothing. Linked before libtine.a, these definitions satisfy every call
 * site, so trace.c (about 2.5 KiB with its flag and signal names) is never
 * pulled in. TINE_TRACE=1 then has no effect, and tine_trace(1) says so
 * with -ENOSYS. Kept out of libtine.a, where it would shadow the tracer.
 */
#include "internal.h"

int __tine_tracing;             /* always 0: the call sites test it and go on */

/* The stubs call these only when __tine_tracing is set: never, here. */
long __tine_trace_clone_kernel(long a1, long a2, long a3, long a4, long a5, long r)
{
    (void)a1, (void)a2, (void)a3, (void)a4, (void)a5;
    return r;
}

long __tine_trace_vfork_kernel(long r) { return r; }

void __tine_trace_clone3(const struct clone_args *a, size_t size, long r) { (void)a, (void)size, (void)r; }
void __tine_trace_exit(int group, int code) { (void)group, (void)code; }
void __tine_trace_wait(int pidfd, int id, int *status, long r) { (void)pidfd, (void)id, (void)status, (void)r; }
void __tine_trace_futex(int *uaddr, int op, int val, long r) { (void)uaddr, (void)op, (void)val, (void)r; }

int tine_trace(int on)
{
    (void)on;
    return -ENOSYS;
}
