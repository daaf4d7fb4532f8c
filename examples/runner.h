/* SPDX-License-Identifier: 0BSD */
/*
 * examples/runner.h — what runs this example, as make demo and make check
 * say in TINE_RUNNER (mk/run.sh): "qemu" under qemu-user, "native" on a
 * kernel. Some lessons differ there (qemu-user's vfork is a fork, it
 * refuses namespaces and most partial sharing: docs/qemu-user.md), and an
 * example asserts what its runner does. A program cannot tell by itself.
 */
static inline int under_qemu(void)
{
    const char *r = tine_getenv("TINE_RUNNER");

    return r && strcmp(r, "qemu") == 0;
}
