/*
 * extcall: the libffi bridge.  See extcall.h for the contract.
 *
 * Each extcall_fn owns its ffi_cif and the ffi_type array the cif points
 * to, so it is heap-allocated and never copied: moving it would leave
 * cif.arg_types dangling.
 */
#define _GNU_SOURCE /* RTLD_DEFAULT */

#include "extcall.h"

#include <dlfcn.h>
#include <ffi.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct extcall_lib {
    void *handle; /* RTLD_DEFAULT for the standard library */
    bool is_std;
    char path[]; /* "" for the standard library */
};

struct extcall_fn {
    void (*addr)(void);
    ffi_cif cif;
    ffi_type *arg_types[EXTCALL_MAX_PARAMS];
    enum extcall_type params[EXTCALL_MAX_PARAMS];
    size_t nparams;
    enum extcall_type ret;
    char name[]; /* the extern's Charter name */
};

static void fail(extcall_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(extcall_error *err, const char *fmt, ...)
{
    va_list ap;

    if (!err)
        return;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

const char *extcall_type_name(enum extcall_type t)
{
    switch (t) {
    case EXTCALL_NUMBER:
        return "number";
    case EXTCALL_INTEGER:
        return "integer";
    case EXTCALL_DATE:
        return "date";
    case EXTCALL_SERIES:
        return "series";
    }
    return "unknown type";
}

static ffi_type *ffi_type_of(enum extcall_type t)
{
    switch (t) {
    case EXTCALL_NUMBER:
        return &ffi_type_double;
    case EXTCALL_INTEGER:
        return &ffi_type_sint64;
    case EXTCALL_DATE:
        return &ffi_type_sint32;
    case EXTCALL_SERIES:
        return &ffi_type_pointer;
    }
    return NULL;
}

static const char *ffi_status_name(ffi_status s)
{
    switch (s) {
    case FFI_OK:
        return "FFI_OK";
    case FFI_BAD_TYPEDEF:
        return "FFI_BAD_TYPEDEF";
    case FFI_BAD_ABI:
        return "FFI_BAD_ABI";
    default:
        return "an unknown status";
    }
}

extcall_lib *extcall_open(const char *path, extcall_error *err)
{
    size_t len = path ? strlen(path) : 0;
    extcall_lib *lib = malloc(sizeof *lib + len + 1);

    if (!lib) {
        fail(err, "out of memory while loading library \"%s\"", path ? path : "charterstd");
        return NULL;
    }
    memcpy(lib->path, path ? path : "", len + 1);
    lib->is_std = path == NULL;
    if (lib->is_std) {
        lib->handle = RTLD_DEFAULT;
        return lib;
    }
    lib->handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!lib->handle) {
        const char *why = dlerror();

        fail(err, "library \"%s\" could not be loaded: %s", path, why ? why : "unknown reason");
        free(lib);
        return NULL;
    }
    return lib;
}

void extcall_close(extcall_lib *lib)
{
    if (!lib)
        return;
    if (!lib->is_std)
        dlclose(lib->handle);
    free(lib);
}

extcall_fn *extcall_lookup(extcall_lib *lib, const char *name, const enum extcall_type *params,
                       size_t nparams, enum extcall_type ret, extcall_error *err)
{
    size_t len = strlen(name);
    char *symbol;
    void *addr;
    extcall_fn *fn;
    ffi_status status;

    if (nparams > EXTCALL_MAX_PARAMS) {
        fail(err, "function \"%s\" has %zu parameters; at most %d are supported", name, nparams,
             EXTCALL_MAX_PARAMS);
        return NULL;
    }
    if (ret == EXTCALL_SERIES) {
        fail(err, "function \"%s\" cannot return a series; an extern function returns a number, "
                  "an integer or a date", name);
        return NULL;
    }

    symbol = malloc(sizeof EXTCALL_STD_PREFIX + len);
    if (!symbol) {
        fail(err, "out of memory while looking up function \"%s\"", name);
        return NULL;
    }
    if (lib->is_std)
        memcpy(symbol, EXTCALL_STD_PREFIX, sizeof EXTCALL_STD_PREFIX - 1);
    memcpy(symbol + (lib->is_std ? sizeof EXTCALL_STD_PREFIX - 1 : 0), name, len + 1);

    dlerror(); /* clear a stale error */
    addr = dlsym(lib->handle, symbol);
    if (!addr) {
        if (lib->is_std)
            fail(err, "function \"%s\" is not in the standard library (no symbol \"%s\")", name,
                 symbol);
        else
            fail(err, "function \"%s\" is not in library \"%s\" (no symbol \"%s\")", name,
                 lib->path, symbol);
        free(symbol);
        return NULL;
    }
    free(symbol);

    fn = calloc(1, sizeof *fn + len + 1);
    if (!fn) {
        fail(err, "out of memory while looking up function \"%s\"", name);
        return NULL;
    }
    memcpy(fn->name, name, len + 1);
    fn->addr = FFI_FN(addr);
    fn->nparams = nparams;
    fn->ret = ret;
    for (size_t i = 0; i < nparams; i++) {
        fn->params[i] = params[i];
        fn->arg_types[i] = ffi_type_of(params[i]);
    }
    status = ffi_prep_cif(&fn->cif, FFI_DEFAULT_ABI, (unsigned)nparams, ffi_type_of(ret),
                          fn->arg_types);
    if (status != FFI_OK) {
        fail(err, "cannot prepare a call to function \"%s\": ffi_prep_cif failed with %s", name,
             ffi_status_name(status));
        free(fn);
        return NULL;
    }
    return fn;
}

void extcall_fn_free(extcall_fn *fn)
{
    free(fn);
}

int extcall_call(const extcall_fn *fn, const extcall_value *args, size_t nargs, extcall_value *out,
               bool *has_value, extcall_error *err)
{
    extcall_value values[EXTCALL_MAX_PARAMS];
    void *avalues[EXTCALL_MAX_PARAMS];
    /* libffi widens integral results narrower than a register to ffi_arg. */
    union {
        ffi_arg arg;
        ffi_sarg sarg;
        double number;
        int64_t integer;
    } result;

    if (nargs != fn->nparams) {
        fail(err, "function \"%s\" takes %zu argument%s, %zu given", fn->name, fn->nparams,
             fn->nparams == 1 ? "" : "s", nargs);
        return -1;
    }
    /* ffi_call wants non-const pointers to each argument's storage; every
     * member of the union starts at its address. */
    for (size_t i = 0; i < nargs; i++) {
        values[i] = args[i];
        avalues[i] = &values[i];
    }
    memset(&result, 0, sizeof result);
    ffi_call((ffi_cif *)&fn->cif, fn->addr, &result, nargs ? avalues : NULL);

    switch (fn->ret) {
    case EXTCALL_NUMBER:
        out->number = result.number;
        *has_value = isfinite(result.number);
        break;
    case EXTCALL_INTEGER:
        out->integer = result.integer;
        *has_value = true;
        break;
    case EXTCALL_DATE:
        out->date = (int32_t)result.sarg;
        *has_value = true;
        break;
    case EXTCALL_SERIES: /* refused by extcall_lookup */
        *has_value = false;
        break;
    }
    return 0;
}
