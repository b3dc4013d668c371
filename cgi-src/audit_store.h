/* Writing and reading the audit log. */
#ifndef AUDIT_STORE_H
#define AUDIT_STORE_H
#include "actor.h"
#include "audit.h"
#include "db.h"

/* Appends one row for the context's actor (or user_id when the actor is
 * not signed in yet, e.g. a login) and client address. Must run inside the
 * transaction of the change it records. The row is stored unsealed and
 * takes no lock but its own: audit_seal chains it after the commit.
 * Returns 0 or a db_err. */
int audit_add(const struct ctx *c, long long user_id, const char *action,
	      const char *object_type, long long object_id, const char *detail);

/* The lowest-level append: fills rec->id and at (one INSERT). */
int audit_append(struct db *db, struct arena *a, struct audit_rec *rec);

/* Chains committed unsealed rows after the chain's end, oldest id first,
 * at most max in one transaction (own it: no transaction may be open on
 * db); *sealed says how many. One cheap lookup when there are none.
 * hotlined's sealer thread runs it after every write request and each
 * second; hotlinectl after its own writes. Returns 0 or a db_err. */
int audit_seal(struct db *db, struct arena *a, int max, long long *sealed);

/* A row as the log page shows it: at in Beijing time (UTC+8); the actor's
 * display name and unit NULL when there is none (username then ""). The
 * object (object_type, object_id) is looked up by its type, each column
 * NULL (or 0) unless the type has it, or when the object is gone:
 *   user        obj_user
 *   unit        obj_unit (obj_unit_id, obj_unit_jur its jurisdiction)
 *   jurisdiction obj_jur
 *   membership  obj_user (obj_user_id), obj_unit, obj_role
 *   category    obj_category
 *   routing_rule obj_category, obj_jur (obj_jur_id), obj_unit, obj_keywords
 *   procedure   obj_jur, obj_from
 *   kb_version  obj_title (that version's), obj_version_no, obj_entry*
 *   kb_entry    obj_title (its published version's), obj_entry*
 *   kb_update   obj_title (its entry's) or obj_text (a knowledge need),
 *               obj_unit (its unit's), obj_reporter_id
 *   kb_learned  obj_question, obj_title (its entry's)
 *   kb_synonym  obj_word_a, obj_word_b
 *   kb_grant    obj_unit (the grantee), obj_owner
 *   meeting     obj_text (its topic), obj_meeting_jur
 *   dispute     obj_number (its order's), obj_dispute_jur
 *   accountability obj_unit, obj_number
 *   order       obj_number, obj_order_jur, obj_order_unit
 * obj_entry_id, obj_entry_unit and obj_entry_published are the entry of a
 * kb_version, kb_entry, kb_update or kb_learned. */
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
	X(S, STR, detail, "a.detail")                                        \
	X(S, NSTR, obj_user, "ous.display_name")                             \
	X(S, INT, obj_user_id, "ous.id")                                     \
	X(S, NSTR, obj_unit, "oun.name")                                     \
	X(S, INT, obj_unit_id, "oun.id")                                     \
	X(S, INT, obj_unit_jur, "oun.jurisdiction_id")                       \
	X(S, NSTR, obj_owner, "oow.name")                                    \
	X(S, NSTR, obj_jur, "oj.name")                                       \
	X(S, INT, obj_jur_id, "oj.id")                                       \
	X(S, NSTR, obj_category, "oc.name")                                  \
	X(S, STR, obj_role, "om.role")                                       \
	X(S, STR, obj_keywords, "orr.keywords")                              \
	X(S, STR, obj_from, DB_DAY("op.effective_from"))                     \
	X(S, NSTR, obj_title, "COALESCE(okv.title, okp.title)")              \
	X(S, INT, obj_version_no, "okv.version_no")                          \
	X(S, INT, obj_entry_id, "oke.id")                                    \
	X(S, INT, obj_entry_unit, "oke.unit_id")                             \
	X(S, INT, obj_entry_published, "oke.published_version_id IS NOT NULL") \
	X(S, NSTR, obj_text, "COALESCE(oku.text, omt.topic)")                \
	X(S, INT, obj_reporter_id, "oku.reporter_id")                        \
	X(S, NSTR, obj_question, "okl.query")                                \
	X(S, NSTR, obj_word_a, "osy.a")                                      \
	X(S, NSTR, obj_word_b, "osy.b")                                      \
	X(S, INT, obj_meeting_jur, "omt.jurisdiction_id")                    \
	X(S, NSTR, obj_number, "oo.number")                                  \
	X(S, INT, obj_order_jur, "oo.jurisdiction_id")                       \
	X(S, INT, obj_order_unit, "oo.unit_id")                              \
	X(S, INT, obj_dispute_jur, "od.jurisdiction_id")
DB_ROW_STRUCT(audit_row, AUDIT_ROW);

/* Rows newest first, filtered by jurisdiction (0 = all) and an action
 * prefix ("" = all), at most limit of those before before_id (0: from the
 * newest). */
int audit_list(struct db *db, struct arena *a, long long jur, const char *action,
	       long long before_id, int limit, struct audit_row **v, size_t *n);

/* The list's statement, for a test of its plan. */
const char *audit_list_sql(void);

/* Verifies the whole sealed chain in batches, in seq order. Returns 0
 * when intact (*rows sealed rows, *unsealed rows still waiting for the
 * sealer), 1 when broken (with *bad_id the id of the first broken row, 0
 * when the head does not match the last row: rows removed from the end),
 * or a db_err. */
int audit_verify_db(struct db *db, long long *bad_id, long long *rows,
		    long long *unsealed);

/* "YYYY-MM-DD HH:MM:SS.ffffff" in UTC, now. */
void audit_now(char out[96]);

#endif
