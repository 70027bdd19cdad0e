/* buf.h - growable byte buffers for building output, and whole-file I/O.
 *
 * Back ends build their output in a Buf and write it with buf_write_file(),
 * which writes a temporary file beside the target and renames it, and does
 * not touch a file whose content would not change. */
#ifndef CHARTER_BUF_H
#define CHARTER_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;

void buf_init(Buf *b);
void buf_free(Buf *b);
void buf_put(Buf *b, const void *p, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
/* v in decimal ("%lld" without printf). */
void buf_int(Buf *b, long long v);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
/* NUL-terminates without counting the NUL in len. */
const char *buf_cstr(Buf *b);

/* Escapes for the output formats: JSON string body, XML/HTML text and
 * attributes, Markdown inline text.  buf_md() escapes only what CommonMark
 * (with GitHub's tables and strikethrough) would read as markup, so that
 * the text stays readable in the .md file: always `\`, `` ` ``, `*`, `[`,
 * `]`, `|`, `~`; `_` unless between letters or digits; `<` unless before a
 * space; `&` before an entity name and `;`; a `#` that could close a
 * heading; and, at the text's start (which may begin a line or a list
 * item), `-`, `+`, `=`, `>`, `#` and the `.` or `)` of `1.` or `1)`.  A
 * newline becomes a space. */
void buf_json_str(Buf *b, const char *s);   /* with the quotes */
void buf_xml(Buf *b, const char *s);
void buf_md(Buf *b, const char *s);

/* Reads a whole file; returns 0 or an errno value.  "-" is standard input. */
int buf_read_file(Buf *b, const char *path);
/* Atomic write: 0 on success (written or already identical), else errno.
 * *changed (may be NULL) tells whether the file was written. "-" writes
 * to standard output. */
int buf_write_file(const Buf *b, const char *path, bool *changed);
/* The same with the permissions `mode` (before the umask; 0755 for a
 * program), and never standard output.  An identical file is left alone,
 * but gains the execute bits `mode` asks for when it has none. */
int buf_write_file_mode(const Buf *b, const char *path, mode_t mode, bool *changed);
/* Replaces path with b's bytes, always: through a temporary file created
 * with mkstemp beside it (PATH.tmp.XXXXXX, never following a link planted
 * there), fsync and rename.  An existing file keeps its mode and, where
 * the process may set it, its group; a read-only one (no write bit) is
 * refused with EACCES; a new one gets `mode` less the umask.  Returns 0
 * or an errno value. */
int buf_replace_file(const Buf *b, const char *path, mode_t mode);

#endif
