#include "bulletin_store.h"

#include <string.h>

enum stmt {
	STMT_CREATE,
	STMT_GET,
	STMT_LOCK,
	STMT_LIST,
	STMT_FOR_UNIT,
	STMT_SAVE,
	STMT_APPROVE,
	STMT_PUBLISH,
	STMT_MONTH_PUBLISHED,
	STMT__MAX
};

DB_ROW_COLS(bulletin_row, BULLETIN_ROW);
#define COUNT_ROW(X, S) X(S, INT, n, "COUNT(*)")
DB_ROW_STRUCT(count_row, COUNT_ROW);
DB_ROW_COLS(count_row, COUNT_ROW);

#define FROM " FROM bulletins b LEFT JOIN jurisdictions j ON j.id = b.jurisdiction_id" \
	" JOIN users cu ON cu.id = b.created_by LEFT JOIN users au ON au.id = b.approved_by"

static const char *const sql[STMT__MAX] = {
	[STMT_CREATE] = "INSERT INTO bulletins (month, jurisdiction_id, title, body,"
	" formula_version, created_by) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_GET] = "SELECT " DB_COLS(BULLETIN_ROW) FROM " WHERE b.id = ?",
	[STMT_LOCK] = "SELECT " DB_COLS(BULLETIN_ROW) FROM " WHERE b.id = ? FOR UPDATE",
	[STMT_LIST] = "SELECT " DB_COLS(BULLETIN_ROW) FROM
	" WHERE (? < 0 OR b.jurisdiction_id = ?) AND (? = 0 OR b.state = 'published')"
	" ORDER BY b.month DESC, b.jurisdiction_id LIMIT 200",
	[STMT_FOR_UNIT] = "SELECT " DB_COLS(BULLETIN_ROW) FROM
	" WHERE b.state = 'published' AND b.jurisdiction_id IN (0, ?)"
	" ORDER BY b.published_at DESC LIMIT ?",
	[STMT_SAVE] = "UPDATE bulletins SET title = ?, body = ?, commend_n = ?, name_below = ?"
	" WHERE id = ? AND state = 'draft'",
	[STMT_APPROVE] = "UPDATE bulletins SET state = 'approved', approved_by = ?,"
	" approved_at = UTC_TIMESTAMP() WHERE id = ? AND state = 'draft'",
	[STMT_PUBLISH] = "UPDATE bulletins SET state = 'published', published_by = ?,"
	" published_at = UTC_TIMESTAMP() WHERE id = ? AND state = 'approved'",
	[STMT_MONTH_PUBLISHED] = "SELECT " DB_COLS(COUNT_ROW) " FROM bulletins"
	" WHERE month = ? AND state = 'published'",
};

int bulletin_create(struct db *db, struct arena *a, const char *month, long long jur,
		    const char *title, const char *body, long long formula, long long user,
		    long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CREATE], &res, DB_S(month), DB_I(jur), DB_S(title),
			 DB_S(body), DB_I(formula), DB_I(user));
	*id = rc == DB_OK ? res.insert_id : 0;
	return rc;
}

int bulletin_get(struct db *db, struct arena *a, long long id, struct bulletin_row **b)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_GET], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, bulletin_row, a, b);
	return rc;
}

int bulletin_lock(struct db *db, struct arena *a, long long id, struct bulletin_row **b)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_LOCK], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, bulletin_row, a, b);
	return rc;
}

int bulletin_list(struct db *db, struct arena *a, long long jur, int published_only,
		  struct bulletin_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_LIST], &res, DB_I(jur), DB_I(jur), DB_I(published_only));
	DB_ROWS_OUT(rc, &res, bulletin_row, a, v, n);
	return rc;
}

int bulletin_for_unit(struct db *db, struct arena *a, long long jur, int limit,
		      struct bulletin_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_FOR_UNIT], &res, DB_I(jur), DB_I(limit));
	DB_ROWS_OUT(rc, &res, bulletin_row, a, v, n);
	return rc;
}

int bulletin_save(struct db *db, struct arena *a, long long id, const char *title,
		  const char *body, int commend_n, int name_below)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SAVE], &res, DB_S(title), DB_S(body), DB_I(commend_n),
			 DB_I(name_below), DB_I(id));
	return db_changed(rc, &res);
}

int bulletin_advance(struct db *db, struct arena *a, long long id, const char *from,
		     long long user)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[strcmp(from, "draft") == 0 ? STMT_APPROVE : STMT_PUBLISH],
			 &res, DB_I(user), DB_I(id));
	return db_changed(rc, &res);
}

int bulletin_month_published(struct db *db, struct arena *a, const char *month, int *yes)
{
	struct dbres res;
	struct count_row *c;
	int rc = db_exec(db, a, sql[STMT_MONTH_PUBLISHED], &res, DB_S(month));
	DB_ROW_OUT(rc, &res, count_row, a, &c);
	*yes = c != NULL && c->n > 0;
	return rc;
}
