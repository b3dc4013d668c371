/* The printable 争议认定表 (D2): the seed's table, field for field, and
 * each office's sealed opinion with its seal mark (unit and date);
 * unsealed rows wait for a seal; a county's form names its own offices; a
 * field too long overflows to an attachment; member units see the caller's
 * number masked. */
#include <stdio.h>
#include <string.h>

#include "disputes.h"

/* The rows of the form w last fetched, their heads joined with "|". */
static const char *form_heads(struct web *w, char *out, size_t size)
{
	int n = count(w, "//table[@class='dispute-form']//th");
	out[0] = '\0';
	for (int i = 1; i <= n; i++) {
		char xp[96];
		snprintf(xp, sizeof xp, "(//table[@class='dispute-form']//th)[%d]", i);
		size_t len = strlen(out);
		snprintf(out + len, size - len, "%s%s", i > 1 ? "|" : "", text(w, xp));
	}
	return out;
}

/* A day as the form writes a date: 2026 年 5 月 8 日. */
static const char *form_date(const char *day, char out[32])
{
	int y, m, d;
	ck_assert_int_eq(sscanf(day, "%d-%d-%d", &y, &m, &d), 3);
	snprintf(out, 32, "%d 年 %d 月 %d 日", y, m, d);
	return out;
}

/* Whether s holds the form's date of a day of the run. */
static int has_run_form_date(const char *s)
{
	char now[11], date[32];
	beijing_day(now, 0);
	return strstr(s, form_date(run_day, date)) != NULL || strstr(s, form_date(now, date)) != NULL;
}

/* Row step's seal on the form w last fetched: the unit it names, and the
 * date beside it. */
static void seal_is(struct web *w, const char *step, const char *unit)
{
	char xp[192], want[256];
	snprintf(xp, sizeof xp, "//tr[contains(@class,'step-%s')]//svg[contains(@class,'seal')]/@aria-label",
		 step);
	snprintf(want, sizeof want, "%s（印）", unit);
	ck_assert_msg(strcmp(text(w, xp), want) == 0, "the %s seal is 「%s」, not %s", step,
		      text(w, xp), want);
	snprintf(xp, sizeof xp, "//tr[contains(@class,'step-%s')]//*[contains(@class,'seal-name')]", step);
	ck_assert_msg(strcmp(text(w, xp), unit) == 0, "the %s seal reads 「%s」, not %s", step,
		      text(w, xp), unit);
	snprintf(xp, sizeof xp, "//tr[contains(@class,'step-%s')]//*[contains(@class,'seal-date')]", step);
	ck_assert_msg(has_run_form_date(text(w, xp)), "the %s seal is dated 「%s」", step,
		      text(w, xp));
}

#define FORM_HEADS "工单编号|问题分类|涉及部门|事项内容|各职能部门处理意见|" \
	"市政务中心管理办协调情况|市编办意见|市法制局意见|认定意见|联系人|联系电话"

START_TEST(printable_form)
{
	struct web op, clerk, psb, coord, bb, legal, mjc;
	char num[64], path[96], heads[2048], body[4096], p[32], want[1024];
	const char *office = unit_name("city-office"), *hrss = unit_name("city-hrss");
	const char *psb_name = unit_name("city-psb-hz");
	long psb_id = unit_id("city-psb-hz"), hrss_id = unit_id("city-hrss");
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	sign_in(&legal, "reviewer_legal");
	sign_in(&mjc, "mj_coordinator");
	const char *content = "来电人反映其子女随迁入户后，社会保险关系转移手续无人受理。";
	long order;
	long id = referred_dispute(&op, &clerk, &psb, &coord, 1401, cat_main, content, &order, num);

	/* Before 编办 answers: its row and 法制局's wait for their seals. */
	snprintf(path, sizeof path, "/disputes/%ld/form", id);
	GET(&coord, path, 200);
	ck_assert_str_eq(text(&coord, "//h1[contains(@class,'form-title')]"),
			 "梅州市 12345 政府服务热线受理事项争议认定表");
	ck_assert_str_eq(form_heads(&coord, heads, sizeof heads), FORM_HEADS);
	seal_is(&coord, "office", office);
	ck_assert_int_eq(count(&coord, "//tr[contains(@class,'step-establishment')]//span[@class='seal-here' and .='（盖章）']"), 1);
	ck_assert_int_eq(count(&coord, "//tr[contains(@class,'step-legal')]//span[@class='seal-here']"), 1);
	ck_assert_int_eq(count(&coord, "//svg[contains(@class,'seal')]"), 1);

	/* 编办 refers it to 法制局, which decides; the office determines. */
	ACT_ON(&bb, "disputes", id, "review", form(&bb, body, sizeof body, "decision", "legal", "opinion",
						   "“三定”规定未予明确，转市法制局提出意见。", NULL), 303);
	ACT_ON(&legal, "disputes", id, "review",
	       review_body(&legal, body, sizeof body, psb_id, hrss_id, "law", "《户口登记条例》第十条",
			   "由户政支队牵头办理，人社局配合转移社保关系。"), 303);
	determine(&coord, id, "经认定，由户政支队牵头、人社局配合办理。");

	GET(&coord, path, 200);
	ck_assert_str_eq(form_heads(&coord, heads, sizeof heads), FORM_HEADS);
	ck_assert_str_eq(text(&coord, "//td[@class='f-number']"), num);
	ck_assert_str_eq(text(&coord, "//td[@class='f-category']"), main_name);
	snprintf(want, sizeof want, "%s、%s", psb_name, hrss);
	ck_assert_str_eq(text(&coord, "//td[@class='f-units']"), want);
	ck_assert_str_eq(text(&coord, "//td[@class='f-content']"), content);
	ck_assert_int_eq(count(&coord, "//td[@class='f-unit-opinions']/p[@class='unit-opinion']"), 2);
	snprintf(want, sizeof want, "//td[@class='f-unit-opinions']/p[span[@class='u-name']='%s']", hrss);
	ck_assert_msg(strstr(text(&coord, want), "本局认为应由户政支队办理。") != NULL,
		      "人社局's opinion is not on the form");
	snprintf(want, sizeof want, "//td[@class='f-unit-opinions']/p[span[@class='u-name']='%s']", psb_name);
	ck_assert_msg(strstr(text(&coord, want), "本队认为应由人社局办理。") != NULL,
		      "户政支队's opinion is not on the form");
	/* Each office's opinion under its seal. */
	ck_assert_msg(strstr(text(&coord, "//tr[contains(@class,'step-office')]/td"), "经协调") != NULL,
		      "the coordination is not on the form");
	seal_is(&coord, "office", office);
	const char *est = text(&coord, "//tr[contains(@class,'step-establishment')]/td");
	ck_assert_msg(strstr(est, "转市法制局提出意见") != NULL, "编办's row reads 「%s」", est);
	seal_is(&coord, "establishment", unit_name("city-bianban"));
	const char *lg = text(&coord, "//tr[contains(@class,'step-legal')]/td");
	snprintf(want, sizeof want, "牵头单位：%s；配合单位：%s", psb_name, hrss);
	ck_assert_msg(strstr(lg, "由户政支队牵头办理") && strstr(lg, want) &&
			      strstr(lg, "认定原则：依法依规") && strstr(lg, "依据：《户口登记条例》第十条"),
		      "法制局's row reads 「%s」", lg);
	seal_is(&coord, "legal", unit_name("city-legal"));
	ck_assert_int_eq(count(&coord, "//svg[contains(@class,'seal')]"), 3);
	ck_assert_int_eq(count(&coord, "//span[@class='seal-here']"), 0);
	/* 认定意见, 联系人, 联系电话. */
	const char *det = text(&coord, "//td[@class='f-determination']");
	ck_assert_msg(strstr(det, "经认定，由户政支队牵头、人社局配合办理。") &&
			      strstr(det, hrss) && has_run_form_date(det),
		      "认定意见 reads 「%s」", det);
	ck_assert_str_eq(text(&coord, "//td[@class='f-determination']//span[@class='d-lead']"), psb_name);
	ck_assert_str_eq(text(&coord, "//td[@class='f-contact-name']"), "吴女士");
	ck_assert_str_eq(text(&coord, "//td[@class='f-contact-phone']"), phone_no(p, 1401));
	/* A member unit sees the caller's number masked. */
	GET(&clerk, path, 200);
	const char *seen = text(&clerk, "//td[@class='f-contact-phone']");
	ck_assert_msg(strlen(seen) == 11 && strncmp(seen, p, 3) == 0 &&
			      strcmp(seen + 7, p + 7) == 0 && strncmp(seen + 3, "****", 4) == 0,
		      "the clerk sees the phone as 「%s」", seen);
	/* The dispute's page links it. */
	dpage(&coord, id);
	snprintf(path, sizeof path, "/disputes/%ld/form", id);
	ck_assert_int_eq(count(&coord, "//a[@href='%s']", path), 1);

	/* A 梅江区 dispute: its own offices, no legal step. */
	long mo = dispatch(&op, 1402, jur_id("meijiang"), unit_id("meijiang-hrss"), cat_main,
			   "梅江区争议表", num);
	long mid = open_dispute(&mjc, mo, "");
	ACT_ON(&mjc, "disputes", mid, "coordinate", "opinion=%E5%8D%8F%E8%B0%83", 303);
	snprintf(path, sizeof path, "/disputes/%ld/form", mid);
	GET(&mjc, path, 200);
	ck_assert_str_eq(text(&mjc, "//p[contains(@class,'form-jur')]"), "（梅江区）");
	snprintf(want, sizeof want, "工单编号|问题分类|涉及部门|事项内容|各职能部门处理意见|"
		 "%s协调情况|%s意见|法制局意见|认定意见|联系人|联系电话",
		 unit_name("meijiang-office"), unit_name("meijiang-bianban"));
	ck_assert_str_eq(form_heads(&mjc, heads, sizeof heads), want);
	seal_is(&mjc, "office", unit_name("meijiang-office"));
	ck_assert_str_eq(text(&mjc, "//tr[contains(@class,'step-legal')]//p[@class='no-step']"),
			 "本地区认定程序不设此环节");

	/* Too long for its cell: the rest on an attachment. */
	char longer[4096];
	size_t len = 0;
	for (int i = 0; i < 40; i++)
		len += (size_t)snprintf(longer + len, sizeof longer - len, "来电人反映情况复杂，");
	snprintf(longer + len, sizeof longer - len, "完。");
	long lo = dispatch(&op, 1403, jur_id("meizhou"), hrss_id, cat_main, longer, num);
	long lid = open_dispute(&coord, lo, "");
	snprintf(path, sizeof path, "/disputes/%ld/form", lid);
	GET(&coord, path, 200);
	ck_assert_str_eq(text(&coord, "//td[@class='f-content']/span[@class='more']"), "（续见附页 1）");
	ck_assert_msg(strlen(text(&coord, "//td[@class='f-content']/span[@class='text']")) < strlen(longer),
		      "the cell holds the whole text");
	ck_assert_str_eq(text(&coord, "//section[@class='annex']/h2"), "附页 1");
	ck_assert_str_eq(text(&coord, "//section[@class='annex']/div[contains(@class,'annex-text')]"), longer);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
	web_free(&legal);
	web_free(&mjc);
}
END_TEST

static Suite *dispute_form_suite(void)
{
	Suite *s = suite_create("dispute_form");
	TCase *tc = tcase(s, "form", 180);
	tcase_add_test(tc, printable_form);
	return s;
}

int main(void)
{
	return suite_main(dispute_form_suite(), dispute_categories);
}
