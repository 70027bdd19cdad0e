/* ledger_write.c - writing the ledger (lwrite_).  See ledger_write.h. */
#define _POSIX_C_SOURCE 200809L
#include "ledger_write.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "term.h"

/* A field as CSV writes it: quoted when it holds a comma, a quote, a line
 * break, or spaces at either end. */
static void put_field(Buf *b, const char *s)
{
    if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && (!*s || s[strlen(s) - 1] != ' ')) {
        buf_puts(b, s);
        return;
    }
    buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            buf_putc(b, '"');
        buf_putc(b, *s);
    }
    buf_putc(b, '"');
}

static int lock_ledger(Trk *t)
{
    const char *dir = t->data_dir;
    struct stat st;
    if (stat(dir, &st) != 0) {
        /* Another process may be creating it at the same time. */
        if (errno != ENOENT || (mkdir(dir, 0777) != 0 && errno != EEXIST)) {
            trk_fail(t, "cannot create the ledger folder %s: %s", dir, strerror(errno));
            return -1;
        }
    } else if (!S_ISDIR(st.st_mode)) {
        trk_fail(t, "the ledger %s is not a folder", dir);
        return -1;
    }
    const char *lp = trk_path(t, ".lock");
    int fd = open(lp, O_RDWR | O_CREAT, 0666);
    if (fd < 0) {
        trk_fail(t, "cannot open the lock %s: %s", lp, strerror(errno));
        return -1;
    }
    while (flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            trk_fail(t, "cannot lock the ledger %s: %s", dir, strerror(errno));
            close(fd);
            return -1;
        }
    }
    return fd;
}

/* Removes the temporary files of a writer that was killed before its
 * rename (NAME.tmp.*, beside the ledger file NAME).  Safe only under the
 * lock: every writer holds it from its temporary file's creation to the
 * rename, so any such file now is stale.  unlink never follows a link. */
static void remove_stale(Trk *t, const char *name)
{
    DIR *d = opendir(t->data_dir);
    if (!d)
        return;
    size_t n = strlen(name);
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (strncmp(de->d_name, name, n) == 0 && strncmp(de->d_name + n, ".tmp.", 5) == 0)
            unlinkat(dirfd(d), de->d_name, 0);
    closedir(d);
}

/* Appends the new rows: the existing bytes are copied as they are; only
 * a header that lacks a column the new rows use gains it at its end. */
static int append_rows(LCheck *c, const char *path, int *written)
{
    Trk *t = c->t;
    Buf old, out;
    buf_init(&old);
    buf_init(&out);
    int e = buf_read_file(&old, path);
    bool exists = e == 0;
    if (e && e != ENOENT) {
        buf_free(&old);
        return trk_fail(t, "cannot read %s: %s", path, strerror(e));
    }
    /* The ledger's columns. */
    VEC(int) cols = {0};
    size_t body = 0;    /* offset of the first byte after the header line */
    if (exists && old.len > 0) {
        csv_error err;
        csv_reader *r = csv_open_memory(old.data, old.len, NULL, &err);
        if (!r || csv_read_header(r) != CSV_RECORD) {
            if (r)
                csv_close(r);
            buf_free(&old);
            return trk_fail(t, "cannot read the header of %s", path);
        }
        size_t n;
        const csv_field *h = csv_header(r, &n);
        for (size_t k = 0; k < n; k++) {
            int id = -1;
            for (int j = 0; j < c->ncols; j++)
                if (strlen(c->cols[j]) == h[k].len && memcmp(c->cols[j], h[k].ptr, h[k].len) == 0)
                    id = j;
            VEC_PUSH(t->a, cols, id);
        }
        csv_close(r);
        const char *nl = memchr(old.data, '\n', old.len);
        body = nl ? (size_t)(nl - old.data) + 1 : old.len;
    }
    /* New lines end like the file's first line (CRLF or LF). */
    const char *eol = exists && body >= 2 && old.data[body - 2] == '\r' ? "\r\n" : "\n";
    bool header_changed = !exists || old.len == 0;
    if (header_changed) {
        /* A new ledger: the fixed columns, then the dimensions in use. */
        for (int j = 0; j < LC_DIM0; j++)
            VEC_PUSH(t->a, cols, j);
        for (int j = LC_DIM0; j < c->aud; j++) {
            const Dimension *d = t->m->dimensions.v[j - LC_DIM0];
            bool used = false;
            for (int i = 0; i < t->nind && !used; i++)
                for (int k = 0; k < t->ind[i]->dims.n; k++)
                    used |= t->ind[i]->dims.v[k] == d;
            if (used)
                VEC_PUSH(t->a, cols, j);
        }
    }
    /* A column the new rows use that the ledger lacks goes at the end. */
    size_t old_ncols = header_changed ? 0 : (size_t)cols.n;
    for (int j = 0; j < c->ncols; j++) {
        bool have = false;
        for (int k = 0; k < cols.n; k++)
            have |= cols.v[k] == j;
        bool used = false;
        for (int i = 0; i < c->rows.n && !used; i++)
            used = !c->rows.v[i].dup && *c->rows.v[i].val[j];
        if (!have && used) {
            VEC_PUSH(t->a, cols, j);
            header_changed = true;
        }
    }
    if (header_changed) {
        if (old_ncols > 0) {
            /* Keep the old header's text and add the new names. */
            size_t hl = body;
            while (hl > 0 && (old.data[hl - 1] == '\n' || old.data[hl - 1] == '\r'))
                hl--;
            buf_put(&out, old.data, hl);
            for (int k = (int)old_ncols; k < cols.n; k++) {
                buf_putc(&out, ',');
                put_field(&out, c->cols[cols.v[k]]);
            }
        } else {
            for (int k = 0; k < cols.n; k++) {
                if (k)
                    buf_putc(&out, ',');
                put_field(&out, c->cols[cols.v[k]]);
            }
        }
        buf_puts(&out, eol);
        if (exists && old.len > body)
            buf_put(&out, old.data + body, old.len - body);
    } else {
        buf_put(&out, old.data, old.len);
    }
    if (out.len > 0 && out.data[out.len - 1] != '\n')
        buf_puts(&out, eol);
    *written = 0;
    for (int i = 0; i < c->rows.n; i++) {
        const LCheckRow *r = &c->rows.v[i];
        if (r->dup)
            continue;
        for (int k = 0; k < cols.n; k++) {
            if (k)
                buf_putc(&out, ',');
            if (cols.v[k] >= 0)
                put_field(&out, r->val[cols.v[k]]);
        }
        buf_puts(&out, eol);
        (*written)++;
    }
    buf_free(&old);
    if (*written == 0 && !header_changed) {
        buf_free(&out);
        return 0;
    }
    /* A temporary file beside the ledger, then rename; mode and group
     * are kept (a 0600 ledger of personal data stays 0600). */
    e = buf_replace_file(&out, path, 0666);
    buf_free(&out);
    if (e)
        return trk_fail(t, "cannot write %s: %s", path, strerror(e));
    int dfd = open(t->data_dir, O_RDONLY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return 0;
}

/* Validates the checked rows against the ledger and writes them, under
 * the lock.  The LCheck holds the new rows from one source. */
int lwrite_commit(LCheck *c, const char *what)
{
    Trk *t = c->t;
    if (c->bad_rows > 0 || c->fatal) {
        lcheck_finish(c);   /* the rows' conflicts among themselves too */
        lcheck_print(c);
        term_line(stderr, "%s: %ld bad row%s; nothing was %s", t->prog, c->bad_rows,
                  c->bad_rows == 1 ? "" : "s", what);
        return c->fatal && c->bad_rows == 0 ? 2 : 1;
    }
    int lock = lock_ledger(t);
    if (lock < 0)
        return 2;
    const char *name = c->kind == LC_OBS ? "observations.csv" : "events.csv";
    const char *path = trk_path(t, name);
    remove_stale(t, name);
    /* Its mode says the ledger is not to be changed (even by root, whom
     * the rename would not stop). */
    struct stat ls;
    if (stat(path, &ls) == 0 && (ls.st_mode & 0222) == 0) {
        close(lock);
        return trk_fail(t, "the ledger %s is read-only (mode %04o); nothing was %s", path,
                        (unsigned)(ls.st_mode & 07777), what);
    }
    int lsrc = lcheck_add_src(c, path, false);
    lcheck_against(c, path, lsrc);
    lcheck_finish(c);
    int st = 0;
    if (c->ledger_bad > 0) {
        /* Appending after an unclosed quote would put the new rows inside
         * it: they would be lost to every reader, and a conflict with
         * them would go unseen. */
        lcheck_print(c);
        term_line(stderr, "%s: %s has %ld line%s that do%s not parse; nothing was %s", t->prog,
                  path, c->ledger_bad, c->ledger_bad == 1 ? "" : "s",
                  c->ledger_bad == 1 ? "es" : "", what);
        st = 1;
    } else if (c->bad_rows > 0) {
        lcheck_print(c);
        term_line(stderr, "%s: %ld bad row%s; nothing was %s", t->prog, c->bad_rows,
                  c->bad_rows == 1 ? "" : "s", what);
        st = 1;
    } else {
        int written = 0;
        st = append_rows(c, path, &written);
        if (st == 0) {
            int dups = 0;
            for (int i = 0; i < c->rows.n; i++)
                dups += c->rows.v[i].dup;
            const char *noun = c->kind == LC_OBS ? "observation" : "event";
            term_printf(stdout, "%s %d %s%s into %s",
                        strcmp(what, "imported") == 0 ? "imported" : "recorded", written, noun,
                        written == 1 ? "" : "s", path);
            if (dups)
                term_printf(stdout, " (%d already there)", dups);
            term_printf(stdout, "\n");
        }
    }
    close(lock);    /* releases the lock */
    return st;
}
