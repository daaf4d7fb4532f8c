/* SPDX-License-Identifier: 0BSD */
/*
 * t-ctors: what runs before main and after it. .preinit_array first, then
 * constructors by priority (101, 200, then those without one), each given
 * (argc, argv, envp) as glibc gives them; destructors after main returns,
 * in the reverse order. tine_exit runs them too, from any thread;
 * tine__exit (C's _exit) and tine_exit_thread do not, nor does a forked
 * child that ends with tine__exit. The last destructor to run gives the
 * verdict: main returning 0 proves nothing by itself here.
 */
#include "t.h"

static char order[16];
static int n;
static int *ran;                /* MAP_SHARED: destructor runs, counted across fork */
static int judging;             /* set by main as it returns; a forked child's copy is 0 */

static void step(char c)
{
    if (n < (int)sizeof order - 1)
        order[n++] = c;
}

static void pre(void) { step('p'); }
__attribute__((section(".preinit_array"), used)) static void (*const preinit)(void) = pre;

__attribute__((constructor)) static void c_none(void) { step('n'); }
__attribute__((constructor(200))) static void c_200(void) { step('2'); }

static int args_ok;
__attribute__((constructor(101))) static void c_101(int argc, char **argv, char **envp)
{
    step('1');
    args_ok = argc >= 1 && argv && argv[0] && !argv[argc] && envp == argv + argc + 1;
}

/* Destructors: 101 runs last, so it checks the order and prints the verdict. */
__attribute__((destructor)) static void d_none(void)
{
    step('N');
    if (ran)
        __atomic_add_fetch(ran, 1, __ATOMIC_SEQ_CST);
}
__attribute__((destructor(200))) static void d_200(void) { step('D'); }
__attribute__((destructor(101))) static void d_101(void)
{
    step('E');
    if (!judging)               /* a child's exit: main's checks count those */
        return;
    CHECK(strcmp(order, "p12nmNDE") == 0,
          "after main: destructors in reverse: none, 200, 101 (%s)", order);
    CHECK_EQ(*ran, 1, "main's return ran d_none once");
    if (t_done())
        tine__exit(1);          /* no more destructors: there are none left anyway */
}

static int exits_group(void *arg)
{
    (void)arg;
    tine_exit(0);               /* destructors, then the whole process */
}

static int ends_thread(void *arg)
{
    (void)arg;
    tine_exit_thread(3);        /* this thread only: no destructors */
}

/* Forks a child that ends as `how` says; returns how many destructors ran in it. */
static int child_runs(int how)
{
    int before = *ran, status = 0, pid = tine_fork();

    if (pid == 0) {
        tine_thread *t;

        if (how == 0)
            tine__exit(0);
        if (how == 1)
            tine_exit(0);
        if (tine_thread_spawn(&t, how == 2 ? ends_thread : exits_group, 0, 0) == 0)
            tine_thread_join(t, 0);
        tine__exit(how == 2 ? 0 : 9);           /* 3: not reached if tine_exit ended it */
    }
    if (pid < 0 || tine_wait(pid, &status) != pid || !WIFEXITED(status))
        return -1;
    return *ran - before;
}

int main(void)
{
    step('m');
    CHECK(strcmp(order, "p12nm") == 0, "preinit, constructors 101, 200, none, then main (%s)", order);
    CHECK(args_ok, "a constructor gets argc, argv and envp");
    ran = tine_mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (tine_is_err(ran)) {
        CHECK(0, "mmap");
        return t_done();
    }
    CHECK_EQ(child_runs(0), 0, "a child ending with tine__exit runs no destructors");
    CHECK_EQ(child_runs(1), 1, "a child ending with tine_exit runs them");
    CHECK_EQ(child_runs(2), 0, "tine_exit_thread runs none");
    CHECK_EQ(child_runs(3), 1, "tine_exit from a thread runs them, once");
    if (t_failures)
        return t_done();
    *ran = 0;
    judging = 1;
    tine_printf("main returns; the destructors give the verdict\n");
    return 0;
}
