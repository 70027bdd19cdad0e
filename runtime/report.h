/* report.h - `report`: the HTML dashboard (report_). */
#ifndef CHARTER_REPORT_H
#define CHARTER_REPORT_H

#include "score.h"
#include "trk.h"

/* The dashboard: self-contained HTML (inline CSS and SVG, no script, no
 * external request), every user text escaped.  Values of indicators with
 * personal data are hidden as score_hidden() says, in the breakdown
 * tables, the scorecard and the charts alike. */
void report_html(Score *s, Buf *out);
int report_cmd(Trk *t, int argc, char **argv);

#endif
