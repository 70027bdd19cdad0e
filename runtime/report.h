/* report.h - the documents the tracker writes: the HTML dashboard
 * (report_) and the iCalendar file (ical_). */
#ifndef CHARTER_REPORT_H
#define CHARTER_REPORT_H

#include "score.h"
#include "trk.h"

/* The dashboard: self-contained HTML (inline CSS and SVG, no script, no
 * external request), every user text escaped.  Breakdown cells of
 * indicators with personal data below min_cell are shown as suppressed. */
void report_html(Score *s, int min_cell, Buf *out);
int report_cmd(Trk *t, int argc, char **argv);

/* RFC 5545: CRLF line ends, lines folded at 75 octets, stable UIDs
 * (KIND.ID.AGREEMENT@charter).  dtstamp: seconds since 1970 (UTC). */
void ical_write(Trk *t, long long dtstamp, Buf *out);
int ical_cmd(Trk *t, int argc, char **argv);

#endif
