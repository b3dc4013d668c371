/* Disputes, joint meetings and accountability in the database: every SQL
 * statement about them, each query's columns named once as a typed row.
 * Scope is checked by the rules (dispute_ops.c) on the loaded row; lists
 * filter in SQL (jur 0: whole city). */
#ifndef DISPUTE_STORE_H
#define DISPUTE_STORE_H
#include "db.h"

/* A dispute as its pages show it, with its procedure's offices; dates
 * and times "" when not yet. */
#define DISPUTE_ROW(X, S)                                                    \
	X(S, INT, id, "d.id")                                                \
	X(S, INT, order_id, "d.order_id")                                    \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, category, "c.name")                                        \
	X(S, INT, jur_id, "d.jurisdiction_id")                               \
	X(S, STR, jur, "j.name")                                             \
	X(S, STR, state, "d.state")                                          \
	X(S, STR, content, "d.content")                                      \
	X(S, STR, stage_due, DB_DAY("d.stage_due"))                          \
	X(S, STR, opened, DB_BJ_MINUTE("d.opened_at"))                       \
	X(S, STR, opened_by, "ob.display_name")                              \
	X(S, INT, est_unit, "p.establishment_unit_id")                       \
	X(S, STR, est_name, "eu.name")                                       \
	X(S, INT, legal_unit, "p.legal_unit_id")                             \
	X(S, NSTR, legal_name, "lu.name")                                    \
	X(S, INT, convener_unit, "p.convener_unit_id")                       \
	X(S, INT, review_days, "p.review_days")                              \
	X(S, INT, accept_days, "p.accept_days")                              \
	X(S, INT, lead_unit, "d.lead_unit_id")                               \
	X(S, STR, lead_name, "ld.name")                                      \
	X(S, STR, principle, "d.principle")                                  \
	X(S, STR, determination, "d.determination")                          \
	X(S, STR, determined, DB_BJ_MINUTE("d.determined_at"))               \
	X(S, STR, accept_due, DB_DAY("d.accept_due"))                        \
	X(S, STR, answered, DB_BJ_MINUTE("d.answered_at"))                   \
	X(S, STR, refusal, "d.refusal")                                      \
	X(S, STR, contact_name, "d.contact_name")                            \
	X(S, STR, contact_phone, "d.contact_phone")                          \
	X(S, STR, temp_unit_name, "tu.name")                                 \
	X(S, INT, category_id, "d.category_id")                              \
	X(S, STR, note, "d.note")                                            \
	X(S, STR, order_state, "o.state")                                    \
	X(S, STR, convener_name, "cu.name")                                  \
	X(S, STR, office_name, "(SELECT u.name FROM units u WHERE u.jurisdiction_id ="   \
			       " d.jurisdiction_id AND u.kind = 'office' AND u.active = 1" \
			       " ORDER BY u.id LIMIT 1)")                    \
	X(S, INT, city, "j.parent_id IS NULL")                               \
	X(S, INT, unbound, "d.unbound_at IS NOT NULL")                       \
	X(S, STR, unbound_reason, "COALESCE(d.unbound_reason, '')")
DB_ROW_STRUCT(dispute_row, DISPUTE_ROW);

/* Opens a dispute on a locked order (in the caller's transaction): the
 * procedure in force today for the order's jurisdiction (else the
 * city's), the order's category and content, the order's unit and the
 * return's suggested unit as involved units, each asked for an opinion
 * by due. Returns DB_FK when no procedure applies. */
int dispute_open(struct db *db, struct arena *a, long long order_id, long long return_id,
	     long long user, const char *note, const char *today, const char *due,
	     const char *content_bg, long long *id);

int dispute_get(struct db *db, struct arena *a, long long id, struct dispute_row **d);
/* What a change needs of a dispute and its procedure (0 for an office the
 * procedure lacks). */
#define DISPUTE_LOCK_ROW(X, S)                                               \
	X(S, STR, state, "d.state")                                          \
	X(S, INT, jur_id, "d.jurisdiction_id")                               \
	X(S, INT, est_unit, "p.establishment_unit_id")                       \
	X(S, INT, legal_unit, "p.legal_unit_id")                             \
	X(S, INT, convener_unit, "p.convener_unit_id")                       \
	X(S, INT, review_days, "p.review_days")                              \
	X(S, INT, accept_days, "p.accept_days")                              \
	X(S, INT, lead_unit, "d.lead_unit_id")                               \
	X(S, STR, accept_due, DB_DAY("d.accept_due"))                        \
	X(S, INT, order_id, "d.order_id")                                    \
	X(S, INT, category_id, "d.category_id")                              \
	X(S, INT, unbound, "d.unbound_at IS NOT NULL")
DB_ROW_STRUCT(dispute_lock_row, DISPUTE_LOCK_ROW);
/* Locks the row for a change; dispute_peek reads the same without a lock. */
int dispute_lock(struct db *db, struct arena *a, long long id, struct dispute_lock_row **d);
int dispute_peek(struct db *db, struct arena *a, long long id, struct dispute_lock_row **d);
/* Involved units (role "lead", "coop" or "involved"), the lead first;
 * opinion NULL while it is owed. */
#define DISPUTE_UNIT_ROW(X, S)                                               \
	X(S, INT, unit_id, "du.unit_id")                                     \
	X(S, STR, name, "u.name")                                            \
	X(S, STR, due, DB_DAY("du.due_date"))                                \
	X(S, NSTR, opinion, "du.opinion")                                    \
	X(S, STR, by, "us.display_name")                                     \
	X(S, STR, at, DB_BJ_MINUTE("du.opinion_at"))                         \
	X(S, STR, role, "du.role")
DB_ROW_STRUCT(dispute_unit_row, DISPUTE_UNIT_ROW);
int dispute_units(struct db *db, struct arena *a, long long id, struct dispute_unit_row **v,
	      size_t *n);
/* Sealed opinions in the order given; coop_ids space-separated. */
#define DISPUTE_OPINION_ROW(X, S)                                            \
	X(S, STR, stage, "o.stage")                                          \
	X(S, STR, kind, "o.kind")                                            \
	X(S, STR, text, "o.text")                                            \
	X(S, NSTR, lead_name, "l.name")                                      \
	X(S, STR, coop_ids, "o.coop_units")                                  \
	X(S, STR, principle, "o.principle")                                  \
	X(S, STR, basis, "o.basis")                                          \
	X(S, NSTR, temp_name, "t.name")                                      \
	X(S, STR, seal_unit, "s.name")                                       \
	X(S, STR, by, "us.display_name")                                     \
	X(S, STR, at, DB_BJ_MINUTE("o.sealed_at"))                           \
	X(S, INT, lead_id, "o.lead_unit_id")                                 \
	X(S, INT, id, "o.id")                                                \
	X(S, STR, seal_day, DB_DAY("o.sealed_at + INTERVAL 8 HOUR"))
DB_ROW_STRUCT(dispute_opinion_row, DISPUTE_OPINION_ROW);
int dispute_opinions(struct db *db, struct arena *a, long long id,
		 struct dispute_opinion_row **v, size_t *n);
/* What the office told the caller, oldest first. */
#define DISPUTE_CONTACT_ROW(X, S)                                            \
	X(S, STR, at, DB_BJ_MINUTE("c.at"))                                  \
	X(S, STR, who, "us.display_name")                                    \
	X(S, STR, what, "c.what")
DB_ROW_STRUCT(dispute_contact_row, DISPUTE_CONTACT_ROW);
int dispute_contacts(struct db *db, struct arena *a, long long id,
		 struct dispute_contact_row **v, size_t *n);
/* The timeline, oldest first; who and unit NULL for the system's. */
#define DISPUTE_EVENT_ROW(X, S)                                              \
	X(S, STR, at, DB_BJ_MINUTE("e.at"))                                  \
	X(S, NSTR, who, "us.display_name")                                   \
	X(S, NSTR, unit, "un.name")                                          \
	X(S, STR, kind, "e.kind")                                            \
	X(S, STR, note, "e.note")
DB_ROW_STRUCT(dispute_event_row, DISPUTE_EVENT_ROW);
int dispute_events(struct db *db, struct arena *a, long long id, struct dispute_event_row **v,
	       size_t *n);

int dispute_set_state(struct db *db, struct arena *a, long long id, const char *from,
		  const char *to, const char *stage_due);
int dispute_event(struct db *db, struct arena *a, long long id, long long user,
	      long long unit, const char *kind, const char *note);
int dispute_unit_opinion(struct db *db, struct arena *a, long long id, long long unit,
		     long long user, const char *opinion);
int dispute_contact(struct db *db, struct arena *a, long long id, long long user,
		const char *what);
struct dispute_opinion {
	const char *stage, *kind, *text, *coop_units, *principle, *basis;
	long long lead_unit, temp_unit, seal_unit, user;
};
int dispute_opinion(struct db *db, struct arena *a, long long id,
		const struct dispute_opinion *o);
/* The latest deciding opinion (kind 'opinion'), or NULL. */
#define DISPUTE_DECIDING_ROW(X, S)                                           \
	X(S, INT, lead_id, "lead_unit_id")                                   \
	X(S, STR, coop_ids, "coop_units")                                    \
	X(S, STR, principle, "principle")                                    \
	X(S, STR, text, "text")                                              \
	X(S, STR, stage, "stage")
DB_ROW_STRUCT(dispute_deciding_row, DISPUTE_DECIDING_ROW);
int dispute_deciding(struct db *db, struct arena *a, long long id,
		 struct dispute_deciding_row **d);
int dispute_determine(struct db *db, struct arena *a, long long id, long long lead,
		  const char *principle, const char *text, long long user,
		  const char *accept_due);
int dispute_unit_role(struct db *db, struct arena *a, long long id, long long unit,
		  const char *role, const char *due);
int dispute_answer(struct db *db, struct arena *a, long long id, const char *to,
	       const char *refusal);
int dispute_coop(struct db *db, struct arena *a, long long order_id, long long unit,
	     long long dispute);
int dispute_temp_unit(struct db *db, struct arena *a, long long id, long long unit);

/* Lists. who: 'office' (scope jur), 'unit' (involved or lead unit),
 * 'reviewer' (the procedure's 编办 once referred, its 法制局 once referred
 * on), 'convener' (waiting for a meeting); newest first. */
#define DISPUTE_LIST_ROW(X, S)                                               \
	X(S, INT, id, "d.id")                                                \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, category, "c.name")                                        \
	X(S, STR, state, "d.state")                                          \
	X(S, STR, stage_due, DB_DAY("d.stage_due"))                          \
	X(S, STR, opened, DB_BJ_MINUTE("d.opened_at"))                       \
	X(S, STR, lead, "lu.name")                                           \
	X(S, STR, accept_due, DB_DAY("d.accept_due"))                        \
	X(S, STR, jur, "j.name")
DB_ROW_STRUCT(dispute_list_row, DISPUTE_LIST_ROW);
int dispute_list(struct db *db, struct arena *a, const char *who, long long jur,
	     long long unit, const char *state, long long limit, long long offset,
	     struct dispute_list_row **v, size_t *n);
/* Similar past determinations: the same category, then (when that finds
 * fewer than three) content like q, a space-separated list of bigrams. */
#define DISPUTE_SIMILAR_ROW(X, S)                                            \
	X(S, INT, id, "d.id")                                                \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, category, "c.name")                                        \
	X(S, STR, lead, "lu.name")                                           \
	X(S, STR, at, DB_BJ_MINUTE("d.determined_at"))                       \
	X(S, STR, text, "d.determination")
DB_ROW_STRUCT(dispute_similar_row, DISPUTE_SIMILAR_ROW);
int dispute_similar(struct db *db, struct arena *a, long long id, long long category,
		const char *q, struct dispute_similar_row **v, size_t *n);
/* A routing rule from a determination (D6.4 learning). */
int dispute_rule(struct db *db, struct arena *a, long long category, long long jur,
	     const char *keywords, long long unit, long long user, long long dispute);

/* The names of the units in ids ("1,2,3"). */
#define DISPUTE_NAME_ROW(X, S)                                               \
	X(S, INT, id, "id")                                                  \
	X(S, STR, name, "name")
DB_ROW_STRUCT(dispute_name_row, DISPUTE_NAME_ROW);
int dispute_unit_names(struct db *db, struct arena *a, const char *ids,
		   struct dispute_name_row **v, size_t *n);
/* Whether the same active rule exists already. */
int dispute_rule_exists(struct db *db, struct arena *a, long long category, long long jur,
		    const char *keywords, long long unit, int *yes);
/* The determined dispute (waiting for acceptance) that sent order_id to
 * unit, locked; *id 0 when none. */
/* The dispute whose determination binds unit to order id (D6.5: it
 * named the unit lead, and the office has not lifted that), or 0. */
int dispute_binding_for(struct db *db, struct arena *a, long long order_id, long long unit,
			long long *id);
/* The office lifts the binding of dispute id's determination. */
int dispute_unbind(struct db *db, struct arena *a, long long id, const char *reason);
int dispute_determined_for(struct db *db, struct arena *a, long long order_id,
		       long long unit, long long *id);

/* Meetings. */
int dispute_meeting_insert(struct db *db, struct arena *a, long long jur, long long user,
		       const char *topic, long long *id);
int dispute_meeting_item(struct db *db, struct arena *a, long long meeting, long long dispute);
/* A meeting; starts in Beijing time as entered, "" until scheduled; begun
 * once that time has come (only then can it be recorded as held). */
#define MEETING_ROW(X, S)                                                    \
	X(S, INT, id, "m.id")                                                \
	X(S, STR, state, "m.state")                                          \
	X(S, STR, topic, "m.topic")                                          \
	X(S, STR, starts, "DATE_FORMAT(m.starts_at, '%Y-%m-%d %H:%i')")      \
	X(S, INT, begun, "m.starts_at <= UTC_TIMESTAMP() + INTERVAL 8 HOUR") \
	X(S, STR, place, "m.place")                                          \
	X(S, STR, invitees, "m.invitees")                                    \
	X(S, STR, attendance, "m.attendance")                                \
	X(S, STR, minutes, "m.minutes")                                      \
	X(S, STR, proposer, "us.display_name")                               \
	X(S, INT, jur_id, "m.jurisdiction_id")
DB_ROW_STRUCT(meeting_row, MEETING_ROW);
int dispute_meeting(struct db *db, struct arena *a, long long id, struct meeting_row **m);
/* Its agenda. */
#define MEETING_ITEM_ROW(X, S)                                               \
	X(S, INT, dispute_id, "d.id")                                        \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, category, "c.name")                                        \
	X(S, STR, state, "d.state")                                          \
	X(S, INT, decided, "mi.decided")
DB_ROW_STRUCT(meeting_item_row, MEETING_ITEM_ROW);
int dispute_meeting_items(struct db *db, struct arena *a, long long id,
		      struct meeting_item_row **v, size_t *n);
/* Meetings in scope, newest first, with the size of their agenda. */
#define MEETING_LIST_ROW(X, S)                                               \
	X(S, INT, id, "m.id")                                                \
	X(S, STR, state, "m.state")                                          \
	X(S, STR, topic, "m.topic")                                          \
	X(S, STR, starts, "DATE_FORMAT(m.starts_at, '%Y-%m-%d %H:%i')")      \
	X(S, STR, place, "m.place")                                          \
	X(S, INT, items, "(SELECT COUNT(*) FROM meeting_items mi WHERE mi.meeting_id = m.id)")
DB_ROW_STRUCT(meeting_list_row, MEETING_LIST_ROW);
int dispute_meetings(struct db *db, struct arena *a, long long jur, struct meeting_list_row **v,
		 size_t *n);
int dispute_meeting_schedule(struct db *db, struct arena *a, long long id,
			 const char *starts, const char *place, const char *invitees,
			 long long user);
int dispute_meeting_held(struct db *db, struct arena *a, long long id,
		     const char *attendance, const char *minutes, long long user);
int dispute_meeting_decided(struct db *db, struct arena *a, long long meeting,
			long long dispute);
/* The meetings whose agenda holds the dispute undecided (at most 10):
 * their ids into ids, *n of them. */
int dispute_meeting_pending(struct db *db, struct arena *a, long long dispute,
			long long ids[10], size_t *n);

/* Accountability. */
int dispute_account(struct db *db, struct arena *a, long long dispute, long long unit,
		const char *facts, long long user, long long *id);
/* Accountability records in scope, open ones first. */
#define ACCOUNT_ROW(X, S)                                                    \
	X(S, INT, id, "a.id")                                                \
	X(S, INT, dispute_id, "a.dispute_id")                                \
	X(S, STR, number, "o.number")                                        \
	X(S, STR, unit, "u.name")                                            \
	X(S, STR, facts, "a.facts")                                          \
	X(S, STR, state, "a.state")                                          \
	X(S, STR, opened, DB_BJ_MINUTE("a.opened_at"))                       \
	X(S, STR, outcome, "a.outcome")
DB_ROW_STRUCT(account_row, ACCOUNT_ROW);
int dispute_accounts(struct db *db, struct arena *a, long long jur, const char *state,
		 struct account_row **v, size_t *n);
int dispute_account_close(struct db *db, struct arena *a, long long id, long long jur,
		      const char *outcome, long long user);

/* Procedures: the one in force for a jurisdiction on a day (its own, else
 * the city's), or NULL. */
#define PROCEDURE_IN_FORCE_ROW(X, S)                                         \
	X(S, INT, id, "p.id")                                                \
	X(S, INT, jur_id, "p.jurisdiction_id")                               \
	X(S, STR, effective_from, DB_DAY("p.effective_from"))                \
	X(S, INT, est_unit, "p.establishment_unit_id")                       \
	X(S, INT, legal_unit, "p.legal_unit_id")                             \
	X(S, INT, convener_unit, "p.convener_unit_id")                       \
	X(S, INT, review_days, "p.review_days")                              \
	X(S, INT, accept_days, "p.accept_days")                              \
	X(S, INT, opinion_days, "p.opinion_days")
DB_ROW_STRUCT(procedure_in_force_row, PROCEDURE_IN_FORCE_ROW);
int dispute_procedure_for(struct db *db, struct arena *a, long long jur, const char *day,
		      struct procedure_in_force_row **p);

#endif
