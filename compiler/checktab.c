/* checktab.c - the check table.  Texts are ours, drawn from the seeds
 * (shared/seeds) as CHECKS.md traces them. */
#include "checktab.h"

#include <string.h>

#define LANG(name, summary, why, fix, example) \
    {name, CF_LANGUAGE, SEV_ERROR, summary, why, fix, example}

const CheckInfo check_table[] = {
    /* ---- language errors ------------------------------------------ */
    LANG("syntax", "the text does not follow the grammar of the language",
         "An agreement the compiler cannot read cannot be checked, signed or tracked.",
         "Read the expected and found tokens in the message; the parser resumes at the next "
         "statement, so every syntax error of a file is reported in one run.",
         "goal g \"Title\" {\n  by 2024-01-01 )\n}"),
    LANG("undefined_name", "a name that is declared nowhere",
         "Every reference must name a declaration, or the agreement promises something to nobody.",
         "Declare the name, correct its spelling (the message suggests the closest known name), "
         "or `use` the file that declares it.",
         "activity a \"A\" {\n  lead globaltell   # did you mean 'globaltel'?\n}"),
    LANG("duplicate_name", "two declarations with the same name",
         "Partners, goals, indicators, activities, milestones, needs, dimensions, units, sectors and "
         "extern functions share one namespace; a name must mean one thing.",
         "Rename one of the two declarations.",
         "goal access \"Access\" {}\nindicator access \"Access rate\" {}"),
    LANG("wrong_kind", "a name of one kind where another kind is expected",
         "`lead` must name a partner, `supports` a goal, `measured_by` an indicator: a goal cannot "
         "lead an activity.",
         "Name a declaration of the expected kind; the message says which kind was found.",
         "activity a \"A\" {\n  supports globaltel   # a partner, not a goal\n}"),
    LANG("unknown_statement", "a statement the declaration does not know",
         "A misspelled statement would silently drop a commitment from the agreement.",
         "Use one of the statements of that declaration (the message suggests the closest).",
         "activity a \"A\" {\n  budjet 300 hours   # did you mean 'budget'?\n}"),
    LANG("invalid_date", "a date that is not on the calendar",
         "A due date that does not exist cannot be met or tracked.",
         "Write a real date as YYYY-MM-DD (2024-02-29 exists, 2023-02-29 does not).",
         "milestone m \"M\" {\n  due 2023-02-29\n}"),
    LANG("invalid_number", "a number that cannot be represented",
         "Numbers must be finite and within the range of a double.",
         "Write a smaller number.", "target 1e400 by 2024-01-01"),
    LANG("unit_mismatch", "a quantity compared or combined with a quantity of another unit",
         "Comparing people with US dollars is meaningless; a requirement like that can never be "
         "evaluated honestly.",
         "Use a quantity in the indicator's unit, or a plain number.",
         "requires new_users >= 5 USD   # new_users counts people"),
    LANG("import_not_found", "a `use` of a file or module that does not exist",
         "The agreement depends on declarations that cannot be read.",
         "Correct the path; relative paths are relative to the file that uses them, "
         "`std/...` names the standard library.",
         "use \"shared/partners.charter\""),
    LANG("import_cycle", "files that `use` each other in a cycle",
         "A cycle has no first file; the message lists the files of the cycle.",
         "Move the shared declarations into a third file that both use.",
         "# a.charter: use \"b.charter\"   b.charter: use \"a.charter\""),
    LANG("import_outside_root", "a `use` that leaves the root file's directory tree",
         "An agreement is checked in from one folder; reading files outside it would make the "
         "result depend on the machine it runs on.",
         "Move the file inside the agreement's folder.",
         "use \"../../etc/passwd\""),
    LANG("extern_signature", "an extern function declared or called with a wrong signature",
         "Formulas call extern functions through libffi with exactly the declared signature; a "
         "mismatch would pass wrong values.",
         "Use the types number, integer, date and series, and call the function with as many "
         "arguments of the declared types.",
         "extern function f(text) -> number from \"libx\""),
    LANG("allow_without_reason", "an `allow` without its reason",
         "Every finding set aside must say why, so partners reading the annex can judge it.",
         "Write the reason: `allow CHECK \"reason\"`.", "allow redundant_activity"),
    LANG("unknown_check", "an `allow` that names no known check",
         "A misspelled check name would allow nothing and hide the mistake.",
         "Use a check name from `charterc explain --list` (the message suggests the closest).",
         "allow redundant_activty \"two valleys\""),
    LANG("missing_agreement", "a root file without exactly one `agreement` declaration",
         "The agreement block carries the term, the lead and the exit terms every signatory "
         "signs.",
         "Add `agreement ID \"Title\" { ... }`.", "# a file with only partners"),
    LANG("limit", "an input beyond one of the compiler's documented limits",
         "Limits keep the compiler fast and safe on any input (docs/security.md lists them).",
         "Split the input, or shorten the string or nesting.", "# a string of 10 MB"),

    /* ---- gaps ----------------------------------------------------- */
#define GAP(name, summary) {name, CF_GAP, SEV_WARNING, summary, NULL, NULL, NULL}
#define CONFLICT(name, summary) {name, CF_CONFLICT, SEV_WARNING, summary, NULL, NULL, NULL}
#define CONFLICT_E(name, summary) {name, CF_CONFLICT, SEV_ERROR, summary, NULL, NULL, NULL}
    GAP("agenda_missing", "no agenda, or an agenda without a vision"),
    GAP("problem_missing", "the agenda states no problem"),
    GAP("need_unaddressed", "a declared need that no activity addresses"),
    GAP("lead_missing", "the agreement names no project lead"),
    GAP("scope_missing", "the agreement states no scope"),
    GAP("term_missing", "the agreement has no term"),
    GAP("sector_diversity", "fewer than 2 sectors among the partners"),
    GAP("incentive_missing", "a partner states no incentive"),
    GAP("signatory_missing", "a partner names no signatory"),
    GAP("partner_idle", "a partner with no role at all"),
    GAP("measurement_missing", "the agreement has no indicator"),
    GAP("goal_unmeasured", "a goal with no indicator"),
    GAP("indicator_orphan", "an indicator that no goal, milestone or formula uses"),
    GAP("indicator_incomplete", "an indicator missing unit, direction, baseline, target, frequency, reporter or source"),
    GAP("partner_not_reporting", "a partner leads activities but reports no indicator"),
    GAP("too_many_indicators", "more than 15 indicators"),
    GAP("goal_unsupported", "a goal that no activity supports"),
    GAP("activity_unlinked", "an activity that supports no goal"),
    GAP("communication_missing", "no recurring meeting"),
    GAP("partner_uncovered", "a partner that no meeting, report or review includes"),
    GAP("feedback_missing", "no report flows from a participant to the lead or a backbone partner"),
    GAP("learning_missing", "no recurring learning review"),
    GAP("backbone_missing", "no partner performs any backbone function"),
    GAP("backbone_function_unassigned", "backbone functions performed by nobody"),
    GAP("milestone_unowned", "a milestone with no owner"),
    GAP("milestone_undated", "a milestone with no due date"),
    GAP("governance_missing", "no decision rule"),
    GAP("exit_terms_missing", "no amendment or no withdrawal terms"),
    GAP("data_sharing_missing", "personal data without data-sharing terms"),

    /* ---- conflicts ------------------------------------------------ */
    CONFLICT_E("dependency_cycle", "milestones that come after each other in a cycle"),
    CONFLICT_E("schedule_inversion", "a milestone due before one it comes after, or a period that ends before it starts"),
    CONFLICT("outside_term", "a date outside the agreement's term"),
    CONFLICT("target_direction", "a target on the wrong side of the baseline"),
    CONFLICT("target_not_monotonic", "benchmarks that go back and forth against the direction"),
    CONFLICT("requirement_exceeds_plan", "a milestone requires more than the planned trajectory reaches"),
    CONFLICT("contradictory_requirements", "requirements on one indicator that no value can meet together"),
    CONFLICT("reporting_too_infrequent", "milestones closer together than the indicator is reported"),
    CONFLICT("overcommitted_partner", "a partner provides more than it commits"),
    CONFLICT("resource_gap", "budgets exceed what all partners commit"),
    CONFLICT("redundant_activity", "two uncoordinated activities with different leads doing the same thing"),
    CONFLICT("unacknowledged_tension", "opposite interests that no tension covers"),
    CONFLICT("tension_unresolved", "a tension with no resolution"),
    CONFLICT("backbone_overlap", "one backbone function performed by two partners at the same level"),
    CONFLICT("backbone_not_separate", "a backbone partner also leads activities"),
    CONFLICT("hierarchy_concentration", "one partner leads or owns most of the work, or decides alone"),
    CONFLICT("percent_summed", "percentages from several reporters added up"),
    CONFLICT("formula_frequency_mismatch", "a derived indicator's inputs reported at different frequencies"),
    CONFLICT("nested_mismatch", "an indicator and its parent indicator differ in unit or direction"),
    CONFLICT("phase_order", "a later process phase due before an earlier one"),
};

const int check_count = (int)(sizeof check_table / sizeof check_table[0]);

const CheckInfo *check_find(const char *name)
{
    for (int i = 0; i < check_count; i++)
        if (strcmp(check_table[i].name, name) == 0)
            return &check_table[i];
    return NULL;
}

void check_reference(const CheckInfo *c, Buf *out)
{
    static const char *family[] = {"language error", "gap", "conflict"};
    buf_printf(out, "%s (%s, %s by default)\n\n", c->name, family[c->family],
               c->sev == SEV_ERROR ? "error" : "warning");
    buf_printf(out, "What it finds: %s.\n", c->summary);
    if (c->why)
        buf_printf(out, "\nWhy it matters: %s\n", c->why);
    if (c->fix)
        buf_printf(out, "\nHow to fix it: %s\n", c->fix);
    if (c->family != CF_LANGUAGE)
        buf_printf(out, "\nTo keep it deliberately: `allow %s \"reason\"` in the declaration "
                        "it is about, or at the top of the file.\n", c->name);
    if (c->example)
        buf_printf(out, "\nExample:\n\n%s\n", c->example);
}
