/* model.h - the resolved model of an agreement.
 *
 * The resolver (resolve.c) builds it from the syntax trees of the root
 * file, the files it `use`s and the prelude; every reference is a pointer
 * to its declaration.  Checks and back ends (documents, tracker, graphs,
 * diff, export) read the model and never the syntax tree.
 *
 * Invariants once resolution succeeded without language errors:
 * - every pointer field that names a declaration is either NULL (statement
 *   absent) or points to a declaration of the right kind;
 * - dates are valid day numbers or DATE_NONE;
 * - lists keep source order (root file first, then used files, in the
 *   order of their `use`). */
#ifndef CHARTER_MODEL_H
#define CHARTER_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "hmap.h"
#include "ast.h"
#include "date.h"
#include "source.h"

typedef enum DeclKind {
    K_AGREEMENT, K_PARTNER, K_GOAL, K_INDICATOR, K_ACTIVITY, K_MILESTONE,
    K_NEED, K_DIMENSION, K_UNIT, K_SECTOR, K_LEVEL, K_BACKBONE_FN, K_PHASE,
    K_EXTERN, K_NAMESPACE, K_TOPIC, K_CLAUSE,
    K_COUNT
} DeclKind;

/* "partner", "goal", ... as written in the language and in subjects. */
const char *decl_kind_name(DeclKind k);

/* A set of kinds: what a place that names a declaration accepts. */
typedef uint32_t KindSet;
#define KIND_BIT(k) ((KindSet)1 << (k))

typedef struct Allow {
    const char *check;
    const char *reason;
    Span span;
    bool used;          /* matched a finding */
} Allow;

typedef VEC(Allow) AllowList;

struct Model;

/* The common head of every declaration: 64 bytes, in this order so that
 * nothing is padding.  The dense benchmark agreement has 66,000
 * declarations; its file is span.file, and its subject ("partner itu")
 * is made when a finding or a change needs it (model_decl_subject), which
 * left 2 MB of the 13 MB its declarations took. */
typedef struct Decl {
    const char *id;
    const char *title;      /* the quoted label; may be NULL */
    Span id_span;           /* the id, where findings point */
    Span span;              /* the whole declaration; span.file its file */
    DeclKind kind;
    bool is_std;            /* declared by the standard library */
    AllowList allows;       /* `allow` inside the declaration */
} Decl;

/* A unit counts (people, hours, money: a negative amount is a mistake,
 * see negative_count) unless it is declared `signed yes` (a change, a
 * balance, a temperature). */
typedef struct Unit { Decl d; bool is_signed; } Unit;
typedef struct Sector { Decl d; } Sector;
typedef struct Level { Decl d; int order; } Level;          /* local=0 < global */
typedef struct BackboneFn { Decl d; int order; } BackboneFn;
typedef struct Phase { Decl d; int order; } Phase;          /* process order */
typedef struct Need { Decl d; } Need;
/* What a clause is about (`confidentiality`, `termination`, ...): the
 * prelude declares the topics the checks ask for; users may add more. */
typedef struct Topic { Decl d; } Topic;

/* Whether provisions bind: `binding yes|no`, BINDING_UNSET when unsaid. */
typedef enum Binding { BINDING_UNSET = -1, BINDING_NO = 0, BINDING_YES = 1 } Binding;

/* `clause ID "HEADING" { covers TOPIC, ...  binding yes|no  text "..." }`:
 * a provision of a memorandum of understanding, in source order. */
typedef struct Clause {
    Decl d;
    VEC(Topic *) covers;
    Binding binding;        /* BINDING_UNSET: the agreement's */
    Span binding_span;
    const char *text;
} Clause;

typedef struct Quantity {
    double value;
    Unit *unit;
    Span span;
} Quantity;

typedef struct Want {
    const char *interest;
    int dir;                /* +1 more, -1 less */
    Span span;
} Want;

typedef struct Partner Partner;
/* Partners named in a list (`partners`, `reported_by`, a tension's
 * `between`, a meeting's `with`, ...), each once, in the order named. */
typedef VEC(Partner *) PartnerList;

typedef struct Incentive {
    const char *id, *text;
    Span span;
    VEC(Want) wants;
} Incentive;

/* `signatory "NAME" [title "TITLE"]`: one person who signs for a partner
 * (a board may name two).  `signatory "TEXT"` alone, the older form, is a
 * name without a title. */
typedef struct Signatory {
    const char *name, *title;   /* title may be NULL */
    Span span;
} Signatory;

/* `contact "NAME" { role email phone }`: whom the partners write to. */
typedef struct Contact {
    const char *name, *role, *email, *phone;   /* all but name may be NULL */
    Span span;
} Contact;

/* `commits QUANTITY ["WHAT"] [worth QUANTITY] [subject_to "CONDITION"]`:
 * money or hours, or an in-kind contribution (what it is, and its value
 * in money), firm or depending on a condition. */
typedef struct Commitment {
    Quantity q;
    Quantity worth;         /* the value of an in-kind contribution */
    const char *what;       /* NULL: the quantity says it all */
    const char *condition;  /* NULL: firm */
    Span span;              /* the whole statement */
    bool has_worth;
} Commitment;

struct Partner {
    Decl d;
    Sector *sector;
    Level *level;
    VEC(Signatory) signatories;
    VEC(Contact) contacts;
    /* Membership: `joins`, `leaves`; DATE_NONE when not said, which means
     * the agreement's term (partner_joins(), partner_leaves()). */
    int32_t joins, leaves;
    Span joins_span, leaves_span;
    VEC(BackboneFn *) backbone;
    Span backbone_span;
    const char *coordinator;
    VEC(Commitment) commits;
    VEC(Incentive *) incentives;
};

typedef struct Tension {
    const char *interest;
    Span span, interest_span;
    PartnerList partners;
    const char *resolution;
    AllowList allows;
    uint32_t file;
} Tension;

typedef struct Indicator Indicator;

typedef struct Goal {
    Decl d;
    VEC(Indicator *) measured_by;
    int32_t by;
    Span by_span;
} Goal;

typedef enum ValuesMode { VALUES_UNSET, VALUES_CUMULATIVE, VALUES_PER_PERIOD } ValuesMode;
typedef enum Combine { COMBINE_SUM, COMBINE_MEAN, COMBINE_MIN, COMBINE_MAX, COMBINE_LATEST } Combine;

/* The fixed columns of the tracker's observations.csv, in order; the
 * ledger has one more column per dimension, named after it, so no
 * dimension may take one of these names (duplicate_name): the header
 * would name a column twice and the tracker's own `validate` would reject
 * the ledger it wrote. */
enum { MODEL_OBS_COLUMNS = 5 };
extern const char *const model_obs_columns[MODEL_OBS_COLUMNS];
/* The columns of a correction or retraction row (docs/tracker.md), after
 * the dimensions' in a ledger that has them; no dimension may take these
 * names either. */
enum { MODEL_OBS_AUDIT_COLUMNS = 3 };
extern const char *const model_obs_audit_columns[MODEL_OBS_AUDIT_COLUMNS];

typedef struct Dimension {
    Decl d;
    VEC(const char *) values;
} Dimension;

/* `target VALUE by DATE [for DIMENSION VALUE]`: a target of the whole
 * indicator, or of one breakdown cell (an equity target: dim and cell set,
 * cell an index into dim->values). */
typedef struct Target {
    double value;
    int32_t date;
    Span span;
    Dimension *dim;         /* NULL: the whole indicator */
    int cell;               /* the value of dim, when dim is set */
} Target;

/* `totals yearly|quarterly`: with `values per_period`, targets are totals
 * of the per-period values over a calendar year (quarter). */
typedef enum Totals { TOTALS_NONE, TOTALS_YEARLY, TOTALS_QUARTERLY } Totals;

/* The grace period after a reporting period's end before its report is
 * missing, when `report_within` does not say: 30 days. */
#define MODEL_REPORT_GRACE_DAYS 30

struct Indicator {
    Decl d;
    Unit *unit;
    int direction;          /* +1 up, -1 down, 0 unset */
    bool has_baseline;
    double baseline;
    int32_t baseline_date;
    Span baseline_span;
    VEC(Target) targets;    /* source order; the whole indicator's */
    VEC(Target) cell_targets;   /* `target ... for DIMENSION VALUE`, source order */
    Duration frequency;     /* n == 0: unset */
    Span frequency_span;
    /* `season MONTH to MONTH`: reports are owed, and the plan counts, only
     * for periods that start in these months (1-12; season_to may be before
     * season_from: the season wraps the year).  0 when unset. */
    int season_from, season_to;
    Span season_span;
    Totals totals;
    Span totals_span;
    /* `report_within DURATION`: the grace period; n == 0: unset (the
     * default, MODEL_REPORT_GRACE_DAYS). */
    Duration report_within;
    Span report_within_span;
    PartnerList reporters;
    const char *source;
    ValuesMode values;
    Combine combine;
    bool combine_set;
    VEC(Dimension *) dims;
    bool personal_data;
    Expr *formula;          /* resolved; NULL when not derived */
    VEC(Indicator *) inputs;/* indicators the formula reads */
    /* `denominator INDICATOR`: the count this indicator is a rate or share
     * of.  It makes the indicator a rate (never suppressed as a count) whose
     * cells are hidden where the denominator's are (docs/tracker.md,
     * "Privacy").  Invariant after resolution: not the indicator itself, not
     * a rate (a percentage or an indicator with a denominator), and broken
     * down by the same dimensions. */
    Indicator *denominator;
    Span denominator_span;
    Indicator *contributes_to;  /* in a parent agreement */
    Span contributes_span;
};

typedef struct Budget {
    Quantity q;
    Partner *from;          /* NULL: the lead */
    Span span;
} Budget;

typedef struct Activity {
    Decl d;
    Partner *lead;
    PartnerList partners;
    VEC(Goal *) supports;
    VEC(Need *) addresses;
    VEC(struct Activity *) coordinates_with;
    int32_t start, end;     /* period; DATE_NONE when unset */
    Span period_span;
    VEC(Budget) budgets;
} Activity;

typedef struct Milestone {
    Decl d;
    int32_t due;
    Span due_span;
    Partner *owner;
    VEC(struct Milestone *) after;
    VEC(Span) after_spans;
    Expr *requires;         /* resolved boolean expression, or NULL */
    const char *deliverable;
    Phase *phase;
} Milestone;

typedef enum ExternType { XT_NUMBER, XT_INTEGER, XT_DATE, XT_SERIES } ExternType;

typedef struct Extern {
    Decl d;
    VEC(ExternType) params;
    ExternType ret;
    const char *library;    /* as written */
    const char *symbol;     /* charter_NAME for the standard library, else NAME */
    bool std_library;       /* from "charterstd" */
    const char *library_dir;/* directory of the declaring file, for relative paths */
} Extern;

/* A meeting, report or review of the communication block. */
typedef enum CommKind { COMM_MEETING, COMM_REPORT, COMM_REVIEW } CommKind;

typedef struct Comm {
    CommKind kind;
    const char *id, *title;
    Span span;
    Duration every;
    /* `every month on tuesday 2 at 10:00`: the day in each period (weekday
     * 1 Monday ... 7 Sunday, 0 unset; nth 1-5 or -1 for the last, 0 every
     * such weekday of a weekly rhythm) and the time of day in minutes (-1
     * unset).  Unset, the calendar picks a working day (ical.c). */
    int weekday, nth, minutes;
    bool with_all;          /* meetings, reviews: `with all` */
    PartnerList with;       /* meetings, reviews */
    PartnerList by;         /* reports */
    bool to_all;
    PartnerList to;         /* reports */
} Comm;

typedef enum DecisionRule { DECIDE_UNSET, DECIDE_CONSENSUS, DECIDE_MAJORITY, DECIDE_PARTNER } DecisionRule;

typedef struct Namespace {
    Decl d;
    struct Model *model;    /* the file brought in with `use ... as NAME` */
} Namespace;

typedef struct Agreement {
    Decl d;
    const char *version;
    int32_t term_start, term_end;
    Span term_span;
    Partner *lead;
    const char *scope;
    const char *amendment;
    Duration withdrawal;
    Namespace *nested_in;
    Binding binding;        /* whether its provisions bind */
    Span binding_span;
} Agreement;

/* A name listed again in one list (`reported_by a, b, a`; `partners a`
 * twice): the list keeps it once, and listed_twice reports the repeat. */
typedef struct Repeat {
    const Decl *subject;    /* whose statement; NULL: a tension, communication */
    const Decl *named;      /* the declaration named again */
    Span span;              /* the repeat */
    const char *role;       /* the list: "`reported_by`" */
} Repeat;

typedef struct Model {
    Agreement *agreement;
    /* The agenda. */
    bool has_agenda;
    Span agenda_span;
    const char *vision, *problem;
    VEC(const char *) principles;
    /* Declarations, in source order. */
    VEC(Partner *) partners;
    VEC(Goal *) goals;
    VEC(Indicator *) indicators;
    VEC(Activity *) activities;
    VEC(Milestone *) milestones;
    VEC(Need *) needs;
    VEC(Dimension *) dimensions;
    VEC(Unit *) units;
    VEC(Sector *) sectors;
    VEC(Level *) levels;
    VEC(BackboneFn *) backbone_fns;
    VEC(Phase *) phases;
    VEC(Extern *) externs;
    VEC(Namespace *) namespaces;
    VEC(Topic *) topics;
    VEC(Clause *) clauses;
    VEC(Tension *) tensions;
    VEC(Repeat) repeats;
    /* Communication. */
    bool has_communication;
    Span communication_span;
    VEC(Comm *) comms;
    /* Governance. */
    bool has_governance;
    Span governance_span;
    DecisionRule decisions;
    Partner *decider;
    Span decisions_span;
    const char *escalation;
    const char *data_sharing;
    int min_cell;           /* the smallest group partners may publish; 0: unsaid */
    Span min_cell_span;
    /* File-level `allow`s, by file index. */
    VEC(struct FileAllows { uint32_t file; AllowList allows; }) file_allows;
    /* Name lookup (see model_lookup()): the declarations by kind and id,
     * an HMAP_NAMED map whose keys are Decl pointers named by
     * model_decl_id (interned in the compilation's arena, as every name
     * the scanner reads is) and tagged by model_decl_kind.  Each kind has
     * its own names: a need and an activity may share one. */
    HMap syms;
    /* Some declaration's id has a dot (`partner a.b`): a dotted name is
     * looked up in a namespace, never here, so model_find cannot take
     * the name's address alone for the key. */
    bool dotted_ids;
    uint32_t root_file;
} Model;

/* "KIND ID" ("partner itu"), a finding's subject, in `a`. */
const char *model_decl_subject(Arena *a, const Decl *d);
/* Whether `subject` is d's, without making d's. */
bool model_decl_has_subject(const Decl *d, const char *subject);
/* The id and the kind of a declaration (a `const Decl *`), as the symbol
 * table reads them. */
const char *model_decl_id(const void *decl);
int model_decl_kind(const void *decl);
/* The declaration of kind k named `name` (a dotted name `ns.id` reaches
 * the namespace ns), or NULL.  `name` is any text. */
Decl *model_lookup(const Model *m, DeclKind k, const char *name);
/* model_lookup for a name interned in the model's compilation (an
 * argument's or an expression's name, as the scanner read it), found by
 * its address without reading its text.  NULL also for a dotted name or
 * one not interned: model_lookup answers those. */
Decl *model_find(const Model *m, DeclKind k, const char *name);
/* The kinds that have a declaration named `name` (dotted as above). */
KindSet model_kinds_named(const Model *m, const char *name);
/* The prelude unit `percent` etc. by id; NULL when absent. */
Unit *model_unit(const Model *m, const char *id);
/* "monday" ... "sunday", [1] for Monday ([0] is ""): a meeting's weekday. */
extern const char *const model_weekdays[8];
/* A meeting's day and time as written: "on tuesday 2 at 10:00", "at
 * 09:30"; NULL when it states neither. */
const char *comm_when_text(Arena *a, const Comm *c);
/* "jan" ... "dec": the months as a season names them, [0] for January. */
extern const char *const model_months[12];
/* Whether month (1-12) lies in the indicator's season (true without one). */
bool indicator_in_season(const Indicator *ind, int month);
/* The first day of an indicator's reporting periods: its baseline's date,
 * else the term's start, else DATE_NONE. */
int32_t indicator_anchor(const Model *m, const Indicator *ind);
/* The grace period of an indicator's reports (`report_within`, else
 * MODEL_REPORT_GRACE_DAYS days). */
Duration indicator_grace(const Indicator *ind);
/* A partner's membership: its `joins` (`leaves`) date, else the start
 * (end) of the agreement's term, else DATE_NONE. */
int32_t partner_joins(const Model *m, const Partner *p);
int32_t partner_leaves(const Model *m, const Partner *p);
/* The name by which m refers to d: its id, or `ns.id` for a declaration
 * of a namespace brought in with `use ... as ns`; NULL for NULL. */
const char *model_ref_name(Arena *a, const Model *m, const Decl *d);

#endif
