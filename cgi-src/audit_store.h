/* Writing and reading the audit log. */
#ifndef AUDIT_STORE_H
#define AUDIT_STORE_H
#include "actor.h"
#include "audit.h"
#include "db.h"

/* Appends one row for the context's actor (or user_id when the actor is
 * not signed in yet, e.g. a login) and client address. Must run inside the
 * transaction of the change it records. Returns 0 or a db_err. */
int audit_add(const struct ctx *c, long long user_id, const char *action,
	      const char *object_type, long long object_id, const char *detail);

/* The lowest-level append: fills rec->id, at, prev_hash and hash. */
int audit_append(struct db *db, struct arena *a, struct audit_rec *rec);

/* A row as the log page shows it: at in Beijing time (UTC+8); the actor's
 * display name and unit NULL when there is none (username then ""). */
#define AUDIT_ROW(X, S)                                                      \
	X(S, INT, id, "a.id")                                                \
	X(S, STR, at, "DATE_FORMAT(a.at + INTERVAL 8 HOUR, '%Y-%m-%d %H:%i:%s')") \
	X(S, NSTR, user_name, "u.display_name")                              \
	X(S, STR, username, "u.username")                                    \
	X(S, NSTR, unit_name, "un.name")                                     \
	X(S, STR, client_addr, "a.client_addr")                              \
	X(S, STR, action, "a.action")                                        \
	X(S, STR, object_type, "a.object_type")                              \
	X(S, INT, object_id, "a.object_id")                                  \
	X(S, STR, detail, "a.detail")
DB_ROW_STRUCT(audit_row, AUDIT_ROW);

/* Rows newest first, filtered by jurisdiction (0 = all) and an action
 * prefix ("" = all), at most limit of those before before_id (0: from the
 * newest). */
int audit_list(struct db *db, struct arena *a, long long jur, const char *action,
	       long long before_id, int limit, struct audit_row **v, size_t *n);

/* Verifies the whole chain in batches. Returns 0 when intact, 1 when broken
 * (with *bad_id the first broken row, 0 when the head does not match the
 * last row), or a db_err. */
int audit_verify_db(struct db *db, long long *bad_id, long long *rows);

/* "YYYY-MM-DD HH:MM:SS.ffffff" in UTC, now. */
void audit_now(char out[96]);

#endif
