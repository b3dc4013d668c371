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

DB_ROW_COLS(search_change_row, SRCH_CHANGE_ROW);
DB_ROW_COLS(search_doc_row, SRCH_DOC_ROW);
DB_ROW_COLS(search_doc_field_row, SRCH_DOC_FIELD_ROW);
DB_ROW_COLS(search_help_row, SRCH_HELP_ROW);
DB_ROW_COLS(kb_hit_row, KB_HIT_ROW);
DB_ROW_COLS(search_synonym_row, SRCH_SYNONYM_ROW);
DB_ROW_COLS(search_learned_row, SRCH_LEARNED_ROW);
DB_ROW_COLS(search_pair_row, SRCH_PAIR_ROW);

/* Numbers the store reads for itself. */
#define SEQ_ROW(X, S) X(S, INT, seq, "seq")
DB_ROW_STRUCT(seq_row, SEQ_ROW);
DB_ROW_COLS(seq_row, SEQ_ROW);
#define COUNT_ROW(X, S) X(S, INT, n, "COUNT(*)")
DB_ROW_STRUCT(count_row, COUNT_ROW);
DB_ROW_COLS(count_row, COUNT_ROW);
#define GAP_CLIENT_ROW(X, S) X(S, INT, n, "n")
DB_ROW_STRUCT(gap_client_row, GAP_CLIENT_ROW);
DB_ROW_COLS(gap_client_row, GAP_CLIENT_ROW);

#define DOC_FROM " FROM kb_search s JOIN kb_versions v ON v.id = s.version_id"
#define DOC_FIELD_FROM " FROM kb_search s JOIN kb_fields f ON f.version_id = s.version_id"
#define CHANGED "(SELECT c.entry_id FROM kb_changes c WHERE c.seq > ? AND c.seq <= ?)"
#define JSON_KEYS(col) "JSON_TABLE(?, '$[*]' COLUMNS (" col " VARCHAR(200) PATH '$')) j"
#define SYNONYM_FROM " FROM kb_synonyms y LEFT JOIN users u ON u.id = y.created_by"

static const char *const sql[STMT__MAX] = {
	/* the row stays locked until commit */
	[STMT_CHANGE_NEXT] = "UPDATE kb_change_seq SET seq = LAST_INSERT_ID(seq + 1) WHERE id = 1",
	[STMT_CHANGE_LOG] = "INSERT INTO kb_changes (seq, entry_id) VALUES (?, ?)",
	[STMT_CHANGE_LAST] = "SELECT " DB_COLS(SEQ_ROW) " FROM kb_change_seq WHERE id = 1",
	[STMT_CHANGES] = "SELECT " DB_COLS(SRCH_CHANGE_ROW) " FROM kb_changes WHERE seq > ?"
	" ORDER BY seq LIMIT ?",
	[STMT_DOCS_AFTER] = "SELECT " DB_COLS(SRCH_DOC_ROW) DOC_FROM
	" WHERE s.entry_id > ? ORDER BY s.entry_id LIMIT ?",
	[STMT_DOC_FIELDS_BETWEEN] = "SELECT " DB_COLS(SRCH_DOC_FIELD_ROW) DOC_FIELD_FROM
	" WHERE s.entry_id BETWEEN ? AND ? ORDER BY s.entry_id",
	[STMT_DOCS_CHANGED] = "SELECT " DB_COLS(SRCH_DOC_ROW) DOC_FROM
	" WHERE s.entry_id IN " CHANGED " ORDER BY s.entry_id",
	[STMT_DOC_FIELDS_CHANGED] = "SELECT " DB_COLS(SRCH_DOC_FIELD_ROW) DOC_FIELD_FROM
	" WHERE s.entry_id IN " CHANGED " ORDER BY s.entry_id",
	/* the branches name the columns (h) that the list reads; the same
	 * keys three times */
	[STMT_QUERY_HELP] = "SELECT " DB_COLS(SRCH_HELP_ROW) " FROM ("
	" SELECT 'c' AS kind, '' AS word, '' AS other, seq, 0 AS entry_id, 0 AS score, 0 AS id"
	"  FROM kb_change_seq WHERE id = 1"
	" UNION ALL"
	" SELECT 's', y.a, y.b, 0, 0, 0, 0 FROM " JSON_KEYS("k") " JOIN kb_synonyms y ON y.a = j.k"
	" UNION ALL"
	" SELECT 's', y.b, y.a, 0, 0, 0, 0 FROM " JSON_KEYS("k") " JOIN kb_synonyms y ON y.b = j.k"
	" UNION ALL"
	" SELECT 'l', l.terms, '', 0, l.entry_id, " SRCH_DECAYED ", l.id FROM kb_learned l"
	" WHERE l.id IN (SELECT t.learned_id FROM " JSON_KEYS("k")
	"  JOIN kb_learned_terms t ON t.term = j.k)"
	") h LIMIT 500",
	[STMT_ROWS] = "SELECT " DB_COLS(KB_HIT_ROW)
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (id INT UNSIGNED PATH '$')) j"
	" JOIN kb_search s ON s.entry_id = j.id JOIN units u ON u.id = s.unit_id"
	" WHERE (? = 0 OR s.visibility = 'public')",
	[STMT_SYNONYMS] = "SELECT " DB_COLS(SRCH_SYNONYM_ROW) SYNONYM_FROM
	" ORDER BY y.a, y.b LIMIT 5000",
	[STMT_SYNONYM_ADD] = "INSERT INTO kb_synonyms (a, b, created_by) VALUES (LEAST(?, ?), GREATEST(?, ?), NULLIF(?, 0))",
	[STMT_SYNONYM] = "SELECT " DB_COLS(SRCH_SYNONYM_ROW) SYNONYM_FROM " WHERE y.id = ?",
	[STMT_SYNONYM_DELETE] = "DELETE FROM kb_synonyms WHERE id = ?",
	[STMT_SYNONYM_COUNT] = "SELECT " DB_COLS(COUNT_ROW) " FROM kb_synonyms",
	/* id = LAST_INSERT_ID(id) names the row either way */
	[STMT_LEARN_PUT] = "INSERT INTO kb_learned (entry_id, terms, query) VALUES (?, ?, ?)"
	" ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id),"
	" score = score * POW(0.5, TIMESTAMPDIFF(SECOND, updated_at, UTC_TIMESTAMP()) / (86400 * ?)) + 1,"
	" answers = answers + 1, updated_at = UTC_TIMESTAMP()",
	[STMT_LEARN_TERMS] = "INSERT IGNORE INTO kb_learned_terms (term, learned_id)"
	" SELECT j.k, ? FROM " JSON_KEYS("k"),
	[STMT_LEARNED] = "SELECT " DB_COLS(SRCH_LEARNED_ROW)
	" FROM kb_learned l LEFT JOIN kb_search s ON s.entry_id = l.entry_id"
	" ORDER BY decayed DESC, l.id LIMIT ?",
	[STMT_LEARNED_ONE] = "SELECT " DB_COLS(SRCH_PAIR_ROW) " FROM kb_learned WHERE id = ?",
	/* its terms go with it (ON DELETE CASCADE) */
	[STMT_LEARNED_DELETE] = "DELETE FROM kb_learned WHERE id = ?",
	[STMT_GAP_CLIENT] = "INSERT INTO kb_gap_clients (client_addr, day, n) VALUES (?, ?, 1)"
	" ON DUPLICATE KEY UPDATE n = n + 1",
	[STMT_GAP_CLIENT_COUNT] = "SELECT " DB_COLS(GAP_CLIENT_ROW) " FROM kb_gap_clients"
	" WHERE client_addr = ? AND day = ?",
	[STMT_GAP_RECORD] = "INSERT INTO kb_gaps (query, sample, operator_hits, public_hits) VALUES (?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE hits = hits + 1, last_at = UTC_TIMESTAMP(),"
	" operator_hits = operator_hits + VALUES(operator_hits),"
	" public_hits = public_hits + VALUES(public_hits)",
};

int search_change_log(struct db *db, struct arena *a, long long entry_id)
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

int search_change_last(struct db *db, struct arena *a, unsigned long long *seq)
{
	struct dbres res;
	struct seq_row *r;
	int rc = db_exec0(db, a, sql[STMT_CHANGE_LAST], &res);
	DB_ROW_OUT(rc, &res, seq_row, a, &r);
	if (rc == DB_OK && r == NULL)
		rc = DB_ERR;
	if (rc == DB_OK)
		*seq = (unsigned long long)r->seq;
	return rc;
}

int search_changes(struct db *db, struct arena *a, unsigned long long after, int limit,
		 struct search_change_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CHANGES], &res, DB_I(after), DB_I(limit));
	DB_ROWS_OUT(rc, &res, search_change_row, a, v, n);
	return rc;
}

int search_docs_after(struct db *db, struct arena *a, long long after_id, int limit,
		    struct search_doc_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_DOCS_AFTER], &res, DB_I(after_id), DB_I(limit));
	DB_ROWS_OUT(rc, &res, search_doc_row, a, v, n);
	return rc;
}

int search_doc_fields_between(struct db *db, struct arena *a, long long first,
			    long long last, struct search_doc_field_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_DOC_FIELDS_BETWEEN], &res, DB_I(first), DB_I(last));
	DB_ROWS_OUT(rc, &res, search_doc_field_row, a, v, n);
	return rc;
}

int search_docs_changed(struct db *db, struct arena *a, unsigned long long from,
		      unsigned long long to, struct search_doc_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_DOCS_CHANGED], &res, DB_I(from), DB_I(to));
	DB_ROWS_OUT(rc, &res, search_doc_row, a, v, n);
	return rc;
}

int search_doc_fields_changed(struct db *db, struct arena *a, unsigned long long from,
			    unsigned long long to, struct search_doc_field_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_DOC_FIELDS_CHANGED], &res, DB_I(from), DB_I(to));
	DB_ROWS_OUT(rc, &res, search_doc_field_row, a, v, n);
	return rc;
}

int search_query_help(struct db *db, struct arena *a, const char *keys_json,
		    double half_life_days, struct search_help_row **v, size_t *n)
{
	/* The half-life is bound as text: a parameter has no floating type. */
	const char *hl = arena_printf(a, "%.3f", half_life_days);
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_QUERY_HELP], &res, DB_S(keys_json), DB_S(keys_json),
			 DB_S(hl), DB_S(keys_json));
	DB_ROWS_OUT(rc, &res, search_help_row, a, v, n);
	return rc;
}

int search_rows(struct db *db, struct arena *a, const char *ids_json, int public_only,
	      struct kb_hit_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_ROWS], &res, DB_S(ids_json), DB_I(public_only));
	DB_ROWS_OUT(rc, &res, kb_hit_row, a, v, n);
	return rc;
}

int search_synonyms(struct db *db, struct arena *a, struct search_synonym_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_SYNONYMS], &res);
	DB_ROWS_OUT(rc, &res, search_synonym_row, a, v, n);
	return rc;
}

int search_synonym_add(struct db *db, struct arena *a, const char *x, const char *y,
		     long long user_id, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SYNONYM_ADD], &res, DB_S(x), DB_S(y), DB_S(x),
			 DB_S(y), DB_I(user_id));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int search_synonym(struct db *db, struct arena *a, long long id, struct search_synonym_row **y)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SYNONYM], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, search_synonym_row, a, y);
	return rc;
}

int search_synonym_delete(struct db *db, struct arena *a, long long id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SYNONYM_DELETE], &res, DB_I(id));
	return db_changed(rc, &res);
}

int search_synonym_count(struct db *db, struct arena *a, long long *n)
{
	struct dbres res;
	struct count_row *r;
	int rc = db_exec0(db, a, sql[STMT_SYNONYM_COUNT], &res);
	DB_ROW_OUT(rc, &res, count_row, a, &r);
	if (rc == DB_OK)
		*n = r ? r->n : 0;
	return rc;
}

int search_learn(struct db *db, struct arena *a, long long entry_id, const char *terms,
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

int search_learned(struct db *db, struct arena *a, double half_life_days, int limit,
		 struct search_learned_row **v, size_t *n)
{
	const char *hl = arena_printf(a, "%.3f", half_life_days);
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_LEARNED], &res, DB_S(hl), DB_I(limit));
	DB_ROWS_OUT(rc, &res, search_learned_row, a, v, n);
	return rc;
}

int search_learned_one(struct db *db, struct arena *a, long long id, struct search_pair_row **p)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_LEARNED_ONE], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, search_pair_row, a, p);
	return rc;
}

int search_learned_delete(struct db *db, struct arena *a, long long id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_LEARNED_DELETE], &res, DB_I(id));
	return db_changed(rc, &res);
}

int search_gap_record(struct db *db, struct arena *a, const char *key, const char *sample,
		    int public_src, const char *client, const char *day, int per_day,
		    int *counted)
{
	struct dbres res;
	int rc = DB_OK;
	*counted = 0;
	if (public_src) {
		struct gap_client_row *today;
		rc = db_exec(db, a, sql[STMT_GAP_CLIENT_COUNT], &res, DB_S(client), DB_S(day));
		DB_ROW_OUT(rc, &res, gap_client_row, a, &today);
		if (rc != DB_OK || (today && today->n >= per_day))
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
