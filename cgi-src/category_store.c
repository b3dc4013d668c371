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
	STMT__MAX
};

#define RULE_UNIT_COLS "u.id, u.name, u.jurisdiction_id, j.name, j.parent_id IS NULL"

static const char *const sql[STMT__MAX] = {
	[STMT_CAT_LIST] = "SELECT c.id, c.name, c.parent_id, c.time_limit_days, c.active,"
	" (SELECT COUNT(*) FROM routing_rules r WHERE r.category_id = c.id"
	"  AND r.active = 1 AND (? = 0 OR r.jurisdiction_id = ?))"
	" FROM order_categories c ORDER BY c.id LIMIT 2000",
	[STMT_CAT_GET] = "SELECT c.id, c.name, c.parent_id, c.time_limit_days, c.active, p.name,"
	" (SELECT COUNT(*) FROM order_categories k WHERE k.parent_id = c.id"
	"  AND k.active = 1)"
	" FROM order_categories c LEFT JOIN order_categories p ON p.id = c.parent_id"
	" WHERE c.id = ?",
	[STMT_CAT_LOCK] = "SELECT id, parent_id, active, name, time_limit_days FROM order_categories"
	" WHERE id = ? FOR UPDATE",
	/* <=> so that the top level (NULL) compares too. */
	[STMT_CAT_NAME_TAKEN] = "SELECT id FROM order_categories WHERE parent_id <=> NULLIF(?, 0)"
	" AND name = ? AND id <> ? LIMIT 1 FOR UPDATE",
	[STMT_CAT_ACTIVE_CHILDREN] = "SELECT COUNT(*) FROM order_categories WHERE parent_id = ? AND active = 1",
	[STMT_CAT_INSERT] = "INSERT INTO order_categories (name, parent_id, time_limit_days)"
	" VALUES (?, NULLIF(?, 0), ?)",
	[STMT_CAT_UPDATE] = "UPDATE order_categories SET name = ?, parent_id = NULLIF(?, 0),"
	" time_limit_days = ?, active = ? WHERE id = ?",
	[STMT_RULE_LIST] = "SELECT r.id, r.category_id, c.name, p.name, r.jurisdiction_id, j.name,"
	" r.keywords, r.unit_id, u.name, r.active, u.active"
	" FROM routing_rules r JOIN order_categories c ON c.id = r.category_id"
	" LEFT JOIN order_categories p ON p.id = c.parent_id"
	" JOIN jurisdictions j ON j.id = r.jurisdiction_id"
	" JOIN units u ON u.id = r.unit_id"
	" WHERE (? = 0 OR r.jurisdiction_id = ?) AND (? = 0 OR r.category_id = ?)"
	" ORDER BY j.parent_id IS NOT NULL, r.jurisdiction_id, r.category_id,"
	" r.active DESC, r.id LIMIT 2000",
	[STMT_RULE_LOCK] = "SELECT r.id, r.category_id, r.jurisdiction_id, r.keywords, r.unit_id,"
	" r.active, c.name, c.active, (SELECT COUNT(*) FROM order_categories k"
	"  WHERE k.parent_id = c.id AND k.active = 1), u.name, u.active, j.name"
	" FROM routing_rules r JOIN order_categories c ON c.id = r.category_id"
	" JOIN units u ON u.id = r.unit_id"
	" JOIN jurisdictions j ON j.id = r.jurisdiction_id"
	" WHERE r.id = ? AND (? = 0 OR r.jurisdiction_id = ?) FOR UPDATE",
	[STMT_RULE_CONFLICT] = "SELECT r.id, u.name FROM routing_rules r JOIN units u ON u.id = r.unit_id"
	" WHERE r.category_id = ? AND r.jurisdiction_id = ? AND r.active = 1"
	" AND r.keywords = ? AND r.id <> ? LIMIT 1 FOR UPDATE",
	[STMT_RULE_INSERT] = "INSERT INTO routing_rules (category_id, jurisdiction_id, keywords,"
	" unit_id, created_by) VALUES (?, ?, ?, ?, NULLIF(?, 0))",
	[STMT_RULE_SET_ACTIVE] = "UPDATE routing_rules SET active = ? WHERE id = ?",
	[STMT_RULE_UNITS] = "SELECT " RULE_UNIT_COLS " FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id"
	" WHERE u.active = 1 AND (? = 0 OR u.jurisdiction_id = ? OR j.parent_id IS NULL)"
	" ORDER BY j.parent_id IS NOT NULL, j.id, u.id LIMIT 2000",
	[STMT_RULE_UNIT] = "SELECT " RULE_UNIT_COLS ", u.active FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id WHERE u.id = ?",
	[STMT_RULE_JUR] = "SELECT id, name, parent_id, active FROM jurisdictions WHERE id = ?",
};

/* ---- categories ---------------------------------------------------------- */

int category_list(struct db *db, struct arena *a, long long jur,
		  struct dbres *out)
{
	return db_exec(db, a, sql[STMT_CAT_LIST], out, DB_I(jur), DB_I(jur));
}

int category_get(struct db *db, struct arena *a, long long id,
		 struct dbres *out)
{
	return db_exec(db, a, sql[STMT_CAT_GET], out, DB_I(id));
}

int category_lock(struct db *db, struct arena *a, long long id,
		  struct dbres *out)
{
	return db_exec(db, a, sql[STMT_CAT_LOCK], out, DB_I(id));
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
	int rc = db_exec(db, a, sql[STMT_CAT_ACTIVE_CHILDREN], &res, DB_I(id));
	if (rc == DB_OK)
		*n = res.nrows == 1 ? db_int(&res, 0, 0) : 0;
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
		 long long category, struct dbres *out)
{
	return db_exec(db, a, sql[STMT_RULE_LIST], out, DB_I(jur), DB_I(jur), DB_I(category),
		       DB_I(category));
}

int routing_lock(struct db *db, struct arena *a, long long jur, long long id,
		 struct dbres *out)
{
	return db_exec(db, a, sql[STMT_RULE_LOCK], out, DB_I(id), DB_I(jur), DB_I(jur));
}

int routing_conflict(struct db *db, struct arena *a, long long category,
		     long long jur, const char *keywords, long long except_id,
		     struct dbres *out)
{
	return db_exec(db, a, sql[STMT_RULE_CONFLICT], out, DB_I(category), DB_I(jur),
		       DB_S(keywords), DB_I(except_id));
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
		  struct dbres *out)
{
	return db_exec(db, a, sql[STMT_RULE_UNITS], out, DB_I(jur), DB_I(jur));
}

int routing_unit(struct db *db, struct arena *a, long long id,
		 struct dbres *out)
{
	return db_exec(db, a, sql[STMT_RULE_UNIT], out, DB_I(id));
}

int routing_jurisdiction(struct db *db, struct arena *a, long long id,
			 struct dbres *out)
{
	return db_exec(db, a, sql[STMT_RULE_JUR], out, DB_I(id));
}
