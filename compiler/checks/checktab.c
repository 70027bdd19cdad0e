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
#define GAP(name, summary, why, fix, example) \
    {name, CF_GAP, SEV_WARNING, summary, why, fix, example}
#define CONFLICT(name, summary, why, fix, example) \
    {name, CF_CONFLICT, SEV_WARNING, summary, why, fix, example}
#define CONFLICT_E(name, summary, why, fix, example) \
    {name, CF_CONFLICT, SEV_ERROR, summary, why, fix, example}
    GAP("agenda_missing", "no agenda, or an agenda without a vision",
        "A common agenda is the first condition of collective impact: every partner must share "
        "one vision of the change they work for. Without it, each partner pulls toward its own "
        "picture of success and the activities drift apart.",
        "Add an `agenda { }` block with a `vision \"...\"` that every partner can sign.",
        "agreement clean_river \"Clean River\" {\n  lead basin_office\n}\n"
        "# and no agenda block anywhere: agenda_missing on clean_river"),
    GAP("problem_missing", "the agenda states no problem",
        "The common agenda includes a common understanding of the problem, not only of the goal. "
        "Partners who read the problem differently choose different remedies and then disagree "
        "about what counts as progress.",
        "Add `problem \"...\"` to the agenda: what is wrong, for whom, and why the partners' "
        "separate efforts have not solved it.",
        "agenda {\n  vision \"Every child walks to school safely.\"\n"
        "  # no problem: problem_missing\n}"),
    GAP("need_unaddressed", "a declared need that no activity addresses",
        "The agenda lists the spectrum of needs the partnership promised to meet. A need that no "
        "activity addresses is a promise without a plan; in aid work it is how some households "
        "get three water kiosks and others none.",
        "Add `addresses NEED` to the activity that meets the need, plan an activity for it, or "
        "drop the need from the agenda. If another programme outside the agreement covers it, "
        "allow the finding and say which.",
        "agenda {\n  need sanitation \"Camps lack latrines\"\n}\n"
        "activity kiosks \"Water kiosks\" {\n  addresses clean_water   # nothing addresses sanitation\n}"),
    GAP("lead_missing", "the agreement names no project lead",
        "The partnership process starts by naming a project lead and an initial scope. Someone "
        "must convene the partners, keep the agreement and answer for the next step.",
        "Add `lead PARTNER` to the agreement block.",
        "agreement safe_streets \"Safe Streets\" {\n  term 2025-01-01 to 2027-12-31\n"
        "  # no lead: lead_missing\n}"),
    GAP("scope_missing", "the agreement states no scope",
        "Naming an initial scope is part of the first step of the partnership process, beside "
        "the lead. Without it partners cannot tell what they commit to and what lies outside the "
        "agreement.",
        "Add `scope \"...\"` to the agreement block: the place, population and problem the "
        "project covers.",
        "agreement safe_streets \"Safe Streets\" {\n  lead city\n  # no scope: scope_missing\n}"),
    GAP("term_missing", "the agreement has no term",
        "A formal agreement is in force for a stated time. Without a term, due dates and targets "
        "have no frame and nobody knows when the commitments end.",
        "Add `term START to END` to the agreement block.",
        "agreement safe_streets \"Safe Streets\" {\n  lead city\n  # no term: term_missing\n}"),
    GAP("sector_diversity", "fewer than 2 sectors among the partners (threshold: --min-sectors)",
        "Collective impact brings government, business, nonprofits, funders and communities "
        "together because no one sector can solve the problem alone. A partnership of one "
        "sector is a coalition of like-minded organisations, not a cross-sector one.",
        "Bring in a partner from another sector and give every partner `sector SECTOR`. Change "
        "the threshold with `--min-sectors N`, or allow the finding for a deliberately "
        "single-sector first phase.",
        "partner city \"City\" { sector government }\n"
        "partner county \"County\" { sector government }\n# one sector: sector_diversity"),
    GAP("incentive_missing", "a partner states no incentive",
        "Open acknowledgement of differing incentives is one of the three guiding principles of "
        "the partnership model. A partner whose interest is unstated still has one; it surfaces "
        "later as a conflict nobody planned for.",
        "Add `incentive ID \"what the partner wants\" { interest NAME wants more|less }` to the "
        "partner.",
        "partner globaltel \"GlobalTel plc\" {\n  sector private\n  # no incentive: incentive_missing\n}"),
    GAP("signatory_missing", "a partner names no signatory",
        "The second convening ends in a formal agreement that each partner signs. A partner "
        "without a named signatory has no one who commits it.",
        "Add `signatory \"the person or office that signs\"` to the partner.",
        "partner ministry \"Ministry\" {\n  sector government\n  # no signatory: signatory_missing\n}"),
    GAP("partner_idle", "a partner with no role at all",
        "Partners join to pool their resources and act together. A partner that leads no "
        "activity, takes part in none, owns no milestone, reports no indicator, provides no "
        "budget and performs no backbone function has signed up without a part to play; its "
        "commitments cannot be used.",
        "Give the partner a role: `lead` or `partners` in an activity, `owner` of a milestone, "
        "`reported_by` of an indicator, `budget ... from` it, or `backbone` functions.",
        "partner diaspora_fund \"Diaspora Fund\" {\n  commits 100_000 USD\n"
        "  # named nowhere else: partner_idle\n}"),
    GAP("measurement_missing", "the agreement has no indicator",
        "Shared measurement is the second condition of collective impact: the partners agree on "
        "how progress is measured, so they stay aligned and can hold each other accountable. "
        "Without any indicator, nobody can tell whether the partnership works.",
        "Declare an `indicator` with a unit, direction, baseline, target, frequency, reporter and "
        "source, and name it in a goal's `measured_by`.",
        "goal access \"Connect first-time users\" { by 2024-02-29 }\n# no indicator anywhere: "
        "measurement_missing"),
    GAP("goal_unmeasured", "a goal with no indicator",
        "A goal that no indicator measures cannot be tracked: the partners will not know whether "
        "it is met, and the tracker cannot show its progress.",
        "Add `measured_by INDICATOR` to the goal.",
        "goal skilled_users \"New users can use the connection\" {\n  by 2024-02-29\n"
        "  # no measured_by: goal_unmeasured\n}"),
    GAP("indicator_orphan", "an indicator that no goal, milestone or formula uses",
        "Shared measurement works on a short list of indicators that all partners use. An "
        "indicator that no goal, milestone or formula reads costs reporting effort and measures "
        "nothing the partners agreed on.",
        "Name the indicator in a goal's `measured_by`, a milestone's `requires` or another "
        "indicator's `formula`, or remove it.",
        "indicator fruit_servings \"Fruit servings per pupil\" {\n  unit count\n"
        "  reported_by eastfield_schools\n}\n"
        "# named in no goal, requirement or formula: indicator_orphan"),
    GAP("indicator_incomplete",
        "an indicator missing unit, direction, baseline, target, frequency, reporter or source",
        "Measuring consistently across organisations needs every indicator fully defined: in what "
        "unit, which way is better, where it starts, where it should get to, how often it is "
        "reported, by whom and from which records. The message lists what is missing. A derived "
        "indicator (`formula`) takes its baseline, frequency, reporters and source from its "
        "inputs and needs only a unit, a direction and a target.",
        "Add the statements the message lists (`unit`, `direction`, `baseline ... on`, "
        "`target ... by`, `frequency`, `reported_by`, `source`).",
        "indicator crossings \"Schools with a signalled crossing\" {\n  unit count\n"
        "  direction up\n  baseline 3 on 2025-01-01\n  target 20 by 2027-06-30\n"
        "  frequency quarterly\n  reported_by parents\n  # no source: indicator_incomplete\n}"),
    GAP("partner_not_reporting", "a partner leads activities but reports no indicator",
        "Shared measurement means collecting data across all participating organisations. A "
        "partner that runs activities but reports nothing leaves its own work out of the "
        "picture, and the others cannot learn from its results.",
        "Add the partner to the `reported_by` of an indicator its activities move.",
        "activity healthy_menus \"Healthy menus\" {\n  lead restaurants\n}\n"
        "# restaurants is in no reported_by: partner_not_reporting"),
    GAP("too_many_indicators", "more than 15 indicators (threshold: --max-indicators)",
        "Shared measurement relies on a short list of indicators. Every indicator is a reporting "
        "duty for some partner; a long list dilutes attention and is the first thing partners "
        "stop reporting.",
        "Merge or drop indicators, keep the rest for internal use outside the agreement, or change "
        "the threshold with `--max-indicators N`.",
        "# 16 indicator declarations: too_many_indicators"),
    GAP("goal_unsupported", "a goal that no activity supports",
        "Mutually reinforcing activities are the third condition of collective impact: each "
        "partner does what it does best in support of the shared goals. A goal no activity "
        "supports is a wish, not a plan.",
        "Add `supports GOAL` to the activity that works toward the goal, or plan one.",
        "goal safe_routes \"Safe routes to school\" {\n  measured_by routes\n}\n"
        "# no activity says `supports safe_routes`: goal_unsupported"),
    GAP("activity_unlinked", "an activity that supports no goal",
        "Activities reinforce each other only when they serve the shared goals. An activity that "
        "supports none may be worthwhile, but it is not part of the common plan and its "
        "resources are not counted toward it.",
        "Add `supports GOAL` to the activity, or move it out of the agreement.",
        "activity bake_sale \"Bake sale\" {\n  lead parents\n  # no supports: activity_unlinked\n}"),
    GAP("communication_missing", "no recurring meeting",
        "Continuous communication is the fourth condition of collective impact: partners need "
        "years of regular meetings to build trust, a common vocabulary and the confidence that "
        "decisions rest on evidence rather than on one organisation's priorities.",
        "Add `meeting ID \"...\" every month with all` to the `communication { }` block.",
        "communication {\n  report counts \"Counts\" every quarter by parents to city\n"
        "  # no meeting: communication_missing\n}"),
    GAP("partner_uncovered", "a partner that no meeting, report or review includes",
        "Regular and open communication keeps trust, keeps the shared goals in view and keeps "
        "every partner motivated. A partner that no meeting, report or review includes hears "
        "of decisions after they are made. (An agreement with no communication at all gets one "
        "`communication_missing` finding instead of one per partner.)",
        "Add the partner to a meeting's or review's `with`, or to a report's `by` or `to`; or "
        "write `with all`.",
        "communication {\n  meeting steering \"Steering\" every month with city, parents\n}\n"
        "# cyclists is in no meeting, report or review: partner_uncovered"),
    GAP("feedback_missing",
        "no report goes from a participant to the lead or a backbone partner",
        "In Shape Up Somerville the top-down approach of the university and the city was matched "
        "by a bottom-up one: the schools, clinicians and restaurants that implemented the "
        "programme fed back to the leaders what worked. Without a report from the partners who "
        "do the work to the lead or the backbone, the agreement only flows downward.",
        "Add `report ID \"...\" every quarter by PARTNER, ... to LEAD` where the partners are "
        "neither the lead nor backbone partners.",
        "communication {\n  report results \"Results\" every year by university to all\n"
        "  # nothing goes from schools or clinic to university: feedback_missing\n}"),
    GAP("learning_missing", "no recurring learning review",
        "Collective impact is a continuous learning approach: partners look at failures as "
        "readily as at successes, and reassess their approach at each benchmark. That needs a "
        "standing occasion to do it.",
        "Add `review ID \"What failed, what worked\" every 6 months with all` to the "
        "communication block.",
        "communication {\n  meeting steering \"Steering\" every month with all\n"
        "  # no review: learning_missing\n}"),
    GAP("backbone_missing", "no partner performs any backbone function",
        "The fifth condition of collective impact is a backbone organisation: dedicated staff who "
        "plan, manage and support the initiative, facilitate, collect data and handle logistics. "
        "Without one, coordination falls to whoever has time, which is nobody.",
        "Add `backbone FUNCTION, ...` (and a `coordinator`) to the partner that will coordinate "
        "the partnership.",
        "# no partner has a `backbone` statement: backbone_missing"),
    GAP("backbone_function_unassigned",
        "backbone functions performed by nobody, across the nested levels",
        "The backbone has six functions: vision and strategy, aligned activities, shared "
        "measurement, public will, policy and funding. When efforts are nested (local, state, "
        "national), the partners at each level decide which functions suit which level. A "
        "function nobody performs at any level is a job nobody does. One finding names every "
        "function left over.",
        "Add each function the message names to the `backbone` of the partner best suited to it, "
        "at this level or in the agreement this one is `nested_in`.",
        "partner city \"City\" {\n  backbone vision_strategy, aligned_activities, "
        "shared_measurement, funding\n}\n# public_will and policy unassigned: "
        "backbone_function_unassigned"),
    GAP("milestone_unowned", "a milestone with no owner",
        "Reducing hierarchy must not mean losing accountability: every next step needs someone "
        "answerable for it. A milestone without an owner is one that everyone assumes someone "
        "else is watching.",
        "Add `owner PARTNER` to the milestone.",
        "milestone routes_mapped \"Routes mapped\" {\n  due 2025-06-30\n"
        "  # no owner: milestone_unowned\n}"),
    GAP("milestone_undated", "a milestone with no due date",
        "Accountability tied to next steps needs a date to be held to. An undated milestone can "
        "never be late, so it never prompts anyone to act; the tracker cannot show it as due.",
        "Add `due DATE` to the milestone.",
        "milestone pilot_connected \"Pilot connected\" {\n  owner globaltel\n"
        "  # no due date: milestone_undated\n}"),
    GAP("governance_missing", "no decision rule",
        "Partners need to see that decisions are made on objective evidence and the best "
        "solution, not to favour one organisation's priorities. Writing down how decisions are "
        "taken is the first protection of that.",
        "Add `decisions consensus` (or `majority`) to a `governance { }` block.",
        "governance {\n  escalation \"An independent mediator\"\n"
        "  # no decisions: governance_missing\n}"),
    GAP("exit_terms_missing", "no amendment or no withdrawal terms",
        "A formal agreement says how it can be changed and how a partner can leave. Partnerships "
        "change as participants shift; without these terms every change becomes a negotiation "
        "and every departure a breach.",
        "Add `amendment \"how the agreement is changed\"` and `withdrawal 90 days notice` to the "
        "agreement block.",
        "agreement x \"X\" {\n  amendment \"By consensus\"\n"
        "  # no withdrawal: exit_terms_missing\n}"),
    GAP("data_sharing_missing", "an indicator involves personal data without data-sharing terms",
        "Shared measurement passes data between organisations. When an indicator involves "
        "personal data, the partners need agreed terms for who sees what, under which law, "
        "before the first report is sent.",
        "Add `data_sharing \"...\"` to the governance block, or mark the indicator "
        "`personal_data no` if its reports hold no personal data.",
        "indicator tariff_households \"Households on the social tariff\" {\n"
        "  personal_data yes\n}\n# governance has no data_sharing: data_sharing_missing"),

    /* ---- conflicts ------------------------------------------------ */
    CONFLICT_E("dependency_cycle", "milestones that come after each other in a cycle",
        "A milestone that must come after itself, through a chain of `after`, can never be "
        "reached: the schedule has no first step. The message lists the cycle.",
        "Remove one `after` of the cycle; usually one of them states the order backwards.",
        "milestone a \"A\" { after b }\nmilestone b \"B\" { after a }"),
    CONFLICT_E("schedule_inversion",
        "a milestone due before one it comes after, or a period that ends before it starts",
        "A milestone due before a milestone it depends on cannot be met on time, and an activity "
        "that ends before it starts cannot happen. Either the dates or the dependency is wrong.",
        "Move the due date after the earlier milestone's, drop the `after`, or correct the "
        "activity's `period`.",
        "milestone routes_mapped \"Mapped\" { due 2025-06-30 }\n"
        "milestone routes_built \"Built\" {\n  due 2025-05-31\n  after routes_mapped\n}"),
    CONFLICT("outside_term", "a date outside the agreement's term",
        "Commitments fall due while the agreement is in force. A due date, target date, goal "
        "date or activity period outside the term binds nobody: the partners' signatures do not "
        "reach it.",
        "Move the date inside the `term`, or extend the term.",
        "agreement x \"X\" { term 2021-01-01 to 2023-12-31 }\n"
        "goal g \"G\" { by 2025-06-30 }"),
    CONFLICT("target_direction", "a target on the wrong side of the baseline",
        "Benchmarks turn a broad goal into steps. A target below the baseline of an indicator "
        "that should go up (or above it, for one that should go down) plans a step backwards.",
        "Correct the target, the baseline or the `direction`.",
        "indicator cases \"Cases\" {\n  direction up\n  baseline 1_200 on 2011-01-01\n"
        "  target 300 by 2012-06-30\n}"),
    CONFLICT("target_not_monotonic", "benchmarks that go back and forth against the direction",
        "Successive benchmarks should move steadily in the indicator's direction. A benchmark "
        "that falls back after an earlier one plans a loss the partners would not accept as "
        "progress.",
        "Order the targets so that each one is at least as good as the one before it.",
        "indicator enrolled \"Enrolled\" {\n  direction up\n  target 500 by 2018-06-30\n"
        "  target 400 by 2019-06-30\n}"),
    CONFLICT("requirement_exceeds_plan",
        "a milestone requires more than the planned trajectory reaches",
        "The planned trajectory of an indicator runs in straight lines from its baseline "
        "through each target. A milestone that requires more by its due date (less, for an "
        "indicator that goes down) than the plan reaches will fail even if every benchmark is "
        "met. The message shows the planned value and the two points it lies between.",
        "Lower the requirement, move the milestone later, or raise the benchmark before it.",
        "indicator users \"Users\" {\n  baseline 0 on 2021-01-01\n  target 1_000 by 2022-01-01\n}\n"
        "milestone m \"M\" {\n  due 2021-07-01\n  requires users >= 900   # the plan reaches ~500\n}"),
    CONFLICT("contradictory_requirements",
        "requirements on one indicator that no value can meet together",
        "Requirements on one indicator that must hold at the same time (in one milestone, or "
        "in milestones due on the same day) but leave no value, like `x >= 10` and `x < 5`, "
        "can never be met, whatever the partners achieve.",
        "Correct the bounds so that some value satisfies them all.",
        "milestone m \"M\" {\n  requires users >= 10 and users < 5\n}"),
    CONFLICT("reporting_too_infrequent",
        "milestones closer together than the indicator is reported",
        "Accountability rests on data. When milestones that require an indicator fall closer "
        "together than the indicator is reported, some of them are judged on stale figures.",
        "Report the indicator more often, or space the milestones further apart.",
        "indicator users \"Users\" { frequency yearly }\n"
        "milestone a \"A\" { due 2022-01-31; requires users >= 10 }\n"
        "milestone b \"B\" { due 2022-04-30; requires users >= 20 }"),
    CONFLICT("overcommitted_partner", "a partner provides more than it commits",
        "Partners pool resources they have committed. When the budgets a partner provides to "
        "activities add up, in some unit, to more than it commits in that unit, the plan spends "
        "money or hours the partner never promised. The message gives both sums.",
        "Raise the partner's `commits`, lower the budgets, or let another partner provide some "
        "with `budget ... from PARTNER`.",
        "partner city \"City\" { commits 100_000 USD }\n"
        "activity a \"A\" { budget 150_000 USD from city }"),
    CONFLICT("resource_gap", "budgets exceed what all partners commit",
        "The spectrum of needs must be met with the resources available. When the activities' "
        "budgets in some unit add up to more than all partners commit in that unit, part of the "
        "plan is unfunded. The message gives the sums per unit.",
        "Find further commitments, or cut the budgets to what is committed.",
        "partner a \"A\" { commits 600_000 USD }\n"
        "activity big \"Big\" { lead a; budget 850_000 USD }"),
    CONFLICT("redundant_activity",
        "two uncoordinated activities with different leads doing the same thing",
        "A common criticism of aid work is that nothing manages redundant activities, so money "
        "goes twice to one need while others go without. Two activities with different leads "
        "that support the same goal, address the same need and overlap in time duplicate each "
        "other unless they are coordinated.",
        "Declare the coordination with `coordinates_with`, merge the activities, or give them "
        "different needs or periods.",
        "activity kiosks \"Kiosks\" { lead aqua_ngo; supports water; addresses clean_water }\n"
        "activity tablets \"Tablets\" { lead dinepa; supports water; addresses clean_water }"),
    CONFLICT("unacknowledged_tension", "opposite interests that no tension covers",
        "Open acknowledgement of differing incentives is a guiding principle: when one partner "
        "wants more of something another wants less of, the agreement should say so and say "
        "how they will live with it. The message names both partners and what each wants.",
        "Add `tension INTEREST between PARTNER, PARTNER { resolution \"...\" }`.",
        "partner city \"City\" {\n  incentive traffic \"Traffic\" { interest car_lanes wants more }\n}\n"
        "partner cyclists \"Cyclists\" {\n  incentive safety \"Safety\" { interest car_lanes wants less }\n}"),
    CONFLICT("tension_unresolved", "a tension with no resolution",
        "Partners should resolve tensions as they go. A tension acknowledged but left without a "
        "resolution is a dispute postponed.",
        "Add `resolution \"...\"` to the tension's block.",
        "tension subscriber_price between globaltel, access_for_all"),
    CONFLICT("backbone_overlap", "one backbone function performed by two partners at the same level",
        "Aligning multiple partners means determining who does what. Two partners at the same "
        "level performing the same backbone function duplicate work and blur who answers for it.",
        "Keep the function with one partner per level, or move one partner's part to another "
        "level.",
        "partner a \"A\" { level local; backbone funding }\n"
        "partner b \"B\" { level local; backbone funding }"),
    CONFLICT("backbone_not_separate", "a backbone partner also leads activities",
        "The backbone needs dedicated staff separate from the participating organisations, so "
        "that it can coordinate without favouring its own programmes. A backbone partner that "
        "also leads activities is judge and party.",
        "Hand the activity's lead to another partner, or the backbone functions to a separate "
        "partner.",
        "partner city \"City\" { backbone aligned_activities }\n"
        "activity park_days \"Park days\" { lead city }"),
    CONFLICT("hierarchy_concentration",
        "one partner leads or owns most of the work, or decides alone (threshold: --max-share)",
        "Collective impact strategies reduce hierarchy and centralised strategy. When one partner "
        "leads or owns more than half (`--max-share`) of all activities and milestones (counted "
        "once there are at least 4), or the decision rule names one partner, the partnership "
        "becomes one organisation's programme with helpers.",
        "Share the leads and ownership among the partners, or decide by `consensus` or "
        "`majority`. Change the threshold with `--max-share PERCENT`.",
        "partner university \"University\" { sector academic }\n"
        "governance {\n  decisions university\n}"),
    CONFLICT("percent_summed", "percentages from several reporters added up",
        "Percentages cannot be added: two reporters' 40% do not make 80%. An indicator in percent "
        "with several reporters combined by `sum` (the default) computes a meaningless value.",
        "Add `combine mean` (or min, max, latest), or report one value from one reporter.",
        "indicator overweight_share \"Overweight pupils\" {\n  unit percent\n"
        "  reported_by eastfield_schools, clinic\n}"),
    CONFLICT("formula_frequency_mismatch",
        "a derived indicator's inputs reported at different frequencies",
        "A calculated measure combines values from one period. When its inputs are reported at "
        "different frequencies, the formula mixes a fresh value with a stale one.",
        "Report the inputs at the same frequency.",
        "indicator a \"A\" { frequency monthly }\nindicator b \"B\" { frequency yearly }\n"
        "indicator r \"R\" { formula ratio(a, b) }"),
    CONFLICT("nested_mismatch",
        "an indicator and its parent indicator differ in unit or direction",
        "In a nested effort, local indicators feed the parent's. An indicator that "
        "`contributes_to` a parent indicator in another unit, or with the other direction, "
        "cannot be added into it.",
        "Use the parent indicator's unit and direction, or feed another parent indicator.",
        "indicator east_enrolled \"Enrolled\" {\n  unit people\n"
        "  contributes_to state.families_enrolled   # in households\n}"),
    CONFLICT("phase_order", "a later process phase due before an earlier one",
        "The partnership process runs in six steps: scoping, recruitment, a pause, the signing "
        "convening, execution and scaling. A milestone of a later step due before one of an "
        "earlier step reverses the process, e.g. executing before the agreement is signed.",
        "Correct the due dates or the `phase` of the milestones.",
        "milestone signed \"Signed\" { phase signing; due 2003-03-01 }\n"
        "milestone pilot \"Pilot\" { phase execution; due 2003-01-15 }"),
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

/* ---- the reference as Markdown ------------------------------------- */

static const char *const family_title[] = {"Language errors", "Gaps", "Conflicts"};

static const char *const family_intro[] = {
    "A language error means the file cannot be read as an agreement. Language errors are always "
    "errors and cannot be allowed; no gap or conflict check runs on a file that has one.",
    "A gap: something the agreement needs is missing. Gaps are warnings by default; `--strict` "
    "makes them errors.",
    "A conflict: two parts of the agreement disagree. Conflicts are warnings by default, except "
    "the two that make the schedule impossible; `--strict` makes every warning an error.",
};

static const char *severity_word(const CheckInfo *c)
{
    return c->sev == SEV_ERROR ? "error" : "warning";
}

static void markdown_entry(const CheckInfo *c, Buf *out)
{
    buf_printf(out, "### `%s`\n\n", c->name);
    buf_printf(out, "*%s, %s%s*\n\n",
               c->family == CF_LANGUAGE ? "language error" : c->family == CF_GAP ? "gap" : "conflict",
               c->family == CF_LANGUAGE ? "always an " : "", severity_word(c));
    buf_printf(out, "**What it finds:** %s.\n\n", c->summary);
    if (c->why)
        buf_printf(out, "**Why it matters:** %s\n\n", c->why);
    if (c->fix)
        buf_printf(out, "**How to fix it:** %s\n\n", c->fix);
    if (c->family != CF_LANGUAGE)
        buf_printf(out, "**To keep it deliberately:** write `allow %s \"reason\"` in the "
                        "declaration it is about, or at the top of the file. The finding is then "
                        "listed, with its reason, in the annex of the agreement document and in "
                        "the JSON output (`\"allowed\": true`), and no longer printed as a "
                        "warning.\n\n", c->name);
    if (c->example)
        buf_printf(out, "**Example:**\n\n```charter\n%s\n```\n\n", c->example);
}

void check_reference_markdown(Buf *out)
{
    buf_puts(out,
             "<!-- Generated by `charterc explain --markdown` from compiler/checks/checktab.c.\n"
             "     Do not edit: change the table and run `make docs`. -->\n"
             "# Charter checks\n\n"
             "`charterc check` runs every check below over an agreement and prints one finding "
             "per subject: per partner, goal, indicator, milestone, pair of activities, "
             "interest or cycle, or the agreement as a whole. Each finding names its check "
             "(the name `allow` and `charterc explain NAME` use), its severity, where it is and "
             "the declarations involved, and ends with a note on how to fix it.\n\n"
             "Thresholds can be changed on the command line: `--min-sectors` "
             "(sector_diversity, default 2), `--max-indicators` (too_many_indicators, default "
             "15) and `--max-share` (hierarchy_concentration, default 50%).\n\n");
    for (int f = CF_LANGUAGE; f <= CF_CONFLICT; f++) {
        buf_printf(out, "- [%s](#%s)\n", family_title[f],
                   f == CF_LANGUAGE ? "language-errors" : f == CF_GAP ? "gaps" : "conflicts");
    }
    buf_puts(out, "\n");
    for (int f = CF_LANGUAGE; f <= CF_CONFLICT; f++) {
        buf_printf(out, "## %s\n\n%s\n\n| check | severity | what it finds |\n|---|---|---|\n",
                   family_title[f], family_intro[f]);
        for (int i = 0; i < check_count; i++)
            if (check_table[i].family == (CheckFamily)f)
                buf_printf(out, "| [`%s`](#%s) | %s | %s |\n", check_table[i].name,
                           check_table[i].name, severity_word(&check_table[i]),
                           check_table[i].summary);
        buf_puts(out, "\n");
        for (int i = 0; i < check_count; i++)
            if (check_table[i].family == (CheckFamily)f)
                markdown_entry(&check_table[i], out);
    }
}
