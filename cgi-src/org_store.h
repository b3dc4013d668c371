/* Jurisdictions and units: every SQL statement about them. Scope: jur = 0
 * is the whole city, else only that jurisdiction. */
#ifndef ORG_STORE_H
#define ORG_STORE_H
#include "db.h"

/* Columns: id, code, name, parent id, parent name, active, unit count. */
int jur_list(struct db *db, struct arena *a, long long jur, struct dbres *out);
int jur_insert(struct db *db, struct arena *a, const char *code,
	       const char *name, long long parent_id, long long *id);
/* *changed is 0 when the row is out of scope or missing. */
int jur_update(struct db *db, struct arena *a, long long jur, long long id,
	       const char *name, int active, int *changed);

/* Columns: id, code, name, kind, jurisdiction id, jurisdiction name,
 * parent id, active. Ordered by jurisdiction, then name. */
int unit_list(struct db *db, struct arena *a, long long jur, struct dbres *out);
/* Same columns; no row when out of scope. */
int unit_get(struct db *db, struct arena *a, long long jur, long long id,
	     struct dbres *out);
/* Columns as unit_list; the unit with this code, any jurisdiction. */
int unit_by_code(struct db *db, struct arena *a, const char *code,
		 struct dbres *out);
/* The caller checks the parent with unit_parent_ok first. */
int unit_insert(struct db *db, struct arena *a, const char *code,
		const char *name, const char *kind, long long jur_id,
		long long parent_id, long long *id);
int unit_update(struct db *db, struct arena *a, long long jur, long long id,
		const char *name, const char *kind, long long parent_id,
		int active, int *changed);

/* Whether parent_id (0: none) may be the parent of a unit of jurisdiction
 * jur_id: same jurisdiction, in scope, not the unit itself. 1 yes, 0 no,
 * or a db_err. */
int unit_parent_ok(struct db *db, struct arena *a, long long scope,
		   long long jur_id, long long unit_id, long long parent_id);

/* Whether kind is one of the unit kinds; its Chinese label or NULL. */
const char *unit_kind_label(const char *kind);
extern const char *const unit_kinds[];

#endif
