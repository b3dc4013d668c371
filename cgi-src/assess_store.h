/* Assessment (K8, K10): who answers for each unit's knowledge. */
#ifndef ASSESS_STORE_H
#define ASSESS_STORE_H
#include "db.h"

/* A member unit and the people who answer for its knowledge (K8.1); the
 * names NULL while the unit has named none. */
#define KB_PEOPLE_ROW(X, S)                                                  \
	X(S, INT, unit_id, "u.id")                                           \
	X(S, STR, unit, "u.name")                                            \
	X(S, STR, jur, "j.name")                                             \
	X(S, INT, jur_id, "u.jurisdiction_id")                               \
	X(S, NSTR, leader_name, "p.leader_name")                             \
	X(S, STR, leader_phone, "COALESCE(p.leader_phone, '')")              \
	X(S, NSTR, owner_name, "p.owner_name")                               \
	X(S, STR, owner_phone, "COALESCE(p.owner_phone, '')")                \
	X(S, STR, updated, "COALESCE(" DB_BJ_MINUTE("p.updated_at") ", '')")
DB_ROW_STRUCT(kb_people_row, KB_PEOPLE_ROW);
/* The active member units of jurisdiction jur (0: all), those without
 * people first. */
int kb_people_list(struct db *db, struct arena *a, long long jur, struct kb_people_row **v,
		   size_t *n);
/* One unit's row, or NULL. */
int kb_people_get(struct db *db, struct arena *a, long long unit, struct kb_people_row **p);
/* Names (or renames) a unit's people. */
struct kb_people {
	const char *leader_name, *leader_phone, *owner_name, *owner_phone;
};
int kb_people_put(struct db *db, struct arena *a, long long unit, const struct kb_people *p,
		  long long user);

/* The lint's misused words (K10.2): wrong form and right form. */
#define KB_TYPO_ROW(X, S)                                                    \
	X(S, INT, id, "id")                                                  \
	X(S, STR, wrong, "wrong")                                            \
	X(S, STR, correct, "correct")
DB_ROW_STRUCT(kb_typo_row, KB_TYPO_ROW);
/* The office's changes: DB_DUP when the wrong form is listed; a delete
 * that finds nothing is DB_CONFLICT. */
int kb_typo_insert(struct db *db, struct arena *a, const char *wrong, const char *correct,
		   long long *id);
int kb_typo_get(struct db *db, struct arena *a, long long id, struct kb_typo_row **t);
int kb_typo_delete(struct db *db, struct arena *a, long long id);
int kb_typos_all(struct db *db, struct arena *a, struct kb_typo_row **v, size_t *n);
int kb_typos_count(struct db *db, struct arena *a, long long *n);
/* Adds a pair; DB_OK also when the wrong form is listed already. */
int kb_typo_add(struct db *db, struct arena *a, const char *wrong, const char *correct);
#endif
