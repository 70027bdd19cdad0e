/*
 * csv: a streaming reader for the tracker's ledger files (RFC 4180).
 *
 * The reader pulls large blocks (1 MiB read()s by default) into one
 * buffer and returns each record as (pointer, length) slices into that
 * buffer: no allocation per record or per field.  Quoted fields may hold
 * commas, doubled quotes and line breaks; records end with LF or CRLF;
 * a UTF-8 byte order mark at the start is ignored.  Every record carries
 * the 1-based line of its first line, so a record whose quoted field
 * spans lines still points at where it starts.
 *
 * Spaces and tabs around a field, outside its quotes, are not data (as
 * spreadsheets and people write `a, b`): ` a ,b` reads as "a" and "b",
 * `  "a b" ,` as "a b"; a field keeps spaces at its ends only quoted.
 * Blank lines and records whose fields are all empty (`,,,,`, the empty
 * rows of a spreadsheet) are skipped: they are not records.  A UTF-16
 * byte order mark ends the file at once (CSV_ERR_UTF16).
 *
 * Problems in the input are values, never aborts: csv_next returns
 * CSV_ERROR with a csv_error (what, line, field).  After a problem in one
 * record the reader resumes at the next record, so a caller can report
 * every bad row in one pass; only an unterminated quote, a read error or
 * lack of memory end the file (error.fatal).
 *
 * Lifetime: the slices of a record stay valid until the next csv_next or
 * csv_close on the same reader.  Each field is followed by a NUL byte, so
 * field.ptr is also a C string (fields never contain NUL: it is an error).
 */
#ifndef CHARTER_CSV_H
#define CHARTER_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "csv_value.h"   /* a field's value: csv_parse_number, csv_parse_date */

typedef struct csv_reader csv_reader;

typedef struct csv_field {
    const char *ptr; /* NUL-terminated; quotes removed and "" undone */
    size_t len;
} csv_field;

typedef struct csv_record {
    const csv_field *fields; /* owned by the reader */
    size_t count;            /* >= 1 */
    long line;               /* 1-based line where the record starts */
} csv_record;

enum csv_status {
    CSV_ERROR = -1, /* see csv_last_error; csv_next may be called again */
    CSV_END = 0,    /* no more records */
    CSV_RECORD = 1, /* *rec filled */
};

enum csv_errcode {
    CSV_ERR_NONE,
    CSV_ERR_OPEN,               /* the file cannot be opened (sys_errno) */
    CSV_ERR_IO,                 /* read() failed (sys_errno); fatal */
    CSV_ERR_NOMEM,              /* fatal */
    CSV_ERR_UNTERMINATED_QUOTE, /* end of file inside a quoted field; fatal */
    CSV_ERR_BAD_QUOTE,          /* '"' inside an unquoted field, or text after a closing quote */
    CSV_ERR_FIELD_TOO_LONG,     /* a field's raw bytes exceed options.max_field */
    CSV_ERR_TOO_MANY_FIELDS,    /* a record has more than options.max_fields fields */
    CSV_ERR_NUL,                /* a NUL byte */
    CSV_ERR_UTF8,               /* invalid UTF-8 (only with options.check_utf8) */
    CSV_ERR_UTF16,              /* the file starts with a UTF-16 byte order mark; fatal */
};

typedef struct csv_error {
    enum csv_errcode code;
    long line;     /* 1-based line of the problem (of the opening quote for quote errors) */
    size_t field;  /* 1-based field of the record, 0 when not about a field */
    size_t limit;  /* the limit exceeded, for FIELD_TOO_LONG and TOO_MANY_FIELDS */
    size_t column; /* 1-based byte of the line where the problem was found */
    unsigned byte; /* the byte there: UTF8 names it (0xE9: Latin-1 text) */
    int sys_errno; /* for OPEN and IO */
    bool fatal;    /* nothing more can be read from this file */
} csv_error;

/* Zero-initialise and set what you need; a 0 field takes the default. */
typedef struct csv_options {
    size_t block_size; /* bytes per read(); default 1 MiB */
    size_t max_field;  /* longest field, in raw bytes; default 64 KiB */
    size_t max_fields; /* most fields in a record; default 256 */
    bool check_utf8;   /* reject invalid UTF-8 (overlongs, surrogates, > U+10FFFF) */
} csv_options;

/* NULL on failure, with *err filled (err may be NULL).  opt may be NULL. */
csv_reader *csv_open(const char *path, const csv_options *opt, csv_error *err);
/* Reads fd from its current offset; csv_close does not close it. */
csv_reader *csv_open_fd(int fd, const csv_options *opt, csv_error *err);
/* Reads a private copy of data[0..len), block_size bytes at a time. */
csv_reader *csv_open_memory(const void *data, size_t len, const csv_options *opt, csv_error *err);
void csv_close(csv_reader *r);

/* The next record: CSV_RECORD, CSV_END, or CSV_ERROR (the bad record is
 * skipped; after a fatal error the next call returns CSV_END). */
int csv_next(csv_reader *r, csv_record *rec);
const csv_error *csv_last_error(const csv_reader *r);

/* Reads the next record as the header and keeps a copy of its names.
 * Returns like csv_next (CSV_END: the file is empty). */
int csv_read_header(csv_reader *r);
/* The header's names (NULL, 0 before csv_read_header succeeded). */
const csv_field *csv_header(const csv_reader *r, size_t *count);
/* Index of the header column named exactly `name`, or -1. */
long csv_find_column(const csv_reader *r, const char *name);

/* The offset of the first byte of s[0..n) that is not valid UTF-8 (as
 * options.check_utf8 judges it), or n when all is. */
size_t csv_utf8_check(const char *s, size_t n);

/* What went wrong, as one sentence without location (the caller prints
 * "file:line: "), e.g. "field 3 is longer than 65536 bytes".  Returns the
 * length snprintf would have written. */
int csv_describe_error(const csv_error *e, char *buf, size_t size);

#endif
