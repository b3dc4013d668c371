/*
 * relevance: how well knowledge search answers callers' questions.
 *
 * Reads tests/relevance/questions.tsv (a question, then the titles of the
 * public entries that answer it, or NONE), builds a search index of the
 * database's published entries in a directory of its own, and asks every
 * question of the index engine and of the SQL search, as the public page
 * does (kb_find, public entries only). Prints per engine:
 *
 *   relevance engine=E hit@3=N% mrr=N no_answer_correct=N% questions=N none=N
 *
 * hit@3: answerable questions with an expected entry among the first
 * three results; mrr: the mean of 1/rank of the first expected entry in
 * the first page (0 when absent); no_answer_correct: NONE questions
 * answered "没有找到". -v prints every question that missed; -s 0|1 keeps
 * only the even or odd lines (a half to tune on, a half held out).
 *
 * usage: relevance -c CONFIG -q questions.tsv -i INDEX_DIR [-v] [-s 0|1]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "config.h"
#include "db.h"
#include "kb_index.h"
#include "kb_search.h"

#define MAX_Q 2000
#define MAX_EXPECT 3

struct question {
	const char *text;
	long long expect[MAX_EXPECT];
	int nexpect;      /* 0: NONE */
	int line;
};

static const char *const titles_sql =
	"SELECT entry_id, title FROM kb_search WHERE visibility = 'public'";

static struct arena arena;

/* The entry id of a public title, or -1 (the file names a title that the
 * database does not have: a broken test set). */
static long long title_id(const struct dbres *t, const char *title)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (strcmp(db_cell(t, i, 1), title) == 0)
			return db_int(t, i, 0);
	return -1;
}

static char *trim(char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static int load(const char *path, const struct dbres *titles, int split,
		struct question *q, int *nq)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		perror(path);
		return -1;
	}
	char line[4096];
	int lineno = 0, bad = 0, data = 0;
	*nq = 0;
	while (fgets(line, sizeof line, f) != NULL && *nq < MAX_Q) {
		lineno++;
		char *s = trim(line);
		if (*s == '#' || *s == '\0')
			continue;
		char *tab = strchr(s, '\t');
		if (tab == NULL) {
			fprintf(stderr, "%s:%d: no tab\n", path, lineno);
			bad = 1;
			continue;
		}
		*tab = '\0';
		if (split >= 0 && data++ % 2 != split)
			continue;
		struct question *x = &q[*nq];
		x->text = arena_strdup(&arena, trim(s));
		x->line = lineno;
		x->nexpect = 0;
		char *rest = trim(tab + 1);
		if (strcmp(rest, "NONE") != 0) {
			for (char *t = strtok(rest, "|"); t && x->nexpect < MAX_EXPECT;
			     t = strtok(NULL, "|")) {
				long long id = title_id(titles, trim(t));
				if (id < 0) {
					fprintf(stderr, "%s:%d: no public entry titled %s\n", path,
						lineno, trim(t));
					bad = 1;
				}
				x->expect[x->nexpect++] = id;
			}
		}
		(*nq)++;
	}
	fclose(f);
	return bad ? -1 : 0;
}

/* 1-based rank of the first expected entry among the hits, or 0. */
static int first_rank(const struct question *x, const struct kb_found *f)
{
	for (size_t i = 0; i < f->n; i++)
		for (int j = 0; j < x->nexpect; j++)
			if (f->hits[i].entry_id == x->expect[j])
				return (int)i + 1;
	return 0;
}

static void show(const struct question *x, const struct kb_found *f, const char *why)
{
	printf("  %s line %d: %s\n", why, x->line, x->text);
	for (size_t i = 0; i < f->n && i < 3; i++)
		printf("      %zu. #%lld %s (coverage %.2f, prominence %.2f)\n", i + 1,
		       f->hits[i].entry_id, f->hits[i].title, f->hits[i].coverage,
		       f->hits[i].prominence);
}

static int run(struct db *db, struct kbi_reader *rd, enum kb_engine e, const char *name,
	       const struct question *q, int nq, int verbose)
{
	int answerable = 0, hit3 = 0, none = 0, none_ok = 0;
	double rr = 0;
	for (int i = 0; i < nq; i++) {
		struct arena a;
		arena_init(&a, 1 << 16);
		struct kb_found f;
		if (kb_find(db, &a, rd, e, q[i].text, 1, 1, &f) != DB_OK) {
			fprintf(stderr, "relevance: search failed: %s\n", db_error(db));
			arena_free(&a);
			return -1;
		}
		if (e == KB_ENGINE_INDEX && f.engine != KB_ENGINE_INDEX) {
			fprintf(stderr, "relevance: the index did not answer\n");
			arena_free(&a);
			return -1;
		}
		if (q[i].nexpect == 0) {
			none++;
			none_ok += f.n == 0;
			if (verbose && f.n > 0)
				show(&q[i], &f, "false hit");
		} else {
			answerable++;
			int r = first_rank(&q[i], &f);
			hit3 += r >= 1 && r <= 3;
			rr += r > 0 ? 1.0 / r : 0;
			if (verbose && !(r >= 1 && r <= 3))
				show(&q[i], &f, r ? "ranked low" : "missed");
			if (verbose > 1 && r >= 1 && r <= 3)
				show(&q[i], &f, "found");
		}
		arena_free(&a);
	}
	printf("relevance engine=%s hit@3=%.0f%% mrr=%.2f no_answer_correct=%.0f%%"
	       " questions=%d none=%d\n", name,
	       answerable ? 100.0 * hit3 / answerable : 0, answerable ? rr / answerable : 0,
	       none ? 100.0 * none_ok / none : 0, answerable, none);
	return 0;
}

int main(int argc, char **argv)
{
	const char *conf = NULL, *qpath = NULL, *index = NULL;
	int verbose = 0, split = -1, opt;
	while ((opt = getopt(argc, argv, "c:q:i:vs:")) != -1) {
		if (opt == 'c')
			conf = optarg;
		else if (opt == 'q')
			qpath = optarg;
		else if (opt == 'i')
			index = optarg;
		else if (opt == 'v')
			verbose++;
		else if (opt == 's')
			split = atoi(optarg) & 1;
		else
			return 2;
	}
	struct config cfg;
	if (conf == NULL || qpath == NULL || index == NULL || config_load(&cfg, conf) < 0) {
		fprintf(stderr, "usage: relevance -c CONFIG -q questions.tsv -i INDEX_DIR [-v] [-s 0|1]\n");
		return 2;
	}
	arena_init(&arena, 1 << 16);
	struct db *db = db_new(&cfg);
	struct dbres titles;
	static struct question q[MAX_Q];
	int nq = 0;
	if (db_exec0(db, &arena, titles_sql, &titles) != DB_OK) {
		fprintf(stderr, "relevance: %s\n", db_error(db));
		return 1;
	}
	if (load(qpath, &titles, split, q, &nq) < 0)
		return 1;
	struct kbi_stats st;
	char err[256];
	if (kbi_rebuild(db, index, NULL, &st, err, sizeof err) < 0) {
		fprintf(stderr, "relevance: building the index: %s\n", err);
		return 1;
	}
	struct kbi_reader *rd = kbi_reader_new(index);
	int rc = run(db, rd, KB_ENGINE_INDEX, "xapian", q, nq, verbose);
	if (rc == 0)
		rc = run(db, NULL, KB_ENGINE_SQL, "sql", q, nq, verbose);
	kbi_reader_free(rd);
	db_free(db);
	arena_free(&arena);
	return rc == 0 ? 0 : 1;
}
