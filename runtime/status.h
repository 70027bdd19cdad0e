/* status.h - the commands that read the scorecard: status, due (status_,
 * due_), and the printing of the scorecard in text, JSON and Markdown. */
#ifndef CHARTER_STATUS_H
#define CHARTER_STATUS_H

#include "score.h"
#include "trk.h"

typedef enum StatusFormat { STATUS_TEXT, STATUS_JSON, STATUS_MD } StatusFormat;

void status_print(Score *s, StatusFormat fmt, Buf *out);
int status_cmd(Trk *t, int argc, char **argv);
int due_cmd(Trk *t, int argc, char **argv);

#endif
