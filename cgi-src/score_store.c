#include "score_store.h"

#include <stdio.h>

enum stmt {
	STMT_FORMULA_CURRENT,
	STMT_FORMULA_GET,
	STMT_FORMULA_ADD,
	STMT_CALLS,
	STMT_CHANGES,
	STMT_REVIEWS,
	STMT_QA,
	STMT_UPDATES,
	STMT_GAPS,
	STMT_ENTRIES,
	STMT_FIELDS,
	STMT_CLEAR_SCORES,
	STMT_CLEAR_FINDINGS,
	STMT_CLEAR_MONTH,
	STMT_CLEAR_CATEGORIES,
	STMT_FIND_LATE,
	STMT_FIND_UNREVIEWED,
	STMT_FIND_INACCURATE,
	STMT_CATEGORIES_PUT,
	STMT_FINDING_ONE,
	STMT_FINDING_MANY,
	STMT_SCORE_PUT,
	STMT_MONTH_PUT,
	STMT_MONTH,
	STMT_UNIT_MONTHS,
	STMT_MONTHS,
	STMT_CATEGORIES,
	STMT_FINDINGS,
	STMT_FINDING_KINDS,
	STMT_ACCOUNTABILITY,
	STMT_ANSWERED,
	STMT_SAMPLE_DRAW,
	STMT_SAMPLES,
	STMT_SAMPLE_LOCK,
	STMT_SAMPLE_MARK,
	STMT__MAX
};

#define FORMULA_ROW(X, S)                                                    \
	X(S, INT, version, "version")                                        \
	X(S, INT, w_timely, "w_timely")                                      \
	X(S, INT, w_complete, "w_complete")                                  \
	X(S, INT, w_onecall, "w_onecall")                                    \
	X(S, INT, w_accurate, "w_accurate")                                  \
	X(S, INT, w_quality, "w_quality")                                    \
	X(S, INT, sample_pct, "sample_pct")                                  \
	X(S, INT, sample_min, "sample_min")
DB_ROW_STRUCT(formula_row, FORMULA_ROW);
DB_ROW_COLS(formula_row, FORMULA_ROW);
DB_ROW_COLS(score_pair_row, SCORE_PAIR_ROW);
DB_ROW_COLS(score_update_row, SCORE_UPDATE_ROW);
DB_ROW_COLS(score_gap_row, SCORE_GAP_ROW);
DB_ROW_COLS(score_entry_row, SCORE_ENTRY_ROW);
DB_ROW_COLS(score_field_row, SCORE_FIELD_ROW);
DB_ROW_COLS(score_row, SCORE_ROW);
DB_ROW_COLS(score_month_row, SCORE_MONTH_ROW);
DB_ROW_COLS(score_category_row, SCORE_CATEGORY_ROW);
DB_ROW_COLS(score_finding_row, SCORE_FINDING_ROW);
DB_ROW_COLS(score_kind_row, SCORE_KIND_ROW);
DB_ROW_COLS(qa_sample_row, QA_SAMPLE_ROW);
#define COUNT_ROW(X, S) X(S, INT, n, "COUNT(*)")
DB_ROW_STRUCT(count_row, COUNT_ROW);
DB_ROW_COLS(count_row, COUNT_ROW);

#define PAIRS(inner) "SELECT " DB_COLS(SCORE_PAIR_ROW) " FROM (" inner ") t WHERE u IS NOT NULL"
/* The day a version was submitted, in Beijing. */
#define SUBMITTED_DAY "DATE(v.submitted_at + INTERVAL 8 HOUR)"
#define ONE_CALL "o.state IN ('answered', 'three_way')"
#define FINDING_COLS "(month, unit_id, kind, entry_id, other_entry_id, order_id, update_id, detail)"
#define F1 "(?, ?, ?, ?, ?, ?, ?, ?)"
#define F5 F1 ", " F1 ", " F1 ", " F1 ", " F1
#define F25 F5 ", " F5 ", " F5 ", " F5 ", " F5
#define FINDINGS_PER_STMT 50

static const char *const sql[STMT__MAX] = {
	[STMT_FORMULA_CURRENT] = "SELECT " DB_COLS(FORMULA_ROW) " FROM assess_formulas"
	" ORDER BY version DESC LIMIT 1",
	[STMT_FORMULA_GET] = "SELECT " DB_COLS(FORMULA_ROW) " FROM assess_formulas WHERE version = ?",
	[STMT_FORMULA_ADD] = "INSERT INTO assess_formulas (w_timely, w_complete, w_onecall,"
	" w_accurate, w_quality, sample_pct, sample_min, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_CALLS] = PAIRS("SELECT CASE o.state WHEN 'answered' THEN e.unit_id"
	" WHEN 'three_way' THEN o.three_way_unit_id ELSE o.unit_id END AS u,"
	" COUNT(*) AS n, SUM(" ONE_CALL ") AS good"
	" FROM orders o LEFT JOIN kb_entries e ON e.id = o.kb_entry_id"
	/* a merged duplicate counts once, as its master */
	" WHERE o.created_at >= ? AND o.created_at < ? AND o.merged_into IS NULL GROUP BY u"),
	[STMT_CHANGES] = PAIRS("SELECT e.unit_id AS u, COUNT(*) AS n,"
	" SUM(" SUBMITTED_DAY " <= v.due_date) AS good"
	" FROM kb_versions v JOIN kb_entries e ON e.id = v.entry_id"
	" WHERE v.submitted_at >= ? AND v.submitted_at < ? AND v.major >= ? GROUP BY u"),
	[STMT_REVIEWS] = PAIRS("SELECT e.unit_id AS u, COUNT(*) AS n, COUNT(r.entry_id) AS good"
	" FROM kb_entries e LEFT JOIN kb_reviews r ON r.entry_id = e.id AND r.month = ?"
	" WHERE e.published_version_id IS NOT NULL AND e.obsolete = 0 GROUP BY u"),
	[STMT_QA] = PAIRS("SELECT unit_id AS u, COUNT(*) AS n, SUM(verdict = 'accurate') AS good"
	" FROM qa_samples WHERE month = ? AND verdict <> 'pending' GROUP BY u"),
	[STMT_UPDATES] = "SELECT " DB_COLS(SCORE_UPDATE_ROW) " FROM kb_updates k"
	" LEFT JOIN kb_update_events ev ON ev.update_id = k.id AND ev.action IN ('reply', 'fixed')"
	" WHERE k.due_date >= ? AND k.due_date < ? GROUP BY k.id",
	[STMT_GAPS] = "SELECT " DB_COLS(SCORE_GAP_ROW) " FROM kb_gaps g"
	" JOIN kb_updates k ON k.id = g.update_id"
	" WHERE g.state = 'assigned' AND k.state <> 'confirmed' ORDER BY k.id LIMIT 100000",
	[STMT_ENTRIES] = "SELECT " DB_COLS(SCORE_ENTRY_ROW) " FROM kb_entries e"
	" JOIN kb_versions v ON v.id = e.published_version_id"
	" WHERE e.id > ? AND e.obsolete = 0 ORDER BY e.id LIMIT ?",
	[STMT_FIELDS] = "SELECT " DB_COLS(SCORE_FIELD_ROW) " FROM kb_entries e"
	" JOIN kb_fields f ON f.version_id = e.published_version_id"
	" WHERE e.id > ? AND e.id <= ? AND e.obsolete = 0 ORDER BY e.id",
	[STMT_CLEAR_SCORES] = "DELETE FROM unit_scores WHERE month = ?",
	[STMT_CLEAR_FINDINGS] = "DELETE FROM unit_findings WHERE month = ?",
	[STMT_CLEAR_MONTH] = "DELETE FROM assess_months WHERE month = ?",
	[STMT_CLEAR_CATEGORIES] = "DELETE FROM assess_categories WHERE month = ?",
	[STMT_FIND_LATE] = "INSERT INTO unit_findings (month, unit_id, kind, entry_id, detail)"
	" SELECT ?, e.unit_id, IF(v.major, 'late_major', 'late_change'), e.id,"
	" CONCAT('第', v.version_no, '版：变更日期 ', v.change_date, '，应于 ', v.due_date,"
	" ' 前录入，', " SUBMITTED_DAY ", ' 才提交')"
	" FROM kb_versions v JOIN kb_entries e ON e.id = v.entry_id"
	" WHERE v.submitted_at >= ? AND v.submitted_at < ? AND " SUBMITTED_DAY " > v.due_date",
	[STMT_FIND_UNREVIEWED] = "INSERT INTO unit_findings (month, unit_id, kind, entry_id)"
	" SELECT ?, e.unit_id, 'unreviewed', e.id FROM kb_entries e"
	" WHERE e.published_version_id IS NOT NULL AND e.obsolete = 0"
	" AND NOT EXISTS (SELECT 1 FROM kb_reviews r WHERE r.entry_id = e.id AND r.month = ?)",
	[STMT_FIND_INACCURATE] = "INSERT INTO unit_findings (month, unit_id, kind, entry_id,"
	" order_id, update_id, detail) SELECT month, unit_id, 'inaccurate',"
	" COALESCE(fault_entry_id, entry_id), order_id, update_id, reason"
	" FROM qa_samples WHERE month = ? AND verdict = 'inaccurate'",
	[STMT_CATEGORIES_PUT] = "INSERT INTO assess_categories (month, category_id, calls, calls_one)"
	" SELECT ?, o.category_id, COUNT(*), SUM(" ONE_CALL ") FROM orders o"
	" WHERE o.created_at >= ? AND o.created_at < ? AND o.merged_into IS NULL"
	" GROUP BY o.category_id",
	[STMT_FINDING_ONE] = "INSERT INTO unit_findings " FINDING_COLS " VALUES " F1,
	[STMT_FINDING_MANY] = "INSERT INTO unit_findings " FINDING_COLS " VALUES " F25 ", " F25,
	[STMT_SCORE_PUT] = "INSERT INTO unit_scores (month, unit_id, formula_version, changes,"
	" changes_on_time, majors, majors_on_time, published, reviewed, updates,"
	" updates_on_time, update_days_x10, gaps_open, fields_empty, org_no_contacts, calls,"
	" calls_one, qa_marked, qa_accurate, lint_entries, typos, keywords, formats,"
	" duplicates, has_people, r_timely, r_complete, r_onecall, r_accurate, r_quality,"
	" score, score_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* With the calls referred to other channels and the duplicates merged
	 * (each counted once, in its master) in the month. */
	[STMT_MONTH_PUT] = "INSERT INTO assess_months (month, formula_version, calls, calls_one,"
	" qa_marked, qa_accurate, millis, referred, merged)"
	" SELECT ?, ?, ?, ?, ?, ?, ?, COALESCE(SUM(o.state = 'referred'), 0),"
	" COALESCE(SUM(o.merged_into IS NOT NULL), 0) FROM orders o"
	" WHERE o.created_at >= ? AND o.created_at < ?",
	[STMT_MONTH] = "SELECT " DB_COLS(SCORE_ROW) " FROM unit_scores s"
	" JOIN units u ON u.id = s.unit_id LEFT JOIN unit_kb_people p ON p.unit_id = s.unit_id"
	" WHERE s.month = ? AND (? = 0 OR u.jurisdiction_id = ?)"
	" ORDER BY s.score < 0, s.score DESC, u.id LIMIT 5000",
	[STMT_UNIT_MONTHS] = "SELECT " DB_COLS(SCORE_ROW) " FROM unit_scores s"
	" JOIN units u ON u.id = s.unit_id LEFT JOIN unit_kb_people p ON p.unit_id = s.unit_id"
	" WHERE s.unit_id = ? ORDER BY s.month DESC LIMIT 24",
	[STMT_MONTHS] = "SELECT " DB_COLS(SCORE_MONTH_ROW) " FROM assess_months"
	" WHERE month >= ? AND month <= ? ORDER BY month",
	[STMT_CATEGORIES] = "SELECT " DB_COLS(SCORE_CATEGORY_ROW) " FROM assess_categories s"
	" JOIN order_categories c ON c.id = s.category_id WHERE s.month = ?"
	" ORDER BY s.calls DESC, c.id LIMIT 500",
	[STMT_FINDINGS] = "SELECT " DB_COLS(SCORE_FINDING_ROW) " FROM unit_findings f"
	" LEFT JOIN kb_entries e ON e.id = f.entry_id"
	" LEFT JOIN kb_versions v ON v.id = e.published_version_id"
	" WHERE f.month = ? AND f.unit_id = ? ORDER BY f.kind, f.id LIMIT ?",
	[STMT_FINDING_KINDS] = "SELECT " DB_COLS(SCORE_KIND_ROW) " FROM unit_findings"
	" WHERE month = ? AND unit_id = ? GROUP BY kind ORDER BY kind",
	[STMT_ACCOUNTABILITY] = PAIRS("SELECT unit_id AS u, COUNT(*) AS n,"
	" SUM(state = 'open') AS good FROM accountability"
	" WHERE opened_at < ? AND (state = 'open' OR closed_at >= ?) GROUP BY u"),
	[STMT_ANSWERED] = "SELECT " DB_COLS(COUNT_ROW) " FROM orders o"
	" WHERE o.created_at >= ? AND o.created_at < ? AND o.state = 'answered'"
	" AND o.kb_entry_id IS NOT NULL",
	[STMT_SAMPLE_DRAW] = "INSERT IGNORE INTO qa_samples (month, order_id, entry_id, unit_id)"
	" SELECT ?, o.id, o.kb_entry_id, e.unit_id FROM orders o"
	" JOIN kb_entries e ON e.id = o.kb_entry_id"
	" WHERE o.created_at >= ? AND o.created_at < ? AND o.state = 'answered'"
	" ORDER BY RAND() LIMIT ?",
	[STMT_SAMPLES] = "SELECT " DB_COLS(QA_SAMPLE_ROW) " FROM qa_samples s"
	" JOIN orders o ON o.id = s.order_id JOIN units u ON u.id = s.unit_id"
	" LEFT JOIN kb_entries e ON e.id = s.entry_id"
	" LEFT JOIN kb_versions v ON v.id = e.published_version_id"
	" WHERE s.month = ? ORDER BY s.verdict <> 'pending', s.id LIMIT 2000",
	[STMT_SAMPLE_LOCK] = "SELECT " DB_COLS(QA_SAMPLE_ROW) " FROM qa_samples s"
	" JOIN orders o ON o.id = s.order_id JOIN units u ON u.id = s.unit_id"
	" LEFT JOIN kb_entries e ON e.id = s.entry_id"
	" LEFT JOIN kb_versions v ON v.id = e.published_version_id"
	" WHERE s.id = ? FOR UPDATE",
	[STMT_SAMPLE_MARK] = "UPDATE qa_samples SET verdict = ?, reason = ?, fault_entry_id = ?,"
	" update_id = ?, inspector_id = ?, marked_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND verdict = 'pending'",
};

static void formula_from_row(const struct formula_row *r, struct assess_formula *f)
{
	*f = (struct assess_formula){
		.version = r->version,
		.w = { (int)r->w_timely, (int)r->w_complete, (int)r->w_onecall,
		       (int)r->w_accurate, (int)r->w_quality },
		.sample_pct = (int)r->sample_pct, .sample_min = (int)r->sample_min,
	};
}

static int formula_read(int rc, struct dbres *res, struct arena *a, struct assess_formula *f)
{
	struct formula_row *r;
	DB_ROW_OUT(rc, res, formula_row, a, &r);
	if (rc == DB_OK && r == NULL)
		return DB_CONFLICT;
	if (rc == DB_OK)
		formula_from_row(r, f);
	return rc;
}

int score_formula_current(struct db *db, struct arena *a, struct assess_formula *f)
{
	struct dbres res;
	return formula_read(db_exec0(db, a, sql[STMT_FORMULA_CURRENT], &res), &res, a, f);
}

int score_formula_get(struct db *db, struct arena *a, long long version,
		      struct assess_formula *f)
{
	struct dbres res;
	return formula_read(db_exec(db, a, sql[STMT_FORMULA_GET], &res, DB_I(version)), &res, a,
			    f);
}

int score_formula_add(struct db *db, struct arena *a, const struct assess_formula *f,
		      long long user, long long *version)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_FORMULA_ADD], &res, DB_I(f->w[AP_TIMELY]),
			 DB_I(f->w[AP_COMPLETE]), DB_I(f->w[AP_ONECALL]), DB_I(f->w[AP_ACCURATE]),
			 DB_I(f->w[AP_QUALITY]), DB_I(f->sample_pct), DB_I(f->sample_min),
			 DB_I(user));
	*version = rc == DB_OK ? res.insert_id : 0;
	return rc;
}

int score_calls(struct db *db, struct arena *a, const char *from, const char *to,
		struct score_pair_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CALLS], &res, DB_S(from), DB_S(to));
	DB_ROWS_OUT(rc, &res, score_pair_row, a, v, n);
	return rc;
}

int score_changes(struct db *db, struct arena *a, const char *from, const char *to,
		  int major, struct score_pair_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CHANGES], &res, DB_S(from), DB_S(to), DB_I(major));
	DB_ROWS_OUT(rc, &res, score_pair_row, a, v, n);
	return rc;
}

int score_reviews(struct db *db, struct arena *a, const char *month, struct score_pair_row **v,
		  size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_REVIEWS], &res, DB_S(month));
	DB_ROWS_OUT(rc, &res, score_pair_row, a, v, n);
	return rc;
}

int score_qa(struct db *db, struct arena *a, const char *month, struct score_pair_row **v,
	     size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_QA], &res, DB_S(month));
	DB_ROWS_OUT(rc, &res, score_pair_row, a, v, n);
	return rc;
}

int score_updates(struct db *db, struct arena *a, const char *first, const char *next,
		  struct score_update_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UPDATES], &res, DB_S(first), DB_S(next));
	DB_ROWS_OUT(rc, &res, score_update_row, a, v, n);
	return rc;
}

int score_gaps(struct db *db, struct arena *a, struct score_gap_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_GAPS], &res);
	DB_ROWS_OUT(rc, &res, score_gap_row, a, v, n);
	return rc;
}

int score_entries(struct db *db, struct arena *a, long long after, int limit,
		  struct score_entry_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_ENTRIES], &res, DB_I(after), DB_I(limit));
	DB_ROWS_OUT(rc, &res, score_entry_row, a, v, n);
	return rc;
}

int score_fields(struct db *db, struct arena *a, long long after, long long last,
		 struct score_field_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_FIELDS], &res, DB_I(after), DB_I(last));
	DB_ROWS_OUT(rc, &res, score_field_row, a, v, n);
	return rc;
}

int score_month_clear(struct db *db, struct arena *a, const char *month)
{
	static const enum stmt clear[] = { STMT_CLEAR_SCORES, STMT_CLEAR_FINDINGS,
					   STMT_CLEAR_MONTH, STMT_CLEAR_CATEGORIES };
	int rc = DB_OK;
	for (size_t i = 0; rc == DB_OK && i < sizeof clear / sizeof clear[0]; i++)
		rc = db_exec(db, a, sql[clear[i]], NULL, DB_S(month));
	return rc;
}

int score_findings_sql(struct db *db, struct arena *a, const char *month, const char *from,
		       const char *to)
{
	int rc = db_exec(db, a, sql[STMT_FIND_LATE], NULL, DB_S(month), DB_S(from), DB_S(to));
	if (rc == DB_OK)
		rc = db_exec(db, a, sql[STMT_FIND_UNREVIEWED], NULL, DB_S(month), DB_S(month));
	if (rc == DB_OK)
		rc = db_exec(db, a, sql[STMT_FIND_INACCURATE], NULL, DB_S(month));
	return rc;
}

int score_categories_put(struct db *db, struct arena *a, const char *month, const char *from,
			 const char *to)
{
	return db_exec(db, a, sql[STMT_CATEGORIES_PUT], NULL, DB_S(month), DB_S(from), DB_S(to));
}

/* An id, or SQL NULL for 0. */
static struct db_param id_or_null(long long v)
{
	return v ? DB_I(v) : DB_S(NULL);
}

static void finding_params(const char *month, const struct score_finding *f,
			   struct db_param *p)
{
	p[0] = DB_S(month);
	p[1] = DB_I(f->unit_id);
	p[2] = DB_S(f->kind);
	p[3] = id_or_null(f->entry_id);
	p[4] = id_or_null(f->other_entry_id);
	p[5] = id_or_null(f->order_id);
	p[6] = id_or_null(f->update_id);
	p[7] = DB_S(f->detail ? f->detail : "");
}

int score_findings_flush(struct db *db, struct arena *a, struct score_findings *fs)
{
	struct db_param p[8 * FINDINGS_PER_STMT];
	size_t i = 0;
	int rc = DB_OK;
	for (; rc == DB_OK && i + FINDINGS_PER_STMT <= fs->n; i += FINDINGS_PER_STMT) {
		for (size_t j = 0; j < FINDINGS_PER_STMT; j++)
			finding_params(fs->month, &fs->v[i + j], p + 8 * j);
		rc = db_run_params(db, a, sql[STMT_FINDING_MANY], NULL, p, 8 * FINDINGS_PER_STMT);
	}
	for (; rc == DB_OK && i < fs->n; i++) {
		finding_params(fs->month, &fs->v[i], p);
		rc = db_run_params(db, a, sql[STMT_FINDING_ONE], NULL, p, 8);
	}
	fs->n = 0;
	return rc;
}

int score_finding_add(struct db *db, struct arena *a, struct score_findings *fs,
		      const struct score_finding *f)
{
	if (fs->n == fs->cap) {
		fs->cap = 4 * FINDINGS_PER_STMT;
		if (fs->v == NULL)
			fs->v = arena_alloc(a, fs->cap * sizeof *fs->v);
		int rc = score_findings_flush(db, a, fs);
		if (rc != DB_OK)
			return rc;
	}
	fs->v[fs->n++] = *f;
	return DB_OK;
}

int score_put(struct db *db, struct arena *a, const char *month, long long unit_id,
	      long long formula, const struct assess_counts *c, const int rate[AP__MAX],
	      int score, int rank)
{
	long days_x10 = c->updates_answered ? (c->update_days * 10 + c->updates_answered / 2) /
						      c->updates_answered : 0;
	return db_exec(db, a, sql[STMT_SCORE_PUT], NULL, DB_S(month), DB_I(unit_id),
		       DB_I(formula), DB_I(c->changes), DB_I(c->changes_on_time),
		       DB_I(c->majors), DB_I(c->majors_on_time), DB_I(c->entries),
		       DB_I(c->reviewed), DB_I(c->updates), DB_I(c->updates_on_time),
		       DB_I(days_x10), DB_I(c->gaps_open), DB_I(c->fields_empty),
		       DB_I(c->org_no_contacts), DB_I(c->calls), DB_I(c->calls_one),
		       DB_I(c->qa_marked), DB_I(c->qa_accurate), DB_I(c->lint_entries),
		       DB_I(c->typos), DB_I(c->keywords), DB_I(c->formats), DB_I(c->duplicates),
		       DB_I(c->has_people), DB_I(rate[AP_TIMELY]), DB_I(rate[AP_COMPLETE]),
		       DB_I(rate[AP_ONECALL]), DB_I(rate[AP_ACCURATE]), DB_I(rate[AP_QUALITY]),
		       DB_I(score), DB_I(rank));
}

int score_month_put(struct db *db, struct arena *a, const char *month, long long formula,
		    long calls, long calls_one, long qa_marked, long qa_accurate, long millis,
		    const char *from, const char *to)
{
	return db_exec(db, a, sql[STMT_MONTH_PUT], NULL, DB_S(month), DB_I(formula), DB_I(calls),
		       DB_I(calls_one), DB_I(qa_marked), DB_I(qa_accurate), DB_I(millis),
		       DB_S(from), DB_S(to));
}

int score_month(struct db *db, struct arena *a, const char *month, long long jur,
		struct score_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_MONTH], &res, DB_S(month), DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, score_row, a, v, n);
	if (rc == DB_OK && jur != 0 && *n > 0) {
		int *score = arena_alloc(a, *n * sizeof *score), *rank = arena_alloc(a, *n * sizeof *rank);
		for (size_t i = 0; i < *n; i++)
			score[i] = (int)(*v)[i].score;
		assess_rank(score, *n, rank);
		for (size_t i = 0; i < *n; i++)
			(*v)[i].rank = rank[i];
	}
	return rc;
}

int score_unit_months(struct db *db, struct arena *a, long long unit, struct score_row **v,
		      size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNIT_MONTHS], &res, DB_I(unit));
	DB_ROWS_OUT(rc, &res, score_row, a, v, n);
	return rc;
}

int score_months(struct db *db, struct arena *a, const char *from, const char *to,
		 struct score_month_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_MONTHS], &res, DB_S(from), DB_S(to));
	DB_ROWS_OUT(rc, &res, score_month_row, a, v, n);
	return rc;
}

int score_categories(struct db *db, struct arena *a, const char *month,
		     struct score_category_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CATEGORIES], &res, DB_S(month));
	DB_ROWS_OUT(rc, &res, score_category_row, a, v, n);
	return rc;
}

int score_findings(struct db *db, struct arena *a, const char *month, long long unit,
		   int limit, struct score_finding_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_FINDINGS], &res, DB_S(month), DB_I(unit), DB_I(limit));
	DB_ROWS_OUT(rc, &res, score_finding_row, a, v, n);
	return rc;
}

int score_finding_kinds(struct db *db, struct arena *a, const char *month, long long unit,
			struct score_kind_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_FINDING_KINDS], &res, DB_S(month), DB_I(unit));
	DB_ROWS_OUT(rc, &res, score_kind_row, a, v, n);
	return rc;
}

int score_answered(struct db *db, struct arena *a, const char *from, const char *to,
		   long long *n)
{
	struct dbres res;
	struct count_row *c;
	int rc = db_exec(db, a, sql[STMT_ANSWERED], &res, DB_S(from), DB_S(to));
	DB_ROW_OUT(rc, &res, count_row, a, &c);
	*n = c != NULL ? c->n : 0;
	return rc;
}

int score_sample_draw(struct db *db, struct arena *a, const char *month, const char *from,
		      const char *to, long n, long long *drawn)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SAMPLE_DRAW], &res, DB_S(month), DB_S(from), DB_S(to),
			 DB_I(n));
	*drawn = rc == DB_OK ? res.affected : 0;
	return rc;
}

int score_samples(struct db *db, struct arena *a, const char *month, struct qa_sample_row **v,
		  size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SAMPLES], &res, DB_S(month));
	DB_ROWS_OUT(rc, &res, qa_sample_row, a, v, n);
	return rc;
}

int score_sample_lock(struct db *db, struct arena *a, long long id, struct qa_sample_row **s)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SAMPLE_LOCK], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, qa_sample_row, a, s);
	return rc;
}

int score_sample_mark(struct db *db, struct arena *a, long long id, const char *verdict,
		      const char *reason, long long fault_entry, long long update_id,
		      long long inspector)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SAMPLE_MARK], &res, DB_S(verdict), DB_S(reason),
			 id_or_null(fault_entry), id_or_null(update_id), DB_I(inspector), DB_I(id));
	return db_changed(rc, &res);
}

int score_accountability(struct db *db, struct arena *a, const char *from, const char *to,
			 struct score_pair_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_ACCOUNTABILITY], &res, DB_S(to), DB_S(from));
	DB_ROWS_OUT(rc, &res, score_pair_row, a, v, n);
	return rc;
}
