/* graph_gantt.c - the schedule of an agreement as a Gantt chart in SVG.
 *
 * Layout: a column of labels on the left (title over id for every
 * activity and milestone, so each id is in the picture), a time axis over
 * the term on the right with year and quarter lines, one row per activity
 * (a bar over its period, filled with its lead partner's style and
 * labelled with the lead's name) and one per milestone (a diamond on its
 * due date, in its owner's style), elbow arrows from each milestone to
 * those that come after it, dashed lines at the term's start and end, and
 * a legend of the partners' styles.  Dates outside the term widen the
 * axis so that nothing is hidden.
 *
 * Styles: every partner that leads an activity or owns a milestone gets
 * one, in the order the partners are declared, so the same agreement
 * always gives the same picture.  The colours are Okabe and Ito's eight,
 * chosen to stay apart for readers with any common colour-vision
 * deficiency; once they are used up, the same colours come back under a
 * white pattern (stripes one way, then the other, dots, cross-hatching),
 * which tells the partners apart without colour at all.  Forty partners
 * get distinct styles; after that the styles repeat.
 *
 * The picture's own words and dates are in the language of --lang
 * (lang.h); a label that holds the agreement's text is one sentence whose
 * placeholders get that text escaped. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "graph.h"

#define W 820
#define LABEL_W 280
#define X0 (LABEL_W + 14)
#define X1 (W - 24)
#define ROW_H 32
#define SEC_H 24
#define BAR_H 16

/* Okabe-Ito, with the ink of each: black or white, whichever contrasts
 * more (WCAG: at least 5:1 for every colour, so text on a bar stays
 * readable).  The three light ones (orange, sky blue, yellow) stand out
 * from the white background by the dark outline every shape has. */
static const struct {
    const char *fill, *ink;
} palette[] = {
    {"#0072B2", "#ffffff"}, /* blue */
    {"#E69F00", "#000000"}, /* orange */
    {"#009E73", "#000000"}, /* bluish green */
    {"#D55E00", "#000000"}, /* vermillion */
    {"#56B4E9", "#000000"}, /* sky blue */
    {"#CC79A7", "#000000"}, /* reddish purple */
    {"#F0E442", "#000000"}, /* yellow */
    {"#000000", "#ffffff"}, /* black */
};
enum { NPALETTE = sizeof palette / sizeof palette[0], NPATTERNS = 5 };
#define NO_LEAD_FILL "#d5d9df" /* a bar without a lead: grey, no pattern */

typedef struct Axis {
    int32_t lo, hi;         /* inclusive day range shown */
} Axis;

static double xpos(const Axis *ax, int32_t day)
{
    return X0 + (double)(day - ax->lo) * (X1 - X0) / (double)(ax->hi - ax->lo + 1);
}

static void widen(Axis *ax, int32_t day, bool *any)
{
    if (day == DATE_NONE)
        return;
    if (!*any || day < ax->lo)
        ax->lo = day;
    if (!*any || day > ax->hi)
        ax->hi = day;
    *any = true;
}

/* At most `max` characters (code points) of s, with an ellipsis when cut. */
static void text_cut(Buf *b, const char *s, int max)
{
    int n = 0;
    const char *p = s;
    while (*p && n < max) {
        p++;
        while ((*p & 0xC0) == 0x80)
            p++;
        n++;
    }
    char tmp[512];
    size_t len = (size_t)(p - s) < sizeof tmp - 4 ? (size_t)(p - s) : sizeof tmp - 4;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    for (char *q = tmp; *q; q++)
        if (*q == '\n' || *q == '\t')
            *q = ' ';
    buf_xml(b, tmp);
    if (*p)
        buf_puts(b, "\xe2\x80\xa6");
}

/* "1 Mar 2025": a date short enough for a label. */
static const char *short_date(int32_t day, char out[48])
{
    /* TRANSLATORS: the months, abbreviated, in the dates of the schedule's
     * labels ("1 Mar 2025"). */
    static const char *const mon[] = {N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"),
                                      N_("May"), N_("Jun"), N_("Jul"), N_("Aug"),
                                      N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec")};
    int y, m, d;
    date_to_civil(day, &y, &m, &d);
    snprintf(out, 48, "%d %s %d", d, L_(mon[m - 1]), y);
    return out;
}

/* Escaped user text, in a buffer the caller frees. */
static const char *xml_of(Buf *e, const char *s)
{
    buf_init(e);
    buf_xml(e, s);
    return buf_cstr(e);
}

static void label(Buf *b, const Decl *d, double y)
{
    buf_printf(b, "<text x=\"12\" y=\"%.1f\" class=\"t\">", y + 14);
    text_cut(b, fmt_title(d), 40);
    buf_printf(b, "</text><text x=\"12\" y=\"%.1f\" class=\"id\">", y + 27);
    buf_xml(b, d->id);
    buf_puts(b, "</text>\n");
}

/* Year lines and labels; quarter lines when the range is short enough. */
static void grid(Buf *b, const Axis *ax, double top, double bottom)
{
    int y0, m0, d0, y1, m1, d1;
    date_to_civil(ax->lo, &y0, &m0, &d0);
    date_to_civil(ax->hi, &y1, &m1, &d1);
    int years = y1 - y0 + 1;
    int step = years > 12 ? 12 : years > 5 ? 6 : years > 1 ? 3 : 1; /* months */
    for (int y = y0; y <= y1; y++)
        for (int m = 1; m <= 12; m += step) {
            int32_t day = date_from_civil(y, m, 1);
            if (day <= ax->lo || day > ax->hi)
                continue;
            double x = xpos(ax, day);
            buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>\n",
                       x, top - 6, x, bottom, m == 1 ? "gy" : "gq");
        }
    for (int y = y0; y <= y1; y++) {
        int32_t a = date_from_civil(y, 1, 1), z = date_from_civil(y + 1, 1, 1) - 1;
        if (a < ax->lo)
            a = ax->lo;
        if (z > ax->hi)
            z = ax->hi;
        double xa = xpos(ax, a), xz = xpos(ax, z + 1);
        if (xz - xa < 34)
            continue;
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"yr\">%d</text>\n", (xa + xz) / 2,
                   top - 12, y);
    }
}

static void section(Buf *b, const char *name, double y)
{
    buf_printf(b, "<rect x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%d\" class=\"sec\"/>"
                  "<text x=\"8\" y=\"%.1f\" class=\"sh\">%s</text>\n",
               y + 2, W, SEC_H - 4, y + 16, name);
}

/* The axis: the term and every date of the schedule, so that nothing is
 * drawn off the chart. */
static Axis axis_of(const Model *m)
{
    const Agreement *ag = m->agreement;
    Axis ax = {0, 0};
    bool any = false;
    widen(&ax, ag->term_start, &any);
    widen(&ax, ag->term_end, &any);
    for (int i = 0; i < m->activities.n; i++) {
        widen(&ax, m->activities.v[i]->start, &any);
        widen(&ax, m->activities.v[i]->end, &any);
    }
    for (int i = 0; i < m->milestones.n; i++)
        widen(&ax, m->milestones.v[i]->due, &any);
    if (!any) {
        ax.lo = date_from_civil(2000, 1, 1);
        ax.hi = ax.lo + 364;
    }
    if (ax.hi - ax.lo < 60) {       /* a short range still gets room */
        ax.lo -= 30;
        ax.hi += 30;
    }
    return ax;
}

/* The chart's layout, computed before anything is drawn: the height goes
 * into the <svg> element, the first thing written. */
typedef struct Gantt {
    const Model *m;
    Buf *b;
    Axis ax;
    /* The partners that lead an activity or own a milestone, in the order
     * of declaration: a partner's place here is its style. */
    const Partner **legend;
    int nlegend;
    bool unled;       /* a dated activity has no lead, or a milestone no owner */
    double top;       /* the activities' section */
    double y_ms;      /* the milestones' section */
    double bottom;    /* under the last row */
    bool term_narrow; /* the term's end is labelled on a line of its own */
    double legend_y;  /* the legend's first line */
    double height;    /* of the whole picture */
} Gantt;

/* The style of partner p: its place in the legend, -1 for none. */
static int style_of(const Gantt *g, const Partner *p)
{
    for (int i = 0; p && i < g->nlegend; i++)
        if (g->legend[i] == p)
            return i;
    return -1;
}

/* The fill of style k (-1: no lead): a colour, or a pattern over it. */
static void put_fill(Buf *b, int k)
{
    if (k < 0)
        buf_puts(b, NO_LEAD_FILL);
    else if (k % (NPALETTE * NPATTERNS) < NPALETTE)
        buf_puts(b, palette[k % NPALETTE].fill);
    else
        buf_printf(b, "url(#gantt-fill-%d)", k % (NPALETTE * NPATTERNS));
}

/* The patterns of the styles after the first eight: white marks, three
 * fifths opaque, over the colour, on a 6-pixel tile. */
static void put_patterns(const Gantt *g)
{
    static const char *const marks[NPATTERNS] = {
        NULL,
        "<rect width=\"2.4\" height=\"6\"/>",                    /* stripes, rising */
        "<rect width=\"2.4\" height=\"6\"/>",                    /* stripes, falling */
        "<circle cx=\"3\" cy=\"3\" r=\"1.4\"/>",                /* dots */
        "<rect width=\"1.4\" height=\"6\"/><rect width=\"6\" height=\"1.4\"/>",
    };
    static const char *const turn[NPATTERNS] = {NULL, " patternTransform=\"rotate(45)\"",
                                                " patternTransform=\"rotate(-45)\"", "",
                                                " patternTransform=\"rotate(45)\""};
    int n = g->nlegend < NPALETTE * NPATTERNS ? g->nlegend : NPALETTE * NPATTERNS;
    for (int k = NPALETTE; k < n; k++) {
        int pat = k / NPALETTE;
        buf_printf(g->b, "<pattern id=\"gantt-fill-%d\" width=\"6\" height=\"6\" "
                         "patternUnits=\"userSpaceOnUse\"%s><rect width=\"6\" height=\"6\" "
                         "fill=\"%s\"/><g fill=\"#ffffff\" fill-opacity=\"0.6\">%s</g></pattern>\n",
                   k, turn[pat], palette[k % NPALETTE].fill, marks[pat]);
    }
}

static void gantt_layout(Gantt *g, bool standalone)
{
    const Model *m = g->m;
    const Agreement *ag = m->agreement;

    g->ax = axis_of(m);
    g->legend = malloc(sizeof *g->legend * (size_t)(m->partners.n ? m->partners.n : 1));
    for (int i = 0; g->legend && i < m->partners.n; i++) {
        const Partner *p = m->partners.v[i];
        bool used = false;
        for (int k = 0; k < m->activities.n; k++)
            used |= m->activities.v[k]->lead == p;
        for (int k = 0; k < m->milestones.n; k++)
            used |= m->milestones.v[k]->owner == p;
        if (used)
            g->legend[g->nlegend++] = p;
    }
    for (int k = 0; k < m->activities.n; k++)
        g->unled |= !m->activities.v[k]->lead && m->activities.v[k]->start != DATE_NONE &&
                    m->activities.v[k]->end != DATE_NONE;
    for (int k = 0; k < m->milestones.n; k++)
        g->unled |= !m->milestones.v[k]->owner && m->milestones.v[k]->due != DATE_NONE;
    int legend_rows = (g->nlegend + g->unled + 1) / 2;

    double title_h = standalone ? 34 : 0;
    g->top = title_h + 36;
    g->y_ms = g->top + SEC_H + ROW_H * (m->activities.n ? m->activities.n : 1);
    g->bottom = g->y_ms + SEC_H + ROW_H * (m->milestones.n ? m->milestones.n : 1);
    /* The term's labels go under the chart, the end's on a second line
     * when the term is too narrow for both on one. */
    g->term_narrow = ag->term_start != DATE_NONE &&
                     xpos(&g->ax, ag->term_end + 1) - xpos(&g->ax, ag->term_start) < 250;
    g->legend_y = g->bottom + 34 + (g->term_narrow ? 14 : 0);
    g->height = g->legend_y + 20.0 * legend_rows + 8;
}

/* The <svg> element, its title, style sheet and arrow marker, the white
 * background, and the heading of a standalone picture. */
static void gantt_head(const Gantt *g, bool standalone)
{
    Buf *b = g->b;
    const Agreement *ag = g->m->agreement;

    if (standalone)
        buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %.0f\" "
                  "width=\"%d\" height=\"%.0f\" role=\"img\" aria-label=\"%s\" "
                  "font-family=\"Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif\">\n",
               W, g->height, W, g->height, L_("Schedule"));
    Buf e;
    buf_puts(b, "<title>");
    /* TRANSLATORS: the title of the schedule picture; %1$s is the agreement's title. */
    buf_printf(b, L_("Schedule of %1$s"), xml_of(&e, fmt_title(&ag->d)));
    buf_free(&e);
    buf_puts(b, "</title>\n<style>\n"
                ".t{font-size:13px;fill:#1c2331}.id{font-size:10.5px;fill:#5d6675;"
                "font-family:DejaVu Sans Mono, Menlo, Consolas, monospace}"
                ".yr{font-size:12.5px;font-weight:bold;fill:#1c2331;text-anchor:middle}"
                ".sh{font-size:10.5px;font-weight:bold;fill:#1d4e7a;letter-spacing:1px}"
                ".sec{fill:#eef2f6}.gy{stroke:#b9c1cb;stroke-width:1}"
                ".gq{stroke:#dde2e8;stroke-width:1;stroke-dasharray:2 3}"
                ".term{stroke:#1c2331;stroke-width:1.4;stroke-dasharray:6 4}"
                ".tl{font-size:11px;fill:#1c2331}.dt{font-size:11px;fill:#5d6675;stroke:#ffffff;"
                "stroke-width:3;stroke-linejoin:round;paint-order:stroke}"
                ".dep{fill:none;stroke:#5d6675;stroke-width:1.2}"
                ".none{font-size:11px;font-style:italic;fill:#8a93a0}"
                ".lg{font-size:11.5px;fill:#1c2331}.hd{font-size:16px;font-weight:bold;"
                "fill:#1c2331}.bt{font-size:10px}.bo{font-size:10px;fill:#1c2331}"
                ".sw{stroke:#1c2331;stroke-width:0.75}\n</style>\n"
                "<defs><marker id=\"gantt-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
                "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5d6675\"/></marker>\n");
    put_patterns(g);
    buf_puts(b, "</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    if (standalone) {
        buf_init(&e);
        text_cut(&e, fmt_title(&ag->d), 90);
        buf_puts(b, "<text x=\"16\" y=\"24\" class=\"hd\">");
        /* TRANSLATORS: the heading of the schedule picture; %1$s is the agreement's title. */
        buf_printf(b, L_("%1$s \xe2\x80\x94 schedule"), buf_cstr(&e));
        buf_puts(b, "</text>\n");
        buf_free(&e);
    }
}

/* The number of characters (code points) of s. */
static int text_len(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += (*s & 0xC0) != 0x80;
    return n;
}

/* The lead's name on its bar from xa to xz (row top y): inside in the
 * colour's ink when it fits, else beside the bar on the side with room,
 * else inside cut short, else not at all (the legend still says).  On a
 * pattern the text has a halo of the plain colour, so the white marks do
 * not break up white text.  Widths are estimated: 5.8 pixels a
 * character at 10 pixels, a little more than Helvetica's average. */
static void bar_label(const Gantt *g, int k, double xa, double xz, double y)
{
    Buf *b = g->b;
    const char *name = fmt_title(&g->legend[k]->d);
    double w = text_len(name) * 5.8;
    int max = text_len(name);
    const char *anchor = "";
    double x;
    bool inside = false;

    if (xz - xa >= w + 10) {
        x = xa + 5, inside = true;
    } else if (X1 - xz >= w + 8) {
        x = xz + 5;
    } else if (xa - X0 >= w + 8) {
        x = xa - 5, anchor = " text-anchor=\"end\"";
    } else if ((xz - xa - 10) / 5.8 >= 4) {
        x = xa + 5, inside = true, max = (int)((xz - xa - 10) / 5.8) - 1;
    } else {
        return;
    }
    if (!inside) {
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"bo\"%s>", x, y + 19.5, anchor);
    } else if (k % (NPALETTE * NPATTERNS) < NPALETTE) {
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"bt\" fill=\"%s\">", x, y + 19.5,
                   palette[k % NPALETTE].ink);
    } else {
        buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"bt\" fill=\"%s\" stroke=\"%s\" "
                      "stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\">",
                   x, y + 19.5, palette[k % NPALETTE].ink, palette[k % NPALETTE].fill);
    }
    text_cut(b, name, max);
    buf_puts(b, "</text>");
}

/* One row per activity: its label, a bar over its period in its lead's
 * style, and the lead's name. */
static void gantt_activities(const Gantt *g)
{
    Buf *b = g->b;
    const Model *m = g->m;

    /* TRANSLATORS: the headings of the schedule's two parts, in capitals. */
    section(b, L_("ACTIVITIES"), g->top);
    double y = g->top + SEC_H;
    for (int i = 0; i < m->activities.n; i++, y += ROW_H) {
        const Activity *a = m->activities.v[i];
        buf_puts(b, "<g id=\"gantt-activity-");
        buf_xml(b, a->d.id);
        buf_puts(b, "\">");
        label(b, &a->d, y);
        if (a->start != DATE_NONE && a->end != DATE_NONE) {
            int32_t s = a->start, e = a->end >= a->start ? a->end : a->start;
            double xa = xpos(&g->ax, s), xz = xpos(&g->ax, e + 1);
            int k = style_of(g, a->lead);
            buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"3\" "
                          "class=\"sw\" fill=\"",
                       xa, y + 7, xz - xa < 2 ? 2 : xz - xa, BAR_H);
            put_fill(b, k);
            buf_puts(b, "\"><title>");
            Buf t;
            char d1[48], d2[48];
            /* TRANSLATORS: the tooltip of an activity's bar: its title and period. */
            buf_printf(b, L_("%1$s: %2$s to %3$s"), xml_of(&t, fmt_title(&a->d)),
                       short_date(a->start, d1), short_date(a->end, d2));
            buf_free(&t);
            buf_puts(b, "</title></rect>");
            if (k >= 0)
                bar_label(g, k, xa, xz, y);
        } else {
            buf_printf(b, "<text x=\"%d\" y=\"%.1f\" class=\"none\">%s</text>", X0, y + 19,
                       L_("no period stated"));
        }
        buf_puts(b, "</g>\n");
    }
    if (m->activities.n == 0)
        buf_printf(b, "<text x=\"12\" y=\"%.1f\" class=\"none\">%s</text>\n", y + 19,
                   L_("no activities"));
}

/* An arrow from each milestone to every milestone that comes after it,
 * drawn before the diamonds so that these cover the arrows' ends. */
static void gantt_arrows(const Gantt *g, double ys)
{
    const Model *m = g->m;

    for (int i = 0; i < m->milestones.n; i++) {
        const Milestone *ms = m->milestones.v[i];
        double cy = ys + ROW_H * i + 16;
        for (int k = 0; k < ms->after.n; k++) {
            const Milestone *pre = ms->after.v[k];
            int j = 0;
            while (j < m->milestones.n && m->milestones.v[j] != pre)
                j++;
            if (j == m->milestones.n || pre->due == DATE_NONE || ms->due == DATE_NONE)
                continue;
            /* Finish to start: down (or up) from the predecessor's diamond
             * to the row of this one, then across into its tip. */
            double px = xpos(&g->ax, pre->due), py = ys + ROW_H * j + 16;
            double qx = xpos(&g->ax, ms->due);
            double sy = cy > py ? py + 7 : py - 7;
            double ex = qx >= px ? qx - 8 : qx + 8;
            buf_printf(g->b, "<path d=\"M%.1f,%.1f V%.1f H%.1f\" class=\"dep\" "
                             "marker-end=\"url(#gantt-arrow)\"/>\n",
                       px, sy, cy, ex);
        }
    }
}

/* Whether an arrow comes into milestone ms from its left (from its
 * right: !left), where it would run through a date written on that side. */
static bool arrow_from(const Gantt *g, const Milestone *ms, bool left)
{
    double x = xpos(&g->ax, ms->due);
    for (int k = 0; k < ms->after.n; k++) {
        const Milestone *pre = ms->after.v[k];
        if (pre->due != DATE_NONE && (xpos(&g->ax, pre->due) <= x) == left)
            return true;
    }
    return false;
}

/* One row per milestone: its label, a diamond on its due date and the
 * date beside it: on its left near the right edge, and over the arrow's
 * line when an arrow comes in on that side.  A white halo keeps the date
 * clear of the grid's lines. */
static void gantt_milestones(const Gantt *g)
{
    Buf *b = g->b;
    const Model *m = g->m;

    section(b, L_("MILESTONES"), g->y_ms);
    double ys = g->y_ms + SEC_H;
    gantt_arrows(g, ys);
    for (int i = 0; i < m->milestones.n; i++) {
        const Milestone *ms = m->milestones.v[i];
        double yy = ys + ROW_H * i;
        buf_puts(b, "<g id=\"gantt-milestone-");
        buf_xml(b, ms->d.id);
        buf_puts(b, "\">");
        label(b, &ms->d, yy);
        if (ms->due != DATE_NONE) {
            double x = xpos(&g->ax, ms->due), cy = yy + 16;
            buf_printf(b, "<path d=\"M%.1f,%.1f l7,7 l-7,7 l-7,-7 z\" class=\"sw\" fill=\"",
                       x, cy - 7);
            put_fill(b, style_of(g, ms->owner));
            buf_puts(b, "\"><title>");
            Buf e;
            char d1[48];
            /* TRANSLATORS: the tooltip of a milestone: its title and due date. */
            buf_printf(b, L_("%1$s: due %2$s"), xml_of(&e, fmt_title(&ms->d)),
                       short_date(ms->due, d1));
            buf_free(&e);
            buf_puts(b, "</title></path>");
            bool left = x > X1 - 80;
            buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"dt\"%s>", left ? x - 11 : x + 11,
                       arrow_from(g, ms, left) ? cy - 4 : cy + 3.5,
                       left ? " text-anchor=\"end\"" : "");
            buf_puts(b, short_date(ms->due, d1));
            buf_puts(b, "</text>");
        } else {
            buf_printf(b, "<text x=\"%d\" y=\"%.1f\" class=\"none\">%s</text>", X0, yy + 19,
                       L_("no due date"));
        }
        buf_puts(b, "</g>\n");
    }
    if (m->milestones.n == 0)
        buf_printf(b, "<text x=\"12\" y=\"%.1f\" class=\"none\">%s</text>\n", ys + 19,
                   L_("no milestones"));
}

/* Dashed lines at the term's start and end, labelled under the chart. */
static void gantt_term(const Gantt *g)
{
    Buf *b = g->b;
    const Agreement *ag = g->m->agreement;

    if (ag->term_start == DATE_NONE)
        return;
    double xs = xpos(&g->ax, ag->term_start), xe = xpos(&g->ax, ag->term_end + 1);
    buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"term\"/>\n"
                  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"term\"/>\n",
               xs, g->top - 4, xs, g->bottom + 6, xe, g->top - 4, xe, g->bottom + 6);
    char d1[48];
    buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"tl\">", xs, g->bottom + 20);
    /* TRANSLATORS: the labels of the lines at the term's start and end. */
    buf_printf(b, L_("Term starts %1$s"), short_date(ag->term_start, d1));
    buf_printf(b, "</text>\n<text x=\"%.1f\" y=\"%.1f\" class=\"tl\"%s>",
               g->term_narrow ? xs : xe, g->bottom + (g->term_narrow ? 34 : 20),
               g->term_narrow ? "" : " text-anchor=\"end\"");
    buf_printf(b, L_("Term ends %1$s"), short_date(ag->term_end, d1));
    buf_puts(b, "</text>\n");
}

/* The partners' styles, two to a line, in the order of the styles; then
 * the grey of a bar or diamond without a lead or owner, if there is one. */
static void gantt_legend(const Gantt *g)
{
    for (int i = 0; i < g->nlegend + g->unled; i++) {
        double lx = 12 + (i % 2) * 400.0, ly = g->legend_y + 20.0 * (i / 2);
        buf_printf(g->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"18\" height=\"12\" rx=\"2\" "
                         "class=\"sw\" fill=\"",
                   lx, ly);
        put_fill(g->b, i < g->nlegend ? i : -1);
        buf_printf(g->b, "\"/><text x=\"%.1f\" y=\"%.1f\" class=\"lg\">", lx + 24, ly + 10);
        if (i < g->nlegend)
            text_cut(g->b, fmt_title(&g->legend[i]->d), 56);
        else
            /* TRANSLATORS: the legend of the grey of a bar or diamond without a lead or owner. */
            buf_puts(g->b, L_("no lead or owner named"));
        buf_puts(g->b, "</text>\n");
    }
}

void graph_schedule_svg(const Model *m, Buf *b, bool standalone)
{
    Gantt g = {.m = m, .b = b};

    gantt_layout(&g, standalone);
    gantt_head(&g, standalone);
    grid(b, &g.ax, g.top, g.bottom);
    gantt_activities(&g);
    gantt_milestones(&g);
    gantt_term(&g);
    gantt_legend(&g);
    buf_puts(b, "</svg>\n");
    free(g.legend);
}
