/* ical.h - `calendar`: the agreement's milestones, meetings, reports and
 * reviews as an iCalendar file (ical_). */
#ifndef CHARTER_ICAL_H
#define CHARTER_ICAL_H

#include "trk.h"

/* RFC 5545: CRLF line ends, lines folded at 75 octets, stable UIDs
 * (KIND.ID.AGREEMENT@charter).  dtstamp: seconds since 1970 (UTC). */
void ical_write(Trk *t, long long dtstamp, Buf *out);
int ical_cmd(Trk *t, int argc, char **argv);

#endif
