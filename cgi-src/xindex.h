/*
 * xindex.h - the Xapian shim: a C API over the one search index of a node
 * (xindex.cc is its only C++ file, as tmpl.cc is ctemplate's).
 *
 * The index knows nothing of the knowledge base: documents are numbered
 * (the docid is the entry id) and carry terms with a within-document
 * frequency; a few boolean terms filter. kb_index.c decides what the
 * terms are, kb_search.c what a query is.
 *
 * A handle is used by one thread at a time (Xapian's objects are not
 * shared between threads); every thread opens its own. Every function
 * catches Xapian's exceptions: it returns -1 (or NULL) and, where it takes
 * err, writes the reason there. Strings are UTF-8, lengths in bytes.
 */
#ifndef XINDEX_H
#define XINDEX_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct xi;

/* Opens the index at path for reading, or NULL. Free with xi_close. */
struct xi *xi_open_read(const char *path, char *err, size_t errlen);
/* Opens (creating when create is set) for writing, or NULL. Only one
 * writer may hold an index; *locked is set when another one does. */
struct xi *xi_open_write(const char *path, int create, int *locked, char *err,
			 size_t errlen);
void xi_close(struct xi *x);
/* A reader moves to the latest committed revision. 0 or -1. */
int xi_reopen(struct xi *x, char *err, size_t errlen);
unsigned long xi_doccount(struct xi *x);

/* The value of a metadata key into out ("" when unset); 0 or -1. */
int xi_meta_get(struct xi *x, const char *key, char *out, size_t outlen);
/* Writer only; takes effect at the next commit. 0 or -1. */
int xi_meta_set(struct xi *x, const char *key, const char *value);

/* A term of a document and how often it occurs there (its wdf). */
struct xi_posting {
	const char *term;
	unsigned wdf;
};
/* Writer only: replaces (or adds) document docid, with data (a short
 * text kept with it, xi_data). 0 or -1. */
int xi_replace(struct xi *x, unsigned docid, const struct xi_posting *terms,
	       size_t nterms, const char *data, char *err, size_t errlen);
/* The data of document docid into out ("" when none). 0 or -1. */
int xi_data(struct xi *x, unsigned docid, char *out, size_t outlen);
/* Writer only: removes document docid if present. 0 or -1. */
int xi_delete(struct xi *x, unsigned docid, char *err, size_t errlen);
/* Writer only: makes the changes since the last commit visible. 0 or -1. */
int xi_commit(struct xi *x, char *err, size_t errlen);

#define XI_MAX_TERMS 64

/* One term of a query. prefix: a wildcard over every term beginning with
 * term (at most 50 of the most frequent). alt: also match alt followed by
 * term (a second spelling of the same term, e.g. the internal-field copy),
 * counted as the same term. weight scales the term's BM25 weight. */
struct xi_qterm {
	const char *term;
	double weight;
	int prefix;
};

/* A document found: its number, its BM25 weight, which query terms it
 * holds (bit i: terms[i]) and how often (wdf[i], at most 65535). */
struct xi_hit {
	unsigned docid;
	double weight;
	unsigned long long matched;
	unsigned short wdf[XI_MAX_TERMS];
};

/*
 * How many documents hold each term: termfreq[i] for terms[i] (for a
 * prefix, the most any of its terms has), and *ndocs in all. 0 or -1.
 */
int xi_termfreq(struct xi *x, const struct xi_qterm *terms, size_t nterms,
		unsigned long *termfreq, unsigned long *ndocs, char *err, size_t errlen);

/*
 * Runs the OR of the terms (at most XI_MAX_TERMS; a term of weight 0 is
 * left out), restricted to documents holding the boolean term filter when
 * it is not NULL. alt_prefix, when not NULL, makes each term also match
 * alt_prefix + term as the same term. Writes the best (at most max) hits,
 * best first, into out and their number into *nout. 0 or -1.
 */
int xi_search(struct xi *x, const struct xi_qterm *terms, size_t nterms,
	      const char *filter, const char *alt_prefix, size_t max,
	      struct xi_hit *out, size_t *nout, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif
#endif
