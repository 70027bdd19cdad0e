/* due.h - `due`: what is due within a window of the as-of date, and what
 * is overdue (due_). */
#ifndef CHARTER_DUE_H
#define CHARTER_DUE_H

#include "trk.h"

int due_cmd(Trk *t, int argc, char **argv);

#endif
