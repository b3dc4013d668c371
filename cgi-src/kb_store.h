/* Every SQL statement of the knowledge base. Writers run inside the
 * caller's transaction; the caller adds the audit row. */
#ifndef KB_STORE_H
#define KB_STORE_H
#include "db.h"
#include "kb.h"

/* Columns: id, unit id, unit name, kind, visibility, published version id,
 * draft version id, obsolete, obsolete reason, obsolete date. */
int kbs_entry(struct db *db, struct arena *a, long long id, struct dbres *out);
/* Columns: id, entry id, version no, state, title, keywords, major,
 * change date, due date, reject reason, author name, created (UTC),
 * decider name, decided (UTC), visibility (the entry gets it on approval). */
int kbs_version(struct db *db, struct arena *a, long long id, struct dbres *out);
/* Columns: name, value. */
int kbs_fields(struct db *db, struct arena *a, long long version_id, struct dbres *out);
/* Versions of an entry, newest first; columns as kbs_version. */
int kbs_versions(struct db *db, struct arena *a, long long entry_id, struct dbres *out);

/* A unit's entries. Columns: entry id, kind, visibility, obsolete,
 * published title, published version no, draft version id, draft state,
 * draft title, draft due date, reviewed this month (0/1). */
int kbs_unit_entries(struct db *db, struct arena *a, long long unit_id,
		     const char *month, struct dbres *out);
/* Drafts waiting for a unit's approver. Columns: version id, entry id,
 * title, kind, version no, due date, submitted (UTC). */
int kbs_pending(struct db *db, struct arena *a, long long unit_id, struct dbres *out);
/* Open drafts past their due date (unit 0: every unit in jurisdiction
 * scope jur, 0 all). Columns: version id, entry id, title, unit name, state,
 * due date. */
int kbs_overdue(struct db *db, struct arena *a, long long unit_id, long long jur,
		const char *today, struct dbres *out);
/* Published entries not confirmed in month (unit 0: all units in scope).
 * Columns: entry id, title, unit name, published version's change date. */
int kbs_review_due(struct db *db, struct arena *a, long long unit_id,
		   long long jur, const char *month, int limit, struct dbres *out);
int kbs_review_confirm(struct db *db, struct arena *a, long long entry_id,
		       long long unit_id, const char *month, long long user_id,
		       int *changed);

int kbs_entry_insert(struct db *db, struct arena *a, long long unit_id,
		     const char *kind, const char *visibility, long long *id);
int kbs_entry_set(struct db *db, struct arena *a, long long id,
		  const char *visibility, long long published, long long draft);
int kbs_entry_obsolete(struct db *db, struct arena *a, long long id,
		       const char *reason, const char *day);
/* Next version number of an entry. */
int kbs_next_version_no(struct db *db, struct arena *a, long long entry_id,
			long long *no);
int kbs_version_insert(struct db *db, struct arena *a, long long entry_id,
		       long long no, const char *visibility, const char *title, const char *keywords,
		       int major, const char *change_date, const char *due_date,
		       long long author, long long *id);
int kbs_version_update(struct db *db, struct arena *a, long long id,
		       const char *visibility, const char *title, const char *keywords,
		       int major,
		       const char *change_date, const char *due_date);
/* Moves a version to state; decided_by set for approve/reject. */
int kbs_version_state(struct db *db, struct arena *a, long long id,
		      const char *state, const char *reason, long long user_id);
int kbs_fields_clear(struct db *db, struct arena *a, long long version_id);
int kbs_field_put(struct db *db, struct arena *a, long long version_id,
		  const char *name, const char *value);
int kbs_fields_copy(struct db *db, struct arena *a, long long from, long long to);

/* The search row of a published entry (replaces any older one). */
struct kb_search_row {
	long long entry_id, version_id, unit_id;
	const char *kind, *visibility, *title, *summary;
	const char *title_bg, *keywords_bg, *pub_bg, *all_bg;
};
int kbs_search_put(struct db *db, struct arena *a, const struct kb_search_row *s);
int kbs_search_drop(struct db *db, struct arena *a, long long entry_id);

/* Full-text search over published entries; public = 1 limits to public
 * entries and public fields. Ranked: all terms in the title, then in the
 * keywords, then anywhere. Columns: entry id, title, summary, unit name,
 * kind. */
int kbs_search(struct db *db, struct arena *a, const char *boolean_query,
	       int public_only, int limit, int offset, struct dbres *out);
/* Browsing public entries by kind ("" all) and unit (0 all), newest first.
 * Columns as kbs_search. */
int kbs_browse(struct db *db, struct arena *a, const char *kind, long long unit_id,
	       int limit, int offset, struct dbres *out);
/* The public entry: only published, public and not obsolete. Columns:
 * entry id, version id, kind, title, unit name, change date, useful,
 * useless. */
int kbs_public_entry(struct db *db, struct arena *a, long long id, struct dbres *out);
/* Units with public entries (an index probe per unit, never a count of
 * the whole table: this is on every public page). Columns: unit id, name. */
int kbs_public_units(struct db *db, struct arena *a, struct dbres *out);

/* One "有用 / 没用" vote: counted only if this client has not voted on
 * the entry today and has cast fewer than limit votes today. *counted
 * tells which. */
int kbs_vote(struct db *db, struct arena *a, long long entry_id,
	     const char *client, const char *day, int useful, int limit,
	     int *counted);

/* Published, non-obsolete entries of a unit with their fields, one row per
 * field, by entry. Columns: entry id, kind, visibility, title, keywords,
 * major, change date, unit code, field name, field value (NULL when the
 * version has no fields). */
int kbs_export(struct db *db, struct arena *a, long long unit_id, struct dbres *out);
/* Units whose entries unit_id may use (K6: granted, consented, not
 * expired on day). Columns: owner unit id. */
int kbs_granted_units(struct db *db, struct arena *a, long long unit_id,
		      const char *day, struct dbres *out);

/* Knowledge-update orders. */
int kbs_update_insert(struct db *db, struct arena *a, long long entry_id,
		      long long unit_id, const char *problem, const char *text,
		      long long reporter, const char *due, long long *id);
int kbs_update_event(struct db *db, struct arena *a, long long update_id,
		     long long user_id, long long unit_id, const char *action,
		     const char *text);
/* Columns: id, entry id, unit id, unit name, problem, text, state,
 * reporter id, reporter name, due date, linked version id, reply, created
 * (UTC), entry title, linked version no, unit jurisdiction id. */
int kbs_update(struct db *db, struct arena *a, long long id, struct dbres *out);
/* Columns: at (Beijing time), user name, unit name, action, text. */
int kbs_update_events(struct db *db, struct arena *a, long long id, struct dbres *out);
/* Filters: unit (0 any), reporter (0 any), jurisdiction (0 any). Columns:
 * id, entry title, unit name, problem, state, due date, created (UTC). */
int kbs_updates(struct db *db, struct arena *a, long long unit_id,
		long long reporter, long long jur, struct dbres *out);
int kbs_update_set(struct db *db, struct arena *a, long long id, const char *state,
		   const char *reply, long long version_id);

/* Gaps, open ones first, most searched first. Columns: id, query (the
 * content words), hits, last (Beijing), state, assigned unit name,
 * operator hits, public hits, the first wording. */
int kbs_gaps(struct db *db, struct arena *a, struct dbres *out);
/* Columns: id, query, state. */
int kbs_gap(struct db *db, struct arena *a, long long id, struct dbres *out);
int kbs_gap_assign(struct db *db, struct arena *a, long long id, long long update_id);

/* Grants. Columns: id, owner unit id, owner name, grantee unit id,
 * grantee name, purpose, expires on, state, requester name, owner's
 * jurisdiction, grantee's jurisdiction. Filters: unit (0: all) as owner
 * or grantee; jurisdiction (0: all) of both units. */
int kbs_grants(struct db *db, struct arena *a, long long unit_id, long long jur,
	       struct dbres *out);
int kbs_grant(struct db *db, struct arena *a, long long id, struct dbres *out);
int kbs_grant_insert(struct db *db, struct arena *a, long long owner,
		     long long grantee, const char *purpose, const char *expires,
		     long long user_id, long long *id);
/* Moves a grant to state, recording who approved or consented. */
int kbs_grant_set(struct db *db, struct arena *a, long long id, const char *state,
		  long long user_id);

#endif
