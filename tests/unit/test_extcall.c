/*
 * Unit tests for runtime/extcall.c, the libffi bridge.
 *
 * Build and run (from the repository root):
 *   gcc -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L \
 *       -Iruntime -Istdlib/std \
 *       tests/unit/test_extcall.c runtime/extcall.c stdlib/std/charterstd.c \
 *       -rdynamic -Wl,--wrap=dlopen,--wrap=dlsym,--wrap=ffi_call,--wrap=ffi_prep_cif \
 *       -lffi -ldl -lcmocka -lm -o build/test_extcall
 *   build/test_extcall
 *
 * dlopen, dlsym, ffi_call and ffi_prep_cif are wrapped by the linker.  In
 * the "fake" tests the wrappers check what the bridge asks for and answer
 * from cmocka's queues; in the "real" tests they pass through, and the
 * bridge calls charter_* functions linked into this program (hence
 * -rdynamic, as for the tracker) and functions of libm and libc through
 * libffi.  The fake dlopen hands out a real handle (of this program), so
 * dlclose needs no fake.  Without --wrap=ffi_prep_cif everything links
 * and runs but test_prep_cif_failure is reported as skipped.
 */
#define _GNU_SOURCE /* RTLD_DEFAULT */

#include "extcall.h"

#include <dlfcn.h>
#include <ffi.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

/* ---- the wrappers ----------------------------------------------------- */

void *__real_dlopen(const char *file, int mode);
void *__real_dlsym(void *handle, const char *name);
/* Weak: NULL when the test is linked without --wrap=ffi_prep_cif. */
ffi_status __real_ffi_prep_cif(ffi_cif *cif, ffi_abi abi, unsigned nargs, ffi_type *rtype,
                               ffi_type **atypes) __attribute__((weak));
void __real_ffi_call(ffi_cif *cif, void (*fn)(void), void *rvalue, void **avalue);

void *__wrap_dlopen(const char *file, int mode);
void *__wrap_dlsym(void *handle, const char *name);
ffi_status __wrap_ffi_prep_cif(ffi_cif *cif, ffi_abi abi, unsigned nargs, ffi_type *rtype,
                               ffi_type **atypes);
void __wrap_ffi_call(ffi_cif *cif, void (*fn)(void), void *rvalue, void **avalue);

static bool faking;         /* answer from the mock queues, or pass through */
static bool prep_cif_fails; /* with faking: ffi_prep_cif returns FFI_BAD_TYPEDEF */

/* What the fake ffi_call saw, and what it returns. */
static struct {
    int calls;
    void (*fn)(void);
    ffi_type *rtype;
    unsigned nargs;
    ffi_type *types[EXTCALL_MAX_PARAMS];
    extcall_value args[EXTCALL_MAX_PARAMS];
    extcall_value ret; /* written as the cif's return type says */
} fake;

void *__wrap_dlopen(const char *file, int mode)
{
    if (!faking)
        return __real_dlopen(file, mode);
    check_expected(file);
    check_expected(mode);
    return mock_ptr_type(void *);
}

void *__wrap_dlsym(void *handle, const char *name)
{
    if (!faking)
        return __real_dlsym(handle, name);
    check_expected_ptr(handle);
    check_expected(name);
    return mock_ptr_type(void *);
}

ffi_status __wrap_ffi_prep_cif(ffi_cif *cif, ffi_abi abi, unsigned nargs, ffi_type *rtype,
                               ffi_type **atypes)
{
    if (faking && prep_cif_fails)
        return FFI_BAD_TYPEDEF;
    return __real_ffi_prep_cif(cif, abi, nargs, rtype, atypes);
}

void __wrap_ffi_call(ffi_cif *cif, void (*fn)(void), void *rvalue, void **avalue)
{
    if (!faking) {
        __real_ffi_call(cif, fn, rvalue, avalue);
        return;
    }
    fake.calls++;
    fake.fn = fn;
    fake.rtype = cif->rtype;
    fake.nargs = cif->nargs;
    assert_true(cif->nargs <= EXTCALL_MAX_PARAMS);
    for (unsigned i = 0; i < cif->nargs; i++) {
        ffi_type *t = cif->arg_types[i];

        fake.types[i] = t;
        if (t == &ffi_type_double)
            fake.args[i].number = *(double *)avalue[i];
        else if (t == &ffi_type_sint64)
            fake.args[i].integer = *(int64_t *)avalue[i];
        else if (t == &ffi_type_sint32)
            fake.args[i].date = *(int32_t *)avalue[i];
        else if (t == &ffi_type_pointer)
            fake.args[i].series = *(const charter_series **)avalue[i];
        else
            fail_msg("unexpected ffi_type for argument %u", i);
    }
    /* As libffi does: integral results narrower than ffi_arg are widened. */
    if (cif->rtype == &ffi_type_double)
        *(double *)rvalue = fake.ret.number;
    else if (cif->rtype == &ffi_type_sint64)
        *(int64_t *)rvalue = fake.ret.integer;
    else if (cif->rtype == &ffi_type_sint32)
        *(ffi_sarg *)rvalue = fake.ret.date;
    else
        fail_msg("unexpected return ffi_type");
}

static int fake_setup(void **state)
{
    (void)state;
    faking = true;
    prep_cif_fails = false;
    memset(&fake, 0, sizeof fake);
    return 0;
}

static int real_setup(void **state)
{
    (void)state;
    faking = false;
    return 0;
}

/* The function a fake dlsym "finds"; never actually called. */
static double fake_target(double x)
{
    return x;
}

/* What the fake dlopen returns: a real handle, so extcall_close may
 * dlclose it; dlsym is faked, so only its identity matters. */
static void *fake_handle;

/* Opens "libuser.so" through the fake dlopen. */
static extcall_lib *open_fake_user_lib(void)
{
    extcall_error err;
    extcall_lib *lib;

    fake_handle = __real_dlopen(NULL, RTLD_NOW);
    assert_non_null(fake_handle);
    expect_string(__wrap_dlopen, file, "libuser.so");
    expect_value(__wrap_dlopen, mode, RTLD_NOW | RTLD_LOCAL);
    will_return(__wrap_dlopen, fake_handle);
    lib = extcall_open("libuser.so", &err);
    assert_non_null(lib);
    return lib;
}

static void close_fake_user_lib(extcall_lib *lib)
{
    extcall_close(lib); /* the real dlclose of fake_handle */
}

/* Looks `name` up with the fake dlsym answering `found`. */
static extcall_fn *lookup_fake(extcall_lib *lib, void *handle, const char *name, const char *symbol,
                             void *found, const enum extcall_type *params, size_t n,
                             enum extcall_type ret, extcall_error *err)
{
    expect_value(__wrap_dlsym, handle, handle);
    expect_string(__wrap_dlsym, name, symbol);
    will_return(__wrap_dlsym, found);
    return extcall_lookup(lib, name, params, n, ret, err);
}

/* ---- fake tests ----------------------------------------------------------- */

static void test_library_not_found(void **state)
{
    extcall_error err;

    (void)state;
    expect_string(__wrap_dlopen, file, "libnope.so");
    expect_value(__wrap_dlopen, mode, RTLD_NOW | RTLD_LOCAL);
    will_return(__wrap_dlopen, NULL);
    assert_null(extcall_open("libnope.so", &err));
    assert_non_null(strstr(err.message, "library \"libnope.so\" could not be loaded: "));
}

static void test_symbol_missing_user(void **state)
{
    static const enum extcall_type params[] = {EXTCALL_NUMBER};
    extcall_lib *lib = open_fake_user_lib();
    extcall_error err;

    (void)state;
    /* A user library's function is looked up by its plain name. */
    assert_null(lookup_fake(lib, fake_handle, "score", "score", NULL, params, 1, EXTCALL_NUMBER, &err));
    assert_string_equal(err.message,
                        "function \"score\" is not in library \"libuser.so\" (no symbol \"score\")");
    close_fake_user_lib(lib);
}

static void test_symbol_missing_std(void **state)
{
    static const enum extcall_type params[] = {EXTCALL_SERIES};
    extcall_error err;
    extcall_lib *lib = extcall_open(NULL, &err); /* no dlopen expected */

    (void)state;
    assert_non_null(lib);
    /* The standard library's `median` is the symbol charter_median. */
    assert_null(lookup_fake(lib, RTLD_DEFAULT, "median", "charter_median", NULL, params, 1,
                            EXTCALL_NUMBER, &err));
    assert_string_equal(err.message, "function \"median\" is not in the standard library "
                                     "(no symbol \"charter_median\")");
    extcall_close(lib); /* nothing was opened, nothing to dlclose */
}

static void test_std_name_mapping(void **state)
{
    static const enum extcall_type params[] = {EXTCALL_NUMBER, EXTCALL_NUMBER};
    extcall_error err;
    extcall_lib *lib = extcall_open(NULL, &err);
    extcall_fn *fn;

    (void)state;
    fn = lookup_fake(lib, RTLD_DEFAULT, "ratio", "charter_ratio", (void *)fake_target, params, 2,
                     EXTCALL_NUMBER, &err);
    assert_non_null(fn);
    extcall_fn_free(fn);
    extcall_close(lib);
}

/* Each type reaches ffi_call as its C type, from its own storage. */
static void test_argument_marshalling(void **state)
{
    static const enum extcall_type params[] = {EXTCALL_NUMBER, EXTCALL_INTEGER, EXTCALL_DATE, EXTCALL_SERIES,
                                             EXTCALL_NUMBER};
    static const double v[] = {1, 2};
    const charter_series s = {v, NULL, 2};
    extcall_lib *lib = open_fake_user_lib();
    extcall_value args[5], out;
    extcall_error err;
    bool has;
    extcall_fn *fn;

    (void)state;
    fn = lookup_fake(lib, fake_handle, "mix", "mix", (void *)fake_target, params, 5, EXTCALL_NUMBER,
                     &err);
    assert_non_null(fn);

    args[0].number = 2.5;
    args[1].integer = ((int64_t)1 << 40) + 3;
    args[2].date = -5;
    args[3].series = &s;
    args[4].number = -0.125;
    fake.ret.number = 42;
    assert_int_equal(extcall_call(fn, args, 5, &out, &has, &err), 0);

    assert_int_equal(fake.calls, 1);
    assert_true(fake.fn == (void (*)(void))fake_target);
    assert_true(fake.rtype == &ffi_type_double);
    assert_int_equal(fake.nargs, 5);
    assert_true(fake.types[0] == &ffi_type_double);
    assert_true(fake.types[1] == &ffi_type_sint64);
    assert_true(fake.types[2] == &ffi_type_sint32);
    assert_true(fake.types[3] == &ffi_type_pointer);
    assert_true(fake.types[4] == &ffi_type_double);
    assert_true(fake.args[0].number == 2.5);
    assert_true(fake.args[1].integer == ((int64_t)1 << 40) + 3);
    assert_int_equal(fake.args[2].date, -5);
    assert_ptr_equal(fake.args[3].series, &s);
    assert_true(fake.args[4].number == -0.125);
    assert_true(has);
    assert_true(out.number == 42);

    extcall_fn_free(fn);
    close_fake_user_lib(lib);
}

static void test_integer_and_date_results(void **state)
{
    static const enum extcall_type none[] = {EXTCALL_NUMBER};
    extcall_lib *lib = open_fake_user_lib();
    extcall_value arg = {.number = 0}, out;
    extcall_error err;
    bool has = false;
    extcall_fn *count, *when;

    (void)state;
    count = lookup_fake(lib, fake_handle, "count", "count", (void *)fake_target, none, 1,
                        EXTCALL_INTEGER, &err);
    when = lookup_fake(lib, fake_handle, "when", "when", (void *)fake_target, none, 1, EXTCALL_DATE,
                       &err);
    assert_non_null(count);
    assert_non_null(when);

    fake.ret.integer = -((int64_t)1 << 50);
    assert_int_equal(extcall_call(count, &arg, 1, &out, &has, &err), 0);
    assert_true(fake.rtype == &ffi_type_sint64);
    assert_true(has);
    assert_true(out.integer == -((int64_t)1 << 50));

    fake.ret.date = -719162; /* 0001-01-01 */
    has = false;
    assert_int_equal(extcall_call(when, &arg, 1, &out, &has, &err), 0);
    assert_true(fake.rtype == &ffi_type_sint32);
    assert_true(has);
    assert_int_equal(out.date, -719162);

    extcall_fn_free(count);
    extcall_fn_free(when);
    close_fake_user_lib(lib);
}

/* NaN and infinities are "no value"; any finite number is a value. */
static void test_nan_is_no_value(void **state)
{
    static const enum extcall_type params[] = {EXTCALL_NUMBER};
    const double results[] = {NAN, INFINITY, -INFINITY, 0.0, -1e308};
    const bool expected[] = {false, false, false, true, true};
    extcall_lib *lib = open_fake_user_lib();
    extcall_value arg = {.number = 1}, out;
    extcall_error err;
    extcall_fn *fn;

    (void)state;
    fn = lookup_fake(lib, fake_handle, "f", "f", (void *)fake_target, params, 1, EXTCALL_NUMBER,
                     &err);
    assert_non_null(fn);
    for (size_t i = 0; i < sizeof results / sizeof results[0]; i++) {
        bool has = !expected[i];

        fake.ret.number = results[i];
        assert_int_equal(extcall_call(fn, &arg, 1, &out, &has, &err), 0);
        assert_int_equal(has, expected[i]);
    }
    extcall_fn_free(fn);
    close_fake_user_lib(lib);
}

static void test_prep_cif_failure(void **state)
{
    static const enum extcall_type params[] = {EXTCALL_NUMBER};
    extcall_lib *lib = open_fake_user_lib();
    extcall_error err;

    (void)state;
    if (!__real_ffi_prep_cif) {
        close_fake_user_lib(lib);
        print_message("linked without -Wl,--wrap=ffi_prep_cif: cannot fake its failure\n");
        skip();
    }
    prep_cif_fails = true;
    assert_null(lookup_fake(lib, fake_handle, "f", "f", (void *)fake_target, params, 1,
                            EXTCALL_NUMBER, &err));
    assert_string_equal(err.message, "cannot prepare a call to function \"f\": ffi_prep_cif "
                                     "failed with FFI_BAD_TYPEDEF");
    close_fake_user_lib(lib);
}

static void test_bad_signatures(void **state)
{
    enum extcall_type many[EXTCALL_MAX_PARAMS + 1];
    static const enum extcall_type two[] = {EXTCALL_NUMBER, EXTCALL_NUMBER};
    extcall_lib *lib = open_fake_user_lib();
    extcall_value args[3] = {{.number = 1}, {.number = 2}, {.number = 3}}, out;
    extcall_error err;
    bool has;
    extcall_fn *fn;

    (void)state;
    /* refused before any dlsym */
    assert_null(extcall_lookup(lib, "s", two, 2, EXTCALL_SERIES, &err));
    assert_string_equal(err.message, "function \"s\" cannot return a series; an extern function "
                                     "returns a number, an integer or a date");
    for (size_t i = 0; i < EXTCALL_MAX_PARAMS + 1; i++)
        many[i] = EXTCALL_NUMBER;
    assert_null(extcall_lookup(lib, "wide", many, EXTCALL_MAX_PARAMS + 1, EXTCALL_NUMBER, &err));
    assert_string_equal(err.message, "function \"wide\" has 17 parameters; at most 16 are supported");

    fn = lookup_fake(lib, fake_handle, "two", "two", (void *)fake_target, two, 2, EXTCALL_NUMBER,
                     &err);
    assert_non_null(fn);
    assert_int_equal(extcall_call(fn, args, 3, &out, &has, &err), -1);
    assert_string_equal(err.message, "function \"two\" takes 2 arguments, 3 given");
    assert_int_equal(fake.calls, 0);
    extcall_fn_free(fn);
    close_fake_user_lib(lib);

    assert_string_equal(extcall_type_name(EXTCALL_SERIES), "series");
    assert_string_equal(extcall_type_name(EXTCALL_DATE), "date");
}

/* ---- real calls through libffi ---------------------------------------------- */

/* The standard library, found in this program by dlsym(RTLD_DEFAULT). */
static void test_real_std_calls(void **state)
{
    static const enum extcall_type nn[] = {EXTCALL_NUMBER, EXTCALL_NUMBER};
    static const enum extcall_type s1[] = {EXTCALL_SERIES};
    static const double v[] = {100, 80, 130, 150};
    const charter_series s = {v, NULL, 4}, empty = {v, NULL, 0};
    extcall_error err;
    extcall_lib *lib = extcall_open(NULL, &err);
    extcall_value args[2], out;
    bool has;
    extcall_fn *ratio, *mean, *growth;

    (void)state;
    assert_non_null(lib);
    ratio = extcall_lookup(lib, "ratio", nn, 2, EXTCALL_NUMBER, &err);
    assert_non_null(ratio);
    mean = extcall_lookup(lib, "mean", s1, 1, EXTCALL_NUMBER, &err);
    assert_non_null(mean);
    growth = extcall_lookup(lib, "growth", s1, 1, EXTCALL_NUMBER, &err);
    assert_non_null(growth);

    args[0].number = 6, args[1].number = 4;
    assert_int_equal(extcall_call(ratio, args, 2, &out, &has, &err), 0);
    assert_true(has);
    assert_true(out.number == 1.5);

    args[1].number = 0; /* charter_ratio gives NaN: no value */
    assert_int_equal(extcall_call(ratio, args, 2, &out, &has, &err), 0);
    assert_false(has);

    args[0].series = &s;
    assert_int_equal(extcall_call(mean, args, 1, &out, &has, &err), 0);
    assert_true(has);
    assert_true(out.number == 115);
    assert_int_equal(extcall_call(growth, args, 1, &out, &has, &err), 0);
    assert_true(out.number == 0.5);

    args[0].series = &empty;
    assert_int_equal(extcall_call(mean, args, 1, &out, &has, &err), 0);
    assert_false(has);

    assert_null(extcall_lookup(lib, "no_such_function", s1, 1, EXTCALL_NUMBER, &err));
    assert_string_equal(err.message, "function \"no_such_function\" is not in the standard library "
                                     "(no symbol \"charter_no_such_function\")");

    extcall_fn_free(ratio);
    extcall_fn_free(mean);
    extcall_fn_free(growth);
    extcall_close(lib);
}

/* User libraries: libm's pow (double), libc's llabs (int64) and abs (int,
 * our date type), each through a real dlopen, dlsym and ffi_call. */
static void test_real_user_libraries(void **state)
{
    static const enum extcall_type nn[] = {EXTCALL_NUMBER, EXTCALL_NUMBER};
    static const enum extcall_type i1[] = {EXTCALL_INTEGER};
    static const enum extcall_type d1[] = {EXTCALL_DATE};
    extcall_error err;
    extcall_lib *libm = extcall_open("libm.so.6", &err);
    extcall_lib *libc = extcall_open("libc.so.6", &err);
    extcall_value args[2], out;
    bool has;
    extcall_fn *fn;

    (void)state;
    assert_non_null(libm);
    assert_non_null(libc);

    fn = extcall_lookup(libm, "pow", nn, 2, EXTCALL_NUMBER, &err);
    assert_non_null(fn);
    args[0].number = 2, args[1].number = 10;
    assert_int_equal(extcall_call(fn, args, 2, &out, &has, &err), 0);
    assert_true(has && out.number == 1024);
    args[0].number = 10, args[1].number = 400; /* overflows to inf: no value */
    assert_int_equal(extcall_call(fn, args, 2, &out, &has, &err), 0);
    assert_false(has);
    extcall_fn_free(fn);

    fn = extcall_lookup(libc, "llabs", i1, 1, EXTCALL_INTEGER, &err);
    assert_non_null(fn);
    args[0].integer = -((int64_t)1 << 40);
    assert_int_equal(extcall_call(fn, args, 1, &out, &has, &err), 0);
    assert_true(has && out.integer == ((int64_t)1 << 40));
    extcall_fn_free(fn);

    fn = extcall_lookup(libc, "abs", d1, 1, EXTCALL_DATE, &err);
    assert_non_null(fn);
    args[0].date = -19782;
    assert_int_equal(extcall_call(fn, args, 1, &out, &has, &err), 0);
    assert_true(has);
    assert_int_equal(out.date, 19782);
    extcall_fn_free(fn);

    /* a user library's names are not prefixed */
    assert_null(extcall_lookup(libm, "ratio", nn, 2, EXTCALL_NUMBER, &err));
    assert_string_equal(err.message,
                        "function \"ratio\" is not in library \"libm.so.6\" (no symbol \"ratio\")");

    extcall_close(libm);
    extcall_close(libc);
}

static void test_real_library_not_found(void **state)
{
    extcall_error err;

    (void)state;
    assert_null(extcall_open("/nonexistent/libcharter_nope.so", &err));
    assert_string_equal(err.message,
                        "library \"/nonexistent/libcharter_nope.so\" could not be loaded: "
                        "/nonexistent/libcharter_nope.so: cannot open shared object file: "
                        "No such file or directory");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_library_not_found, fake_setup),
        cmocka_unit_test_setup(test_symbol_missing_user, fake_setup),
        cmocka_unit_test_setup(test_symbol_missing_std, fake_setup),
        cmocka_unit_test_setup(test_std_name_mapping, fake_setup),
        cmocka_unit_test_setup(test_argument_marshalling, fake_setup),
        cmocka_unit_test_setup(test_integer_and_date_results, fake_setup),
        cmocka_unit_test_setup(test_nan_is_no_value, fake_setup),
        cmocka_unit_test_setup(test_prep_cif_failure, fake_setup),
        cmocka_unit_test_setup(test_bad_signatures, fake_setup),
        cmocka_unit_test_setup(test_real_std_calls, real_setup),
        cmocka_unit_test_setup(test_real_user_libraries, real_setup),
        cmocka_unit_test_setup(test_real_library_not_found, real_setup),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
