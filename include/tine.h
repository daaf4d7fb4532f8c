/* SPDX-License-Identifier: 0BSD */
/* <tine.h> — all of tine. Each header under tine/ also works on its own. */
#ifndef TINE_H
#define TINE_H

#include <tine/syscall.h>
#include <tine/sys.h>
#include <tine/signal.h>
#include <tine/ns.h>
#include <tine/clone.h>
#include <tine/process.h>
#include <tine/thread.h>
#include <tine/stack.h>
#include <tine/futex.h>
#include <tine/sync.h>
#include <tine/time.h>
#include <tine/print.h>
#include <tine/string.h>
#include <tine/trace.h>

#endif
