/* core.h - libcharter-core: what charterc and the tracker runtime share.
 *
 * The core is built from compiler/base, compiler/front, compiler/model,
 * compiler/bundle, the grammar and the check table (checks/checktab.c:
 * data only, because every diagnostic carries its check's name, family
 * and severity).  charterc links it with libcharter-passes (the checks,
 * the back ends and the commands); the tracker runtime links it alone, so
 * a call from runtime/ into checks/, emit/ or cli/ does not link.
 *
 * What the runtime may use is what this header includes:
 *   arena, buf, hmap, dates,        the utilities of compiler/base
 *   numbers as text (numtext.h),
 *   suggestions, opts, sha256,
 *   version
 *   lang.h       the language of fixed text (--lang): L_(), LN_()
 *   diag.h       printing the front end's messages when the carried
 *                agreement does not compile (diag_sort, diag_print)
 *   compile.h    a Compilation: compile_new, compile_errors, compile_free
 *   model.h      the resolved model, the only view of the agreement the
 *                runtime reads (never the syntax tree's statements)
 *   exprtext.h   a requirement or formula written back as text
 *   trajectory.h the planned value of an indicator at a date
 *   bundle.h     the agreement a tracker carries: reading it, its index
 *                (bundle_index_parse), compiling it again (bundle_compile)
 * The front end's inner parts (ast.c's builders, resolve_int.h, the
 * grammar's scan.h) are not part of it, even though they are in the
 * library: the runtime only ever compiles a whole bundle. */
#ifndef CHARTER_CORE_H
#define CHARTER_CORE_H

#include "arena.h"
#include "buf.h"
#include "bundle.h"
#include "compile.h"
#include "date.h"
#include "diag.h"
#include "exprtext.h"
#include "hmap.h"
#include "lang.h"
#include "model.h"
#include "numtext.h"
#include "opts.h"
#include "sha256.h"
#include "suggest.h"
#include "trajectory.h"
#include "version.h"

#endif
