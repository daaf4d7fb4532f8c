/* SPDX-License-Identifier: 0BSD */
/* t-sys: the typed wrappers, against what the kernel says. */
#include "t.h"

static char maps[16384];

int main(int argc, char **argv, char **envp)
{
    struct rlimit old, r;
    char buf[64];
    int fds[2], fd;
    long n;
    char *p;

    t_qemu();
    CHECK(argc >= 1 && argv[0] && argv[argc] == 0, "argc/argv from the kernel (%d)", argc);
    CHECK(envp && tine_getenv("TINE_RUNNER") != 0, "envp and tine_getenv");
    CHECK(tine_getenv("TINE_RUNNE") == 0 && tine_getenv("TINE_RUNNER_NOT_SET") == 0,
          "tine_getenv matches whole names only");
    CHECK_EQ(tine_page_size(), tine_getauxval(6 /* AT_PAGESZ */), "page size from the auxiliary vector");
    CHECK(tine_page_size() >= 4096 && (tine_page_size() & (tine_page_size() - 1)) == 0,
          "page size is a power of two >= 4096 (%lu)", tine_page_size());
    CHECK(tine_getpid() > 1 && tine_getppid() > 0 && tine_gettid() == tine_getpid(),
          "getpid/getppid/gettid (%d %d %d)", tine_getpid(), tine_getppid(), tine_gettid());

    CHECK_EQ(tine_syscall2(__NR_pipe2, (long)fds, 0), 0, "pipe2 through tine_syscall2");
    CHECK_EQ(tine_write(fds[1], "hello", 5), 5, "write 5 bytes");
    CHECK_EQ(tine_read(fds[0], buf, sizeof buf), 5, "read them back");
    CHECK(memcmp(buf, "hello", 5) == 0, "the same bytes");
    CHECK_EQ(tine_close(fds[0]), 0, "close");
    CHECK_EQ(tine_close(fds[0]), -EBADF, "close again: -EBADF");
    tine_close(fds[1]);
    CHECK_EQ(tine_write(-1, "x", 1), -EBADF, "write to fd -1: -EBADF");

    fd = tine_open("/proc/self/maps", O_RDONLY, 0);
    CHECK(fd >= 0, "open /proc/self/maps (%d)", fd);
    n = tine_read(fd, maps, sizeof maps - 1);
    CHECK(n > 0, "read it");
    tine_close(fd);
    CHECK_EQ(tine_open("/no/such/file", O_RDONLY, 0), -ENOENT, "open a missing file: -ENOENT");

    p = tine_mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(!tine_is_err(p), "mmap two pages");
    p[0] = 1, p[8191] = 2;
    CHECK_EQ(tine_mprotect(p, 4096, PROT_READ), 0, "mprotect the first read-only");
    CHECK_EQ(tine_munmap(p, 8192), 0, "munmap");
    p = tine_mmap(0, 4096, PROT_READ, MAP_PRIVATE, -1, 0);
    CHECK(tine_is_err(p) && tine_ptr_err(p) == -EBADF, "mmap a file from fd -1: error pointer -EBADF");
    CHECK(!tine_is_err((void *)4096) && tine_is_err((void *)-1L) && tine_is_err((void *)-4095L) &&
          !tine_is_err((void *)-4096L), "tine_is_err draws the line at -4095");

    CHECK_EQ(tine_kill(tine_getpid(), 0), 0, "kill(self, 0)");
    CHECK_EQ(tine_tgkill(tine_getpid(), tine_gettid(), 0), 0, "tgkill(self, 0)");
    CHECK_EQ(tine_kill(0x7ffffff0, 0), -ESRCH, "kill a pid that does not exist: -ESRCH");
    CHECK_EQ(tine_sched_yield(), 0, "sched_yield");
    CHECK_EQ(tine_nanosleep(0, 1000000), 0, "nanosleep 1 ms");

    CHECK_EQ(tine_getrlimit(RLIMIT_NOFILE, &old), 0, "getrlimit(NOFILE)");
    CHECK(old.rlim_cur > 3 && old.rlim_cur <= old.rlim_max, "soft <= hard (%lu, %lu)",
          (unsigned long)old.rlim_cur, (unsigned long)old.rlim_max);
    r.rlim_cur = 64, r.rlim_max = old.rlim_max;
    CHECK_EQ(tine_setrlimit(RLIMIT_NOFILE, &r), 0, "lower the soft limit to 64");
    CHECK(tine_getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur == 64 && r.rlim_max == old.rlim_max,
          "read back 64 (%lu)", (unsigned long)r.rlim_cur);
    r.rlim_cur = old.rlim_max == RLIM_INFINITY ? 2 : old.rlim_max + 1, r.rlim_max = old.rlim_max == RLIM_INFINITY ? 1 : old.rlim_max;
    CHECK_EQ(tine_setrlimit(RLIMIT_NOFILE, &r), -EINVAL, "soft above hard: -EINVAL");
    CHECK_EQ(tine_setrlimit(RLIMIT_NOFILE, &old), 0, "restore");
    CHECK(tine_getrlimit(RLIMIT_STACK, &r) == 0 && (r.rlim_cur == RLIM_INFINITY || r.rlim_cur >= 4096),
          "RLIMIT_STACK reads (%lu)", (unsigned long)r.rlim_cur);

    CHECK(strcmp(tine_strerror(EINVAL), "EINVAL (Invalid argument)") == 0, "strerror(EINVAL)");
    CHECK(strcmp(tine_strerror(-ENOENT), "ENOENT (No such file or directory)") == 0, "strerror(-ENOENT)");
    CHECK(strcmp(tine_strerror(EAGAIN), "EAGAIN (Try again)") == 0, "strerror(EAGAIN), not its alias");
    CHECK(strcmp(tine_strerror(EHWPOISON), "EHWPOISON (Memory page has hardware error)") == 0,
          "strerror knows the kernel's last errno");
    CHECK(strcmp(tine_strerror(0), "0 (Success)") == 0, "strerror(0)");
    {
        /*
         * Every errno of asm-generic/errno-base.h and errno.h, by name (the
         * aliases EWOULDBLOCK and EDEADLOCK left out): each has its own name,
         * whatever its number on this port (MIPS numbers most of them
         * differently, up to EDQUOT's 1133).
         */
        static const int every[] = {
            EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF, ECHILD, EAGAIN, ENOMEM, EACCES,
            EFAULT, ENOTBLK, EBUSY, EEXIST, EXDEV, ENODEV, ENOTDIR, EISDIR, EINVAL, ENFILE, EMFILE, ENOTTY,
            ETXTBSY, EFBIG, ENOSPC, ESPIPE, EROFS, EMLINK, EPIPE, EDOM, ERANGE, EDEADLK, ENAMETOOLONG, ENOLCK,
            ENOSYS, ENOTEMPTY, ELOOP, ENOMSG, EIDRM, ECHRNG, EL2NSYNC, EL3HLT, EL3RST, ELNRNG, EUNATCH, ENOCSI,
            EL2HLT, EBADE, EBADR, EXFULL, ENOANO, EBADRQC, EBADSLT, EBFONT, ENOSTR, ENODATA, ETIME, ENOSR,
            ENONET, ENOPKG, EREMOTE, ENOLINK, EADV, ESRMNT, ECOMM, EPROTO, EMULTIHOP, EDOTDOT, EBADMSG,
            EOVERFLOW, ENOTUNIQ, EBADFD, EREMCHG, ELIBACC, ELIBBAD, ELIBSCN, ELIBMAX, ELIBEXEC, EILSEQ,
            ERESTART, ESTRPIPE, EUSERS, ENOTSOCK, EDESTADDRREQ, EMSGSIZE, EPROTOTYPE, ENOPROTOOPT,
            EPROTONOSUPPORT, ESOCKTNOSUPPORT, EOPNOTSUPP, EPFNOSUPPORT, EAFNOSUPPORT, EADDRINUSE,
            EADDRNOTAVAIL, ENETDOWN, ENETUNREACH, ENETRESET, ECONNABORTED, ECONNRESET, ENOBUFS, EISCONN,
            ENOTCONN, ESHUTDOWN, ETOOMANYREFS, ETIMEDOUT, ECONNREFUSED, EHOSTDOWN, EHOSTUNREACH, EALREADY,
            EINPROGRESS, ESTALE, EUCLEAN, ENOTNAM, ENAVAIL, EISNAM, EREMOTEIO, EDQUOT, ENOMEDIUM,
            EMEDIUMTYPE, ECANCELED, ENOKEY, EKEYEXPIRED, EKEYREVOKED, EKEYREJECTED, EOWNERDEAD,
            ENOTRECOVERABLE, ERFKILL, EHWPOISON,
        };
        int named = 0;
        for (unsigned i = 0; i < sizeof every / sizeof every[0]; i++)
            named += strcmp(tine_strerror(every[i]), "unknown error") != 0;
        CHECK_EQ(named, (int)(sizeof every / sizeof every[0]), "every errno the kernel defines has a name");
    }
    return t_done();
}
