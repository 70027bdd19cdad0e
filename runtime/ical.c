/* ical.c - `calendar`: milestones, meetings, reports and reviews as an
 * iCalendar file (RFC 5545).
 *
 * Milestones are all-day events on their due date; so is the deadline of
 * each report a partner owes on an indicator (oblig.h).  Meetings recur
 * from the term's start; reports and reviews from one period after it (a
 * quarterly report is due after the first quarter); all end with the
 * term.  A meeting or review on a named weekday (`on tuesday 2`) recurs on
 * it, except that one falling on 1 January moves to the next working day;
 * one without is held on the first working day on or after each date of
 * its rhythm (never a weekend or 1 January).  With `at 10:00` it is an
 * hour at that local time, else all day.  UIDs are built from the item's kind and id and the agreement's
 * id, so a calendar application updates the same events when the file is
 * imported again.  DTSTAMP is $SOURCE_DATE_EPOCH when set (reproducible
 * output), else the current time; a value that is not a timestamp is an
 * error, as the reproducible-builds convention asks (see ical_epoch).
 * The events' titles and descriptions are in the language chosen with
 * --lang (lang.h); the properties and categories are RFC 5545's. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "exprtext.h"
#include "ical.h"
#include "oblig.h"
#include "period.h"
#include "term.h"
#include "version.h"

/* Appends one content line, folded at 75 octets without splitting a
 * UTF-8 sequence, ended by CRLF. */
static void line(Buf *b, const char *s)
{
    size_t n = strlen(s), col = 0;
    for (size_t i = 0; i < n;) {
        size_t len = 1;
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0xF0)
            len = 4;
        else if (ch >= 0xE0)
            len = 3;
        else if (ch >= 0xC0)
            len = 2;
        if (i + len > n)
            len = n - i;
        if (col + len > 75) {
            buf_puts(b, "\r\n ");
            col = 1;
        }
        buf_put(b, s + i, len);
        col += len;
        i += len;
    }
    buf_puts(b, "\r\n");
}

/* NAME:VALUE with VALUE escaped as TEXT (backslash, ; , and newlines). */
static void text_prop(Buf *b, const char *name, const char *value)
{
    Buf v;
    buf_init(&v);
    buf_puts(&v, name);
    buf_putc(&v, ':');
    for (const char *p = value; *p; p++) {
        switch (*p) {
        case '\\': buf_puts(&v, "\\\\"); break;
        case ';': buf_puts(&v, "\\;"); break;
        case ',': buf_puts(&v, "\\,"); break;
        case '\n': buf_puts(&v, "\\n"); break;
        case '\r': break;
        default: buf_putc(&v, *p);
        }
    }
    line(b, buf_cstr(&v));
    buf_free(&v);
}

static const char *ical_date(int32_t d, char *buf)
{
    int y, m, day;
    date_to_civil(d, &y, &m, &day);
    snprintf(buf, 16, "%04d%02d%02d", y, m, day);
    return buf;
}

/* An event's start and end: all day, or at `minutes` after midnight
 * (floating local time) for an hour. */
static void event_when(Buf *b, int32_t start, int minutes)
{
    char d1[16], d2[16], s[64];
    if (minutes >= 0) {
        snprintf(s, sizeof s, "DTSTART:%sT%02d%02d00", ical_date(start, d1), minutes / 60,
                 minutes % 60);
        line(b, s);
        line(b, "DURATION:PT1H");
        return;
    }
    snprintf(s, sizeof s, "DTSTART;VALUE=DATE:%s", ical_date(start, d1));
    line(b, s);
    snprintf(s, sizeof s, "DTEND;VALUE=DATE:%s", ical_date(start + 1, d2));
    line(b, s);
}

static void begin_event(Buf *b, const Trk *t, const char *kind, const char *id, const char *stamp,
                        int32_t start, int minutes)
{
    line(b, "BEGIN:VEVENT");
    Buf u;
    buf_init(&u);
    buf_printf(&u, "UID:%s.%s.%s@charter", kind, id, t->ag->d.id);
    line(b, buf_cstr(&u));
    buf_free(&u);
    char s[64];
    snprintf(s, sizeof s, "DTSTAMP:%s", stamp);
    line(b, s);
    event_when(b, start, minutes);
}

static const char *partners_text(Trk *t, bool all, Partner *const *v, int n)
{
    if (all)
        return L_("all partners");
    Buf b;
    buf_init(&b);
    for (int i = 0; i < n; i++)
        buf_printf(&b, "%s%s", i ? ", " : "", v[i]->d.title ? v[i]->d.title : v[i]->d.id);
    const char *s = arena_strdup(t->a, buf_cstr(&b));
    buf_free(&b);
    return s;
}

static const char *const ical_days[] = {"", "MO", "TU", "WE", "TH", "FR", "SA", "SU"};

/* The recurrence of a communication item: every DURATION from its first
 * date, on its weekday when it names one (BYDAY, with which one in the
 * month for a rhythm of months), until the term's end. */
static void rrule(Buf *b, const Trk *t, const Comm *cm, int32_t first)
{
    static const char *const freq[] = {"DAILY", "WEEKLY", "MONTHLY", "MONTHLY", "YEARLY"};
    Duration every = cm->every;
    int interval = every.n * (every.unit == DUR_QUARTER ? 3 : 1);
    char s[160], d[16];
    int n = snprintf(s, sizeof s, "RRULE:FREQ=%s;INTERVAL=%d", freq[every.unit], interval);
    if (cm->weekday) {
        int y, m, day;
        date_to_civil(first, &y, &m, &day);
        if (every.unit == DUR_YEAR)
            n += snprintf(s + n, sizeof s - (size_t)n, ";BYMONTH=%d", m);
        if (cm->nth)
            n += snprintf(s + n, sizeof s - (size_t)n, ";BYDAY=%d%s", cm->nth, ical_days[cm->weekday]);
        else
            n += snprintf(s + n, sizeof s - (size_t)n, ";BYDAY=%s", ical_days[cm->weekday]);
    }
    if (t->ag->term_end != DATE_NONE)
        snprintf(s + n, sizeof s - (size_t)n, ";UNTIL=%s%s", ical_date(t->ag->term_end, d),
                 cm->minutes >= 0 ? "T235959" : "");
    line(b, s);
}

/* ISO weekday of a day number: 1 Monday ... 7 Sunday (1970-01-01 was a
 * Thursday). */
static int weekday_of(int32_t d)
{
    int w = (int)(((int64_t)d + 3) % 7);
    return (w < 0 ? w + 7 : w) + 1;
}

/* Weekday wd (1-7) number nth (1-5, -1 the last) of the month of day d;
 * DATE_NONE when the month has no fifth one. */
static int32_t nth_weekday(int32_t d, int wd, int nth)
{
    int y, m, day;
    date_to_civil(d, &y, &m, &day);
    int32_t first = date_from_civil(y, m, 1);
    int32_t next = m == 12 ? date_from_civil(y + 1, 1, 1) : date_from_civil(y, m + 1, 1);
    if (nth < 0) {
        int32_t last = next - 1;
        return last - (weekday_of(last) - wd + 7) % 7;
    }
    int32_t x = first + (wd - weekday_of(first) + 7) % 7 + 7 * (nth - 1);
    return x < next ? x : DATE_NONE;
}

/* The first meeting on the weekday it names, on or after the term's start. */
static int32_t first_on_weekday(const Comm *cm, int32_t start)
{
    if (!cm->nth)
        return start + (cm->weekday - weekday_of(start) + 7) % 7;
    for (int k = 0; k < 1000; k++) {
        Duration step = cm->every;
        step.n *= k;
        int32_t x = nth_weekday(date_add(start, step), cm->weekday, cm->nth);
        if (x != DATE_NONE && x >= start)
            return x;
    }
    return start;
}

/* A working day: Monday to Friday, and not 1 January. */
static bool working_day(int32_t d)
{
    int y, m, day;
    date_to_civil(d, &y, &m, &day);
    return weekday_of(d) <= 5 && !(m == 1 && day == 1);
}

/* Moves the occurrence of day x to the first working day after it: x is
 * excluded (EXDATE) and that day added (RDATE), at the item's hour. */
static void move_off(Buf *b, const Trk *t, const Comm *cm, int32_t x)
{
    char s[64], d[16];
    int32_t y = x + 1;
    while (!working_day(y))
        y++;
    const char *tm = cm->minutes >= 0 ? arena_printf(t->a, "T%02d%02d00", cm->minutes / 60,
                                                     cm->minutes % 60)
                                      : "";
    const char *kind = cm->minutes >= 0 ? "" : ";VALUE=DATE";
    snprintf(s, sizeof s, "EXDATE%s:%s%s", kind, ical_date(x, d), tm);
    line(b, s);
    snprintf(s, sizeof s, "RDATE%s:%s%s", kind, ical_date(y, d), tm);
    line(b, s);
}

/* A meeting or review that names no weekday is held on the first working
 * day on or after each date of its rhythm: the dates of the rule that are
 * not working days are moved (move_off), so none lands on a weekend or on
 * 1 January. */
static void move_to_working_days(Buf *b, const Trk *t, const Comm *cm, int32_t first)
{
    for (int k = 0; k < 1000; k++) {
        Duration step = cm->every;
        step.n *= k;
        int32_t x = date_add(first, step);
        if (t->ag->term_end != DATE_NONE && x > t->ag->term_end)
            break;
        if (!working_day(x))
            move_off(b, t, cm, x);
    }
}

/* Whether the recurrence rrule() writes for an item on a named weekday,
 * from `first` (itself an occurrence), has an occurrence on day d. */
static bool rule_hits(const Comm *cm, int32_t first, int32_t d)
{
    if (d < first || weekday_of(d) != cm->weekday)
        return false;
    int y0, m0, d0, y, m, day;
    date_to_civil(first, &y0, &m0, &d0);
    date_to_civil(d, &y, &m, &day);
    int n = cm->every.n > 0 ? cm->every.n : 1;
    switch (cm->every.unit) {
    case DUR_DAY:
        return (d - first) % n == 0;
    case DUR_WEEK:
        return (d - first) / 7 % n == 0;
    case DUR_MONTH:
    case DUR_QUARTER: {
        int months = n * (cm->every.unit == DUR_QUARTER ? 3 : 1);
        int diff = (y - y0) * 12 + (m - m0);
        return diff % months == 0 && (!cm->nth || nth_weekday(d, cm->weekday, cm->nth) == d);
    }
    case DUR_YEAR:
        return m == m0 && (y - y0) % n == 0 &&
               (!cm->nth || nth_weekday(d, cm->weekday, cm->nth) == d);
    }
    return false;
}

/* An item on a named weekday keeps its day, except on 1 January, a
 * holiday nearly everywhere: that occurrence moves to the next working
 * day (an explicit `on monday` must not put a meeting on New Year's Day). */
static void move_off_new_year(Buf *b, const Trk *t, const Comm *cm, int32_t first)
{
    int y0, m, d;
    date_to_civil(first, &y0, &m, &d);
    int y1 = y0 + 100;
    if (t->ag->term_end != DATE_NONE)
        date_to_civil(t->ag->term_end, &y1, &m, &d);
    for (int y = y0; y <= y1; y++) {
        int32_t ny = date_from_civil(y, 1, 1);
        if (rule_hits(cm, first, ny))
            move_off(b, t, cm, ny);
    }
}

/* The deadline of each report an indicator's reporters owe (oblig.h): an
 * all-day event on the period's last day plus the grace period. */
static void deadlines(Buf *b, Trk *t, const char *stamp, const char *title)
{
    char d1[16], d2[16], d3[16];
    for (int i = 0; i < t->nind; i++) {
        const Indicator *ind = t->ind[i];
        Oblig ob;
        if (!oblig_init(&ob, t->m, ind, indicator_anchor(t->m, ind), ind->frequency))
            continue;
        for (int r = 0; r < ind->reporters.n; r++) {
            const Partner *p = ind->reporters.v[r];
            int lo, hi;
            oblig_window(&ob, t->m, p, &lo, &hi);
            for (int k = lo; k <= hi && k < lo + 1000; k++) {
                if (!oblig_in_season(&ob, k))
                    continue;
                int32_t start = period_start(ob.anchor, ob.freq, k);
                int32_t end = period_start(ob.anchor, ob.freq, k + 1) - 1;
                int32_t due = oblig_deadline(&ob, k);
                begin_event(b, t, "deadline",
                            arena_printf(t->a, "%s.%s.%s", ind->d.id, p->d.id, ical_date(start, d1)),
                            stamp, due, -1);
                /* TRANSLATORS: the title of a report's deadline in the calendar:
                 * the indicator (%1$s) and the partner who owes it (%2$s). */
                text_prop(b, "SUMMARY", arena_printf(t->a, L_("Report due: %1$s (%2$s)"),
                                                     ind->d.title ? ind->d.title : ind->d.id,
                                                     p->d.title ? p->d.title : p->d.id));
                /* TRANSLATORS: the description of a report's deadline: the
                 * indicator (%1$s), the agreement (%2$s), the period's first and
                 * last days (%3$s, %4$s), the partner (%5$s) and the deadline (%6$s). */
                text_prop(b, "DESCRIPTION",
                          arena_printf(t->a, L_("Indicator %1$s of %2$s: the value for %3$s to %4$s, "
                                                "reported by %5$s, is due by %6$s."),
                                       ind->d.id, title, date_iso(start, d1), date_iso(end, d2),
                                       p->d.id, date_iso(due, d3)));
                line(b, "CATEGORIES:DEADLINE");
                line(b, "TRANSP:TRANSPARENT");
                line(b, "END:VEVENT");
            }
        }
    }
}

void ical_write(Trk *t, long long dtstamp, Buf *b)
{
    char stamp[32];
    time_t ts = (time_t)dtstamp;
    struct tm tm;
    gmtime_r(&ts, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    const Agreement *ag = t->ag;
    const char *title = ag->d.title ? ag->d.title : ag->d.id;
    line(b, "BEGIN:VCALENDAR");
    line(b, "VERSION:2.0");
    line(b, "PRODID:-//Charter//charter-runtime " CHARTER_VERSION "//EN");
    line(b, "CALSCALE:GREGORIAN");
    line(b, "METHOD:PUBLISH");
    text_prop(b, "X-WR-CALNAME", title);
    for (int m = 0; m < t->nms; m++) {
        const Milestone *ms = t->ms[m];
        if (ms->due == DATE_NONE)
            continue;
        begin_event(b, t, "milestone", ms->d.id, stamp, ms->due, -1);
        text_prop(b, "SUMMARY", arena_printf(t->a, L_("Milestone due: %1$s"),
                                             ms->d.title ? ms->d.title : ms->d.id));
        Buf desc;
        buf_init(&desc);
        /* TRANSLATORS: the description of a milestone in the calendar: its
         * id (%1$s) and the agreement's title (%2$s), then one line for each
         * of its owner, deliverable, requirement and predecessors. */
        buf_printf(&desc, L_("Milestone %1$s of %2$s."), ms->d.id, title);
        if (ms->owner) {
            buf_putc(&desc, '\n');
            buf_printf(&desc, L_("Owner: %1$s."), ms->owner->d.title ? ms->owner->d.title
                                                                   : ms->owner->d.id);
        }
        if (ms->deliverable) {
            buf_putc(&desc, '\n');
            buf_printf(&desc, L_("Deliverable: %1$s"), ms->deliverable);
        }
        if (ms->requires) {
            Buf req;
            buf_init(&req);
            exprtext_put(&req, ms->requires, NULL);
            buf_putc(&desc, '\n');
            buf_printf(&desc, L_("Requires: %1$s"), buf_cstr(&req));
            buf_free(&req);
        }
        if (ms->after.n) {
            Buf ids;
            buf_init(&ids);
            for (int k = 0; k < ms->after.n; k++)
                buf_printf(&ids, "%s%s", k ? ", " : "", ms->after.v[k]->d.id);
            buf_putc(&desc, '\n');
            buf_printf(&desc, L_("After: %1$s"), buf_cstr(&ids));
            buf_free(&ids);
        }
        text_prop(b, "DESCRIPTION", buf_cstr(&desc));
        buf_free(&desc);
        line(b, "CATEGORIES:MILESTONE");
        line(b, "TRANSP:TRANSPARENT");
        line(b, "END:VEVENT");
    }
    deadlines(b, t, stamp, title);
    if (ag->term_start == DATE_NONE)
        goto done;
    for (int c = 0; c < t->m->comms.n; c++) {
        const Comm *cm = t->m->comms.v[c];
        if (cm->every.n <= 0)
            continue;
        static const char *const kinds[] = {"meeting", "report", "review"};
        /* TRANSLATORS: the title of a meeting, report or review of the
         * communication block in the calendar (%1$s: its title). */
        static const char *const labels[] = {N_("Meeting: %1$s"), N_("Report due: %1$s"),
                                             N_("Review: %1$s")};
        int32_t first = cm->kind == COMM_REPORT ? date_add(ag->term_start, cm->every)
                        : cm->kind == COMM_REVIEW ? date_add(ag->term_start, cm->every)
                                                  : ag->term_start;
        if (cm->weekday)
            first = first_on_weekday(cm, first);
        if (ag->term_end != DATE_NONE && first > ag->term_end)
            continue;
        begin_event(b, t, kinds[cm->kind], cm->id, stamp, first, cm->minutes);
        rrule(b, t, cm, first);
        if (!cm->weekday && cm->kind != COMM_REPORT)
            move_to_working_days(b, t, cm, first);
        else if (cm->weekday)
            move_off_new_year(b, t, cm, first);
        text_prop(b, "SUMMARY", arena_printf(t->a, L_(labels[cm->kind]),
                                             cm->title ? cm->title : cm->id));
        const char *every = trk_duration_text(t, cm->every);
        const char *desc;
        /* TRANSLATORS: the description of a report (a meeting, a review) of
         * the communication block: its id (%1$s), the agreement's title
         * (%2$s), its rhythm (%3$s, such as "3 months") and the partners. */
        if (cm->kind == COMM_REPORT)
            desc = arena_printf(t->a, L_("%1$s of %2$s, every %3$s.\nBy: %4$s.\nTo: %5$s."), cm->id,
                                title, every, partners_text(t, false, cm->by.v, cm->by.n),
                                partners_text(t, cm->to_all, cm->to.v, cm->to.n));
        else
            desc = arena_printf(t->a, L_("%1$s of %2$s, every %3$s.\nWith: %4$s."), cm->id, title,
                                every, partners_text(t, cm->with_all, cm->with.v, cm->with.n));
        text_prop(b, "DESCRIPTION", desc);
        line(b, cm->kind == COMM_MEETING ? "CATEGORIES:MEETING"
                : cm->kind == COMM_REPORT ? "CATEGORIES:REPORT"
                                          : "CATEGORIES:REVIEW");
        line(b, "END:VEVENT");
    }
done:
    line(b, "END:VCALENDAR");
}

/* DTSTAMP's time: $SOURCE_DATE_EPOCH when set and not empty (date.h says
 * what it must be; at most DATE_MAX_EPOCH, 9999-12-31T23:59:59Z, the last
 * second an iCalendar DATE-TIME can write), else now.  Returns false
 * after the message. */
static bool ical_epoch(const Trk *t, long long *stamp)
{
    char shown[44];
    *stamp = (long long)time(NULL);
    if (date_source_epoch(stamp, shown) >= 0)
        return true;
    trk_fail(t, "SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 in digits, at "
                "most %lld (the end of the year 9999), not '%s'",
             DATE_MAX_EPOCH, shown);
    return false;
}

static const char ical_help[] =
    "usage: %s calendar [-o FILE] [--lang CODE]\n\n"
    "An iCalendar file (RFC 5545) of the milestones' due dates and the recurring\n"
    "meetings, reports and reviews of the communication block, for any calendar\n"
    "application.  UIDs are stable, so importing a newer file updates the events.\n"
    "Without -o it goes to standard output.  DTSTAMP is $SOURCE_DATE_EPOCH when set\n"
    "(whole seconds in digits, at most 253402300799; another value is an error).\n\n"
    "  -o FILE        where to write it (default: standard output)\n"
    "  --lang CODE    the language of the events' titles and descriptions: en (the\n"
    "                 default), es, fr or ht\n";

int ical_cmd(Trk *t, int argc, char **argv)
{
    static const OptSpec opts[] = {{"output", 'o', true}, {"lang", 0, true}};
    Opts a;
    if (!trk_args(t, &a, opts, 2, argc, argv, "calendar"))
        return 2;
    if (opts_get(&a, "help")) {
        term_printf(stdout, ical_help, t->prog);
        return 0;
    }
    if (a.npositional > 0)
        return trk_fail(t, "calendar takes no argument '%s' (use -o FILE)", a.positional[0]);
    long long stamp;
    if (!ical_epoch(t, &stamp) || !trk_lang(t, &a))
        return 2;
    Buf b;
    buf_init(&b);
    ical_write(t, stamp, &b);
    const char *out = opts_get(&a, "output");
    int e = buf_write_file(&b, out ? out : "-", NULL);
    buf_free(&b);
    if (e)
        return trk_fail(t, "cannot write %s: %s", out ? out : "standard output", strerror(e));
    if (out)
        trk_note(t, "wrote %s", out);
    return 0;
}
