/* Knowledge entries for the HTTP suites: words unique to the run, FAQ
 * entries drafted, submitted and published through the forms, searches on
 * the staff and public pages, and the public pages past nginx's
 * micro-cache. */
#ifndef ENTRIES_H
#define ENTRIES_H
#include "harness.h"

/* ---- words -------------------------------------------------------------- */

/* An ASCII word no demo entry and no other run contains: tag and the
 * run's stamp. */
const char *word(char *buf, size_t size, const char *tag);

/* Where a Chinese test word takes its rare characters from: each word of
 * every suite has a slot of its own, a block of CJK Extension A characters
 * (U+3400 on, which no demo entry uses) that no other word draws from, so
 * that no character of one word is in another entry or query of the run;
 * the search weighs single characters, and a character shared by chance
 * (the stamp picks them) made an unrelated entry a result. */
enum word_slot {
	W_RANK_TITLE,       /* kb search: a title hit and a body hit */
	W_EVERY_WORD,       /* kb search: entries holding every word first */
	W_NOT_FOUND,        /* kb search: a search without a result */
	W_QUESTION,         /* kb search: whole questions */
	W_QUESTION_GAP,     /* kb search: a question about nothing held */
	W_SYN_WORD,         /* synonyms: the entry's word */
	W_SYN_CALLER,       /* synonyms: the caller's word */
	W_SYN_CHECKED,      /* synonyms: the form's checks */
	W_LEARN_QUESTION,   /* learned answers: the callers' words */
	W_LEARN_PUBLIC,     /* learned answers: the public entry */
	W_LEARN_INTERNAL,   /* learned answers: the internal entry */
	W_GAP_TOPIC,        /* gaps counted by content */
	W__MAX
};

/* prefix, then as many characters of the slot as the stamp has digits,
 * picked by the stamp. */
const char *cjk_word(char *buf, size_t size, enum word_slot slot, const char *prefix);
/* The same, at most n characters after the prefix (synonyms: 8 in all). */
const char *cjk_short(char *buf, size_t size, enum word_slot slot, const char *prefix,
		      size_t n);
/* ASCII turned into its full-width forms (U+FF01..U+FF5E). */
const char *full_width(char *buf, size_t size, const char *s);

/* ---- entries ------------------------------------------------------------ */

struct faq {
	const char *title, *keywords, *visibility, *question, *answer, *notes;
	int submit;
};

/* A new FAQ by the editor w (change date: run_day); returns its first
 * version. */
long new_faq(struct web *w, const struct faq *q);
/* Changes the open version vid through its edit form. */
void edit_faq(struct web *w, long vid, const struct faq *q);
/* The state label a version page shows (待审核, 已发布 …). */
const char *version_state(struct web *w, long vid);
/* The entry a version belongs to, from its page's link. */
long entry_of(struct web *w, long vid);
/* The approver ap publishes version vid with the page's button. */
void approve(struct web *ap, long vid);
/* A new FAQ submitted by ed and published by ap; returns the entry and
 * stores the version in *vid when asked. */
long published_faq(struct web *ed, struct web *ap, const struct faq *q, long *vid);
/* A new draft of the published entry eid; returns its version. */
long redraft(struct web *ed, long eid);

/* ---- search ------------------------------------------------------------- */

/* Searches as w, on the public page (/kb) or the staff one (/knowledge):
 * whether a result links to entry (entry 0: how many results). */
int finds(struct web *w, int public, const char *q, long entry);
/* Whether the results list on the last page shows s anywhere. */
int results_show(struct web *w, const char *s);

/* ---- the public pages ----------------------------------------------------- */

/* GETs a public page as the application answers it now: again while nginx
 * answers from its micro-cache (X-Cache: HIT), so that what follows is
 * checked on a page made after every change before the call (the cache
 * keeps a page public_max_age seconds and serves no stale copy). Returns
 * the status. */
long public_fresh(struct web *w, const char *path);
/* /kb/e/eid as the application answers it now; asserts the status. */
void public_entry(struct web *w, long eid, int want);

#endif
