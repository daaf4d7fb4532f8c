; SPDX-License-Identifier: 0BSD
; arch/i386/tp.asm — the thread pointer: the base of the GS segment.
;
; i386 has no register to hold a pointer for user code, so the kernel
; gives each thread a few TLS descriptors in the GDT. set_thread_area
; fills one (entry_number -1: "choose a free one, and tell me which"); the
; selector (entry << 3 | 3, user privilege) then goes into gs. Following the
; ELF TLS ABI, the first word at the base is its own address, so reading
; the pointer is mov eax, [gs:0].
;
; void *__tine_arch_tp(void)          result: eax
; long  __tine_arch_set_tp(void *tp)  C call: [esp+4] = tp
;       int 0x80: eax = SYS_set_thread_area, ebx = struct user_desc *
;
; struct user_desc (asm/ldt.h), 16 bytes:
;   +0 entry_number  +4 base_addr  +8 limit
;   +12 flags: seg_32bit (bit 0), contents (1-2), read_exec_only (3),
;              limit_in_pages (4), seg_not_present (5), useable (6)

%include "nr.inc"

        section .bss
        global  __tine_arch_tls_entry:data hidden
__tine_arch_tls_entry:
        resd    1                       ; the GDT entry threads reuse (arch.h)

        section .text
        global  __tine_arch_tp:function hidden
__tine_arch_tp:
        mov     eax, [gs:0]             ; tp->self
        ret

        global  __tine_arch_set_tp:function hidden
__tine_arch_set_tp:
        push    ebx
        sub     esp, 16                 ; a struct user_desc on the stack
        mov     eax, [esp+24]           ; tp
        mov     ecx, [__tine_arch_tls_entry]
        test    ecx, ecx                ; entries start at 6 (12 on x86_64): 0 is unset
        jnz     .entry
        mov     ecx, -1                 ; the first time: the kernel chooses
.entry: mov     [esp], ecx              ; entry_number: a second call reuses the first's
        mov     [esp+4], eax            ; base_addr = tp
        mov     dword [esp+8], 0xfffff  ; limit: 4 GiB in pages
        mov     dword [esp+12], 0x51    ; seg_32bit | limit_in_pages | useable
        mov     ebx, esp
        mov     eax, SYS_set_thread_area
        int     0x80
        test    eax, eax
        jnz     .out                    ; -errno
        mov     eax, [esp]              ; the entry the kernel chose
        mov     [__tine_arch_tls_entry], eax
        shl     eax, 3
        or      eax, 3                  ; selector: GDT, ring 3
        mov     gs, ax
        xor     eax, eax
.out:
        add     esp, 16
        pop     ebx
        ret

        section .note.GNU-stack noalloc noexec nowrite progbits
