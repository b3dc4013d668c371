/* 争议认定程序 (D7, D8): every SQL statement of the administration of each
 * jurisdiction's determination procedure. Versions are only ever added: a
 * dispute references the version in force on the day it was opened
 * (dispute_store.c, dispute_procedure_for). Scope: jur = 0 is the whole city,
 * else that jurisdiction and the city, whose procedure is its default. */
#ifndef PROCEDURE_STORE_H
#define PROCEDURE_STORE_H
#include "db.h"

/* Jurisdictions in scope, the city first. Columns: id, name, whether it is
 * the city (no parent), active. */
int procedure_jurisdictions(struct db *db, struct arena *a, long long jur,
			    struct dbres *out);
/* Every version in scope, by jurisdiction (the city first), newest
 * effective date first. Columns: id, jurisdiction id, effective_from
 * (YYYY-MM-DD), 编办 name, 法制局 name (NULL: no legal step), convener
 * name, review days, accept days, opinion days, created by (display name,
 * NULL for demo rows). */
int procedure_list(struct db *db, struct arena *a, long long jur,
		   struct dbres *out);
/* Units a procedure of jurisdiction jur (0: any) may name: active, of that
 * jurisdiction or of the city. Columns: id, name, jurisdiction id,
 * jurisdiction name, whether that jurisdiction is the city. */
int procedure_units(struct db *db, struct arena *a, long long jur,
		    struct dbres *out);
/* One unit: the same columns plus active; no row when missing. */
int procedure_unit(struct db *db, struct arena *a, long long id,
		   struct dbres *out);
/* Inside a transaction: one jurisdiction, locked until commit, so that two
 * admins adding versions to it queue. Columns: id, name, whether it is the
 * city, active. No row when missing. */
int procedure_jurisdiction_lock(struct db *db, struct arena *a, long long id,
				struct dbres *out);
/* Inside a transaction: the version of jur effective from day, if any.
 * Columns: id. */
int procedure_on_date(struct db *db, struct arena *a, long long jur,
		      const char *day, struct dbres *out);
/* legal 0: no legal step. DB_DUP when jur already has a version from day. */
int procedure_insert(struct db *db, struct arena *a, long long jur,
		     const char *day, long long establishment, long long legal,
		     long long convener, long long review_days,
		     long long accept_days, long long opinion_days,
		     long long user_id, long long *id);

#endif
