#include "assess_store.h"

enum stmt {
	STMT_PEOPLE_LIST,
	STMT_PEOPLE_GET,
	STMT_PEOPLE_PUT,
	STMT_TYPOS,
	STMT_TYPOS_COUNT,
	STMT_TYPO_ADD,
	STMT_TYPO_INSERT,
	STMT_TYPO_GET,
	STMT_TYPO_DELETE,
	STMT__MAX
};

DB_ROW_COLS(kb_people_row, KB_PEOPLE_ROW);
DB_ROW_COLS(kb_typo_row, KB_TYPO_ROW);
#define COUNT_ROW(X, S) X(S, INT, n, "COUNT(*)")
DB_ROW_STRUCT(count_row, COUNT_ROW);
DB_ROW_COLS(count_row, COUNT_ROW);

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
	[STMT_TYPOS] = "SELECT " DB_COLS(KB_TYPO_ROW) " FROM kb_typos ORDER BY id LIMIT 5000",
	[STMT_TYPOS_COUNT] = "SELECT " DB_COLS(COUNT_ROW) " FROM kb_typos",
	[STMT_TYPO_ADD] = "INSERT IGNORE INTO kb_typos (wrong, correct) VALUES (?, ?)",
	[STMT_TYPO_INSERT] = "INSERT INTO kb_typos (wrong, correct) VALUES (?, ?)",
	[STMT_TYPO_GET] = "SELECT " DB_COLS(KB_TYPO_ROW) " FROM kb_typos WHERE id = ? FOR UPDATE",
	[STMT_TYPO_DELETE] = "DELETE FROM kb_typos WHERE id = ?",
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

int kb_typos_all(struct db *db, struct arena *a, struct kb_typo_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_TYPOS], &res);
	DB_ROWS_OUT(rc, &res, kb_typo_row, a, v, n);
	return rc;
}

int kb_typos_count(struct db *db, struct arena *a, long long *n)
{
	struct dbres res;
	struct count_row *c;
	int rc = db_exec0(db, a, sql[STMT_TYPOS_COUNT], &res);
	DB_ROW_OUT(rc, &res, count_row, a, &c);
	*n = c != NULL ? c->n : 0;
	return rc;
}

int kb_typo_add(struct db *db, struct arena *a, const char *wrong, const char *correct)
{
	return db_exec(db, a, sql[STMT_TYPO_ADD], NULL, DB_S(wrong), DB_S(correct));
}

int kb_typo_insert(struct db *db, struct arena *a, const char *wrong, const char *correct,
		   long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_TYPO_INSERT], &res, DB_S(wrong), DB_S(correct));
	*id = rc == DB_OK ? res.insert_id : 0;
	return rc;
}

int kb_typo_get(struct db *db, struct arena *a, long long id, struct kb_typo_row **t)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_TYPO_GET], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, kb_typo_row, a, t);
	return rc;
}

int kb_typo_delete(struct db *db, struct arena *a, long long id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_TYPO_DELETE], &res, DB_I(id));
	return db_changed(rc, &res);
}
