/* privacy.h - small-cell suppression (priv_): which figures of an
 * indicator every output of the tracker hides (docs/tracker.md, "Privacy").
 *
 * An indicator is protected when it is a count with personal data, or a
 * rate with a `denominator` when either of the two has personal data.  Its
 * figures are its total, the cells of its breakdown (every dimension given,
 * or some) and the cells with targets.  Each has a code (obs.h's cell
 * code; 0 is the total) and a size, the count that decides: a count's own
 * value, and for a rate its denominator's figure of the same cell.
 *
 * Primary suppression hides a figure whose size is below the threshold.
 * Complementary suppression keeps every group of figures that add up to a
 * figure shown (its parent: the total, or a coarser cell; the group is the
 * parent's cells at one finer level) from giving a small figure back: when
 * the members not shown include one below the threshold, they must be at
 * least two, and the parent less the members shown must be at least the
 * threshold.  Otherwise the smallest member shown is hidden too, or, when
 * none is left, the parent; until every group holds.
 *
 * Two passes keep the outputs consistent with each other.  The first
 * decides the figures `status` shows (the total and the cells with
 * targets), identically in `status` and `report`; the dashboard's second
 * adds its breakdown table and never changes what the first decided. */
#ifndef CHARTER_PRIVACY_H
#define CHARTER_PRIVACY_H

#include "score.h"

typedef struct PrivFig {
    int32_t code;       /* the cell (obs.h); 0 the total */
    double value;       /* the figure as shown */
    double size;        /* the count that decides */
    bool want;          /* an output shows it */
    bool fixed;         /* decided by the first pass: the second keeps it */
    bool hidden;
} PrivFig;

/* After every indicator's value and targets for cells: decides the first
 * pass and sets ScoreInd.suppressed and ScoreCell.suppressed. */
void priv_compute(Score *s);
/* Whether indicator i is protected. */
bool priv_protected(const Score *s, int i);
/* The denominator of indicator i when it is a protected rate, else -1. */
int priv_denominator(const Score *s, int i);
/* The dashboard's breakdown of indicator i: its latest cells (each
 * reporter's latest cells, added up across reporters), sorted by code,
 * with what the second pass hides; *date is the latest of their dates.
 * The array is in the tracker's arena; 0 when there are none. */
int priv_breakdown(Score *s, int i, PrivFig **out, int32_t *date);

#endif
