/*
 * ffi: how the tracker calls extern functions, through libffi.
 *
 * A derived indicator's formula may call functions declared
 *   extern function NAME(TYPE, ...) -> TYPE from "LIB"
 * The runtime opens LIB once (rtffi_open), looks each function up once
 * with its signature (rtffi_lookup, which also prepares the libffi call
 * interface), then calls it as often as needed (rtffi_call).
 *
 * Names: for the standard library ("charterstd", opened with a NULL path)
 * the extern NAME is the symbol charter_NAME, found with
 * dlsym(RTLD_DEFAULT) among the functions linked into the tracker (which
 * is linked with -rdynamic); for a user library it is NAME itself.
 *
 * Errors are values: a NULL or -1 result and one sentence in an
 * rtffi_error.  A number result that is NaN or infinite is "no value"
 * (has_value false), which the tracker prints as null.
 *
 * Lifetime: a library must outlive the functions looked up in it.
 */
#ifndef CHARTER_RTFFI_H
#define CHARTER_RTFFI_H

#include "../stdlib/std/charter.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum rtffi_type {
    RTFFI_NUMBER,  /* double */
    RTFFI_INTEGER, /* int64_t */
    RTFFI_DATE,    /* int32_t, days since 1970-01-01 */
    RTFFI_SERIES,  /* const charter_series *; a parameter type only */
};

typedef union rtffi_value {
    double number;
    int64_t integer;
    int32_t date;
    const charter_series *series;
} rtffi_value;

#define RTFFI_MAX_PARAMS 16
#define RTFFI_STD_PREFIX "charter_"

typedef struct rtffi_error {
    char message[512];
} rtffi_error;

typedef struct rtffi_lib rtffi_lib;
typedef struct rtffi_fn rtffi_fn;

/* dlopen(path, RTLD_NOW | RTLD_LOCAL), or the standard library when path
 * is NULL (nothing is opened then).  NULL on failure. */
rtffi_lib *rtffi_open(const char *path, rtffi_error *err);
void rtffi_close(rtffi_lib *lib);

/* Finds the function the extern `name` denotes in lib and prepares calls
 * with that signature.  NULL on failure: symbol missing, a series return
 * type, too many parameters, or ffi_prep_cif failing. */
rtffi_fn *rtffi_lookup(rtffi_lib *lib, const char *name, const enum rtffi_type *params,
                       size_t nparams, enum rtffi_type ret, rtffi_error *err);
void rtffi_fn_free(rtffi_fn *fn);

/* Calls fn with args[0..nargs), each read as its parameter's type.
 * Returns 0 and sets *out and *has_value, or -1 (wrong argument count). */
int rtffi_call(const rtffi_fn *fn, const rtffi_value *args, size_t nargs, rtffi_value *out,
               bool *has_value, rtffi_error *err);

/* "number", "integer", "date" or "series". */
const char *rtffi_type_name(enum rtffi_type t);

#elif !defined(LIBFFI_H)
/*
 * Included again, as <ffi.h>: with runtime/ on the -I path, this file
 * hides libffi's header of the same name.  Hand the include on to the
 * next directory of the search path, where libffi's is.
 */
#include_next <ffi.h>
#endif
