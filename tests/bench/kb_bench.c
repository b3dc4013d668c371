#include "kb_bench.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "batch.h"
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

int kb_bench_load(struct db *db, struct arena *a, long long n)
{
	static const char *const count_sql =
		"SELECT COUNT(*) FROM kb_entries WHERE id >= 1000000";
	static const char *const units_sql =
		"SELECT id FROM units WHERE kind IN ('department', 'enterprise') ORDER BY id";
	struct dbres cnt, units;
	int rc = db_exec0(db, a, count_sql, &cnt);
	if (rc == DB_OK)
		rc = db_exec0(db, a, units_sql, &units);
	long long have = rc == DB_OK ? db_int(&cnt, 0, 0) : 0;
	if (rc != DB_OK || have >= n || units.nrows == 0) {
		if (rc == DB_OK)
			printf("bench entries: %lld\n", have);
		return rc;
	}
	double t0 = now();
	rc = ft_drop(db, a);
	if (rc == DB_OK)
		rc = load_rows(db, a, &units, have, n);
	double t1 = now();
	/* Rebuilt whatever happened, so a failed load leaves search working. */
	int rb = ft_build(db, a);
	double t2 = now();
	if (rc == DB_OK)
		rc = rb;
	if (rc == DB_OK)
		printf("bench entries: %lld rows_s=%.1f index_s=%.1f\n", n, t1 - t0, t2 - t1);
	return rc;
}

static int load_rows(struct db *db, struct arena *a, const struct dbres *units,
		     long long have, long long n)
{
	static const char fields_head[] = "INSERT INTO kb_fields (version_id, name, value)";
	struct batch entries, versions, answers, questions, search;
	batch_init(&entries, a, "INSERT INTO kb_entries (id, unit_id, kind, visibility,"
		   " published_version_id)", 5, ROWS);
	batch_init(&versions, a, "INSERT INTO kb_versions (id, entry_id, version_no, state,"
		   " title, keywords, change_date, due_date, visibility)", 9, ROWS);
	batch_init(&answers, a, fields_head, 3, ROWS);
	batch_init(&questions, a, fields_head, 3, ROWS);
	batch_init(&search, a, "INSERT INTO kb_search (entry_id, version_id, unit_id, kind,"
		   " visibility, title, summary, title_bg, keywords_bg, pub_bg, all_bg)", 11, ROWS);
	/* In this order: each refers to the rows before it. */
	struct batch *const all[] = { &entries, &versions, &answers, &questions, &search };
	unsigned seed = 20261129u + (unsigned)have;
	int rc = DB_OK;
	struct arena rows;
	arena_init(&rows, 1 << 20);
	for (long long base = have; rc == DB_OK && base < n; base += ROWS) {
		/* One transaction per ten statements' worth of rows: fewer
		 * commits, fewer syncs of the full-text index cache. */
		if ((base - have) % (10 * ROWS) == 0)
			rc = db_begin(db);
		for (long long i = base; i < base + ROWS && i < n; i++) {
			long long id = KB_BENCH_FIRST_ID + i;
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
			const char *vis = i % 10 == 0 ? "internal" : "public";
			long long unit = db_int(units, (size_t)(i % (long long)units->nrows), 0);
			const char *all_text = arena_printf(&rows, "%s\n%s\n%s\n%s", title, kw,
							    title, text);
			struct db_param *p = batch_row(&entries);
			p[0] = DB_I(id); p[1] = DB_I(unit); p[2] = DB_S("faq");
			p[3] = DB_S(vis); p[4] = DB_I(id);
			p = batch_row(&versions);
			p[0] = DB_I(id); p[1] = DB_I(id); p[2] = DB_I(1);
			p[3] = DB_S("published"); p[4] = DB_S(title); p[5] = DB_S(kw);
			p[6] = DB_S("2026-06-01"); p[7] = DB_S("2026-06-08"); p[8] = DB_S(vis);
			p = batch_row(&answers);
			p[0] = DB_I(id); p[1] = DB_S("answer");
			p[2] = DB_S(arena_printf(&rows, "<p>%s</p>", text));
			p = batch_row(&questions);
			p[0] = DB_I(id); p[1] = DB_S("question"); p[2] = DB_S(title);
			p = batch_row(&search);
			p[0] = DB_I(id); p[1] = DB_I(id); p[2] = DB_I(unit); p[3] = DB_S("faq");
			p[4] = DB_S(vis); p[5] = DB_S(title);
			p[6] = DB_S(arena_strndup(&rows, text, 3 * 40));
			p[7] = DB_S(bg_index_text(&rows, title));
			p[8] = DB_S(bg_index_text(&rows, kw));
			const char *bg = bg_index_text(&rows, all_text);
			p[9] = DB_S(bg);
			p[10] = DB_S(bg);
		}
		for (size_t k = 0; rc == DB_OK && k < sizeof all / sizeof all[0]; k++)
			rc = batch_flush(db, &rows, all[k]);
		if (rc == DB_OK && ((base - have) % (10 * ROWS) == 9 * ROWS || base + ROWS >= n))
			rc = db_commit(db);
		else if (rc != DB_OK)
			db_rollback(db);
		arena_reset(&rows);
	}
	arena_free(&rows);
	return rc;
}
