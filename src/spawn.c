/* SPDX-License-Identifier: 0BSD */
/*
 * src/spawn.c — a new process that runs fn(arg) on a stack of its own,
 * with whatever the kernel's clone vocabulary adds: namespaces (a new user
 * namespace gets its uid and gid maps written before the child runs),
 * CLONE_PARENT, any exit signal, memory shared with CLONE_VM, and through
 * clone3 a pidfd, a cgroup and chosen pids.
 *
 * The child's mapping, low to high:
 *
 *   | guard | stack (stack_size) | sigaltstack | struct spawn | tail (internal.h) |
 *
 * A child with its own memory runs on its copy, so the parent recycles
 * the mapping as soon as clone returns. A CLONE_VM child runs on the
 * mapping itself: it stays on a list until tine_wait (or tine_pidfd_wait)
 * has reaped that child, and is unmapped then.
 */
#include "internal.h"

/*
 * Flags tine_spawn refuses (-EINVAL): a thread is tine_thread_spawn's, a
 * vfork tine_spawn_exec's; the tid words and CLONE_PIDFD need memory
 * tine_spawn does not hand out (opts->pidfd is the way to a pidfd); and
 * the exit signal is opts->exit_signal, not bits of the flags.
 */
#define SPAWN_REFUSED (CLONE_THREAD | CLONE_VFORK | CLONE_SETTLS | CLONE_PARENT_SETTID | \
                       CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_PIDFD | CSIGNAL)

struct spawn {
    int  (*fn)(void *);
    void  *arg;
    unsigned long flags;
    int    gate[2];             /* CLONE_NEWUSER: the child waits on gate[0] for its maps */
    char  *alt;                 /* the alternate signal stack, for a CLONE_VM child */
    size_t alt_size;
    struct tine_stack st;       /* the mapping this record lives in */
    struct spawn *next;         /* CLONE_VM: on `live` until reaped */
    int    pid;
};

/*
 * CLONE_VM children's mappings, not yet reaped; under the stack cache's
 * lock (stack.c), which a fork holds across its clone.
 */
static struct spawn *live;

/* tine_wait and tine_pidfd_wait call this for every child they reap. */
void __tine_spawn_reaped(int pid)
{
    struct spawn **p, *s = 0;

    __tine_stack_lock();
    for (p = &live; *p; p = &(*p)->next)
        if ((*p)->pid == pid) {
            s = *p;
            *p = s->next;
            break;
        }
    __tine_stack_unlock();
    if (s) {
        struct tine_stack st = s->st;   /* s lives inside the mapping about to go */
        tine_stack_unmap(&st);
    }
}

/*
 * A fork-like child, under the lock: the parent's CLONE_VM children are
 * not its own, and their mappings here are copies nothing runs on.
 */
void __tine_spawn_forked(void)
{
    struct spawn *s = live;

    live = 0;
    while (s) {
        struct tine_stack st = s->st;   /* s lives inside the mapping about to go */
        s = s->next;
        tine_stack_unmap(&st);
    }
}

/*
 * The child's first C frame. A child with memory of its own has already
 * let go of its copy of the cache's lock (clone.c).
 */
static int spawn_start(void *p)
{
    struct spawn *s = p;
    char go;
    int r;

    if (s->flags & CLONE_VM) {  /* the kernel starts a CLONE_VM child without one */
        stack_t ss = { .ss_sp = s->alt, .ss_flags = 0, .ss_size = s->alt_size };
        tine_syscall2(__NR_sigaltstack, (long)&ss, 0);
    }
    if (s->flags & CLONE_NEWUSER) {
        if (!(s->flags & CLONE_FILES))
            tine_close(s->gate[1]);
        while (tine_read(s->gate[0], &go, 1) == -EINTR)
            ;
        tine_close(s->gate[0]);
        if (s->flags & CLONE_FILES)
            tine_close(s->gate[1]);
    }
    r = s->fn(s->arg);
    if (__tine_tracing)         /* the stub's exit, named here where C still runs */
        __tine_trace_exit(0, r);
    return r;
}

/* Writes text to /proc/<pid>/<file>. */
static int put(int pid, const char *file, const char *text)
{
    char path[48] = "/proc/", *p = __tine_utoa(path + 6, (unsigned long)pid);
    int fd, e;

    *p++ = '/';
    memcpy(p, file, strlen(file) + 1);
    fd = tine_open(path, O_WRONLY | O_CLOEXEC, 0);
    if (fd < 0)
        return fd;
    e = (int)tine_write(fd, text, strlen(text));
    tine_close(fd);
    return e < 0 ? e : 0;
}

/* A new user namespace: map its root to our uid and gid, one each. */
static int map_root(int pid)
{
    char line[32] = "0 ", *p;
    int e;

    p = __tine_utoa(line + 2, (unsigned long)tine_syscall0(__NR_getuid));
    memcpy(p, " 1\n", 4);
    if ((e = put(pid, "uid_map", line)) < 0)
        return e;
    e = put(pid, "setgroups", "deny");          /* an unprivileged gid_map needs it */
    if (e < 0 && e != -ENOENT)
        return e;
    p = __tine_utoa(line + 2, (unsigned long)tine_syscall0(__NR_getgid));
    memcpy(p, " 1\n", 4);
    return put(pid, "gid_map", line);
}

/* clone3 where it adds something; else (or where it is ENOSYS and can be done without) clone. */
static long start(struct spawn *s, const struct tine_spawn_opts *o, int sig, size_t size)
{
    char *stack = tine_stack_frames(&s->st, size);
    struct clone_args ca = { .flags = s->flags, .exit_signal = (unsigned)sig,
                             .stack = (unsigned long)stack, .stack_size = size };
    int fd = -1;
    long r = -ENOSYS;

    if (o && (o->pidfd || o->cgroup || o->set_tid)) {
        if (o->pidfd) {
            ca.flags |= CLONE_PIDFD;
            ca.pidfd = (unsigned long)&fd;
        }
        if (o->cgroup) {
            ca.flags |= CLONE_INTO_CGROUP;
            ca.cgroup = (unsigned)*o->cgroup;
        }
        ca.set_tid = (unsigned long)o->set_tid;
        ca.set_tid_size = o->set_tid_size;
        r = tine_clone3_fn(spawn_start, s, &ca, sizeof ca);
        if (r != -ENOSYS || o->cgroup || o->set_tid)
            goto out;
    }
    r = tine_clone(spawn_start, s, s->flags | (unsigned long)sig, tine_stack_start(stack, size), 0, 0, 0);
    if (r > 0 && o && o->pidfd) {              /* clone3 was ENOSYS: a pidfd after the fact, */
        fd = (int)tine_syscall2(__NR_pidfd_open, r, 0);   /* safe: the pid is ours until reaped */
        if (fd < 0) {
            tine_kill((int)r, SIGKILL);
            tine_syscall4(__NR_wait4, r, 0, __WALL, 0);
            return fd;
        }
    }
out:
    if (r > 0 && o && o->pidfd)
        *o->pidfd = fd;
    return r;
}

int tine_spawn(int (*fn)(void *), void *arg, const struct tine_spawn_opts *opts)
{
    size_t page = tine_page_size(), alt = 0;
    unsigned long flags = opts ? opts->flags : 0;
    int sig = opts ? opts->exit_signal : SIGCHLD;
    size_t size = opts && opts->stack_size ? opts->stack_size : TINE_STACK_DEFAULT;
    struct tine_stack st;
    struct spawn *s;
    long r;

    if (!fn || (flags & SPAWN_REFUSED) || sig < 0 || sig > TINE_NSIG ||
        size < TINE_STACK_MIN || size > ((size_t)-1 >> 2) ||
        (opts && opts->set_tid && !opts->set_tid_size))
        return -EINVAL;
    size = tine_round_up(size, page);
    if (flags & CLONE_VM)
        alt = __tine_altstack_size();
    s = __tine_stack_get_top(&st, size, page, alt, sizeof *s);
    if (tine_is_err(s))
        return tine_ptr_err(s);
    *s = (struct spawn){ .fn = fn, .arg = arg, .flags = flags, .gate = { -1, -1 }, .st = st };
    if (alt)
        s->alt = tine_stack_alt(&st, size, (char *)s, sizeof *s, &s->alt_size);
    if ((flags & CLONE_NEWUSER) && (r = tine_syscall2(__NR_pipe2, (long)s->gate, O_CLOEXEC)) < 0)
        goto fail;
    r = start(s, opts, sig, size);  /* a fork: clone.c holds the cache's lock across it */
    if (r > 0 && (flags & CLONE_NEWUSER)) {
        long e = map_root((int)r);
        if (e < 0) {                           /* it never runs fn without its maps */
            tine_kill((int)r, SIGKILL);
            tine_syscall4(__NR_wait4, r, 0, __WALL, 0);
            r = e;
        } else {
            tine_write(s->gate[1], "", 1);     /* go */
        }
    }
    if ((flags & CLONE_NEWUSER) && (!(flags & CLONE_FILES) || r < 0)) {
        tine_close(s->gate[0]);
        tine_close(s->gate[1]);
    }
    if (r > 0 && (flags & CLONE_VM)) {
        s->pid = (int)r;
        __tine_stack_lock();
        s->next = live;
        live = s;
        __tine_stack_unlock();
        return (int)r;
    }
fail:
    if (r < 0)
        tine_stack_unmap(&st);  /* a refused spawn leaves nothing mapped, not even in the cache */
    else
        __tine_stack_put(&st);  /* the child runs on its own copy */
    return (int)r;
}
