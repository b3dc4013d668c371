/* The public knowledge pages (U4, K8): they show published public entries
 * only, never notes, drafts, internal or obsolete ones; answers are
 * sanitised; visitors vote once a day from the site's own pages (issue 11,
 * item 8); nginx micro-caches the browse and entry pages, never search
 * results, staff pages or errors; errors keep the public layout. */
#include <stdio.h>
#include <string.h>

#include "entries.h"

/* Errors on the public page keep the public layout (the brand, the nav's
 * 知识查询 and 工单查询, the way back): no link to the staff workbench. */
START_TEST(public_errors_stay_public)
{
	struct web w;
	start(&w);
	GET(&w, "/kb/e/999999999", 404);
	ck_assert_int_eq(count(&w, "//a[@href='/kb']"), 3);
	ck_assert_int_eq(count(&w, "//nav[@class='public-nav']/a[@href='/status']"), 1);
	ck_assert_int_eq(count(&w, "//a[@href='/']"), 0);
	ck_assert_int_eq(count(&w, "//nav[@class='main']"), 0);
	web_free(&w);
}
END_TEST

START_TEST(public_page_leaks_nothing)
{
	struct web ed, ap, op, anon;
	char m_int[64], m_draft[64], m_obs[64], m_note[64], m_pub[64];
	char t_int[256], t_draft[256], t_obs[256], t_pub[256], a_int[256], notes[256];
	char path[256], page[96];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	start(&anon);
	word(m_int, sizeof m_int, "leakint");
	word(m_draft, sizeof m_draft, "leakdraft");
	word(m_obs, sizeof m_obs, "leakobs");
	word(m_note, sizeof m_note, "leaknote");
	word(m_pub, sizeof m_pub, "leakpub");

	snprintf(t_int, sizeof t_int, "社保基金稽核内部口径 %s", m_int);
	snprintf(a_int, sizeof a_int, "<p>内部掌握：稽核比例按上年度的百分之五执行 %s。</p>", m_int);
	struct faq fi = { t_int, "稽核 内部", "internal", NULL, a_int, NULL, 1 };
	long e_int = published_faq(&ed, &ap, &fi, NULL);

	snprintf(t_draft, sizeof t_draft, "尚未审核的养老金调整方案 %s", m_draft);
	struct faq fd = { t_draft, "养老金 调整", "public", NULL, "<p>草稿内容 leak。</p>", NULL, 1 };
	long v_draft = new_faq(&ed, &fd);
	long e_draft = entry_of(&ed, v_draft);

	snprintf(t_obs, sizeof t_obs, "已废止的社保补贴 %s", m_obs);
	struct faq fo = { t_obs, "补贴 废止", "public", NULL, "<p>旧政策。</p>", NULL, 1 };
	long e_obs = published_faq(&ed, &ap, &fo, NULL);
	ck_assert_int_eq(web_act_from(&ed, pathf(page, sizeof page, "/knowledge/entries/%ld", e_obs),
				      pathf(path, sizeof path, "/knowledge/entries/%ld/obsolete", e_obs),
				      "reason=%E5%BA%9F%E6%AD%A2"), 303);

	snprintf(t_pub, sizeof t_pub, "社保卡可以跨省使用吗 %s", m_pub);
	snprintf(notes, sizeof notes, "答复时不要承诺具体办结时间 %s", m_note);
	struct faq fp = { t_pub, "社保卡 跨省", "public", NULL,
			  "<p>可以，持卡可在全国联网定点医院结算。</p>", notes, 1 };
	long e_pub = published_faq(&ed, &ap, &fp, NULL);

	GET(&op, pathf(path, sizeof path, "/knowledge/entries/%ld", e_int), 200);
	ck_assert_msg(strstr(text(&op, "//p[@class='meta']"), "内部") != NULL,
		      "internal entry not marked 内部: %s", text(&op, "//p[@class='meta']"));

	/* An open draft that would make the internal entry public changes
	 * nothing on the public page before it is approved. */
	long v_int2 = redraft(&ed, e_int);
	fi.visibility = "public";
	fi.submit = 0;
	edit_faq(&ed, v_int2, &fi);

	const char *markers[] = { m_int, m_draft, m_obs, m_note };
	const long hidden[] = { e_int, e_draft, e_obs };

	/* Search. */
	for (size_t i = 0; i < 4; i++) {
		ck_assert_msg(finds(&anon, 1, markers[i], 0) == 0,
			      "public search for %s finds something", markers[i]);
		ck_assert_msg(!results_show(&anon, markers[i]), "%s in results", markers[i]);
		ck_assert_int_eq(count(&anon, "//p[@class='alert' and contains(., '没有找到')]"), 1);
	}
	ck_assert_int_eq(finds(&anon, 1, "社保基金稽核内部口径", e_int), 0);
	ck_assert_int_eq(finds(&anon, 1, "养老金调整方案", e_draft), 0);
	ck_assert_int_eq(finds(&anon, 1, m_pub, e_pub), 1);
	ck_assert_msg(!body_has(&anon, m_note), "notes in the public results");

	/* Browsing, as the application answers now. */
	char browse[5][96];
	long hrss = unit_id("city-hrss");
	snprintf(browse[0], sizeof browse[0], "/kb");
	snprintf(browse[1], sizeof browse[1], "/kb?kind=faq");
	snprintf(browse[2], sizeof browse[2], "/kb?unit_id=%ld", hrss);
	snprintf(browse[3], sizeof browse[3], "/kb?kind=faq&unit_id=%ld", hrss);
	snprintf(browse[4], sizeof browse[4], "/kb?kind=faq&unit_id=%ld&page=1", hrss);
	for (size_t b = 0; b < 5; b++) {
		ck_assert_int_eq(public_fresh(&anon, browse[b]), 200);
		for (size_t i = 0; i < 4; i++)
			ck_assert_msg(!body_has(&anon, markers[i]), "%s shows %s", browse[b],
				      markers[i]);
		for (size_t i = 0; i < 3; i++)
			ck_assert_int_eq(count(&anon, "//a[@href='/kb/e/%ld']", hidden[i]), 0);
	}
	ck_assert_int_eq(public_fresh(&anon, browse[3]), 200);
	ck_assert_msg(count(&anon, "//ol[@class='results']/li/a[@href='/kb/e/%ld']", e_pub) == 1,
		      "the public FAQ is not browsable (the browse check proves nothing)");

	/* Entry pages. */
	for (size_t i = 0; i < 3; i++) {
		public_entry(&anon, hidden[i], 404);
		for (size_t k = 0; k < 4; k++)
			ck_assert_msg(!body_has(&anon, markers[k]), "404 page shows %s", markers[k]);
	}
	public_entry(&anon, e_pub, 200);
	ck_assert_msg(!body_has(&anon, m_note), "public entry shows the 答复口径 marker");
	ck_assert_msg(!body_has(&anon, "答复口径"), "public entry shows the 答复口径 field");
	ck_assert_int_eq(count(&anon, "//dd[@class='f-notes']"), 0);
	ck_assert_int_eq(count(&anon, "//dd[@class='f-answer']"), 1);
	POST(&anon, pathf(path, sizeof path, "/kb/e/%ld/vote", e_int), "vote=useful", 404);

	/* Staff see the internal entry and the notes. */
	ck_assert_int_eq(finds(&op, 0, m_int, e_int), 1);
	GET(&op, pathf(path, sizeof path, "/knowledge/entries/%ld", e_int), 200);
	ck_assert_msg(body_has(&op, m_int), "operator does not see the internal entry");
	ck_assert_int_eq(finds(&op, 0, m_note, e_pub), 1);
	GET(&op, pathf(path, sizeof path, "/knowledge/entries/%ld", e_pub), 200);
	ck_assert_msg(strstr(text(&op, "//dd[@class='f-notes']"), m_note) != NULL,
		      "operator does not see the notes");
	/* … but never another unit's draft. */
	ck_assert_int_eq(finds(&op, 0, m_draft, 0), 0);
	GET(&op, pathf(path, sizeof path, "/knowledge/entries/%ld", e_draft), 404);
	GET(&op, pathf(path, sizeof path, "/knowledge/versions/%ld", v_draft), 404);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&anon);
}
END_TEST

/* ---- sanitising ---------------------------------------------------------- */

/* The XSS payloads of the brief, and more of the usual corpus. */
static const char xss_answer[] =
	"<p>开头</p>"
	"<script>alert(1)</script><img src=x onerror=alert(2)>"
	"<a href=\"javascript:alert(3)\">x</a><p onclick=\"x()\">ok</p>"
	"<svg onload=alert(4)><circle r=\"1\"/></svg>"
	"<iframe src=\"javascript:alert(5)\"></iframe>"
	"<a href=\" JaVaScRiPt:alert(6)\">y</a>"
	"<a href=\"jav&#x09;ascript:alert(7)\">z</a>"
	"<a href=\"&#106;avascript:alert(8)\">e</a>"
	"<style>body{display:none}</style>"
	"<p style=\"background:url(javascript:alert(9))\">styled</p>"
	"<object data=\"javascript:alert(10)\"></object>"
	"<form action=\"javascript:alert(11)\"><input onfocus=alert(12) autofocus></form>"
	"<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxMyk8L3NjcmlwdD4=\">d</a>"
	"<math><mtext><table><mglyph><style><img src=x onerror=alert(14)>"
	"</style></mglyph></table></mtext></math>"
	"<table><tr><td onmouseover=\"alert(15)\">cell</td></tr></table>"
	"<scr<script>ipt>alert(16)</scr</script>ipt>"
	"<a href=\"https://www.gd.gov.cn/\">好链接</a>"
	"<ul><li><strong>粗体</strong></li></ul>"
	/* Last: libxml2's HTML 4 parser does not know <embed> as empty, so
	 * what follows it becomes its content and is dropped with it. */
	"<embed src=\"x.swf\"><p>after embed</p>";

static void assert_clean(struct web *w, const char *where)
{
	const char *scope = "//dl[@class='fields']";
	ck_assert_msg(count(w, "//script") == 0, "%s: script element", where);
	ck_assert_msg(count(w, "//img") == 0, "%s: img element", where);
	ck_assert_msg(count(w, "//@*[starts-with(translate(name(),'ON','on'),'on')]") == 0,
		      "%s: on* attribute", where);
	ck_assert_msg(count(w, "//@*[contains(translate(., 'ABCDEFGHIJKLMNOPQRSTUVWXYZ \t\r\n',"
				 " 'abcdefghijklmnopqrstuvwxyz'), 'javascript:')]") == 0,
		      "%s: javascript: URL", where);
	ck_assert_msg(count(w, "%s//*[self::iframe or self::object or self::embed or self::svg"
			    " or self::math or self::style or self::form or self::input]",
			    scope) == 0, "%s: active element in the fields", where);
	ck_assert_msg(count(w, "%s//@style", scope) == 0, "%s: style attribute", where);
	ck_assert_msg(count(w, "%s//a[starts-with(normalize-space(@href), 'data:')]", scope) == 0,
		      "%s: data: URL", where);
	ck_assert_msg(count(w, "%s//p[normalize-space(.)='ok']", scope) == 1,
		      "%s: the harmless paragraph is gone", where);
	ck_assert_msg(count(w, "%s//a[@href='https://www.gd.gov.cn/' and .='好链接']", scope) == 1,
		      "%s: the harmless link is gone", where);
	ck_assert_msg(count(w, "%s//li/strong[.='粗体']", scope) == 1,
		      "%s: the list with bold text is gone", where);
}

START_TEST(answers_are_sanitised)
{
	struct web ed, ap, anon, op;
	char title[256], path[96], w1[64];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	start(&anon);
	snprintf(title, sizeof title, "社保卡激活方式 %s", word(w1, sizeof w1, "xss"));
	struct faq q = { title, "社保卡 激活", "public", NULL, xss_answer, NULL, 1 };
	long vid = new_faq(&ed, &q);
	GET(&ap, pathf(path, sizeof path, "/knowledge/versions/%ld", vid), 200);
	assert_clean(&ap, "approver's version page");
	approve(&ap, vid);
	long eid = entry_of(&ed, vid);
	public_entry(&anon, eid, 200);
	assert_clean(&anon, "public entry page");
	GET(&op, pathf(path, sizeof path, "/knowledge/entries/%ld", eid), 200);
	assert_clean(&op, "operator's entry page");
	/* The result summary is text: the markup shows as nothing active. */
	ck_assert_int_eq(finds(&anon, 1, w1, eid), 1);
	ck_assert_int_eq(count(&anon, "//ol[@class='results']//*[self::script or self::img or self::a[contains(@href,'javascript')]]"), 0);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&anon);
}
END_TEST

/* ---- votes -------------------------------------------------------------- */

static const char *vote_label(struct web *w, const char *vote)
{
	char expr[160];
	snprintf(expr, sizeof expr, "//form[input[@name='vote' and @value='%s']]/button", vote);
	return text(w, expr);
}

/* Votes from the visitor w as the entry page's form would (the page's
 * Origin, no token: the page is shared through nginx's micro-cache).
 * Returns the status; *to gets the Location. */
static long vote(struct web *w, long eid, const char *v, char *to, size_t to_size)
{
	char action[96], body[64];
	snprintf(body, sizeof body, "vote=%s", v);
	long st = web_post(w, pathf(action, sizeof action, "/kb/e/%ld/vote", eid), body);
	if (to)
		snprintf(to, to_size, "%s", web_location(w) ? web_location(w) : "");
	return st;
}

START_TEST(public_votes_once_a_day)
{
	struct web ed, ap, anon;
	char title[256], w1[64], page[96], action[96], to[256];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	start(&anon);
	snprintf(title, sizeof title, "退休人员养老金资格认证怎么做 %s", word(w1, sizeof w1, "vt"));
	struct faq q = { title, "资格认证", "public", NULL, "<p>可在手机上刷脸认证。</p>", NULL, 1 };
	long eid = published_faq(&ed, &ap, &q, NULL);
	pathf(page, sizeof page, "/kb/e/%ld", eid);
	pathf(action, sizeof action, "/kb/e/%ld/vote", eid);

	public_entry(&anon, eid, 200);
	ck_assert_str_eq(vote_label(&anon, "useful"), "有用（0）");
	ck_assert_str_eq(vote_label(&anon, "useless"), "没用（0）");
	/* The page is the same for everyone: no token, no cookie. */
	ck_assert_int_eq(count(&anon, "//input[@name='csrf']"), 0);
	ck_assert_msg(!web_sets_cookie(&anon, "hl_pre"), "the public page sets a cookie");

	ck_assert_int_eq(vote(&anon, eid, "useful", to, sizeof to), 303);
	ck_assert_msg(strncmp(to, page, strlen(page)) == 0, "vote goes to %s", to);
	/* The page after a vote is the voter's own: never from the cache. */
	GET(&anon, to, 200);
	ck_assert_str_eq(vote_label(&anon, "useful"), "有用（1）");
	NOTICE_SAYS(&anon, "感谢");
	ck_assert_str_eq(web_header(&anon, "Cache-Control"), "no-store");

	/* Again the same day: not counted, and the visitor is told. */
	ck_assert_int_eq(vote(&anon, eid, "useful", to, sizeof to), 303);
	GET(&anon, to, 200);
	ck_assert_str_eq(vote_label(&anon, "useful"), "有用（1）");
	NOTICE_SAYS(&anon, "已评价");
	ck_assert_int_eq(vote(&anon, eid, "useless", to, sizeof to), 303);
	GET(&anon, to, 200);
	ck_assert_str_eq(vote_label(&anon, "useless"), "没用（0）");
	ck_assert_str_eq(vote_label(&anon, "useful"), "有用（1）");

	ck_assert_int_eq(vote(&anon, eid, "maybe", NULL, 0), 400);
	POST(&anon, "/kb/e/999999999/vote", "vote=useful", 404);
	web_free(&ed);
	web_free(&ap);
	web_free(&anon);
}
END_TEST

/* Item 8: the vote's same-origin check compares scheme, host and port; a
 * form posted from another site, or with no Origin, is refused. */
START_TEST(vote_origin_compares_scheme_host_and_port)
{
	struct web w;
	start(&w);
	GET(&w, "/kb", 200);
	const char *href = text(&w, "//a[starts-with(@href, '/kb/e/')]/@href");
	ck_assert_msg(*href, "no public entry listed");
	char path[128];
	snprintf(path, sizeof path, "%s/vote", href);
	char base[256], host[100], bad[8][300];
	snprintf(base, sizeof base, "%s", w.origin);
	long port = 0;
	ck_assert_int_eq(sscanf(base, "http://%99[^:]:%ld", host, &port), 2);
	snprintf(bad[0], sizeof bad[0], "https://%s:%ld", host, port);
	snprintf(bad[1], sizeof bad[1], "http://%s:%ld", host, port + 1);
	snprintf(bad[2], sizeof bad[2], "http://%s", host);
	snprintf(bad[3], sizeof bad[3], "http://%s.evil.example:%ld", host, port);
	snprintf(bad[4], sizeof bad[4], "http://evil.example:%ld", port);
	snprintf(bad[5], sizeof bad[5], "null");
	snprintf(bad[6], sizeof bad[6], "%.200s.evil.example", base);
	snprintf(bad[7], sizeof bad[7], "%s", "");
	for (size_t i = 0; i < 8; i++) {
		snprintf(w.origin, sizeof w.origin, "%.199s", bad[i]);
		long st = web_post(&w, path, "vote=useful");
		ck_assert_msg(st == 403, "Origin 「%s」: status %ld", bad[i], st);
	}
	snprintf(w.origin, sizeof w.origin, "%s", base);
	long st = web_post(&w, path, "vote=useful");
	ck_assert_msg(st == 303, "the site's own origin: %ld", st);
	web_free(&w);
}
END_TEST

/* ---- the micro-cache ------------------------------------------------------ */

/* GETs path as w until nginx answers from its cache (X-Cache: HIT);
 * every answer meanwhile is the application's page, made afresh (MISS,
 * or EXPIRED when a copy outlived public_max_age between two requests).
 * Returns whether a HIT came. */
static int served_from_cache(struct web *w, const char *path)
{
	for (int i = 0; i < 20; i++) {
		GET(w, path, 200);
		const char *cache = web_header(w, "X-Cache");
		ck_assert_msg(cache != NULL, "%s did not pass through the cache", path);
		if (strcmp(cache, "HIT") == 0)
			return 1;
		ck_assert_msg(strcmp(cache, "MISS") == 0 || strcmp(cache, "EXPIRED") == 0,
			      "%s: X-Cache %s", path, cache);
	}
	return 0;
}

/* nginx keeps a public page public_max_age seconds and serves it without
 * asking the application; staff pages, search results and errors are
 * never kept. Observed through X-Cache, not timed: a request does not
 * know how long ago the copy was made. */
START_TEST(public_pages_are_micro_cached)
{
	struct web anon, op;
	char w1[64], path[160], cc[64];
	start(&anon);
	sign_in(&op, "operator");
	/* A browse page (a query string no one asked before): made by the
	 * application first, then served from the cache. */
	snprintf(path, sizeof path, "/kb?kind=faq&n=%s", word(w1, sizeof w1, "mc"));
	GET(&anon, path, 200);
	snprintf(cc, sizeof cc, "public, max-age=%d", (int)cfg.public_max_age);
	ck_assert_str_eq(web_header(&anon, "Cache-Control"), cc);
	ck_assert_str_eq(web_header(&anon, "X-Cache"), "MISS");
	ck_assert_msg(served_from_cache(&anon, path), "%s is never served from the cache", path);
	/* Signed-in staff get the same shared page: nothing of theirs on it. */
	ck_assert_msg(served_from_cache(&op, path), "staff never get %s from the cache", path);
	ck_assert_int_eq(count(&op, "//input[@name='csrf']"), 0);
	ck_assert_msg(!body_has(&op, display_name("operator")), "the shared page names the operator");
	/* Search results are never kept: what search shows follows changes
	 * within the index's lag, and each no-hit is a gap. */
	snprintf(path, sizeof path, "/kb?q=%s", w1);
	for (int i = 0; i < 3; i++) {
		GET(&anon, path, 200);
		ck_assert_str_eq(web_header(&anon, "Cache-Control"), "no-store");
		ck_assert_str_eq(web_header(&anon, "X-Cache"), "MISS");
	}
	/* Staff pages are no-store and do not even pass through the cache. */
	snprintf(path, sizeof path, "/knowledge?q=%s", w1);
	for (int i = 0; i < 2; i++) {
		GET(&op, path, 200);
		ck_assert_str_eq(web_header(&op, "Cache-Control"), "no-store");
		ck_assert_msg(web_header(&op, "X-Cache") == NULL, "a staff page went through the cache");
	}
	/* Nor are error pages. */
	for (int i = 0; i < 2; i++) {
		GET(&anon, "/kb/e/999999999", 404);
		ck_assert_str_eq(web_header(&anon, "X-Cache"), "MISS");
	}
	web_free(&anon);
	web_free(&op);
}
END_TEST

static Suite *kb_public_suite(void)
{
	Suite *s = suite_create("kb_public");
	TCase *tc = tcase(s, "public", 180);
	tcase_add_test(tc, public_errors_stay_public);
	tcase_add_test(tc, public_page_leaks_nothing);
	tcase_add_test(tc, answers_are_sanitised);
	tc = tcase(s, "votes", 120);
	tcase_add_test(tc, public_votes_once_a_day);
	tcase_add_test(tc, vote_origin_compares_scheme_host_and_port);
	tc = tcase(s, "cache", 120);
	tcase_add_test(tc, public_pages_are_micro_cached);
	return s;
}

int main(void)
{
	return suite_main(kb_public_suite(), NULL);
}
