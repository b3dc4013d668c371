#include "kb_bench.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "bigram.h"

#define ROWS 100   /* rows per multi-row INSERT */

/* Topic words appear in titles and keywords (each in about 1 entry in
 * 60); the body is filler made of random two-character words, so that a
 * topic search hits a few per cent of the rows, as real queries do. */
static const char *const topics[] = {
	"社保", "医保", "公积金", "户口", "身份证", "护照", "港澳通行证", "驾驶证",
	"行驶证", "不动产", "房产证", "入学", "学位", "转学", "退休", "养老金",
	"失业金", "工伤", "生育", "低保", "残疾", "婚姻", "出生", "疫苗", "供水",
	"供电", "燃气", "电话", "宽带", "营业执照", "个体户", "税务", "发票",
	"违章", "罚款", "停车", "公交", "出租车", "垃圾", "噪音", "油烟", "占道",
	"物业", "维修", "补贴", "津贴", "证明", "备案", "登记", "变更", "注销",
	"迁移", "补办", "换领", "挂失", "查询", "缴费", "转移", "接续", "报销",
};
#define NTOPICS (sizeof topics / sizeof topics[0])
static const char *const tails[] = {
	"怎么办理", "需要什么材料", "在哪里办", "多久能办好", "收费吗", "可以网上办吗",
};
static const char filler[] =
	"的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
	"同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二"
	"理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那义"
	"事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结";

static unsigned next_rand(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 8) & 0xFFFFFF;
}

/* A random filler character (3 bytes of UTF-8) appended to b. */
static void filler_char(struct buf *b, unsigned *s)
{
	size_t nchars = (sizeof filler - 1) / 3;
	buf_add(b, filler + 3 * (next_rand(s) % nchars), 3);
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* "INSERT INTO t (cols) VALUES (?,..),(?,..)...": built once, then a
 * constant for the life of the process (the statement cache keys on it). */
static const char *multi_insert(struct arena *a, const char *head, int per_row)
{
	struct buf b;
	buf_init(&b, a);
	buf_puts(&b, head);
	for (int r = 0; r < ROWS; r++) {
		buf_puts(&b, r ? ",(" : " VALUES (");
		for (int c = 0; c < per_row; c++)
			buf_puts(&b, c ? ",?" : "?");
		buf_puts(&b, ")");
	}
	return buf_str(&b);
}

static void pi(struct db_param *p, long long v)
{
	p->type = 'i';
	p->i = v;
}

static void ps(struct db_param *p, const char *s)
{
	p->type = 's';
	p->p = s;
	p->len = (unsigned long)strlen(s);
}

/* The full-text indexes of kb_search (sql/002_kb.sql). A bulk load drops
 * them and builds each afterwards in one sorted pass, as a restore would:
 * four indexes kept up to date row by row cost more than the load itself. */
static const char *const ft_indexes[][2] = {
	{ "ft_kb_title", "title_bg" }, { "ft_kb_keywords", "keywords_bg" },
	{ "ft_kb_pub", "pub_bg" }, { "ft_kb_all", "all_bg" },
};
#define NFT (sizeof ft_indexes / sizeof ft_indexes[0])

static int ft_drop(struct db *db, struct arena *a)
{
	int rc = DB_OK;
	for (size_t i = 0; rc == DB_OK && i < NFT; i++)
		rc = db_exec_text(db, arena_printf(a, "ALTER TABLE kb_search DROP INDEX IF EXISTS %s",
						   ft_indexes[i][0]));
	return rc;
}

/* InnoDB builds one FULLTEXT index per statement. */
static int ft_build(struct db *db, struct arena *a)
{
	int rc = DB_OK;
	for (size_t i = 0; rc == DB_OK && i < NFT; i++)
		rc = db_exec_text(db, arena_printf(a,
			"ALTER TABLE kb_search ADD FULLTEXT INDEX IF NOT EXISTS %s (%s)",
			ft_indexes[i][0], ft_indexes[i][1]));
	return rc;
}

static int load_rows(struct db *db, struct arena *a, const struct dbres *units,
		     long long have, long long n);

int kb_bench_load(struct db *db, long long n)
{
	static const char *const count_sql =
		"SELECT COUNT(*) FROM kb_entries WHERE id >= 1000000";
	static const char *const units_sql =
		"SELECT id FROM units WHERE kind IN ('department', 'enterprise') ORDER BY id";
	struct arena a;
	arena_init(&a, 1 << 20);
	struct dbres cnt, units;
	int rc = db_run(db, &a, count_sql, &cnt, "");
	if (rc == DB_OK)
		rc = db_run(db, &a, units_sql, &units, "");
	long long have = rc == DB_OK ? db_int(&cnt, 0, 0) : 0;
	if (rc != DB_OK || have >= n || units.nrows == 0) {
		if (rc == DB_OK)
			printf("bench entries: %lld\n", have);
		arena_free(&a);
		return rc;
	}
	double t0 = now();
	rc = ft_drop(db, &a);
	if (rc == DB_OK)
		rc = load_rows(db, &a, &units, have, n);
	double t1 = now();
	/* Rebuilt whatever happened, so a failed load leaves search working. */
	int rb = ft_build(db, &a);
	double t2 = now();
	if (rc == DB_OK)
		rc = rb;
	if (rc == DB_OK)
		printf("bench entries: %lld rows_s=%.1f index_s=%.1f\n", n, t1 - t0, t2 - t1);
	arena_free(&a);
	return rc;
}

static int load_rows(struct db *db, struct arena *a, const struct dbres *units,
		     long long have, long long n)
{
	int rc = DB_OK;
	static const char *ins_entry, *ins_version, *ins_field, *ins_search;
	static struct arena sql_arena;
	if (ins_entry == NULL) {
		arena_init(&sql_arena, 1 << 16);
		ins_entry = multi_insert(&sql_arena,
			"INSERT INTO kb_entries (id, unit_id, kind, visibility,"
			" published_version_id)", 5);
		ins_version = multi_insert(&sql_arena,
			"INSERT INTO kb_versions (id, entry_id, version_no, state, title,"
			" keywords, change_date, due_date, visibility)", 9);
		ins_field = multi_insert(&sql_arena,
			"INSERT INTO kb_fields (version_id, name, value)", 3);
		ins_search = multi_insert(&sql_arena,
			"INSERT INTO kb_search (entry_id, version_id, unit_id, kind, visibility,"
			" title, summary, title_bg, keywords_bg, pub_bg, all_bg)", 11);
	}
	unsigned seed = 20261129u + (unsigned)have;
	struct db_param *pe = arena_alloc(a, ROWS * 5 * sizeof *pe);
	struct db_param *pv = arena_alloc(a, ROWS * 9 * sizeof *pv);
	struct db_param *pf = arena_alloc(a, ROWS * 3 * sizeof *pf);
	struct db_param *psr = arena_alloc(a, ROWS * 11 * sizeof *psr);
	struct arena rows;
	arena_init(&rows, 1 << 20);
	for (long long base = have; rc == DB_OK && base < n; base += ROWS) {
		/* One transaction per ten statements' worth of rows: fewer
		 * commits, fewer syncs of the full-text index cache. */
		if ((base - have) % (10 * ROWS) == 0)
			rc = db_begin(db);
		for (int r = 0; rc == DB_OK && r < ROWS; r++) {
			long long i = base + r, id = KB_BENCH_FIRST_ID + i;
			const char *topic = topics[next_rand(&seed) % NTOPICS];
			struct buf t, body;
			buf_init(&t, &rows);
			buf_init(&body, &rows);
			buf_puts(&t, topic);
			filler_char(&t, &seed);
			filler_char(&t, &seed);
			buf_puts(&t, tails[next_rand(&seed) % 6]);
			const char *title = buf_str(&t);
			const char *kw = arena_printf(&rows, "%s %s", topic,
						      topics[next_rand(&seed) % NTOPICS]);
			for (int w = 0; w < 60; w++) {
				filler_char(&body, &seed);
				if (w % 12 == 11)
					buf_puts(&body, "。");
			}
			const char *text = buf_str(&body);
			const char *answer = arena_printf(&rows, "<p>%s</p>", text);
			const char *vis = i % 10 == 0 ? "internal" : "public";
			long long unit = db_int(units, (size_t)(i % (long long)units->nrows), 0);
			const char *all = arena_printf(&rows, "%s\n%s\n%s\n%s", title, kw, title, text);
			pi(&pe[r * 5], id); pi(&pe[r * 5 + 1], unit); ps(&pe[r * 5 + 2], "faq");
			ps(&pe[r * 5 + 3], vis); pi(&pe[r * 5 + 4], id);
			pi(&pv[r * 9], id); pi(&pv[r * 9 + 1], id); pi(&pv[r * 9 + 2], 1);
			ps(&pv[r * 9 + 3], "published"); ps(&pv[r * 9 + 4], title);
			ps(&pv[r * 9 + 5], kw); ps(&pv[r * 9 + 6], "2026-06-01");
			ps(&pv[r * 9 + 7], "2026-06-08");
			ps(&pv[r * 9 + 8], vis);
			pi(&pf[r * 3], id); ps(&pf[r * 3 + 1], "answer"); ps(&pf[r * 3 + 2], answer);
			struct db_param *s = &psr[r * 11];
			pi(&s[0], id); pi(&s[1], id); pi(&s[2], unit); ps(&s[3], "faq");
			ps(&s[4], vis); ps(&s[5], title);
			ps(&s[6], arena_strndup(&rows, text, 3 * 40));
			ps(&s[7], bg_index_text(&rows, title));
			ps(&s[8], bg_index_text(&rows, kw));
			const char *bg = bg_index_text(&rows, all);
			ps(&s[9], bg);
			ps(&s[10], bg);
		}
		/* Questions go in as a second field batch below. */
		if (rc == DB_OK)
			rc = db_run_params(db, &rows, ins_entry, NULL, pe, ROWS * 5);
		if (rc == DB_OK)
			rc = db_run_params(db, &rows, ins_version, NULL, pv, ROWS * 9);
		if (rc == DB_OK)
			rc = db_run_params(db, &rows, ins_field, NULL, pf, ROWS * 3);
		if (rc == DB_OK) {
			for (int r = 0; r < ROWS; r++)
				ps(&pf[r * 3 + 1], "question"), pf[r * 3 + 2] = pv[r * 9 + 4];
			rc = db_run_params(db, &rows, ins_field, NULL, pf, ROWS * 3);
		}
		if (rc == DB_OK)
			rc = db_run_params(db, &rows, ins_search, NULL, psr, ROWS * 11);
		if (rc == DB_OK && ((base - have) % (10 * ROWS) == 9 * ROWS || base + ROWS >= n))
			rc = db_commit(db);
		else if (rc != DB_OK)
			db_rollback(db);
		arena_reset(&rows);
	}
	arena_free(&rows);
	return rc;
}
