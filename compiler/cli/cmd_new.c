/* cmd_new.c - `charterc new NAME`: a starter agreement.
 *
 * Writes NAME.charter from stdlib/templates/starter.charter, a valid but
 * deliberately incomplete agreement: `charterc check` then walks the
 * facilitator through what is missing, one finding and one hint at a time.
 * The template's {{ID}}, {{TITLE}} and {{FILE}} are replaced by the
 * agreement's id (NAME made an identifier), a title made from it, and the
 * file name. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cli.h"

static const char new_help[] =
    "usage: charterc new NAME\n\n"
    "Writes NAME.charter, a starter agreement from the template\n"
    "stdlib/templates/starter.charter. The file is valid but deliberately\n"
    "incomplete: run 'charterc check NAME.charter' and each finding says what to\n"
    "fill in next. The agreement's id is NAME with every character that cannot be\n"
    "in an identifier replaced by '_'.\n\n"
    "An existing file is never overwritten.  Exit status: 0 the file was written,\n"
    "2 it exists already, the template is missing or the file cannot be written.\n";

/* Appends the template with its placeholders replaced. */
static void expand(Buf *out, const char *t, size_t len, const char *id, const char *title,
                   const char *file)
{
    static const char *const keys[] = {"{{ID}}", "{{TITLE}}", "{{FILE}}"};
    const char *vals[] = {id, title, file};
    size_t i = 0;
    while (i < len) {
        int k = -1;
        if (t[i] == '{')
            for (int j = 0; j < 3 && k < 0; j++)
                if (len - i >= strlen(keys[j]) && memcmp(t + i, keys[j], strlen(keys[j])) == 0)
                    k = j;
        if (k >= 0) {
            buf_puts(out, vals[k]);
            i += strlen(keys[k]);
        } else {
            buf_putc(out, t[i++]);
        }
    }
}

int cmd_new(int argc, char **argv)
{
    static const OptSpec opts[] = {{"help", 'h', false}};
    Opts o;
    if (!cli_parse(&o, opts, 1, argc, argv, "new"))
        return 2;
    if (opts_has(&o, "help")) {
        fputs(new_help, stdout);
        return 0;
    }
    if (o.npositional != 1 || !*o.positional[0])
        return cli_fail("new needs one NAME (see 'charterc new --help')");
    const char *name = o.positional[0];
    if (strcmp(name, "-") == 0)
        return cli_fail("new writes a file; give it a NAME, not '-'");

    /* NAME.charter, unless NAME already ends so. */
    size_t n = strlen(name);
    const char *ext = ".charter";
    bool has_ext = n > strlen(ext) && strcmp(name + n - strlen(ext), ext) == 0;
    char file[4096];
    if (snprintf(file, sizeof file, "%s%s", name, has_ext ? "" : ext) >= (int)sizeof file)
        return cli_fail("the name '%s' is too long", name);

    /* The id: the base name without the extension, as an identifier. */
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t blen = strlen(base) - strlen(ext);
    if (blen == 0)
        return cli_fail("'%s' names no agreement", name);
    char id[256], title[256];
    size_t k = 0;
    if (isdigit((unsigned char)base[0]))
        id[k++] = '_';
    for (size_t i = 0; i < blen && k < sizeof id - 1; i++) {
        unsigned char c = (unsigned char)base[i];
        id[k++] = (isalnum(c) && c < 0x80) || c == '_' ? (char)c : '_';
    }
    id[k] = '\0';
    /* The reserved words cannot name an agreement. */
    static const char *const reserved[] = {"requires", "formula", "and", "or", "not"};
    for (int i = 0; i < 5; i++)
        if (strcmp(id, reserved[i]) == 0)
            snprintf(id + k, sizeof id - k, "_agreement");
    /* The title: the id with spaces, first letter in capitals. */
    size_t t = 0;
    for (size_t i = 0; id[i] && t < sizeof title - 1; i++)
        if (!(id[i] == '_' && (t == 0 || title[t - 1] == ' ')))
            title[t++] = id[i] == '_' ? ' ' : id[i];
    while (t > 0 && title[t - 1] == ' ')
        t--;
    title[t] = '\0';
    if (t == 0)
        snprintf(title, sizeof title, "Partnership agreement");
    title[0] = (char)toupper((unsigned char)title[0]);

    struct stat st;
    if (lstat(file, &st) == 0)
        return cli_fail("%s already exists; new never overwrites a file", file);

    char tpath[4096];
    snprintf(tpath, sizeof tpath, "%s/templates/starter.charter", compile_stdlib_dir());
    Buf tmpl;
    buf_init(&tmpl);
    int err = buf_read_file(&tmpl, tpath);
    if (err) {
        buf_free(&tmpl);
        return cli_fail("cannot read the template %s: %s", tpath, strerror(err));
    }
    Buf out;
    buf_init(&out);
    expand(&out, tmpl.data ? tmpl.data : "", tmpl.len, id, title, base);
    buf_free(&tmpl);
    err = buf_write_file(&out, file, NULL);
    buf_free(&out);
    if (err)
        return cli_fail("cannot write %s: %s", file, strerror(err));
    fprintf(stderr, "charterc: wrote %s; run 'charterc check %s' to see what to fill in next\n",
            file, file);
    return 0;
}
