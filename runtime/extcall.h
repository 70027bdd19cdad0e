/*
 * extcall: how the tracker calls extern functions, through libffi.
 *
 * A derived indicator's formula may call functions declared
 *   extern function NAME(TYPE, ...) -> TYPE from "LIB"
 * The runtime opens LIB once (extcall_open), looks each function up once
 * with its signature (extcall_lookup, which also prepares the libffi call
 * interface), then calls it as often as needed (extcall_call).
 *
 * Names: for the standard library ("charterstd", opened with a NULL path)
 * the extern NAME is the symbol charter_NAME, found with
 * dlsym(RTLD_DEFAULT) among the functions linked into the tracker (which
 * is linked with -rdynamic); for a user library it is NAME itself.
 *
 * Errors are values: a NULL or -1 result and one sentence in an
 * extcall_error.  A number result that is NaN or infinite is "no value"
 * (has_value false), which the tracker prints as null.
 *
 * Lifetime: a library must outlive the functions looked up in it.
 */
#ifndef CHARTER_EXTCALL_H
#define CHARTER_EXTCALL_H

#include "../stdlib/std/charter.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum extcall_type {
    EXTCALL_NUMBER,  /* double */
    EXTCALL_INTEGER, /* int64_t */
    EXTCALL_DATE,    /* int32_t, days since 1970-01-01 */
    EXTCALL_SERIES,  /* const charter_series *; a parameter type only */
};

typedef union extcall_value {
    double number;
    int64_t integer;
    int32_t date;
    const charter_series *series;
} extcall_value;

#define EXTCALL_MAX_PARAMS 16
#define EXTCALL_STD_PREFIX "charter_"

typedef struct extcall_error {
    char message[512];
} extcall_error;

typedef struct extcall_lib extcall_lib;
typedef struct extcall_fn extcall_fn;

/* dlopen(path, RTLD_NOW | RTLD_LOCAL), or the standard library when path
 * is NULL (nothing is opened then).  NULL on failure. */
extcall_lib *extcall_open(const char *path, extcall_error *err);
void extcall_close(extcall_lib *lib);

/* Finds the function the extern `name` denotes in lib and prepares calls
 * with that signature.  NULL on failure: symbol missing, a series return
 * type, too many parameters, or ffi_prep_cif failing. */
extcall_fn *extcall_lookup(extcall_lib *lib, const char *name, const enum extcall_type *params,
                       size_t nparams, enum extcall_type ret, extcall_error *err);
void extcall_fn_free(extcall_fn *fn);

/* Calls fn with args[0..nargs), each read as its parameter's type.
 * Returns 0 and sets *out and *has_value, or -1 (wrong argument count). */
int extcall_call(const extcall_fn *fn, const extcall_value *args, size_t nargs, extcall_value *out,
               bool *has_value, extcall_error *err);

/* "number", "integer", "date" or "series". */
const char *extcall_type_name(enum extcall_type t);

#endif
