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

/* Rows newest first, filtered by jurisdiction (0 = all) and an action
 * prefix ("" = all). Columns: id, at (Beijing time, UTC+8), user display name, username, unit
 * name, client_addr, action, object_type, object_id, detail. */
int audit_list(struct db *db, struct arena *a, long long jur, const char *action,
	       long long before_id, int limit, struct dbres *out);

/* Verifies the whole chain in batches. Returns 0 when intact, 1 when broken
 * (with *bad_id the first broken row, 0 when the head does not match the
 * last row), or a db_err. */
int audit_verify_db(struct db *db, long long *bad_id, long long *rows);

/* "YYYY-MM-DD HH:MM:SS.ffffff" in UTC, now. */
void audit_now(char out[96]);

#endif
