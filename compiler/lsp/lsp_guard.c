/* lsp_guard.c - a crash in one message's handling does not end the
 * session: each request, notification and publication of diagnostics
 * runs under a guard (lsp_guard), and a fault inside it (SIGSEGV, SIGBUS,
 * SIGFPE, SIGILL, and SIGABRT from a failed assert or abort) returns to
 * the guard, which says so; the dispatcher then answers the request with
 * -32603 and the session goes on.
 *
 * How: sigsetjmp before the handler runs; the signal handler runs on an
 * alternate stack (so that a stack overflow is caught too) and
 * siglongjmps back.  What the crashed handler was building is abandoned,
 * and leaked: its JSON, and every kept compilation, which it may have
 * been reading or half-building (lsp_compile keeps none while it builds
 * one), are dropped without being freed, since freeing what a crash
 * interrupted could crash again outside any guard.  The next request
 * compiles again from the open documents' texts, which the handlers never
 * write.  A crash that leaves the C library's own state broken (inside
 * malloc) can still end the session; a fault outside any guard (reading
 * the input) ends it as before.
 *
 * Not under AddressSanitizer (`make test-san`, `make fuzz`): there a
 * crash must end the process with the sanitizer's report, so that the
 * tests and the fuzzer see it, and the guard only runs the handler.
 *
 * Testing aid: LspOptions.crash (from CHARTERC_LSP_CRASH_METHOD) lists
 * METHOD[:KIND] entries, comma-separated; each makes the first message of
 * METHOD it has not yet crashed crash inside its guard, with KIND segv (a
 * store through a null pointer; the default), stack (a recursion without
 * end), bus, fpe or abort.  METHOD textDocument/publishDiagnostics crashes
 * a publication. */
#define _DEFAULT_SOURCE /* sigaltstack */
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "lsp_int.h"

#if defined(__SANITIZE_ADDRESS__)
#define GUARD_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GUARD_SANITIZED 1
#endif
#endif

/* The testing aid's stack overflow, which ends in SIGSEGV. */
#define CRASH_STACK (-1)

static const int guarded[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
#define NGUARDED (sizeof guarded / sizeof guarded[0])

/* One session at a time runs in a process (lsp_run), so the guard's
 * state is the process's. */
static sigjmp_buf guard_env;
static volatile sig_atomic_t guard_armed;
static struct sigaction guard_old[NGUARDED];
static stack_t guard_old_stack;
static void *guard_stack;
static bool guard_on;

#ifndef GUARD_SANITIZED
/* Back to the guard when one is armed; otherwise the signal's default
 * action, as if there were no handler (it is raised again on return). */
static void on_fault(int sig)
{
    if (guard_armed) {
        guard_armed = 0;
        siglongjmp(guard_env, sig);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}
#endif

void lsp_guard_start(Lsp *s, const LspOptions *o)
{
    lsp_guard_hooks(s, o ? o->crash : NULL);
#ifndef GUARD_SANITIZED
    if (!o || !o->recover || guard_on)
        return;
    enum { STACK = 64 * 1024 };
    guard_stack = malloc(STACK);
    if (!guard_stack)
        return;
    stack_t st = {.ss_sp = guard_stack, .ss_size = STACK, .ss_flags = 0};
    if (sigaltstack(&st, &guard_old_stack) != 0) {
        free(guard_stack);
        guard_stack = NULL;
        return;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fault;
    sa.sa_flags = SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NGUARDED; i++)
        sigaction(guarded[i], &sa, &guard_old[i]);
    guard_on = true;
#endif
}

void lsp_guard_stop(void)
{
    if (!guard_on)
        return;
    for (size_t i = 0; i < NGUARDED; i++)
        sigaction(guarded[i], &guard_old[i], NULL);
    sigaltstack(&guard_old_stack, NULL);
    free(guard_stack);
    guard_stack = NULL;
    guard_on = false;
}

/* ---- the testing aid ------------------------------------------------------ */

void lsp_guard_hooks(Lsp *s, const char *spec)
{
    s->ncrash = 0;
    for (const char *p = spec; p && *p && s->ncrash < LSP_MAX_CRASH;) {
        size_t n = strcspn(p, ",");
        LspCrash *c = &s->crash[s->ncrash];
        const char *colon = memchr(p, ':', n);
        size_t mn = colon ? (size_t)(colon - p) : n;
        if (mn > 0 && mn < sizeof c->method) {
            memcpy(c->method, p, mn);
            c->method[mn] = '\0';
            c->sig = SIGSEGV;
            if (colon) {
                size_t kn = n - mn - 1;
                c->sig = kn == 3 && !strncmp(colon + 1, "bus", 3)     ? SIGBUS
                         : kn == 3 && !strncmp(colon + 1, "fpe", 3)   ? SIGFPE
                         : kn == 5 && !strncmp(colon + 1, "abort", 5) ? SIGABRT
                         : kn == 5 && !strncmp(colon + 1, "stack", 5) ? CRASH_STACK
                                                                       : SIGSEGV;
            }
            c->fired = false;
            s->ncrash++;
        }
        p += n + (p[n] == ',');
    }
}

/* Deeper and deeper until the stack overflows (SIGSEGV): each frame
 * holds a kilobyte, and the sum after the call keeps it from being a
 * loop; the bound only tells the compiler that it ends. */
static int overflow(volatile const char *prev, unsigned depth)
{
    volatile char frame[1024];
    frame[0] = (char)(prev ? prev[0] + 1 : 0);
    if (depth > (1u << 30))
        return frame[0];
    return overflow(frame, depth + 1) + frame[0];
}

/* Crashes as the hook says, when one entry for `method` has not fired. */
static void crash_if_hooked(Lsp *s, const char *method)
{
    for (int i = 0; i < s->ncrash; i++) {
        LspCrash *c = &s->crash[i];
        if (c->fired || strcmp(c->method, method) != 0)
            continue;
        c->fired = true;
        if (c->sig == SIGABRT)
            abort();
        if (c->sig == CRASH_STACK)
            overflow(NULL, 0);
        if (c->sig == SIGSEGV) {
            int *volatile nowhere = NULL;   /* volatile: a real store, not a trap */
            *nowhere = 1;
        }
        raise(c->sig);
    }
}

/* ---- the guard ------------------------------------------------------------ */

/* Every kept compilation is dropped, and leaked (see the top). */
static void drop_compilations(Lsp *s)
{
    for (int i = 0; i < s->ndocs; i++)
        s->docs[i]->comp = NULL;
    s->gen++;
}

const char *lsp_guard_signame(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    case SIGABRT: return "SIGABRT";
    default: return "a signal";
    }
}

int lsp_guard(Lsp *s, const char *method, void (*fn)(Lsp *s, void *arg), void *arg)
{
    if (!guard_on || guard_armed) {   /* no recovery, or inside a guard already */
        crash_if_hooked(s, method);
        fn(s, arg);
        return 0;
    }
    int sig = sigsetjmp(guard_env, 1);
    if (sig) {
        drop_compilations(s);
        return sig;
    }
    guard_armed = 1;
    crash_if_hooked(s, method);
    fn(s, arg);
    guard_armed = 0;
    return 0;
}
