/* Hotline synonyms (同义词, K7, issue 10): the office says which caller's
 * word means which entry's word; the search follows at once, on every node,
 * for staff and the public; the form checks the words, a pair is kept once,
 * and a county's office reads the city's table only. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "entries.h"

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
	cjk_short(word, sizeof word, W_SYN_WORD, "社保", 5);
	cjk_short(caller, sizeof caller, W_SYN_CALLER, "口头", 5);
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
	ck_assert_int_eq(web_act_from(&co, "/knowledge/synonyms", path, NULL), 303);
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
	struct web co, mj;
	char caller[64], body[1024] = "";
	sign_in(&co, "coordinator");
	sign_in(&mj, "mj_coordinator");
	cjk_short(caller, sizeof caller, W_SYN_CHECKED, "查", 6);

	/* A bad word: refused in place, what was typed kept, nothing added. */
	ck_assert_int_eq(add_synonym(&co, caller, "驾驶 证"), 400);
	SAYS(&co, "同义词", "汉字");
	ck_assert_str_eq(text(&co, "//input[@name='word']/@value"), caller);
	GET(&co, "/knowledge/synonyms", 200);
	ck_assert_int_eq(count(&co, "//table[@class='synonyms']//td[.='%s']", caller), 0);
	ck_assert_int_eq(add_synonym(&co, caller, caller), 400);
	ck_assert_int_eq(add_synonym(&co, "", "驾驶证"), 400);

	/* Twice, either way round: one pair. */
	ck_assert_int_eq(add_synonym(&co, caller, "驾驶证"), 303);
	ck_assert_int_eq(add_synonym(&co, "驾驶证", caller), 409);

	/* A county's office reads the city's table but does not change it,
	 * and is told so. */
	GET(&mj, "/knowledge/synonyms", 200);
	ck_assert_int_eq(count(&mj, "//form[@action='/knowledge/synonyms']"), 0);
	ck_assert_int_eq(count(&mj, "//table[@class='synonyms']//td[.='%s']", caller), 1);
	form_add(&mj, body, sizeof body, "csrf", token_from(&mj, "/knowledge/synonyms"));
	form_add(&mj, body, sizeof body, "word", "词甲");
	form_add(&mj, body, sizeof body, "synonym", "词乙");
	POST(&mj, "/knowledge/synonyms", body, 403);
	web_free(&co);
	web_free(&mj);
}
END_TEST

static Suite *search_synonyms_suite(void)
{
	Suite *s = suite_create("search_synonyms");
	TCase *tc = tcase(s, "synonyms", 120);
	tcase_add_test(tc, synonyms_change_search_at_once);
	tcase_add_test(tc, synonym_form_checks_words_and_scope);
	return s;
}

int main(void)
{
	return suite_main(search_synonyms_suite(), NULL);
}
