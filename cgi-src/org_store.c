#include "org_store.h"

#include <string.h>

enum stmt {
	STMT_JUR_LIST,
	STMT_JUR_INSERT,
	STMT_JUR_UPDATE,
	STMT_UNIT_LIST,
	STMT_UNIT_GET,
	STMT_UNIT_INSERT,
	STMT_UNIT_UPDATE,
	STMT_UNIT_BY_CODE,
	STMT_JUR_LOCK,
	STMT_UNIT_ABOVE,
	STMT__MAX
};

DB_ROW_COLS(jur_row, JUR_ROW);
DB_ROW_COLS(unit_row, UNIT_ROW);

/* How many of a unit's ancestors (itself included) are a given unit. */
#define ABOVE_ROW(X, S) X(S, INT, n, "COUNT(*)")
DB_ROW_STRUCT(above_row, ABOVE_ROW);
DB_ROW_COLS(above_row, ABOVE_ROW);

static const char *const sql[STMT__MAX] = {
	[STMT_JUR_LIST] = "SELECT " DB_COLS(JUR_ROW)
	" FROM jurisdictions j LEFT JOIN jurisdictions p ON p.id = j.parent_id"
	" WHERE (? = 0 OR j.id = ?) ORDER BY j.parent_id IS NOT NULL, j.id LIMIT 500",
	[STMT_JUR_INSERT] = "INSERT INTO jurisdictions (code, name, parent_id) VALUES (?, ?,"
	" NULLIF(?, 0))",
	[STMT_JUR_UPDATE] = "UPDATE jurisdictions SET name = ?, active = ? WHERE id = ?"
	" AND (? = 0 OR id = ?)",
	[STMT_UNIT_LIST] = "SELECT " DB_COLS(UNIT_ROW) " FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id"
	" WHERE (? = 0 OR u.jurisdiction_id = ?)"
	" ORDER BY j.parent_id IS NOT NULL, j.id, u.id LIMIT 2000",
	[STMT_UNIT_GET] = "SELECT " DB_COLS(UNIT_ROW) " FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id"
	" WHERE u.id = ? AND (? = 0 OR u.jurisdiction_id = ?)",
	[STMT_UNIT_INSERT] = "INSERT INTO units (code, name, kind, jurisdiction_id, parent_id)"
	" VALUES (?, ?, ?, ?, NULLIF(?, 0))",
	[STMT_UNIT_UPDATE] = "UPDATE units u SET u.name = ?, u.kind = ?, u.parent_id = NULLIF(?,"
	" 0),"
	" u.active = ? WHERE u.id = ? AND (? = 0 OR u.jurisdiction_id = ?)",
	[STMT_UNIT_BY_CODE] = "SELECT " DB_COLS(UNIT_ROW) " FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id WHERE u.code = ?",
	/* Changes of a jurisdiction's unit tree take turns (the cycle check
	 * must see the tree it changes). */
	[STMT_JUR_LOCK] = "SELECT id FROM jurisdictions WHERE id = ? FOR UPDATE",
	/* The chain from a unit up to the top, bounded against a cycle that
	 * older data might hold: does it pass through the given unit? */
	[STMT_UNIT_ABOVE] = "WITH RECURSIVE up (id, parent_id, depth) AS ("
	" SELECT id, parent_id, 0 FROM units WHERE id = ?"
	" UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM units u"
	" JOIN up ON u.id = up.parent_id WHERE up.depth < 64)"
	" SELECT " DB_COLS(ABOVE_ROW) " FROM up WHERE id = ?",
};

const char *const unit_kinds[] = {
	"office", "callcentre", "government", "establishment", "legal",
	"department", "enterprise", "other", NULL,
};

static const char *const unit_kind_labels[] = {
	"热线管理办", "呼叫中心", "政府办公室", "编办", "法制局（司法局）",
	"职能部门", "公共服务企业", "其他",
};

const char *unit_kind_label(const char *kind)
{
	for (size_t i = 0; unit_kinds[i] != NULL; i++)
		if (kind != NULL && strcmp(kind, unit_kinds[i]) == 0)
			return unit_kind_labels[i];
	return NULL;
}

int jur_list(struct db *db, struct arena *a, long long jur, struct jur_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_JUR_LIST], &res, DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, jur_row, a, v, n);
	return rc;
}

int jur_insert(struct db *db, struct arena *a, const char *code,
	       const char *name, long long parent_id, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_JUR_INSERT], &res, DB_S(code), DB_S(name),
			 DB_I(parent_id));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int jur_update(struct db *db, struct arena *a, long long jur, long long id,
	       const char *name, int active, int *changed)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_JUR_UPDATE], &res, DB_S(name), DB_I(active), DB_I(id),
			 DB_I(jur), DB_I(jur));
	if (rc == DB_OK)
		*changed = res.affected > 0;
	return rc;
}

int unit_list(struct db *db, struct arena *a, long long jur, struct unit_row **v,
	      size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNIT_LIST], &res, DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, unit_row, a, v, n);
	return rc;
}

int unit_get(struct db *db, struct arena *a, long long jur, long long id,
	     struct unit_row **u)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNIT_GET], &res, DB_I(id), DB_I(jur), DB_I(jur));
	DB_ROW_OUT(rc, &res, unit_row, a, u);
	return rc;
}

int unit_insert(struct db *db, struct arena *a, const char *code,
		const char *name, const char *kind, long long jur_id,
		long long parent_id, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNIT_INSERT], &res, DB_S(code), DB_S(name),
			 DB_S(kind), DB_I(jur_id), DB_I(parent_id));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int unit_update(struct db *db, struct arena *a, long long jur, long long id,
		const char *name, const char *kind, long long parent_id,
		int active, int *changed)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNIT_UPDATE], &res, DB_S(name), DB_S(kind),
			 DB_I(parent_id), DB_I(active), DB_I(id), DB_I(jur), DB_I(jur));
	if (rc == DB_OK)
		*changed = res.affected > 0;
	return rc;
}

int unit_parent_ok(struct db *db, struct arena *a, long long scope,
		   long long jur_id, long long unit_id, long long parent_id)
{
	if (parent_id == 0)
		return UNIT_PARENT_OK;
	if (parent_id == unit_id)
		return UNIT_PARENT_CYCLE;
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_JUR_LOCK], &res, DB_I(jur_id));
	struct unit_row *p = NULL;
	if (rc == DB_OK)
		rc = unit_get(db, a, scope, parent_id, &p);
	if (rc != DB_OK)
		return rc;
	if (p == NULL || p->jur_id != jur_id)
		return UNIT_PARENT_ELSEWHERE;
	if (unit_id == 0)
		return UNIT_PARENT_OK;
	struct above_row *above;
	rc = db_exec(db, a, sql[STMT_UNIT_ABOVE], &res, DB_I(parent_id), DB_I(unit_id));
	DB_ROW_OUT(rc, &res, above_row, a, &above);
	if (rc != DB_OK)
		return rc;
	return above != NULL && above->n > 0 ? UNIT_PARENT_CYCLE : UNIT_PARENT_OK;
}

int unit_by_code(struct db *db, struct arena *a, const char *code, struct unit_row **u)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNIT_BY_CODE], &res, DB_S(code));
	DB_ROW_OUT(rc, &res, unit_row, a, u);
	return rc;
}
