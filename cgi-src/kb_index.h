/*
 * kb_index.h - each node's search index of the published knowledge
 * (知识检索索引), derived from MariaDB, the system of record.
 *
 * On disk, under the configured root (search_index):
 *   current      a symbolic link to the index in use
 *   kb.N         a complete index (Xapian); N is when it was built
 *   build.P.N    an index being built by process P
 * Each index records its format (KBI_FORMAT; another format is rebuilt)
 * and the last change number (kb_changes) it holds. A rebuild writes a
 * new kb.N from kb_search and switches current to it in one rename;
 * readers move to it at their next search.
 *
 * A document is an entry: its docid is the entry id; its terms are the
 * bigrams of its text (bg_index_text), each occurrence counted with the
 * weight of where it stands (title 6, keywords 4, the kind's fields by
 * kb_field.search); text of internal-only fields (答复口径) carries the
 * prefix "I", so that the public search never matches it; boolean terms
 * V<visibility>, K<kind>, U<unit id> filter.
 */
#ifndef KB_INDEX_H
#define KB_INDEX_H
#include <stddef.h>
#include "db.h"
#include "xindex.h"

#define KBI_FORMAT "kb-bigram-2"
#define KBI_INTERNAL_PREFIX "I"
#define KBI_PUBLIC_FILTER "Vpublic"
#define KBI_TOPIC_PREFIX "T"

/* ---- readers: one per thread ---- */

struct kbi_reader;
/* A reader of the index under root (malloc'd; kbi_reader_free). */
struct kbi_reader *kbi_reader_new(const char *root);
void kbi_reader_free(struct kbi_reader *r);
/*
 * The index in use, at its latest revision, or NULL when there is none
 * fit to search (missing, of another format, or failing): the caller
 * then searches with SQL. The handle stays the reader's.
 */
struct xi *kbi_reader_get(struct kbi_reader *r);
/* Forgets the open index after an error, so that the next get reopens. */
void kbi_reader_reset(struct kbi_reader *r);
/*
 * Waits, at most ms milliseconds, until the reader's index holds change
 * seq (a search must see what its own user just changed), asking this
 * process's follower to look now. Returns 1 when it does, 0 when it is
 * still behind (the search then answers with SQL).
 */
int kbi_reader_wait(struct kbi_reader *r, unsigned long long seq, int ms);

/* The process's follower registers how to wake it (main.c); without one,
 * waiting only rereads the index. */
void kbi_set_waker(void (*wake)(void));

/* ---- building and following ---- */

struct kbi_stats {
	long long docs;
	unsigned long long seq;     /* the change number it holds */
	double seconds;
	long long bytes;            /* on disk */
};

/*
 * Builds a new index of every searchable entry under root and makes it
 * current. Checks *stop (when not NULL) between batches and abandons the
 * build when it is set. Writes a reason into err on failure. 0 or -1.
 */
int kbi_rebuild(struct db *db, const char *root, const _Atomic int *stop,
		struct kbi_stats *st, char *err, size_t errlen);

struct kbi_follower;
struct kbi_follower *kbi_follower_new(const char *root);
void kbi_follower_free(struct kbi_follower *f);

enum kbi_step {
	KBI_IDLE,        /* nothing new */
	KBI_APPLIED,     /* changes applied */
	KBI_REBUILT,     /* there was no usable index: a new one was built */
	KBI_LOCKED,      /* another process writes this index */
	KBI_FAILED,      /* see the log; tried again later */
};
/*
 * One step of keeping the index current: opens it (building it first when
 * missing or of another format, or switching to a newer one that a rebuild
 * made current), then applies the changes after the last it holds, at most
 * a batch at a time. Logs what it does to log.
 */
enum kbi_step kbi_follow(struct kbi_follower *f, struct db *db,
			 const _Atomic int *stop, void (*log)(const char *msg));

/* The size in bytes of the files of the index in use under root, or -1. */
long long kbi_size(const char *root);

/* What the index in use under root holds: its directory name, format,
 * last change and number of documents. 0, or -1 when there is none. */
struct kbi_status {
	char name[256], format[64];
	unsigned long long seq;
	unsigned long docs;
};
int kbi_status(const char *root, struct kbi_status *st);

#endif
