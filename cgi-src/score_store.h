/* Assessment (K10): the formula's versions, the records a month's measures
 * are counted from, the frozen scores and findings, and the inspectors'
 * samples. Months are "YYYY-MM" in Beijing time; from/to are its UTC
 * bounds and first/next its days (assess.h). */
#ifndef SCORE_STORE_H
#define SCORE_STORE_H
#include "assess.h"
#include "db.h"

/* --- the formula ------------------------------------------------------ */
int score_formula_current(struct db *db, struct arena *a, struct assess_formula *f);
int score_formula_get(struct db *db, struct arena *a, long long version,
		      struct assess_formula *f);
int score_formula_add(struct db *db, struct arena *a, const struct assess_formula *f,
		      long long user, long long *version);

/* --- counting a month ------------------------------------------------- */
/* Per unit: a count and the part of it that went well. */
#define SCORE_PAIR_ROW(X, S)                                                 \
	X(S, INT, unit_id, "u")                                              \
	X(S, INT, n, "n")                                                    \
	X(S, INT, good, "good")
DB_ROW_STRUCT(score_pair_row, SCORE_PAIR_ROW);
/* Calls created in the month about each unit's matters (answered from its
 * entry, three-way with it, dispatched to it) and those closed at intake. */
int score_calls(struct db *db, struct arena *a, const char *from, const char *to,
		struct score_pair_row **v, size_t *n);
/* Versions submitted in the month, and those by their due date; majors. */
int score_changes(struct db *db, struct arena *a, const char *from, const char *to,
		  int major, struct score_pair_row **v, size_t *n);
/* Published entries (as the run finds them: it is taken when the month
 * has ended) and those reviewed in the month. */
int score_reviews(struct db *db, struct arena *a, const char *month, struct score_pair_row **v,
		  size_t *n);
/* The inspectors' marks of the month: marked, accurate. */
int score_qa(struct db *db, struct arena *a, const char *month, struct score_pair_row **v,
	     size_t *n);
/* Update orders due in the month, with when they were first answered. */
#define SCORE_UPDATE_ROW(X, S)                                               \
	X(S, INT, id, "k.id")                                                \
	X(S, INT, unit_id, "k.unit_id")                                      \
	X(S, INT, entry_id, "k.entry_id")                                    \
	X(S, STR, created, "DATE_FORMAT(k.created_at + INTERVAL 8 HOUR, '%Y-%m-%d')") \
	X(S, STR, due, DB_DAY("k.due_date"))                                 \
	X(S, STR, answered, "COALESCE(DATE_FORMAT(MIN(ev.at) + INTERVAL 8 HOUR, '%Y-%m-%d'), '')")
DB_ROW_STRUCT(score_update_row, SCORE_UPDATE_ROW);
int score_updates(struct db *db, struct arena *a, const char *first, const char *next,
		  struct score_update_row **v, size_t *n);
/* Gaps assigned to a unit whose update order is not yet confirmed. */
#define SCORE_GAP_ROW(X, S)                                                  \
	X(S, INT, unit_id, "k.unit_id")                                      \
	X(S, INT, update_id, "k.id")                                         \
	X(S, STR, sample, "g.sample")
DB_ROW_STRUCT(score_gap_row, SCORE_GAP_ROW);
int score_gaps(struct db *db, struct arena *a, struct score_gap_row **v, size_t *n);

/* Published entries after entry id `after`, at most limit, by id. */
#define SCORE_ENTRY_ROW(X, S)                                                \
	X(S, INT, id, "e.id")                                                \
	X(S, INT, unit_id, "e.unit_id")                                      \
	X(S, STR, kind, "e.kind")                                            \
	X(S, STR, title, "v.title")                                          \
	X(S, STR, keywords, "v.keywords")
DB_ROW_STRUCT(score_entry_row, SCORE_ENTRY_ROW);
int score_entries(struct db *db, struct arena *a, long long after, int limit,
		  struct score_entry_row **v, size_t *n);
/* Their fields: entries after..last, by entry. */
#define SCORE_FIELD_ROW(X, S)                                                \
	X(S, INT, entry_id, "e.id")                                          \
	X(S, STR, name, "f.name")                                            \
	X(S, STR, value, "f.value")
DB_ROW_STRUCT(score_field_row, SCORE_FIELD_ROW);
int score_fields(struct db *db, struct arena *a, long long after, long long last,
		 struct score_field_row **v, size_t *n);

/* --- freezing a month ------------------------------------------------- */
/* Removes a month's scores, findings and figures (before computing it again). */
int score_month_clear(struct db *db, struct arena *a, const char *month);
/* Findings the database finds itself: late versions, entries not reviewed,
 * inaccurate answers. */
int score_findings_sql(struct db *db, struct arena *a, const char *month, const char *from,
		       const char *to);
/* Calls per category. */
int score_categories_put(struct db *db, struct arena *a, const char *month, const char *from,
			 const char *to);

/* Findings gathered in C, sent many rows per statement. */
struct score_finding {
	long long unit_id, entry_id, other_entry_id, order_id, update_id;
	const char *kind, *detail;
};
struct score_findings {
	struct score_finding *v;
	size_t n, cap;
	const char *month;
};
/* Adds one (strings must live until the flush); flushes when full. */
int score_finding_add(struct db *db, struct arena *a, struct score_findings *fs,
		      const struct score_finding *f);
int score_findings_flush(struct db *db, struct arena *a, struct score_findings *fs);

int score_put(struct db *db, struct arena *a, const char *month, long long unit_id,
	      long long formula, const struct assess_counts *c, const int rate[AP__MAX],
	      int score, int rank);
int score_month_put(struct db *db, struct arena *a, const char *month, long long formula,
		    long calls, long calls_one, long qa_marked, long qa_accurate, long millis,
		    const char *from, const char *to);

/* --- reading ---------------------------------------------------------- */
#define SCORE_ROW(X, S)                                                      \
	X(S, STR, month, "s.month")                                          \
	X(S, INT, unit_id, "s.unit_id")                                      \
	X(S, STR, unit, "u.name")                                            \
	X(S, INT, jur_id, "u.jurisdiction_id")                               \
	X(S, INT, formula, "s.formula_version")                              \
	X(S, INT, changes, "s.changes")                                      \
	X(S, INT, changes_on_time, "s.changes_on_time")                      \
	X(S, INT, majors, "s.majors")                                        \
	X(S, INT, majors_on_time, "s.majors_on_time")                        \
	X(S, INT, published, "s.published")                                  \
	X(S, INT, reviewed, "s.reviewed")                                    \
	X(S, INT, updates, "s.updates")                                      \
	X(S, INT, updates_on_time, "s.updates_on_time")                      \
	X(S, INT, update_days_x10, "s.update_days_x10")                      \
	X(S, INT, gaps_open, "s.gaps_open")                                  \
	X(S, INT, fields_empty, "s.fields_empty")                            \
	X(S, INT, org_no_contacts, "s.org_no_contacts")                      \
	X(S, INT, calls, "s.calls")                                          \
	X(S, INT, calls_one, "s.calls_one")                                  \
	X(S, INT, qa_marked, "s.qa_marked")                                  \
	X(S, INT, qa_accurate, "s.qa_accurate")                              \
	X(S, INT, lint_entries, "s.lint_entries")                            \
	X(S, INT, typos, "s.typos")                                          \
	X(S, INT, keywords, "s.keywords")                                    \
	X(S, INT, formats, "s.formats")                                      \
	X(S, INT, duplicates, "s.duplicates")                                \
	X(S, INT, has_people, "s.has_people")                                \
	X(S, INT, r_timely, "s.r_timely")                                    \
	X(S, INT, r_complete, "s.r_complete")                                \
	X(S, INT, r_onecall, "s.r_onecall")                                  \
	X(S, INT, r_accurate, "s.r_accurate")                                \
	X(S, INT, r_quality, "s.r_quality")                                  \
	X(S, INT, score, "s.score")                                          \
	X(S, INT, rank, "s.score_rank")                                      \
	X(S, NSTR, leader, "p.leader_name")                                  \
	X(S, STR, leader_phone, "COALESCE(p.leader_phone, '')")              \
	X(S, NSTR, owner, "p.owner_name")                                    \
	X(S, STR, owner_phone, "COALESCE(p.owner_phone, '')")
DB_ROW_STRUCT(score_row, SCORE_ROW);
/* A frozen row's five rates, in enum assess_part order. */
static inline void score_row_rates(const struct score_row *s, int rate[AP__MAX])
{
	rate[AP_TIMELY] = (int)s->r_timely;
	rate[AP_COMPLETE] = (int)s->r_complete;
	rate[AP_ONECALL] = (int)s->r_onecall;
	rate[AP_ACCURATE] = (int)s->r_accurate;
	rate[AP_QUALITY] = (int)s->r_quality;
}
/* A month's scores of the units in jurisdiction jur (0: all), best first;
 * for a county the ranks are those among its own units (D7). */
int score_month(struct db *db, struct arena *a, const char *month, long long jur,
		struct score_row **v, size_t *n);
/* A unit's months, latest first (at most 24). */
int score_unit_months(struct db *db, struct arena *a, long long unit, struct score_row **v,
		      size_t *n);

#define SCORE_MONTH_ROW(X, S)                                                \
	X(S, STR, month, "month")                                            \
	X(S, INT, formula, "formula_version")                                \
	X(S, INT, calls, "calls")                                            \
	X(S, INT, calls_one, "calls_one")                                    \
	X(S, INT, qa_marked, "qa_marked")                                    \
	X(S, INT, qa_accurate, "qa_accurate")                                \
	X(S, STR, computed, DB_BJ_MINUTE("computed_at"))                     \
	X(S, INT, millis, "millis")                                          \
	X(S, INT, referred, "referred")                                      \
	X(S, INT, merged, "merged")
DB_ROW_STRUCT(score_month_row, SCORE_MONTH_ROW);
/* The computed months from..to (inclusive "YYYY-MM"), oldest first. */
int score_months(struct db *db, struct arena *a, const char *from, const char *to,
		 struct score_month_row **v, size_t *n);

#define SCORE_CATEGORY_ROW(X, S)                                             \
	X(S, STR, name, "c.name")                                            \
	X(S, INT, calls, "s.calls")                                          \
	X(S, INT, calls_one, "s.calls_one")
DB_ROW_STRUCT(score_category_row, SCORE_CATEGORY_ROW);
int score_categories(struct db *db, struct arena *a, const char *month,
		     struct score_category_row **v, size_t *n);

#define SCORE_FINDING_ROW(X, S)                                              \
	X(S, INT, id, "f.id")                                                \
	X(S, STR, kind, "f.kind")                                            \
	X(S, INT, entry_id, "COALESCE(f.entry_id, 0)")                       \
	X(S, INT, other_entry_id, "COALESCE(f.other_entry_id, 0)")           \
	X(S, INT, order_id, "COALESCE(f.order_id, 0)")                       \
	X(S, INT, update_id, "COALESCE(f.update_id, 0)")                     \
	X(S, STR, detail, "f.detail")                                        \
	X(S, STR, title, "COALESCE(v.title, '')")
DB_ROW_STRUCT(score_finding_row, SCORE_FINDING_ROW);
/* A unit's findings of a month, by kind (at most limit). */
int score_findings(struct db *db, struct arena *a, const char *month, long long unit,
		   int limit, struct score_finding_row **v, size_t *n);
/* How many findings of each kind a unit has in a month. */
#define SCORE_KIND_ROW(X, S) X(S, STR, kind, "kind") X(S, INT, n, "COUNT(*)")
DB_ROW_STRUCT(score_kind_row, SCORE_KIND_ROW);
int score_finding_kinds(struct db *db, struct arena *a, const char *month, long long unit,
			struct score_kind_row **v, size_t *n);

/* Accountability records (问责) per unit open at some time in the month:
 * n all of them, good those still open. */
int score_accountability(struct db *db, struct arena *a, const char *from, const char *to,
			 struct score_pair_row **v, size_t *n);

/* --- the inspectors' samples (质检) ------------------------------------ */
/* Draws up to n calls answered from an entry in the month, at random. */
int score_sample_draw(struct db *db, struct arena *a, const char *month, const char *from,
		      const char *to, long n, long long *drawn);
/* Calls answered from an entry in the month. */
int score_answered(struct db *db, struct arena *a, const char *from, const char *to,
		   long long *n);
#define QA_SAMPLE_ROW(X, S)                                                  \
	X(S, INT, id, "s.id")                                                \
	X(S, INT, order_id, "s.order_id")                                    \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, content, "o.content")                                      \
	X(S, STR, created, DB_BJ_MINUTE("o.created_at"))                     \
	X(S, INT, entry_id, "s.entry_id")                                    \
	X(S, STR, title, "COALESCE(v.title, '')")                            \
	X(S, INT, unit_id, "s.unit_id")                                      \
	X(S, STR, unit, "u.name")                                            \
	X(S, INT, jur_id, "u.jurisdiction_id")                               \
	X(S, STR, verdict, "s.verdict")                                      \
	X(S, STR, reason, "s.reason")                                        \
	X(S, INT, fault_entry_id, "COALESCE(s.fault_entry_id, 0)")           \
	X(S, INT, update_id, "COALESCE(s.update_id, 0)")                     \
	X(S, STR, month, "s.month")
DB_ROW_STRUCT(qa_sample_row, QA_SAMPLE_ROW);
int score_samples(struct db *db, struct arena *a, const char *month, struct qa_sample_row **v,
		  size_t *n);
int score_sample_lock(struct db *db, struct arena *a, long long id, struct qa_sample_row **s);
/* Marks a pending sample; DB_CONFLICT when it was marked already. */
int score_sample_mark(struct db *db, struct arena *a, long long id, const char *verdict,
		      const char *reason, long long fault_entry, long long update_id,
		      long long inspector);
#endif
