/* Every SQL statement of knowledge search: the change sequence the search
 * index follows, what the index is built from, synonyms, learned answers
 * and the rows a result page shows. */
#ifndef SEARCH_STORE_H
#define SEARCH_STORE_H
#include "db.h"
#include "kb_store.h"

/* Records, in the caller's transaction, that what search may show of an
 * entry changed. Takes the next change number (locking the counter until
 * commit, so that numbers follow commit order). */
int search_change_log(struct db *db, struct arena *a, long long entry_id);
/* The last change number handed out, into *seq. */
int search_change_last(struct db *db, struct arena *a, unsigned long long *seq);

#define SRCH_CHANGE_ROW(X, S)                                                \
	X(S, INT, seq, "seq")                                                \
	X(S, INT, entry_id, "entry_id")
DB_ROW_STRUCT(search_change_row, SRCH_CHANGE_ROW);
/* Changes after seq, oldest first, at most limit. */
int search_changes(struct db *db, struct arena *a, unsigned long long after, int limit,
		 struct search_change_row **v, size_t *n);

/* What the index holds of a searchable entry, and of its fields. */
#define SRCH_DOC_ROW(X, S)                                                   \
	X(S, INT, entry_id, "s.entry_id")                                    \
	X(S, STR, kind, "s.kind")                                            \
	X(S, STR, visibility, "s.visibility")                                \
	X(S, INT, unit_id, "s.unit_id")                                      \
	X(S, STR, title, "v.title")                                          \
	X(S, STR, keywords, "v.keywords")
DB_ROW_STRUCT(search_doc_row, SRCH_DOC_ROW);
#define SRCH_DOC_FIELD_ROW(X, S)                                             \
	X(S, INT, entry_id, "s.entry_id")                                    \
	X(S, STR, name, "f.name")                                            \
	X(S, STR, value, "f.value")
DB_ROW_STRUCT(search_doc_field_row, SRCH_DOC_FIELD_ROW);

/*
 * Searchable entries and their fields, both in entry order: either the
 * entries after after_id (at most limit; their fields with
 * search_doc_fields_between), or those named by changes (from, to].
 */
int search_docs_after(struct db *db, struct arena *a, long long after_id, int limit,
		    struct search_doc_row **v, size_t *n);
int search_doc_fields_between(struct db *db, struct arena *a, long long first,
			    long long last, struct search_doc_field_row **v, size_t *n);
int search_docs_changed(struct db *db, struct arena *a, unsigned long long from,
		      unsigned long long to, struct search_doc_row **v, size_t *n);
int search_doc_fields_changed(struct db *db, struct arena *a, unsigned long long from,
			    unsigned long long to, struct search_doc_field_row **v, size_t *n);

/*
 * A row of what a query needs besides the index: kind "c" (seq: the last
 * change number, kb_changes), "s" (a synonym: word in the query, other
 * searched too) or "l" (a learned pair: word its terms, entry_id, score
 * decayed to now, as text, id).
 */
#define SRCH_HELP_ROW(X, S)                                                  \
	X(S, STR, kind, "h.kind")                                            \
	X(S, STR, word, "h.word")                                            \
	X(S, STR, other, "h.other")                                          \
	X(S, INT, seq, "h.seq")                                              \
	X(S, INT, entry_id, "h.entry_id")                                    \
	X(S, STR, score, "h.score")                                          \
	X(S, INT, id, "h.id")
DB_ROW_STRUCT(search_help_row, SRCH_HELP_ROW);
/* Those rows, in one round trip, for the pieces of the query (keys_json:
 * a JSON array of strings, kq_keys), learned scores with the given
 * half-life in days. */
int search_query_help(struct db *db, struct arena *a, const char *keys_json,
		    double half_life_days, struct search_help_row **v, size_t *n);
/* The result rows of the entries in ids_json (a JSON array of numbers),
 * public ones only when public_only. Any order. */
int search_rows(struct db *db, struct arena *a, const char *ids_json, int public_only,
	      struct kb_hit_row **v, size_t *n);

/* A synonym pair (a < b); created is Beijing time, creator "" when
 * imported. */
#define SRCH_SYNONYM_ROW(X, S)                                               \
	X(S, INT, id, "y.id")                                                \
	X(S, STR, a, "y.a")                                                  \
	X(S, STR, b, "y.b")                                                  \
	X(S, STR, created, DB_BJ_MINUTE("y.created_at"))                     \
	X(S, STR, creator, "COALESCE(u.display_name, '')")
DB_ROW_STRUCT(search_synonym_row, SRCH_SYNONYM_ROW);
/* Every pair, by a. */
int search_synonyms(struct db *db, struct arena *a, struct search_synonym_row **v, size_t *n);
/* Adds the pair (a < b); DB_DUP when it exists. */
int search_synonym_add(struct db *db, struct arena *a, const char *x, const char *y,
		     long long user_id, long long *id);
/* The pair, or NULL. */
int search_synonym(struct db *db, struct arena *a, long long id, struct search_synonym_row **y);
int search_synonym_delete(struct db *db, struct arena *a, long long id);
/* The number of pairs. */
int search_synonym_count(struct db *db, struct arena *a, long long *n);

/* Remembers an answer: entry answered a search whose terms are terms
 * (typed as query); terms_json lists them for the lookup table. */
int search_learn(struct db *db, struct arena *a, long long entry_id, const char *terms,
	       const char *query, const char *terms_json, double half_life_days);
/* A learned pair's score decayed to now: halved every ? days since
 * updated_at. */
#define SRCH_DECAYED "l.score * POW(0.5, TIMESTAMPDIFF(SECOND, l.updated_at, UTC_TIMESTAMP())" \
	" / (86400 * ?))"
/* A learned pair: title "" when its entry is no longer searchable, score
 * decayed to now (as text), last answer in Beijing time. */
#define SRCH_LEARNED_ROW(X, S)                                               \
	X(S, INT, id, "l.id")                                                \
	X(S, STR, query, "l.query")                                          \
	X(S, INT, entry_id, "l.entry_id")                                    \
	X(S, STR, title, "COALESCE(s.title, '')")                            \
	X(S, INT, answers, "l.answers")                                      \
	X(S, STR, score, SRCH_DECAYED " AS decayed")                         \
	X(S, STR, last, DB_BJ_MINUTE("l.updated_at"))
DB_ROW_STRUCT(search_learned_row, SRCH_LEARNED_ROW);
/* Learned pairs, strongest now first. */
int search_learned(struct db *db, struct arena *a, double half_life_days, int limit,
		 struct search_learned_row **v, size_t *n);
#define SRCH_PAIR_ROW(X, S)                                                  \
	X(S, INT, id, "id")                                                  \
	X(S, STR, query, "query")                                            \
	X(S, INT, entry_id, "entry_id")
DB_ROW_STRUCT(search_pair_row, SRCH_PAIR_ROW);
/* One learned pair, or NULL. */
int search_learned_one(struct db *db, struct arena *a, long long id, struct search_pair_row **p);
int search_learned_delete(struct db *db, struct arena *a, long long id);

/* Records a search that found nothing (K9.1) under key, its first
 * wording sample; public or operator. A public record is skipped (and
 * *counted 0) once client has made per_day of them today. */
int search_gap_record(struct db *db, struct arena *a, const char *key, const char *sample,
		    int public_src, const char *client, const char *day, int per_day,
		    int *counted);

#endif
