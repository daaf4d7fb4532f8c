/* SPDX-License-Identifier: 0BSD */
/*
 * src/fini.c — the program's destructors (.fini_array), run by tine_exit,
 * and so after main returns, as C's exit runs them.
 *
 * Linked only into programs that have destructors, so that the others'
 * tine_exit stays one system call: linker.ld notices a non-empty
 * .fini_array, and tine-cc relinks with --wrap=tine_exit, which sends every
 * call of tine_exit outside sys.c here, and this calls the real one.
 */
#include "internal.h"

typedef void (*fini_fn)(void);
extern const fini_fn __tine_fini_start[], __tine_fini_end[];

_Noreturn void __real_tine_exit(int code);

/*
 * From the end down: the last constructed is the first destroyed. A
 * destructor that calls tine_exit goes on with the ones left, not from
 * the end again.
 */
_Noreturn void __wrap_tine_exit(int code)
{
    static const fini_fn *next;

    if (!next)
        next = __tine_fini_end;
    while (next > __tine_fini_start)
        (*--next)();
    __real_tine_exit(code);
}
