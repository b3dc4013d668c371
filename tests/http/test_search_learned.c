/* What the search learns (K9.1, issue 10): answers the operators give
 * from an entry after a search raise that entry for later searches with
 * the same words (the office may remove such a pair), and every search
 * that finds nothing is a gap, counted by its content and by where it was
 * asked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entries.h"

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
		 "&category_id=%ld&jurisdiction_id=%ld&entry_id=%ld", cat, jur_id("meizhou"), entry);
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
	cjk_word(unknown, sizeof unknown, W_LEARN_QUESTION, "学");
	snprintf(q, sizeof q, "%s怎么办", unknown);
	cjk_word(title, sizeof title, W_LEARN_PUBLIC, "条目");
	struct faq a = { title, "", "public", NULL, "<p>公开答复。</p>", NULL, 1 };
	long eid = published_faq(&ed, &ap, &a, NULL);
	cjk_word(internal, sizeof internal, W_LEARN_INTERNAL, "内部");
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
	ck_assert_int_eq(web_act_from(&co, "/knowledge/learned", path, NULL), 303);
	ck_assert_int_eq(finds(&op, 0, q, eid), 0);
	ck_assert_int_eq(finds(&op, 0, q, iid), 1);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&co);
	web_free(&anon);
}
END_TEST

START_TEST(no_hits_are_gaps_counted_by_content_and_source)
{
	struct web op, co, anon;
	char topic[64], q1[256], q2[256], path[512];
	sign_in(&op, "operator");
	sign_in(&co, "coordinator");
	start(&anon);
	/* The public's gaps are counted per address and day: one of its own. */
	own_address(&anon, 3);
	cjk_word(topic, sizeof topic, W_GAP_TOPIC, "缺");
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

static Suite *search_learned_suite(void)
{
	Suite *s = suite_create("search_learned");
	TCase *tc = tcase(s, "learned", 120);
	tcase_add_test(tc, learned_answers_raise_and_can_be_removed);
	tcase_add_test(tc, no_hits_are_gaps_counted_by_content_and_source);
	return s;
}

int main(void)
{
	return suite_main(search_learned_suite(), NULL);
}
