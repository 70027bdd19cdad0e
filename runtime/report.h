/* report.h - `report`: the HTML dashboard (report_). */
#ifndef CHARTER_REPORT_H
#define CHARTER_REPORT_H

#include "score.h"
#include "trk.h"

/* The dashboard: self-contained HTML (inline CSS and SVG, no script, no
 * external request), every user text escaped.  Breakdown cells of
 * indicators with personal data below min_cell are shown as suppressed. */
void report_html(Score *s, int min_cell, Buf *out);
int report_cmd(Trk *t, int argc, char **argv);

#endif
