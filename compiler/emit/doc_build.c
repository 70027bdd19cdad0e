/* doc_build.c - `charterc build`: the documents, the sheets, the pictures
 * and the tracker in one folder, with an index page.  See doc_build.h. */
#include "doc_build.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "bundle.h"
#include "checks.h"
#include "doc.h"
#include "doc_bi.h"
#include "graph.h"

static int mkdirs(const char *path)
{
    char tmp[4096];
    if (strlen(path) >= sizeof tmp)
        return ENAMETOOLONG;
    strcpy(tmp, path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
            return errno;
        *p = '/';
    }
    if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
        return errno;
    struct stat st;
    if (stat(tmp, &st) != 0)
        return errno;
    return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
}

/* Lists a file written into the folder (by build_write or the tracker). */
static void build_add(Build *b, const char *name, const char *group, const char *title,
                      const char *what)
{
    BuildFile f = {name, group, title, what, NULL};
    VEC_PUSH(b->c->arena, b->files, f);
}

/* Refuses to write `path` when it is a source of the agreement (a `use`d
 * file in the folder with the name of an output): 2 after a message. */
static int build_refuse_source(const Build *b, const char *path)
{
    const SrcFile *f = compile_source_at(b->c, path);
    if (!f)
        return 0;
    fprintf(stderr, "charterc: error: %s would overwrite %s, a source file of the agreement; "
                    "stopped there (choose another folder with -o)\n", path, f->display);
    return 2;
}

int build_write(Build *b, const char *name, const Buf *content, const char *group,
                const char *title, const char *what)
{
    char *path = arena_printf(b->c->arena, "%s/%s", b->dir, name);
    if (build_refuse_source(b, path))
        return 2;
    bool changed = false;
    int e = buf_write_file(content, path, &changed);
    if (e) {
        fprintf(stderr, "charterc: error: cannot write %s: %s\n", path, strerror(e));
        return 2;
    }
    if (changed)
        b->written++;
    else
        b->unchanged++;
    build_add(b, name, group, title, what);
    return 0;
}

/* DIR/ID-tracker, the executable tracker (bundle.h), written after the
 * documents and pictures and listed in the index. */
static int build_tracker(Build *b)
{
    const Agreement *ag = b->c->model->agreement;
    const char *name = arena_printf(b->c->arena, "%s-tracker", ag ? ag->d.id : "agreement");
    const char *path = arena_printf(b->c->arena, "%s/%s", b->dir, name);
    bool changed;
    char hex[65], rt[PATH_MAX + 64], err[PATH_MAX + 256];
    if (build_refuse_source(b, path))
        return 2;
    if (bundle_find_runtime(rt, sizeof rt, err, sizeof err) != 0 ||
        bundle_write_tracker(b->c, rt, path, &changed, hex, err, sizeof err) != 0) {
        fprintf(stderr, "charterc: error: %s\n", err);
        return 2;
    }
    if (changed)
        b->written++;
    else
        b->unchanged++;
    build_add(b, name, "tracker", L_("Tracker"),
              L_("the executable progress tracker: run it with --help"));
    return 0;
}

static int write_doc(Build *b, const Doc *d, const char *stem, const char *group,
                     const char *what_html, const char *what_md, const char *partner)
{
    Buf out;
    buf_init(&out);
    doc_render_html(d, &out);
    int st = build_write(b, arena_printf(b->c->arena, "%s.html", stem), &out, group, "HTML",
                         what_html);
    if (st == 0) {
        out.len = 0;
        doc_render_md(d, &out);
        st = build_write(b, arena_printf(b->c->arena, "%s.md", stem), &out, group, L_("Markdown"),
                         what_md);
    }
    if (partner) {
        b->files.v[b->files.n - 1].partner = partner;
        b->files.v[b->files.n - 2].partner = partner;
    }
    buf_free(&out);
    return st;
}

/* The index page, built with the document machinery so that it looks like
 * the documents. */
static void index_page(Build *b, const Model *m, Buf *out)
{
    Arena *a = b->c->arena;
    const Agreement *ag = m->agreement;
    Doc *d = doc_new(a, DOC_INDEX, fmt_title(&ag->d));
    doc_agreement_title(d, ag, false);

    static const char *const groups[] = {"agreement", "sheet", "picture", "tracker"};
    static const char *const heads[] = {"The formal agreement", "Commitment sheets",
                                        "Pictures", "Tracker"};
    for (int g = 0; g < 4; g++) {
        bool any = false;
        for (int i = 0; i < b->files.n; i++)
            any |= strcmp(b->files.v[i].group, groups[g]) == 0;
        if (!any)
            continue;
        doc_heading(d, 2, groups[g], dt_text(d, heads[g]));
        if (g == 1) {
            DocBlock *tb = doc_table(d, "lll", L_("Partner"), L_("Sheet"), L_("Also as"));
            for (int p = 0; p < m->partners.n; p++) {
                const Partner *pa = m->partners.v[p];
                DocText **r = doc_row(d, tb);
                dt_add(d, r[0], DS_PLAIN, fmt_title(&pa->d));
                for (int i = 0; i < b->files.n; i++) {
                    const BuildFile *f = &b->files.v[i];
                    if (!f->partner || strcmp(f->partner, pa->d.id) != 0)
                        continue;
                    DocText *cell = strstr(f->name, ".html") ? r[1] : r[2];
                    if (!dt_empty(cell))
                        dt_gen(d, cell, DS_PLAIN, ", ");
                    dt_link(d, cell, f->name, f->name);
                }
            }
            continue;
        }
        DocBlock *l = doc_list(d, false);
        for (int i = 0; i < b->files.n; i++) {
            const BuildFile *f = &b->files.v[i];
            if (strcmp(f->group, groups[g]) != 0)
                continue;
            DocText *it = dt_link(d, NULL, f->name, f->name);
            dt_genf(d, it, DS_PLAIN, ": %s", f->what);
            doc_item(d, l, it);
        }
    }
    doc_heading(d, 2, "findings", dt_text(d, L_("Findings of the checks")));
    if (b->findings == 0 && b->allowed == 0)
        doc_para(d, dt_text(d, L_("The checks found no gap and no conflict.")));
    else
        doc_para(d, dt_genf(d, NULL, DS_PLAIN,
                            L_("%1$s and %2$s; Annex A of the agreement lists them."),
                            arena_printf(b->c->arena, LN_("%d finding remains", "%d findings remain",
                                                          (unsigned long)b->findings),
                                         b->findings),
                            arena_printf(b->c->arena, LN_("%d is allowed", "%d are allowed",
                                                          (unsigned long)b->allowed),
                                         b->allowed)));
    doc_render_html(d, out);
}

/* agreement.docx: the agreement as a Word file, without the figure (SVG
 * is for the HTML page). */
static int write_docx(Build *b, const Model *m, long long epoch)
{
    Buf out;
    buf_init(&out);
    char err[256];
    int st = 0;
    if (doc_render_docx(doc_agreement(b->c->arena, m, &b->c->diag, false), epoch, &out, err,
                        sizeof err))
        st = build_write(b, "agreement.docx", &out, "agreement", L_("Word"),
                         L_("the formal agreement as a Word file, for counsel to review and edit"));
    else {
        fprintf(stderr, "charterc: error: %s\n", err);
        st = 2;
    }
    buf_free(&out);
    return st;
}

/* One document in two languages: STEM.html side by side, and STEM.LANG.md
 * for each language (Markdown has no columns).  d[0] and d[1] are the
 * document in the first and the second language. */
static int write_two(Build *b, Doc *const d[2], const char *stem, const char *group,
                     const char *what_html, const char *what_md, const char *partner)
{
    Arena *a = b->c->arena;
    DocBi bi;
    char err[256];
    if (!doc_bi_pair(a, d[0], d[1], &bi, err, sizeof err)) {
        fprintf(stderr, "charterc: error: %s\n", err);
        return 2;
    }
    Buf out;
    buf_init(&out);
    doc_bi_render_html(&bi, &out);
    int first = b->files.n;
    int st = build_write(b, arena_printf(a, "%s.html", stem), &out, group, "HTML", what_html);
    for (int s = 0; st == 0 && s < 2; s++) {
        out.len = 0;
        doc_render_md(d[s], &out);
        st = build_write(b, arena_printf(a, "%s.%s.md", stem, d[s]->lang), &out, group,
                         L_("Markdown"), arena_printf(a, "%s (%s)", what_md, d[s]->lang));
    }
    for (int i = first; partner && i < b->files.n; i++)
        b->files.v[i].partner = partner;
    buf_free(&out);
    return st;
}

/* docs_one's files with the documents in two languages: the first
 * language's compilation is b->c, the second's `c2` (each with its
 * checks run), each document built in its language. */
static int docs_two(Build *b, Compilation *c2, const char *lang2, long long epoch)
{
    Compilation *c[2] = {b->c, c2};
    const char *code[2] = {lang_current()->code, lang2};
    Doc *d[2], *w[2];
    char err[256];
    for (int s = 0; s < 2; s++) {
        (void)lang_use(code[s], err, sizeof err);
        d[s] = doc_agreement(c[s]->arena, c[s]->model, &c[s]->diag, true);
        w[s] = doc_agreement(c[s]->arena, c[s]->model, &c[s]->diag, false);
    }
    /* The index and its labels in the first language. */
    (void)lang_use(code[0], err, sizeof err);
    int st = write_two(b, d, "agreement", "agreement", L_("the formal agreement, to print and sign"),
                       L_("the formal agreement in Markdown, for review in a repository"), NULL);
    DocBi bi;
    Buf out;
    buf_init(&out);
    if (st == 0 && (!doc_bi_pair(c[0]->arena, w[0], w[1], &bi, err, sizeof err) ||
                    !doc_bi_render_docx(&bi, epoch, &out, err, sizeof err))) {
        fprintf(stderr, "charterc: error: %s\n", err);
        st = 2;
    } else if (st == 0) {
        st = build_write(b, "agreement.docx", &out, "agreement", L_("Word"),
                         L_("the formal agreement as a Word file, for counsel to review and edit"));
    }
    buf_free(&out);
    for (int i = 0; st == 0 && i < c[0]->model->partners.n; i++) {
        for (int s = 0; s < 2; s++) {
            (void)lang_use(code[s], err, sizeof err);
            d[s] = doc_sheet(c[s]->arena, c[s]->model, c[s]->model->partners.v[i]);
        }
        (void)lang_use(code[0], err, sizeof err);
        const char *id = c[0]->model->partners.v[i]->d.id;
        st = write_two(b, d, arena_printf(c[0]->arena, "partner-%s", id), "sheet",
                       L_("commitment sheet"), L_("commitment sheet in Markdown"), id);
    }
    return st;
}

/* The agreement (HTML, Markdown, Word) and the partners' sheets. */
static int docs_one(Build *b, long long epoch)
{
    Compilation *c = b->c;
    const Model *m = c->model;
    int st = write_doc(b, doc_agreement(c->arena, m, &c->diag, true), "agreement", "agreement",
                       L_("the formal agreement, to print and sign"),
                       L_("the formal agreement in Markdown, for review in a repository"), NULL);
    if (st == 0)
        st = write_docx(b, m, epoch);
    for (int i = 0; st == 0 && i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        st = write_doc(b, doc_sheet(c->arena, m, p),
                       arena_printf(c->arena, "partner-%s", p->d.id), "sheet",
                       L_("commitment sheet"), L_("commitment sheet in Markdown"), p->d.id);
    }
    return st;
}

int build_all(Compilation *c, Compilation *second, const char *second_lang, const char *dir,
              long long epoch)
{
    Model *m = c->model;
    Build b = {0};
    b.c = c;
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    b.dir = arena_strndup(c->arena, dir, n);
    int e = mkdirs(b.dir);
    if (e) {
        fprintf(stderr, "charterc: error: cannot create the folder %s: %s\n", b.dir,
                strerror(e));
        return 2;
    }
    CheckOptions co;
    checks_default_options(&co);
    checks_run(c, m, &co);
    diag_sort(&c->diag);
    for (int i = 0; i < c->diag.items.n; i++) {
        if (c->diag.items.v[i]->allowed)
            b.allowed++;
        else
            b.findings++;
    }

    int st;
    if (second) {
        const char *first = lang_current()->code;
        checks_run(second, second->model, &co);
        diag_sort(&second->diag);
        st = docs_two(&b, second, second_lang, epoch);
        /* The pictures and the index in the first language. */
        char err[256];
        (void)lang_use(first, err, sizeof err);
    } else {
        st = docs_one(&b, epoch);
    }
    Buf out;
    buf_init(&out);
    if (st == 0) {
        graph_schedule_svg(m, &out, true);
        st = build_write(&b, "schedule.svg", &out, "picture", L_("Schedule"),
                         L_("the schedule as a Gantt chart (SVG)"));
    }
    Buf dot;
    buf_init(&dot);
    graph_network_dot(m, &dot);
    if (st == 0)
        st = build_write(&b, "network.dot", &dot, "picture", L_("Network"),
                         L_("the partner network in Graphviz DOT"));
    if (st == 0) {
        Buf err;
        buf_init(&err);
        out.len = 0;
        GraphRun r = graph_dot_to_svg(&dot, &out, &err);
        if (r == GRAPH_OK)
            st = build_write(&b, "network.svg", &out, "picture", L_("Network"),
                             L_("the partner network, drawn by Graphviz (SVG)"));
        else if (r == GRAPH_NO_DOT)
            fprintf(stderr, "charterc: note: Graphviz is not installed (no 'dot' program), so "
                            "network.svg was not drawn; network.dot is there\n");
        else
            fprintf(stderr, "charterc: warning: Graphviz failed, network.svg was not drawn: "
                            "%s\n", buf_cstr(&err));
        buf_free(&err);
    }
    buf_free(&dot);
    if (st == 0)
        st = build_tracker(&b);
    if (st == 0) {
        out.len = 0;
        index_page(&b, m, &out);
        st = build_write(&b, "index.html", &out, "index", L_("Index"), L_("this page"));
    }
    buf_free(&out);
    if (st == 0)
        fprintf(stderr, "charterc: %s/index.html: %d file%s written, %d unchanged\n", b.dir,
                b.written, b.written == 1 ? "" : "s", b.unchanged);
    return st;
}
