/*
 * Unit tests for runtime/ffi.c, the libffi bridge.
 *
 * Build and run (from the repository root):
 *   gcc -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L \
 *       -iquote runtime -iquote stdlib/std \
 *       tests/unit/test_ffi.c runtime/ffi.c stdlib/std/charterstd.c \
 *       -rdynamic -Wl,--wrap=dlopen,--wrap=dlsym,--wrap=ffi_call,--wrap=ffi_prep_cif \
 *       -lffi -ldl -lcmocka -lm -o build/test_ffi
 *   build/test_ffi
 * (-Iruntime -Istdlib/std instead of the -iquote flags works too.)
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

#include "ffi.h" /* first: see the build note in runtime/ffi.c */

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
    ffi_type *types[RTFFI_MAX_PARAMS];
    rtffi_value args[RTFFI_MAX_PARAMS];
    rtffi_value ret; /* written as the cif's return type says */
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
    assert_true(cif->nargs <= RTFFI_MAX_PARAMS);
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

/* What the fake dlopen returns: a real handle, so rtffi_close may
 * dlclose it; dlsym is faked, so only its identity matters. */
static void *fake_handle;

/* Opens "libuser.so" through the fake dlopen. */
static rtffi_lib *open_fake_user_lib(void)
{
    rtffi_error err;
    rtffi_lib *lib;

    fake_handle = __real_dlopen(NULL, RTLD_NOW);
    assert_non_null(fake_handle);
    expect_string(__wrap_dlopen, file, "libuser.so");
    expect_value(__wrap_dlopen, mode, RTLD_NOW | RTLD_LOCAL);
    will_return(__wrap_dlopen, fake_handle);
    lib = rtffi_open("libuser.so", &err);
    assert_non_null(lib);
    return lib;
}

static void close_fake_user_lib(rtffi_lib *lib)
{
    rtffi_close(lib); /* the real dlclose of fake_handle */
}

/* Looks `name` up with the fake dlsym answering `found`. */
static rtffi_fn *lookup_fake(rtffi_lib *lib, void *handle, const char *name, const char *symbol,
                             void *found, const enum rtffi_type *params, size_t n,
                             enum rtffi_type ret, rtffi_error *err)
{
    expect_value(__wrap_dlsym, handle, handle);
    expect_string(__wrap_dlsym, name, symbol);
    will_return(__wrap_dlsym, found);
    return rtffi_lookup(lib, name, params, n, ret, err);
}

/* ---- fake tests ----------------------------------------------------------- */

static void test_library_not_found(void **state)
{
    rtffi_error err;

    (void)state;
    expect_string(__wrap_dlopen, file, "libnope.so");
    expect_value(__wrap_dlopen, mode, RTLD_NOW | RTLD_LOCAL);
    will_return(__wrap_dlopen, NULL);
    assert_null(rtffi_open("libnope.so", &err));
    assert_non_null(strstr(err.message, "library \"libnope.so\" could not be loaded: "));
}

static void test_symbol_missing_user(void **state)
{
    static const enum rtffi_type params[] = {RTFFI_NUMBER};
    rtffi_lib *lib = open_fake_user_lib();
    rtffi_error err;

    (void)state;
    /* A user library's function is looked up by its plain name. */
    assert_null(lookup_fake(lib, fake_handle, "score", "score", NULL, params, 1, RTFFI_NUMBER, &err));
    assert_string_equal(err.message,
                        "function \"score\" is not in library \"libuser.so\" (no symbol \"score\")");
    close_fake_user_lib(lib);
}

static void test_symbol_missing_std(void **state)
{
    static const enum rtffi_type params[] = {RTFFI_SERIES};
    rtffi_error err;
    rtffi_lib *lib = rtffi_open(NULL, &err); /* no dlopen expected */

    (void)state;
    assert_non_null(lib);
    /* The standard library's `median` is the symbol charter_median. */
    assert_null(lookup_fake(lib, RTLD_DEFAULT, "median", "charter_median", NULL, params, 1,
                            RTFFI_NUMBER, &err));
    assert_string_equal(err.message, "function \"median\" is not in the standard library "
                                     "(no symbol \"charter_median\")");
    rtffi_close(lib); /* nothing was opened, nothing to dlclose */
}

static void test_std_name_mapping(void **state)
{
    static const enum rtffi_type params[] = {RTFFI_NUMBER, RTFFI_NUMBER};
    rtffi_error err;
    rtffi_lib *lib = rtffi_open(NULL, &err);
    rtffi_fn *fn;

    (void)state;
    fn = lookup_fake(lib, RTLD_DEFAULT, "ratio", "charter_ratio", (void *)fake_target, params, 2,
                     RTFFI_NUMBER, &err);
    assert_non_null(fn);
    rtffi_fn_free(fn);
    rtffi_close(lib);
}

/* Each type reaches ffi_call as its C type, from its own storage. */
static void test_argument_marshalling(void **state)
{
    static const enum rtffi_type params[] = {RTFFI_NUMBER, RTFFI_INTEGER, RTFFI_DATE, RTFFI_SERIES,
                                             RTFFI_NUMBER};
    static const double v[] = {1, 2};
    const charter_series s = {v, NULL, 2};
    rtffi_lib *lib = open_fake_user_lib();
    rtffi_value args[5], out;
    rtffi_error err;
    bool has;
    rtffi_fn *fn;

    (void)state;
    fn = lookup_fake(lib, fake_handle, "mix", "mix", (void *)fake_target, params, 5, RTFFI_NUMBER,
                     &err);
    assert_non_null(fn);

    args[0].number = 2.5;
    args[1].integer = ((int64_t)1 << 40) + 3;
    args[2].date = -5;
    args[3].series = &s;
    args[4].number = -0.125;
    fake.ret.number = 42;
    assert_int_equal(rtffi_call(fn, args, 5, &out, &has, &err), 0);

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

    rtffi_fn_free(fn);
    close_fake_user_lib(lib);
}

static void test_integer_and_date_results(void **state)
{
    static const enum rtffi_type none[] = {RTFFI_NUMBER};
    rtffi_lib *lib = open_fake_user_lib();
    rtffi_value arg = {.number = 0}, out;
    rtffi_error err;
    bool has = false;
    rtffi_fn *count, *when;

    (void)state;
    count = lookup_fake(lib, fake_handle, "count", "count", (void *)fake_target, none, 1,
                        RTFFI_INTEGER, &err);
    when = lookup_fake(lib, fake_handle, "when", "when", (void *)fake_target, none, 1, RTFFI_DATE,
                       &err);
    assert_non_null(count);
    assert_non_null(when);

    fake.ret.integer = -((int64_t)1 << 50);
    assert_int_equal(rtffi_call(count, &arg, 1, &out, &has, &err), 0);
    assert_true(fake.rtype == &ffi_type_sint64);
    assert_true(has);
    assert_true(out.integer == -((int64_t)1 << 50));

    fake.ret.date = -719162; /* 0001-01-01 */
    has = false;
    assert_int_equal(rtffi_call(when, &arg, 1, &out, &has, &err), 0);
    assert_true(fake.rtype == &ffi_type_sint32);
    assert_true(has);
    assert_int_equal(out.date, -719162);

    rtffi_fn_free(count);
    rtffi_fn_free(when);
    close_fake_user_lib(lib);
}

/* NaN and infinities are "no value"; any finite number is a value. */
static void test_nan_is_no_value(void **state)
{
    static const enum rtffi_type params[] = {RTFFI_NUMBER};
    const double results[] = {NAN, INFINITY, -INFINITY, 0.0, -1e308};
    const bool expected[] = {false, false, false, true, true};
    rtffi_lib *lib = open_fake_user_lib();
    rtffi_value arg = {.number = 1}, out;
    rtffi_error err;
    rtffi_fn *fn;

    (void)state;
    fn = lookup_fake(lib, fake_handle, "f", "f", (void *)fake_target, params, 1, RTFFI_NUMBER,
                     &err);
    assert_non_null(fn);
    for (size_t i = 0; i < sizeof results / sizeof results[0]; i++) {
        bool has = !expected[i];

        fake.ret.number = results[i];
        assert_int_equal(rtffi_call(fn, &arg, 1, &out, &has, &err), 0);
        assert_int_equal(has, expected[i]);
    }
    rtffi_fn_free(fn);
    close_fake_user_lib(lib);
}

static void test_prep_cif_failure(void **state)
{
    static const enum rtffi_type params[] = {RTFFI_NUMBER};
    rtffi_lib *lib = open_fake_user_lib();
    rtffi_error err;

    (void)state;
    if (!__real_ffi_prep_cif) {
        close_fake_user_lib(lib);
        print_message("linked without -Wl,--wrap=ffi_prep_cif: cannot fake its failure\n");
        skip();
    }
    prep_cif_fails = true;
    assert_null(lookup_fake(lib, fake_handle, "f", "f", (void *)fake_target, params, 1,
                            RTFFI_NUMBER, &err));
    assert_string_equal(err.message, "cannot prepare a call to function \"f\": ffi_prep_cif "
                                     "failed with FFI_BAD_TYPEDEF");
    close_fake_user_lib(lib);
}

static void test_bad_signatures(void **state)
{
    enum rtffi_type many[RTFFI_MAX_PARAMS + 1];
    static const enum rtffi_type two[] = {RTFFI_NUMBER, RTFFI_NUMBER};
    rtffi_lib *lib = open_fake_user_lib();
    rtffi_value args[3] = {{.number = 1}, {.number = 2}, {.number = 3}}, out;
    rtffi_error err;
    bool has;
    rtffi_fn *fn;

    (void)state;
    /* refused before any dlsym */
    assert_null(rtffi_lookup(lib, "s", two, 2, RTFFI_SERIES, &err));
    assert_string_equal(err.message, "function \"s\" cannot return a series; an extern function "
                                     "returns a number, an integer or a date");
    for (size_t i = 0; i < RTFFI_MAX_PARAMS + 1; i++)
        many[i] = RTFFI_NUMBER;
    assert_null(rtffi_lookup(lib, "wide", many, RTFFI_MAX_PARAMS + 1, RTFFI_NUMBER, &err));
    assert_string_equal(err.message, "function \"wide\" has 17 parameters; at most 16 are supported");

    fn = lookup_fake(lib, fake_handle, "two", "two", (void *)fake_target, two, 2, RTFFI_NUMBER,
                     &err);
    assert_non_null(fn);
    assert_int_equal(rtffi_call(fn, args, 3, &out, &has, &err), -1);
    assert_string_equal(err.message, "function \"two\" takes 2 arguments, 3 given");
    assert_int_equal(fake.calls, 0);
    rtffi_fn_free(fn);
    close_fake_user_lib(lib);

    assert_string_equal(rtffi_type_name(RTFFI_SERIES), "series");
    assert_string_equal(rtffi_type_name(RTFFI_DATE), "date");
}

/* ---- real calls through libffi ---------------------------------------------- */

/* The standard library, found in this program by dlsym(RTLD_DEFAULT). */
static void test_real_std_calls(void **state)
{
    static const enum rtffi_type nn[] = {RTFFI_NUMBER, RTFFI_NUMBER};
    static const enum rtffi_type s1[] = {RTFFI_SERIES};
    static const double v[] = {100, 80, 130, 150};
    const charter_series s = {v, NULL, 4}, empty = {v, NULL, 0};
    rtffi_error err;
    rtffi_lib *lib = rtffi_open(NULL, &err);
    rtffi_value args[2], out;
    bool has;
    rtffi_fn *ratio, *mean, *growth;

    (void)state;
    assert_non_null(lib);
    ratio = rtffi_lookup(lib, "ratio", nn, 2, RTFFI_NUMBER, &err);
    assert_non_null(ratio);
    mean = rtffi_lookup(lib, "mean", s1, 1, RTFFI_NUMBER, &err);
    assert_non_null(mean);
    growth = rtffi_lookup(lib, "growth", s1, 1, RTFFI_NUMBER, &err);
    assert_non_null(growth);

    args[0].number = 6, args[1].number = 4;
    assert_int_equal(rtffi_call(ratio, args, 2, &out, &has, &err), 0);
    assert_true(has);
    assert_true(out.number == 1.5);

    args[1].number = 0; /* charter_ratio gives NaN: no value */
    assert_int_equal(rtffi_call(ratio, args, 2, &out, &has, &err), 0);
    assert_false(has);

    args[0].series = &s;
    assert_int_equal(rtffi_call(mean, args, 1, &out, &has, &err), 0);
    assert_true(has);
    assert_true(out.number == 115);
    assert_int_equal(rtffi_call(growth, args, 1, &out, &has, &err), 0);
    assert_true(out.number == 0.5);

    args[0].series = &empty;
    assert_int_equal(rtffi_call(mean, args, 1, &out, &has, &err), 0);
    assert_false(has);

    assert_null(rtffi_lookup(lib, "no_such_function", s1, 1, RTFFI_NUMBER, &err));
    assert_string_equal(err.message, "function \"no_such_function\" is not in the standard library "
                                     "(no symbol \"charter_no_such_function\")");

    rtffi_fn_free(ratio);
    rtffi_fn_free(mean);
    rtffi_fn_free(growth);
    rtffi_close(lib);
}

/* User libraries: libm's pow (double), libc's llabs (int64) and abs (int,
 * our date type), each through a real dlopen, dlsym and ffi_call. */
static void test_real_user_libraries(void **state)
{
    static const enum rtffi_type nn[] = {RTFFI_NUMBER, RTFFI_NUMBER};
    static const enum rtffi_type i1[] = {RTFFI_INTEGER};
    static const enum rtffi_type d1[] = {RTFFI_DATE};
    rtffi_error err;
    rtffi_lib *libm = rtffi_open("libm.so.6", &err);
    rtffi_lib *libc = rtffi_open("libc.so.6", &err);
    rtffi_value args[2], out;
    bool has;
    rtffi_fn *fn;

    (void)state;
    assert_non_null(libm);
    assert_non_null(libc);

    fn = rtffi_lookup(libm, "pow", nn, 2, RTFFI_NUMBER, &err);
    assert_non_null(fn);
    args[0].number = 2, args[1].number = 10;
    assert_int_equal(rtffi_call(fn, args, 2, &out, &has, &err), 0);
    assert_true(has && out.number == 1024);
    args[0].number = 10, args[1].number = 400; /* overflows to inf: no value */
    assert_int_equal(rtffi_call(fn, args, 2, &out, &has, &err), 0);
    assert_false(has);
    rtffi_fn_free(fn);

    fn = rtffi_lookup(libc, "llabs", i1, 1, RTFFI_INTEGER, &err);
    assert_non_null(fn);
    args[0].integer = -((int64_t)1 << 40);
    assert_int_equal(rtffi_call(fn, args, 1, &out, &has, &err), 0);
    assert_true(has && out.integer == ((int64_t)1 << 40));
    rtffi_fn_free(fn);

    fn = rtffi_lookup(libc, "abs", d1, 1, RTFFI_DATE, &err);
    assert_non_null(fn);
    args[0].date = -19782;
    assert_int_equal(rtffi_call(fn, args, 1, &out, &has, &err), 0);
    assert_true(has);
    assert_int_equal(out.date, 19782);
    rtffi_fn_free(fn);

    /* a user library's names are not prefixed */
    assert_null(rtffi_lookup(libm, "ratio", nn, 2, RTFFI_NUMBER, &err));
    assert_string_equal(err.message,
                        "function \"ratio\" is not in library \"libm.so.6\" (no symbol \"ratio\")");

    rtffi_close(libm);
    rtffi_close(libc);
}

static void test_real_library_not_found(void **state)
{
    rtffi_error err;

    (void)state;
    assert_null(rtffi_open("/nonexistent/libcharter_nope.so", &err));
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
