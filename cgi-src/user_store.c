#include "user_store.h"

enum stmt {
	STMT_SESSION_LOAD,
	STMT_ACTOR_SNAPSHOT,
	STMT_SESSION_SAVE_SNAPSHOT,
	STMT_ORG_BUMP,
	STMT_SESSION_TOUCH,
	STMT_SESSION_INSERT,
	STMT_SESSION_DELETE,
	STMT_SESSION_DELETE_USER,
	STMT_SESSION_DELETE_OTHERS,
	STMT_SESSION_PURGE,
	STMT_USER_FOR_LOGIN,
	STMT_THROTTLE_GET,
	STMT_THROTTLE_FAIL,
	STMT_THROTTLE_PRUNE,
	STMT_USER_FAILED,
	STMT_USER_FAILED_COUNT,
	STMT_USER_LOCK,
	STMT_USER_LOGIN_OK,
	STMT_USER_SET_PASSWORD,
	STMT_USER_PASSWORD_HASH,
	STMT_USER_COUNT,
	STMT_USER_HOME_UNIT,
	STMT_USER_LIST,
	STMT_USER_GET,
	STMT_USER_INSERT,
	STMT_USER_UPDATE,
	STMT_MEMBERSHIP_LIST,
	STMT_MEMBERSHIP_ADD,
	STMT_MEMBERSHIP_GET,
	STMT_MEMBERSHIP_SET_ACTIVE,
	STMT__MAX
};

/* A county admin (jur != 0) manages a user only when every membership of
 * theirs, active or not, is in a unit of that county, and there is one: a
 * city user given a county membership stays the city's. jur = 0 means the
 * whole city. Takes jur three times. */
#define USER_IN_SCOPE \
	"(? = 0 OR (EXISTS (SELECT 1 FROM memberships sm JOIN units su" \
	" ON su.id = sm.unit_id WHERE sm.user_id = u.id AND su.jurisdiction_id = ?)" \
	" AND NOT EXISTS (SELECT 1 FROM memberships sm JOIN units su" \
	" ON su.id = sm.unit_id WHERE sm.user_id = u.id AND su.jurisdiction_id <> ?)))"

DB_ROW_COLS(session_row, SESSION_ROW);
DB_ROW_COLS(snapshot_row, SNAPSHOT_ROW);
DB_ROW_COLS(login_row, LOGIN_ROW);
DB_ROW_COLS(user_row, USER_ROW);
DB_ROW_COLS(user_list_row, USER_LIST_ROW);
DB_ROW_COLS(membership_row, MEMBERSHIP_ROW);

/* The rows of statements that answer one value or two, for this file. */
#define FAILURES_ROW(X, S) X(S, INT, failures, "failures")
#define FAILED_COUNT_ROW(X, S) X(S, INT, failed_count, "failed_count")
#define HASH_ROW(X, S) X(S, STR, password_hash, "password_hash")
#define COUNT_ROW(X, S) X(S, INT, n, "COUNT(*)")
#define HOME_UNIT_ROW(X, S) X(S, INT, unit_id, "un.id") X(S, INT, jur_id, "un.jurisdiction_id")
#define MEMBER_OF_ROW(X, S) X(S, INT, user_id, "m.user_id")
DB_ROW_STRUCT(failures_row, FAILURES_ROW);
DB_ROW_STRUCT(failed_count_row, FAILED_COUNT_ROW);
DB_ROW_STRUCT(hash_row, HASH_ROW);
DB_ROW_STRUCT(count_row, COUNT_ROW);
DB_ROW_STRUCT(home_unit_row, HOME_UNIT_ROW);
DB_ROW_STRUCT(member_of_row, MEMBER_OF_ROW);
DB_ROW_COLS(failures_row, FAILURES_ROW);
DB_ROW_COLS(failed_count_row, FAILED_COUNT_ROW);
DB_ROW_COLS(hash_row, HASH_ROW);
DB_ROW_COLS(count_row, COUNT_ROW);
DB_ROW_COLS(home_unit_row, HOME_UNIT_ROW);
DB_ROW_COLS(member_of_row, MEMBER_OF_ROW);

static const char *const sql[STMT__MAX] = {
	[STMT_SESSION_LOAD] = "SELECT " DB_COLS(SESSION_ROW)
	" FROM sessions s WHERE s.id_hash = ?"
	" AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? HOUR"
	" AND s.last_seen > UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	[STMT_ACTOR_SNAPSHOT] = "SELECT " DB_COLS(SNAPSHOT_ROW) " FROM users u"
	" LEFT JOIN memberships m ON m.user_id = u.id AND m.active = 1"
	" LEFT JOIN units un ON un.id = m.unit_id AND un.active = 1"
	" LEFT JOIN jurisdictions j ON j.id = un.jurisdiction_id"
	" WHERE u.id = ? AND u.active = 1",
	[STMT_SESSION_SAVE_SNAPSHOT] = "UPDATE sessions SET snapshot_gen = ?, username = ?, display_name = ?,"
	" roles = ?, unit_id = ?, unit_name = ?, jurisdiction_id = ?,"
	" jurisdiction_name = ?, scope_jurisdiction_id = ? WHERE id_hash = ?",
	[STMT_ORG_BUMP] = "UPDATE sessions SET org_gen = org_gen + 1",
	[STMT_SESSION_TOUCH] = "UPDATE sessions SET last_seen = UTC_TIMESTAMP() WHERE id_hash = ?",
	[STMT_SESSION_INSERT] = "INSERT INTO sessions (id_hash, user_id, csrf, client_addr, created_at,"
	" last_seen) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[STMT_SESSION_DELETE] = "DELETE FROM sessions WHERE id_hash = ?",
	[STMT_SESSION_DELETE_USER] = "DELETE FROM sessions WHERE user_id = ?",
	[STMT_SESSION_DELETE_OTHERS] = "DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?",
	[STMT_SESSION_PURGE] = "DELETE FROM sessions WHERE last_seen < UTC_TIMESTAMP() - INTERVAL ? MINUTE"
	" OR created_at < UTC_TIMESTAMP() - INTERVAL ? HOUR",
	/* failures of the address in its current window */
	[STMT_THROTTLE_GET] = "SELECT " DB_COLS(FAILURES_ROW)
	" FROM login_throttle WHERE client_addr = ?"
	" AND window_start > UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	/* one more, in a new window when the last one ended */
	[STMT_THROTTLE_FAIL] = "INSERT INTO login_throttle (client_addr, window_start, failures)"
	" VALUES (?, UTC_TIMESTAMP(), 1) ON DUPLICATE KEY UPDATE"
	" failures = IF(window_start > UTC_TIMESTAMP() - INTERVAL ? MINUTE, failures + 1, 1),"
	" window_start = IF(failures = 1, UTC_TIMESTAMP(), window_start)",
	[STMT_THROTTLE_PRUNE] = "DELETE FROM login_throttle"
	" WHERE window_start <= UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	[STMT_USER_FOR_LOGIN] = "SELECT " DB_COLS(LOGIN_ROW) " FROM users WHERE username = ?",
	/* the window test reads first_failed_at before it
	 * is assigned, so both assignments see the old window. */
	[STMT_USER_FAILED] = "UPDATE users SET"
	" failed_count = IF(first_failed_at IS NULL OR first_failed_at <="
	"  UTC_TIMESTAMP() - INTERVAL 15 MINUTE, 1, failed_count + 1),"
	" first_failed_at = IF(first_failed_at IS NULL OR first_failed_at <="
	"  UTC_TIMESTAMP() - INTERVAL 15 MINUTE, UTC_TIMESTAMP(), first_failed_at)"
	" WHERE id = ?",
	[STMT_USER_FAILED_COUNT] = "SELECT " DB_COLS(FAILED_COUNT_ROW) " FROM users WHERE id = ?",
	[STMT_USER_LOCK] = "UPDATE users SET locked_until = UTC_TIMESTAMP() + INTERVAL ? MINUTE,"
	" failed_count = 0, first_failed_at = NULL WHERE id = ?",
	[STMT_USER_LOGIN_OK] = "UPDATE users SET failed_count = 0, first_failed_at = NULL,"
	" locked_until = NULL WHERE id = ?",
	[STMT_USER_SET_PASSWORD] = "UPDATE users SET password_hash = ? WHERE id = ?",
	[STMT_USER_PASSWORD_HASH] = "SELECT " DB_COLS(HASH_ROW) " FROM users WHERE id = ?",
	[STMT_USER_COUNT] = "SELECT " DB_COLS(COUNT_ROW) " FROM users",
	[STMT_USER_HOME_UNIT] = "SELECT " DB_COLS(HOME_UNIT_ROW) " FROM memberships m"
	" JOIN units un ON un.id = m.unit_id AND un.active = 1"
	" WHERE m.user_id = ? AND m.active = 1 ORDER BY m.id LIMIT 1",
	[STMT_USER_LIST] = "SELECT " DB_COLS(USER_LIST_ROW) " FROM users u WHERE " USER_IN_SCOPE
	" AND (? = '' OR u.username LIKE CONCAT('%', ?, '%')"
	"  OR u.display_name LIKE CONCAT('%', ?, '%'))"
	" ORDER BY u.id LIMIT 500",
	[STMT_USER_GET] = "SELECT " DB_COLS(USER_ROW) " FROM users u WHERE u.id = ? AND " USER_IN_SCOPE,
	[STMT_USER_INSERT] = "INSERT INTO users (username, display_name, phone, password_hash)"
	" VALUES (?, ?, ?, ?)",
	[STMT_USER_UPDATE] = "UPDATE users u SET u.display_name = ?, u.phone = ?, u.active = ?"
	" WHERE u.id = ? AND " USER_IN_SCOPE,
	[STMT_MEMBERSHIP_LIST] = "SELECT " DB_COLS(MEMBERSHIP_ROW)
	" FROM memberships m JOIN units un ON un.id = m.unit_id"
	" JOIN jurisdictions j ON j.id = un.jurisdiction_id"
	" WHERE m.user_id = ? ORDER BY m.id",
	[STMT_MEMBERSHIP_ADD] = "INSERT INTO memberships (user_id, unit_id, role) VALUES (?, ?, ?)"
	" ON DUPLICATE KEY UPDATE active = 1, id = LAST_INSERT_ID(id)",
	/* in scope when its user is */
	[STMT_MEMBERSHIP_GET] = "SELECT " DB_COLS(MEMBER_OF_ROW)
	" FROM memberships m JOIN users u ON u.id = m.user_id"
	" WHERE m.id = ? AND " USER_IN_SCOPE,
	[STMT_MEMBERSHIP_SET_ACTIVE] = "UPDATE memberships SET active = ? WHERE id = ?",
};

int session_load(struct db *db, struct arena *a, const unsigned char hash[32],
		 int idle_min, int max_hours, struct session_row **s)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SESSION_LOAD], &res, DB_B(hash, (size_t)32),
			 DB_I(max_hours), DB_I(idle_min));
	DB_ROW_OUT(rc, &res, session_row, a, s);
	return rc;
}

int actor_snapshot(struct db *db, struct arena *a, long long user_id,
		   struct snapshot_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_ACTOR_SNAPSHOT], &res, DB_I(user_id));
	DB_ROWS_OUT(rc, &res, snapshot_row, a, v, n);
	return rc;
}

int session_save_snapshot(struct db *db, struct arena *a,
			  const unsigned char hash[32], long long gen,
			  const struct actor_snapshot *s)
{
	return db_exec(db, a, sql[STMT_SESSION_SAVE_SNAPSHOT], NULL, DB_I(gen),
		       DB_S(s->username), DB_S(s->display_name), DB_I(s->roles),
		       DB_I(s->unit_id), DB_S(s->unit_name), DB_I(s->jur_id),
		       DB_S(s->jur_name), DB_I(s->scope_jur), DB_B(hash, (size_t)32));
}

int org_bump(struct db *db, struct arena *a)
{
	return db_exec0(db, a, sql[STMT_ORG_BUMP], NULL);
}

int session_touch(struct db *db, struct arena *a, const unsigned char hash[32])
{
	return db_exec(db, a, sql[STMT_SESSION_TOUCH], NULL, DB_B(hash, (size_t)32));
}

int session_insert(struct db *db, struct arena *a, const unsigned char hash[32],
		   long long user_id, const char *csrf, const char *addr)
{
	return db_exec(db, a, sql[STMT_SESSION_INSERT], NULL, DB_B(hash, (size_t)32),
		       DB_I(user_id), DB_S(csrf), DB_S(addr));
}

int session_delete(struct db *db, struct arena *a, const unsigned char hash[32])
{
	return db_exec(db, a, sql[STMT_SESSION_DELETE], NULL, DB_B(hash, (size_t)32));
}

int login_throttle_get(struct db *db, struct arena *a, const char *client, int window_min,
		       long long *failures)
{
	struct dbres res;
	struct failures_row *f;
	int rc = db_exec(db, a, sql[STMT_THROTTLE_GET], &res, DB_S(client), DB_I(window_min));
	DB_ROW_OUT(rc, &res, failures_row, a, &f);
	if (rc == DB_OK)
		*failures = f ? f->failures : 0;
	return rc;
}

int login_throttle_fail(struct db *db, struct arena *a, const char *client, int window_min)
{
	return db_exec(db, a, sql[STMT_THROTTLE_FAIL], NULL, DB_S(client), DB_I(window_min));
}

int session_delete_others(struct db *db, struct arena *a, long long user_id,
			  const unsigned char keep[32])
{
	return db_exec(db, a, sql[STMT_SESSION_DELETE_OTHERS], NULL, DB_I(user_id),
		       DB_B(keep, (size_t)32));
}

int session_delete_user(struct db *db, struct arena *a, long long user_id)
{
	return db_exec(db, a, sql[STMT_SESSION_DELETE_USER], NULL, DB_I(user_id));
}

int session_purge_expired(struct db *db, struct arena *a, int idle_min,
			  int max_hours, long long *n)
{
	struct dbres res = { 0 };
	int rc = db_exec(db, a, sql[STMT_SESSION_PURGE], &res, DB_I(idle_min), DB_I(max_hours));
	*n = res.affected;
	return rc;
}

int login_throttle_prune(struct db *db, struct arena *a, int window_min, long long *n)
{
	struct dbres res = { 0 };
	int rc = db_exec(db, a, sql[STMT_THROTTLE_PRUNE], &res, DB_I(window_min));
	*n = res.affected;
	return rc;
}

int user_for_login(struct db *db, struct arena *a, const char *username,
		       struct login_row **u)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_USER_FOR_LOGIN], &res, DB_S(username));
	DB_ROW_OUT(rc, &res, login_row, a, u);
	return rc;
}

int user_login_failed(struct db *db, struct arena *a, long long id, long long *count)
{
	int rc = db_exec(db, a, sql[STMT_USER_FAILED], NULL, DB_I(id));
	if (rc != DB_OK)
		return rc;
	struct dbres res;
	struct failed_count_row *f;
	rc = db_exec(db, a, sql[STMT_USER_FAILED_COUNT], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, failed_count_row, a, &f);
	if (rc != DB_OK)
		return rc;
	*count = f ? f->failed_count : 0;
	return DB_OK;
}

int user_lock(struct db *db, struct arena *a, long long id, int minutes)
{
	return db_exec(db, a, sql[STMT_USER_LOCK], NULL, DB_I(minutes), DB_I(id));
}

int user_login_ok(struct db *db, struct arena *a, long long id)
{
	return db_exec(db, a, sql[STMT_USER_LOGIN_OK], NULL, DB_I(id));
}

int user_unlock(struct db *db, struct arena *a, long long id)
{
	return user_login_ok(db, a, id);
}

int user_set_password(struct db *db, struct arena *a, long long id,
		      const char *hash)
{
	return db_exec(db, a, sql[STMT_USER_SET_PASSWORD], NULL, DB_S(hash), DB_I(id));
}

int user_password_hash(struct db *db, struct arena *a, long long id,
		       const char **hash)
{
	struct dbres res;
	struct hash_row *h;
	int rc = db_exec(db, a, sql[STMT_USER_PASSWORD_HASH], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, hash_row, a, &h);
	*hash = h ? h->password_hash : NULL;
	return rc;
}

int user_count(struct db *db, struct arena *a, long long *n)
{
	struct dbres res;
	struct count_row *c;
	int rc = db_exec0(db, a, sql[STMT_USER_COUNT], &res);
	DB_ROW_OUT(rc, &res, count_row, a, &c);
	if (rc == DB_OK)
		*n = c ? c->n : 0;
	return rc;
}

int user_list(struct db *db, struct arena *a, long long jur, const char *q,
	      struct user_list_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_USER_LIST], &res, DB_I(jur), DB_I(jur), DB_I(jur),
			 DB_S(q), DB_S(q), DB_S(q));
	DB_ROWS_OUT(rc, &res, user_list_row, a, v, n);
	return rc;
}

int user_get(struct db *db, struct arena *a, long long jur, long long id,
	     struct user_row **u)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_USER_GET], &res, DB_I(id), DB_I(jur), DB_I(jur),
			 DB_I(jur));
	DB_ROW_OUT(rc, &res, user_row, a, u);
	return rc;
}

int user_insert(struct db *db, struct arena *a, const char *username,
		const char *display_name, const char *phone, const char *hash,
		long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_USER_INSERT], &res, DB_S(username),
			 DB_S(display_name), DB_S(phone), DB_S(hash));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int user_update(struct db *db, struct arena *a, long long jur, long long id,
		const char *display_name, const char *phone, int active,
		int *changed)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_USER_UPDATE], &res, DB_S(display_name), DB_S(phone),
			 DB_I(active), DB_I(id), DB_I(jur), DB_I(jur), DB_I(jur));
	if (rc == DB_OK)
		*changed = res.affected > 0;
	return rc;
}

int membership_list(struct db *db, struct arena *a, long long user_id,
		    struct membership_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_MEMBERSHIP_LIST], &res, DB_I(user_id));
	DB_ROWS_OUT(rc, &res, membership_row, a, v, n);
	return rc;
}

int membership_add(struct db *db, struct arena *a, long long user_id,
		   long long unit_id, const char *role, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_MEMBERSHIP_ADD], &res, DB_I(user_id), DB_I(unit_id),
			 DB_S(role));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int membership_get(struct db *db, struct arena *a, long long jur, long long id,
		   long long *user_id)
{
	struct dbres res;
	struct member_of_row *m;
	int rc = db_exec(db, a, sql[STMT_MEMBERSHIP_GET], &res, DB_I(id), DB_I(jur), DB_I(jur),
			 DB_I(jur));
	DB_ROW_OUT(rc, &res, member_of_row, a, &m);
	*user_id = m ? m->user_id : 0;
	return rc;
}

int membership_set_active(struct db *db, struct arena *a, long long id, int active)
{
	return db_exec(db, a, sql[STMT_MEMBERSHIP_SET_ACTIVE], NULL, DB_I(active), DB_I(id));
}

int user_home_unit(struct db *db, struct arena *a, long long user_id,
		   long long *unit_id, long long *jur_id)
{
	struct dbres res;
	struct home_unit_row *h;
	int rc = db_exec(db, a, sql[STMT_USER_HOME_UNIT], &res, DB_I(user_id));
	DB_ROW_OUT(rc, &res, home_unit_row, a, &h);
	*unit_id = h ? h->unit_id : 0;
	*jur_id = h ? h->jur_id : 0;
	return rc;
}
