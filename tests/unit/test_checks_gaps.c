/* test_checks_gaps.c - the gap checks (compiler/checks/gaps.c) through
 * compile_text() and checks_run(): subjects, evidence in the messages,
 * thresholds, `allow`, and that the front end and the checks take time
 * linear in the size of the model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "checks.h"
#include "compile.h"
#include "diag.h"
#include "growth.h"

/* A small agreement that gives no finding at all; the tests change one
 * thing in it.  %s slots: extra agreement statements, extra declarations. */
static const char CLEAN[] =
    "agreement river \"River\" {\n"
    "  version \"1\"\n"
    "  term 2025-01-01 to 2027-12-31\n"
    "  lead office\n"
    "  scope \"The river.\"\n"
    "  amendment \"By consent of all.\"\n"
    "  withdrawal 30 days notice\n"
    "  binding no\n"
    "%s"
    "}\n"
    "agenda {\n"
    "  vision \"A clean river.\"\n"
    "  problem \"Runoff.\"\n"
    "}\n"
    "partner office \"Basin Office\" {\n"
    "  sector government\n"
    "  signatory \"Director\"\n"
    "  backbone vision_strategy, aligned_activities, shared_measurement, public_will, policy, funding\n"
    "  incentive m \"Mandate\" { interest quality wants more }\n"
    "}\n"
    "partner farmers \"Farmers\" {\n"
    "  sector private\n"
    "  signatory \"Chair\"\n"
    "  commits 100 hours\n"
    "  incentive y \"Yields\" { interest income wants more }\n"
    "}\n"
    "goal clean \"Clean\" {\n"
    "  measured_by sites\n"
    "}\n"
    "indicator sites \"Sites\" {\n"
    "  unit count\n"
    "  direction up\n"
    "  baseline 1 on 2025-01-01\n"
    "  target 5 by 2027-12-31\n"
    "  frequency quarterly\n"
    "  reported_by farmers\n"
    "  source \"Samples\"\n"
    "}\n"
    "activity strips \"Strips\" {\n"
    "  lead farmers\n"
    "  supports clean\n"
    "  period 2025-01-01 to 2025-12-31\n"
    "  budget 50 hours\n"
    "}\n"
    "milestone planted \"Planted\" {\n"
    "  due 2025-10-31\n"
    "  owner office\n"
    "}\n"
    "communication {\n"
    "  meeting council \"Council\" every month with all\n"
    "  report results \"Results\" every quarter by farmers to office\n"
    "  review learning \"Learning\" every 6 months with all\n"
    "}\n"
    "governance {\n"
    "  decisions consensus\n"
    "}\n"
    "clause ends \"Termination\" { covers termination; text \"By notice.\" }\n"
    "clause disputes \"Disputes\" { covers dispute_resolution; text \"Mediation.\" }\n"
    "%s";

static Compilation *run_text(const char *text, const CheckOptions *opts)
{
    Compilation *c = compile_new();
    assert_int_equal(compile_text(c, "t.charter", text, strlen(text)), 0);
    if (compile_errors(c) > 0) {
        diag_print(&c->diag, stderr, FMT_TEXT, false);
        fail_msg("the test input has language errors");
    }
    CheckOptions o;
    checks_default_options(&o);
    checks_run(c, c->model, opts ? opts : &o);
    diag_sort(&c->diag);
    return c;
}

static Compilation *run(const char *in_agreement, const char *decls, const CheckOptions *opts)
{
    static char text[16384];
    snprintf(text, sizeof text, CLEAN, in_agreement, decls);
    return run_text(text, opts);
}

/* "check subject" of every finding, in order, joined by "; ". */
static const char *findings(Compilation *c)
{
    static char out[4096];
    out[0] = '\0';
    for (int i = 0; i < c->diag.items.n; i++) {
        const Diagnostic *g = c->diag.items.v[i];
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%s %s", n ? "; " : "", g->check, g->subject);
    }
    return out;
}

static const Diagnostic *find(Compilation *c, const char *check)
{
    for (int i = 0; i < c->diag.items.n; i++)
        if (strcmp(c->diag.items.v[i]->check, check) == 0)
            return c->diag.items.v[i];
    return NULL;
}

static void test_clean_agreement_has_no_finding(void **state)
{
    (void)state;
    Compilation *c = run("", "", NULL);
    assert_string_equal(findings(c), "");
    compile_free(c);
}

static void test_goal_unmeasured_subject_and_hint(void **state)
{
    (void)state;
    Compilation *c = run("", "goal safe \"Safe\" {}\n"
                             "activity walk \"Walk\" { lead farmers; supports safe; period 2025-01-01 to 2025-12-31 }\n", NULL);
    assert_string_equal(findings(c), "goal_unmeasured goal safe");
    const Diagnostic *g = find(c, "goal_unmeasured");
    assert_string_equal(g->message, "goal 'safe' has no indicator");
    assert_string_equal(g->hint, "add `measured_by INDICATOR`, or `allow goal_unmeasured \"reason\"`");
    assert_int_equal(g->sev, SEV_WARNING);
    assert_int_equal(c->diag.warnings, 1);
    compile_free(c);
}

static void test_indicator_incomplete_lists_missing(void **state)
{
    (void)state;
    Compilation *c = run("", "goal g2 \"G2\" { measured_by bare }\n"
                             "activity a2 \"A2\" { lead farmers; supports g2 }\n"
                             "indicator bare \"Bare\" {\n  unit count\n  reported_by farmers\n}\n",
                         NULL);
    const Diagnostic *g = find(c, "indicator_incomplete");
    assert_non_null(g);
    assert_string_equal(g->subject, "indicator bare");
    assert_string_equal(g->message,
                        "indicator 'bare' has no direction, baseline, target, frequency or source");
    compile_free(c);
}

static void test_derived_indicator_needs_no_reporting(void **state)
{
    (void)state;
    Compilation *c = run("", "goal g2 \"G2\" { measured_by share }\n"
                             "activity a2 \"A2\" { lead farmers; supports g2 }\n"
                             "indicator share \"Share\" {\n  unit percent\n  direction up\n"
                             "  formula 100 * ratio(sites, sites)\n  target 50% by 2027-01-01\n}\n",
                         NULL);
    assert_null(find(c, "indicator_incomplete"));
    assert_null(find(c, "indicator_orphan"));
    compile_free(c);
}

static void test_indicator_used_by_requirement_only(void **state)
{
    (void)state;
    /* An indicator read by a milestone's requirement is not an orphan. */
    Compilation *c = run("", "indicator nitrate \"Nitrate\" {\n  unit count\n  direction down\n"
                             "  baseline 40 on 2025-01-01\n  target 20 by 2027-12-31\n"
                             "  frequency quarterly\n  reported_by farmers\n  source \"Lab\"\n}\n"
                             "milestone low \"Low\" {\n  due 2027-12-31\n  owner office\n"
                             "  requires nitrate <= 30\n}\n",
                         NULL);
    assert_null(find(c, "indicator_orphan"));
    compile_free(c);
    c = run("", "indicator nitrate \"Nitrate\" {\n  unit count\n  direction down\n"
                "  baseline 40 on 2025-01-01\n  target 20 by 2027-12-31\n"
                "  frequency quarterly\n  reported_by farmers\n  source \"Lab\"\n}\n",
            NULL);
    assert_string_equal(findings(c), "indicator_orphan indicator nitrate");
    compile_free(c);
}

static void test_backbone_functions_named_in_order(void **state)
{
    (void)state;
    static char text[16384];
    snprintf(text, sizeof text, CLEAN, "", "");
    /* Keep two of the six functions. */
    char *b = strstr(text, "backbone vision_strategy");
    assert_non_null(b);
    const char *two = "backbone funding, vision_strategy";
    char *eol = strchr(b, '\n');
    memmove(b + strlen(two), eol, strlen(eol) + 1);
    memcpy(b, two, strlen(two));
    Compilation *c = run_text(text, NULL);
    assert_string_equal(findings(c), "backbone_function_unassigned agreement river");
    assert_string_equal(find(c, "backbone_function_unassigned")->message,
                        "no partner of agreement 'river' performs the backbone functions "
                        "aligned_activities, shared_measurement, public_will, policy");
    compile_free(c);
}

static void test_thresholds(void **state)
{
    (void)state;
    CheckOptions o;
    checks_default_options(&o);
    assert_int_equal(o.max_indicators, 15);
    assert_int_equal(o.min_sectors, 2);
    o.max_indicators = 0;
    o.min_sectors = 3;
    Compilation *c = run("", "", &o);
    assert_string_equal(findings(c), "sector_diversity agreement river; "
                                     "too_many_indicators agreement river");
    assert_string_equal(find(c, "sector_diversity")->message,
                        "the partners of agreement 'river' come from 2 sectors (government, "
                        "private); a cross-sector partnership needs at least 3");
    compile_free(c);
}

static void test_partner_idle_and_budget_from(void **state)
{
    (void)state;
    const char *fund = "partner fund \"Fund\" {\n  sector philanthropy\n  signatory \"Chair\"\n"
                       "  commits 1_000 USD\n  incentive i \"Impact\" { interest impact wants more }\n}\n";
    char decls[2048];
    snprintf(decls, sizeof decls, "%s", fund);
    Compilation *c = run("", decls, NULL);
    assert_string_equal(findings(c), "partner_idle partner fund");
    assert_non_null(strstr(find(c, "partner_idle")->message, "(commits 1000 USD)"));
    compile_free(c);
    /* Providing a budget is a role. */
    snprintf(decls, sizeof decls, "%sactivity grants \"Grants\" {\n  lead farmers\n  supports clean\n"
                                  "  budget 500 USD from fund\n}\n", fund);
    c = run("", decls, NULL);
    assert_null(find(c, "partner_idle"));
    compile_free(c);
}

static void test_allow_declaration_and_file(void **state)
{
    (void)state;
    Compilation *c = run("", "goal safe \"Safe\" {\n  allow goal_unmeasured \"Measured by the county\"\n}\n"
                             "goal open \"Open\" {}\n"
                             "activity walk \"Walk\" {\n"
                             "  lead farmers; supports safe, open; period 2025-01-01 to 2025-12-31\n}\n",
                         NULL);
    assert_string_equal(findings(c), "goal_unmeasured goal safe; goal_unmeasured goal open");
    const Diagnostic *g = c->diag.items.v[0];
    assert_true(g->allowed);
    assert_string_equal(g->allow_reason, "Measured by the county");
    assert_false(c->diag.items.v[1]->allowed);
    assert_int_equal(c->diag.warnings, 1);
    compile_free(c);
    c = run("", "allow goal_unmeasured \"Both measured by the county\"\n"
                "goal safe \"Safe\" {}\ngoal open \"Open\" {}\n"
                "activity walk \"Walk\" {\n"
                             "  lead farmers; supports safe, open; period 2025-01-01 to 2025-12-31\n}\n",
            NULL);
    assert_true(c->diag.items.v[0]->allowed && c->diag.items.v[1]->allowed);
    assert_int_equal(c->diag.warnings, 0);
    compile_free(c);
}

static void test_agreement_level_findings(void **state)
{
    (void)state;
    static char text[16384];
    snprintf(text, sizeof text, CLEAN, "", "");
    /* Drop the withdrawal notice and the decision rule. */
    char *w = strstr(text, "  withdrawal 30 days notice\n");
    memmove(w, w + strlen("  withdrawal 30 days notice\n"),
            strlen(w + strlen("  withdrawal 30 days notice\n")) + 1);
    char *d = strstr(text, "  decisions consensus\n");
    memmove(d, d + strlen("  decisions consensus\n"), strlen(d + strlen("  decisions consensus\n")) + 1);
    Compilation *c = run_text(text, NULL);
    /* Same place: in the order of checks.def. */
    assert_string_equal(findings(c), "governance_missing agreement river; "
                                     "exit_terms_missing agreement river");
    assert_string_equal(find(c, "exit_terms_missing")->message,
                        "agreement 'river' states no withdrawal notice");
    /* Both point at the agreement's id. */
    assert_int_equal(c->diag.items.v[0]->span.lo, c->model->agreement->d.id_span.lo);
    compile_free(c);
}

/* A model of n partners, each leading an activity towards a goal of its
 * own and owning a milestone. Each partner reports nothing, which the
 * checks find n times. */
static Compilation *large_model(Buf *b, int n)
{
    buf_init(b);
    char head[8192];
    snprintf(head, sizeof head, CLEAN, "", "");
    buf_puts(b, head);
    for (int i = 0; i < n; i++)
        buf_printf(b,
                   "partner p%d \"P\" {\n  sector community\n  signatory \"S\"\n"
                   "  incentive i \"I\" { interest x%d wants more }\n}\n"
                   "goal g%d \"G\" { measured_by sites }\n"
                   "activity a%d \"A\" { lead p%d; supports g%d }\n"
                   "milestone m%d \"M\" { due 2026-01-01; owner p%d }\n",
                   i, i, i, i, i, i, i, i);
    Compilation *c = run_text(buf_cstr(b), NULL);
    int not_reporting = 0;
    for (int i = 0; i < c->diag.items.n; i++)
        not_reporting += strcmp(c->diag.items.v[i]->check, "partner_not_reporting") == 0;
    assert_int_equal(not_reporting, n);
    return c;
}

/* growth_time() work: compiling a text. */
static void compile_once(void *text)
{
    Compilation *c = compile_new();
    assert_int_equal(compile_text(c, "t.charter", text, strlen(text)), 0);
    compile_free(c);
}

/* Every check of checks.def, with its name. */
static const struct {
    const char *name;
    void (*run)(CheckCtx *x);
} every_check[] = {
#define CHECK(id, name, family, severity, function, summary, why, fix, example) {name, function},
#include "checks.def"
};

/* The front end and each check, timed on its own, take time linear in the
 * size of the model: 8 times the partners, goals, activities and
 * milestones (500, then 4000) take about 8 times as long, where a check
 * that compared all pairs would take 64 times as long. */
static void test_large_model_is_linear(void **state)
{
    (void)state;
    Buf small_text, large_text;
    Compilation *small = large_model(&small_text, 500);
    Compilation *large = large_model(&large_text, 500 * GROWTH_FACTOR);
    double r;
    if (!growth_work_linear(compile_once, (void *)buf_cstr(&small_text),
                            (void *)buf_cstr(&large_text), &r))
        fail_msg("the front end: %d times the model took %.1f times as long", GROWTH_FACTOR, r);
    for (size_t i = 0; i < sizeof every_check / sizeof every_check[0]; i++)
        if (!growth_check_linear(small, large, every_check[i].run, &r))
            fail_msg("check %s: %d times the model took %.1f times as long", every_check[i].name,
                     GROWTH_FACTOR, r);
    compile_free(small);
    compile_free(large);
    buf_free(&small_text);
    buf_free(&large_text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_agreement_has_no_finding),
        cmocka_unit_test(test_goal_unmeasured_subject_and_hint),
        cmocka_unit_test(test_indicator_incomplete_lists_missing),
        cmocka_unit_test(test_derived_indicator_needs_no_reporting),
        cmocka_unit_test(test_indicator_used_by_requirement_only),
        cmocka_unit_test(test_backbone_functions_named_in_order),
        cmocka_unit_test(test_thresholds),
        cmocka_unit_test(test_partner_idle_and_budget_from),
        cmocka_unit_test(test_allow_declaration_and_file),
        cmocka_unit_test(test_agreement_level_findings),
        cmocka_unit_test(test_large_model_is_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
