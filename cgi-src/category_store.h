/* 问题分类 (order categories) and 派单规则 (routing rules): every SQL
 * statement of their administration. The order pages read them through
 * order_store.c. Scope: jur = 0 is the whole city, else one jurisdiction. */
#ifndef CATEGORY_STORE_H
#define CATEGORY_STORE_H
#include "db.h"

/* ---- categories ---------------------------------------------------------- */

/* A category's own columns: parent_id 0 at the top, days its time limit
 * in working days. */
#define CATEGORY_FIELDS(X, S)                                                \
	X(S, INT, id, "c.id")                                                \
	X(S, STR, name, "c.name")                                            \
	X(S, INT, parent_id, "c.parent_id")                                  \
	X(S, INT, days, "c.time_limit_days")                                 \
	X(S, INT, active, "c.active")
/* With its active routing rules in scope (the count takes jur twice). */
#define CATEGORY_ROW(X, S)                                                   \
	CATEGORY_FIELDS(X, S)                                                \
	X(S, INT, rules, "(SELECT COUNT(*) FROM routing_rules r WHERE r.category_id = c.id" \
	  " AND r.active = 1 AND (? = 0 OR r.jurisdiction_id = ?))")
DB_ROW_STRUCT(category_row, CATEGORY_ROW);
/* With its parent's name (NULL at the top) and its active children. */
#define CATEGORY_DETAIL_ROW(X, S)                                            \
	CATEGORY_FIELDS(X, S)                                                \
	X(S, NSTR, parent_name, "p.name")                                    \
	X(S, INT, children, "(SELECT COUNT(*) FROM order_categories k" \
	  " WHERE k.parent_id = c.id AND k.active = 1)")
DB_ROW_STRUCT(category_detail_row, CATEGORY_DETAIL_ROW);
/* As a locking read sees it. */
#define CATEGORY_LOCK_ROW CATEGORY_FIELDS
DB_ROW_STRUCT(category_lock_row, CATEGORY_LOCK_ROW);

/* Every category, by id. */
int category_list(struct db *db, struct arena *a, long long jur,
		  struct category_row **v, size_t *n);
/* *c NULL when it does not exist. */
int category_get(struct db *db, struct arena *a, long long id,
		 struct category_detail_row **c);
/* Inside a transaction: locks one category row until commit (*c NULL when
 * it does not exist). A locking read sees the latest committed parent,
 * which keeps the cycle check safe against a concurrent move. */
int category_lock(struct db *db, struct arena *a, long long id,
		  struct category_lock_row **c);
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

/* A rule with the names of what it joins: its category, that category's
 * parent (NULL at the top), jurisdiction and unit. */
#define ROUTING_ROW(X, S)                                                    \
	X(S, INT, id, "r.id")                                                \
	X(S, INT, category_id, "r.category_id")                              \
	X(S, STR, category_name, "c.name")                                   \
	X(S, NSTR, category_parent_name, "p.name")                           \
	X(S, INT, jur_id, "r.jurisdiction_id")                               \
	X(S, STR, jur_name, "j.name")                                        \
	X(S, STR, keywords, "r.keywords")                                    \
	X(S, INT, unit_id, "r.unit_id")                                      \
	X(S, STR, unit_name, "u.name")                                       \
	X(S, INT, active, "r.active")                                        \
	X(S, INT, unit_active, "u.active")
DB_ROW_STRUCT(routing_row, ROUTING_ROW);
/* A rule as its change needs it: the category's state and active
 * children, the unit's state, the names for the audit log. */
#define ROUTING_LOCK_ROW(X, S)                                               \
	X(S, INT, id, "r.id")                                                \
	X(S, INT, category_id, "r.category_id")                              \
	X(S, INT, jur_id, "r.jurisdiction_id")                               \
	X(S, STR, keywords, "r.keywords")                                    \
	X(S, INT, unit_id, "r.unit_id")                                      \
	X(S, INT, active, "r.active")                                        \
	X(S, STR, category_name, "c.name")                                   \
	X(S, INT, category_active, "c.active")                               \
	X(S, INT, category_children, "(SELECT COUNT(*) FROM order_categories k" \
	  " WHERE k.parent_id = c.id AND k.active = 1)")                     \
	X(S, STR, unit_name, "u.name")                                       \
	X(S, INT, unit_active, "u.active")                                   \
	X(S, STR, jur_name, "j.name")
DB_ROW_STRUCT(routing_lock_row, ROUTING_LOCK_ROW);
#define ROUTING_CONFLICT_ROW(X, S)                                           \
	X(S, INT, id, "r.id")                                                \
	X(S, STR, unit_name, "u.name")
DB_ROW_STRUCT(routing_conflict_row, ROUTING_CONFLICT_ROW);

/* Rules in scope (jur 0: all), optionally of one category (0: all); city
 * rules first. */
int routing_list(struct db *db, struct arena *a, long long jur,
		 long long category, struct routing_row **v, size_t *n);
/* Inside a transaction: one rule in scope, locked; *rule NULL when missing
 * or out of scope. */
int routing_lock(struct db *db, struct arena *a, long long jur, long long id,
		 struct routing_lock_row **rule);
/* Inside a transaction: another active rule (not except_id) for the same
 * category, jurisdiction and keywords, or *other NULL when none. Its gap
 * lock keeps two admins from adding the same rule. */
int routing_conflict(struct db *db, struct arena *a, long long category,
		     long long jur, const char *keywords, long long except_id,
		     struct routing_conflict_row **other);
int routing_insert(struct db *db, struct arena *a, long long category,
		   long long jur, const char *keywords, long long unit,
		   long long user_id, long long *id);
int routing_set_active(struct db *db, struct arena *a, long long id, int active);

/* A unit a rule may name; city is 1 when its jurisdiction is the city. */
#define ROUTING_UNIT_ROW(X, S)                                               \
	X(S, INT, id, "u.id")                                                \
	X(S, STR, name, "u.name")                                            \
	X(S, INT, jur_id, "u.jurisdiction_id")                               \
	X(S, STR, jur_name, "j.name")                                        \
	X(S, INT, city, "j.parent_id IS NULL")                               \
	X(S, INT, active, "u.active")
DB_ROW_STRUCT(routing_unit_row, ROUTING_UNIT_ROW);
#define ROUTING_JUR_ROW(X, S)                                                \
	X(S, INT, id, "id")                                                  \
	X(S, STR, name, "name")                                              \
	X(S, INT, parent_id, "parent_id")                                    \
	X(S, INT, active, "active")
DB_ROW_STRUCT(routing_jur_row, ROUTING_JUR_ROW);

/* Units a rule of jurisdiction jur (0: any) may name: active, of that
 * jurisdiction or of the city. */
int routing_units(struct db *db, struct arena *a, long long jur,
		  struct routing_unit_row **v, size_t *n);
/* One unit, active or not; *u NULL when missing. */
int routing_unit(struct db *db, struct arena *a, long long id,
		 struct routing_unit_row **u);
/* One jurisdiction (parent_id 0: the city); *j NULL when missing. */
int routing_jurisdiction(struct db *db, struct arena *a, long long id,
			 struct routing_jur_row **j);

/* What a category says beyond its place in the tree: 不予受理/转其他渠道
 * (refer_channel NULL: a work-order matter) and its Open311 description. */
#define CATEGORY_SERVICE_ROW(X, S)                                           \
	X(S, NSTR, refer_channel, "refer_channel")                           \
	X(S, STR, refer_script, "refer_script")                              \
	X(S, STR, refer_keywords, "refer_keywords")                          \
	X(S, STR, description, "description")
DB_ROW_STRUCT(category_service_row, CATEGORY_SERVICE_ROW);
int category_service_get(struct db *db, struct arena *a, long long id,
			 struct category_service_row **c);
/* channel "" makes it a work-order matter again. */
int category_service_set(struct db *db, struct arena *a, long long id, const char *channel,
			 const char *script, const char *keywords, const char *description);
/* The active Open311 attributes of a category, in their order. */
#define CATEGORY_ATTR_ROW(X, S)                                              \
	X(S, INT, id, "id")                                                  \
	X(S, STR, code, "code")                                              \
	X(S, STR, datatype, "datatype")                                      \
	X(S, INT, required, "required")                                      \
	X(S, STR, description, "description")                                \
	X(S, STR, list_values, "list_values")
DB_ROW_STRUCT(category_attr_row, CATEGORY_ATTR_ROW);
int category_attrs(struct db *db, struct arena *a, long long id, struct category_attr_row **v,
		   size_t *n);
/* DB_DUP when the category has the code already. */
int category_attr_add(struct db *db, struct arena *a, long long id, const char *code,
		      const char *datatype, int required, const char *description,
		      const char *list_values, long long *attr);
/* DB_CONFLICT when it is not an active attribute. */
int category_attr_off(struct db *db, struct arena *a, long long attr);

#endif
