/* status.h - `status`: the scorecard, printed in text, JSON or Markdown
 * (status_). */
#ifndef CHARTER_STATUS_H
#define CHARTER_STATUS_H

#include "score.h"
#include "trk.h"

typedef enum StatusFormat { STATUS_TEXT, STATUS_JSON, STATUS_MD } StatusFormat;

void status_print(Score *s, StatusFormat fmt, Buf *out);
int status_cmd(Trk *t, int argc, char **argv);

#endif
