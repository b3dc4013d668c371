#include "audit_store.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "user_store.h"

enum stmt {
	STMT_HEAD_LOCK,
	STMT_HEAD_SET,
	STMT_INSERT,
	STMT_LIST,
	STMT_BATCH,
	STMT_HEAD_GET,
	STMT_ANY_UNSEALED,
	STMT_UNSEALED,
	STMT_SEAL,
	STMT_COUNT_UNSEALED,
	STMT__MAX
};

DB_ROW_COLS(audit_row, AUDIT_ROW);

/* The end of the chain, for this file: the last sealed row's id, place
 * and hash. */
#define HEAD_ROW(X, S)                                                       \
	X(S, INT, last_id, "last_id")                                        \
	X(S, INT, last_seq, "last_seq")                                      \
	X(S, STR, last_hash, "last_hash")
DB_ROW_STRUCT(head_row, HEAD_ROW);
DB_ROW_COLS(head_row, HEAD_ROW);

/* A stored row as audit_verify reads it: the list fills struct audit_rec
 * (audit.h) itself, so it names that struct's fields, and the assertions
 * after it make each field's C type the one the list says. */
#define AUDIT_REC_ROW(X, S)                                                  \
	X(S, INT, id, "id")                                                  \
	X(S, STR, at, "at")                                                  \
	X(S, INT, actor_user_id, "COALESCE(actor_user_id, 0)")               \
	X(S, INT, actor_unit_id, "COALESCE(actor_unit_id, 0)")               \
	X(S, INT, actor_jur_id, "COALESCE(actor_jurisdiction_id, 0)")        \
	X(S, STR, client_addr, "client_addr")                                \
	X(S, STR, action, "action")                                          \
	X(S, STR, object_type, "object_type")                                \
	X(S, INT, object_id, "object_id")                                    \
	X(S, STR, detail, "detail")                                          \
	X(S, STR, prev_hash, "prev_hash")                                    \
	X(S, STR, hash, "hash")                                              \
	X(S, INT, seq, "COALESCE(seq, 0)")
#define AUDIT_CTYPE_INT long long
#define AUDIT_CTYPE_STR const char *
#define AUDIT_TYPE_OK_(S, T, n, e)                                           \
	_Static_assert(_Generic(((struct S *)0)->n, AUDIT_CTYPE_##T: 1, default: 0), \
		       "audit_rec." #n " is not " #T);
AUDIT_REC_ROW(AUDIT_TYPE_OK_, audit_rec)
DB_ROW_COLS(audit_rec, AUDIT_REC_ROW);

static const char *const sql[STMT__MAX] = {
	[STMT_HEAD_LOCK] = "SELECT " DB_COLS(HEAD_ROW) " FROM audit_head WHERE id = 1 FOR UPDATE",
	[STMT_HEAD_SET] = "UPDATE audit_head SET last_id = ?, last_seq = ?, last_hash = ?"
	" WHERE id = 1",
	/* Unsealed: seq, prev_hash and hash stay NULL until audit_seal. */
	[STMT_INSERT] = "INSERT INTO audit_log (at, actor_user_id, actor_unit_id,"
	" actor_jurisdiction_id, client_addr, action, object_type, object_id, detail)"
	" VALUES (?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, ?, ?)",
	/* The page's rows and each row's object by its type: every join is
	 * one primary-key lookup per row of the page (the rows come in id
	 * order from an index, LIMIT bounds them), and finds a row only for
	 * the types it serves. */
	[STMT_LIST] = "SELECT " DB_COLS(AUDIT_ROW)
	" FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id"
	" LEFT JOIN units un ON un.id = a.actor_unit_id"
	" LEFT JOIN memberships om ON a.object_type = 'membership' AND om.id = a.object_id"
	" LEFT JOIN routing_rules orr ON a.object_type = 'routing_rule' AND orr.id = a.object_id"
	" LEFT JOIN dispute_procedures op ON a.object_type = 'procedure' AND op.id = a.object_id"
	" LEFT JOIN kb_grants og ON a.object_type = 'kb_grant' AND og.id = a.object_id"
	" LEFT JOIN kb_versions okv ON a.object_type = 'kb_version' AND okv.id = a.object_id"
	" LEFT JOIN kb_updates oku ON a.object_type = 'kb_update' AND oku.id = a.object_id"
	" LEFT JOIN kb_learned okl ON a.object_type = 'kb_learned' AND okl.id = a.object_id"
	" LEFT JOIN kb_synonyms osy ON a.object_type = 'kb_synonym' AND osy.id = a.object_id"
	" LEFT JOIN meetings omt ON a.object_type = 'meeting' AND omt.id = a.object_id"
	" LEFT JOIN accountability oac ON a.object_type = 'accountability' AND oac.id = a.object_id"
	" LEFT JOIN disputes od ON od.id = CASE a.object_type WHEN 'dispute' THEN a.object_id"
	"  WHEN 'accountability' THEN oac.dispute_id END"
	" LEFT JOIN orders oo ON oo.id = CASE a.object_type WHEN 'order' THEN a.object_id"
	"  ELSE od.order_id END"
	" LEFT JOIN users ous ON ous.id = CASE a.object_type WHEN 'user' THEN a.object_id"
	"  WHEN 'membership' THEN om.user_id END"
	" LEFT JOIN units oun ON oun.id = CASE a.object_type WHEN 'unit' THEN a.object_id"
	"  WHEN 'membership' THEN om.unit_id WHEN 'routing_rule' THEN orr.unit_id"
	"  WHEN 'kb_grant' THEN og.grantee_unit_id WHEN 'kb_update' THEN oku.unit_id"
	"  WHEN 'accountability' THEN oac.unit_id END"
	" LEFT JOIN units oow ON oow.id = og.owner_unit_id"
	" LEFT JOIN jurisdictions oj ON oj.id = CASE a.object_type WHEN 'jurisdiction'"
	"  THEN a.object_id WHEN 'procedure' THEN op.jurisdiction_id"
	"  WHEN 'routing_rule' THEN orr.jurisdiction_id END"
	" LEFT JOIN order_categories oc ON oc.id = CASE a.object_type WHEN 'category'"
	"  THEN a.object_id WHEN 'routing_rule' THEN orr.category_id END"
	" LEFT JOIN kb_entries oke ON oke.id = CASE a.object_type WHEN 'kb_entry' THEN a.object_id"
	"  WHEN 'kb_version' THEN okv.entry_id WHEN 'kb_update' THEN oku.entry_id"
	"  WHEN 'kb_learned' THEN okl.entry_id END"
	" LEFT JOIN kb_versions okp ON okp.id = oke.published_version_id"
	" WHERE (? = 0 OR a.actor_jurisdiction_id = ?)"
	" AND a.action LIKE CONCAT(?, '%') AND a.id < ?"
	" ORDER BY a.id DESC LIMIT ?",
	[STMT_BATCH] = "SELECT " DB_COLS(AUDIT_REC_ROW)
	" FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
	[STMT_HEAD_GET] = "SELECT " DB_COLS(HEAD_ROW) " FROM audit_head WHERE id = 1",
	/* Unsealed rows are found along k_audit_seq (its NULLs). */
	[STMT_ANY_UNSEALED] = "SELECT id FROM audit_log WHERE seq IS NULL LIMIT 1",
	[STMT_UNSEALED] = "SELECT " DB_COLS(AUDIT_REC_ROW)
	" FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT ?",
	[STMT_SEAL] = "UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ?"
	" WHERE id = ? AND seq IS NULL",
	[STMT_COUNT_UNSEALED] = "SELECT COUNT(*) FROM audit_log WHERE seq IS NULL",
};

void audit_now(char out[96])
{
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(out, 96, "%04d-%02d-%02d %02d:%02d:%02d.%06ld",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000);
}

int audit_append(struct db *db, struct arena *a, struct audit_rec *rec)
{
	char at[96];
	audit_now(at);
	rec->at = arena_strdup(a, at);
	rec->seq = 0;
	rec->prev_hash = rec->hash = NULL;
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_INSERT], &res, DB_S(rec->at),
			 DB_I(rec->actor_user_id), DB_I(rec->actor_unit_id),
			 DB_I(rec->actor_jur_id), DB_S(rec->client_addr), DB_S(rec->action),
			 DB_S(rec->object_type), DB_I(rec->object_id), DB_S(rec->detail));
	if (rc == DB_OK)
		rec->id = res.insert_id;
	return rc;
}

/* Chains the oldest unsealed rows (at most max) after the head, in one
 * transaction that holds the head's lock: concurrent sealers (one per
 * node, and hotlinectl) take turns, and each row is sealed once. The
 * rows are read after the lock is held, so every row committed before
 * then is seen. */
static int seal_batch(struct db *db, struct arena *a, int max, long long *sealed)
{
	struct dbres res;
	struct head_row *head;
	struct audit_rec *v;
	size_t n;
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = db_exec0(db, a, sql[STMT_HEAD_LOCK], &res);
	DB_ROW_OUT(rc, &res, head_row, a, &head);
	if (rc == DB_OK && head == NULL)
		rc = DB_ERR;
	if (rc == DB_OK)
		rc = db_exec(db, a, sql[STMT_UNSEALED], &res, DB_I((long long)max));
	DB_ROWS_OUT(rc, &res, audit_rec, a, &v, &n);
	if (rc != DB_OK || n == 0) {
		db_rollback(db);
		return rc;
	}
	char (*hashes)[65] = arena_alloc(a, n * sizeof *hashes);
	audit_chain(v, n, head->last_seq, head->last_hash, hashes);
	for (size_t i = 0; i < n && rc == DB_OK; i++) {
		rc = db_exec(db, a, sql[STMT_SEAL], &res, DB_I(v[i].seq), DB_S(v[i].prev_hash),
			     DB_S(v[i].hash), DB_I(v[i].id));
		rc = db_changed(rc, &res);
	}
	if (rc == DB_OK)
		rc = db_exec(db, a, sql[STMT_HEAD_SET], NULL, DB_I(v[n - 1].id),
			     DB_I(v[n - 1].seq), DB_S(v[n - 1].hash));
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK) {
		db_rollback(db);
		return rc;
	}
	*sealed = (long long)n;
	return DB_OK;
}

int audit_seal(struct db *db, struct arena *a, int max, long long *sealed)
{
	struct dbres res;
	*sealed = 0;
	int rc = db_exec0(db, a, sql[STMT_ANY_UNSEALED], &res);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	return seal_batch(db, a, max, sealed);
}

/* audit_log.detail's width (sql/001_foundation.sql), in characters. */
#define AUDIT_DETAIL_CHARS 2000

/* s cut to at most max characters (UTF-8), ending in "…" when cut. */
static const char *cut_chars(struct arena *a, const char *s, size_t max)
{
	size_t n = 0, at = 0;
	for (size_t i = 0; s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && ++n == max)
			at = i;   /* where the last character that may stay begins */
	return n > max ? arena_printf(a, "%.*s…", (int)at, s) : s;
}

int audit_add(const struct ctx *c, long long user_id, const char *action,
	      const char *object_type, long long object_id, const char *detail)
{
	struct audit_rec rec;
	memset(&rec, 0, sizeof rec);
	if (c->actor != NULL) {
		rec.actor_user_id = c->actor->user_id;
		rec.actor_unit_id = c->actor->unit_id;
		rec.actor_jur_id = c->actor->jur_id;
	} else if (user_id != 0) {
		/* Not signed in yet (a login): record the user's own unit. */
		rec.actor_user_id = user_id;
		int rc = user_home_unit(c->db, c->a, user_id, &rec.actor_unit_id,
					&rec.actor_jur_id);
		if (rc != DB_OK)
			return rc;
	}
	rec.client_addr = c->client_addr ? c->client_addr : "";
	rec.action = action;
	rec.object_type = object_type ? object_type : "";
	rec.object_id = object_id;
	/* A detail longer than its column (the whole text of a long opinion)
	 * keeps its beginning; the change itself is stored in full. */
	rec.detail = detail ? cut_chars(c->a, detail, AUDIT_DETAIL_CHARS) : "";
	return audit_append(c->db, c->a, &rec);
}

int audit_list(struct db *db, struct arena *a, long long jur, const char *action,
	       long long before_id, int limit, struct audit_row **v, size_t *n)
{
	if (before_id <= 0)
		before_id = 9223372036854775807LL;
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_LIST], &res, DB_I(jur), DB_I(jur), DB_S(action),
			 DB_I(before_id), DB_I(limit));
	DB_ROWS_OUT(rc, &res, audit_row, a, v, n);
	return rc;
}

const char *audit_list_sql(void)
{
	return sql[STMT_LIST];
}

int audit_verify_db(struct db *db, long long *bad_id, long long *rows,
		    long long *unsealed)
{
	struct arena a;
	arena_init(&a, 1 << 20);
	char prev[65] = AUDIT_GENESIS;
	long long after = 0, last_id = 0;
	int rc = 0;
	*bad_id = 0;
	*rows = 0;
	*unsealed = 0;
	for (;;) {
		struct dbres res;
		struct audit_rec *v;
		size_t n;
		rc = db_exec(db, &a, sql[STMT_BATCH], &res, DB_I(after), DB_I(5000LL));
		DB_ROWS_OUT(rc, &res, audit_rec, &a, &v, &n);
		if (rc != DB_OK)
			break;
		if (n == 0)
			break;
		long bad = audit_verify(v, n, prev);
		if (bad >= 0) {
			*bad_id = v[bad].id;
			rc = 1;
			break;
		}
		*rows += (long long)n;
		after = v[n - 1].seq;
		last_id = v[n - 1].id;
		snprintf(prev, sizeof prev, "%s", v[n - 1].hash);
		arena_reset(&a);
	}
	if (rc == 0) {
		/* Rows removed from the end leave the chain whole: the head
		 * still names the true last row. */
		struct dbres res;
		struct head_row *head;
		rc = db_exec0(db, &a, sql[STMT_HEAD_GET], &res);
		DB_ROW_OUT(rc, &res, head_row, &a, &head);
		if (rc == DB_OK) {
			if (head == NULL || head->last_seq != after ||
			    head->last_id != last_id || strcmp(head->last_hash, prev) != 0) {
				*bad_id = 0;
				rc = 1;
			}
		}
	}
	if (rc == 0) {
		struct dbres res;
		rc = db_exec0(db, &a, sql[STMT_COUNT_UNSEALED], &res);
		if (rc == DB_OK)
			*unsealed = db_int(&res, 0, 0);
	}
	arena_free(&a);
	return rc;
}
