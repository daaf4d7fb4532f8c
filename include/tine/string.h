/* SPDX-License-Identifier: 0BSD */
/* <tine/string.h> — the memory and string functions compilers may call on their own. */
#ifndef TINE_STRING_H
#define TINE_STRING_H

#include <stddef.h>

void  *memcpy(void *restrict d, const void *restrict s, size_t n);
void  *memmove(void *d, const void *s, size_t n);
void  *memset(void *d, int c, size_t n);
int    memcmp(const void *a, const void *b, size_t n);
int    bcmp(const void *a, const void *b, size_t n);      /* clang emits calls to it */
size_t strlen(const char *s);
int    strcmp(const char *a, const char *b);

#endif
