/* Knowledge-base operations shared by the web handlers and hotlinectl's
 * import: checking a draft, writing versions, publishing and indexing.
 * They run inside the caller's transaction; the caller audits. */
#ifndef KB_OPS_H
#define KB_OPS_H
#include "db.h"
#include "kb.h"
#include "workdays.h"

#define KB_MAX_FIELDS 12

/* One version's content, checked and cleaned. */
struct kb_draft {
	enum kb_kind kind;
	const char *visibility;          /* "public" or "internal" */
	const char *title, *keywords;
	int major;
	int change_day;
	const char *values[KB_MAX_FIELDS]; /* by field index of the kind; "" when empty */
};

/* Fills d->values from raw[i] (the kind's fields in order; NULL = absent):
 * required fields present, lengths in characters, dates valid, HTML
 * sanitised, plain text trimmed. Returns NULL, or a message naming the
 * field (arena memory). */
const char *kb_draft_check(struct arena *a, struct kb_draft *d,
			   const char *const raw[KB_MAX_FIELDS]);

/* A new entry of unit with its first version as a draft. */
int kb_create(struct db *db, struct arena *a, const struct wd_calendar *cal,
	      long long unit_id, const struct kb_draft *d, long long author,
	      long long *entry_id, long long *version_id);
/* Rewrites the open draft version_id with d (the entry's published
 * version and visibility stay as they are until approval). */
int kb_save(struct db *db, struct arena *a, const struct wd_calendar *cal,
	    long long version_id, const struct kb_draft *d);
/* A new draft copied from the published version (editing a published
 * entry: the published one stays live until the new one is approved). */
int kb_new_draft(struct db *db, struct arena *a, long long entry_id,
		 long long published_id, const char *visibility, long long author,
		 long long *version_id);
/* Publishes version_id, which is in state from (pending when approved,
 * draft when imported): the old published version is superseded and the
 * search row rewritten, in the same transaction. DB_CONFLICT when a
 * version is no longer in the state it was read in. */
int kb_publish(struct db *db, struct arena *a, long long entry_id, long long version_id,
	       const char *from, long long old_published, long long user_id);
/* Writes (or drops) the search row of an entry from its current state and
 * logs the change that every node's search index follows. */
int kb_reindex(struct db *db, struct arena *a, long long entry_id);

/* Text content of an HTML fragment (arena memory). */
char *kb_plain_text(struct arena *a, const char *html);
/* At most max characters of s, cut on a character boundary, "…" added. */
char *kb_cut(struct arena *a, const char *s, size_t max);

/* Who sees a knowledge-update order: the owning unit, the reporter, the
 * office of its jurisdiction. */
struct actor;
struct kb_update_row;
int kb_update_visible(const struct actor *ac, const struct kb_update_row *k);
/* One step of a knowledge-update order (K9.1) on the step engine: the
 * owning unit's editor replies or links the fixed version, the reporter
 * confirms or reopens. message is the form's 说明 (NULL when not given).
 * 0, or the refusal's status with *msg. */
struct ctx;
/* Opens a knowledge-update order on entry_id (0: a knowledge need) for
 * unit_id, due KB_UPDATE_DAYS working days from today, with its first
 * event by the actor; in the caller's transaction. */
int kb_update_open(const struct ctx *c, long long entry_id, long long unit_id,
		   const char *problem, const char *text, long long *id);
int kb_update_step(const struct ctx *c, long long id, enum kb_upd_action a,
		   const char *message, const char **msg);

#endif
