#include "category_store.h"

enum stmt {
	STMT_CAT_LIST,
	STMT_CAT_GET,
	STMT_CAT_LOCK,
	STMT_CAT_NAME_TAKEN,
	STMT_CAT_ACTIVE_CHILDREN,
	STMT_CAT_INSERT,
	STMT_CAT_UPDATE,
	STMT_RULE_LIST,
	STMT_RULE_LOCK,
	STMT_RULE_CONFLICT,
	STMT_RULE_INSERT,
	STMT_RULE_SET_ACTIVE,
	STMT_RULE_UNITS,
	STMT_RULE_UNIT,
	STMT_RULE_JUR,
	STMT_SERVICE_GET,
	STMT_SERVICE_SET,
	STMT_ATTRS,
	STMT_ATTR_ADD,
	STMT_ATTR_OFF,
	STMT__MAX
};
DB_ROW_COLS(category_service_row, CATEGORY_SERVICE_ROW);
DB_ROW_COLS(category_attr_row, CATEGORY_ATTR_ROW);

DB_ROW_COLS(category_row, CATEGORY_ROW);
DB_ROW_COLS(category_detail_row, CATEGORY_DETAIL_ROW);
DB_ROW_COLS(category_lock_row, CATEGORY_LOCK_ROW);
DB_ROW_COLS(routing_row, ROUTING_ROW);
DB_ROW_COLS(routing_lock_row, ROUTING_LOCK_ROW);
DB_ROW_COLS(routing_conflict_row, ROUTING_CONFLICT_ROW);
DB_ROW_COLS(routing_unit_row, ROUTING_UNIT_ROW);
DB_ROW_COLS(routing_jur_row, ROUTING_JUR_ROW);

/* The row of a count, for this file. */
#define COUNT_ROW(X, S) X(S, INT, n, "COUNT(*)")
DB_ROW_STRUCT(count_row, COUNT_ROW);
DB_ROW_COLS(count_row, COUNT_ROW);

static const char *const sql[STMT__MAX] = {
	/* the select list takes jur twice */
	[STMT_CAT_LIST] = "SELECT " DB_COLS(CATEGORY_ROW)
	" FROM order_categories c ORDER BY c.id LIMIT 2000",
	[STMT_CAT_GET] = "SELECT " DB_COLS(CATEGORY_DETAIL_ROW)
	" FROM order_categories c LEFT JOIN order_categories p ON p.id = c.parent_id"
	" WHERE c.id = ?",
	[STMT_CAT_LOCK] = "SELECT " DB_COLS(CATEGORY_LOCK_ROW) " FROM order_categories c"
	" WHERE c.id = ? FOR UPDATE",
	/* <=> so that the top level (NULL) compares too. */
	[STMT_CAT_NAME_TAKEN] = "SELECT id FROM order_categories WHERE parent_id <=> NULLIF(?, 0)"
	" AND name = ? AND id <> ? LIMIT 1 FOR UPDATE",
	[STMT_CAT_ACTIVE_CHILDREN] = "SELECT " DB_COLS(COUNT_ROW)
	" FROM order_categories WHERE parent_id = ? AND active = 1",
	[STMT_CAT_INSERT] = "INSERT INTO order_categories (name, parent_id, time_limit_days)"
	" VALUES (?, NULLIF(?, 0), ?)",
	[STMT_CAT_UPDATE] = "UPDATE order_categories SET name = ?, parent_id = NULLIF(?, 0),"
	" time_limit_days = ?, active = ? WHERE id = ?",
	[STMT_RULE_LIST] = "SELECT " DB_COLS(ROUTING_ROW)
	" FROM routing_rules r JOIN order_categories c ON c.id = r.category_id"
	" LEFT JOIN order_categories p ON p.id = c.parent_id"
	" JOIN jurisdictions j ON j.id = r.jurisdiction_id"
	" JOIN units u ON u.id = r.unit_id"
	" WHERE (? = 0 OR r.jurisdiction_id = ?) AND (? = 0 OR r.category_id = ?)"
	" ORDER BY j.parent_id IS NOT NULL, r.jurisdiction_id, r.category_id,"
	" r.active DESC, r.id LIMIT 2000",
	[STMT_RULE_LOCK] = "SELECT " DB_COLS(ROUTING_LOCK_ROW)
	" FROM routing_rules r JOIN order_categories c ON c.id = r.category_id"
	" JOIN units u ON u.id = r.unit_id"
	" JOIN jurisdictions j ON j.id = r.jurisdiction_id"
	" WHERE r.id = ? AND (? = 0 OR r.jurisdiction_id = ?) FOR UPDATE",
	[STMT_RULE_CONFLICT] = "SELECT " DB_COLS(ROUTING_CONFLICT_ROW)
	" FROM routing_rules r JOIN units u ON u.id = r.unit_id"
	" WHERE r.category_id = ? AND r.jurisdiction_id = ? AND r.active = 1"
	" AND r.keywords = ? AND r.id <> ? LIMIT 1 FOR UPDATE",
	[STMT_RULE_INSERT] = "INSERT INTO routing_rules (category_id, jurisdiction_id, keywords,"
	" unit_id, created_by) VALUES (?, ?, ?, ?, NULLIF(?, 0))",
	[STMT_RULE_SET_ACTIVE] = "UPDATE routing_rules SET active = ? WHERE id = ?",
	[STMT_RULE_UNITS] = "SELECT " DB_COLS(ROUTING_UNIT_ROW) " FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id"
	" WHERE u.active = 1 AND (? = 0 OR u.jurisdiction_id = ? OR j.parent_id IS NULL)"
	" ORDER BY j.parent_id IS NOT NULL, j.id, u.id LIMIT 2000",
	[STMT_RULE_UNIT] = "SELECT " DB_COLS(ROUTING_UNIT_ROW) " FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id WHERE u.id = ?",
	[STMT_RULE_JUR] = "SELECT " DB_COLS(ROUTING_JUR_ROW) " FROM jurisdictions WHERE id = ?",
	[STMT_SERVICE_GET] = "SELECT " DB_COLS(CATEGORY_SERVICE_ROW)
	" FROM order_categories WHERE id = ?",
	[STMT_SERVICE_SET] = "UPDATE order_categories SET refer_channel = NULLIF(?, ''),"
	" refer_script = ?, refer_keywords = ?, description = ? WHERE id = ?",
	[STMT_ATTRS] = "SELECT " DB_COLS(CATEGORY_ATTR_ROW) " FROM category_attributes"
	" WHERE category_id = ? AND active = 1 ORDER BY sort_order, id LIMIT 100",
	[STMT_ATTR_ADD] = "INSERT INTO category_attributes (category_id, code, datatype, required,"
	" description, list_values, sort_order) SELECT ?, ?, ?, ?, ?, ?,"
	" COALESCE(MAX(sort_order), 0) + 1 FROM category_attributes WHERE category_id = ?",
	[STMT_ATTR_OFF] = "UPDATE category_attributes SET active = 0 WHERE id = ? AND active = 1",
};

/* ---- categories ---------------------------------------------------------- */

int category_list(struct db *db, struct arena *a, long long jur,
		  struct category_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CAT_LIST], &res, DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, category_row, a, v, n);
	return rc;
}

int category_get(struct db *db, struct arena *a, long long id,
		 struct category_detail_row **c)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CAT_GET], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, category_detail_row, a, c);
	return rc;
}

int category_lock(struct db *db, struct arena *a, long long id,
		  struct category_lock_row **c)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CAT_LOCK], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, category_lock_row, a, c);
	return rc;
}

int category_name_taken(struct db *db, struct arena *a, long long parent_id,
			const char *name, long long except_id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CAT_NAME_TAKEN], &res, DB_I(parent_id), DB_S(name),
			 DB_I(except_id));
	if (rc != DB_OK)
		return rc;
	return res.nrows > 0;
}

int category_active_children(struct db *db, struct arena *a, long long id,
			     long long *n)
{
	struct dbres res;
	struct count_row *c;
	int rc = db_exec(db, a, sql[STMT_CAT_ACTIVE_CHILDREN], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, count_row, a, &c);
	if (rc == DB_OK)
		*n = c ? c->n : 0;
	return rc;
}

int category_insert(struct db *db, struct arena *a, const char *name,
		    long long parent_id, long long days, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CAT_INSERT], &res, DB_S(name), DB_I(parent_id),
			 DB_I(days));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int category_update(struct db *db, struct arena *a, long long id,
		    const char *name, long long parent_id, long long days,
		    int active)
{
	return db_exec(db, a, sql[STMT_CAT_UPDATE], NULL, DB_S(name), DB_I(parent_id),
		       DB_I(days), DB_I(active), DB_I(id));
}

/* ---- routing rules -------------------------------------------------------- */

int routing_list(struct db *db, struct arena *a, long long jur,
		 long long category, struct routing_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RULE_LIST], &res, DB_I(jur), DB_I(jur),
			 DB_I(category), DB_I(category));
	DB_ROWS_OUT(rc, &res, routing_row, a, v, n);
	return rc;
}

int routing_lock(struct db *db, struct arena *a, long long jur, long long id,
		 struct routing_lock_row **rule)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RULE_LOCK], &res, DB_I(id), DB_I(jur), DB_I(jur));
	DB_ROW_OUT(rc, &res, routing_lock_row, a, rule);
	return rc;
}

int routing_conflict(struct db *db, struct arena *a, long long category,
		     long long jur, const char *keywords, long long except_id,
		     struct routing_conflict_row **other)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RULE_CONFLICT], &res, DB_I(category), DB_I(jur),
			 DB_S(keywords), DB_I(except_id));
	DB_ROW_OUT(rc, &res, routing_conflict_row, a, other);
	return rc;
}

int routing_insert(struct db *db, struct arena *a, long long category,
		   long long jur, const char *keywords, long long unit,
		   long long user_id, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RULE_INSERT], &res, DB_I(category), DB_I(jur),
			 DB_S(keywords), DB_I(unit), DB_I(user_id));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int routing_set_active(struct db *db, struct arena *a, long long id, int active)
{
	return db_exec(db, a, sql[STMT_RULE_SET_ACTIVE], NULL, DB_I(active), DB_I(id));
}

int routing_units(struct db *db, struct arena *a, long long jur,
		  struct routing_unit_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RULE_UNITS], &res, DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, routing_unit_row, a, v, n);
	return rc;
}

int routing_unit(struct db *db, struct arena *a, long long id,
		 struct routing_unit_row **u)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RULE_UNIT], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, routing_unit_row, a, u);
	return rc;
}

int routing_jurisdiction(struct db *db, struct arena *a, long long id,
			 struct routing_jur_row **j)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RULE_JUR], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, routing_jur_row, a, j);
	return rc;
}

int category_service_get(struct db *db, struct arena *a, long long id,
			 struct category_service_row **c)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SERVICE_GET], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, category_service_row, a, c);
	return rc;
}

int category_service_set(struct db *db, struct arena *a, long long id, const char *channel,
			 const char *script, const char *keywords, const char *description)
{
	return db_exec(db, a, sql[STMT_SERVICE_SET], NULL, DB_S(channel), DB_S(script),
		       DB_S(keywords), DB_S(description), DB_I(id));
}

int category_attrs(struct db *db, struct arena *a, long long id, struct category_attr_row **v,
		   size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_ATTRS], &res, DB_I(id));
	DB_ROWS_OUT(rc, &res, category_attr_row, a, v, n);
	return rc;
}

int category_attr_add(struct db *db, struct arena *a, long long id, const char *code,
		      const char *datatype, int required, const char *description,
		      const char *list_values, long long *attr)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_ATTR_ADD], &res, DB_I(id), DB_S(code), DB_S(datatype),
			 DB_I(required), DB_S(description), DB_S(list_values), DB_I(id));
	*attr = rc == DB_OK ? res.insert_id : 0;
	return rc;
}

int category_attr_off(struct db *db, struct arena *a, long long attr)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_ATTR_OFF], &res, DB_I(attr));
	return db_changed(rc, &res);
}
