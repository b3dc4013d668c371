/* 通报 (K10): a month's bulletin of a jurisdiction (0: the whole city),
 * drafted by the office from the frozen scores, approved by another office
 * user, published to every unit. */
#ifndef BULLETIN_STORE_H
#define BULLETIN_STORE_H
#include "db.h"

#define BULLETIN_ROW(X, S)                                                   \
	X(S, INT, id, "b.id")                                                \
	X(S, STR, month, "b.month")                                          \
	X(S, INT, jur_id, "b.jurisdiction_id")                               \
	X(S, STR, jur, "COALESCE(j.name, '梅州市')")                          \
	X(S, STR, state, "b.state")                                          \
	X(S, STR, title, "b.title")                                          \
	X(S, STR, body, "b.body")                                            \
	X(S, INT, formula, "b.formula_version")                              \
	X(S, INT, commend_n, "b.commend_n")                                  \
	X(S, INT, name_below, "b.name_below")                                \
	X(S, INT, created_by, "b.created_by")                                \
	X(S, STR, creator, "cu.display_name")                                \
	X(S, STR, created, DB_BJ_MINUTE("b.created_at"))                     \
	X(S, STR, approver, "COALESCE(au.display_name, '')")                 \
	X(S, STR, approved, "COALESCE(" DB_BJ_MINUTE("b.approved_at") ", '')") \
	X(S, STR, published, "COALESCE(" DB_BJ_MINUTE("b.published_at") ", '')")
DB_ROW_STRUCT(bulletin_row, BULLETIN_ROW);

int bulletin_create(struct db *db, struct arena *a, const char *month, long long jur,
		    const char *title, const char *body, long long formula, long long user,
		    long long *id);
int bulletin_get(struct db *db, struct arena *a, long long id, struct bulletin_row **b);
int bulletin_lock(struct db *db, struct arena *a, long long id, struct bulletin_row **b);
/* Bulletins of jurisdiction jur (-1: every one), published only or all,
 * latest month first. */
int bulletin_list(struct db *db, struct arena *a, long long jur, int published_only,
		  struct bulletin_row **v, size_t *n);
/* The latest published bulletins a unit of jurisdiction jur reads: the
 * city's and its own jurisdiction's. */
int bulletin_for_unit(struct db *db, struct arena *a, long long jur, int limit,
		      struct bulletin_row **v, size_t *n);
/* Edits a draft; DB_CONFLICT when it is no longer one. */
int bulletin_save(struct db *db, struct arena *a, long long id, const char *title,
		  const char *body, int commend_n, int name_below);
/* draft -> approved (by), approved -> published (by); DB_CONFLICT when the
 * bulletin is not in state from. */
int bulletin_advance(struct db *db, struct arena *a, long long id, const char *from,
		     long long user);
/* Whether a bulletin of month is published (its scores are then frozen). */
int bulletin_month_published(struct db *db, struct arena *a, const char *month, int *yes);
#endif
