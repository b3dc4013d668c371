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
	STMT__MAX
};

static const char *const sql[STMT__MAX] = {
	[STMT_HEAD_LOCK] = "SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
	[STMT_HEAD_SET] = "UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1",
	[STMT_INSERT] = "INSERT INTO audit_log (id, at, actor_user_id, actor_unit_id,"
	" actor_jurisdiction_id, client_addr, action, object_type, object_id,"
	" detail, prev_hash, hash)"
	" VALUES (?, ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?)",
	[STMT_LIST] = "SELECT a.id, DATE_FORMAT(a.at + INTERVAL 8 HOUR, '%Y-%m-%d %H:%i:%s'),"
	" u.display_name, u.username, un.name, a.client_addr,"
	" a.action, a.object_type, a.object_id, a.detail"
	" FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id"
	" LEFT JOIN units un ON un.id = a.actor_unit_id"
	" WHERE (? = 0 OR a.actor_jurisdiction_id = ?)"
	" AND a.action LIKE CONCAT(?, '%') AND a.id < ?"
	" ORDER BY a.id DESC LIMIT ?",
	[STMT_BATCH] = "SELECT id, at, COALESCE(actor_user_id, 0), COALESCE(actor_unit_id, 0),"
	" COALESCE(actor_jurisdiction_id, 0), client_addr, action, object_type,"
	" object_id, detail, prev_hash, hash"
	" FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
	[STMT_HEAD_GET] = "SELECT last_id, last_hash FROM audit_head WHERE id = 1",
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
	struct dbres head;
	int rc = db_exec0(db, a, sql[STMT_HEAD_LOCK], &head);
	if (rc != DB_OK)
		return rc;
	if (head.nrows != 1)
		return DB_ERR;
	char at[96];
	audit_now(at);
	char *hash = arena_alloc(a, 65);
	rec->id = db_int(&head, 0, 0) + 1;
	rec->at = arena_strdup(a, at);
	rec->prev_hash = db_cell(&head, 0, 1);
	audit_hash(rec, hash);
	rec->hash = hash;
	rc = db_exec(db, a, sql[STMT_INSERT], NULL, DB_I(rec->id), DB_S(rec->at),
		     DB_I(rec->actor_user_id), DB_I(rec->actor_unit_id),
		     DB_I(rec->actor_jur_id), DB_S(rec->client_addr), DB_S(rec->action),
		     DB_S(rec->object_type), DB_I(rec->object_id), DB_S(rec->detail),
		     DB_S(rec->prev_hash), DB_S(rec->hash));
	if (rc != DB_OK)
		return rc;
	return db_exec(db, a, sql[STMT_HEAD_SET], NULL, DB_I(rec->id), DB_S(rec->hash));
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
	       long long before_id, int limit, struct dbres *out)
{
	if (before_id <= 0)
		before_id = 9223372036854775807LL;
	return db_exec(db, a, sql[STMT_LIST], out, DB_I(jur), DB_I(jur), DB_S(action),
		       DB_I(before_id), DB_I(limit));
}

int audit_verify_db(struct db *db, long long *bad_id, long long *rows)
{
	struct arena a;
	arena_init(&a, 1 << 20);
	char prev[65] = AUDIT_GENESIS;
	long long after = 0;
	int rc = 0;
	*bad_id = 0;
	*rows = 0;
	for (;;) {
		struct dbres res;
		rc = db_exec(db, &a, sql[STMT_BATCH], &res, DB_I(after), DB_I(5000LL));
		if (rc != DB_OK)
			break;
		if (res.nrows == 0)
			break;
		struct audit_rec *v = arena_alloc(&a, res.nrows * sizeof *v);
		for (size_t i = 0; i < res.nrows; i++) {
			v[i].id = db_int(&res, i, 0);
			v[i].at = db_cell(&res, i, 1);
			v[i].actor_user_id = db_int(&res, i, 2);
			v[i].actor_unit_id = db_int(&res, i, 3);
			v[i].actor_jur_id = db_int(&res, i, 4);
			v[i].client_addr = db_cell(&res, i, 5);
			v[i].action = db_cell(&res, i, 6);
			v[i].object_type = db_cell(&res, i, 7);
			v[i].object_id = db_int(&res, i, 8);
			v[i].detail = db_cell(&res, i, 9);
			v[i].prev_hash = db_cell(&res, i, 10);
			v[i].hash = db_cell(&res, i, 11);
		}
		long bad = audit_verify(v, res.nrows, prev);
		if (bad >= 0) {
			*bad_id = v[bad].id;
			rc = 1;
			break;
		}
		*rows += (long long)res.nrows;
		after = v[res.nrows - 1].id;
		snprintf(prev, sizeof prev, "%s", v[res.nrows - 1].hash);
		arena_reset(&a);
	}
	if (rc == 0) {
		/* Rows removed from the end leave the chain whole: the head
		 * still names the true last row. */
		struct dbres head;
		rc = db_exec0(db, &a, sql[STMT_HEAD_GET], &head);
		if (rc == DB_OK) {
			if (head.nrows != 1 || db_int(&head, 0, 0) != after ||
			    strcmp(db_cell(&head, 0, 1), prev) != 0) {
				*bad_id = after + 1;
				rc = 1;
			}
		}
	}
	arena_free(&a);
	return rc;
}
