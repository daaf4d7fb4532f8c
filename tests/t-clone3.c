/* SPDX-License-Identifier: 0BSD */
/*
 * t-clone3: clone3 in both shapes natively; -ENOSYS under qemu-user (7.2 to 10.0),
 * where tine_spawn's pidfd falls back to clone + pidfd_open. The arguments
 * are read as the kernel reads them (kernel/fork.c, copy_clone_args_from_user):
 * an unreadable struct is -EFAULT, not a SIGSEGV in the caller (LTP clone302),
 * and a bigger size is fine while its extra bytes are zero. tine reads them
 * before qemu-user's ENOSYS, so those answers are the same on every runner.
 */
#include "t.h"

static int shared;

static int child(void *arg)
{
    shared = (int)(long)arg;
    return 9;
}

int main(void)
{
    int qemu = t_qemu(), status = -1, fd = -1, pid;
    struct tine_stack st;
    struct clone_args fork_like = { .exit_signal = SIGCHLD }, bad;
    long r;

    CHECK_EQ(tine_clone3(0, sizeof fork_like), -EFAULT, "tine_clone3(NULL, 88): EFAULT, as the kernel says");
    CHECK_EQ(tine_clone3(0, 32), -EINVAL, "tine_clone3(NULL, 32): the size is checked first (EINVAL)");
    CHECK_EQ(tine_clone3(&fork_like, 32), -EINVAL, "a size below CLONE_ARGS_SIZE_VER0");
    CHECK_EQ(tine_clone3(&fork_like, tine_page_size() + 8), -E2BIG, "a size above a page: E2BIG");
    CHECK_EQ(tine_clone3_fn(child, 0, 0, sizeof fork_like), -EFAULT, "tine_clone3_fn with NULL args: EFAULT");

    /* Unreadable args: all of them (PROT_NONE), or their tail past a readable page. */
    size_t page = tine_page_size();
    char *two = tine_mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(!tine_is_err(two) && tine_mprotect(two + page, page, PROT_NONE) == 0, "a page, and a PROT_NONE page above it");
    CHECK_EQ(tine_clone3((struct clone_args *)(two + page), sizeof fork_like), -EFAULT,
             "args in a PROT_NONE page: EFAULT, and we live");
    struct clone_args *edge = (struct clone_args *)(two + page - 32);
    memset(two + page - 32, 0, 32);                 /* its readable half */
    CHECK_EQ(tine_clone3(edge, sizeof *edge), -EFAULT, "args whose second half is PROT_NONE: EFAULT");
    CHECK_EQ(tine_clone3_fn(child, 0, edge, sizeof *edge), -EFAULT, "the same through tine_clone3_fn");
    /* A bigger size: zero bytes beyond the struct are accepted, anything else is E2BIG. */
    struct { struct clone_args a; unsigned long more[4]; } big = { .a = { .exit_signal = SIGCHLD } };
    edge = (struct clone_args *)(two + page - sizeof fork_like - 8);
    *edge = fork_like;
    CHECK_EQ(tine_clone3(edge, sizeof fork_like + 16), -EFAULT, "extra bytes that run into PROT_NONE: EFAULT");
    big.more[3] = 1;
    CHECK_EQ(tine_clone3(&big.a, sizeof big), -E2BIG, "a nonzero byte beyond the struct: E2BIG");
    CHECK_EQ(tine_clone3_fn(child, 0, &big.a, sizeof big), -E2BIG, "the same through tine_clone3_fn");
    big.more[3] = 0;
    r = tine_clone3(&big.a, sizeof big);
    if (r == 0)
        tine_exit(6);
    if (qemu) {
        CHECK_EQ(r, -ENOSYS, "qemu-user: a bigger size with zero extra bytes reaches clone3: ENOSYS");
    } else {
        CHECK(r > 0 && tine_wait((int)r, &status) == r && WIFEXITED(status) && WEXITSTATUS(status) == 6,
              "a bigger size with zero extra bytes is accepted, as the kernel does (%ld, status %#x)", r, status);
    }
    tine_munmap(two, 2 * page);
    bad = (struct clone_args){ .exit_signal = SIGCHLD, .stack = 4096, .stack_size = 4096 };
    CHECK_EQ(tine_clone3(&bad, sizeof bad), -EINVAL, "the raw shape with a stack");
    bad = (struct clone_args){ .flags = CLONE_VM, .exit_signal = SIGCHLD };
    CHECK_EQ(tine_clone3(&bad, sizeof bad), -EINVAL, "the raw shape with CLONE_VM and no stack");
    CHECK_EQ(tine_clone3_fn(child, 0, &fork_like, sizeof fork_like), -EINVAL, "the fn shape without a stack");

    r = tine_clone3(&fork_like, sizeof fork_like);
    if (r == 0)
        tine_exit(7);
    if (qemu) {
        CHECK_EQ(r, -ENOSYS, "qemu-user: clone3 is ENOSYS");
    } else {
        CHECK(r > 0 && tine_wait((int)r, &status) == r && WIFEXITED(status) && WEXITSTATUS(status) == 7,
              "raw clone3 returns twice; the child exits 7 (%ld, status %#x)", r, status);
    }

    CHECK_EQ(tine_stack_map(&st, 65536, 0), 0, "a stack for the fn shape");
    struct clone_args vm = { .flags = CLONE_VM, .exit_signal = SIGCHLD,
                             .stack = (unsigned long)t_stack_lo(&st), .stack_size = st.size - 3 };
    struct { struct clone_args a; unsigned long zero[2]; } vm_big = { .a = vm };
    r = tine_clone3_fn(child, (void *)43L, &vm_big.a, sizeof vm_big);
    if (qemu) {
        CHECK_EQ(r, -ENOSYS, "qemu-user: the fn shape with a bigger size reaches clone3: ENOSYS");
    } else {
        CHECK(r > 0 && tine_wait((int)r, &status) == r && WEXITSTATUS(status) == 9 && shared == 43,
              "fn shape, a size beyond the struct with zero extra bytes: runs (%ld, %#x, %d)", r, status, shared);
    }
    r = tine_clone3_fn(child, (void *)42L, &vm, sizeof vm);
    if (qemu) {
        CHECK_EQ(r, -ENOSYS, "qemu-user: the fn shape too");
    } else {
        CHECK(r > 0 && tine_wait((int)r, &status) == r && WEXITSTATUS(status) == 9 && shared == 42,
              "fn shape, CLONE_VM, an unaligned stack size: fn's 9, and 42 in our memory (%ld, %#x, %d)",
              r, status, shared);
        CHECK_EQ(vm.stack_size, st.size - 3, "the caller's clone_args are left as they were");
    }
    tine_stack_unmap(&st);

    /* clone3's pidfd through tine_spawn, or clone + pidfd_open where clone3 is missing. */
    struct tine_spawn_opts o = { .exit_signal = SIGCHLD, .pidfd = &fd };
    pid = tine_spawn(child, (void *)5L, &o);
    CHECK(pid > 0 && fd >= 0, "tine_spawn with a pidfd: pid %d, fd %d", pid, fd);
    CHECK_EQ(tine_pidfd_wait(fd, &status, 0, 0), pid, "tine_pidfd_wait reaps it");
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 9, "and says it exited 9 (status %#x)", status);
    tine_close(fd);

    /* set_tid needs clone3 and CAP_SYS_ADMIN; asking for pid 1 in our namespace is EEXIST. */
    int one = 1;
    struct tine_spawn_opts t = { .exit_signal = SIGCHLD, .set_tid = &one, .set_tid_size = 1 };
    r = tine_spawn(child, 0, &t);
    if (qemu)
        CHECK_EQ(r, -ENOSYS, "qemu-user: set_tid has no fallback");
    else
        CHECK(r == -EEXIST || r == -EPERM, "set_tid = {1}: %s (EEXIST as root, EPERM without)",
              tine_strerror((int)r));
    t.set_tid_size = 0;
    CHECK_EQ(tine_spawn(child, 0, &t), -EINVAL, "set_tid without a size");
    return t_done();
}
