/* graph.h - the pictures of an agreement: the schedule as a Gantt chart
 * (SVG, drawn here), and the partner network (DOT, laid out by Graphviz's
 * `dot` into SVG when it is installed).
 *
 * Both read the resolved model only.  Output is deterministic: the same
 * model gives byte-identical pictures.  All user text is escaped for XML
 * (SVG) or for DOT strings. */
#ifndef CHARTER_GRAPH_H
#define CHARTER_GRAPH_H

#include <stdbool.h>

#include "buf.h"
#include "model.h"

/* The Gantt chart (graph_gantt.c): activity bars over the term, milestone
 * diamonds, arrows from each milestone to those that come `after` it, the
 * term's start and end.  `standalone` writes an XML declaration and a
 * title, for a file of its own; without it the <svg> element is made to be
 * embedded in HTML. */
void graph_schedule_svg(const Model *m, Buf *out, bool standalone);

/* The partner network as DOT (graph_net.c): partners, activities and
 * goals; edges for lead, partner, supports and reports (a partner that
 * reports an indicator measuring a goal); resources flowing from partners
 * (commitments to a node for the partnership's pool, budgets to the
 * activities), money and in kind drawn apart, conditional ones dashed,
 * with a key. */
void graph_network_dot(const Model *m, Buf *out);

typedef enum GraphRun {
    GRAPH_OK,
    GRAPH_NO_DOT,       /* Graphviz's `dot` is not installed (not on PATH) */
    GRAPH_FAILED        /* dot ran and failed; the reason is in `err` */
} GraphRun;

/* Runs `dot -Tsvg` on `dot` (fork, execvp and pipes; no shell) and
 * appends the SVG to `svg`.  `err` receives dot's messages. */
GraphRun graph_dot_to_svg(const Buf *dot, Buf *svg, Buf *err);
/* Whether `dot` is on PATH. */
bool graph_have_dot(void);

#endif
