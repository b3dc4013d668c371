#include "dispute_store.h"

#include <stdlib.h>
#include <string.h>

enum stmt {
	STMT_PROCEDURE,
	STMT_ORDER_JUR,
	STMT_OPEN,
	STMT_OPEN_UNIT,
	STMT_OPEN_SUGGESTED,
	STMT_GET,
	STMT_LOCK,
	STMT_PEEK,
	STMT_UNITS,
	STMT_OPINIONS,
	STMT_CONTACTS,
	STMT_EVENTS,
	STMT_SET_STATE,
	STMT_EVENT,
	STMT_UNIT_OPINION,
	STMT_CONTACT,
	STMT_OPINION,
	STMT_DECIDING,
	STMT_DETERMINE,
	STMT_UNIT_ROLE,
	STMT_ANSWER,
	STMT_COOP,
	STMT_TEMP_UNIT,
	STMT_LIST_OFFICE,
	STMT_LIST_UNIT,
	STMT_LIST_REVIEWER,
	STMT_LIST_CONVENER,
	STMT_SIMILAR,
	STMT_SIMILAR_TEXT,
	STMT_UNIT_NAMES,
	STMT_RULE_EXISTS,
	STMT_DETERMINED_FOR,
	STMT_BINDING_FOR,
	STMT_UNBIND,
	STMT_RULE,
	STMT_MEETING_INSERT,
	STMT_MEETING_ITEM,
	STMT_MEETING,
	STMT_MEETING_ITEMS,
	STMT_MEETINGS,
	STMT_MEETING_SCHEDULE,
	STMT_MEETING_HELD,
	STMT_MEETING_DECIDED,
	STMT_MEETING_PENDING,
	STMT_ACCOUNT,
	STMT_ACCOUNTS,
	STMT_ACCOUNT_CLOSE,
	STMT__MAX
};

DB_ROW_COLS(dispute_row, DISPUTE_ROW);
DB_ROW_COLS(dispute_lock_row, DISPUTE_LOCK_ROW);
DB_ROW_COLS(dispute_unit_row, DISPUTE_UNIT_ROW);
DB_ROW_COLS(dispute_opinion_row, DISPUTE_OPINION_ROW);
DB_ROW_COLS(dispute_contact_row, DISPUTE_CONTACT_ROW);
DB_ROW_COLS(dispute_event_row, DISPUTE_EVENT_ROW);
DB_ROW_COLS(dispute_deciding_row, DISPUTE_DECIDING_ROW);
DB_ROW_COLS(dispute_list_row, DISPUTE_LIST_ROW);
DB_ROW_COLS(dispute_similar_row, DISPUTE_SIMILAR_ROW);
DB_ROW_COLS(dispute_name_row, DISPUTE_NAME_ROW);
DB_ROW_COLS(meeting_row, MEETING_ROW);
DB_ROW_COLS(meeting_item_row, MEETING_ITEM_ROW);
DB_ROW_COLS(meeting_list_row, MEETING_LIST_ROW);
DB_ROW_COLS(account_row, ACCOUNT_ROW);
DB_ROW_COLS(procedure_in_force_row, PROCEDURE_IN_FORCE_ROW);

/* The procedure in force on a day: the jurisdiction's own, else the
 * city's (the jurisdiction without a parent). */
#define PROCEDURE_FOR \
	"SELECT " DB_COLS(PROCEDURE_IN_FORCE_ROW) " FROM dispute_procedures p" \
	" JOIN jurisdictions j ON j.id = p.jurisdiction_id"                    \
	" WHERE (p.jurisdiction_id = ? OR j.parent_id IS NULL)"                \
	" AND p.effective_from <= ?"                                           \
	" ORDER BY p.jurisdiction_id = ? DESC, p.effective_from DESC LIMIT 1"

/* The lists (dispute_list): one statement per kind of reader, so that each is
 * planned on its own (one statement with an OR of the four readers costs
 * as much to plan as to run, and its subqueries get materialized). */
#define LIST_COLS "SELECT " DB_COLS(DISPUTE_LIST_ROW)
#define LIST_JOINS \
	" JOIN orders o ON o.id = d.order_id"                                  \
	" JOIN jurisdictions j ON j.id = d.jurisdiction_id"                    \
	" LEFT JOIN order_categories c ON c.id = d.category_id"               \
	" LEFT JOIN units lu ON lu.id = d.lead_unit_id"

#define LOCK_COLS \
	"SELECT " DB_COLS(DISPUTE_LOCK_ROW) \
	" FROM disputes d LEFT JOIN dispute_procedures p ON p.id = d.procedure_id" \
	" WHERE d.id = ?"

#define SIMILAR_COLS \
	"SELECT " DB_COLS(DISPUTE_SIMILAR_ROW) \
	" FROM disputes d JOIN orders o ON o.id = d.order_id" \
	" LEFT JOIN order_categories c ON c.id = d.category_id" \
	" JOIN units lu ON lu.id = d.lead_unit_id"

static const char *const sql[STMT__MAX] = {
	[STMT_PROCEDURE] = PROCEDURE_FOR,
	[STMT_ORDER_JUR] = "SELECT jurisdiction_id FROM orders WHERE id = ?",
	[STMT_OPEN] = "INSERT INTO disputes (order_id, return_id, jurisdiction_id, procedure_id,"
	" category_id, content, content_bg, opened_by, opened_at, note, stage_due,"
	" contact_name, contact_phone)"
	" SELECT o.id, NULLIF(?, 0), o.jurisdiction_id, ?, o.category_id, o.content,"
	" ?, ?, UTC_TIMESTAMP(), ?, ?, o.caller_name, o.caller_phone"
	" FROM orders o WHERE o.id = ?",
	/* the unit that has the order now. */
	[STMT_OPEN_UNIT] = "INSERT IGNORE INTO dispute_units (dispute_id, unit_id, due_date)"
	" SELECT ?, o.unit_id, ? FROM orders o WHERE o.id = ? AND o.unit_id IS NOT NULL",
	/* the unit the return named. */
	[STMT_OPEN_SUGGESTED] = "INSERT IGNORE INTO dispute_units (dispute_id, unit_id, due_date)"
	" SELECT ?, r.suggested_unit_id, ? FROM order_returns r WHERE r.id = ?",
	[STMT_GET] = "SELECT " DB_COLS(DISPUTE_ROW)
	" FROM disputes d JOIN orders o ON o.id = d.order_id"
	" JOIN jurisdictions j ON j.id = d.jurisdiction_id"
	" LEFT JOIN order_categories c ON c.id = d.category_id"
	" JOIN users ob ON ob.id = d.opened_by"
	" LEFT JOIN dispute_procedures p ON p.id = d.procedure_id"
	" LEFT JOIN units eu ON eu.id = p.establishment_unit_id"
	" LEFT JOIN units lu ON lu.id = p.legal_unit_id"
	" LEFT JOIN units cu ON cu.id = p.convener_unit_id"
	" LEFT JOIN units ld ON ld.id = d.lead_unit_id"
	" LEFT JOIN units tu ON tu.id = d.temp_unit_id"
	" WHERE d.id = ?",
	[STMT_LOCK] = LOCK_COLS " FOR UPDATE",
	[STMT_PEEK] = LOCK_COLS,
	[STMT_UNITS] = "SELECT " DB_COLS(DISPUTE_UNIT_ROW) " FROM dispute_units du"
	" JOIN units u ON u.id = du.unit_id LEFT JOIN users us ON us.id = du.opinion_by"
	" WHERE du.dispute_id = ? ORDER BY du.role = 'lead' DESC, u.id LIMIT 100",
	[STMT_OPINIONS] = "SELECT " DB_COLS(DISPUTE_OPINION_ROW) " FROM dispute_opinions o"
	" LEFT JOIN units l ON l.id = o.lead_unit_id"
	" LEFT JOIN units t ON t.id = o.temp_unit_id JOIN units s ON s.id = o.sealed_unit_id"
	" JOIN users us ON us.id = o.sealed_by WHERE o.dispute_id = ? ORDER BY o.id LIMIT 200",
	[STMT_CONTACTS] = "SELECT " DB_COLS(DISPUTE_CONTACT_ROW) " FROM dispute_contacts c"
	" JOIN users us ON us.id = c.user_id WHERE c.dispute_id = ? ORDER BY c.id LIMIT 200",
	[STMT_EVENTS] = "SELECT " DB_COLS(DISPUTE_EVENT_ROW) " FROM dispute_events e LEFT"
	" JOIN users us ON us.id = e.user_id"
	" LEFT JOIN units un ON un.id = e.unit_id WHERE e.dispute_id = ? ORDER BY e.id LIMIT 500",
	[STMT_SET_STATE] = "UPDATE disputes SET state = ?, stage_due = IF(? = '', stage_due, ?)"
	" WHERE id = ? AND state = ?",
	[STMT_EVENT] = "INSERT INTO dispute_events (dispute_id, at, user_id, unit_id, kind, note)"
	" VALUES (?, UTC_TIMESTAMP(), NULLIF(?, 0), NULLIF(?, 0), ?, ?)",
	[STMT_UNIT_OPINION] = "UPDATE dispute_units SET opinion = ?, opinion_by = ?,"
	" opinion_at = UTC_TIMESTAMP()"
	" WHERE dispute_id = ? AND unit_id = ? AND opinion IS NULL",
	[STMT_CONTACT] = "INSERT INTO dispute_contacts (dispute_id, at, user_id, what)"
	" VALUES (?, UTC_TIMESTAMP(), ?, ?)",
	[STMT_OPINION] = "INSERT INTO dispute_opinions (dispute_id, stage, kind, text,"
	" lead_unit_id,"
	" coop_units, principle, basis, temp_unit_id, sealed_unit_id, sealed_by, sealed_at)"
	" VALUES (?, ?, ?, ?, NULLIF(?, 0), ?, NULLIF(?, ''), ?, NULLIF(?, 0), ?, ?,"
	" UTC_TIMESTAMP())",
	[STMT_DECIDING] = "SELECT " DB_COLS(DISPUTE_DECIDING_ROW) " FROM dispute_opinions"
	" WHERE dispute_id = ? AND kind = 'opinion' ORDER BY id DESC LIMIT 1",
	[STMT_DETERMINE] = "UPDATE disputes SET state = 'determined', lead_unit_id = ?,"
	" principle = ?,"
	" determination = ?, determined_by = ?, determined_at = UTC_TIMESTAMP(),"
	" accept_due = ? WHERE id = ? AND state = 'ready'",
	[STMT_UNIT_ROLE] = "INSERT INTO dispute_units (dispute_id, unit_id, due_date, role)"
	" VALUES (?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE role = VALUES(role)",
	[STMT_ANSWER] = "UPDATE disputes SET state = ?, answered_at = UTC_TIMESTAMP(),"
	" refusal = NULLIF(?, '')"
	" WHERE id = ? AND state = 'determined'",
	/* A cooperating unit is due when the lead is (the order's due date,
	 * set by the determination before). */
	[STMT_COOP] = "INSERT IGNORE INTO order_coops (order_id, unit_id, dispute_id, due_date)"
	" SELECT o.id, ?, ?, o.due_date FROM orders o WHERE o.id = ?",
	[STMT_TEMP_UNIT] = "UPDATE disputes SET temp_unit_id = NULLIF(?, 0) WHERE id = ?",
	/* the jurisdiction's (jur 0: every one), newest
	 * first along the primary key. */
	[STMT_LIST_OFFICE] = LIST_COLS " FROM disputes d" LIST_JOINS
	" WHERE (? = '' OR d.state = ?) AND (? = 0 OR d.jurisdiction_id = ?)"
	" ORDER BY d.id DESC LIMIT ? OFFSET ?",
	/* where the unit is involved or leads, along
	 * k_dispute_units_unit (one row per dispute and unit). */
	[STMT_LIST_UNIT] = LIST_COLS " FROM dispute_units du"
	" JOIN disputes d ON d.id = du.dispute_id" LIST_JOINS
	" WHERE du.unit_id = ? AND (? = '' OR d.state = ?)"
	" ORDER BY du.dispute_id DESC LIMIT ? OFFSET ?",
	/* the procedure's 编办 once referred, its 法制局
	 * once referred on. The procedures as IN lists (not a join: joined,
	 * the optimizer starts from the procedure and sorts every dispute). */
	[STMT_LIST_REVIEWER] = LIST_COLS " FROM disputes d" LIST_JOINS
	" WHERE (? = '' OR d.state = ?) AND ((d.state <> 'open' AND d.procedure_id IN"
	"  (SELECT p.id FROM dispute_procedures p WHERE p.establishment_unit_id = ?))"
	"  OR (d.procedure_id IN (SELECT p.id FROM dispute_procedures p WHERE p.legal_unit_id = ?)"
	"   AND EXISTS (SELECT 1 FROM dispute_opinions x WHERE x.dispute_id = d.id"
	"    AND x.kind = 'refer')))"
	" ORDER BY d.id DESC LIMIT ? OFFSET ?",
	/* waiting for, or decided by, a meeting of the
	 * convener's procedure. */
	[STMT_LIST_CONVENER] = LIST_COLS " FROM disputes d" LIST_JOINS
	" WHERE (? = '' OR d.state = ?) AND (d.state = 'meeting' OR EXISTS (SELECT 1"
	"  FROM dispute_opinions x WHERE x.dispute_id = d.id AND x.stage = 'meeting'))"
	" AND d.procedure_id IN"
	"  (SELECT p.id FROM dispute_procedures p WHERE p.convener_unit_id = ?)"
	" ORDER BY d.id DESC LIMIT ? OFFSET ?",
	/* determinations of the same category, newest first
	 * (k_disputes_category). */
	[STMT_SIMILAR] = SIMILAR_COLS " WHERE d.category_id = ? AND d.determined_at IS NOT NULL"
	" AND d.id <> ?"
	" ORDER BY d.determined_at DESC LIMIT 10",
	/* determinations whose content is like q (the
	 * FULLTEXT index, natural-language relevance over bigrams). */
	[STMT_SIMILAR_TEXT] = SIMILAR_COLS ""
	" WHERE MATCH(d.content_bg) AGAINST (CONVERT(? USING utf8mb4))"
	" AND d.determined_at IS NOT NULL AND d.id <> ? LIMIT 10",
	/* ids as "1,2,3" (units is a small table). */
	[STMT_UNIT_NAMES] = "SELECT " DB_COLS(DISPUTE_NAME_ROW) " FROM units"
	" WHERE FIND_IN_SET(id, ?) LIMIT 1000",
	[STMT_RULE_EXISTS] = "SELECT 1 FROM routing_rules WHERE category_id = ?"
	" AND jurisdiction_id = ?"
	" AND keywords = ? AND unit_id = ? AND active = 1 LIMIT 1",
	[STMT_DETERMINED_FOR] = "SELECT id FROM disputes WHERE order_id = ?"
	" AND state = 'determined'"
	" AND lead_unit_id = ? FOR UPDATE",
	[STMT_BINDING_FOR] = "SELECT id FROM disputes WHERE order_id = ? AND lead_unit_id = ?"
	" AND state IN ('determined', 'accepted', 'refused') AND unbound_at IS NULL"
	" ORDER BY id DESC LIMIT 1",
	[STMT_UNBIND] = "UPDATE disputes SET unbound_at = UTC_TIMESTAMP(), unbound_reason = ?"
	" WHERE id = ? AND state IN ('determined', 'accepted', 'refused') AND unbound_at IS NULL",
	[STMT_RULE] = "INSERT INTO routing_rules (category_id, jurisdiction_id, keywords, unit_id,"
	" created_by, dispute_id) VALUES (?, ?, ?, ?, ?, ?)",
	[STMT_MEETING_INSERT] = "INSERT INTO meetings (jurisdiction_id, proposed_by,"
	" proposed_at, topic)"
	" VALUES (?, ?, UTC_TIMESTAMP(), ?)",
	[STMT_MEETING_ITEM] = "INSERT INTO meeting_items (meeting_id, dispute_id) VALUES (?, ?)",
	[STMT_MEETING] = "SELECT " DB_COLS(MEETING_ROW) " FROM meetings m"
	" JOIN users us ON us.id = m.proposed_by WHERE m.id = ?",
	[STMT_MEETING_ITEMS] = "SELECT " DB_COLS(MEETING_ITEM_ROW) " FROM meeting_items mi"
	" JOIN disputes d ON d.id = mi.dispute_id JOIN orders o ON o.id = d.order_id"
	" LEFT JOIN order_categories c ON c.id = d.category_id"
	" WHERE mi.meeting_id = ? ORDER BY d.id LIMIT 100",
	[STMT_MEETINGS] = "SELECT " DB_COLS(MEETING_LIST_ROW) " FROM meetings m"
	" WHERE (? = 0 OR m.jurisdiction_id = ?) ORDER BY m.id DESC LIMIT 200",
	[STMT_MEETING_SCHEDULE] = "UPDATE meetings SET state = 'scheduled', starts_at = ?,"
	" place = ?, invitees = ?,"
	" scheduled_by = ? WHERE id = ? AND state IN ('proposed', 'scheduled')",
	[STMT_MEETING_HELD] = "UPDATE meetings SET state = 'held', attendance = ?, minutes = ?,"
	" held_by = ?"
	" WHERE id = ? AND state = 'scheduled'"
	" AND starts_at <= UTC_TIMESTAMP() + INTERVAL 8 HOUR",
	[STMT_MEETING_DECIDED] = "UPDATE meeting_items SET decided = 1 WHERE meeting_id = ?"
	" AND dispute_id = ?"
	" AND decided = 0",
	[STMT_MEETING_PENDING] = "SELECT meeting_id FROM meeting_items WHERE dispute_id = ?"
	" AND decided = 0"
	" ORDER BY meeting_id LIMIT 10",
	[STMT_ACCOUNT] = "INSERT INTO accountability (dispute_id, unit_id, facts, opened_by,"
	" opened_at)"
	" VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
	[STMT_ACCOUNTS] = "SELECT " DB_COLS(ACCOUNT_ROW) " FROM accountability a"
	" JOIN disputes d ON d.id = a.dispute_id"
	" JOIN orders o ON o.id = d.order_id JOIN units u ON u.id = a.unit_id"
	" WHERE (? = 0 OR d.jurisdiction_id = ?) AND (? = '' OR a.state = ?)"
	" ORDER BY a.state = 'open' DESC, a.id DESC LIMIT 500",
	[STMT_ACCOUNT_CLOSE] = "UPDATE accountability a JOIN disputes d ON d.id = a.dispute_id"
	" SET a.state = 'closed', a.outcome = ?, a.closed_by = ?, a.closed_at = UTC_TIMESTAMP()"
	" WHERE a.id = ? AND a.state = 'open' AND (? = 0 OR d.jurisdiction_id = ?)",
};


int dispute_procedure_for(struct db *db, struct arena *a, long long jur, const char *day,
		      struct procedure_in_force_row **one)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_PROCEDURE], &res, DB_I(jur), DB_S(day), DB_I(jur));
	DB_ROW_OUT(rc, &res, procedure_in_force_row, a, one);
	return rc;
}

int dispute_open(struct db *db, struct arena *a, long long order_id, long long return_id,
	     long long user, const char *note, const char *today, const char *due,
	     const char *content_bg, long long *id)
{
	struct dbres o, res;
	int rc = db_exec(db, a, sql[STMT_ORDER_JUR], &o, DB_I(order_id));
	if (rc != DB_OK)
		return rc;
	if (o.nrows != 1)
		return DB_FK;
	struct procedure_in_force_row *p;
	rc = dispute_procedure_for(db, a, strtoll(db_cell(&o, 0, 0), NULL, 10), today, &p);
	if (rc != DB_OK)
		return rc;
	if (p == NULL)
		return DB_FK;
	rc = db_exec(db, a, sql[STMT_OPEN], &res, DB_I(return_id), DB_I(p->id),
		     DB_S(content_bg), DB_I(user), DB_S(note), DB_S(due), DB_I(order_id));
	if (rc != DB_OK)
		return rc;
	*id = res.insert_id;
	rc = db_exec(db, a, sql[STMT_OPEN_UNIT], NULL, DB_I(*id), DB_S(due), DB_I(order_id));
	if (rc == DB_OK && return_id)
		rc = db_exec(db, a, sql[STMT_OPEN_SUGGESTED], NULL, DB_I(*id), DB_S(due),
			     DB_I(return_id));
	return rc;
}

int dispute_get(struct db *db, struct arena *a, long long id, struct dispute_row **one)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_GET], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, dispute_row, a, one);
	return rc;
}

int dispute_lock(struct db *db, struct arena *a, long long id, struct dispute_lock_row **one)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_LOCK], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, dispute_lock_row, a, one);
	return rc;
}

int dispute_peek(struct db *db, struct arena *a, long long id, struct dispute_lock_row **one)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_PEEK], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, dispute_lock_row, a, one);
	return rc;
}

int dispute_units(struct db *db, struct arena *a, long long id, struct dispute_unit_row **v,
		size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNITS], &res, DB_I(id));
	DB_ROWS_OUT(rc, &res, dispute_unit_row, a, v, n);
	return rc;
}

int dispute_opinions(struct db *db, struct arena *a, long long id, struct dispute_opinion_row **v,
		size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_OPINIONS], &res, DB_I(id));
	DB_ROWS_OUT(rc, &res, dispute_opinion_row, a, v, n);
	return rc;
}

int dispute_contacts(struct db *db, struct arena *a, long long id, struct dispute_contact_row **v,
		size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CONTACTS], &res, DB_I(id));
	DB_ROWS_OUT(rc, &res, dispute_contact_row, a, v, n);
	return rc;
}

int dispute_events(struct db *db, struct arena *a, long long id, struct dispute_event_row **v,
		size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_EVENTS], &res, DB_I(id));
	DB_ROWS_OUT(rc, &res, dispute_event_row, a, v, n);
	return rc;
}

int dispute_set_state(struct db *db, struct arena *a, long long id, const char *from,
		  const char *to, const char *stage_due)
{
	struct dbres res;
	const char *due = stage_due ? stage_due : "";
	return db_changed(db_exec(db, a, sql[STMT_SET_STATE], &res, DB_S(to), DB_S(due),
				  DB_S(due), DB_I(id), DB_S(from)),
				  
				  &res);
}

int dispute_event(struct db *db, struct arena *a, long long id, long long user,
	      long long unit, const char *kind, const char *note)
{
	return db_exec(db, a, sql[STMT_EVENT], NULL, DB_I(id), DB_I(user), DB_I(unit),
		       DB_S(kind), DB_S(note));
}

int dispute_unit_opinion(struct db *db, struct arena *a, long long id, long long unit,
		     long long user, const char *opinion)
{
	struct dbres res;
	return db_changed(db_exec(db, a, sql[STMT_UNIT_OPINION], &res, DB_S(opinion),
				  DB_I(user), DB_I(id), DB_I(unit)),
				  
				  &res);
}

int dispute_contact(struct db *db, struct arena *a, long long id, long long user,
		const char *what)
{
	return db_exec(db, a, sql[STMT_CONTACT], NULL, DB_I(id), DB_I(user), DB_S(what));
}

int dispute_opinion(struct db *db, struct arena *a, long long id,
		const struct dispute_opinion *o)
{
	return db_exec(db, a, sql[STMT_OPINION], NULL, DB_I(id), DB_S(o->stage), DB_S(o->kind),
		       DB_S(o->text), DB_I(o->lead_unit),
		       DB_S(o->coop_units ? o->coop_units : ""),
		       DB_S(o->principle ? o->principle : ""), DB_S(o->basis),
		       DB_I(o->temp_unit), DB_I(o->seal_unit), DB_I(o->user));
}

int dispute_deciding(struct db *db, struct arena *a, long long id, struct dispute_deciding_row **one)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_DECIDING], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, dispute_deciding_row, a, one);
	return rc;
}

int dispute_determine(struct db *db, struct arena *a, long long id, long long lead,
		  const char *principle, const char *text, long long user,
		  const char *accept_due)
{
	struct dbres res;
	return db_changed(db_exec(db, a, sql[STMT_DETERMINE], &res, DB_I(lead),
				  DB_S(principle), DB_S(text), DB_I(user), DB_S(accept_due),
				  DB_I(id)),
				  
				  &res);
}

int dispute_unit_role(struct db *db, struct arena *a, long long id, long long unit,
		  const char *role, const char *due)
{
	return db_exec(db, a, sql[STMT_UNIT_ROLE], NULL, DB_I(id), DB_I(unit), DB_S(due),
		       DB_S(role));
}

int dispute_answer(struct db *db, struct arena *a, long long id, const char *to,
	       const char *refusal)
{
	struct dbres res;
	return db_changed(db_exec(db, a, sql[STMT_ANSWER], &res, DB_S(to),
				  DB_S(refusal ? refusal : ""), DB_I(id)),
				  
				  &res);
}

int dispute_coop(struct db *db, struct arena *a, long long order_id, long long unit,
	     long long dispute)
{
	return db_exec(db, a, sql[STMT_COOP], NULL, DB_I(unit), DB_I(dispute), DB_I(order_id));
}

int dispute_temp_unit(struct db *db, struct arena *a, long long id, long long unit)
{
	return db_exec(db, a, sql[STMT_TEMP_UNIT], NULL, DB_I(unit), DB_I(id));
}

int dispute_list(struct db *db, struct arena *a, const char *who, long long jur,
	     long long unit, const char *state, long long limit, long long offset,
	     struct dispute_list_row **v, size_t *n)
{
	struct dbres res;
	int rc;
	if (strcmp(who, "office") == 0)
		rc = db_exec(db, a, sql[STMT_LIST_OFFICE], &res, DB_S(state), DB_S(state),
			     DB_I(jur), DB_I(jur), DB_I(limit), DB_I(offset));
	else if (strcmp(who, "unit") == 0)
		rc = db_exec(db, a, sql[STMT_LIST_UNIT], &res, DB_I(unit), DB_S(state),
			     DB_S(state), DB_I(limit), DB_I(offset));
	else if (strcmp(who, "reviewer") == 0)
		rc = db_exec(db, a, sql[STMT_LIST_REVIEWER], &res, DB_S(state), DB_S(state),
			     DB_I(unit), DB_I(unit), DB_I(limit), DB_I(offset));
	else if (strcmp(who, "convener") == 0)
		rc = db_exec(db, a, sql[STMT_LIST_CONVENER], &res, DB_S(state), DB_S(state),
			     DB_I(unit), DB_I(limit), DB_I(offset));
	else {
		/* Anyone else sees none. */
		memset(&res, 0, sizeof res);
		rc = DB_OK;
	}
	DB_ROWS_OUT(rc, &res, dispute_list_row, a, v, n);
	return rc;
}

int dispute_similar(struct db *db, struct arena *a, long long id, long long category,
		const char *q, struct dispute_similar_row **v, size_t *n)
{
	/* The same category first; similar content only when that finds
	 * few: a relevance search over thousands of texts is the costly part. */
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SIMILAR], &res, DB_I(category), DB_I(id));
	DB_ROWS_OUT(rc, &res, dispute_similar_row, a, v, n);
	if (rc != DB_OK || *n >= 3 || q == NULL || *q == '\0')
		return rc;
	struct dispute_similar_row *t;
	size_t nt;
	rc = db_exec(db, a, sql[STMT_SIMILAR_TEXT], &res, DB_S(q), DB_I(id));
	DB_ROWS_OUT(rc, &res, dispute_similar_row, a, &t, &nt);
	if (rc != DB_OK || nt == 0)
		return rc;
	/* Both lists, the category's first, each dispute once. */
	struct dispute_similar_row *all = arena_alloc(a, (*n + nt) * sizeof *all);
	size_t k = 0;
	for (size_t i = 0; i < *n; i++)
		all[k++] = (*v)[i];
	for (size_t i = 0; i < nt; i++) {
		int seen = 0;
		for (size_t j = 0; j < *n; j++)
			seen |= (*v)[j].id == t[i].id;
		if (!seen)
			all[k++] = t[i];
	}
	*v = all;
	*n = k;
	return DB_OK;
}

int dispute_rule(struct db *db, struct arena *a, long long category, long long jur,
	     const char *keywords, long long unit, long long user, long long dispute)
{
	return db_exec(db, a, sql[STMT_RULE], NULL, DB_I(category), DB_I(jur), DB_S(keywords),
		       DB_I(unit), DB_I(user), DB_I(dispute));
}

int dispute_meeting_insert(struct db *db, struct arena *a, long long jur, long long user,
		       const char *topic, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_MEETING_INSERT], &res, DB_I(jur), DB_I(user),
			 DB_S(topic));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int dispute_meeting_item(struct db *db, struct arena *a, long long meeting, long long dispute)
{
	return db_exec(db, a, sql[STMT_MEETING_ITEM], NULL, DB_I(meeting), DB_I(dispute));
}

int dispute_meeting(struct db *db, struct arena *a, long long id, struct meeting_row **one)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_MEETING], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, meeting_row, a, one);
	return rc;
}

int dispute_meeting_items(struct db *db, struct arena *a, long long id, struct meeting_item_row **v,
		size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_MEETING_ITEMS], &res, DB_I(id));
	DB_ROWS_OUT(rc, &res, meeting_item_row, a, v, n);
	return rc;
}

int dispute_meetings(struct db *db, struct arena *a, long long jur, struct meeting_list_row **v,
		size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_MEETINGS], &res, DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, meeting_list_row, a, v, n);
	return rc;
}

int dispute_meeting_schedule(struct db *db, struct arena *a, long long id,
			 const char *starts, const char *place, const char *invitees,
			 long long user)
{
	struct dbres res;
	return db_changed(db_exec(db, a, sql[STMT_MEETING_SCHEDULE], &res, DB_S(starts),
				  DB_S(place), DB_S(invitees), DB_I(user), DB_I(id)),
				  
				  &res);
}

int dispute_meeting_held(struct db *db, struct arena *a, long long id,
		     const char *attendance, const char *minutes, long long user)
{
	struct dbres res;
	return db_changed(db_exec(db, a, sql[STMT_MEETING_HELD], &res, DB_S(attendance),
				  DB_S(minutes), DB_I(user), DB_I(id)),
				  
				  &res);
}

int dispute_meeting_decided(struct db *db, struct arena *a, long long meeting,
			long long dispute)
{
	struct dbres res;
	return db_changed(db_exec(db, a, sql[STMT_MEETING_DECIDED], &res, DB_I(meeting),
				  DB_I(dispute)),
				  
				  &res);
}

int dispute_meeting_pending(struct db *db, struct arena *a, long long dispute,
			long long ids[10], size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_MEETING_PENDING], &res, DB_I(dispute));
	*n = 0;
	for (size_t i = 0; rc == DB_OK && i < res.nrows && i < 10; i++)
		ids[(*n)++] = db_int(&res, i, 0);
	return rc;
}

int dispute_account(struct db *db, struct arena *a, long long dispute, long long unit,
		const char *facts, long long user, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_ACCOUNT], &res, DB_I(dispute), DB_I(unit),
			 DB_S(facts), DB_I(user));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int dispute_accounts(struct db *db, struct arena *a, long long jur, const char *state,
		 struct account_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_ACCOUNTS], &res, DB_I(jur), DB_I(jur), DB_S(state),
			 DB_S(state));
	DB_ROWS_OUT(rc, &res, account_row, a, v, n);
	return rc;
}

int dispute_account_close(struct db *db, struct arena *a, long long id, long long jur,
		      const char *outcome, long long user)
{
	struct dbres res;
	return db_changed(db_exec(db, a, sql[STMT_ACCOUNT_CLOSE], &res, DB_S(outcome),
				  DB_I(user), DB_I(id), DB_I(jur), DB_I(jur)),
				  
				  &res);
}

int dispute_rule_exists(struct db *db, struct arena *a, long long category, long long jur,
		    const char *keywords, long long unit, int *yes)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RULE_EXISTS], &res, DB_I(category), DB_I(jur),
			 DB_S(keywords), DB_I(unit));
	*yes = rc == DB_OK && res.nrows > 0;
	return rc;
}

int dispute_determined_for(struct db *db, struct arena *a, long long order_id,
		       long long unit, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_DETERMINED_FOR], &res, DB_I(order_id), DB_I(unit));
	*id = rc == DB_OK && res.nrows > 0 ? db_int(&res, 0, 0) : 0;
	return rc;
}

int dispute_binding_for(struct db *db, struct arena *a, long long order_id, long long unit,
			long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_BINDING_FOR], &res, DB_I(order_id), DB_I(unit));
	*id = rc == DB_OK && res.nrows > 0 ? db_int(&res, 0, 0) : 0;
	return rc;
}

int dispute_unbind(struct db *db, struct arena *a, long long id, const char *reason)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNBIND], &res, DB_S(reason), DB_I(id));
	return db_changed(rc, &res);
}

int dispute_unit_names(struct db *db, struct arena *a, const char *ids, struct dispute_name_row **v,
		size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNIT_NAMES], &res, DB_S(ids));
	DB_ROWS_OUT(rc, &res, dispute_name_row, a, v, n);
	return rc;
}
