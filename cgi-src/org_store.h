/* Jurisdictions and units: every SQL statement about them. Scope: jur = 0
 * is the whole city, else only that jurisdiction. */
#ifndef ORG_STORE_H
#define ORG_STORE_H
#include "db.h"

#define JUR_ROW(X, S)                                                        \
	X(S, INT, id, "j.id")                                                \
	X(S, STR, code, "j.code")                                            \
	X(S, STR, name, "j.name")                                            \
	X(S, INT, parent_id, "j.parent_id")                                  \
	X(S, NSTR, parent_name, "p.name")                                    \
	X(S, INT, active, "j.active")                                        \
	X(S, INT, units, "(SELECT COUNT(*) FROM units u WHERE u.jurisdiction_id = j.id)")
DB_ROW_STRUCT(jur_row, JUR_ROW);

int jur_list(struct db *db, struct arena *a, long long jur, struct jur_row **v, size_t *n);
int jur_insert(struct db *db, struct arena *a, const char *code,
	       const char *name, long long parent_id, long long *id);
/* *changed is 0 when the row is out of scope or missing. */
int jur_update(struct db *db, struct arena *a, long long jur, long long id,
	       const char *name, int active, int *changed);

#define UNIT_ROW(X, S)                                                       \
	X(S, INT, id, "u.id")                                                \
	X(S, STR, code, "u.code")                                            \
	X(S, STR, name, "u.name")                                            \
	X(S, STR, kind, "u.kind")                                            \
	X(S, INT, jur_id, "u.jurisdiction_id")                               \
	X(S, STR, jur_name, "j.name")                                        \
	X(S, INT, parent_id, "u.parent_id")                                  \
	X(S, INT, active, "u.active")
DB_ROW_STRUCT(unit_row, UNIT_ROW);

/* Ordered by jurisdiction, then id. */
int unit_list(struct db *db, struct arena *a, long long jur, struct unit_row **v,
	      size_t *n);
/* *u NULL when missing or out of scope. */
int unit_get(struct db *db, struct arena *a, long long jur, long long id,
	     struct unit_row **u);
/* The unit with this code, any jurisdiction, or NULL. */
int unit_by_code(struct db *db, struct arena *a, const char *code, struct unit_row **u);
/* The caller checks the parent with unit_parent_ok first. */
int unit_insert(struct db *db, struct arena *a, const char *code,
		const char *name, const char *kind, long long jur_id,
		long long parent_id, long long *id);
int unit_update(struct db *db, struct arena *a, long long jur, long long id,
		const char *name, const char *kind, long long parent_id,
		int active, int *changed);

/* Whether parent_id (0: none) may be the parent of unit unit_id (0: a new
 * unit) of jurisdiction jur_id: in scope and the same jurisdiction
 * (UNIT_PARENT_ELSEWHERE otherwise), neither the unit itself nor one of
 * the units below it (UNIT_PARENT_CYCLE); or a db_err. Runs inside the
 * transaction that then writes the parent: it locks the jurisdiction's
 * unit tree until the commit. */
enum { UNIT_PARENT_ELSEWHERE = 0, UNIT_PARENT_OK = 1, UNIT_PARENT_CYCLE = 2 };
int unit_parent_ok(struct db *db, struct arena *a, long long scope,
		   long long jur_id, long long unit_id, long long parent_id);

/* Whether kind is one of the unit kinds; its Chinese label or NULL. */
const char *unit_kind_label(const char *kind);
extern const char *const unit_kinds[];

#endif
