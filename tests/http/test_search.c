/* HTTP tests of knowledge search (K2, K7, K9, U4; issue 10): the office's
 * synonyms, answers the search learns from the operators, gaps from every
 * search that finds nothing, the public page's paging, 机构信息 contacts,
 * and a second node (its own hotlined and search index, the same
 * database) that must show every change within 2 seconds, catch up after
 * being down, and rebuild a missing index while SQL answers.
 *
 * Run by tests/stack-tests.sh with NODES=2: BASE_URL is node 1 through
 * nginx, BASE_URL2 node 2 alone; STACK, VAR and HOTLINECTL as for the
 * other suites. Entries are made with a stamp unique to the run. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_kb.h"

/* Within this a change shows on every node (issue 10); polled. */
#define EVERY_NODE_MS 2000

/* A signed-in session on node 2: sessions live in the database, so the
 * cookie of a sign-in on node 1 serves there too. */
static void on_node2(struct web *w)
{
	snprintf(w->base, sizeof w->base, "%s", env_or_fail("BASE_URL2"));
	snprintf(w->origin, sizeof w->origin, "%s", w->base);
}

/* Polls until finds(w, 0, q, entry) == want, at most ms; returns the last
 * count. */
static int finds_within(struct web *w, const char *q, long entry, int want, int ms)
{
	int got = -1;
	for (int waited = 0; waited <= ms; waited += 100) {
		got = finds(w, 0, q, entry);
		if (got == want)
			break;
		usleep(100 * 1000);
	}
	return got;
}

/* scripts/stack.sh CMD (node2-stop, node2-start) on the stack under test. */
static void stack(const char *cmd)
{
	char out[8192];
	const char *argv[] = { "bash", env_or_fail("STACK"), cmd, NULL };
	int rc = run_cmd(argv, out, sizeof out, NULL, 0);
	ck_assert_msg(rc == 0, "stack.sh %s: exit %d\n%s", cmd, rc, out);
}

/* ---- synonyms ------------------------------------------------------------ */

/* Adds the pair as the office would; returns the status. */
static long add_synonym(struct web *co, const char *word, const char *synonym)
{
	char body[1024] = "";
	form_add(co, body, sizeof body, "csrf", token_from(co, "/knowledge/synonyms"));
	form_add(co, body, sizeof body, "word", word);
	form_add(co, body, sizeof body, "synonym", synonym);
	return web_post(co, "/knowledge/synonyms", body);
}

START_TEST(synonyms_change_search_at_once)
{
	struct web ed, ap, op, co, anon, op2;
	char word[64], caller[64], title[256], path[256];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	sign_in(&co, "coordinator");
	start(&anon);
	cjk_short(word, sizeof word, "社保", 5);
	cjk_short(caller, sizeof caller, "口头", 5);
	snprintf(title, sizeof title, "%s挂失办理", word);
	struct faq a = { title, "", "public", NULL, "<p>拨打 12333 挂失。</p>", NULL, 1 };
	long eid = published_faq(&ed, &ap, &a, NULL);

	/* The caller's word finds nothing until the office says what it is. */
	ck_assert_int_eq(finds(&op, 0, caller, eid), 0);
	ck_assert_int_eq(add_synonym(&co, caller, word), 303);
	ck_assert_str_eq(web_location(&co), "/knowledge/synonyms?done=created");
	GET(&co, "/knowledge/synonyms", 200);
	ck_assert_msg(count(&co, "//table[@class='synonyms']//tr[td[1]='%s' or td[2]='%s']",
			    caller, caller) == 1, "the pair is not listed");

	/* At once, on this node and the other, for staff and public. */
	ck_assert_int_eq(finds(&op, 0, caller, eid), 1);
	ck_assert_msg(strstr(text(&op, "//p[@class='relaxed']"), word) != NULL,
		      "the page does not say the synonym was searched: %s",
		      text(&op, "//p[@class='relaxed']"));
	sign_in(&op2, "operator");
	on_node2(&op2);
	ck_assert_int_eq(finds_within(&op2, caller, eid, 1, EVERY_NODE_MS), 1);
	ck_assert_int_eq(finds(&anon, 1, caller, eid), 1);

	/* Removed: gone again. */
	GET(&co, "/knowledge/synonyms", 200);
	char xp[512];
	snprintf(xp, sizeof xp, "//table[@class='synonyms']//tr[td[1]='%s' or td[2]='%s']/@id",
		 caller, caller);
	long id = id_after(web_xpath_text(&co, xp), "syn-");
	ck_assert_msg(id > 0, "no id for the pair");
	snprintf(path, sizeof path, "/knowledge/synonyms/%ld/delete", id);
	ck_assert_int_eq(post_from(&co, "/knowledge/synonyms", path, NULL), 303);
	ck_assert_int_eq(finds(&op, 0, caller, eid), 0);
	ck_assert_int_eq(finds_within(&op2, caller, eid, 0, EVERY_NODE_MS), 0);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&op2);
	web_free(&co);
	web_free(&anon);
}
END_TEST

START_TEST(synonym_form_checks_words_and_scope)
{
	struct web co, mj, op;
	char caller[64], body[1024] = "";
	sign_in(&co, "coordinator");
	sign_in(&mj, "mj_coordinator");
	sign_in(&op, "operator");
	cjk_short(caller, sizeof caller, "查", 6);

	/* A bad word: refused in place, what was typed kept, nothing added. */
	ck_assert_int_eq(add_synonym(&co, caller, "驾驶 证"), 400);
	ck_assert_msg(strstr(text(&co, "//p[@class='alert']"), "1 至 8 个汉字") != NULL,
		      "alert: %s", text(&co, "//p[@class='alert']"));
	ck_assert_str_eq(text(&co, "//input[@name='word']/@value"), caller);
	GET(&co, "/knowledge/synonyms", 200);
	ck_assert_int_eq(count(&co, "//table[@class='synonyms']//td[.='%s']", caller), 0);
	ck_assert_int_eq(add_synonym(&co, caller, caller), 400);
	ck_assert_int_eq(add_synonym(&co, "", "驾驶证"), 400);

	/* Twice, either way round: one pair. */
	ck_assert_int_eq(add_synonym(&co, caller, "驾驶证"), 303);
	ck_assert_int_eq(add_synonym(&co, "驾驶证", caller), 409);

	/* A county's office reads the city's table but does not change it. */
	GET(&mj, "/knowledge/synonyms", 200);
	ck_assert_int_eq(count(&mj, "//form[@action='/knowledge/synonyms']"), 0);
	ck_assert_int_eq(count(&mj, "//table[@class='synonyms']//td[.='%s']", caller), 1);
	form_add(&mj, body, sizeof body, "csrf", token_from(&mj, "/knowledge/synonyms"));
	form_add(&mj, body, sizeof body, "word", "词甲");
	form_add(&mj, body, sizeof body, "synonym", "词乙");
	POST(&mj, "/knowledge/synonyms", body, 403);
	/* Operators have no such page; a forged token changes nothing. */
	GET(&op, "/knowledge/synonyms", 403);
	POST(&co, "/knowledge/synonyms", "csrf=forged&word=%E7%94%B2&synonym=%E4%B9%99", 403);
	web_free(&co);
	web_free(&mj);
	web_free(&op);
}
END_TEST

/* ---- learned answers ------------------------------------------------------ */

/* Answers a call from entry after searching q, as the operator does on the
 * intake page (一次性解答 with 用此条答复). */
static void answer_call(struct web *op, const char *q, long entry)
{
	static char body[8192];
	body[0] = '\0';
	const char *csrf = token_from(op, "/orders/new");
	long cat = atol(text(op, "//select[@id='category_id']/option[@value!=''][1]/@value"));
	ck_assert_msg(cat > 0, "no category on the intake form");
	form_add(op, body, sizeof body, "csrf", csrf);
	form_add(op, body, sizeof body, "caller_phone", "13800138000");
	form_add(op, body, sizeof body, "channel", "phone");
	snprintf(body + strlen(body), sizeof body - strlen(body),
		 "&category_id=%ld&jurisdiction_id=1&entry_id=%ld", cat, entry);
	form_add(op, body, sizeof body, "content", q);
	form_add(op, body, sizeof body, "q", q);
	form_add(op, body, sizeof body, "outcome", "answer");
	POST(op, "/orders", body, 303);
}

START_TEST(learned_answers_raise_and_can_be_removed)
{
	struct web ed, ap, op, co, anon;
	char unknown[64], q[256], title[256], internal[256], path[256], xp[512];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	sign_in(&co, "coordinator");
	start(&anon);
	/* Callers ask in words no entry holds. */
	cjk_word(unknown, sizeof unknown, "学");
	snprintf(q, sizeof q, "%s怎么办", unknown);
	cjk_word(title, sizeof title, "条目");
	struct faq a = { title, "", "public", NULL, "<p>公开答复。</p>", NULL, 1 };
	long eid = published_faq(&ed, &ap, &a, NULL);
	cjk_word(internal, sizeof internal, "内部");
	struct faq b = { internal, "", "internal", NULL, "<p>内部口径。</p>", NULL, 1 };
	long iid = published_faq(&ed, &ap, &b, NULL);

	ck_assert_int_eq(finds(&op, 0, q, 0), 0);
	answer_call(&op, q, eid);
	answer_call(&op, q, iid);

	/* The office sees both pairs. */
	GET(&co, "/knowledge/learned", 200);
	ck_assert_msg(count(&co, "//table[@class='learned']//tr[td[1]='%s'][.//a[@href="
			    "'/knowledge/entries/%ld']]", q, eid) == 1,
		      "the learned pair is not listed:\n%.3000s", co.body);

	/* A later search with the same words finds them, marked, for staff;
	 * the public sees only the public one. */
	ck_assert_int_eq(finds(&op, 0, q, eid), 1);
	ck_assert_int_eq(finds(&op, 0, q, iid), 1);
	ck_assert_msg(count(&op, "//ol[@class='results']/li[a[@href='/knowledge/entries/%ld']]"
			    "//span[@class='tag' and .='常用答复']", eid) == 1,
		      "the learned result is not marked");
	ck_assert_int_eq(finds(&anon, 1, q, eid), 1);
	ck_assert_int_eq(finds(&anon, 1, q, 0), 1);

	/* Removed by the office: gone from the search. */
	snprintf(xp, sizeof xp, "//table[@class='learned']//tr[td[1]='%s'][.//a[@href="
		 "'/knowledge/entries/%ld']]/@id", q, eid);
	GET(&co, "/knowledge/learned", 200);
	long id = id_after(web_xpath_text(&co, xp), "learned-");
	ck_assert_msg(id > 0, "no id for the learned pair");
	snprintf(path, sizeof path, "/knowledge/learned/%ld/delete", id);
	ck_assert_int_eq(post_from(&co, "/knowledge/learned", path, NULL), 303);
	ck_assert_int_eq(finds(&op, 0, q, eid), 0);
	ck_assert_int_eq(finds(&op, 0, q, iid), 1);
	/* An operator cannot remove one. */
	GET(&op, "/knowledge/learned", 403);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&co);
	web_free(&anon);
}
END_TEST

/* ---- gaps ---------------------------------------------------------------- */

START_TEST(no_hits_are_gaps_counted_by_content_and_source)
{
	struct web op, co, anon;
	char topic[64], q1[256], q2[256], path[512];
	sign_in(&op, "operator");
	sign_in(&co, "coordinator");
	start(&anon);
	cjk_word(topic, sizeof topic, "缺");
	snprintf(q1, sizeof q1, "%s怎么办理？", topic);
	snprintf(q2, sizeof q2, "请问%s在哪里办", topic);
	ck_assert_int_eq(finds(&op, 0, q1, 0), 0);
	ck_assert_int_eq(finds(&anon, 1, q2, 0), 0);
	snprintf(path, sizeof path, "/kb?q=%s&page=2", web_esc(&anon, q1));
	GET(&anon, path, 200); /* a later page is no new gap */

	/* One gap: its content, the first wording, 2 searches, one each. */
	GET(&co, "/knowledge/gaps", 200);
	ck_assert_msg(count(&co, "//table/tbody/tr[td[1]='%s' and td[2]='%s' and td[3]='2' and "
			    "td[4]='1' and td[5]='1']", topic, q1) == 1,
		      "the gap of %s is not counted by source:\n%.3000s", topic, co.body);
	web_free(&op);
	web_free(&co);
	web_free(&anon);
}
END_TEST

/* ---- the public page ------------------------------------------------------- */

/* Follows every 下一页 link from path; returns the entries listed, after
 * checking each page answers 200 and each link back works. */
static int browse_all(struct web *w, const char *path)
{
	char next[1024];
	int n = 0, pages = 0;
	snprintf(next, sizeof next, "%s", path);
	for (;;) {
		GET(w, next, 200);
		n += count(w, "//ol[@class='results']/li");
		pages++;
		ck_assert_int_lt(pages, 100);
		const char *href = web_xpath_text(w, "//p[@class='pager']/a[contains(., '下一页')]/@href");
		if (href == NULL)
			break;
		snprintf(next, sizeof next, "%s", href);
		if (pages > 1) {
			const char *prev = web_xpath_text(w, "//p[@class='pager']/a[contains(., '上一页')]/@href");
			ck_assert_ptr_nonnull(prev);
		}
	}
	return n;
}

/* The entries listed by unit, each unit's pages followed; the units
 * listed are written to seen. */
static int browse_units(struct web *w, char *seen, size_t size)
{
	GET(w, "/kb", 200);
	int units = count(w, "//select[@id='unit_id']/option[@value!='']");
	ck_assert_int_gt(units, 10);
	int by_unit = 0;
	seen[0] = '\0';
	for (int i = 1; i <= units; i++) {
		char xp[128], path[128];
		GET(w, "/kb", 200);
		snprintf(xp, sizeof xp, "//select[@id='unit_id']/option[@value!=''][%d]/@value", i);
		snprintf(path, sizeof path, "/kb?unit_id=%s", text(w, xp));
		int n = browse_all(w, path);
		by_unit += n;
		snprintf(seen + strlen(seen), size - strlen(seen), " %s:%d", path + 13, n);
	}
	return by_unit;
}

START_TEST(every_paging_link_is_accepted)
{
	struct web anon;
	char seen[4096], path[128];
	start(&anon);
	/* Public pages may be kept 5 s (the micro-cache): the counts are taken
	 * again once that has passed if a change made them disagree. */
	int all = 0, by_kind = 0, by_unit = 0;
	for (int round = 0; round < 2; round++) {
		if (round > 0)
			sleep(6);
		/* Every public entry, page by page: more than one page of them. */
		all = browse_all(&anon, "/kb");
		ck_assert_int_gt(all, 100);
		/* By kind and by unit, each link the pages print. */
		const char *kinds[] = { "faq", "guide", "law", "org" };
		by_kind = 0;
		for (size_t i = 0; i < 4; i++) {
			snprintf(path, sizeof path, "/kb?kind=%s", kinds[i]);
			by_kind += browse_all(&anon, path);
		}
		by_unit = browse_units(&anon, seen, sizeof seen);
		if (by_kind == all && by_unit == all)
			break;
	}
	ck_assert_int_eq(by_kind, all);
	ck_assert_msg(by_unit == all, "by unit %d, all %d:%s", by_unit, all, seen);
	/* Search results page too. */
	ck_assert_int_gt(browse_all(&anon, "/kb?q=%E6%8C%87%E5%8D%97"), 20); /* 指南 */
	web_free(&anon);
}
END_TEST

START_TEST(org_entries_show_contacts)
{
	struct web anon, ed;
	start(&anon);
	sign_in(&ed, "editor_hrss");
	GET(&anon, "/kb?q=%E4%BA%BA%E5%8A%9B%E8%B5%84%E6%BA%90%E5%92%8C%E7%A4%BE%E4%BC%9A"
		   "%E4%BF%9D%E9%9A%9C%E5%B1%80%E6%9C%BA%E6%9E%84%E4%BF%A1%E6%81%AF", 200);
	const char *href = web_xpath_text(&anon, "//ol[@class='results']/li/a[starts-with(., '梅州市人力资源和社会保障局机构信息')]/@href");
	ck_assert_msg(href != NULL, "the demo org entry is not found:\n%.2000s", anon.body);
	char path[128];
	snprintf(path, sizeof path, "%s", href);
	GET(&anon, path, 200);
	ck_assert_msg(count(&anon, "//dt[.='联系方式']") == 1, "no 联系方式 on %s", path);
	ck_assert_msg(strstr(text(&anon, "//dd[@class='f-contacts']"), "12333") != NULL,
		      "contacts without 12333: %s", text(&anon, "//dd[@class='f-contacts']"));
	/* And the editor's form has the field. */
	GET(&ed, "/knowledge/new?kind=org", 200);
	ck_assert_int_eq(count(&ed, "//textarea[@name='kb_contacts']"), 1);
	web_free(&anon);
	web_free(&ed);
}
END_TEST

/* ---- every node ------------------------------------------------------------ */

START_TEST(the_other_node_sees_every_change)
{
	struct web ed, ap, op, op2;
	char w1[64], title[256], body[1024] = "", path[128];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	sign_in(&op2, "operator");
	on_node2(&op2);
	word(w1, sizeof w1, "node");
	snprintf(title, sizeof title, "第二节点可见 %s", w1);
	struct faq a = { title, "", "public", NULL, "<p>答复。</p>", NULL, 1 };
	long eid = published_faq(&ed, &ap, &a, NULL);
	ck_assert_int_eq(finds(&op, 0, w1, eid), 1);
	ck_assert_int_eq(finds_within(&op2, w1, eid, 1, EVERY_NODE_MS), 1);

	/* Marked obsolete on node 1: gone from node 2 too. */
	snprintf(path, sizeof path, "/knowledge/entries/%ld/obsolete", eid);
	char page[96];
	snprintf(page, sizeof page, "/knowledge/entries/%ld", eid);
	form_add(&ed, body, sizeof body, "csrf", token_from(&ed, page));
	form_add(&ed, body, sizeof body, "reason", "政策已调整");
	POST(&ed, path, body, 303);
	ck_assert_int_eq(finds(&op, 0, w1, eid), 0);
	ck_assert_int_eq(finds_within(&op2, w1, eid, 0, EVERY_NODE_MS), 0);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&op2);
}
END_TEST

/* Whether the log file holds s. */
static int log_has(const char *file, const char *s)
{
	static char buf[1 << 20];
	char path[1024];
	snprintf(path, sizeof path, "%s/log/%s", env_or_fail("VAR"), file);
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return 0;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return strstr(buf, s) != NULL;
}

START_TEST(a_node_that_was_down_catches_up_and_rebuilds_a_lost_index)
{
	struct web ed, ap, op2;
	char w1[64], w2[64], title[256], cmd[1024], out[4096];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	word(w1, sizeof w1, "down");
	word(w2, sizeof w2, "lost");

	/* Published while node 2 is down: found once it is back. */
	stack("node2-stop");
	snprintf(title, sizeof title, "停机期间发布 %s", w1);
	struct faq a = { title, "", "public", NULL, "<p>答复。</p>", NULL, 1 };
	long e1 = published_faq(&ed, &ap, &a, NULL);
	stack("node2-start");
	sign_in(&op2, "operator");
	on_node2(&op2);
	ck_assert_int_eq(finds_within(&op2, w1, e1, 1, EVERY_NODE_MS), 1);

	/* Its index lost: rebuilt at start, searches answered meanwhile. */
	stack("node2-stop");
	snprintf(cmd, sizeof cmd, "%s/search2", env_or_fail("VAR"));
	const char *rm[] = { "rm", "-rf", cmd, NULL };
	ck_assert_int_eq(run_cmd(rm, out, sizeof out, NULL, 0), 0);
	snprintf(title, sizeof title, "索引重建 %s", w2);
	struct faq b = { title, "", "public", NULL, "<p>答复。</p>", NULL, 1 };
	long e2 = published_faq(&ed, &ap, &b, NULL);
	stack("node2-start");
	ck_assert_int_eq(finds_within(&op2, w2, e2, 1, 10000), 1);
	ck_assert_int_eq(finds(&op2, 0, w1, e1), 1);
	ck_assert_msg(log_has("hotlined2.log", "missing or of another format: rebuilding; "
					       "searches use SQL meanwhile"),
		      "node 2 did not log the rebuild");
	web_free(&ed);
	web_free(&ap);
	web_free(&op2);
}
END_TEST

static Suite *search_suite(void)
{
	Suite *s = suite_create("search");
	TCase *tc = tcase(s, "synonyms", 120);
	tcase_add_test(tc, synonyms_change_search_at_once);
	tcase_add_test(tc, synonym_form_checks_words_and_scope);
	tc = tcase(s, "learned", 120);
	tcase_add_test(tc, learned_answers_raise_and_can_be_removed);
	tc = tcase(s, "gaps", 120);
	tcase_add_test(tc, no_hits_are_gaps_counted_by_content_and_source);
	tc = tcase(s, "public", 240);
	tcase_add_test(tc, every_paging_link_is_accepted);
	tcase_add_test(tc, org_entries_show_contacts);
	tc = tcase(s, "nodes", 180);
	tcase_add_test(tc, the_other_node_sees_every_change);
	tcase_add_test(tc, a_node_that_was_down_catches_up_and_rebuilds_a_lost_index);
	return s;
}

int main(void)
{
	kb_test_init();
	return run_suite(search_suite());
}
