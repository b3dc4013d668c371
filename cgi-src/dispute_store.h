/* Disputes, joint meetings and accountability in the database: every SQL
 * statement of the dispute pages. Scope is checked by h_disputes.c on the
 * loaded row; lists filter in SQL (jur 0: whole city). */
#ifndef DISPUTE_STORE_H
#define DISPUTE_STORE_H
#include "db.h"

/* Columns of dss_get (DSP_*). */
enum {
	DSP_ID, DSP_ORDER_ID, DSP_NUMBER, DSP_CATEGORY, DSP_JUR_ID, DSP_JUR,
	DSP_STATE, DSP_CONTENT, DSP_STAGE_DUE, DSP_OPENED, DSP_OPENED_BY,
	DSP_EST_UNIT, DSP_EST_NAME, DSP_LEGAL_UNIT, DSP_LEGAL_NAME,
	DSP_CONVENER_UNIT, DSP_REVIEW_DAYS, DSP_ACCEPT_DAYS, DSP_LEAD_UNIT,
	DSP_LEAD_NAME, DSP_PRINCIPLE, DSP_DETERMINATION, DSP_DETERMINED,
	DSP_ACCEPT_DUE, DSP_ANSWERED, DSP_REFUSAL, DSP_CONTACT_NAME,
	DSP_CONTACT_PHONE, DSP_TEMP_UNIT_NAME, DSP_CATEGORY_ID, DSP_NOTE,
	DSP_ORDER_STATE, DSP_CONVENER_NAME, DSP_OFFICE_NAME, DSP_CITY, DSP__COLS
};

/* Opens a dispute on a locked order (in the caller's transaction): the
 * procedure in force today for the order's jurisdiction (else the
 * city's), the order's category and content, the order's unit and the
 * return's suggested unit as involved units, each asked for an opinion
 * by due. Returns DB_FK when no procedure applies. */
int dss_open(struct db *db, struct arena *a, long long order_id, long long return_id,
	     long long user, const char *note, const char *today, const char *due,
	     const char *content_bg, long long *id);

int dss_get(struct db *db, struct arena *a, long long id, struct dbres *out);
/* For a change: state, jurisdiction, procedure's 编办, 法制局 (or NULL),
 * convener, review days, accept days, lead unit, accept due, order id,
 * category id. Locks the row. */
int dss_lock(struct db *db, struct arena *a, long long id, struct dbres *out);
/* The same columns, without the lock (for reading). */
int dss_peek(struct db *db, struct arena *a, long long id, struct dbres *out);
/* Involved units: unit id, name, due, opinion, by, at (Beijing), role. */
int dss_units(struct db *db, struct arena *a, long long id, struct dbres *out);
/* Sealed opinions: stage, kind, text, lead name, coop ids, principle,
 * basis, temp unit name, seal unit name, by, at (Beijing), lead id, id. */
int dss_opinions(struct db *db, struct arena *a, long long id, struct dbres *out);
int dss_contacts(struct db *db, struct arena *a, long long id, struct dbres *out);
int dss_events(struct db *db, struct arena *a, long long id, struct dbres *out);

int dss_set_state(struct db *db, struct arena *a, long long id, const char *from,
		  const char *to, const char *stage_due);
int dss_event(struct db *db, struct arena *a, long long id, long long user,
	      long long unit, const char *kind, const char *note);
int dss_unit_opinion(struct db *db, struct arena *a, long long id, long long unit,
		     long long user, const char *opinion);
int dss_contact(struct db *db, struct arena *a, long long id, long long user,
		const char *what);
struct dispute_opinion {
	const char *stage, *kind, *text, *coop_units, *principle, *basis;
	long long lead_unit, temp_unit, seal_unit, user;
};
int dss_opinion(struct db *db, struct arena *a, long long id,
		const struct dispute_opinion *o);
/* The latest deciding opinion (kind 'opinion'): lead id, coop ids,
 * principle, text, stage. */
int dss_deciding(struct db *db, struct arena *a, long long id, struct dbres *out);
int dss_determine(struct db *db, struct arena *a, long long id, long long lead,
		  const char *principle, const char *text, long long user,
		  const char *accept_due);
int dss_unit_role(struct db *db, struct arena *a, long long id, long long unit,
		  const char *role, const char *due);
int dss_answer(struct db *db, struct arena *a, long long id, const char *to,
	       const char *refusal);
int dss_coop(struct db *db, struct arena *a, long long order_id, long long unit,
	     long long dispute);
int dss_temp_unit(struct db *db, struct arena *a, long long id, long long unit);

/* Lists. who: 'office' (scope jur), 'unit' (involved or lead unit),
 * 'reviewer' (the procedure's 编办 once referred, its 法制局 once referred
 * on), 'convener' (waiting for a meeting). Columns: id, number, category, state, stage due, opened
 * (Beijing), lead unit name, accept due, jurisdiction. */
int dss_list(struct db *db, struct arena *a, const char *who, long long jur,
	     long long unit, const char *state, long long limit, long long offset,
	     struct dbres *out);
/* Similar past determinations: the same category, then (when that finds
 * fewer than three) content like q, a space-separated list of bigrams. Columns: id, number, category, lead unit, determined
 * (Beijing), determination. */
int dss_similar(struct db *db, struct arena *a, long long id, long long category,
		const char *q, struct dbres *out);
/* A routing rule from a determination (D6.4 learning). */
int dss_rule(struct db *db, struct arena *a, long long category, long long jur,
	     const char *keywords, long long unit, long long user, long long dispute);

/* id, name of the units in ids ("1,2,3"). */
int dss_unit_names(struct db *db, struct arena *a, const char *ids, struct dbres *out);
/* Whether the same active rule exists already. */
int dss_rule_exists(struct db *db, struct arena *a, long long category, long long jur,
		    const char *keywords, long long unit, int *yes);
/* The determined dispute (waiting for acceptance) that sent order_id to
 * unit, locked; *id 0 when none. */
int dss_determined_for(struct db *db, struct arena *a, long long order_id,
		       long long unit, long long *id);

/* Meetings. */
int dss_meeting_insert(struct db *db, struct arena *a, long long jur, long long user,
		       const char *topic, long long *id);
int dss_meeting_item(struct db *db, struct arena *a, long long meeting, long long dispute);
/* id, state, topic, starts (Beijing, as entered), place, invitees,
 * attendance, minutes, proposer, jurisdiction_id. */
int dss_meeting(struct db *db, struct arena *a, long long id, struct dbres *out);
/* Items: dispute id, number, category, state, decided. */
int dss_meeting_items(struct db *db, struct arena *a, long long id, struct dbres *out);
int dss_meetings(struct db *db, struct arena *a, long long jur, struct dbres *out);
int dss_meeting_schedule(struct db *db, struct arena *a, long long id,
			 const char *starts, const char *place, const char *invitees,
			 long long user);
int dss_meeting_held(struct db *db, struct arena *a, long long id,
		     const char *attendance, const char *minutes, long long user);
int dss_meeting_decided(struct db *db, struct arena *a, long long meeting,
			long long dispute);
/* The meetings whose agenda holds the dispute undecided: meeting id. */
int dss_meeting_pending(struct db *db, struct arena *a, long long dispute,
			struct dbres *out);

/* Accountability. */
int dss_account(struct db *db, struct arena *a, long long dispute, long long unit,
		const char *facts, long long user, long long *id);
/* id, dispute id, number, unit, facts, state, opened (Beijing), outcome. */
int dss_accounts(struct db *db, struct arena *a, long long jur, const char *state,
		 struct dbres *out);
int dss_account_close(struct db *db, struct arena *a, long long id, long long jur,
		      const char *outcome, long long user);

/* Procedures: the one in force for a jurisdiction on a day. Columns: id,
 * jurisdiction_id, effective_from, 编办, 法制局, convener, review days,
 * accept days, opinion days. */
int dss_procedure_for(struct db *db, struct arena *a, long long jur, const char *day,
		      struct dbres *out);

#endif
