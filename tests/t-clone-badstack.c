/* SPDX-License-Identifier: 0BSD */
/*
 * t-clone-badstack: tine_clone with a stack_top the child cannot use
 * (unmapped, PROT_NONE, read-only) kills the child, by SIGSEGV at its first
 * push, and never the caller: no port's stub writes to the new stack from
 * the parent (x86 once did, and died for the child's bad stack). On a real
 * sparc64 kernel the kernel does, and the clone fails with EFAULT instead
 * (not checkable here: Debian 12 has no sparc64 kernel to boot). A child
 * given a good stack afterwards still gets fn and arg right.
 */
#include "t.h"

/* Not a leaf: it writes its stack (a leaf on a port that calls through a register never would). */
static int child(void *arg)
{
    volatile char frame[64];

    frame[0] = (char)(long)arg;
    frame[63] = 0;
    return (int)(long)arg + frame[63];
}

/* Clones a process-shaped child onto top and says how it ended. */
static void try(const char *what, unsigned long flags, void *top)
{
    int status = -1;
    long r = tine_clone(child, (void *)7L, flags, top, 0, 0, 0);

    if (t_elf_machine() == EM_SPARCV9 && !t_qemu()) {
        /*
         * A real sparc64 kernel writes on the new stack itself, from the
         * parent: clone_stackframe (arch/sparc/kernel/process_64.c) copies
         * the caller's frame there, and a stack it cannot write fails the
         * clone ("if (!csp) return -EFAULT;"). qemu-user copies nothing.
         */
        CHECK(r == -EFAULT, "%s: a real sparc64 kernel refuses it (%ld, want -EFAULT), and the caller is alive",
              what, r);
        return;
    }
    CHECK(r > 0, "%s: the clone itself succeeds (%ld), and the caller is alive", what, r);
    if (r > 0)
        CHECK(tine_wait((int)r, &status) == r && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
              "%s: the child died of SIGSEGV (status %#x)", what, status);
}

int main(void)
{
    size_t page = tine_page_size();
    struct rlimit nocore = { 0, 0 };        /* no core files (qemu-user writes its own) */
    struct tine_stack st;
    char *p;
    int status = -1, qemu = t_qemu(), up;
    long r;

    tine_setrlimit(RLIMIT_CORE, &nocore);
    CHECK_EQ(tine_stack_map(&st, 64 * 1024, 0), 0, "a good stack (mapped first: the hole below must stay one)");
    p = tine_mmap(0, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(!tine_is_err(p), "three pages to spoil");
    CHECK(tine_munmap(p, page) == 0 && tine_mprotect(p + page, page, PROT_NONE) == 0 &&
          tine_mprotect(p + 2 * page, page, PROT_READ) == 0,
          "one unmapped, one PROT_NONE, one read-only");

    /* A stack starts at the top of its page, or at its bottom where stacks grow up. */
    up = t_stack_up(&st) ? 0 : 1;
    try("an unmapped stack", SIGCHLD, p + up * page);
    try("a PROT_NONE stack", SIGCHLD, p + (1 + up) * page);
    try("a read-only stack", SIGCHLD, p + (2 + up) * page);
    if (!qemu)                  /* qemu-user refuses CLONE_VM without the thread set: t-clone */
        try("a PROT_NONE stack, CLONE_VM", CLONE_VM | SIGCHLD, p + (1 + up) * page);

    r = tine_clone(child, (void *)-5L, SIGCHLD, tine_stack_top(&st), 0, 0, 0);
    CHECK(r > 0 && tine_wait((int)r, &status) == r && WIFEXITED(status) && WEXITSTATUS(status) == 251,
          "on a good stack fn gets its arg: exit (char)-5 (%ld, status %#x)", r, status);
    r = tine_clone(child, (void *)0x7654321L, SIGCHLD, tine_stack_top(&st), 0, 0, 0);
    CHECK(r > 0 && tine_wait((int)r, &status) == r && WIFEXITED(status) && WEXITSTATUS(status) == 0x21,
          "and a big one: exit 0x21 of 0x7654321 (%ld, status %#x)", r, status);
    tine_stack_unmap(&st);
    tine_munmap(p + page, 2 * page);
    return t_done();
}
