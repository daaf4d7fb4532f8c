/* SPDX-License-Identifier: 0BSD */
/*
 * src/env.c — what the kernel handed over at exec: environment and auxiliary vector.
 */
#include "internal.h"
#include <linux/auxvec.h>

char          **__tine_environ;
unsigned long  *__tine_auxv;

/*
 * First at start-up, and only in programs that read these: others keep no
 * copy. The auxiliary vector follows the environment's terminating NULL.
 */
static void env_init(int argc, char **argv, char **envp)
{
    char **p = envp;

    while (*p)
        p++;
    __tine_environ = envp;
    __tine_auxv = (unsigned long *)(p + 1);
    (void)argc, (void)argv;
}
TINE_INIT(0, env_init);

unsigned long tine_getauxval(unsigned long type)
{
    for (unsigned long *a = __tine_auxv; a && a[0] != AT_NULL; a += 2)
        if (a[0] == type)
            return a[1];
    return 0;
}

unsigned long tine_page_size(void)
{
    static unsigned long page;

    if (!page)
        page = tine_getauxval(AT_PAGESZ);
    return page;
}

const char *tine_getenv(const char *name)
{
    size_t n;

    if (!name || !__tine_environ)
        return 0;
    n = strlen(name);
    for (char **e = __tine_environ; *e; e++)
        if (memcmp(*e, name, n) == 0 && (*e)[n] == '=')
            return *e + n + 1;
    return 0;
}

/* The environment main got (NULL before start-up): tine_execve takes it as it is. */
char **tine_environ(void)
{
    return __tine_environ;
}
