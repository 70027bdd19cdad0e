/* ledger.h - the data files and the ledger (ledger_): validate, import,
 * record, done, correct, retract, reopen.
 *
 * Files.  observations: `indicator,date,value,reporter[,note]`, and one
 * column per breakdown dimension, named after the dimension (`gender`,
 * `region`): a row with every breakdown column empty is the reporter's
 * total for the date; a row with values in some of them is a breakdown
 * cell.  events: `milestone,date,status,by[,note]` with status `done` or
 * `cancelled`.  The first line names the columns (in any order); a row may
 * stop before trailing optional columns, which are then empty.
 *
 * The ledger is a folder (--data DIR) holding observations.csv and
 * events.csv.  import, record and done validate every row first, against
 * the agreement and against the ledger, and report every bad row with its
 * file and line; when any row is bad they change nothing.  Otherwise they
 * take an exclusive lock (flock on DIR/.lock), write the ledger file
 * through a temporary file and a rename, copying the existing bytes as
 * they are and appending the new rows.  A row already in the ledger with
 * the same value is skipped, so importing a file twice adds nothing.
 *
 * Corrections.  The ledger is append-only: `correct` and `retract`
 * append an observation row whose `correction` column says `correct` or
 * `retract`, with a `reason` and the day it was `recorded`; it stands
 * for the earlier rows of its key (indicator, date, reporter, breakdown),
 * which stay in the file, and the latest row of a key holds.  `reopen`
 * appends an event `reopened` (with a `reason`) that voids the done or
 * cancelled event before it.  The audit columns are optional: a ledger
 * without them is read as before.  `done` and `reopen` are for the
 * milestone's owner or a partner performing shared_measurement, and
 * `done` on a requirement that does not hold needs --despite REASON,
 * kept in the event's `reason` column. */
#ifndef CHARTER_LEDGER_H
#define CHARTER_LEDGER_H

#include "trk.h"

int ledger_validate_cmd(Trk *t, int argc, char **argv);
int ledger_import_cmd(Trk *t, int argc, char **argv);
int ledger_record_cmd(Trk *t, int argc, char **argv);
int ledger_done_cmd(Trk *t, int argc, char **argv);
int ledger_correct_cmd(Trk *t, int argc, char **argv);
int ledger_retract_cmd(Trk *t, int argc, char **argv);
int ledger_reopen_cmd(Trk *t, int argc, char **argv);

#endif
