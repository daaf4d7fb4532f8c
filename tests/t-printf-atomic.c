/* SPDX-License-Identifier: 0BSD */
/*
 * t-printf-atomic: one tine_dprintf call of up to PIPE_BUF (4096) bytes is
 * one write(2), so lines that several threads print to one pipe at once
 * come out whole, never interleaved (they did past 256 bytes). Eight
 * threads on TINE_STACK_MIN stacks print lines of 700 and 4096 bytes, built
 * from several conversions; the reader checks every line. Longer output is
 * counted right and comes out complete, in PIPE_BUF pieces.
 */
#include "t.h"
#include <linux/limits.h>       /* PIPE_BUF */

#define THREADS 8
#define LINES   40

static int pipefd[2];
static char body[PIPE_BUF];

/* Line k of thread `id`: its letter, repeated, len bytes with the newline. */
static int writer(void *arg)
{
    int id = (int)(long)arg;
    char c = (char)('a' + id);

    for (int k = 0; k < LINES; k++) {
        int len = k % 2 ? 700 : PIPE_BUF;
        /* "%c" + "%.*s" of len - 3 letters + "%c" + "\n": several puts, one call */
        int n = tine_dprintf(pipefd[1], "%c%.*s%c\n", c, len - 3, body, c);

        if (n != len)
            return 100 + k;
    }
    return 0;
}

int main(void)
{
    static char buf[1 << 16], line[PIPE_BUF + 1];
    struct tine_thread_opts o = { .stack_size = TINE_STACK_MIN };
    tine_thread *t[THREADS];
    long total = (long)THREADS * (LINES / 2) * (700 + PIPE_BUF), got = 0;
    int lines = 0, broken = 0, len = 0, ret;

    t_qemu();
    CHECK_EQ(tine_syscall2(__NR_pipe2, (long)pipefd, 0), 0, "a pipe");
    for (int id = 0; id < THREADS; id++) {
        memset(body, 'x', sizeof body);
        CHECK_EQ(tine_thread_spawn(&t[id], writer, (void *)(long)id, &o), 0, "a writer thread on TINE_STACK_MIN");
    }
    while (got < total) {
        long n = tine_read(pipefd[0], buf, sizeof buf);

        if (n <= 0)
            break;
        got += n;
        for (long i = 0; i < n; i++) {
            if (len < PIPE_BUF)
                line[len++] = buf[i];
            if (buf[i] != '\n')
                continue;
            /* whole: first and last letter equal, 'x' between, 700 or 4096 bytes */
            int ok = (len == 700 || len == PIPE_BUF) && line[0] >= 'a' && line[0] < 'a' + THREADS &&
                     line[len - 2] == line[0];
            for (int j = 1; ok && j < len - 2; j++)
                ok = line[j] == 'x';
            broken += !ok;
            lines++;
            len = 0;
        }
    }
    for (int id = 0; id < THREADS; id++) {
        CHECK(tine_thread_join(t[id], &ret) == 0 && ret == 0, "writer %d: every call returned its length (%d)", id, ret);
    }
    CHECK_EQ(got, total, "every byte arrived");
    CHECK(lines == THREADS * LINES && broken == 0, "%d lines of 700 and 4096 bytes from %d threads, %d broken",
          lines, THREADS, broken);

    /* Beyond PIPE_BUF: counted right, and all of it comes out (in PIPE_BUF pieces). */
    int n = tine_dprintf(pipefd[1], "%.*s%s%9000d\n", 3000, body, "|", 7);
    long want = 3000 + 1 + 9000 + 1, have = 0;
    CHECK_EQ(n, want, "a 12,002-byte dprintf returns its length");
    while (have < want) {
        long r = tine_read(pipefd[0], buf + have, sizeof buf - (size_t)have);
        if (r <= 0)
            break;
        have += r;
    }
    CHECK(have == want && buf[2999] == 'x' && buf[3000] == '|' && buf[want - 2] == '7' && buf[want - 3] == ' ',
          "and comes out whole (%ld bytes)", have);
    return t_done();
}
