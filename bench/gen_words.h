/* bench/gen_words.h — the vocabulary of bench/gen.c: sectors, name patterns,
 * places, indicator templates and the prose the generated agreement is
 * written with. Included once, by gen.c only; changing a table changes every
 * generated file (the output stays deterministic). */
#ifndef GEN_WORDS_H
#define GEN_WORDS_H

enum { GOV, PRIV, NONPROF, PHIL, ACAD, COMM, MULTI, SOCENT, NSECTOR };
static const char *const sector_id[NSECTOR] = { "government", "private", "nonprofit", "philanthropy",
                                                "academic", "community", "multilateral", "social_enterprise" };
static const int sector_weight[NSECTOR] = { 20, 22, 20, 6, 10, 16, 2, 4 };
static const char *const level_id[] = { "local", "regional", "national", "global" };
static const char *const backbone_fn[6] = { "vision_strategy", "aligned_activities", "shared_measurement",
                                            "public_will", "policy", "funding" };
enum { CUR_USD, CUR_EUR, CUR_HOURS, NBUDUNIT };
static const char *const budget_unit[NBUDUNIT] = { "USD", "EUR", "hours" };

typedef struct { int sector; const char *fmt, *slug; int eur; } NamePat;
static const NamePat name_pats[] = {
    { GOV, "%s County Council", "council", 0 },
    { GOV, "Ministry of Digital Economy, %s Office", "ministry_office", 0 },
    { GOV, "%s Municipal Schools Authority", "schools_authority", 0 },
    { GOV, "%s Regional Health Directorate", "health_directorate", 0 },
    { PRIV, "%s Telecom Ltd", "telecom", 0 },
    { PRIV, "%s Networks plc", "networks", 0 },
    { PRIV, "%s Énergie S.A.", "energie", 1 },
    { PRIV, "%s Gerätebau GmbH", "geraetebau", 1 },
    { PRIV, "%s Devices Inc.", "devices", 0 },
    { NONPROF, "%s Digital Access Network", "access_network", 0 },
    { NONPROF, "%s Community Learning Trust", "learning_trust", 0 },
    { NONPROF, "Friends of the %s Libraries", "library_friends", 0 },
    { PHIL, "%s Foundation", "foundation", 0 },
    { PHIL, "Fundação %s para a Inclusão Digital", "fundacao", 1 },
    { ACAD, "University of %s", "university", 0 },
    { ACAD, "%s Institute of Technology", "institute", 0 },
    { COMM, "%s Residents' Association", "residents", 0 },
    { COMM, "%s Farmers' Cooperative", "farmers_coop", 0 },
    { COMM, "%s Youth Council", "youth_council", 0 },
    { MULTI, "%s Regional Development Bank", "development_bank", 0 },
    { SOCENT, "%s Repair Café Cooperative", "repair_cafe", 0 },
};
static const char *const prefixes[] = {
    "Northwind", "Riverside", "Lakeshore", "Highland", "Eastbrook", "Westgate", "Summit", "Harbour",
    "Meridian", "Cedar", "Beacon", "Crescent", "Granite", "Silverline", "Evergreen", "Horizon",
    "Keystone", "Bridgewater", "Oakfield", "Sunrise", "Bluewater", "Pioneer", "Unity", "Frontier",
    "Redcliff", "Stonebridge", "Greenhollow", "Marlow", "Pinecrest", "Ashford",
};
static const char *const places[] = {
    "the Northern Valley", "Eastbrook", "the Coastal District", "Highland County", "Riverside",
    "the Southern Plains", "Lakeshore", "Old Town", "Westgate", "the Delta Villages", "Pine Ridge",
    "Stonebridge", "the Islands", "Redcliff", "Greenhollow", "Marlow Heights", "São Vicente",
    "Île-Verte", "Küstenland", "the Eastern Corridor", "the Upper Basin", "Ashford Downs",
};
static const char *const signatories[NSECTOR][3] = {
    { "Permanent Secretary", "County Executive", "Director of Digital Services" },
    { "Chief Executive Officer", "Managing Director", "Head of Public Affairs" },
    { "Executive Director", "Chair of the Board", "Director, \"Connected Communities\" programme" },
    { "President", "Programme Director", "Chair of the Trustees" },
    { "Vice-Chancellor", "Rector", "Dean of Engineering" },
    { "Chair", "Secretary", "Elected Coordinator" },
    { "Regional Director", "Head of Mission", "Director, Digital Development Division" },
    { "Managing Member", "Cooperative Secretary", "Director" },
};
static const char *const coordinators[] = {
    "Programme officer, half-time", "Partnership coordinator, two full-time staff",
    "Community liaison officer, three days a week", "Data manager, full-time",
    "Project manager seconded for the term of the agreement",
};
static const char *const motive_id[NSECTOR] = { "policy_goal", "growth", "mission", "impact",
                                                "research", "voice", "mandate", "livelihood" };
static const char *const motive_fmt[NSECTOR] = {
    "Meet the national broadband plan in %s on schedule",
    "Open new subscriber markets in %s",
    "Keep services affordable for low-income families in %s",
    "Show measurable results for its grants in %s",
    "Publish research on the partnership's shared data from %s",
    "Give the residents of %s a say in where the network goes",
    "Advance the universal connectivity targets of its members in %s",
    "Create repair jobs and keep devices in use in %s",
};
static const char *const interests[] = {
    "coverage", "subscriber_price", "public_visibility", "data_ownership", "local_hiring",
    "spectrum_fees", "tax_relief", "research_access", "community_control", "service_quality",
    "vendor_choice", "public_subsidy", "open_data", "user_privacy", "rollout_speed", "rural_focus",
};

/* Indicator templates. span: the last target is baseline + span (up) or
 * baseline * factor (down). dec: decimals in values. */
enum { V_CUM, V_PER };
enum { C_SUM, C_MEAN };
typedef struct {
    const char *slug, *title, *shortl, *unit; int up, values, combine, dec;
    double blo, bhi, slo, shi; const char *source; int personal;
} IndTpl;
static const IndTpl ind_tpls[] = {
    { "households_connected", "Households with a fixed or mobile broadband subscription", "households connected",
      "households", 1, V_CUM, C_SUM, 0, 0, 20000, 5000, 200000,
      "Operator subscriber registries, reconciled with the regulator's quarterly returns", 1 },
    { "first_time_users", "First-time internet users", "first-time users", "people", 1, V_CUM, C_SUM, 0,
      0, 5000, 10000, 500000, "Operator activation records for SIMs and lines never used before", 1 },
    { "people_trained", "People who completed digital-skills training", "people trained", "people", 1, V_CUM,
      C_SUM, 0, 0, 2000, 2000, 60000, "Attendance and completion records kept by each training centre", 1 },
    { "schools_connected", "Schools with a working broadband connection", "schools connected", "schools", 1,
      V_CUM, C_SUM, 0, 5, 200, 20, 600, "School census of the education authority, connectivity section", 0 },
    { "students_online", "Students with a device and a connection at home", "students online", "students", 1,
      V_CUM, C_SUM, 0, 100, 5000, 2000, 50000, "Household survey run by the university every year", 1 },
    { "orgs_on_platform", "Organisations using the shared data platform", "organisations on the platform",
      "organisations", 1, V_CUM, C_SUM, 0, 0, 20, 20, 400, "Platform usage logs, aggregated by organisation", 0 },
    { "fibre_laid", "Kilometres of fibre laid", "kilometres of fibre", "km", 1, V_CUM, C_SUM, 1, 0, 100, 50,
      3000, "As-built network plans filed with the roads authority", 0 },
    { "volunteer_hours", "Volunteer hours contributed to training", "volunteer hours", "hours", 1, V_CUM, C_SUM,
      0, 0, 1000, 2000, 80000, "Volunteer time sheets, signed by centre managers", 0 },
    { "subscription_share", "Share of households with a home subscription", "subscription share", "percent", 1,
      V_PER, C_MEAN, 1, 15, 45, 10, 40, "Annual household survey, weighted to the census", 0 },
    { "basic_plan_price", "Average monthly price of a basic data plan", "basic plan price", "USD", 0, V_PER,
      C_MEAN, 2, 12, 60, 0.5, 0.85, "Price lists published by operators, checked by the consumer council", 0 },
    { "training_dropout", "Share of trainees who leave a course before the end", "training dropout",
      "percent", 0, V_PER, C_MEAN, 1, 20, 45, 0.4, 0.8, "Course registers of the training centres", 0 },
    { "service_complaints", "Complaints about service quality", "complaints", "count", 0, V_PER, C_SUM, 0,
      200, 3000, 0.3, 0.7, "Complaint logs of operators and of the consumer council", 0 },
    { "ewaste_collected", "Tonnes of electronic waste collected for recycling", "tonnes of e-waste", "tonnes",
      1, V_CUM, C_SUM, 1, 0, 50, 50, 2000, "Weighbridge tickets of the collection points", 0 },
    { "telehealth_clinics", "Health clinics offering telemedicine consultations", "telehealth clinics",
      "sites", 1, V_CUM, C_SUM, 0, 0, 30, 10, 300, "Health directorate register of accredited clinics", 0 },
    { "devices_refurbished", "Refurbished devices handed to households", "refurbished devices", "devices", 1,
      V_CUM, C_SUM, 0, 0, 1000, 1000, 40000, "Hand-over receipts of the refurbishment hubs", 0 },
    { "funding_mobilised", "Funding mobilised for last-mile connectivity", "funding mobilised", "USD", 1, V_CUM,
      C_SUM, 0, 0, 100000, 500000, 20000000, "Signed grant and loan agreements, audited yearly", 0 },
};
static const char *const freq_text[] = { "monthly", "every 2 months", "quarterly", "every 6 months", "yearly" };
static const int freq_days[] = { 31, 62, 92, 184, 366 };
static const int freq_weight[] = { 2, 1, 5, 1, 1 };

typedef struct { const char *slug, *fmt; } TextTpl;
static const TextTpl goal_tpls[] = {
    { "affordable_access", "Every household in %s can get an affordable connection" },
    { "confident_users", "Residents of %s use the internet with confidence" },
    { "connected_schools", "Every school in %s is connected and uses it for teaching" },
    { "telehealth", "Clinics in %s offer care at a distance" },
    { "circular_devices", "Devices in %s are repaired, reused and recycled" },
    { "shared_data", "Decisions about %s rest on shared, open data" },
};
static const TextTpl need_tpls[] = {
    { "rural_access", "Rural households in %s lack any fixed or mobile broadband" },
    { "affordability", "Low-income families in %s cannot afford a subscription" },
    { "digital_skills", "First-time users in %s lack the skills to go online safely" },
    { "school_access", "Schools in %s have no reliable connection" },
    { "remote_care", "Clinics in %s cannot consult specialists remotely" },
    { "device_waste", "Old devices in %s end up in landfill" },
};
static const TextTpl act_tpls[] = {
    { "rural_towers", "Deploy shared rural towers in %s" },
    { "skills_courses", "Run digital-skills courses in the community centres of %s" },
    { "school_fibre", "Connect the primary schools of %s to the fibre backbone" },
    { "social_tariff", "Offer a subsidised social tariff to low-income households in %s" },
    { "laptop_refurbish", "Refurbish donated laptops for students in %s" },
    { "telemedicine", "Set up a telemedicine service in the clinics of %s" },
    { "coverage_map", "Map coverage gaps street by street in %s" },
    { "technician_training", "Train local technicians to maintain the network in %s" },
    { "ewaste_collection", "Collect and recycle electronic waste in %s" },
    { "open_price_data", "Publish open data on prices and coverage for %s" },
    { "safe_internet", "Run a public campaign on safe internet use in %s" },
    { "library_wifi", "Equip the public libraries of %s with free Wi-Fi" },
};
static const TextTpl ms_tpls[] = {
    { "coverage_survey", "Coverage survey of %s published" },
    { "towers_live", "First shared towers in %s switched on" },
    { "tariff_open", "Social tariff open to applicants in %s" },
    { "centres_open", "Training centres in %s open their doors" },
    { "schools_live", "Primary schools in %s connected" },
    { "telehealth_pilot", "Telemedicine pilot in %s evaluated" },
    { "refurb_hub", "Device refurbishment hub in %s running" },
    { "midterm_review", "Mid-term review of the work in %s held" },
    { "data_portal", "Open data portal covers %s" },
};
static const char *const sentences[] = {
    "The lead partner circulates the draft to every signatory at least two weeks before it is adopted.",
    "Figures are reconciled with the shared measurement platform before publication.",
    "Where the evidence is incomplete, the working group states what is missing and when it will be known.",
    "Results are broken down by district so that the partners can see where the work falls behind.",
    "The document is published under an open licence on the partnership's website.",
    "Community representatives review the findings before the steering committee discusses them.",
    "Any partner may ask for an independent check of the figures at the partnership's expense.",
    "Lessons from sites where the plan did not work are recorded next to those where it did.",
    "The budget actually spent is reported against the budget committed in this agreement.",
};
static const char *const deliverables[] = {
    "A published report with district-level maps and the survey data under an open licence",
    "Signed acceptance certificates from the site owners and the regulator",
    "Minutes of the steering committee recording the decision and the evidence behind it",
    "An evaluation report with costs per household reached",
    "A list of every site served, with its coordinates and date of service",
};

/* Interest names: the list, then the list again with a suffix, so there are
 * as many distinct names as the scale needs. */
static const char *interest_name(int k)
{
    static char buf[48];
    if (k < NELEM(interests)) return interests[k];
    snprintf(buf, sizeof buf, "%s_%d", interests[k % NELEM(interests)], k / NELEM(interests) + 1);
    return buf;
}

/* The agreement's fixed prose. */
#define TXT_SCOPE "Widen affordable, meaningful access to broadband, devices and digital skills across the region."
#define TXT_AMENDMENT "Any change to this agreement requires the written consent of every signatory."
#define TXT_ALLOW_INDICATORS \
    "A benchmark agreement: each district keeps its own short list, and the region's list is their union."
#define TXT_VISION "Every household in the region can reach affordable, meaningful broadband and use it with confidence."
#define TXT_PROBLEM                                                                                     \
    "Many households in the region are offline. Operators, governments and civil society each invest " \
    "in access, devices and skills, but their efforts are fragmented and measured in incompatible "    \
    "ways, so no one can tell which districts are falling behind or why."
#define TXT_ESCALATION "Disagreements unresolved after two meetings go to an independent mediator within 30 days."
#define TXT_DATA_SHARING                                                                             \
    "Personal data stay with the partner that collects them; only aggregates are shared, under the " \
    "regional data-protection act and the partnership's data-sharing protocol."
static const char *const principles[] = {
    "Shared goals", "Open acknowledgement of differing incentives", "Reduce hierarchy and centralized strategy",
    "Decisions on evidence, not on one organization's priorities",
};

#endif
