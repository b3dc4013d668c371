/* 问题分类 (order categories) and 派单规则 (routing rules): every SQL
 * statement of their administration. The order pages read them through
 * order_store.c. Scope: jur = 0 is the whole city, else one jurisdiction. */
#ifndef CATEGORY_STORE_H
#define CATEGORY_STORE_H
#include "db.h"

/* ---- categories ---------------------------------------------------------- */

/* Every category, by id. Columns: id, name, parent id (NULL at the top),
 * time limit in working days, active, active routing rules in scope. */
int category_list(struct db *db, struct arena *a, long long jur,
		  struct dbres *out);
/* One category. Columns: id, name, parent id, time limit, active, parent
 * name, active children. No row when it does not exist. */
int category_get(struct db *db, struct arena *a, long long id,
		 struct dbres *out);
/* Inside a transaction: locks one category row until commit. Columns: id,
 * parent id, active, name, time limit. A locking read sees the latest
 * committed parent, which keeps the cycle check safe against a concurrent
 * move. */
int category_lock(struct db *db, struct arena *a, long long id,
		  struct dbres *out);
/* Inside a transaction: whether another category (not except_id) under
 * parent_id (0: the top level) already has this name. 1 yes, 0 no, or a
 * db_err. The unique key cannot tell at the top level (NULL parents). */
int category_name_taken(struct db *db, struct arena *a, long long parent_id,
			const char *name, long long except_id);
/* Number of active children of id (in *n). */
int category_active_children(struct db *db, struct arena *a, long long id,
			     long long *n);
int category_insert(struct db *db, struct arena *a, const char *name,
		    long long parent_id, long long days, long long *id);
int category_update(struct db *db, struct arena *a, long long id,
		    const char *name, long long parent_id, long long days,
		    int active);

/* ---- routing rules -------------------------------------------------------- */

/* Rules in scope (jur 0: all), optionally of one category (0: all); city
 * rules first. Columns: id, category id, category name, its parent's name,
 * jurisdiction id, jurisdiction name, keywords, unit id, unit name, active,
 * unit active. */
int routing_list(struct db *db, struct arena *a, long long jur,
		 long long category, struct dbres *out);
/* Inside a transaction: one rule in scope, locked. Columns: id, category
 * id, jurisdiction id, keywords, unit id, active, category name, category
 * active, active children of the category, unit name, unit active,
 * jurisdiction name. No row when missing or out of scope. */
int routing_lock(struct db *db, struct arena *a, long long jur, long long id,
		 struct dbres *out);
/* Inside a transaction: another active rule (not except_id) for the same
 * category, jurisdiction and keywords. Columns: id, unit name; no row
 * when none. Its gap lock keeps two admins from adding the same rule. */
int routing_conflict(struct db *db, struct arena *a, long long category,
		     long long jur, const char *keywords, long long except_id,
		     struct dbres *out);
int routing_insert(struct db *db, struct arena *a, long long category,
		   long long jur, const char *keywords, long long unit,
		   long long user_id, long long *id);
int routing_set_active(struct db *db, struct arena *a, long long id, int active);

/* Units a rule of jurisdiction jur (0: any) may name: active, of that
 * jurisdiction or of the city. Columns: id, name, jurisdiction id,
 * jurisdiction name, whether that jurisdiction is the city. */
int routing_units(struct db *db, struct arena *a, long long jur,
		  struct dbres *out);
/* One unit with the same columns plus active; no row when missing. */
int routing_unit(struct db *db, struct arena *a, long long id,
		 struct dbres *out);
/* One jurisdiction. Columns: id, name, parent id, active. */
int routing_jurisdiction(struct db *db, struct arena *a, long long id,
			 struct dbres *out);

#endif
