#include "assess_store.h"

enum stmt {
	STMT_PEOPLE_LIST,
	STMT_PEOPLE_GET,
	STMT_PEOPLE_PUT,
	STMT__MAX
};

DB_ROW_COLS(kb_people_row, KB_PEOPLE_ROW);

/* Member units keep knowledge: every active unit but the call centre. */
#define MEMBER_UNITS " FROM units u JOIN jurisdictions j ON j.id = u.jurisdiction_id" \
	" LEFT JOIN unit_kb_people p ON p.unit_id = u.id"                   \
	" WHERE u.active = 1 AND u.kind <> 'callcentre'"

static const char *const sql[STMT__MAX] = {
	[STMT_PEOPLE_LIST] = "SELECT " DB_COLS(KB_PEOPLE_ROW) MEMBER_UNITS
	" AND (? = 0 OR u.jurisdiction_id = ?)"
	" ORDER BY p.unit_id IS NOT NULL, j.parent_id IS NOT NULL, j.id, u.id LIMIT 2000",
	[STMT_PEOPLE_GET] = "SELECT " DB_COLS(KB_PEOPLE_ROW) MEMBER_UNITS " AND u.id = ?",
	[STMT_PEOPLE_PUT] = "INSERT INTO unit_kb_people (unit_id, leader_name, leader_phone,"
	" owner_name, owner_phone, updated_by, updated_at)"
	" VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE"
	" leader_name = VALUES(leader_name), leader_phone = VALUES(leader_phone),"
	" owner_name = VALUES(owner_name), owner_phone = VALUES(owner_phone),"
	" updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)",
};

int kb_people_list(struct db *db, struct arena *a, long long jur, struct kb_people_row **v,
		   size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_PEOPLE_LIST], &res, DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, kb_people_row, a, v, n);
	return rc;
}

int kb_people_get(struct db *db, struct arena *a, long long unit, struct kb_people_row **p)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_PEOPLE_GET], &res, DB_I(unit));
	DB_ROW_OUT(rc, &res, kb_people_row, a, p);
	return rc;
}

int kb_people_put(struct db *db, struct arena *a, long long unit, const struct kb_people *p,
		  long long user)
{
	return db_exec(db, a, sql[STMT_PEOPLE_PUT], NULL, DB_I(unit), DB_S(p->leader_name),
		       DB_S(p->leader_phone), DB_S(p->owner_name), DB_S(p->owner_phone),
		       DB_I(user));
}
