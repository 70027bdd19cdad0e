/* bundle_int.h - what the bundle module's files share (not its interface,
 * which is bundle.h): how a failure becomes the one sentence a caller
 * prints. */
#ifndef CHARTER_BUNDLE_INT_H
#define CHARTER_BUNDLE_INT_H

#include <stdarg.h>
#include <stdio.h>

/* Writes the message into err (size bytes) and returns -1. */
static inline int bundle_fail(char *err, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static inline int bundle_fail(char *err, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
    return -1;
}

#endif
