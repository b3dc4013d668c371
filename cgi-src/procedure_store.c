#include "procedure_store.h"

enum stmt {
	STMT_JURS,
	STMT_LIST,
	STMT_UNITS,
	STMT_UNIT,
	STMT_JUR_LOCK,
	STMT_ON_DATE,
	STMT_INSERT,
	STMT__MAX
};

DB_ROW_COLS(procedure_jur_row, PROCEDURE_JUR_ROW);
DB_ROW_COLS(procedure_row, PROCEDURE_ROW);
DB_ROW_COLS(procedure_unit_row, PROCEDURE_UNIT_ROW);

/* The row of STMT_ON_DATE, for this file. */
#define VERSION_ID_ROW(X, S) X(S, INT, id, "id")
DB_ROW_STRUCT(version_id_row, VERSION_ID_ROW);
DB_ROW_COLS(version_id_row, VERSION_ID_ROW);

static const char *const sql[STMT__MAX] = {
	[STMT_JURS] = "SELECT " DB_COLS(PROCEDURE_JUR_ROW) " FROM jurisdictions j"
	" WHERE (? = 0 OR j.id = ? OR j.parent_id IS NULL)"
	" ORDER BY j.parent_id IS NOT NULL, j.id LIMIT 500",
	[STMT_LIST] = "SELECT " DB_COLS(PROCEDURE_ROW)
	" FROM dispute_procedures p JOIN jurisdictions j ON j.id = p.jurisdiction_id"
	" JOIN units eu ON eu.id = p.establishment_unit_id"
	" LEFT JOIN units lu ON lu.id = p.legal_unit_id"
	" JOIN units cu ON cu.id = p.convener_unit_id"
	" LEFT JOIN users us ON us.id = p.created_by"
	" WHERE (? = 0 OR p.jurisdiction_id = ? OR j.parent_id IS NULL)"
	" ORDER BY j.parent_id IS NOT NULL, p.jurisdiction_id, p.effective_from DESC"
	" LIMIT 2000",
	[STMT_UNITS] = "SELECT " DB_COLS(PROCEDURE_UNIT_ROW) " FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id"
	" WHERE u.active = 1 AND (? = 0 OR u.jurisdiction_id = ? OR j.parent_id IS NULL)"
	" ORDER BY j.parent_id IS NOT NULL, j.id, u.id LIMIT 2000",
	[STMT_UNIT] = "SELECT " DB_COLS(PROCEDURE_UNIT_ROW) " FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id WHERE u.id = ?",
	[STMT_JUR_LOCK] = "SELECT " DB_COLS(PROCEDURE_JUR_ROW) " FROM jurisdictions j"
	" WHERE j.id = ? FOR UPDATE",
	[STMT_ON_DATE] = "SELECT " DB_COLS(VERSION_ID_ROW)
	" FROM dispute_procedures WHERE jurisdiction_id = ?"
	" AND effective_from = ?",
	[STMT_INSERT] = "INSERT INTO dispute_procedures (jurisdiction_id, effective_from,"
	" establishment_unit_id, legal_unit_id, convener_unit_id, review_days,"
	" accept_days, opinion_days, created_by)"
	" VALUES (?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, NULLIF(?, 0))",
};

int procedure_jurisdictions(struct db *db, struct arena *a, long long jur,
			    struct procedure_jur_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_JURS], &res, DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, procedure_jur_row, a, v, n);
	return rc;
}

int procedure_list(struct db *db, struct arena *a, long long jur,
		   struct procedure_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_LIST], &res, DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, procedure_row, a, v, n);
	return rc;
}

int procedure_units(struct db *db, struct arena *a, long long jur,
		    struct procedure_unit_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNITS], &res, DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, procedure_unit_row, a, v, n);
	return rc;
}

int procedure_unit(struct db *db, struct arena *a, long long id,
		   struct procedure_unit_row **u)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNIT], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, procedure_unit_row, a, u);
	return rc;
}

int procedure_jurisdiction_lock(struct db *db, struct arena *a, long long id,
				struct procedure_jur_row **j)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_JUR_LOCK], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, procedure_jur_row, a, j);
	return rc;
}

int procedure_on_date(struct db *db, struct arena *a, long long jur,
		      const char *day, long long *id)
{
	struct dbres res;
	struct version_id_row *v;
	int rc = db_exec(db, a, sql[STMT_ON_DATE], &res, DB_I(jur), DB_S(day));
	DB_ROW_OUT(rc, &res, version_id_row, a, &v);
	*id = v ? v->id : 0;
	return rc;
}

int procedure_insert(struct db *db, struct arena *a, long long jur,
		     const char *day, long long establishment, long long legal,
		     long long convener, long long review_days,
		     long long accept_days, long long opinion_days,
		     long long user_id, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_INSERT], &res, DB_I(jur), DB_S(day),
			 DB_I(establishment), DB_I(legal), DB_I(convener), DB_I(review_days),
			 DB_I(accept_days), DB_I(opinion_days), DB_I(user_id));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}
