/*
 * kb_index.c - each node's search index: what a document holds, building
 * an index from kb_search, following kb_changes, and the readers' view of
 * the index in use (layout and terms in kb_index.h).
 */
#include "kb_index.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bigram.h"
#include "kb.h"
#include "kb_ops.h"
#include "search_store.h"

#define BATCH 500            /* entries read per statement */
#define TITLE_WEIGHT 6
#define KEYWORDS_WEIGHT 4

/* ---- paths ---------------------------------------------------------- */

/* The name current points to (a file in root) into name; 0, or -1 when
 * there is no current index. */
static int read_current(const char *root, char *name, size_t len)
{
	char link[PATH_MAX];
	if (snprintf(link, sizeof link, "%s/current", root) >= (int)sizeof link)
		return -1;
	ssize_t n = readlink(link, name, len - 1);
	if (n <= 0 || strchr(name, '/') != NULL)
		return -1;
	name[n] = '\0';
	return strchr(name, '/') != NULL ? -1 : 0;
}

static int join(char *out, size_t len, const char *root, const char *name)
{
	return snprintf(out, len, "%s/%s", root, name) < (int)len ? 0 : -1;
}

/* Removes an index directory (Xapian keeps its files flat in it). */
static void remove_dir(const char *path)
{
	DIR *d = opendir(path);
	if (d == NULL)
		return;
	struct dirent *e;
	char f[PATH_MAX];
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
		    join(f, sizeof f, path, e->d_name) == 0)
			unlink(f);
	closedir(d);
	rmdir(path);
}

/* Removes complete indexes other than keep and prev, and unfinished
 * builds of processes that are gone. */
static void prune(const char *root, const char *keep, const char *prev)
{
	DIR *d = opendir(root);
	if (d == NULL)
		return;
	struct dirent *e;
	char p[PATH_MAX];
	while ((e = readdir(d)) != NULL) {
		const char *n = e->d_name;
		int old = strncmp(n, "kb.", 3) == 0 && strcmp(n, keep) != 0 &&
			  strcmp(n, prev) != 0;
		if (strncmp(n, "build.", 6) == 0) {
			long pid = strtol(n + 6, NULL, 10);
			old = pid > 0 && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
		}
		if (old && join(p, sizeof p, root, n) == 0)
			remove_dir(p);
	}
	closedir(d);
}

/* Points current at name, atomically. 0 or -1. */
static int make_current(const char *root, const char *name)
{
	char tmp[PATH_MAX], cur[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s/current.%ld", root, (long)getpid()) >= (int)sizeof tmp ||
	    join(cur, sizeof cur, root, "current") < 0)
		return -1;
	unlink(tmp);
	if (symlink(name, tmp) != 0)
		return -1;
	if (rename(tmp, cur) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- documents ------------------------------------------------------ */

/* The terms of a document, growing. */
struct terms {
	struct arena *a;
	struct xi_posting *v;
	size_t n, cap;
};

static void term_put(struct terms *t, const char *term, unsigned wdf)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 256;
		struct xi_posting *v = arena_alloc(t->a, cap * sizeof *v);
		if (t->n > 0)
			memcpy(v, t->v, t->n * sizeof *v);
		t->v = v;
		t->cap = cap;
	}
	t->v[t->n].term = term;
	t->v[t->n].wdf = wdf;
	t->n++;
}

/* Each token of text's bigram form, with weight, under prefix. */
static void text_terms(struct terms *t, const char *text, unsigned weight,
		       const char *prefix)
{
	char *bg = bg_index_text(t->a, text);
	size_t plen = strlen(prefix);
	for (char *p = bg; *p != '\0';) {
		char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *term = arena_alloc(t->a, plen + len + 1);
		memcpy(term, prefix, plen);
		memcpy(term + plen, p, len);
		term[plen + len] = '\0';
		term_put(t, term, weight);
		p += len + (e != NULL);
	}
}

/* The fields of the documents being written, in entry order. */
struct doc_fields {
	const struct search_doc_field_row *v;
	size_t n, at;   /* at: the first not yet read */
};

/*
 * Replaces document d with its terms; its fields are those of f from
 * f->at on with its entry id, and f->at moves past them.
 */
static int put_doc(struct xi *x, struct arena *a, const struct search_doc_row *d,
		   struct doc_fields *f, char *err, size_t errlen)
{
	int kind = kb_kind_from_code(d->kind);
	struct terms t = { a, NULL, 0, 0 };
	term_put(&t, arena_printf(a, "V%s", d->visibility), 0);
	term_put(&t, arena_printf(a, "K%s", d->kind), 0);
	term_put(&t, arena_printf(a, "U%lld", d->unit_id), 0);
	text_terms(&t, d->title, TITLE_WEIGHT, "");
	text_terms(&t, d->keywords, KEYWORDS_WEIGHT, "");
	/* The words of titles and keywords, once more under T: what the
	 * knowledge base names its matters with (kq_weigh). */
	text_terms(&t, d->title, 0, KBI_TOPIC_PREFIX);
	text_terms(&t, d->keywords, 0, KBI_TOPIC_PREFIX);
	while (f->at < f->n && f->v[f->at].entry_id < d->entry_id)
		f->at++;
	for (; f->at < f->n && f->v[f->at].entry_id == d->entry_id; f->at++) {
		const struct kb_field *fd = kind < 0 ? NULL :
			kb_field_find((enum kb_kind)kind, f->v[f->at].name);
		if (fd == NULL || fd->search == 0)
			continue;
		const char *v = f->v[f->at].value;
		if (fd->type == KBF_HTML)
			v = kb_plain_text(a, v);
		text_terms(&t, v, fd->search, fd->internal ? KBI_INTERNAL_PREFIX : "");
	}
	return xi_replace(x, (unsigned)d->entry_id, t.v, t.n, d->title, err, errlen);
}

/* Replaces every document of docs (n) with fields (nf). 0 or -1. */
static int put_docs(struct xi *x, struct arena *a, const struct search_doc_row *docs,
		    size_t n, const struct search_doc_field_row *fields, size_t nf,
		    char *err, size_t errlen)
{
	struct doc_fields f = { fields, nf, 0 };
	for (size_t i = 0; i < n; i++)
		if (put_doc(x, a, &docs[i], &f, err, errlen) < 0)
			return -1;
	return 0;
}

/* ---- building ------------------------------------------------------- */

/* The format and change number, committed. 0 or -1. */
static int seal(struct xi *x, unsigned long long seq, char *err, size_t errlen)
{
	char s[32];
	snprintf(s, sizeof s, "%llu", seq);
	if (xi_meta_set(x, "format", KBI_FORMAT) < 0 || xi_meta_set(x, "seq", s) < 0) {
		snprintf(err, errlen, "cannot write the index's metadata");
		return -1;
	}
	return xi_commit(x, err, errlen);
}

/* Writes every searchable entry into x. 0, or -1 (err says why). */
static int fill(struct xi *x, struct db *db, const _Atomic int *stop,
		long long *docs, char *err, size_t errlen)
{
	struct arena a;
	arena_init(&a, 1 << 20);
	long long last = 0;
	int rc = 0;
	*docs = 0;
	for (;;) {
		struct search_doc_row *rows;
		struct search_doc_field_row *fields = NULL;
		size_t n, nf = 0;
		if (stop != NULL && *stop) {
			snprintf(err, errlen, "stopped");
			rc = -1;
			break;
		}
		int d = search_docs_after(db, &a, last, BATCH, &rows, &n);
		if (d == DB_OK && n > 0)
			d = search_doc_fields_between(db, &a, rows[0].entry_id, rows[n - 1].entry_id,
						    &fields, &nf);
		if (d != DB_OK) {
			snprintf(err, errlen, "database: %s", db_error(db));
			rc = -1;
			break;
		}
		if (n == 0)
			break;
		if (put_docs(x, &a, rows, n, fields, nf, err, errlen) < 0) {
			rc = -1;
			break;
		}
		last = rows[n - 1].entry_id;
		*docs += (long long)n;
		arena_reset(&a);
	}
	arena_free(&a);
	return rc;
}

/* Total size of the files in dir, or -1. */
static long long dir_size(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return -1;
	long long total = 0;
	struct dirent *e;
	char f[PATH_MAX];
	struct stat sb;
	while ((e = readdir(d)) != NULL)
		if (join(f, sizeof f, dir, e->d_name) == 0 && stat(f, &sb) == 0 &&
		    S_ISREG(sb.st_mode))
			total += (long long)sb.st_size;
	closedir(d);
	return total;
}

int kbi_rebuild(struct db *db, const char *root, const _Atomic int *stop,
		struct kbi_stats *st, char *err, size_t errlen)
{
	double t0 = now();
	char build[64], name[64], bpath[PATH_MAX], npath[PATH_MAX], prev[256] = "";
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	unsigned long long stamp = (unsigned long long)ts.tv_sec * 1000000ULL +
				   (unsigned long long)ts.tv_nsec / 1000;
	snprintf(build, sizeof build, "build.%ld.%llu", (long)getpid(), stamp);
	snprintf(name, sizeof name, "kb.%llu", stamp);
	memset(st, 0, sizeof *st);
	if ((mkdir(root, 0755) != 0 && errno != EEXIST) ||
	    join(bpath, sizeof bpath, root, build) < 0 ||
	    join(npath, sizeof npath, root, name) < 0) {
		snprintf(err, errlen, "cannot use %s: %s", root, strerror(errno));
		return -1;
	}
	/* Changes from here on are applied by the follower, again if the
	 * build already saw them: applying one twice is harmless. */
	struct arena a;
	arena_init(&a, 4096);
	int rc = search_change_last(db, &a, &st->seq);
	arena_free(&a);
	if (rc != DB_OK) {
		snprintf(err, errlen, "database: %s", db_error(db));
		return -1;
	}
	int locked;
	struct xi *x = xi_open_write(bpath, 1, &locked, err, errlen);
	if (x == NULL)
		return -1;
	if (fill(x, db, stop, &st->docs, err, errlen) < 0 || seal(x, st->seq, err, errlen) < 0) {
		xi_close(x);
		remove_dir(bpath);
		return -1;
	}
	xi_close(x);
	read_current(root, prev, sizeof prev);
	if (rename(bpath, npath) != 0 || make_current(root, name) != 0) {
		snprintf(err, errlen, "cannot make %s current: %s", npath, strerror(errno));
		remove_dir(bpath);
		return -1;
	}
	prune(root, name, prev);
	st->seconds = now() - t0;
	st->bytes = dir_size(npath);
	return 0;
}

long long kbi_size(const char *root)
{
	char name[256], path[PATH_MAX];
	if (read_current(root, name, sizeof name) < 0 || join(path, sizeof path, root, name) < 0)
		return -1;
	return dir_size(path);
}

int kbi_status(const char *root, struct kbi_status *st)
{
	char path[PATH_MAX], err[256], seq[32];
	memset(st, 0, sizeof *st);
	if (read_current(root, st->name, sizeof st->name) < 0 ||
	    join(path, sizeof path, root, st->name) < 0)
		return -1;
	struct xi *x = xi_open_read(path, err, sizeof err);
	if (x == NULL)
		return -1;
	xi_meta_get(x, "format", st->format, sizeof st->format);
	xi_meta_get(x, "seq", seq, sizeof seq);
	st->seq = strtoull(seq, NULL, 10);
	st->docs = xi_doccount(x);
	xi_close(x);
	return 0;
}

/* ---- readers -------------------------------------------------------- */

struct kbi_reader {
	char root[PATH_MAX];
	char target[256];       /* what current pointed to when x was opened */
	struct xi *x;
};

struct kbi_reader *kbi_reader_new(const char *root)
{
	struct kbi_reader *r = calloc(1, sizeof *r);
	if (r != NULL)
		snprintf(r->root, sizeof r->root, "%s", root);
	return r;
}

void kbi_reader_reset(struct kbi_reader *r)
{
	xi_close(r->x);
	r->x = NULL;
	r->target[0] = '\0';
}

void kbi_reader_free(struct kbi_reader *r)
{
	if (r == NULL)
		return;
	kbi_reader_reset(r);
	free(r);
}

/* Whether x is an index this build can search. */
static int fit(struct xi *x)
{
	char format[64];
	return xi_meta_get(x, "format", format, sizeof format) == 0 &&
	       strcmp(format, KBI_FORMAT) == 0;
}

struct xi *kbi_reader_get(struct kbi_reader *r)
{
	char name[256], path[PATH_MAX], err[256];
	if (r == NULL || r->root[0] == '\0')
		return NULL;
	if (read_current(r->root, name, sizeof name) < 0) {
		kbi_reader_reset(r);
		return NULL;
	}
	if (r->x != NULL && strcmp(name, r->target) == 0) {
		if (xi_reopen(r->x, err, sizeof err) == 0)
			return r->x;
		kbi_reader_reset(r);
	}
	kbi_reader_reset(r);
	if (join(path, sizeof path, r->root, name) < 0)
		return NULL;
	r->x = xi_open_read(path, err, sizeof err);
	if (r->x != NULL && !fit(r->x))
		kbi_reader_reset(r);
	if (r->x != NULL)
		snprintf(r->target, sizeof r->target, "%s", name);
	return r->x;
}

static void (*waker)(void);

void kbi_set_waker(void (*wake)(void))
{
	waker = wake;
}

/* The change number the open index holds, or 0. */
static unsigned long long reader_seq(struct kbi_reader *r)
{
	char seq[32];
	if (r->x == NULL || xi_meta_get(r->x, "seq", seq, sizeof seq) < 0)
		return 0;
	return strtoull(seq, NULL, 10);
}

int kbi_reader_wait(struct kbi_reader *r, unsigned long long seq, int ms)
{
	if (reader_seq(r) >= seq)
		return 1;
	struct timespec pause = { 0, 2 * 1000 * 1000 };
	for (int waited = 0; waited < ms; waited += 2) {
		/* Again now and then: a wake while it was busy is not kept. */
		if (waker != NULL && waited % 50 == 0)
			waker();
		nanosleep(&pause, NULL);
		if (kbi_reader_get(r) == NULL)
			return 0;
		if (reader_seq(r) >= seq)
			return 1;
	}
	return 0;
}

/* ---- following ------------------------------------------------------ */

struct kbi_follower {
	char root[PATH_MAX];
	char target[256];
	struct xi *x;                /* the writer of the index in use */
	unsigned long long seq;      /* the last change it holds */
	int locked;                  /* another process writes it (logged once) */
	struct arena a;
};

struct kbi_follower *kbi_follower_new(const char *root)
{
	struct kbi_follower *f = calloc(1, sizeof *f);
	if (f == NULL)
		return NULL;
	snprintf(f->root, sizeof f->root, "%s", root);
	arena_init(&f->a, 1 << 20);
	return f;
}

void kbi_follower_free(struct kbi_follower *f)
{
	if (f == NULL)
		return;
	xi_close(f->x);
	arena_free(&f->a);
	free(f);
}

static void say(void (*log)(const char *), const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void say(void (*log)(const char *), const char *fmt, ...)
{
	char m[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m, sizeof m, fmt, ap);
	va_end(ap);
	if (log != NULL)
		log(m);
}

/* Opens the writer of the current index when it is fit: 1, 0 when there
 * is none fit, -1 when another process holds it. */
static int open_current(struct kbi_follower *f, void (*log)(const char *))
{
	char name[256], path[PATH_MAX], err[256], seq[32];
	int locked = 0;
	if (read_current(f->root, name, sizeof name) < 0 ||
	    join(path, sizeof path, f->root, name) < 0)
		return 0;
	f->x = xi_open_write(path, 0, &locked, err, sizeof err);
	if (f->x == NULL) {
		if (locked) {
			if (!f->locked)
				say(log, "search index %s is written by another process; it keeps it current", path);
			f->locked = 1;
			return -1;
		}
		say(log, "search index %s cannot be opened: %s", path, err);
		return 0;
	}
	f->locked = 0;
	if (!fit(f->x) || xi_meta_get(f->x, "seq", seq, sizeof seq) < 0) {
		say(log, "search index %s is of another format", path);
		xi_close(f->x);
		f->x = NULL;
		return 0;
	}
	f->seq = strtoull(seq, NULL, 10);
	snprintf(f->target, sizeof f->target, "%s", name);
	return 1;
}

/* Applies the next batch of changes. */
static enum kbi_step apply_changes(struct kbi_follower *f, struct db *db,
				   void (*log)(const char *))
{
	struct search_change_row *ch;
	struct search_doc_row *docs;
	struct search_doc_field_row *fields;
	size_t nch, ndocs, nfields = 0;
	char err[256];
	int rc = search_changes(db, &f->a, f->seq, BATCH, &ch, &nch);
	if (rc != DB_OK)
		return KBI_FAILED;
	if (nch == 0)
		return KBI_IDLE;
	unsigned long long to = (unsigned long long)ch[nch - 1].seq;
	rc = search_docs_changed(db, &f->a, f->seq, to, &docs, &ndocs);
	if (rc == DB_OK)
		rc = search_doc_fields_changed(db, &f->a, f->seq, to, &fields, &nfields);
	if (rc != DB_OK)
		return KBI_FAILED;
	if (put_docs(f->x, &f->a, docs, ndocs, fields, nfields, err, sizeof err) < 0)
		goto failed;
	/* An entry changed but no longer searchable leaves the index. */
	for (size_t i = 0; i < nch; i++) {
		long long id = ch[i].entry_id;
		int present = 0;
		for (size_t j = 0; j < ndocs && !present; j++)
			present = docs[j].entry_id == id;
		if (!present && xi_delete(f->x, (unsigned)id, err, sizeof err) < 0)
			goto failed;
	}
	if (seal(f->x, to, err, sizeof err) < 0)
		goto failed;
	f->seq = to;
	return KBI_APPLIED;
failed:
	say(log, "search index: applying changes up to %llu failed: %s", to, err);
	/* Uncommitted changes are dropped with the handle; reopen next time. */
	xi_close(f->x);
	f->x = NULL;
	return KBI_FAILED;
}

enum kbi_step kbi_follow(struct kbi_follower *f, struct db *db,
			 const _Atomic int *stop, void (*log)(const char *))
{
	char name[256];
	arena_reset(&f->a);
	/* A rebuild elsewhere (hotlinectl kb reindex) made another current. */
	if (f->x != NULL && (read_current(f->root, name, sizeof name) < 0 ||
			     strcmp(name, f->target) != 0)) {
		xi_close(f->x);
		f->x = NULL;
	}
	if (f->x == NULL) {
		int o = open_current(f, log);
		if (o < 0)
			return KBI_LOCKED;
		if (o == 0) {
			struct kbi_stats st;
			char err[256];
			say(log, "search index under %s missing or of another format: rebuilding;"
				 " searches use SQL meanwhile", f->root);
			if (kbi_rebuild(db, f->root, stop, &st, err, sizeof err) < 0) {
				say(log, "search index rebuild failed: %s", err);
				return KBI_FAILED;
			}
			say(log, "search index rebuilt: %lld entries in %.1f s, %lld bytes, change %llu",
			    st.docs, st.seconds, st.bytes, st.seq);
			return KBI_REBUILT;
		}
	}
	return apply_changes(f, db, log);
}
