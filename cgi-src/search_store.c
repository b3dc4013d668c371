#include "search_store.h"

enum stmt {
	STMT_CHANGE_NEXT,
	STMT_CHANGE_LOG,
	STMT_CHANGE_LAST,
	STMT_CHANGES,
	STMT_DOCS_AFTER,
	STMT_DOC_FIELDS_BETWEEN,
	STMT_DOCS_CHANGED,
	STMT_DOC_FIELDS_CHANGED,
	STMT_QUERY_HELP,
	STMT_ROWS,
	STMT_SYNONYMS,
	STMT_SYNONYM_ADD,
	STMT_SYNONYM,
	STMT_SYNONYM_DELETE,
	STMT_SYNONYM_COUNT,
	STMT_LEARN_PUT,
	STMT_LEARN_TERMS,
	STMT_LEARNED,
	STMT_LEARNED_ONE,
	STMT_LEARNED_DELETE,
	STMT_GAP_CLIENT,
	STMT_GAP_CLIENT_COUNT,
	STMT_GAP_RECORD,
	STMT__MAX
};

#define DOC_COLS "s.entry_id, s.kind, s.visibility, s.unit_id, v.title, v.keywords"
/* A score decayed to now: halved every ? days since updated_at. */
#define DECAYED "l.score * POW(0.5, TIMESTAMPDIFF(SECOND, l.updated_at, UTC_TIMESTAMP())" \
		" / (86400 * ?))"
#define JSON_KEYS(col) "JSON_TABLE(?, '$[*]' COLUMNS (" col " VARCHAR(200) PATH '$')) j"

static const char *const sql[STMT__MAX] = {
	/* the row stays locked until commit */
	[STMT_CHANGE_NEXT] = "UPDATE kb_change_seq SET seq = LAST_INSERT_ID(seq + 1) WHERE id = 1",
	[STMT_CHANGE_LOG] = "INSERT INTO kb_changes (seq, entry_id) VALUES (?, ?)",
	[STMT_CHANGE_LAST] = "SELECT seq FROM kb_change_seq WHERE id = 1",
	[STMT_CHANGES] = "SELECT seq, entry_id FROM kb_changes WHERE seq > ? ORDER BY seq LIMIT ?",
	[STMT_DOCS_AFTER] = "SELECT " DOC_COLS " FROM kb_search s JOIN kb_versions v ON v.id = s.version_id"
	" WHERE s.entry_id > ? ORDER BY s.entry_id LIMIT ?",
	[STMT_DOC_FIELDS_BETWEEN] = "SELECT s.entry_id, f.name, f.value FROM kb_search s"
	" JOIN kb_fields f ON f.version_id = s.version_id"
	" WHERE s.entry_id BETWEEN ? AND ? ORDER BY s.entry_id",
	[STMT_DOCS_CHANGED] = "SELECT " DOC_COLS " FROM kb_search s JOIN kb_versions v ON v.id = s.version_id"
	" WHERE s.entry_id IN (SELECT c.entry_id FROM kb_changes c WHERE c.seq > ? AND c.seq <= ?)"
	" ORDER BY s.entry_id",
	[STMT_DOC_FIELDS_CHANGED] = "SELECT s.entry_id, f.name, f.value FROM kb_search s"
	" JOIN kb_fields f ON f.version_id = s.version_id"
	" WHERE s.entry_id IN (SELECT c.entry_id FROM kb_changes c WHERE c.seq > ? AND c.seq <= ?)"
	" ORDER BY s.entry_id",
	/* the same keys three times */
	[STMT_QUERY_HELP] = "SELECT 'c', '', '', seq, 0 FROM kb_change_seq WHERE id = 1"
	" UNION ALL"
	" SELECT 's', y.a, y.b, 0, 0 FROM " JSON_KEYS("k") " JOIN kb_synonyms y ON y.a = j.k"
	" UNION ALL"
	" SELECT 's', y.b, y.a, 0, 0 FROM " JSON_KEYS("k") " JOIN kb_synonyms y ON y.b = j.k"
	" UNION ALL"
	" SELECT 'l', l.terms, l.entry_id, " DECAYED ", l.id FROM kb_learned l"
	" WHERE l.id IN (SELECT t.learned_id FROM " JSON_KEYS("k")
	"  JOIN kb_learned_terms t ON t.term = j.k)"
	" LIMIT 500",
	[STMT_ROWS] = "SELECT s.entry_id, s.title, s.summary, u.name, s.kind"
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id INT UNSIGNED PATH '$')) j"
	" JOIN kb_search s ON s.entry_id = j.id JOIN units u ON u.id = s.unit_id"
	" WHERE (? = 0 OR s.visibility = 'public')",
	[STMT_SYNONYMS] = "SELECT y.id, y.a, y.b, " DB_BJ_MINUTE("y.created_at") ", COALESCE(u.display_name, '')"
	" FROM kb_synonyms y LEFT JOIN users u ON u.id = y.created_by"
	" ORDER BY y.a, y.b LIMIT 5000",
	[STMT_SYNONYM_ADD] = "INSERT INTO kb_synonyms (a, b, created_by) VALUES (LEAST(?, ?), GREATEST(?, ?), NULLIF(?, 0))",
	[STMT_SYNONYM] = "SELECT id, a, b FROM kb_synonyms WHERE id = ?",
	[STMT_SYNONYM_DELETE] = "DELETE FROM kb_synonyms WHERE id = ?",
	[STMT_SYNONYM_COUNT] = "SELECT COUNT(*) FROM kb_synonyms",
	/* id = LAST_INSERT_ID(id) names the row either way */
	[STMT_LEARN_PUT] = "INSERT INTO kb_learned (entry_id, terms, query) VALUES (?, ?, ?)"
	" ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id),"
	" score = score * POW(0.5, TIMESTAMPDIFF(SECOND, updated_at, UTC_TIMESTAMP()) / (86400 * ?)) + 1,"
	" answers = answers + 1, updated_at = UTC_TIMESTAMP()",
	[STMT_LEARN_TERMS] = "INSERT IGNORE INTO kb_learned_terms (term, learned_id)"
	" SELECT j.k, ? FROM " JSON_KEYS("k"),
	[STMT_LEARNED] = "SELECT l.id, l.query, l.entry_id, COALESCE(s.title, ''), l.answers, " DECAYED ","
	" " DB_BJ_MINUTE("l.updated_at")
	" FROM kb_learned l LEFT JOIN kb_search s ON s.entry_id = l.entry_id"
	" ORDER BY 6 DESC, l.id LIMIT ?",
	[STMT_LEARNED_ONE] = "SELECT id, query, entry_id FROM kb_learned WHERE id = ?",
	/* its terms go with it (ON DELETE CASCADE) */
	[STMT_LEARNED_DELETE] = "DELETE FROM kb_learned WHERE id = ?",
	[STMT_GAP_CLIENT] = "INSERT INTO kb_gap_clients (client_addr, day, n) VALUES (?, ?, 1)"
	" ON DUPLICATE KEY UPDATE n = n + 1",
	[STMT_GAP_CLIENT_COUNT] = "SELECT n FROM kb_gap_clients WHERE client_addr = ? AND day = ?",
	[STMT_GAP_RECORD] = "INSERT INTO kb_gaps (query, sample, operator_hits, public_hits) VALUES (?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE hits = hits + 1, last_at = UTC_TIMESTAMP(),"
	" operator_hits = operator_hits + VALUES(operator_hits),"
	" public_hits = public_hits + VALUES(public_hits)",
};

int srch_change_log(struct db *db, struct arena *a, long long entry_id)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_CHANGE_NEXT], &res);
	if (rc == DB_OK && res.affected != 1)
		rc = DB_ERR;
	if (rc == DB_OK)
		rc = db_exec(db, a, sql[STMT_CHANGE_LOG], NULL, DB_I(res.insert_id),
			     DB_I(entry_id));
	return rc;
}

int srch_change_last(struct db *db, struct arena *a, unsigned long long *seq)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_CHANGE_LAST], &res);
	if (rc == DB_OK && res.nrows != 1)
		rc = DB_ERR;
	if (rc == DB_OK)
		*seq = (unsigned long long)db_int(&res, 0, 0);
	return rc;
}

int srch_changes(struct db *db, struct arena *a, unsigned long long after, int limit,
		 struct dbres *out)
{
	return db_exec(db, a, sql[STMT_CHANGES], out, DB_I(after), DB_I(limit));
}

int srch_docs_after(struct db *db, struct arena *a, long long after_id, int limit,
		    struct dbres *out)
{
	return db_exec(db, a, sql[STMT_DOCS_AFTER], out, DB_I(after_id), DB_I(limit));
}

int srch_doc_fields_between(struct db *db, struct arena *a, long long first,
			    long long last, struct dbres *out)
{
	return db_exec(db, a, sql[STMT_DOC_FIELDS_BETWEEN], out, DB_I(first), DB_I(last));
}

int srch_docs_changed(struct db *db, struct arena *a, unsigned long long from,
		      unsigned long long to, struct dbres *out)
{
	return db_exec(db, a, sql[STMT_DOCS_CHANGED], out, DB_I(from), DB_I(to));
}

int srch_doc_fields_changed(struct db *db, struct arena *a, unsigned long long from,
			    unsigned long long to, struct dbres *out)
{
	return db_exec(db, a, sql[STMT_DOC_FIELDS_CHANGED], out, DB_I(from), DB_I(to));
}

int srch_query_help(struct db *db, struct arena *a, const char *keys_json,
		    double half_life_days, struct dbres *out)
{
	/* The half-life is bound as text: db_run has no floating type. */
	const char *hl = arena_printf(a, "%.3f", half_life_days);
	return db_exec(db, a, sql[STMT_QUERY_HELP], out, DB_S(keys_json), DB_S(keys_json),
		       DB_S(hl), DB_S(keys_json));
}

int srch_rows(struct db *db, struct arena *a, const char *ids_json, int public_only,
	      struct dbres *out)
{
	return db_exec(db, a, sql[STMT_ROWS], out, DB_S(ids_json), DB_I(public_only));
}

int srch_synonyms(struct db *db, struct arena *a, struct dbres *out)
{
	return db_exec0(db, a, sql[STMT_SYNONYMS], out);
}

int srch_synonym_add(struct db *db, struct arena *a, const char *x, const char *y,
		     long long user_id, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SYNONYM_ADD], &res, DB_S(x), DB_S(y), DB_S(x),
			 DB_S(y), DB_I(user_id));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int srch_synonym(struct db *db, struct arena *a, long long id, struct dbres *out)
{
	return db_exec(db, a, sql[STMT_SYNONYM], out, DB_I(id));
}

int srch_synonym_delete(struct db *db, struct arena *a, long long id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SYNONYM_DELETE], &res, DB_I(id));
	return db_changed(rc, &res);
}

int srch_synonym_count(struct db *db, struct arena *a, long long *n)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_SYNONYM_COUNT], &res);
	if (rc == DB_OK)
		*n = db_int(&res, 0, 0);
	return rc;
}

int srch_learn(struct db *db, struct arena *a, long long entry_id, const char *terms,
	       const char *query, const char *terms_json, double half_life_days)
{
	struct dbres res;
	const char *hl = arena_printf(a, "%.3f", half_life_days);
	int rc = db_exec(db, a, sql[STMT_LEARN_PUT], &res, DB_I(entry_id), DB_S(terms),
			 DB_S(query), DB_S(hl));
	if (rc == DB_OK)
		rc = db_exec(db, a, sql[STMT_LEARN_TERMS], NULL, DB_I(res.insert_id),
			     DB_S(terms_json));
	return rc;
}

int srch_learned(struct db *db, struct arena *a, double half_life_days, int limit,
		 struct dbres *out)
{
	const char *hl = arena_printf(a, "%.3f", half_life_days);
	return db_exec(db, a, sql[STMT_LEARNED], out, DB_S(hl), DB_I(limit));
}

int srch_learned_one(struct db *db, struct arena *a, long long id, struct dbres *out)
{
	return db_exec(db, a, sql[STMT_LEARNED_ONE], out, DB_I(id));
}

int srch_learned_delete(struct db *db, struct arena *a, long long id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_LEARNED_DELETE], &res, DB_I(id));
	return db_changed(rc, &res);
}

int srch_gap_record(struct db *db, struct arena *a, const char *key, const char *sample,
		    int public_src, const char *client, const char *day, int per_day,
		    int *counted)
{
	struct dbres res;
	int rc = DB_OK;
	*counted = 0;
	if (public_src) {
		rc = db_exec(db, a, sql[STMT_GAP_CLIENT_COUNT], &res, DB_S(client), DB_S(day));
		if (rc != DB_OK || (res.nrows == 1 && db_int(&res, 0, 0) >= per_day))
			return rc;
		rc = db_exec(db, a, sql[STMT_GAP_CLIENT], NULL, DB_S(client), DB_S(day));
	}
	if (rc == DB_OK)
		rc = db_exec(db, a, sql[STMT_GAP_RECORD], NULL, DB_S(key), DB_S(sample),
			     DB_I(!public_src), DB_I((public_src != 0)));
	if (rc == DB_OK)
		*counted = 1;
	return rc;
}
