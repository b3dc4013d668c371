/* 争议认定程序 (D7, D8): every SQL statement of the administration of each
 * jurisdiction's determination procedure. Versions are only ever added: a
 * dispute references the version in force on the day it was opened
 * (dispute_store.c, dispute_procedure_for). Scope: jur = 0 is the whole city,
 * else that jurisdiction and the city, whose procedure is its default. */
#ifndef PROCEDURE_STORE_H
#define PROCEDURE_STORE_H
#include "db.h"

/* A jurisdiction; city is 1 for the city (no parent). */
#define PROCEDURE_JUR_ROW(X, S)                                              \
	X(S, INT, id, "j.id")                                                \
	X(S, STR, name, "j.name")                                            \
	X(S, INT, city, "j.parent_id IS NULL")                               \
	X(S, INT, active, "j.active")
DB_ROW_STRUCT(procedure_jur_row, PROCEDURE_JUR_ROW);
/* A version with the names of its units: legal_name NULL when it has no
 * legal step, created_by (a display name) NULL for demo rows. */
#define PROCEDURE_ROW(X, S)                                                  \
	X(S, INT, id, "p.id")                                                \
	X(S, INT, jur_id, "p.jurisdiction_id")                               \
	X(S, STR, effective_from, DB_DAY("p.effective_from"))                \
	X(S, STR, establishment_name, "eu.name")                             \
	X(S, NSTR, legal_name, "lu.name")                                    \
	X(S, STR, convener_name, "cu.name")                                  \
	X(S, INT, review_days, "p.review_days")                              \
	X(S, INT, accept_days, "p.accept_days")                              \
	X(S, INT, opinion_days, "p.opinion_days")                            \
	X(S, NSTR, created_by, "us.display_name")
DB_ROW_STRUCT(procedure_row, PROCEDURE_ROW);
/* A unit a procedure may name; city is 1 when its jurisdiction is the
 * city. */
#define PROCEDURE_UNIT_ROW(X, S)                                             \
	X(S, INT, id, "u.id")                                                \
	X(S, STR, name, "u.name")                                            \
	X(S, INT, jur_id, "u.jurisdiction_id")                               \
	X(S, STR, jur_name, "j.name")                                        \
	X(S, INT, city, "j.parent_id IS NULL")                               \
	X(S, INT, active, "u.active")
DB_ROW_STRUCT(procedure_unit_row, PROCEDURE_UNIT_ROW);

/* Jurisdictions in scope, the city first. */
int procedure_jurisdictions(struct db *db, struct arena *a, long long jur,
			    struct procedure_jur_row **v, size_t *n);
/* Every version in scope, by jurisdiction (the city first), newest
 * effective date (YYYY-MM-DD) first. */
int procedure_list(struct db *db, struct arena *a, long long jur,
		   struct procedure_row **v, size_t *n);
/* Units a procedure of jurisdiction jur (0: any) may name: active, of that
 * jurisdiction or of the city. */
int procedure_units(struct db *db, struct arena *a, long long jur,
		    struct procedure_unit_row **v, size_t *n);
/* One unit, active or not; *u NULL when missing. */
int procedure_unit(struct db *db, struct arena *a, long long id,
		   struct procedure_unit_row **u);
/* Inside a transaction: one jurisdiction, locked until commit, so that two
 * admins adding versions to it queue; *j NULL when missing. */
int procedure_jurisdiction_lock(struct db *db, struct arena *a, long long id,
				struct procedure_jur_row **j);
/* Inside a transaction: the id of jur's version effective from day in
 * *id, 0 when there is none. */
int procedure_on_date(struct db *db, struct arena *a, long long jur,
		      const char *day, long long *id);
/* legal 0: no legal step. DB_DUP when jur already has a version from day. */
int procedure_insert(struct db *db, struct arena *a, long long jur,
		     const char *day, long long establishment, long long legal,
		     long long convener, long long review_days,
		     long long accept_days, long long opinion_days,
		     long long user_id, long long *id);

#endif
