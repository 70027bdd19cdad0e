/* graph_net.c - the partner network as Graphviz DOT, and SVG through
 * Graphviz's `dot` program when it is installed.
 *
 * Nodes: partners (left), activities (middle), goals (right), and, when a
 * partner commits anything, one node for the partnership's pooled
 * resources.  Edges: a partner leads an activity (bold), takes part in one
 * (dashed), an activity supports a goal, a partner reports an indicator
 * that measures a goal (dotted, labelled with the indicator; it does not
 * constrain the ranks).  Node names are "partner:ID" etc.; every label is
 * a quoted DOT string with `"` and `\` escaped, so no user text can change
 * the graph.
 *
 * Resources flow along edges of their own, labelled with what flows:
 * a partner's `commits` to the partnership's pool (the model ties a
 * commitment to the partnership, not to an activity), an activity's
 * `budget` from the partner who provides it (`from`, else the activity's
 * lead).  Money (a unit whose id is a currency code: three capital letters,
 * as USD, EUR and GBP) is a green line; anything else (hours, tonnes, a
 * contribution in kind) a vermillion double line; a commitment that
 * depends on a condition is dashed and says its condition.  A legend
 * shows the three.  Line style tells money from kind without colour.
 *
 * `dot` runs as a child process with fork and execvp (never through a
 * shell): the DOT text goes to its standard input, the SVG comes back on
 * its standard output; poll() serves both pipes so neither side blocks.
 *
 * The picture's own words are in the language of --lang (lang.h), escaped
 * for DOT like the agreement's text. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "doc.h"
#include "graph.h"

/* A DOT string body: quotes and backslashes escaped, line breaks as
 * spaces, and a line break (\n) at a space after about `wrap` characters
 * (0: never). */
static void dot_str(Buf *b, const char *s, int wrap)
{
    int col = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)*p);
        } else if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
            if (wrap && col >= wrap) {
                buf_puts(b, "\\n");
                col = 0;
                continue;
            }
            buf_putc(b, ' ');
        } else {
            buf_putc(b, (char)*p);
        }
        if ((*p & 0xC0) != 0x80)
            col++;
    }
}

static void node(Buf *b, const char *kind, const Decl *d, const char *attrs, const char *extra)
{
    buf_printf(b, "  \"%s:", kind);
    dot_str(b, d->id, 0);
    buf_puts(b, "\" [");
    buf_puts(b, attrs);
    buf_puts(b, ", label=\"");
    dot_str(b, fmt_title(d), 26);
    if (extra) {
        buf_puts(b, "\\n");
        dot_str(b, extra, 0);
    }
    buf_puts(b, "\", tooltip=\"");
    dot_str(b, d->id, 0);
    buf_puts(b, "\"];\n");
}

static void edge(Buf *b, const char *k1, const Decl *a, const char *k2, const Decl *z,
                 const char *attrs)
{
    buf_printf(b, "  \"%s:", k1);
    dot_str(b, a->id, 0);
    buf_printf(b, "\" -> \"%s:", k2);
    dot_str(b, z->id, 0);
    buf_printf(b, "\" [%s];\n", attrs);
}

/* An edge's attributes in `attrs` (emptied first): label="TEXT" (escaped),
 * then `more`. */
static const char *labelled(Buf *attrs, const char *text, const char *more)
{
    attrs->len = 0;
    buf_puts(attrs, "label=\"");
    dot_str(attrs, text, 0);
    buf_printf(attrs, "\", %s", more);
    return buf_cstr(attrs);
}

/* Edges from the reporters of `ind` to `goal`, labelled with `shown` (the
 * indicator the goal names); a derived indicator's reporters are those of
 * its inputs (depth-limited: formulas may not be cyclic, but stay safe). */
static void report_edges(Buf *b, const Goal *goal, const Indicator *shown, const Indicator *ind,
                         int depth)
{
    if (depth > 8)
        return;
    for (int r = 0; r < ind->reporters.n; r++) {
        Buf attrs, text;
        buf_init(&attrs);
        buf_init(&text);
        /* TRANSLATORS: the label of an arrow from a partner to a goal: the
         * indicator it reports (%1$s), and the indicator of the goal it
         * goes into (%2$s) when that one is derived from the first. */
        if (ind != shown)
            buf_printf(&text, L_("reports %1$s for %2$s"), ind->d.id, shown->d.id);
        else
            buf_printf(&text, L_("reports %1$s"), ind->d.id);
        buf_puts(&attrs, "label=\"");
        dot_str(&attrs, buf_cstr(&text), 0);
        buf_free(&text);
        buf_puts(&attrs, "\", style=dotted, constraint=false");
        edge(b, "partner", &ind->reporters.v[r]->d, "goal", &goal->d, buf_cstr(&attrs));
        buf_free(&attrs);
    }
    for (int i = 0; i < ind->inputs.n; i++)
        report_edges(b, goal, shown, ind->inputs.v[i], depth + 1);
}

/* Money: a unit whose id has the shape of a currency code (ISO 4217:
 * three capital letters).  The language has no money type; the prelude
 * declares USD, EUR and GBP, and a user's own currency takes its code. */
static bool is_money(const Unit *u)
{
    const char *id = u ? u->d.id : "";
    for (int i = 0; i < 3; i++)
        if (id[i] < 'A' || id[i] > 'Z')
            return false;
    return id[3] == '\0';
}

/* The attributes of a flow edge: colour and line by kind, dashed when it
 * depends on a condition. */
static const char *flow_style(bool money, bool conditional)
{
    if (money)
        return conditional ? "color=\"#009E73\", fontcolor=\"#006d50\", penwidth=2, style=dashed"
                           : "color=\"#009E73\", fontcolor=\"#006d50\", penwidth=2";
    return conditional ? "color=\"#D55E00:invis:#D55E00\", fontcolor=\"#a34700\", style=dashed"
                       : "color=\"#D55E00:invis:#D55E00\", fontcolor=\"#a34700\"";
}

/* A flow edge from partner `from` to node KIND:ID (`to`), labelled with
 * `n` lines, each wrapped. */
static void flow(Buf *b, const Partner *from, const char *kind, const Decl *to,
                 const char *const *lines, int n, const char *style)
{
    Buf attrs;
    buf_init(&attrs);
    buf_puts(&attrs, "label=\"");
    for (int i = 0; i < n; i++) {
        if (i)
            buf_puts(&attrs, "\\n");
        dot_str(&attrs, lines[i], 30);
    }
    buf_printf(&attrs, "\", %s", style);
    edge(b, "partner", &from->d, kind, to, buf_cstr(&attrs));
    buf_free(&attrs);
}

/* Each commitment, partner to the pool: what it is ("40 tonnes of
 * surplus produce"), then on lines of their own its value and its
 * condition. */
static void commit_edges(const Model *m, Buf *b, Arena *a)
{
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        for (int k = 0; k < p->commits.n; k++) {
            const Commitment *c = &p->commits.v[k];
            const char *lines[3];
            int n = 0;
            lines[n] = fmt_quantity(a, c->q.value, c->q.unit);
            /* TRANSLATORS: the lines of a commitment's arrow in the network:
             * a quantity (%1$s) of what is committed (%2$s), its value, the
             * condition it depends on (the agreement's text). */
            if (c->what)
                lines[n] = arena_printf(a, L_("%1$s of %2$s"), lines[n], c->what);
            n++;
            if (c->has_worth)
                lines[n++] = arena_printf(a, L_("valued at %1$s"),
                                          fmt_quantity(a, c->worth.value, c->worth.unit));
            if (c->condition)
                lines[n++] = arena_printf(a, L_("condition: %1$s"), c->condition);
            flow(b, p, "agreement", &m->agreement->d, lines, n,
                 flow_style(is_money(c->q.unit), c->condition != NULL));
        }
    }
}

/* Each activity's budgets, one edge per provider and kind with a line per
 * budget ("1,500,000 USD"). */
static void budget_edges(const Model *m, Buf *b, Arena *a)
{
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *act = m->activities.v[i];
        for (int k = 0; k < act->budgets.n; k++) {
            const Partner *src = doc_budget_source(act, &act->budgets.v[k]);
            bool money = is_money(act->budgets.v[k].q.unit), seen = false;
            for (int j = 0; j < k; j++)
                seen |= doc_budget_source(act, &act->budgets.v[j]) == src &&
                        is_money(act->budgets.v[j].q.unit) == money;
            if (!src || seen)
                continue;
            const char **lines = arena_alloc(a, sizeof *lines * (size_t)act->budgets.n);
            int n = 0;
            for (int j = k; j < act->budgets.n; j++) {
                const Budget *bj = &act->budgets.v[j];
                if (doc_budget_source(act, bj) == src && is_money(bj->q.unit) == money)
                    lines[n++] = fmt_quantity(a, bj->q.value, bj->q.unit);
            }
            flow(b, src, "activity", &act->d, lines, n, flow_style(money, false));
        }
    }
}

/* A key to the flows' lines: an edge between two invisible points for each
 * kind drawn.  Its own cluster, so dot keeps it apart from the network. */
static void flow_legend(Buf *b, bool money, bool kind, bool conditional)
{
    /* TRANSLATORS: the key to the network's resource flows. */
    static const char *const names[] = {N_("money"), N_("in kind"), N_("depends on a condition")};
    const char *styles[] = {flow_style(true, false), flow_style(false, false),
                            "color=\"#5d6675\", style=dashed"};
    bool shown[] = {money, kind, conditional};

    buf_puts(b, "\n  /* the key to resource flows */\n  subgraph cluster_legend {\n    label=\"");
    dot_str(b, L_("Resources"), 0);
    buf_puts(b, "\"; fontsize=10; style=rounded; color=\"#b9c1cb\";\n"
                "    node [shape=point, width=0.01, height=0.01, style=invis];\n");
    for (int i = 0; i < 3; i++)
        if (shown[i]) {
            buf_printf(b, "    \"legend:%d\" -> \"legend:%d.\" [label=\"", i, i);
            dot_str(b, L_(names[i]), 0);
            buf_printf(b, "\", %s, arrowsize=0.7];\n", styles[i]);
        }
    buf_puts(b, "  }\n");
}

/* The flows of resources, and their key when there are any. */
static void flows(const Model *m, Buf *b)
{
    bool money = false, kind = false, cond = false, commits = false;
    for (int i = 0; i < m->partners.n; i++)
        for (int k = 0; k < m->partners.v[i]->commits.n; k++) {
            const Commitment *c = &m->partners.v[i]->commits.v[k];
            commits = true;
            if (is_money(c->q.unit))
                money = true;
            else
                kind = true;
            cond |= c->condition != NULL;
        }
    for (int i = 0; i < m->activities.n; i++)
        for (int k = 0; k < m->activities.v[i]->budgets.n; k++) {
            const Activity *act = m->activities.v[i];
            if (!doc_budget_source(act, &act->budgets.v[k]))
                continue;
            if (is_money(act->budgets.v[k].q.unit))
                money = true;
            else
                kind = true;
        }
    if (!money && !kind)
        return;
    Arena *a = arena_new();
    if (!a)
        return;
    if (commits) {
        buf_puts(b, "\n  /* the partnership's pooled resources */\n  \"agreement:");
        dot_str(b, m->agreement->d.id, 0);
        buf_puts(b, "\" [shape=cylinder, style=filled, fillcolor=\"#fdf3d8\", color=\"#8a6d1a\", "
                    "label=\"");
        /* TRANSLATORS: the node of the resources partners commit to the
         * partnership as a whole, on two lines. */
        const char *pool = L_("Resources committed\nto the partnership");
        for (const char *p = pool; *p; p += *p == '\n') {
            size_t len = strcspn(p, "\n");
            char line[256];
            snprintf(line, sizeof line, "%.*s", (int)len, p);
            dot_str(b, line, 0);
            buf_puts(b, p[len] ? "\\n" : "");
            p += len;
        }
        buf_puts(b, "\"];\n\n  /* commits: partner -> the pool */\n");
        commit_edges(m, b, a);
    }
    buf_puts(b, "\n  /* budget: provider -> activity */\n");
    budget_edges(m, b, a);
    flow_legend(b, money, kind, cond);
    arena_free(a);
}

void graph_network_dot(const Model *m, Buf *b)
{
    Buf attrs;
    buf_init(&attrs);
    buf_puts(b, "digraph \"");
    dot_str(b, m->agreement->d.id, 0);
    buf_puts(b, "\" {\n  graph [rankdir=LR, nodesep=0.25, ranksep=1.2, fontname=\"Helvetica\", "
                "fontsize=14, labelloc=t, label=\"");
    Buf title;
    buf_init(&title);
    /* TRANSLATORS: the title of the partner network; %1$s is the agreement's title. */
    buf_printf(&title, L_("%1$s \xe2\x80\x94 partner network"), fmt_title(&m->agreement->d));
    dot_str(b, buf_cstr(&title), 0);
    buf_free(&title);
    buf_puts(b, "\"];\n"
                "  node [fontname=\"Helvetica\", fontsize=10, margin=\"0.12,0.06\"];\n"
                "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#5d6675\", "
                "fontcolor=\"#5d6675\", arrowsize=0.7];\n\n  /* partners */\n");
    for (int i = 0; i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        Buf x;
        buf_init(&x);
        if (p->sector)
            buf_puts(&x, fmt_title(&p->sector->d));
        if (p->sector && p->level)
            buf_puts(&x, ", ");
        if (p->level)
            buf_puts(&x, fmt_title(&p->level->d));
        /* TRANSLATORS: under a partner's name in the network: it holds one
         * of the backbone functions. */
        if (p->backbone.n)
            buf_printf(&x, "%s%s", x.len ? "; " : "", L_("backbone"));
        node(b, "partner", &p->d,
             p == m->agreement->lead
                 ? "shape=box, style=\"rounded,filled,bold\", fillcolor=\"#dbe7f3\", "
                   "color=\"#1d4e7a\""
                 : "shape=box, style=\"rounded,filled\", fillcolor=\"#dbe7f3\", "
                   "color=\"#1d4e7a\"",
             x.len ? buf_cstr(&x) : NULL);
        buf_free(&x);
    }
    buf_puts(b, "\n  /* activities */\n");
    for (int i = 0; i < m->activities.n; i++)
        node(b, "activity", &m->activities.v[i]->d,
             "shape=box, style=filled, fillcolor=\"#f6eddc\", color=\"#c0612b\"", NULL);
    buf_puts(b, "\n  /* goals */\n");
    for (int i = 0; i < m->goals.n; i++)
        node(b, "goal", &m->goals.v[i]->d,
             "shape=ellipse, style=filled, fillcolor=\"#e1f0e4\", color=\"#2f7d4f\"", NULL);

    buf_puts(b, "\n  /* lead, partner, supports */\n");
    for (int i = 0; i < m->activities.n; i++) {
        const Activity *a = m->activities.v[i];
        /* TRANSLATORS: the labels of the network's arrows: a partner leads
         * an activity, takes part in it as a partner, an activity supports
         * a goal. */
        if (a->lead)
            edge(b, "partner", &a->lead->d, "activity", &a->d,
                 labelled(&attrs, L_("leads"), "penwidth=2, color=\"#1d4e7a\""));
        for (int k = 0; k < a->partners.n; k++)
            edge(b, "partner", &a->partners.v[k]->d, "activity", &a->d,
                 labelled(&attrs, L_("partner"), "style=dashed"));
        for (int k = 0; k < a->supports.n; k++)
            edge(b, "activity", &a->d, "goal", &a->supports.v[k]->d,
                 labelled(&attrs, L_("supports"), "color=\"#2f7d4f\""));
    }
    buf_puts(b, "\n  /* reports: partner -> goal its indicator measures */\n");
    for (int g = 0; g < m->goals.n; g++) {
        const Goal *goal = m->goals.v[g];
        for (int k = 0; k < goal->measured_by.n; k++)
            report_edges(b, goal, goal->measured_by.v[k], goal->measured_by.v[k], 0);
    }
    buf_puts(b, "\n  /* reports: partner -> partner (communication) */\n");
    for (int i = 0; i < m->comms.n; i++) {
        const Comm *c = m->comms.v[i];
        if (c->kind != COMM_REPORT || c->to_all)
            continue;
        for (int f = 0; f < c->by.n; f++)
            for (int t = 0; t < c->to.n; t++) {
                if (c->by.v[f] == c->to.v[t])
                    continue;
                Buf text;
                buf_init(&text);
                /* TRANSLATORS: the label of an arrow from a partner to the
                 * partner it reports to (%1$s: the report's id). */
                buf_printf(&text, L_("reports %1$s"), c->id);
                edge(b, "partner", &c->by.v[f]->d, "partner", &c->to.v[t]->d,
                     labelled(&attrs, buf_cstr(&text),
                              "style=dotted, color=\"#1d4e7a\", constraint=false"));
                buf_free(&text);
            }
    }
    flows(m, b);
    buf_puts(b, "}\n");
    buf_free(&attrs);
}

/* ---- running dot ------------------------------------------------------------- */

static char *find_dot(void)
{
    const char *path = getenv("PATH");
    if (!path || !*path)
        path = "/usr/local/bin:/usr/bin:/bin";
    while (*path) {
        size_t n = strcspn(path, ":");
        char *full = malloc(n + 8);
        if (!full)
            return NULL;
        if (n == 0)
            strcpy(full, "./dot");
        else
            snprintf(full, n + 8, "%.*s/dot", (int)n, path);
        struct stat st;
        if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && access(full, X_OK) == 0)
            return full;
        free(full);
        path += n;
        if (*path == ':')
            path++;
    }
    return NULL;
}

bool graph_have_dot(void)
{
    char *p = find_dot();
    free(p);
    return p != NULL;
}

GraphRun graph_dot_to_svg(const Buf *dot, Buf *svg, Buf *err)
{
    char *exe = find_dot();
    if (!exe)
        return GRAPH_NO_DOT;
    int in[2], out[2], er[2];
    free(exe);
    exe = NULL;
    if (pipe(in) != 0)
        goto fail_errno;
    if (pipe(out) != 0) {
        close(in[0]);
        close(in[1]);
        goto fail_errno;
    }
    if (pipe(er) != 0) {
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        goto fail_errno;
    }
    pid_t pid = fork();
    if (pid < 0) {
        for (int i = 0; i < 2; i++) {
            close(in[i]);
            close(out[i]);
            close(er[i]);
        }
        goto fail_errno;
    }
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(er[1], 2);
        for (int i = 0; i < 2; i++) {
            close(in[i]);
            close(out[i]);
            close(er[i]);
        }
        char *argv[] = {"dot", "-Tsvg", NULL};
        execvp("dot", argv);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(er[1]);
    /* A dot that exits early must not kill us with SIGPIPE. */
    struct sigaction ign = {0}, old;
    ign.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ign, &old);
    fcntl(in[1], F_SETFL, O_NONBLOCK);
    size_t off = 0;
    int wfd = in[1];
    if (dot->len == 0) {
        close(wfd);
        wfd = -1;
    }
    bool open_out = true, open_err = true;
    char chunk[8192];
    while (open_out || open_err || wfd >= 0) {
        struct pollfd fds[3];
        int n = 0, iw = -1, io = -1, ie = -1;
        if (wfd >= 0) {
            fds[n] = (struct pollfd){wfd, POLLOUT, 0};
            iw = n++;
        }
        if (open_out) {
            fds[n] = (struct pollfd){out[0], POLLIN, 0};
            io = n++;
        }
        if (open_err) {
            fds[n] = (struct pollfd){er[0], POLLIN, 0};
            ie = n++;
        }
        if (poll(fds, (nfds_t)n, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (iw >= 0 && fds[iw].revents) {
            ssize_t w = write(wfd, dot->data + off, dot->len - off);
            if (w > 0)
                off += (size_t)w;
            if ((w < 0 && errno != EAGAIN && errno != EINTR) || off == dot->len) {
                close(wfd);
                wfd = -1;
            }
        }
        if (io >= 0 && fds[io].revents) {
            ssize_t r = read(out[0], chunk, sizeof chunk);
            if (r > 0)
                buf_put(svg, chunk, (size_t)r);
            else if (r == 0 || (errno != EINTR && errno != EAGAIN))
                open_out = false;
        }
        if (ie >= 0 && fds[ie].revents) {
            ssize_t r = read(er[0], chunk, sizeof chunk);
            if (r > 0)
                buf_put(err, chunk, (size_t)r);
            else if (r == 0 || (errno != EINTR && errno != EAGAIN))
                open_err = false;
        }
    }
    if (wfd >= 0)
        close(wfd);
    close(out[0]);
    close(er[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    sigaction(SIGPIPE, &old, NULL);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && svg->len == 0)
        return GRAPH_NO_DOT;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        if (err->len == 0)
            buf_puts(err, "dot failed");
        return GRAPH_FAILED;
    }
    return GRAPH_OK;

fail_errno:
    buf_printf(err, "cannot run dot: %s", strerror(errno));
    return GRAPH_FAILED;
}
