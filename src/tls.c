/* SPDX-License-Identifier: 0BSD */
/*
 * src/tls.c — ELF thread-local storage (_Thread_local, __thread) for
 * static programs: the local-exec and initial-exec models, where the
 * linker has already turned every variable into a fixed offset from the
 * thread pointer. (The dynamic models call __tls_get_addr, which a program
 * without a loader has no use for: tine-cc refuses them at link time.)
 *
 * The program's PT_TLS segment is the image: .tdata (filesz bytes, copied)
 * then .tbss (zeroed), memsz bytes in all, aligned to p_align. Each thread
 * gets its own block, placed around the thread pointer as its port's ABI
 * says (arch.h):
 *
 *   variant II (x86_64, i386, s390x):  | block | descriptor ...
 *                                              ^ tp
 *   variant I (aarch64, arm, riscv64, ppc64le):
 *                               | descriptor | [self] | TCB gap | block |
 *                                                     ^ tp
 *
 * In variant II the block ends at tp, rounded up to its alignment, and tp
 * points at the descriptor, whose word 0 is its own address and word 5 the
 * canary. In variant I the block starts at tp + round_up(gap, align), the
 * gap being the TCB the ABI reserves (16 bytes on aarch64, 8 on arm, none
 * on riscv64 and ppc64le); tine keeps the descriptor's address in the word
 * at tp + TINE_ARCH_TP_SELF, in the TCB or below tp (riscv64: the word just
 * below; ppc64le: 0x38 bytes below, so that the canary the compilers read
 * at tp - 0x10 is the descriptor's word 5 when there is no block). Where
 * the compilers read the canary through tp (TINE_ARCH_TP_CANARY), the
 * window below a block gets a copy of it. (ppc64le's register holds tp plus
 * a bias of 0x7000: its stubs and CLONE_SETTLS argument add it, arch.h.)
 *
 * This file is linked only into programs that have a PT_TLS: linker.ld
 * asks for __tine_tls_init when .tdata or .tbss is not empty, and tine-cc
 * relinks with -u __tine_tls_init. Its __tine_tls_area and
 * __tine_tls_place then replace thread.c's weak defaults, so a program
 * without thread-locals pays nothing.
 */
#include "internal.h"
#include <linux/auxvec.h>
#include <linux/elf.h>

#ifdef TINE_ARCH_TLS_ABOVE_TP
#define TINE_TLS_GAP TINE_ARCH_TLS_ABOVE_TP
#else
#define TINE_TLS_GAP 0
#endif

/*
 * The bytes kept between the descriptor and tp: the word riscv64 reads the
 * descriptor from, or as far down as the port's self word lies (ppc64le).
 */
#define TINE_TLS_BELOW_TP (-TINE_ARCH_TP_SELF > (long)sizeof(void *) ? (size_t)-TINE_ARCH_TP_SELF \
                                                                     : sizeof(void *))

#if __SIZEOF_POINTER__ == 8
typedef Elf64_Phdr phdr;
#else
typedef Elf32_Phdr phdr;
#endif

/*
 * The image, from PT_TLS. The linker computed every offset from p_align
 * (the block is round_up(memsz, p_align) below tp in variant II, the gap
 * round_up(gap, p_align) in variant I): align is p_align, and tp is
 * aligned to it and to 16, for the descriptor.
 */
static const char *image;
static size_t filesz, memsz, align, tpalign;

/* The bytes a thread's top area needs for its descriptor and block, slack included (thread.c). */
size_t __tine_tls_area = sizeof(struct tine_thread);

/*
 * Lays out a descriptor and a fresh block in area (__tine_tls_area bytes,
 * 16-aligned): copies .tdata, zeroes .tbss, stores the descriptor's address
 * where __tine_arch_tp reads it (tp + TINE_ARCH_TP_SELF). Returns the thread
 * pointer.
 */
char *__tine_tls_place(char *area)
{
    struct tine_thread *t;
    char *tp, *b;

#ifdef TINE_ARCH_TLS_ABOVE_TP
    t = (struct tine_thread *)area;
    tp = (char *)tine_round_up((size_t)(area + sizeof *t + TINE_TLS_BELOW_TP), tpalign);
    b = tp + tine_round_up(TINE_TLS_GAP, align);
#else
    size_t block = tine_round_up(memsz, align);

    tp = (char *)tine_round_up((size_t)(area + block), tpalign);
    b = tp - block;
    t = (struct tine_thread *)tp;
#endif
    memcpy(b, image, filesz);
    memset(b + filesz, 0, memsz - filesz);
    *(struct tine_thread **)(tp + TINE_ARCH_TP_SELF) = t;
#ifdef TINE_ARCH_TP_CANARY
    *(unsigned long *)(tp + TINE_ARCH_TP_CANARY) = __tine_main.canary;
#endif
    return tp;
}

/*
 * At start-up, after self.c has given main a descriptor: find PT_TLS, give
 * main a block in a mapping of its own and move its descriptor next to it.
 * __tine_main stays as the copy self.c filled in; the thread pointer no
 * longer points at it.
 */
static void tls_init(int argc, char **argv, char **envp)
{
    const char *p = (const char *)tine_getauxval(AT_PHDR);
    size_t n = tine_getauxval(AT_PHNUM), entsize = tine_getauxval(AT_PHENT);
    const phdr *tls = 0;
    struct tine_thread *t;
    char *area, *tp;

    for (; n; n--, p += entsize)
        if (((const phdr *)p)->p_type == PT_TLS)
            tls = (const phdr *)p;
    if (!tls)                   /* an empty .tdata and .tbss: no segment */
        return;
    image = (const char *)tls->p_vaddr;         /* a static program: no load bias */
    filesz = tls->p_filesz;
    memsz = tls->p_memsz;
    align = tls->p_align ? tls->p_align : 1;
    tpalign = align > 16 ? align : 16;
    __tine_tls_area = sizeof *t + TINE_TLS_BELOW_TP + tpalign - 1 + tine_round_up(TINE_TLS_GAP, align)
                    + tine_round_up(memsz, align);
    area = tine_mmap(0, __tine_tls_area, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (tine_is_err(area)) {
        static const char msg[] = "tine: no memory for the main thread's thread-local variables\n";

        tine_syscall3(__NR_write, 2, (long)msg, sizeof msg - 1);
        tine__exit(127);
    }
    tp = __tine_tls_place(area);
    t = *(struct tine_thread **)(tp + TINE_ARCH_TP_SELF);
    *t = __tine_main;
    t->self = t;
    __tine_arch_set_tp(tp);
    (void)argc, (void)argv, (void)envp;
}
TINE_INIT(3, tls_init);

/* What linker.ld's ASSERT and tine-cc's -u look for: its presence links this file. */
const char __tine_tls_init = 1;
