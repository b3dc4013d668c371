/* Assessment (K10), pure: a unit's monthly counts, the five rates made of
 * them, the office's weighted score, the ranking, the QA sample's size and
 * the months (Beijing time) the measures are taken over. No I/O.
 *
 * Rates are in per mille (0..1000), -1 where nothing applied to the unit
 * that month (no calls about its matters, no sampled answer ...). The
 * score is the weighted mean of the rates that apply, in tenths of a
 * point (0..1000 = 0.0..100.0), -1 when none applies. */
#ifndef ASSESS_H
#define ASSESS_H
#include <stddef.h>

enum assess_part {
	AP_TIMELY,    /* 及时性: changes entered in time, reviews, update orders */
	AP_COMPLETE,  /* 完整性: required fields, open gaps */
	AP_ONECALL,   /* 一次性解答率 */
	AP_ACCURATE,  /* 准确解答率 (the inspectors' sample) */
	AP_QUALITY,   /* 规范性: entries without lint findings */
	AP__MAX
};
extern const char *const assess_part_labels[AP__MAX];

struct assess_formula {
	long long version;
	int w[AP__MAX];           /* weights, >= 0, not all 0 */
	int sample_pct;           /* QA sample: this share of the answered calls */
	int sample_min;           /* ... but at least this many */
};

struct assess_counts {
	long changes, changes_on_time;  /* versions submitted; by their due date */
	long majors, majors_on_time;    /* of them, major news (1 working day) */
	long entries, reviewed;         /* published entries; reviewed this month */
	long updates, updates_on_time;  /* update orders due this month */
	long updates_answered, update_days; /* answered, working days they took */
	long gaps_open;                 /* gaps assigned to the unit, still open */
	long fields_empty;              /* entries with a required field empty */
	long org_no_contacts;           /* 机构信息 entries without contacts */
	long calls, calls_one;          /* calls about its matters; closed at intake */
	long qa_marked, qa_accurate;
	long lint_entries;              /* entries with a typo/keyword/format/duplicate finding */
	long typos, keywords, formats, duplicates;
	int has_people;                 /* named its 分管领导 and 责任人 (K8.1) */
};

/* The five rates of c. */
void assess_rates(const struct assess_counts *c, int rate[AP__MAX]);
/* The score of the rates under f. */
int assess_score(const struct assess_formula *f, const int rate[AP__MAX]);
/* Competition ranking (1, 2, 2, 4) of n scores, highest first; a score of
 * -1 gets rank 0 (not ranked). */
void assess_rank(const int *score, size_t n, int *rank);
/* How many of population answered calls the inspectors sample. */
long assess_sample_size(const struct assess_formula *f, long population);
/* Whether f's weights and sample are acceptable; NULL or what is wrong. */
const char *assess_formula_check(const struct assess_formula *f);

/* A month "YYYY-MM": 0 and *y, *m, or -1. */
int assess_month_parse(const char *s, int *y, int *m);
/* The month delta months from y-m. */
void assess_month_add(int *y, int *m, int delta);
void assess_month_format(int y, int m, char out[8]);
/* The Beijing month y-m as UTC DATETIME bounds [from, to), and as days
 * [first, next first) "YYYY-MM-DD". */
void assess_month_utc(int y, int m, char from[20], char to[20]);
void assess_month_days(int y, int m, char first[11], char next[11]);
/* The Chinese label of a finding's kind (unit_findings.kind). */
const char *assess_finding_label(const char *kind);
/* "12.5" for tenths, "—" for -1; out holds 8 bytes. */
void assess_tenths(int v, char out[8]);
/* "87.5%" for per mille, "—" for -1; out holds 8 bytes. */
void assess_permille(int v, char out[8]);
#endif
