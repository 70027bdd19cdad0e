/*
 * Unit tests for runtime/csv.c and runtime/csv_value.c (the calendar
 * itself is tested in test_date.c).
 *
 * Build and run (from the repository root):
 *   gcc -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -iquote runtime -Icompiler/base \
 *       tests/unit/test_csv.c runtime/csv.c runtime/csv_value.c -lcmocka -lm -o build/test_csv
 *   build/test_csv
 *
 * Most cases are written as input -> expected transcript and are parsed
 * with read sizes of 1 to 9 bytes and of 1 MiB, so that every record,
 * quote, CRLF and UTF-8 sequence is also split across refills.
 */
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "csv.h"

/* ---- transcript helpers ------------------------------------------------ */

struct text {
    char *s;
    size_t len, cap;
};

static void put(struct text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

static void putf(struct text *t, const char *fmt, ...)
{
    char buf[128];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    put(t, buf, (size_t)n);
}

static const char *code_name(enum csv_errcode c)
{
    switch (c) {
    case CSV_ERR_NONE: return "none";
    case CSV_ERR_OPEN: return "open";
    case CSV_ERR_IO: return "io";
    case CSV_ERR_NOMEM: return "nomem";
    case CSV_ERR_UNTERMINATED_QUOTE: return "unterminated";
    case CSV_ERR_BAD_QUOTE: return "bad_quote";
    case CSV_ERR_FIELD_TOO_LONG: return "too_long";
    case CSV_ERR_TOO_MANY_FIELDS: return "too_many";
    case CSV_ERR_NUL: return "nul";
    case CSV_ERR_UTF8: return "utf8";
    case CSV_ERR_UTF16: return "utf16";
    }
    return "?";
}

/*
 * Reads everything: "LINE[f1|f2]" per record ('\n' shown as \n, '\r' as
 * \r), "E<line>,<field>:<code>" per error, records separated by spaces.
 * Also checks that each field is NUL-terminated.
 */
static char *transcript(csv_reader *r)
{
    struct text t = {0};
    csv_record rec;
    int rc, guard = 0;

    put(&t, "", 0);
    while ((rc = csv_next(r, &rec)) != CSV_END) {
        assert_true(++guard < 100000);
        if (t.len)
            put(&t, " ", 1);
        if (rc == CSV_ERROR) {
            const csv_error *e = csv_last_error(r);
            putf(&t, "E%ld,%zu:%s", e->line, e->field, code_name(e->code));
            continue;
        }
        assert_int_equal(rc, CSV_RECORD);
        putf(&t, "%ld[", rec.line);
        for (size_t i = 0; i < rec.count; i++) {
            const csv_field *f = &rec.fields[i];

            assert_int_equal(f->ptr[f->len], '\0');
            if (i)
                put(&t, "|", 1);
            for (size_t j = 0; j < f->len; j++)
                if (f->ptr[j] == '\n')
                    put(&t, "\\n", 2);
                else if (f->ptr[j] == '\r')
                    put(&t, "\\r", 2);
                else
                    put(&t, f->ptr + j, 1);
        }
        put(&t, "]", 1);
    }
    /* After the end, the end again. */
    assert_int_equal(csv_next(r, &rec), CSV_END);
    return t.s;
}

/* Parses input[0..len) with several read sizes; each must give `want`. */
static void check_opts(const char *input, size_t len, const csv_options *base, const char *want)
{
    static const size_t blocks[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 0 /* default, 1 MiB */};

    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
        csv_options opt = base ? *base : (csv_options){0};
        csv_reader *r;
        char *got;

        opt.block_size = blocks[i];
        r = csv_open_memory(input, len, &opt, NULL);
        assert_non_null(r);
        got = transcript(r);
        if (strcmp(got, want) != 0)
            fail_msg("block size %zu:\n  input: %s\n   want: %s\n    got: %s", blocks[i], input,
                     want, got);
        free(got);
        csv_close(r);
    }
}

static void check(const char *input, const char *want)
{
    check_opts(input, strlen(input), NULL, want);
}

static void check_utf8(const char *input, const char *want)
{
    csv_options opt = {.check_utf8 = true};

    check_opts(input, strlen(input), &opt, want);
}

/* ---- records ------------------------------------------------------------ */

static void test_plain_records(void **state)
{
    (void)state;
    check("indicator,date,value,reporter\nnew_users,2022-03-31,2100000,globaltel\n",
          "1[indicator|date|value|reporter] 2[new_users|2022-03-31|2100000|globaltel]");
    check("a,b\n1,2", "1[a|b] 2[1|2]"); /* no final newline */
    check("x\n", "1[x]");
    check("", "");
    check(",a,,\n", "1[|a||]");
    check("a,b,", "1[a|b|]");
}

/* Spaces and tabs around a field, outside its quotes, are not data; a
 * record of empty fields is not a record. */
static void test_spaces_and_empty_records(void **state)
{
    (void)state;
    check(" a , b \n", "1[a|b]");
    check("new_users, 2021-05-31,\t180000 , globaltel\n",
          "1[new_users|2021-05-31|180000|globaltel]");
    check("a b,c\td\n", "1[a b|c\td]");         /* inside a field they stay */
    check("\" a \",  \"b\"  ,c\n", "1[ a |b|c]"); /* quoted, they stay */
    check("\"a\" \r\n\"b\"\t", "1[a] 2[b]");
    check("a, \n", "1[a|]");
    check("\"a\" \"b\",c\nok\n", "E1,1:bad_quote 2[ok]");
    check("\"a\" x\nok\n", "E1,1:bad_quote 2[ok]");
    check("h\n,,,,\n1,2\n", "1[h] 3[1|2]");      /* Excel's empty rows */
    check(",,,\r\n , ,\r\n\"\",\"\"\r\n", "");
    check(",,\nh\n", "2[h]");                    /* before the header too */
    check(",a,,\n", "1[|a||]");                   /* one value: a record */
}

static void test_crlf(void **state)
{
    (void)state;
    check("a,b\r\n1,2\r\n", "1[a|b] 2[1|2]");
    check("a,b\r\n1,2", "1[a|b] 2[1|2]");
    check("a,b\r", "1[a|b]");              /* CR at end of file */
    check("a\rb,c\n", "1[a\\rb|c]");       /* a lone CR is data */
    check("a\n1\r\n2\n", "1[a] 2[1] 3[2]"); /* mixed endings */
}

static void test_blank_lines(void **state)
{
    (void)state;
    check("\n\na\n\r\n\nb\n", "3[a] 6[b]");
    check("\n\n\n", "");
    check("\r\n\r\n", "");
    check("a\n\n", "1[a]");
    check("\r", "");
}

static void test_quoting(void **state)
{
    (void)state;
    check("\"a,b\",c\n", "1[a,b|c]");
    check("\"say \"\"hi\"\"\",x\n", "1[say \"hi\"|x]");
    check("\"\"\"\"\n", "1[\"]");
    check("\"\"\n", "");  /* a record of one empty field: none */
    check("a,\"\"", "1[a|]");
    check("\"abc\"", "1[abc]");
    check("\"a\"\"\",\"\"\"b\"\r\n", "1[a\"|\"b]");
    check("\"\",\"\",\"\"\n,x\n", "2[|x]"); /* all empty: skipped */
}

static void test_line_numbers_across_quoted_newlines(void **state)
{
    (void)state;
    check("h\n\"x\ny\",z\nnext,1\n", "1[h] 2[x\\ny|z] 4[next|1]");
    check("\"a\r\nb\"\r\nc\r\n", "1[a\\r\\nb] 3[c]"); /* the CRLF inside quotes is kept */
    check("\"\n\n\n\"\n\nz\n", "1[\\n\\n\\n] 6[z]");
    check("a,\"1\n2\",\"3\n4\"\nb\n", "1[a|1\\n2|3\\n4] 4[b]");
}

static void test_bom(void **state)
{
    (void)state;
    check("\xEF\xBB\xBFindicator,date\n", "1[indicator|date]");
    check("\xEF\xBB\xBF", "");
    check("\xEF\xBB", "1[\xEF\xBB]"); /* not a whole BOM: data */
    check("a\n\xEF\xBB\xBF\n", "1[a] 2[\xEF\xBB\xBF]"); /* only at the start */
    /* A UTF-16 byte order mark ends the file at once. */
    check_opts("\xFF\xFEi\0n\0", 6, NULL, "E1,0:utf16");
    check_opts("\xFE\xFF\0i\0n", 6, NULL, "E1,0:utf16");
    check("\xFF", "1[\xFF]");
}

/* ---- errors ------------------------------------------------------------- */

static void test_unterminated_quote(void **state)
{
    (void)state;
    /* Reported at the line where the quote opens; nothing after it. */
    check("a,b\n\"open,\nmore\n", "1[a|b] E2,1:unterminated");
    check("x,\"", "E1,2:unterminated");
    check("\"abc\"\"", "E1,1:unterminated");
    check_opts("a\n\"\0\n", 5, NULL, "1[a] E2,1:unterminated"); /* outranks the NUL */
}

static void test_bad_quote(void **state)
{
    (void)state;
    check("a,b\"c,d\nx,y\n", "E1,2:bad_quote 2[x|y]");
    check("\"ab\"c,d\nx\n", "E1,1:bad_quote 2[x]");
    check("h\n\"a\nb\"x,y\nz\n", "1[h] E2,1:bad_quote 4[z]");
    check("\"a\"\rb\n1\n", "E1,1:bad_quote 2[1]");
    /* one error per record, every bad record reported */
    check("a\"\"\"\nok\nb\"\nok2", "E1,1:bad_quote 2[ok] E3,1:bad_quote 4[ok2]");
}

static void test_field_too_long(void **state)
{
    csv_options opt = {.max_field = 4};

    (void)state;
    check_opts("abcd,abcde\nok\n", 14, &opt, "E1,2:too_long 2[ok]");
    check_opts("\"a\ncd\"\nok\n", 10, &opt, "1[a\\ncd] 3[ok]");
    check_opts("x\n\"ab\ncde\"\nok\n", 14, &opt, "1[x] E2,1:too_long 4[ok]");
    check_opts("abcde", 5, &opt, "E1,1:too_long");

    /* A field far longer than the buffer: skipped, the buffer need not
     * hold it. */
    {
        size_t n = 300000;
        char *big = malloc(n + 8);
        csv_options small = {.max_field = 16, .block_size = 4096};
        csv_reader *r;
        char *got;

        assert_non_null(big);
        memset(big, 'x', n);
        memcpy(big + n, "\nok\n", 4);
        r = csv_open_memory(big, n + 4, &small, NULL);
        assert_non_null(r);
        got = transcript(r);
        assert_string_equal(got, "E1,1:too_long 2[ok]");
        free(got);
        csv_close(r);
        free(big);
    }
}

static void test_too_many_fields(void **state)
{
    csv_options opt = {.max_fields = 2};

    (void)state;
    check_opts("a,b,c\nd,e\n", 10, &opt, "E1,3:too_many 2[d|e]");
    check_opts("a,b,\nd,e\n", 9, &opt, "E1,3:too_many 2[d|e]");
    check_opts("a,b\n", 4, &opt, "1[a|b]");
}

static void test_nul(void **state)
{
    (void)state;
    check_opts("a\0b,c\nd\n", 8, NULL, "E1,1:nul 2[d]");
    check_opts("x,\"a\0\n\"\ny\n", 10, NULL, "E1,2:nul 3[y]");
    check_opts("\0", 1, NULL, "E1,1:nul");
}

static void test_utf8(void **state)
{
    (void)state;
    check_utf8("caf\xC3\xA9,\xE2\x82\xAC,\xF0\x9F\x98\x80\n", "1[caf\xC3\xA9|\xE2\x82\xAC|\xF0\x9F\x98\x80]");
    check_utf8("\"\xF0\x9F\x98\x80\n\xC3\xA9\"\n", "1[\xF0\x9F\x98\x80\\n\xC3\xA9]");
    check_utf8("\xC3\x28\nok\n", "E1,1:utf8 2[ok]");           /* bad continuation */
    check_utf8("a,\xC0\xAF\nok\n", "E1,2:utf8 2[ok]");         /* overlong '/' */
    check_utf8("\xE0\x80\xAF\n", "E1,1:utf8");                 /* overlong, 3 bytes */
    check_utf8("\xED\xA0\x80\n", "E1,1:utf8");                 /* surrogate */
    check_utf8("\xF4\x90\x80\x80\n", "E1,1:utf8");             /* above U+10FFFF */
    check_utf8("\xFF\n", "E1,1:utf8");
    check_utf8("\x80\n", "E1,1:utf8");                         /* lone continuation */
    check_utf8("ab\xE2\x82", "E1,1:utf8");                     /* cut at end of file */
    check_utf8("\"\xE2\x82\"\nok\n", "E1,1:utf8 2[ok]");       /* cut by the quote */
    /* The error names the byte and its column in the line. */
    {
        const char *in = "h\nx,caf\xE9,1\n";
        csv_reader *r = csv_open_memory(in, strlen(in), &(csv_options){.check_utf8 = true}, NULL);
        csv_record rec;
        char buf[256];

        assert_int_equal(csv_next(r, &rec), CSV_RECORD);
        assert_int_equal(csv_next(r, &rec), CSV_ERROR);
        assert_int_equal(csv_last_error(r)->column, 6);
        assert_int_equal(csv_last_error(r)->byte, 0xE9);
        csv_describe_error(csv_last_error(r), buf, sizeof buf);
        assert_non_null(strstr(buf, "field 2 is not valid UTF-8 text: byte 0xE9 at column 6"));
        csv_close(r);
    }
    /* Without the check, bytes pass through. */
    check("\xC3\x28,\xFF\n", "1[\xC3\x28|\xFF]");
}

static void test_describe_error(void **state)
{
    char buf[256];
    csv_error e = {.code = CSV_ERR_FIELD_TOO_LONG, .line = 7, .field = 3, .limit = 65536};

    (void)state;
    csv_describe_error(&e, buf, sizeof buf);
    assert_string_equal(buf, "field 3 is longer than 65536 bytes");
    e = (csv_error){.code = CSV_ERR_UNTERMINATED_QUOTE, .line = 2, .field = 1};
    csv_describe_error(&e, buf, sizeof buf);
    assert_string_equal(buf, "field 1 opens a quote that is not closed before the end of the file");
    e = (csv_error){.code = CSV_ERR_TOO_MANY_FIELDS, .field = 3, .limit = 2};
    csv_describe_error(&e, buf, sizeof buf);
    assert_string_equal(buf, "the record has more than 2 fields");
    e = (csv_error){.code = CSV_ERR_NUL, .field = 1};
    csv_describe_error(&e, buf, sizeof buf);
    assert_non_null(strstr(buf, "field 1 contains a NUL byte (is this a text file? UTF-16"));
    e = (csv_error){.code = CSV_ERR_UTF8, .field = 2};
    csv_describe_error(&e, buf, sizeof buf);
    assert_string_equal(buf, "field 2 is not valid UTF-8 text");
    e = (csv_error){.code = CSV_ERR_BAD_QUOTE, .field = 2};
    csv_describe_error(&e, buf, sizeof buf);
    assert_non_null(strstr(buf, "field 2 has a stray double quote"));
    e = (csv_error){.code = CSV_ERR_OPEN, .sys_errno = ENOENT};
    csv_describe_error(&e, buf, sizeof buf);
    assert_string_equal(buf, "cannot open the file: No such file or directory");
}

/* ---- header, files -------------------------------------------------------- */

static void test_header(void **state)
{
    const char *in = "indicator,date,value,reporter,\"note\"\nu,2022-01-31,5,gt,\"a, b\"\n";
    csv_reader *r = csv_open_memory(in, strlen(in), &(csv_options){.block_size = 3}, NULL);
    csv_record rec;
    const csv_field *h;
    size_t n;

    (void)state;
    assert_non_null(r);
    h = csv_header(r, &n);
    assert_null(h);
    assert_int_equal(n, 0);
    assert_int_equal(csv_find_column(r, "date"), -1);

    assert_int_equal(csv_read_header(r), CSV_RECORD);
    assert_int_equal(csv_find_column(r, "indicator"), 0);
    assert_int_equal(csv_find_column(r, "value"), 2);
    assert_int_equal(csv_find_column(r, "note"), 4);
    assert_int_equal(csv_find_column(r, "valu"), -1);
    assert_int_equal(csv_next(r, &rec), CSV_RECORD);
    assert_int_equal(rec.line, 2);
    assert_string_equal(rec.fields[4].ptr, "a, b");
    assert_int_equal(csv_next(r, &rec), CSV_END);
    /* the names outlive the records */
    h = csv_header(r, &n);
    assert_int_equal(n, 5);
    assert_string_equal(h[3].ptr, "reporter");
    csv_close(r);

    r = csv_open_memory("", 0, NULL, NULL);
    assert_int_equal(csv_read_header(r), CSV_END);
    csv_close(r);
}

static void test_file(void **state)
{
    char path[] = "/tmp/test_csv_XXXXXX";
    int fd = mkstemp(path);
    const char *in = "a,b\r\n\"1\n2\",3\r\n";
    csv_error err;
    csv_reader *r;
    char *got;

    (void)state;
    assert_true(fd >= 0);
    assert_int_equal(write(fd, in, strlen(in)), (ssize_t)strlen(in));
    close(fd);

    r = csv_open(path, NULL, &err);
    assert_non_null(r);
    got = transcript(r);
    assert_string_equal(got, "1[a|b] 2[1\\n2|3]");
    free(got);
    csv_close(r);

    r = csv_open(path, &(csv_options){.block_size = 2}, &err);
    assert_non_null(r);
    got = transcript(r);
    assert_string_equal(got, "1[a|b] 2[1\\n2|3]");
    free(got);
    csv_close(r);
    unlink(path);

    assert_null(csv_open(path, NULL, &err));
    assert_int_equal(err.code, CSV_ERR_OPEN);
    assert_int_equal(err.sys_errno, ENOENT);
    assert_true(err.fatal);
}

static void test_read_error(void **state)
{
    /* A directory opens but cannot be read: EISDIR, fatal. */
    csv_error err;
    csv_reader *r = csv_open("/", NULL, &err);
    csv_record rec;

    (void)state;
    assert_non_null(r);
    assert_int_equal(csv_next(r, &rec), CSV_ERROR);
    assert_int_equal(csv_last_error(r)->code, CSV_ERR_IO);
    assert_int_equal(csv_last_error(r)->sys_errno, EISDIR);
    assert_true(csv_last_error(r)->fatal);
    assert_int_equal(csv_next(r, &rec), CSV_END);
    csv_close(r);
}

/*
 * Random records from an alphabet full of delimiters, written the way a
 * careful writer would (quoted when needed, LF or CRLF), must come back
 * field for field with the right line numbers, whatever the read size.
 */
static void test_random_round_trip(void **state)
{
    static const char *const tokens[] = {"a", "b", ",", "\"", "\n", "\r", " ", "\xC3\xA9", "\xE2\x82\xAC"};
    struct text in = {0}, want = {0};
    unsigned seed = 12345;
    long line = 1;

    (void)state;
    put(&in, "", 0);
    put(&want, "", 0);
    for (int rec = 0; rec < 2000; rec++) {
        int nf = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 5;
        long first = line;
        bool any = false; /* a field of the record so far is not empty */

        if (want.len)
            put(&want, " ", 1);
        putf(&want, "%ld[", first);
        for (int f = 0; f < nf; f++) {
            char field[32];
            int ntok = (int)((seed = seed * 1103515245 + 12345) >> 16) % 8, len = 0;
            bool quote = false;

            for (int i = 0; i < ntok; i++) {
                const char *tok = tokens[((seed = seed * 1103515245 + 12345) >> 16) % 9];

                memcpy(field + len, tok, strlen(tok));
                len += (int)strlen(tok);
                quote |= strchr(",\"\n\r", tok[0]) != NULL;
            }
            /* A record of empty fields is no record: the last field of
             * one gets a letter. */
            if (f == nf - 1 && !any && len == 0)
                field[len++] = 'a';
            any |= len > 0;
            /* Spaces at the ends of a field are data only quoted. */
            quote |= len > 0 && (field[0] == ' ' || field[len - 1] == ' ');
            if (f)
                put(&in, ",", 1), put(&want, "|", 1);
            if (quote)
                put(&in, "\"", 1);
            for (int i = 0; i < len; i++) {
                if (field[i] == '"')
                    put(&in, "\"\"", 2);
                else
                    put(&in, field + i, 1);
                if (field[i] == '\n')
                    line++, put(&want, "\\n", 2);
                else if (field[i] == '\r')
                    put(&want, "\\r", 2);
                else
                    put(&want, field + i, 1);
            }
            if (quote)
                put(&in, "\"", 1);
        }
        put(&want, "]", 1);
        if (((seed = seed * 1103515245 + 12345) >> 16) % 2)
            put(&in, "\r\n", 2);
        else
            put(&in, "\n", 1);
        line++;
    }
    check_opts(in.s, in.len, &(csv_options){.check_utf8 = true}, want.s);
    free(in.s);
    free(want.s);
}

/* ---- numbers and dates ----------------------------------------------------- */

static void expect_number(const char *s, double want)
{
    double v = -12345;

    assert_int_equal(csv_parse_number(s, strlen(s), &v), CSV_VALUE_OK);
    assert_true(v == want);
}

static void expect_bad_number(const char *s, enum csv_value_error want)
{
    double v = -12345;

    assert_int_equal(csv_parse_number(s, strlen(s), &v), want);
    assert_true(v == -12345); /* untouched */
}

static void test_numbers(void **state)
{
    char longer[300];

    (void)state;
    expect_number("12", 12);
    expect_number("-3.5", -3.5);
    expect_number("+4", 4);
    expect_number(".5", 0.5);
    expect_number("5.", 5);
    expect_number("1e3", 1000);
    expect_number("1.5E-2", 0.015);
    expect_number("2100000", 2100000);
    expect_number(" 7\t", 7);
    expect_number("0", 0);
    expect_number("1e-400", 0); /* underflow rounds to zero */
    expect_number("1.7976931348623157e308", 1.7976931348623157e308);

    expect_bad_number("", CSV_VALUE_EMPTY);
    expect_bad_number("  ", CSV_VALUE_EMPTY);
    expect_bad_number("N/A", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("12abc", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("1 2", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("1.5.2", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("40%", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("10_000", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("inf", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("-infinity", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("nan", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("0x10", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("1e", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("1e+", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("e5", CSV_VALUE_NOT_NUMBER);
    expect_bad_number(".", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("-", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("--1", CSV_VALUE_NOT_NUMBER);
    expect_bad_number("1e999", CSV_VALUE_OUT_OF_RANGE);
    expect_bad_number("-1e999", CSV_VALUE_OUT_OF_RANGE);
    memset(longer, '1', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    expect_bad_number(longer, CSV_VALUE_TOO_LONG);

    /* Only n bytes are read: a field slice is not a C string in general. */
    {
        double v;
        assert_int_equal(csv_parse_number("123456", 3, &v), CSV_VALUE_OK);
        assert_true(v == 123);
        assert_int_equal(csv_parse_number("12x", 2, &v), CSV_VALUE_OK);
        assert_true(v == 12);
    }
    /* -0 keeps its sign, as with strtod */
    {
        double v;
        assert_int_equal(csv_parse_number("-0", 2, &v), CSV_VALUE_OK);
        assert_true(v == 0 && signbit(v));
    }
    assert_string_equal(csv_value_strerror(CSV_VALUE_NOT_NUMBER), "is not a number");
    assert_string_equal(csv_value_strerror(CSV_VALUE_OUT_OF_RANGE), "is too large to be a number");
}

/* The fast path for short decimals must give strtod's bits exactly. */
static void test_numbers_match_strtod(void **state)
{
    unsigned seed = 7;

    (void)state;
    for (int k = 0; k < 200000; k++) {
        char text[64];
        int len = 0;
        int ndig = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 20;
        int point = (int)((seed = seed * 1103515245 + 12345) >> 16) % (ndig + 2);
        int expo = (int)((seed = seed * 1103515245 + 12345) >> 16) % 61 - 30;
        double got, want;

        if (k % 2)
            text[len++] = '-';
        for (int d = 0; d < ndig; d++) {
            if (d == point)
                text[len++] = '.';
            text[len++] = (char)('0' + ((seed = seed * 1103515245 + 12345) >> 16) % 10);
        }
        if (k % 3 == 0)
            len += snprintf(text + len, sizeof text - (size_t)len, "e%d", expo);
        text[len] = '\0';
        want = strtod(text, NULL);
        assert_int_equal(csv_parse_number(text, (size_t)len, &got), CSV_VALUE_OK);
        if (memcmp(&got, &want, sizeof got) != 0)
            fail_msg("%s: got %.17g, strtod %.17g", text, got, want);
    }
}

static void expect_date(const char *s, int32_t want)
{
    int32_t d = 12345;

    assert_int_equal(csv_parse_date(s, strlen(s), &d), CSV_VALUE_OK);
    assert_int_equal(d, want);
}

static void expect_bad_date(const char *s, enum csv_value_error want)
{
    int32_t d = 12345;

    assert_int_equal(csv_parse_date(s, strlen(s), &d), want);
    assert_int_equal(d, 12345);
}

static void test_dates(void **state)
{
    (void)state;
    expect_date("1970-01-01", 0);
    expect_date("1969-12-31", -1);
    expect_date("2024-02-29", 19782);
    expect_date("2000-02-29", 11016);
    expect_date("2000-03-01", 11017);
    expect_date("2023-03-01", 19417);
    expect_date("2022-06-30", 19173);
    expect_date("0001-01-01", -719162);
    expect_date("9999-12-31", 2932896);
    expect_date(" 2022-06-30 ", 19173);

    expect_bad_date("2023-02-29", CSV_VALUE_NO_SUCH_DAY);
    expect_bad_date("1900-02-29", CSV_VALUE_NO_SUCH_DAY);
    expect_bad_date("2023-04-31", CSV_VALUE_NO_SUCH_DAY);
    expect_bad_date("2023-13-01", CSV_VALUE_NO_SUCH_DAY);
    expect_bad_date("2023-00-10", CSV_VALUE_NO_SUCH_DAY);
    expect_bad_date("2023-01-00", CSV_VALUE_NO_SUCH_DAY);
    expect_bad_date("", CSV_VALUE_EMPTY);
    expect_bad_date("2023-1-05", CSV_VALUE_NOT_DATE);
    expect_bad_date("2023/01/05", CSV_VALUE_NOT_DATE);
    expect_bad_date("20230105", CSV_VALUE_NOT_DATE);
    expect_bad_date("2023-01-05x", CSV_VALUE_NOT_DATE);
    expect_bad_date("2023-01-0x", CSV_VALUE_NOT_DATE);
    expect_bad_date("+023-01-05", CSV_VALUE_NOT_DATE);
    expect_bad_date("N/A", CSV_VALUE_NOT_DATE);
    assert_string_equal(csv_value_strerror(CSV_VALUE_NO_SUCH_DAY), "is not a day of the calendar");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_records),
        cmocka_unit_test(test_spaces_and_empty_records),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_blank_lines),
        cmocka_unit_test(test_quoting),
        cmocka_unit_test(test_line_numbers_across_quoted_newlines),
        cmocka_unit_test(test_bom),
        cmocka_unit_test(test_unterminated_quote),
        cmocka_unit_test(test_bad_quote),
        cmocka_unit_test(test_field_too_long),
        cmocka_unit_test(test_too_many_fields),
        cmocka_unit_test(test_nul),
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_describe_error),
        cmocka_unit_test(test_header),
        cmocka_unit_test(test_file),
        cmocka_unit_test(test_read_error),
        cmocka_unit_test(test_random_round_trip),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_numbers_match_strtod),
        cmocka_unit_test(test_dates),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
