#include "kb_store.h"

enum stmt {
	STMT_ENTRY,
	STMT_VERSION,
	STMT_FIELDS,
	STMT_VERSIONS,
	STMT_UNIT_ENTRIES,
	STMT_PENDING,
	STMT_OVERDUE,
	STMT_REVIEW_DUE,
	STMT_REVIEW_CONFIRM,
	STMT_ENTRY_INSERT,
	STMT_ENTRY_SET,
	STMT_ENTRY_OBSOLETE,
	STMT_NEXT_VERSION_NO,
	STMT_VERSION_INSERT,
	STMT_VERSION_UPDATE,
	STMT_VERSION_STATE,
	STMT_FIELDS_CLEAR,
	STMT_FIELD_PUT,
	STMT_FIELDS_COPY,
	STMT_SEARCH_PUT,
	STMT_SEARCH_DROP,
	STMT_SEARCH_ALL,
	STMT_SEARCH_PUBLIC,
	STMT_BROWSE,
	STMT_PUBLIC_ENTRY,
	STMT_PUBLIC_UNITS,
	STMT_VOTES_TODAY,
	STMT_VOTE_LOG,
	STMT_VOTE_COUNT,
	STMT_EXPORT,
	STMT_GRANTORS,
	STMT_UPDATE_INSERT,
	STMT_UPDATE_EVENT,
	STMT_UPDATE,
	STMT_UPDATE_LOCK,
	STMT_UPDATE_EVENTS,
	STMT_UPDATES,
	STMT_UPDATE_SET,
	STMT_GAPS,
	STMT_GAP,
	STMT_GAP_ASSIGN,
	STMT_GRANTS,
	STMT_GRANT,
	STMT_GRANT_INSERT,
	STMT_GRANT_SET,
	STMT__MAX
};

DB_ROW_COLS(kb_entry_row, KB_ENTRY_ROW);
DB_ROW_COLS(kb_version_row, KB_VERSION_ROW);
DB_ROW_COLS(kb_field_row, KB_FIELD_ROW);
DB_ROW_COLS(kb_unit_entry_row, KB_UNIT_ENTRY_ROW);
DB_ROW_COLS(kb_pending_row, KB_PENDING_ROW);
DB_ROW_COLS(kb_overdue_row, KB_OVERDUE_ROW);
DB_ROW_COLS(kb_review_row, KB_REVIEW_ROW);
DB_ROW_COLS(kb_hit_row, KB_HIT_ROW);
DB_ROW_COLS(kb_public_entry_row, KB_PUBLIC_ENTRY_ROW);
DB_ROW_COLS(kb_public_unit_row, KB_PUBLIC_UNIT_ROW);
DB_ROW_COLS(kb_export_row, KB_EXPORT_ROW);
DB_ROW_COLS(kb_grantor_row, KB_GRANTOR_ROW);
DB_ROW_COLS(kb_update_row, KB_UPDATE_ROW);
DB_ROW_COLS(kb_update_event_row, KB_UPDATE_EVENT_ROW);
DB_ROW_COLS(kb_update_item_row, KB_UPDATE_ITEM_ROW);
DB_ROW_COLS(kb_gap_row, KB_GAP_ROW);
DB_ROW_COLS(kb_grant_row, KB_GRANT_ROW);

/* Numbers the store reads for itself. */
#define VOTES_TODAY_ROW(X, S) X(S, INT, n, "COUNT(*)")
DB_ROW_STRUCT(votes_today_row, VOTES_TODAY_ROW);
DB_ROW_COLS(votes_today_row, VOTES_TODAY_ROW);
#define NEXT_NO_ROW(X, S) X(S, INT, no, "COALESCE(MAX(version_no), 0) + 1")
DB_ROW_STRUCT(next_no_row, NEXT_NO_ROW);
DB_ROW_COLS(next_no_row, NEXT_NO_ROW);

#define ENTRY_FROM " FROM kb_entries e JOIN units u ON u.id = e.unit_id WHERE e.id = ?"
#define VERSION_JOINS \
	" LEFT JOIN users au ON au.id = v.author_id" \
	" LEFT JOIN users de ON de.id = v.decided_by"
#define GAP_FROM " FROM kb_gaps g" \
	" LEFT JOIN kb_updates k ON k.id = g.update_id LEFT JOIN units u ON u.id = k.unit_id"
#define GRANT_FROM " FROM kb_grants g JOIN units o ON o.id = g.owner_unit_id" \
	" JOIN units t ON t.id = g.grantee_unit_id JOIN users u ON u.id = g.requested_by"

/* Ranking (K2): all terms in the title first, then in the keywords, then
 * by relevance anywhere. The three MATCHes take the same boolean query.
 * The browse indexes are ignored: with the visibility test the optimizer
 * otherwise reads them too and a common word costs five times as much.
 * The query text is converted to utf8mb4 explicitly: bound as a plain
 * binary-protocol string, a common word took 0.2-0.6 s against 0.04 s.
 * The page of ids is ranked first and only its rows are joined: ranking
 * the full rows of a common word (thousands) cost twice as much. */
#define AGAINST "AGAINST (CONVERT(? USING utf8mb4) IN BOOLEAN MODE)"
#define SEARCH(col) \
	"SELECT " DB_COLS(KB_HIT_ROW) " FROM (" \
	" SELECT entry_id, MATCH(title_bg) " AGAINST " > 0 AS t," \
	" MATCH(keywords_bg) " AGAINST " > 0 AS k, MATCH(" col ") " AGAINST " AS r" \
	" FROM kb_search IGNORE INDEX (k_kb_search_browse, k_kb_search_unit)" \
	" WHERE MATCH(" col ") " AGAINST " AND (? = 0 OR visibility = 'public')" \
	" ORDER BY t DESC, k DESC, r DESC, entry_id DESC LIMIT ? OFFSET ?) x" \
	" JOIN kb_search s ON s.entry_id = x.entry_id JOIN units u ON u.id = s.unit_id" \
	" ORDER BY x.t DESC, x.k DESC, x.r DESC, x.entry_id DESC"

static const char *const sql[STMT__MAX] = {
	[STMT_ENTRY] = "SELECT " DB_COLS(KB_ENTRY_ROW) ENTRY_FROM,
	[STMT_VERSION] = "SELECT " DB_COLS(KB_VERSION_ROW) " FROM kb_versions v" VERSION_JOINS
	" WHERE v.id = ?",
	[STMT_FIELDS] = "SELECT " DB_COLS(KB_FIELD_ROW) " FROM kb_fields WHERE version_id = ?",
	[STMT_VERSIONS] = "SELECT " DB_COLS(KB_VERSION_ROW) " FROM kb_versions v" VERSION_JOINS
	" WHERE v.entry_id = ? ORDER BY v.version_no DESC LIMIT 500",
	/* the month is the parameter of the list's last column */
	[STMT_UNIT_ENTRIES] = "SELECT " DB_COLS(KB_UNIT_ENTRY_ROW) " FROM kb_entries e"
	" LEFT JOIN kb_versions p ON p.id = e.published_version_id"
	" LEFT JOIN kb_versions d ON d.id = e.draft_version_id"
	" WHERE e.unit_id = ? ORDER BY e.obsolete, e.id DESC LIMIT 1000",
	[STMT_PENDING] = "SELECT " DB_COLS(KB_PENDING_ROW) " FROM kb_entries e"
	" JOIN kb_versions v ON v.id = e.draft_version_id"
	" WHERE e.unit_id = ? AND v.state = 'pending' ORDER BY v.due_date LIMIT 500",
	[STMT_OVERDUE] = "SELECT " DB_COLS(KB_OVERDUE_ROW) " FROM kb_versions v"
	" JOIN kb_entries e ON e.draft_version_id = v.id"
	" JOIN units u ON u.id = e.unit_id"
	" WHERE v.state IN ('draft', 'pending', 'rejected') AND v.due_date < ?"
	" AND (? = 0 OR e.unit_id = ?) AND (? = 0 OR u.jurisdiction_id = ?)"
	" ORDER BY v.due_date LIMIT 500",
	[STMT_REVIEW_DUE] = "SELECT " DB_COLS(KB_REVIEW_ROW) " FROM kb_entries e"
	" JOIN kb_versions p ON p.id = e.published_version_id"
	" JOIN units u ON u.id = e.unit_id"
	" WHERE e.obsolete = 0 AND (? = 0 OR e.unit_id = ?)"
	" AND (? = 0 OR u.jurisdiction_id = ?)"
	" AND NOT EXISTS (SELECT 1 FROM kb_reviews r WHERE r.entry_id = e.id AND r.month = ?)"
	" ORDER BY u.id, e.id LIMIT ?",
	/* only the unit's own published entries */
	[STMT_REVIEW_CONFIRM] = "INSERT IGNORE INTO kb_reviews (entry_id, month, user_id)"
	" SELECT e.id, ?, ? FROM kb_entries e WHERE e.id = ? AND e.unit_id = ?"
	" AND e.published_version_id IS NOT NULL AND e.obsolete = 0",
	[STMT_ENTRY_INSERT] = "INSERT INTO kb_entries (unit_id, kind, visibility) VALUES (?, ?, ?)",
	[STMT_ENTRY_SET] = "UPDATE kb_entries SET visibility = ?, published_version_id = NULLIF(?, 0),"
	" draft_version_id = NULLIF(?, 0), updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_ENTRY_OBSOLETE] = "UPDATE kb_entries SET obsolete = 1, obsolete_reason = ?, obsolete_on = ?,"
	" updated_at = UTC_TIMESTAMP() WHERE id = ? AND obsolete = 0",
	[STMT_NEXT_VERSION_NO] = "SELECT " DB_COLS(NEXT_NO_ROW) " FROM kb_versions WHERE entry_id = ?",
	[STMT_VERSION_INSERT] = "INSERT INTO kb_versions (entry_id, version_no, state, visibility, title,"
	" keywords, major, change_date, due_date, author_id)"
	" VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)",
	[STMT_VERSION_UPDATE] = "UPDATE kb_versions SET visibility = ?, title = ?, keywords = ?, major = ?,"
	" change_date = ?, due_date = ? WHERE id = ?",
	[STMT_VERSION_STATE] = "UPDATE kb_versions SET state = ?,"
	" reject_reason = IF(? = 'rejected', ?, reject_reason),"
	" submitted_at = IF(? = 'pending', UTC_TIMESTAMP(), submitted_at),"
	" decided_by = IF(? IN ('published', 'rejected'), ?, decided_by),"
	" decided_at = IF(? IN ('published', 'rejected'), UTC_TIMESTAMP(), decided_at)"
	" WHERE id = ? AND state = ?",
	[STMT_FIELDS_CLEAR] = "DELETE FROM kb_fields WHERE version_id = ?",
	[STMT_FIELD_PUT] = "INSERT INTO kb_fields (version_id, name, value) VALUES (?, ?, ?)",
	[STMT_FIELDS_COPY] = "INSERT INTO kb_fields (version_id, name, value)"
	" SELECT ?, name, value FROM kb_fields WHERE version_id = ?",
	[STMT_SEARCH_PUT] = "REPLACE INTO kb_search (entry_id, version_id, unit_id, kind, visibility,"
	" title, summary, title_bg, keywords_bg, pub_bg, all_bg)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_SEARCH_DROP] = "DELETE FROM kb_search WHERE entry_id = ?",
	[STMT_SEARCH_ALL] = SEARCH("all_bg"),
	[STMT_SEARCH_PUBLIC] = SEARCH("pub_bg"),
	[STMT_BROWSE] = "SELECT " DB_COLS(KB_HIT_ROW) " FROM kb_search s"
	" JOIN units u ON u.id = s.unit_id WHERE s.visibility = 'public'"
	" AND (? = '' OR s.kind = ?) AND (? = 0 OR s.unit_id = ?)"
	" ORDER BY s.entry_id DESC LIMIT ? OFFSET ?",
	[STMT_PUBLIC_ENTRY] = "SELECT " DB_COLS(KB_PUBLIC_ENTRY_ROW) " FROM kb_search s"
	" JOIN units u ON u.id = s.unit_id"
	" JOIN kb_versions v ON v.id = s.version_id"
	" JOIN kb_entries e ON e.id = s.entry_id"
	" LEFT JOIN kb_votes vt ON vt.entry_id = s.entry_id"
	" WHERE s.entry_id = ? AND s.visibility = 'public' AND e.obsolete = 0"
	" AND v.state = 'published'",
	/* every unit with a public entry (a deactivated
	 * one's entries stay published until marked obsolete), by one index
	 * probe per unit. As EXISTS the optimizer may instead materialise
	 * every public row (90,000 at the bench's size: 0.1 s a page); a
	 * scalar subquery with LIMIT stays a probe. */
	[STMT_PUBLIC_UNITS] = "SELECT " DB_COLS(KB_PUBLIC_UNIT_ROW) " FROM units u WHERE"
	" (SELECT 1 FROM kb_search s WHERE s.unit_id = u.id AND s.visibility = 'public'"
	"  LIMIT 1) IS NOT NULL"
	" ORDER BY u.id LIMIT 500",
	[STMT_VOTES_TODAY] = "SELECT " DB_COLS(VOTES_TODAY_ROW) " FROM kb_vote_log"
	" WHERE client_addr = ? AND day = ?",
	[STMT_VOTE_LOG] = "INSERT IGNORE INTO kb_vote_log (entry_id, client_addr, day) VALUES (?, ?, ?)",
	[STMT_VOTE_COUNT] = "INSERT INTO kb_votes (entry_id, useful, useless) VALUES (?, ?, ?)"
	" ON DUPLICATE KEY UPDATE useful = useful + VALUES(useful),"
	" useless = useless + VALUES(useless)",
	[STMT_EXPORT] = "SELECT " DB_COLS(KB_EXPORT_ROW) " FROM kb_entries e"
	" JOIN kb_versions v ON v.id = e.published_version_id"
	" JOIN units u ON u.id = e.unit_id"
	" LEFT JOIN kb_fields f ON f.version_id = v.id"
	" WHERE e.unit_id = ? AND e.obsolete = 0 ORDER BY e.id",
	[STMT_GRANTORS] = "SELECT DISTINCT " DB_COLS(KB_GRANTOR_ROW) " FROM kb_grants"
	" WHERE grantee_unit_id = ? AND state = 'granted' AND expires_on >= ?",
	[STMT_UPDATE_INSERT] = "INSERT INTO kb_updates (entry_id, unit_id, problem, text, reporter_id, due_date,"
	" reported_version_id) SELECT NULLIF(?, 0), ?, ?, ?, ?, ?,"
	" (SELECT e.published_version_id FROM kb_entries e WHERE e.id = ?)",
	[STMT_UPDATE_EVENT] = "INSERT INTO kb_update_events (update_id, user_id, unit_id, action, text)"
	" VALUES (?, ?, NULLIF(?, 0), ?, ?)",
	[STMT_UPDATE] = "SELECT " DB_COLS(KB_UPDATE_ROW) " FROM kb_updates k"
	" JOIN units u ON u.id = k.unit_id"
	" JOIN users rp ON rp.id = k.reporter_id"
	" LEFT JOIN kb_entries e ON e.id = k.entry_id"
	" LEFT JOIN kb_versions pv ON pv.id = e.published_version_id"
	" LEFT JOIN kb_versions lv ON lv.id = k.version_id"
	" WHERE k.id = ?",
	[STMT_UPDATE_LOCK] = "SELECT id FROM kb_updates WHERE id = ? FOR UPDATE",
	[STMT_UPDATE_EVENTS] = "SELECT " DB_COLS(KB_UPDATE_EVENT_ROW) " FROM kb_update_events ev"
	" JOIN users us ON us.id = ev.user_id LEFT JOIN units un ON un.id = ev.unit_id"
	" WHERE ev.update_id = ? ORDER BY ev.id LIMIT 500",
	[STMT_UPDATES] = "SELECT " DB_COLS(KB_UPDATE_ITEM_ROW) " FROM kb_updates k"
	" JOIN units u ON u.id = k.unit_id"
	" LEFT JOIN kb_entries e ON e.id = k.entry_id"
	" LEFT JOIN kb_versions pv ON pv.id = e.published_version_id"
	" WHERE (? = 0 OR k.unit_id = ?) AND (? = 0 OR k.reporter_id = ?)"
	" AND (? = 0 OR u.jurisdiction_id = ?)"
	" ORDER BY k.state = 'confirmed', k.due_date, k.id LIMIT 500",
	[STMT_UPDATE_SET] = "UPDATE kb_updates SET state = ?, reply = IF(? = '', reply, ?),"
	" version_id = IF(? = 0, version_id, ?), updated_at = UTC_TIMESTAMP(),"
	" reported_version_id = IF(state = 'reopened', (SELECT e.published_version_id"
	"  FROM kb_entries e WHERE e.id = kb_updates.entry_id), reported_version_id)"
	" WHERE id = ? AND state = ?",
	[STMT_GAPS] = "SELECT " DB_COLS(KB_GAP_ROW) GAP_FROM
	" ORDER BY g.state = 'open' DESC, g.hits DESC, g.id LIMIT 200",
	[STMT_GAP] = "SELECT " DB_COLS(KB_GAP_ROW) GAP_FROM " WHERE g.id = ?",
	[STMT_GAP_ASSIGN] = "UPDATE kb_gaps SET state = 'assigned', update_id = ? WHERE id = ? AND state = 'open'",
	/* a unit's own (as owner or grantee), or an office's:
	 * those whose two units are in its jurisdiction (0: every one) */
	[STMT_GRANTS] = "SELECT " DB_COLS(KB_GRANT_ROW) GRANT_FROM
	" WHERE (? = 0 OR g.owner_unit_id = ? OR g.grantee_unit_id = ?)"
	" AND (? = 0 OR (o.jurisdiction_id = ? AND t.jurisdiction_id = ?))"
	" ORDER BY g.id DESC LIMIT 500",
	[STMT_GRANT] = "SELECT " DB_COLS(KB_GRANT_ROW) GRANT_FROM " WHERE g.id = ?",
	[STMT_GRANT_INSERT] = "INSERT INTO kb_grants (owner_unit_id, grantee_unit_id, purpose, expires_on,"
	" requested_by) VALUES (?, ?, ?, ?, ?)",
	[STMT_GRANT_SET] = "UPDATE kb_grants SET state = ?,"
	" approved_by = IF(? = 'approved', ?, approved_by),"
	" consented_by = IF(? = 'granted', ?, consented_by) WHERE id = ? AND state = ?",
};

int kb_entry_get(struct db *db, struct arena *a, long long id, struct kb_entry_row **e)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_ENTRY], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, kb_entry_row, a, e);
	return rc;
}

int kb_version(struct db *db, struct arena *a, long long id, struct kb_version_row **v)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_VERSION], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, kb_version_row, a, v);
	return rc;
}

int kb_versions(struct db *db, struct arena *a, long long entry_id,
		 struct kb_version_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_VERSIONS], &res, DB_I(entry_id));
	DB_ROWS_OUT(rc, &res, kb_version_row, a, v, n);
	return rc;
}

int kb_fields(struct db *db, struct arena *a, long long version_id,
	       struct kb_field_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_FIELDS], &res, DB_I(version_id));
	DB_ROWS_OUT(rc, &res, kb_field_row, a, v, n);
	return rc;
}

int kb_unit_entries(struct db *db, struct arena *a, long long unit_id,
		     const char *month, struct kb_unit_entry_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNIT_ENTRIES], &res, DB_S(month), DB_I(unit_id));
	DB_ROWS_OUT(rc, &res, kb_unit_entry_row, a, v, n);
	return rc;
}

int kb_pending(struct db *db, struct arena *a, long long unit_id,
		struct kb_pending_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_PENDING], &res, DB_I(unit_id));
	DB_ROWS_OUT(rc, &res, kb_pending_row, a, v, n);
	return rc;
}

int kb_overdue(struct db *db, struct arena *a, long long unit_id, long long jur,
		const char *today, struct kb_overdue_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_OVERDUE], &res, DB_S(today), DB_I(unit_id),
			 DB_I(unit_id), DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, kb_overdue_row, a, v, n);
	return rc;
}

int kb_review_due(struct db *db, struct arena *a, long long unit_id, long long jur,
		   const char *month, int limit, struct kb_review_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_REVIEW_DUE], &res, DB_I(unit_id), DB_I(unit_id),
			 DB_I(jur), DB_I(jur), DB_S(month), DB_I(limit));
	DB_ROWS_OUT(rc, &res, kb_review_row, a, v, n);
	return rc;
}

int kb_review_confirm(struct db *db, struct arena *a, long long entry_id,
		       long long unit_id, const char *month, long long user_id,
		       int *changed)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_REVIEW_CONFIRM], &res, DB_S(month), DB_I(user_id),
			 DB_I(entry_id), DB_I(unit_id));
	if (rc == DB_OK)
		*changed = res.affected > 0;
	return rc;
}

int kb_entry_insert(struct db *db, struct arena *a, long long unit_id,
		     const char *kind, const char *visibility, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_ENTRY_INSERT], &res, DB_I(unit_id), DB_S(kind),
			 DB_S(visibility));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int kb_entry_set(struct db *db, struct arena *a, long long id,
		  const char *visibility, long long published, long long draft)
{
	return db_exec(db, a, sql[STMT_ENTRY_SET], NULL, DB_S(visibility), DB_I(published),
		       DB_I(draft), DB_I(id));
}

int kb_entry_obsolete(struct db *db, struct arena *a, long long id,
		       const char *reason, const char *day)
{
	return db_exec(db, a, sql[STMT_ENTRY_OBSOLETE], NULL, DB_S(reason), DB_S(day),
		       DB_I(id));
}

int kb_next_version_no(struct db *db, struct arena *a, long long entry_id,
			long long *no)
{
	struct dbres res;
	struct next_no_row *r;
	int rc = db_exec(db, a, sql[STMT_NEXT_VERSION_NO], &res, DB_I(entry_id));
	DB_ROW_OUT(rc, &res, next_no_row, a, &r);
	if (rc == DB_OK)
		*no = r ? r->no : 1;
	return rc;
}

int kb_version_insert(struct db *db, struct arena *a, long long entry_id,
		       long long no, const char *visibility, const char *title, const char *keywords,
		       int major, const char *change_date, const char *due_date,
		       long long author, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_VERSION_INSERT], &res, DB_I(entry_id), DB_I(no),
			 DB_S(visibility), DB_S(title), DB_S(keywords), DB_I(major),
			 DB_S(change_date), DB_S(due_date), DB_I(author));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int kb_version_update(struct db *db, struct arena *a, long long id,
		       const char *visibility, const char *title, const char *keywords,
		       int major, const char *change_date, const char *due_date)
{
	return db_exec(db, a, sql[STMT_VERSION_UPDATE], NULL, DB_S(visibility), DB_S(title),
		       DB_S(keywords), DB_I(major), DB_S(change_date), DB_S(due_date),
		       DB_I(id));
}

int kb_version_state(struct db *db, struct arena *a, long long id, const char *from,
		     const char *state, const char *reason, long long user_id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_VERSION_STATE], &res, DB_S(state), DB_S(state),
			 DB_S(reason ? reason : ""), DB_S(state), DB_S(state), DB_I(user_id),
			 DB_S(state), DB_I(id), DB_S(from));
	return db_changed(rc, &res);
}

int kb_fields_clear(struct db *db, struct arena *a, long long version_id)
{
	return db_exec(db, a, sql[STMT_FIELDS_CLEAR], NULL, DB_I(version_id));
}

int kb_field_put(struct db *db, struct arena *a, long long version_id,
		  const char *name, const char *value)
{
	return db_exec(db, a, sql[STMT_FIELD_PUT], NULL, DB_I(version_id), DB_S(name),
		       DB_S(value));
}

int kb_fields_copy(struct db *db, struct arena *a, long long from, long long to)
{
	return db_exec(db, a, sql[STMT_FIELDS_COPY], NULL, DB_I(to), DB_I(from));
}

int kb_search_put(struct db *db, struct arena *a, const struct kb_search_row *s)
{
	return db_exec(db, a, sql[STMT_SEARCH_PUT], NULL, DB_I(s->entry_id),
		       DB_I(s->version_id), DB_I(s->unit_id), DB_S(s->kind),
		       DB_S(s->visibility), DB_S(s->title), DB_S(s->summary),
		       DB_S(s->title_bg), DB_S(s->keywords_bg), DB_S(s->pub_bg),
		       DB_S(s->all_bg));
}

int kb_search_drop(struct db *db, struct arena *a, long long entry_id)
{
	return db_exec(db, a, sql[STMT_SEARCH_DROP], NULL, DB_I(entry_id));
}

int kb_search(struct db *db, struct arena *a, const char *q, int public_only,
	       int limit, int offset, struct kb_hit_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[public_only ? STMT_SEARCH_PUBLIC : STMT_SEARCH_ALL], &res,
			 DB_S(q), DB_S(q), DB_S(q), DB_S(q), DB_I(public_only), DB_I(limit),
			 DB_I(offset));
	DB_ROWS_OUT(rc, &res, kb_hit_row, a, v, n);
	return rc;
}

int kb_browse(struct db *db, struct arena *a, const char *kind, long long unit_id,
	       int limit, int offset, struct kb_hit_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_BROWSE], &res, DB_S(kind), DB_S(kind), DB_I(unit_id),
			 DB_I(unit_id), DB_I(limit), DB_I(offset));
	DB_ROWS_OUT(rc, &res, kb_hit_row, a, v, n);
	return rc;
}

int kb_public_entry(struct db *db, struct arena *a, long long id,
		     struct kb_public_entry_row **e)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_PUBLIC_ENTRY], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, kb_public_entry_row, a, e);
	return rc;
}

int kb_public_units(struct db *db, struct arena *a, struct kb_public_unit_row **v,
		     size_t *n)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_PUBLIC_UNITS], &res);
	DB_ROWS_OUT(rc, &res, kb_public_unit_row, a, v, n);
	return rc;
}

int kb_vote(struct db *db, struct arena *a, long long entry_id,
	     const char *client, const char *day, int useful, int limit,
	     int *counted)
{
	struct dbres res;
	struct votes_today_row *today;
	*counted = 0;
	int rc = db_exec(db, a, sql[STMT_VOTES_TODAY], &res, DB_S(client), DB_S(day));
	DB_ROW_OUT(rc, &res, votes_today_row, a, &today);
	if (rc != DB_OK || (today && today->n >= limit))
		return rc;
	rc = db_exec(db, a, sql[STMT_VOTE_LOG], &res, DB_I(entry_id), DB_S(client), DB_S(day));
	if (rc != DB_OK || res.affected == 0)
		return rc;
	*counted = 1;
	return db_exec(db, a, sql[STMT_VOTE_COUNT], NULL, DB_I(entry_id), DB_I((useful != 0)),
		       DB_I((useful == 0)));
}

int kb_export(struct db *db, struct arena *a, long long unit_id,
	       struct kb_export_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_EXPORT], &res, DB_I(unit_id));
	DB_ROWS_OUT(rc, &res, kb_export_row, a, v, n);
	return rc;
}

int kb_grantors(struct db *db, struct arena *a, long long unit_id, const char *day,
		 struct kb_grantor_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_GRANTORS], &res, DB_I(unit_id), DB_S(day));
	DB_ROWS_OUT(rc, &res, kb_grantor_row, a, v, n);
	return rc;
}

int kb_update_insert(struct db *db, struct arena *a, long long entry_id,
		      long long unit_id, const char *problem, const char *text,
		      long long reporter, const char *due, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UPDATE_INSERT], &res, DB_I(entry_id), DB_I(unit_id),
			 DB_S(problem), DB_S(text), DB_I(reporter), DB_S(due), DB_I(entry_id));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int kb_update_event(struct db *db, struct arena *a, long long update_id,
		     long long user_id, long long unit_id, const char *action,
		     const char *text)
{
	return db_exec(db, a, sql[STMT_UPDATE_EVENT], NULL, DB_I(update_id), DB_I(user_id),
		       DB_I(unit_id), DB_S(action), DB_S(text ? text : ""));
}

int kb_update(struct db *db, struct arena *a, long long id, struct kb_update_row **k)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UPDATE], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, kb_update_row, a, k);
	return rc;
}

int kb_update_lock(struct db *db, struct arena *a, long long id, struct kb_update_row **k)
{
	/* Read after the lock is held, the order cannot change before
	 * commit; a lock on the joined rows (units, users, the entry and its
	 * versions) would only make waits and deadlocks with other changes. */
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UPDATE_LOCK], &res, DB_I(id));
	*k = NULL;
	return rc == DB_OK ? kb_update(db, a, id, k) : rc;
}

int kb_update_events(struct db *db, struct arena *a, long long id,
		      struct kb_update_event_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UPDATE_EVENTS], &res, DB_I(id));
	DB_ROWS_OUT(rc, &res, kb_update_event_row, a, v, n);
	return rc;
}

int kb_updates(struct db *db, struct arena *a, long long unit_id, long long reporter,
		long long jur, struct kb_update_item_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UPDATES], &res, DB_I(unit_id), DB_I(unit_id),
			 DB_I(reporter), DB_I(reporter), DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, kb_update_item_row, a, v, n);
	return rc;
}

int kb_update_set(struct db *db, struct arena *a, long long id, const char *from,
		   const char *to, const char *reply, long long version_id)
{
	struct dbres res;
	const char *r = reply ? reply : "";
	int rc = db_exec(db, a, sql[STMT_UPDATE_SET], &res, DB_S(to), DB_S(r), DB_S(r),
			 DB_I(version_id), DB_I(version_id), DB_I(id), DB_S(from));
	return db_changed(rc, &res);
}

int kb_gaps(struct db *db, struct arena *a, struct kb_gap_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_GAPS], &res);
	DB_ROWS_OUT(rc, &res, kb_gap_row, a, v, n);
	return rc;
}

int kb_gap(struct db *db, struct arena *a, long long id, struct kb_gap_row **g)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_GAP], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, kb_gap_row, a, g);
	return rc;
}

int kb_gap_assign(struct db *db, struct arena *a, long long id, long long update_id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_GAP_ASSIGN], &res, DB_I(update_id), DB_I(id));
	return db_changed(rc, &res);
}

int kb_grants(struct db *db, struct arena *a, long long unit_id, long long jur,
	       struct kb_grant_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_GRANTS], &res, DB_I(unit_id), DB_I(unit_id),
			 DB_I(unit_id), DB_I(jur), DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, kb_grant_row, a, v, n);
	return rc;
}

int kb_grant(struct db *db, struct arena *a, long long id, struct kb_grant_row **g)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_GRANT], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, kb_grant_row, a, g);
	return rc;
}

int kb_grant_insert(struct db *db, struct arena *a, long long owner,
		     long long grantee, const char *purpose, const char *expires,
		     long long user_id, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_GRANT_INSERT], &res, DB_I(owner), DB_I(grantee),
			 DB_S(purpose), DB_S(expires), DB_I(user_id));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int kb_grant_set(struct db *db, struct arena *a, long long id, const char *from,
		 const char *state, long long user_id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_GRANT_SET], &res, DB_S(state), DB_S(state),
			 DB_I(user_id), DB_S(state), DB_I(user_id), DB_I(id), DB_S(from));
	return db_changed(rc, &res);
}
