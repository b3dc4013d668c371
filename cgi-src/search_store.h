/* Every SQL statement of knowledge search: the change sequence the search
 * index follows, what the index is built from, synonyms, learned answers
 * and the rows a result page shows. */
#ifndef SEARCH_STORE_H
#define SEARCH_STORE_H
#include "db.h"

/* Records, in the caller's transaction, that what search may show of an
 * entry changed. Takes the next change number (locking the counter until
 * commit, so that numbers follow commit order). */
int srch_change_log(struct db *db, struct arena *a, long long entry_id);
/* The last change number handed out, into *seq. */
int srch_change_last(struct db *db, struct arena *a, unsigned long long *seq);
/* Changes after seq, oldest first, at most limit: seq, entry_id. */
int srch_changes(struct db *db, struct arena *a, unsigned long long after, int limit,
		 struct dbres *out);

/*
 * What the index holds of searchable entries, in entry order: rows of
 * entry_id, kind, visibility, unit_id, title, keywords; and their fields,
 * entry_id, name, value, in entry order. Either the entries after
 * after_id (at most limit; their fields with srch_doc_fields_between), or
 * those named by changes (from, to].
 */
int srch_docs_after(struct db *db, struct arena *a, long long after_id, int limit,
		    struct dbres *out);
int srch_doc_fields_between(struct db *db, struct arena *a, long long first,
			    long long last, struct dbres *out);
int srch_docs_changed(struct db *db, struct arena *a, unsigned long long from,
		      unsigned long long to, struct dbres *out);
int srch_doc_fields_changed(struct db *db, struct arena *a, unsigned long long from,
			    unsigned long long to, struct dbres *out);

/*
 * What a query needs besides the index, in one round trip, for the
 * pieces of the query (keys_json: a JSON array of strings, kq_keys):
 * rows of kind 'c' (col 3: the last change number, kb_changes), 's'
 * (synonym: col 1 in the query, col 2 searched too) and 'l' (learned:
 * col 1 the pair's terms, col 2 its entry id, col 3 its score decayed to
 * now with the given half-life in days, col 4 its id).
 */
int srch_query_help(struct db *db, struct arena *a, const char *keys_json,
		    double half_life_days, struct dbres *out);
/* The result rows of the entries in ids_json (a JSON array of numbers),
 * public ones only when public_only: entry_id, title, summary, unit
 * name, kind. Any order. */
int srch_rows(struct db *db, struct arena *a, const char *ids_json, int public_only,
	      struct dbres *out);

/* Synonyms: id, a, b, created (Beijing), creator's name; by a. */
int srch_synonyms(struct db *db, struct arena *a, struct dbres *out);
/* Adds the pair (a < b); DB_DUP when it exists. */
int srch_synonym_add(struct db *db, struct arena *a, const char *x, const char *y,
		     long long user_id, long long *id);
/* id, a, b of one pair. */
int srch_synonym(struct db *db, struct arena *a, long long id, struct dbres *out);
int srch_synonym_delete(struct db *db, struct arena *a, long long id);
/* Every pair, for the demo loader and tests: a, b. */
int srch_synonym_count(struct db *db, struct arena *a, long long *n);

/* Remembers an answer: entry answered a search whose terms are terms
 * (typed as query); terms_json lists them for the lookup table. */
int srch_learn(struct db *db, struct arena *a, long long entry_id, const char *terms,
	       const char *query, const char *terms_json, double half_life_days);
/* Learned pairs, strongest now first: id, query, entry_id, title, answers,
 * decayed score, last answer (Beijing). */
int srch_learned(struct db *db, struct arena *a, double half_life_days, int limit,
		 struct dbres *out);
/* id, query, entry_id of one pair. */
int srch_learned_one(struct db *db, struct arena *a, long long id, struct dbres *out);
int srch_learned_delete(struct db *db, struct arena *a, long long id);

/* Records a search that found nothing (K9.1) under key, its first
 * wording sample; public or operator. A public record is skipped (and
 * *counted 0) once client has made per_day of them today. */
int srch_gap_record(struct db *db, struct arena *a, const char *key, const char *sample,
		    int public_src, const char *client, const char *day, int per_day,
		    int *counted);

#endif
