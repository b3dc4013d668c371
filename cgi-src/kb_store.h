/* Every SQL statement of the knowledge base. Writers run inside the
 * caller's transaction; the caller adds the audit row. */
#ifndef KB_STORE_H
#define KB_STORE_H
#include "db.h"
#include "kb.h"

/* An entry (kb_entry_get). */
#define KB_ENTRY_ROW(X, S)                                                   \
	X(S, INT, id, "e.id")                                                \
	X(S, INT, unit_id, "e.unit_id")                                      \
	X(S, STR, unit_name, "u.name")                                       \
	X(S, STR, kind, "e.kind")                                            \
	X(S, STR, visibility, "e.visibility")                                \
	X(S, INT, published_id, "e.published_version_id")                    \
	X(S, INT, draft_id, "e.draft_version_id")                            \
	X(S, INT, obsolete, "e.obsolete")                                    \
	X(S, STR, obsolete_reason, "e.obsolete_reason")                      \
	X(S, STR, obsolete_on, DB_DAY("e.obsolete_on"))
DB_ROW_STRUCT(kb_entry_row, KB_ENTRY_ROW);
/* The entry, or NULL. */
int kb_entry_get(struct db *db, struct arena *a, long long id, struct kb_entry_row **e);

/* A version (kb_version, kb_versions); created and decided are Beijing
 * time, visibility is what the entry gets on approval. */
#define KB_VERSION_ROW(X, S)                                                 \
	X(S, INT, id, "v.id")                                                \
	X(S, INT, entry_id, "v.entry_id")                                    \
	X(S, INT, version_no, "v.version_no")                                \
	X(S, STR, state, "v.state")                                          \
	X(S, STR, title, "v.title")                                          \
	X(S, STR, keywords, "v.keywords")                                    \
	X(S, INT, major, "v.major")                                          \
	X(S, STR, change_date, DB_DAY("v.change_date"))                      \
	X(S, STR, due_date, DB_DAY("v.due_date"))                            \
	X(S, STR, reject_reason, "v.reject_reason")                          \
	X(S, STR, author, "au.display_name")                                 \
	X(S, STR, created, DB_BJ_MINUTE("v.created_at"))                     \
	X(S, STR, decider, "de.display_name")                                \
	X(S, STR, decided, DB_BJ_MINUTE("v.decided_at"))                     \
	X(S, STR, visibility, "v.visibility")
DB_ROW_STRUCT(kb_version_row, KB_VERSION_ROW);
/* The version, or NULL. */
int kb_version(struct db *db, struct arena *a, long long id, struct kb_version_row **v);
/* Versions of an entry, newest first. */
int kb_versions(struct db *db, struct arena *a, long long entry_id,
		 struct kb_version_row **v, size_t *n);

#define KB_FIELD_ROW(X, S)                                                   \
	X(S, STR, name, "name")                                              \
	X(S, STR, value, "value")
DB_ROW_STRUCT(kb_field_row, KB_FIELD_ROW);
/* A version's fields, in no order. */
int kb_fields(struct db *db, struct arena *a, long long version_id,
	       struct kb_field_row **v, size_t *n);

/* A unit's entry with its published version (title NULL when none) and
 * open draft (id 0 when none); reviewed: confirmed in the month asked. */
#define KB_UNIT_ENTRY_ROW(X, S)                                              \
	X(S, INT, id, "e.id")                                                \
	X(S, STR, kind, "e.kind")                                            \
	X(S, STR, visibility, "e.visibility")                                \
	X(S, INT, obsolete, "e.obsolete")                                    \
	X(S, NSTR, title, "p.title")                                         \
	X(S, INT, version_no, "p.version_no")                                \
	X(S, INT, draft_id, "d.id")                                          \
	X(S, STR, draft_state, "d.state")                                    \
	X(S, STR, draft_title, "d.title")                                    \
	X(S, STR, draft_due, DB_DAY("d.due_date"))                           \
	X(S, INT, reviewed, "EXISTS (SELECT 1 FROM kb_reviews r WHERE r.entry_id = e.id AND r.month = ?)")
DB_ROW_STRUCT(kb_unit_entry_row, KB_UNIT_ENTRY_ROW);
int kb_unit_entries(struct db *db, struct arena *a, long long unit_id,
		     const char *month, struct kb_unit_entry_row **v, size_t *n);

/* A draft waiting for its unit's approver; submitted is Beijing time. */
#define KB_PENDING_ROW(X, S)                                                 \
	X(S, INT, id, "v.id")                                                \
	X(S, INT, entry_id, "v.entry_id")                                    \
	X(S, STR, title, "v.title")                                          \
	X(S, STR, kind, "e.kind")                                            \
	X(S, INT, version_no, "v.version_no")                                \
	X(S, STR, due_date, DB_DAY("v.due_date"))                            \
	X(S, STR, submitted, DB_BJ_MINUTE("v.submitted_at"))
DB_ROW_STRUCT(kb_pending_row, KB_PENDING_ROW);
int kb_pending(struct db *db, struct arena *a, long long unit_id,
		struct kb_pending_row **v, size_t *n);

/* An open draft past its due date. */
#define KB_OVERDUE_ROW(X, S)                                                 \
	X(S, INT, id, "v.id")                                                \
	X(S, INT, entry_id, "v.entry_id")                                    \
	X(S, STR, title, "v.title")                                          \
	X(S, STR, unit_name, "u.name")                                       \
	X(S, STR, state, "v.state")                                          \
	X(S, STR, due_date, DB_DAY("v.due_date"))
DB_ROW_STRUCT(kb_overdue_row, KB_OVERDUE_ROW);
/* Unit 0: every unit in jurisdiction scope jur (0 all). */
int kb_overdue(struct db *db, struct arena *a, long long unit_id, long long jur,
		const char *today, struct kb_overdue_row **v, size_t *n);

/* A published entry and its published version's change date. */
#define KB_REVIEW_ROW(X, S)                                                  \
	X(S, INT, id, "e.id")                                                \
	X(S, STR, title, "p.title")                                          \
	X(S, STR, unit_name, "u.name")                                       \
	X(S, STR, change_date, DB_DAY("p.change_date"))
DB_ROW_STRUCT(kb_review_row, KB_REVIEW_ROW);
/* Published entries not confirmed in month (unit 0: all units in scope). */
int kb_review_due(struct db *db, struct arena *a, long long unit_id, long long jur,
		   const char *month, int limit, struct kb_review_row **v, size_t *n);
int kb_review_confirm(struct db *db, struct arena *a, long long entry_id,
		       long long unit_id, const char *month, long long user_id,
		       int *changed);

int kb_entry_insert(struct db *db, struct arena *a, long long unit_id,
		     const char *kind, const char *visibility, long long *id);
int kb_entry_set(struct db *db, struct arena *a, long long id,
		  const char *visibility, long long published, long long draft);
int kb_entry_obsolete(struct db *db, struct arena *a, long long id,
		       const char *reason, const char *day);
/* Next version number of an entry. */
int kb_next_version_no(struct db *db, struct arena *a, long long entry_id,
			long long *no);
int kb_version_insert(struct db *db, struct arena *a, long long entry_id,
		       long long no, const char *visibility, const char *title, const char *keywords,
		       int major, const char *change_date, const char *due_date,
		       long long author, long long *id);
int kb_version_update(struct db *db, struct arena *a, long long id,
		       const char *visibility, const char *title, const char *keywords,
		       int major,
		       const char *change_date, const char *due_date);
/* Moves a version from state from to state; decided_by set for approve
 * and reject. DB_CONFLICT when it is no longer in from. */
int kb_version_state(struct db *db, struct arena *a, long long id, const char *from,
		     const char *state, const char *reason, long long user_id);
int kb_fields_clear(struct db *db, struct arena *a, long long version_id);
int kb_field_put(struct db *db, struct arena *a, long long version_id,
		  const char *name, const char *value);
int kb_fields_copy(struct db *db, struct arena *a, long long from, long long to);

/* The search row of a published entry (replaces any older one). */
struct kb_search_row {
	long long entry_id, version_id, unit_id;
	const char *kind, *visibility, *title, *summary;
	const char *title_bg, *keywords_bg, *pub_bg, *all_bg;
};
int kb_search_put(struct db *db, struct arena *a, const struct kb_search_row *s);
int kb_search_drop(struct db *db, struct arena *a, long long entry_id);

/* A result row: an entry as kb_search holds it (kb_search, kb_browse,
 * search_rows). */
#define KB_HIT_ROW(X, S)                                                     \
	X(S, INT, entry_id, "s.entry_id")                                    \
	X(S, STR, title, "s.title")                                          \
	X(S, STR, summary, "s.summary")                                      \
	X(S, STR, unit_name, "u.name")                                       \
	X(S, STR, kind, "s.kind")
DB_ROW_STRUCT(kb_hit_row, KB_HIT_ROW);
/* Full-text search over published entries; public = 1 limits to public
 * entries and public fields. Ranked: all terms in the title, then in the
 * keywords, then anywhere. */
int kb_search(struct db *db, struct arena *a, const char *boolean_query,
	       int public_only, int limit, int offset, struct kb_hit_row **v, size_t *n);
/* Browsing public entries by kind ("" all) and unit (0 all), newest first. */
int kb_browse(struct db *db, struct arena *a, const char *kind, long long unit_id,
	       int limit, int offset, struct kb_hit_row **v, size_t *n);

#define KB_PUBLIC_ENTRY_ROW(X, S)                                            \
	X(S, INT, entry_id, "s.entry_id")                                    \
	X(S, INT, version_id, "s.version_id")                                \
	X(S, STR, kind, "s.kind")                                            \
	X(S, STR, title, "s.title")                                          \
	X(S, STR, unit_name, "u.name")                                       \
	X(S, STR, change_date, DB_DAY("v.change_date"))                      \
	X(S, INT, useful, "COALESCE(vt.useful, 0)")                          \
	X(S, INT, useless, "COALESCE(vt.useless, 0)")
DB_ROW_STRUCT(kb_public_entry_row, KB_PUBLIC_ENTRY_ROW);
/* The public entry: only published, public and not obsolete; or NULL. */
int kb_public_entry(struct db *db, struct arena *a, long long id,
		     struct kb_public_entry_row **e);

#define KB_PUBLIC_UNIT_ROW(X, S)                                             \
	X(S, INT, id, "u.id")                                                \
	X(S, STR, name, "u.name")
DB_ROW_STRUCT(kb_public_unit_row, KB_PUBLIC_UNIT_ROW);
/* Units with public entries (an index probe per unit, never a count of
 * the whole table: this is on every public page). */
int kb_public_units(struct db *db, struct arena *a, struct kb_public_unit_row **v,
		     size_t *n);

/* One "有用 / 没用" vote: counted only if this client has not voted on
 * the entry today and has cast fewer than limit votes today. *counted
 * tells which. */
int kb_vote(struct db *db, struct arena *a, long long entry_id,
	     const char *client, const char *day, int useful, int limit,
	     int *counted);

/* A published entry with one of its fields (field NULL when the version
 * has none). */
#define KB_EXPORT_ROW(X, S)                                                  \
	X(S, INT, entry_id, "e.id")                                          \
	X(S, STR, kind, "e.kind")                                            \
	X(S, STR, visibility, "e.visibility")                                \
	X(S, STR, title, "v.title")                                          \
	X(S, STR, keywords, "v.keywords")                                    \
	X(S, INT, major, "v.major")                                          \
	X(S, STR, change_date, DB_DAY("v.change_date"))                      \
	X(S, STR, unit_code, "u.code")                                       \
	X(S, NSTR, field, "f.name")                                          \
	X(S, STR, value, "f.value")
DB_ROW_STRUCT(kb_export_row, KB_EXPORT_ROW);
/* Published, non-obsolete entries of a unit with their fields, one row per
 * field, by entry. */
int kb_export(struct db *db, struct arena *a, long long unit_id,
	       struct kb_export_row **v, size_t *n);

#define KB_GRANTOR_ROW(X, S) X(S, INT, unit_id, "owner_unit_id")
DB_ROW_STRUCT(kb_grantor_row, KB_GRANTOR_ROW);
/* Units whose entries unit_id may use (K6: granted, consented, not
 * expired on day). */
int kb_grantors(struct db *db, struct arena *a, long long unit_id, const char *day,
		 struct kb_grantor_row **v, size_t *n);

/* Knowledge-update orders. */
int kb_update_insert(struct db *db, struct arena *a, long long entry_id,
		      long long unit_id, const char *problem, const char *text,
		      long long reporter, const char *due, long long *id);
int kb_update_event(struct db *db, struct arena *a, long long update_id,
		     long long user_id, long long unit_id, const char *action,
		     const char *text);
/* An order; entry id 0 for a knowledge need, created is Beijing time,
 * entry title is its published version's, linked no the version no of
 * version id. */
#define KB_UPDATE_ROW(X, S)                                                  \
	X(S, INT, id, "k.id")                                                \
	X(S, INT, entry_id, "k.entry_id")                                    \
	X(S, INT, unit_id, "k.unit_id")                                      \
	X(S, STR, unit_name, "u.name")                                       \
	X(S, STR, problem, "k.problem")                                      \
	X(S, STR, text, "k.text")                                            \
	X(S, STR, state, "k.state")                                          \
	X(S, INT, reporter_id, "k.reporter_id")                              \
	X(S, STR, reporter_name, "rp.display_name")                          \
	X(S, STR, due_date, DB_DAY("k.due_date"))                            \
	X(S, INT, version_id, "k.version_id")                                \
	X(S, STR, reply, "k.reply")                                          \
	X(S, STR, created, DB_BJ_MINUTE("k.created_at"))                     \
	X(S, STR, entry_title, "pv.title")                                   \
	X(S, INT, linked_no, "lv.version_no")                                \
	X(S, INT, jur_id, "u.jurisdiction_id")                               \
	X(S, INT, reported_version_id, "k.reported_version_id")
DB_ROW_STRUCT(kb_update_row, KB_UPDATE_ROW);
/* The order, or NULL. */
int kb_update(struct db *db, struct arena *a, long long id, struct kb_update_row **k);
/* The same in the caller's transaction, after locking the order's row
 * (only it: not the rows joined to it) until commit. */
int kb_update_lock(struct db *db, struct arena *a, long long id, struct kb_update_row **k);

/* An event of an order's timeline; at is Beijing time. */
#define KB_UPDATE_EVENT_ROW(X, S)                                            \
	X(S, STR, at, DB_BJ_MINUTE("ev.at"))                                 \
	X(S, STR, user_name, "us.display_name")                              \
	X(S, STR, unit_name, "un.name")                                      \
	X(S, STR, action, "ev.action")                                       \
	X(S, STR, text, "ev.text")
DB_ROW_STRUCT(kb_update_event_row, KB_UPDATE_EVENT_ROW);
int kb_update_events(struct db *db, struct arena *a, long long id,
		      struct kb_update_event_row **v, size_t *n);

/* An order in a list: the entry's title, or the order's text for a
 * knowledge need; created is Beijing time. */
#define KB_UPDATE_ITEM_ROW(X, S)                                             \
	X(S, INT, id, "k.id")                                                \
	X(S, STR, title, "COALESCE(pv.title, k.text)")                       \
	X(S, STR, unit_name, "u.name")                                       \
	X(S, STR, problem, "k.problem")                                      \
	X(S, STR, state, "k.state")                                          \
	X(S, STR, due_date, DB_DAY("k.due_date"))                            \
	X(S, STR, created, DB_BJ_MINUTE("k.created_at"))
DB_ROW_STRUCT(kb_update_item_row, KB_UPDATE_ITEM_ROW);
/* Filters: unit (0 any), reporter (0 any), jurisdiction (0 any). */
int kb_updates(struct db *db, struct arena *a, long long unit_id, long long reporter,
		long long jur, struct kb_update_item_row **v, size_t *n);
/* Moves order id from state from to state to: DB_CONFLICT when it is not
 * in state from. */
int kb_update_set(struct db *db, struct arena *a, long long id, const char *from,
		   const char *to, const char *reply, long long version_id);

/* A gap: query holds the content words, last is Beijing time, unit the
 * unit its need was assigned to, sample the first wording. */
#define KB_GAP_ROW(X, S)                                                     \
	X(S, INT, id, "g.id")                                                \
	X(S, STR, query, "g.query")                                          \
	X(S, INT, hits, "g.hits")                                            \
	X(S, STR, last, DB_BJ_MINUTE("g.last_at"))                           \
	X(S, STR, state, "g.state")                                          \
	X(S, STR, unit_name, "u.name")                                       \
	X(S, INT, operator_hits, "g.operator_hits")                          \
	X(S, INT, public_hits, "g.public_hits")                              \
	X(S, STR, sample, "g.sample")
DB_ROW_STRUCT(kb_gap_row, KB_GAP_ROW);
/* Gaps, open ones first, most searched first. */
int kb_gaps(struct db *db, struct arena *a, struct kb_gap_row **v, size_t *n);
/* The gap, or NULL. */
int kb_gap(struct db *db, struct arena *a, long long id, struct kb_gap_row **g);
/* DB_CONFLICT when the gap is no longer open. */
int kb_gap_assign(struct db *db, struct arena *a, long long id, long long update_id);

/* A grant: owner unit, grantee unit, each with its jurisdiction. */
#define KB_GRANT_ROW(X, S)                                                   \
	X(S, INT, id, "g.id")                                                \
	X(S, INT, owner_id, "g.owner_unit_id")                               \
	X(S, STR, owner_name, "o.name")                                      \
	X(S, INT, grantee_id, "g.grantee_unit_id")                           \
	X(S, STR, grantee_name, "t.name")                                    \
	X(S, STR, purpose, "g.purpose")                                      \
	X(S, STR, expires_on, DB_DAY("g.expires_on"))                        \
	X(S, STR, state, "g.state")                                          \
	X(S, STR, requester, "u.display_name")                               \
	X(S, INT, owner_jur, "o.jurisdiction_id")                            \
	X(S, INT, grantee_jur, "t.jurisdiction_id")
DB_ROW_STRUCT(kb_grant_row, KB_GRANT_ROW);
/* Filters: unit (0: all) as owner or grantee; jurisdiction (0: all) of
 * both units. */
int kb_grants(struct db *db, struct arena *a, long long unit_id, long long jur,
	       struct kb_grant_row **v, size_t *n);
/* The grant, or NULL. */
int kb_grant(struct db *db, struct arena *a, long long id, struct kb_grant_row **g);
int kb_grant_insert(struct db *db, struct arena *a, long long owner,
		     long long grantee, const char *purpose, const char *expires,
		     long long user_id, long long *id);
/* Moves a grant to state, recording who approved or consented. */
/* Moves a grant from state from; DB_CONFLICT when it is no longer there. */
int kb_grant_set(struct db *db, struct arena *a, long long id, const char *from,
		 const char *state, long long user_id);

#endif
