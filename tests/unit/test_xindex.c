/* The Xapian shim (xindex.cc) on an index in a temporary directory:
 * writing, committing, what a reader sees and when, the OR query with its
 * filter, second spelling and prefix, the matched terms and their wdf,
 * document frequencies, metadata and the writer's lock. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xindex.h"

static char dir[64];
static char err[256];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/test_xindex.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Removes the index: Xapian keeps its files flat in dir. */
static void teardown(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char f[512];
	while (d != NULL && (e = readdir(d)) != NULL) {
		snprintf(f, sizeof f, "%s/%s", dir, e->d_name);
		if (e->d_name[0] != '.')
			unlink(f);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
}

static struct xi *writer(void)
{
	int locked = 0;
	struct xi *x = xi_open_write(dir, 1, &locked, err, sizeof err);
	ck_assert_msg(x != NULL, "open for writing: %s", err);
	return x;
}

static void put(struct xi *x, unsigned id, const char *data, const char *const *terms,
		const unsigned *wdf)
{
	struct xi_posting p[16];
	size_t n = 0;
	for (; terms[n]; n++)
		p[n] = (struct xi_posting){ terms[n], wdf[n] };
	ck_assert_int_eq(xi_replace(x, id, p, n, data, err, sizeof err), 0);
}

START_TEST(a_reader_sees_what_is_committed)
{
	struct xi *w = writer();
	put(w, 7, "低保申请", (const char *[]){ "低保", "申请", "Vpublic", NULL },
	    (unsigned[]){ 6, 1, 0 });
	ck_assert_int_eq(xi_commit(w, err, sizeof err), 0);
	struct xi *r = xi_open_read(dir, err, sizeof err);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(xi_doccount(r), 1);
	char data[64];
	ck_assert_int_eq(xi_data(r, 7, data, sizeof data), 0);
	ck_assert_str_eq(data, "低保申请");

	/* Not before the commit, then after a reopen. */
	put(w, 8, "户口迁移", (const char *[]){ "户口", "迁移", "Vinternal", NULL },
	    (unsigned[]){ 6, 6, 0 });
	ck_assert_int_eq(xi_reopen(r, err, sizeof err), 0);
	ck_assert_int_eq(xi_doccount(r), 1);
	ck_assert_int_eq(xi_commit(w, err, sizeof err), 0);
	ck_assert_int_eq(xi_reopen(r, err, sizeof err), 0);
	ck_assert_int_eq(xi_doccount(r), 2);

	/* Replacing keeps one document; deleting a missing one is fine. */
	put(w, 7, "低保", (const char *[]){ "低保", "Vpublic", NULL }, (unsigned[]){ 6, 0 });
	ck_assert_int_eq(xi_delete(w, 99, err, sizeof err), 0);
	ck_assert_int_eq(xi_delete(w, 8, err, sizeof err), 0);
	ck_assert_int_eq(xi_commit(w, err, sizeof err), 0);
	ck_assert_int_eq(xi_reopen(r, err, sizeof err), 0);
	ck_assert_int_eq(xi_doccount(r), 1);
	xi_close(r);
	xi_close(w);
}
END_TEST

START_TEST(metadata_and_the_writers_lock)
{
	struct xi *w = writer();
	ck_assert_int_eq(xi_meta_set(w, "seq", "42"), 0);
	ck_assert_int_eq(xi_commit(w, err, sizeof err), 0);
	int locked = 0;
	struct xi *w2 = xi_open_write(dir, 0, &locked, err, sizeof err);
	ck_assert_ptr_null(w2);
	ck_assert_int_eq(locked, 1);
	struct xi *r = xi_open_read(dir, err, sizeof err);
	char v[16];
	ck_assert_int_eq(xi_meta_get(r, "seq", v, sizeof v), 0);
	ck_assert_str_eq(v, "42");
	ck_assert_int_eq(xi_meta_get(r, "absent", v, sizeof v), 0);
	ck_assert_str_eq(v, "");
	/* A reader cannot write. */
	ck_assert_int_eq(xi_meta_set(r, "seq", "1"), -1);
	ck_assert_int_eq(xi_commit(r, err, sizeof err), -1);
	xi_close(r);
	xi_close(w);
	ck_assert_ptr_null(xi_open_read("/nonexistent/index", err, sizeof err));
}
END_TEST

START_TEST(the_or_query_reports_matched_terms)
{
	struct xi *w = writer();
	put(w, 1, "", (const char *[]){ "低保", "申请", "Vpublic", NULL }, (unsigned[]){ 6, 1, 0 });
	put(w, 2, "", (const char *[]){ "申请", "材料", "Vpublic", NULL }, (unsigned[]){ 1, 1, 0 });
	put(w, 3, "", (const char *[]){ "低保", "I申请", "Vinternal", NULL },
	    (unsigned[]){ 1, 1, 0 });
	put(w, 4, "", (const char *[]){ "税务", "Vpublic", NULL }, (unsigned[]){ 1, 0 });
	ck_assert_int_eq(xi_commit(w, err, sizeof err), 0);

	struct xi_qterm q[] = { { "低保", 1, 0 }, { "申请", 1, 0 } };
	struct xi_hit h[8];
	size_t n = 0;
	unsigned long df[2], ndocs = 0;
	ck_assert_int_eq(xi_termfreq(w, q, 2, df, &ndocs, err, sizeof err), 0);
	ck_assert_int_eq(ndocs, 4);
	ck_assert_int_eq(df[0], 2);
	ck_assert_int_eq(df[1], 2);

	/* The public: documents with either term, public ones only. */
	ck_assert_int_eq(xi_search(w, q, 2, "Vpublic", NULL, 8, h, &n, err, sizeof err), 0);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(h[0].docid, 1);        /* both terms, the title weight */
	ck_assert_int_eq(h[0].matched, 3);
	ck_assert_int_eq(h[0].wdf[0], 6);
	ck_assert_int_eq(h[0].wdf[1], 1);
	ck_assert_int_eq(h[1].docid, 2);
	ck_assert_int_eq(h[1].matched, 2);

	/* Staff: the internal field's spelling counts as the term. */
	ck_assert_int_eq(xi_search(w, q, 2, NULL, "I", 8, h, &n, err, sizeof err), 0);
	ck_assert_int_eq(n, 3);
	for (size_t i = 0; i < n; i++)
		if (h[i].docid == 3)
			ck_assert_int_eq(h[i].matched, 3);

	/* A term of weight 0 is left out of the query. */
	q[1].weight = 0;
	ck_assert_int_eq(xi_search(w, q, 2, NULL, NULL, 8, h, &n, err, sizeof err), 0);
	ck_assert_int_eq(n, 2);
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(h[i].matched, 1);

	/* A prefix matches every term it begins. */
	struct xi_qterm p[] = { { "税", 1, 1 } };
	ck_assert_int_eq(xi_search(w, p, 1, NULL, NULL, 8, h, &n, err, sizeof err), 0);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(h[0].docid, 4);
	ck_assert_int_eq(h[0].matched, 1);
	ck_assert_int_eq(xi_termfreq(w, p, 1, df, &ndocs, err, sizeof err), 0);
	ck_assert_int_eq(df[0], 1);

	/* Too many terms is an error, not a crash. */
	struct xi_qterm many[XI_MAX_TERMS + 1];
	for (size_t i = 0; i <= XI_MAX_TERMS; i++)
		many[i] = (struct xi_qterm){ "低保", 1, 0 };
	ck_assert_int_eq(xi_search(w, many, XI_MAX_TERMS + 1, NULL, NULL, 8, h, &n, err,
				   sizeof err), -1);
	xi_close(w);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("xindex");
	TCase *tc = tcase_create("xindex");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_reader_sees_what_is_committed);
	tcase_add_test(tc, metadata_and_the_writers_lock);
	tcase_add_test(tc, the_or_query_reports_matched_terms);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
