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

#define UNIT_COLS "u.id, u.name, u.jurisdiction_id, j.name, j.parent_id IS NULL"

static const char *const sql[STMT__MAX] = {
	[STMT_JURS] = "SELECT j.id, j.name, j.parent_id IS NULL, j.active FROM jurisdictions j"
	" WHERE (? = 0 OR j.id = ? OR j.parent_id IS NULL)"
	" ORDER BY j.parent_id IS NOT NULL, j.id LIMIT 500",
	[STMT_LIST] = "SELECT p.id, p.jurisdiction_id, DATE_FORMAT(p.effective_from, '%Y-%m-%d'),"
	" eu.name, lu.name, cu.name, p.review_days, p.accept_days, p.opinion_days,"
	" us.display_name"
	" FROM dispute_procedures p JOIN jurisdictions j ON j.id = p.jurisdiction_id"
	" JOIN units eu ON eu.id = p.establishment_unit_id"
	" LEFT JOIN units lu ON lu.id = p.legal_unit_id"
	" JOIN units cu ON cu.id = p.convener_unit_id"
	" LEFT JOIN users us ON us.id = p.created_by"
	" WHERE (? = 0 OR p.jurisdiction_id = ? OR j.parent_id IS NULL)"
	" ORDER BY j.parent_id IS NOT NULL, p.jurisdiction_id, p.effective_from DESC"
	" LIMIT 2000",
	[STMT_UNITS] = "SELECT " UNIT_COLS " FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id"
	" WHERE u.active = 1 AND (? = 0 OR u.jurisdiction_id = ? OR j.parent_id IS NULL)"
	" ORDER BY j.parent_id IS NOT NULL, j.id, u.id LIMIT 2000",
	[STMT_UNIT] = "SELECT " UNIT_COLS ", u.active FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id WHERE u.id = ?",
	[STMT_JUR_LOCK] = "SELECT id, name, parent_id IS NULL, active FROM jurisdictions"
	" WHERE id = ? FOR UPDATE",
	[STMT_ON_DATE] = "SELECT id FROM dispute_procedures WHERE jurisdiction_id = ?"
	" AND effective_from = ?",
	[STMT_INSERT] = "INSERT INTO dispute_procedures (jurisdiction_id, effective_from,"
	" establishment_unit_id, legal_unit_id, convener_unit_id, review_days,"
	" accept_days, opinion_days, created_by)"
	" VALUES (?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, NULLIF(?, 0))",
};

int procedure_jurisdictions(struct db *db, struct arena *a, long long jur,
			    struct dbres *out)
{
	return db_exec(db, a, sql[STMT_JURS], out, DB_I(jur), DB_I(jur));
}

int procedure_list(struct db *db, struct arena *a, long long jur,
		   struct dbres *out)
{
	return db_exec(db, a, sql[STMT_LIST], out, DB_I(jur), DB_I(jur));
}

int procedure_units(struct db *db, struct arena *a, long long jur,
		    struct dbres *out)
{
	return db_exec(db, a, sql[STMT_UNITS], out, DB_I(jur), DB_I(jur));
}

int procedure_unit(struct db *db, struct arena *a, long long id,
		   struct dbres *out)
{
	return db_exec(db, a, sql[STMT_UNIT], out, DB_I(id));
}

int procedure_jurisdiction_lock(struct db *db, struct arena *a, long long id,
				struct dbres *out)
{
	return db_exec(db, a, sql[STMT_JUR_LOCK], out, DB_I(id));
}

int procedure_on_date(struct db *db, struct arena *a, long long jur,
		      const char *day, struct dbres *out)
{
	return db_exec(db, a, sql[STMT_ON_DATE], out, DB_I(jur), DB_S(day));
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
