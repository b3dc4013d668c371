/* Editing knowledge (K2, K4, K5): an editor drafts, the unit's approver
 * publishes or sends back with a reason, a new version replaces the
 * published one only once approved, every version is kept and compared
 * character by character, an entry marked obsolete leaves search and the
 * public page; another unit's editor and approver neither see nor touch
 * the unit's open versions. (Which role may use which page: test_access.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entries.h"

START_TEST(editor_drafts_approver_publishes_public_finds)
{
	struct web ed, ap, anon, op;
	char w1[64], title[256], answer[512];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	start(&anon);
	word(w1, sizeof w1, "wf");
	snprintf(title, sizeof title, "失业保险金网上申领要注意什么 %s", w1);
	snprintf(answer, sizeof answer,
		 "<p>可通过<strong>广东人社</strong>网上申领，一般 3 个工作日内审核。</p>");

	GET(&ed, "/knowledge/new?kind=faq", 200);
	ck_assert_str_eq(text(&ed, "//h1"), "编辑知识 · 常见问题");
	ck_assert_int_eq(count(&ed, "//textarea[@name='kb_answer']"), 1);

	/* Nothing to find before it exists. */
	ck_assert_int_eq(finds(&anon, 1, w1, 0), 0);
	ck_assert_msg(count(&anon, "//p[@class='alert' and contains(., '没有找到')]") == 1,
		      "no 没有找到 message on the public page");

	struct faq q = { title, "失业金 申领 网上", "public",
			 "失业了怎么在网上申领失业保险金？", answer, NULL, 1 };
	long vid = new_faq(&ed, &q);
	ck_assert_str_eq(version_state(&ed, vid), "待审核");
	ck_assert_str_eq(text(&ed, "//h1"), title);
	long eid = entry_of(&ed, vid);

	/* Pending: the public page and the operators do not see it yet. */
	ck_assert_int_eq(finds(&anon, 1, w1, 0), 0);
	public_entry(&anon, eid, 404);
	ck_assert_int_eq(finds(&op, 0, w1, 0), 0);

	GET(&ap, "/knowledge/pending", 200);
	ck_assert_msg(count(&ap, "//table//a[@href='/knowledge/versions/%ld' and text()='%s']",
			    vid, title) == 1, "pending list does not show 「%s」", title);
	approve(&ap, vid);
	/* The approver is told it is published, not merely saved. */
	char done[160];
	snprintf(done, sizeof done, "%s", web_location(&ap) ? web_location(&ap) : "");
	GET(&ap, done, 200);
	NOTICE_SAYS(&ap, "已发布");
	ck_assert_int_eq(count(&ap, "//p[@class='notice' and contains(., '已保存')]"), 0);
	ck_assert_str_eq(version_state(&ap, vid), "已发布");
	GET(&ap, "/knowledge/pending", 200);
	ck_assert_int_eq(count(&ap, "//a[@href='/knowledge/versions/%ld']", vid), 0);

	/* Published: the public finds it and reads the formatted answer. */
	ck_assert_int_eq(finds(&anon, 1, w1, eid), 1);
	ck_assert_msg(count(&anon, "//ol[@class='results']//mark[.='%s']", w1) >= 1,
		      "the public result does not mark %s", w1);
	public_entry(&anon, eid, 200);
	ck_assert_str_eq(text(&anon, "//h1"), title);
	ck_assert_str_eq(text(&anon, "//dd[@class='f-answer']//strong"), "广东人社");
	ck_assert_msg(strstr(text(&anon, "//p[@class='meta']"), unit_name("city-hrss")) != NULL,
		      "public entry does not name the unit");

	/* So does an operator, with the hit marked. */
	ck_assert_int_eq(finds(&op, 0, w1, eid), 1);
	ck_assert_msg(count(&op, "//ol[@class='results']/li/a/mark[.='%s']", w1) == 1,
		      "operator result title does not mark %s", w1);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&anon);
}
END_TEST

START_TEST(reject_needs_reason_then_resubmit)
{
	struct web ed, ap;
	char w1[64], title[256], page[96], action[96], extra[512];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	snprintf(title, sizeof title, "工伤认定申请时限是多久 %s", word(w1, sizeof w1, "rj"));
	struct faq q = { title, "工伤 认定 时限", "public", NULL,
			 "<p>用人单位应在事故发生之日起30日内提出申请。</p>", NULL, 1 };
	long vid = new_faq(&ed, &q);
	pathf(page, sizeof page, "/knowledge/versions/%ld", vid);
	pathf(action, sizeof action, "/knowledge/versions/%ld/reject", vid);

	ck_assert_int_eq(web_act_from(&ap, page, action, NULL), 400);
	SAYS(&ap, "理由");
	ck_assert_int_eq(web_act_from(&ap, page, action, "reason="), 400);
	/* A reason of spaces only is no reason. */
	ck_assert_int_eq(web_act_from(&ap, page, action, "reason=%20%20%E3%80%80"), 400);
	ck_assert_int_eq(web_act_from(&ap, page, action, "reason=%20%20"), 400);
	ck_assert_str_eq(version_state(&ap, vid), "待审核");

	const char *reason = "请补充个人申请的时限（一年内）";
	snprintf(extra, sizeof extra, "reason=%s", web_esc(&ap, reason));
	ck_assert_int_eq(web_act_from(&ap, page, action, extra), 303);
	ck_assert_str_eq(version_state(&ap, vid), "已退回");

	/* The editor sees why, edits and sends it again. */
	ck_assert_str_eq(version_state(&ed, vid), "已退回");
	ck_assert_msg(strstr(text(&ed, "//p[@class='alert']"), reason) != NULL,
		      "editor does not see the reason: %s", text(&ed, "//p[@class='alert']"));
	ck_assert_int_eq(count(&ed, "//a[@href='/knowledge/versions/%ld/edit']", vid), 1);
	/* So does the entry's page, where 本单位知识 leads. */
	long eid = entry_of(&ed, vid);
	GET(&ed, "/knowledge/mine", 200);
	pathf(page, sizeof page, "/knowledge/entries/%ld", eid);
	ck_assert_int_eq(count(&ed, "//table[@class='kb-mine']//a[@href='%s' and .='%s']", page,
			       title), 1);
	GET(&ed, page, 200);
	ck_assert_msg(strstr(text(&ed, "//p[@class='meta']"), "已退回") != NULL,
		      "entry page meta: %s", text(&ed, "//p[@class='meta']"));
	ck_assert_msg(count(&ed, "//p[@class='alert' and contains(., '退回理由') and contains(., '%s')]",
			    reason) == 1, "the entry page does not say why it was sent back:\n%.2000s",
		      ed.body);
	q.answer = "<p>用人单位应在30日内提出；单位未提出的，职工或其近亲属可在一年内提出。</p>";
	edit_faq(&ed, vid, &q);
	ck_assert_str_eq(version_state(&ed, vid), "待审核");
	ck_assert_int_eq(count(&ed, "//dd[@class='f-answer' and contains(., '一年内')]"), 1);

	approve(&ap, vid);
	ck_assert_str_eq(version_state(&ap, vid), "已发布");
	/* Published, the reason it was once sent back is no alert any more. */
	GET(&ed, page, 200);
	ck_assert_int_eq(count(&ed, "//p[@class='alert']"), 0);

	/* A revision sent back: the entry's page shows the published version
	 * and, in the unit's panel, that the revision was sent back and why. */
	long v2 = redraft(&ed, eid);
	q.answer = "<p>用人单位应在30日内提出。</p>";
	q.submit = 1;
	edit_faq(&ed, v2, &q);
	const char *reason2 = "删去了个人申请的时限，请恢复";
	pathf(page, sizeof page, "/knowledge/versions/%ld", v2);
	pathf(action, sizeof action, "/knowledge/versions/%ld/reject", v2);
	snprintf(extra, sizeof extra, "reason=%s", web_esc(&ap, reason2));
	ck_assert_int_eq(web_act_from(&ap, page, action, extra), 303);
	GET(&ed, pathf(page, sizeof page, "/knowledge/entries/%ld", eid), 200);
	ck_assert_int_eq(count(&ed, "//dd[@class='f-answer' and contains(., '一年内')]"), 1);
	ck_assert_msg(count(&ed, "//section[h2='本单位维护']//*[contains(., '已退回') and "
				 "contains(., '%s')]", reason2) >= 1,
		      "the entry page does not say why the revision was sent back:\n%.3000s",
		      ed.body);
	ck_assert_int_eq(count(&ed, "//a[@href='/knowledge/versions/%ld']", v2), 1);
	web_free(&ed);
	web_free(&ap);
}
END_TEST

START_TEST(new_version_replaces_published_only_when_approved)
{
	struct web ed, ap, anon, op;
	char w1[64], title[256], path[160], page[96], action[96];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	start(&anon);
	snprintf(title, sizeof title, "就业登记证办理时限 %s", word(w1, sizeof w1, "rd"));
	struct faq q = { title, "就业登记 时限", "public", NULL,
			 "<p>办理时限为十个工作日，材料齐全当场受理。</p>", NULL, 1 };
	long v1;
	long eid = published_faq(&ed, &ap, &q, &v1);

	/* A new draft of the published entry, offered on its page. */
	pathf(page, sizeof page, "/knowledge/entries/%ld", eid);
	pathf(action, sizeof action, "/knowledge/entries/%ld/draft", eid);
	token_from(&ed, page);
	ck_assert_int_eq(count(&ed, "//form[@action='%s']", action), 1);
	long v2 = redraft(&ed, eid);
	ck_assert_int_ne(v2, v1);
	q.answer = "<p>办理时限为五个工作日，材料齐全当场受理。</p>";
	edit_faq(&ed, v2, &q);
	ck_assert_str_eq(version_state(&ed, v2), "待审核");
	ck_assert_msg(strstr(text(&ed, "//p[@class='meta']"), "第 2 版") != NULL,
		      "new draft is not version 2: %s", text(&ed, "//p[@class='meta']"));

	/* Until it is approved, everyone reads version 1. */
	public_entry(&anon, eid, 200);
	ck_assert_msg(strstr(text(&anon, "//dd[@class='f-answer']"), "十个工作日") != NULL,
		      "public page lost v1: %s", text(&anon, "//dd[@class='f-answer']"));
	ck_assert_int_eq(count(&anon, "//dd[contains(., '五个工作日')]"), 0);
	GET(&op, page, 200);
	ck_assert_int_eq(count(&op, "//dd[@class='f-answer' and contains(., '十个工作日')]"), 1);
	GET(&ed, page, 200);
	ck_assert_int_eq(count(&ed, "//a[@href='/knowledge/versions/%ld']", v2), 1);

	/* The approver reviews it against the published version: what is
	 * gone and what is new. The first version had nothing to compare. */
	GET(&ap, pathf(path, sizeof path, "/knowledge/versions/%ld", v2), 200);
	ck_assert_msg(count(&ap, "//section[contains(@class,'changes')]//div[contains(@class,'diff')]"
				 "//del[contains(., '十')]") == 1,
		      "the approver's page does not show 十 deleted:\n%.3000s", ap.body);
	ck_assert_msg(count(&ap, "//section[contains(@class,'changes')]//div[contains(@class,'diff')]"
				 "//ins[contains(., '五')]") == 1,
		      "the approver's page does not show 五 inserted:\n%.3000s", ap.body);
	ck_assert_msg(strstr(text(&ap, "//section[contains(@class,'changes')]/h2"), "第 1 版") != NULL,
		      "the comparison does not name the published version: %s",
		      text(&ap, "//section[contains(@class,'changes')]/h2"));
	GET(&ap, pathf(path, sizeof path, "/knowledge/versions/%ld", v1), 200);
	ck_assert_int_eq(count(&ap, "//section[contains(@class,'changes')]"), 0);

	/* Approved: the public page shows it once its cached copy is gone. */
	approve(&ap, v2);
	public_entry(&anon, eid, 200);
	ck_assert_msg(strstr(text(&anon, "//dd[@class='f-answer']"), "五个工作日") != NULL,
		      "public page does not show v2: %s", text(&anon, "//dd[@class='f-answer']"));
	ck_assert_str_eq(version_state(&ed, v1), "已替代");
	ck_assert_str_eq(version_state(&ed, v2), "已发布");

	/* Every version is kept, and any two compare character by character. */
	GET(&op, pathf(path, sizeof path, "/knowledge/entries/%ld/history", eid), 200);
	ck_assert_int_eq(count(&op, "//table/tbody/tr[td[1]/a[@href='/knowledge/versions/%ld']"
				    " and td[2]='已替代']", v1), 1);
	ck_assert_int_eq(count(&op, "//table/tbody/tr[td[1]/a[@href='/knowledge/versions/%ld']"
				    " and td[2]='已发布']", v2), 1);
	/* Its creation time in Beijing time, as every time on every page; the
	 * layout says so once, no column says UTC. */
	char created[32], want[32];
	sql_text(created, sizeof created, "SELECT created_at FROM kb_versions WHERE id = ?",
		 DB_I(v1));
	beijing_minute(created, want, sizeof want);
	ck_assert_msg(count(&op, "//table/tbody/tr[td[1]/a[@href='/knowledge/versions/%ld']"
				 " and td[6]='%s']", v1, want) == 1,
		      "版本记录 does not show version 1 created at %s (UTC %s):\n%.3000s", want,
		      created, op.body);
	ck_assert_msg(!body_has(&op, "UTC"), "版本记录 mentions UTC:\n%.3000s", op.body);
	ck_assert_int_eq(count(&op, "//footer[contains(., '时间均为北京时间')]"), 1);
	GET(&op, pathf(path, sizeof path, "/knowledge/entries/%ld/diff?a=%ld&b=%ld", eid, v1, v2),
	    200);
	ck_assert_msg(count(&op, "//div[contains(@class,'diff')]//del[contains(., '十')]") == 1,
		      "diff does not delete 十:\n%.2000s", op.body);
	ck_assert_msg(count(&op, "//div[contains(@class,'diff')]//ins[contains(., '五')]") == 1,
		      "diff does not insert 五:\n%.2000s", op.body);
	ck_assert_msg(count(&op, "//div[contains(@class,'diff')]//*[self::del or self::ins]"
				 "[contains(., '工作日')]") == 0,
		      "diff is not character-level:\n%.2000s", op.body);
	/* Another entry's versions are not comparable here. */
	long st = web_get(&op, pathf(path, sizeof path, "/knowledge/entries/%ld/diff?a=%ld&b=%ld",
				     eid + 1, v1, v2));
	ck_assert_msg(st == 404, "diff of foreign versions: %ld", st);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&anon);
}
END_TEST

START_TEST(obsolete_entry_leaves_search_and_public_page)
{
	struct web ed, ap, anon, op;
	char w1[64], title[256], page[96], action[96], extra[512];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	start(&anon);
	snprintf(title, sizeof title, "高校毕业生求职创业补贴怎么领 %s", word(w1, sizeof w1, "ob"));
	struct faq q = { title, "求职创业补贴 毕业生", "public", NULL,
			 "<p>毕业学年内在校期间申请，标准为每人3000元。</p>", NULL, 1 };
	long eid = published_faq(&ed, &ap, &q, NULL);
	ck_assert_int_eq(finds(&anon, 1, w1, eid), 1);
	ck_assert_int_eq(finds(&op, 0, w1, eid), 1);
	public_entry(&anon, eid, 200);

	pathf(page, sizeof page, "/knowledge/entries/%ld", eid);
	pathf(action, sizeof action, "/knowledge/entries/%ld/obsolete", eid);
	ck_assert_int_eq(web_act_from(&ed, page, action, NULL), 400);
	SAYS(&ed, "理由");
	const char *reason = "该补贴政策已于本年度停止执行";
	snprintf(extra, sizeof extra, "reason=%s", web_esc(&ed, reason));
	ck_assert_int_eq(web_act_from(&ed, page, action, extra), 303);

	ck_assert_int_eq(finds(&anon, 1, w1, eid), 0);
	public_entry(&anon, eid, 404);
	ck_assert_int_eq(finds(&op, 0, w1, eid), 0);

	/* Staff still open it, marked obsolete with the reason, and its
	 * history stays. */
	GET(&op, page, 200);
	const char *alert = text(&op, "//p[@class='alert']");
	ck_assert_msg(strstr(alert, "失效") != NULL && strstr(alert, reason) != NULL,
		      "obsolete entry shows: %s", alert);
	GET(&ed, page, 200);
	ck_assert_msg(strstr(text(&ed, "//p[@class='alert']"), reason) != NULL,
		      "editor's page does not show the reason");
	ck_assert_int_eq(count(&ed, "//form[@action='/knowledge/entries/%ld/draft']", eid), 0);
	ck_assert_int_eq(web_act_from(&ed, page, pathf(action, sizeof action,
				      "/knowledge/entries/%ld/draft", eid), NULL), 409);
	ck_assert_int_eq(web_act_from(&ed, page, pathf(action, sizeof action,
				      "/knowledge/entries/%ld/obsolete", eid), extra), 409);
	GET(&op, pathf(page, sizeof page, "/knowledge/entries/%ld/history", eid), 200);
	ck_assert_int_eq(count(&op, "//table/tbody/tr"), 1);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&anon);
}
END_TEST

/* A draft's 公开/内部 setting reaches the entry only when approved. */
START_TEST(draft_visibility_waits_for_approval)
{
	struct web ed, ap, anon;
	char w1[64], title[256], path[96];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	start(&anon);
	snprintf(title, sizeof title, "社保内部稽核口径 %s", word(w1, sizeof w1, "vis"));
	struct faq q = { title, "稽核", "internal", NULL, "<p>内部掌握。</p>", NULL, 1 };
	long eid = published_faq(&ed, &ap, &q, NULL);
	long v2 = redraft(&ed, eid);
	struct faq q2 = q;
	q2.visibility = "public";
	q2.submit = 0;
	edit_faq(&ed, v2, &q2);
	/* Saved but not approved: the entry is still internal everywhere. */
	GET(&ed, pathf(path, sizeof path, "/knowledge/entries/%ld", eid), 200);
	ck_assert_msg(strstr(text(&ed, "//p[@class='meta']"), "内部") != NULL,
		      "entry became %s before approval", text(&ed, "//p[@class='meta']"));
	public_entry(&anon, eid, 404);
	/* The approver sees what they would publish. */
	GET(&ap, pathf(path, sizeof path, "/knowledge/versions/%ld", v2), 200);
	ck_assert_str_eq(text(&ap, "//span[@class='visibility']"), "公开");
	web_free(&anon);
	web_free(&ed);
	web_free(&ap);
}
END_TEST

/* Another unit's editor and approver neither see nor touch the unit's
 * open versions (404: they do not learn they exist); its published entry
 * they read, without the forms to change it. */
/* 质量检查 (K10.2, issue 14): the lint's findings on a saved version, for
 * its editor and for the approver beside the changes. */
START_TEST(lint_findings_shown_to_editor_and_approver)
{
	struct web ed, ap;
	char w1[64], title[256];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	word(w1, sizeof w1, "lint");
	snprintf(title, sizeof title, "社保卡按装 %s", w1);
	struct faq q = { title, "社保卡 医保 社保卡", "public", "社保卡怎么激活,需要什么？",
			 "<p>部份网点可办理，自2024.1.5起可网上激活。</p><p></p>", NULL, 1 };
	long vid = new_faq(&ed, &q);
	ck_assert_str_eq(version_state(&ed, vid), "待审核");
	struct web *who[] = { &ed, &ap };
	for (int i = 0; i < 2; i++) {
		char path[64];
		GET(who[i], pathf(path, sizeof path, "/knowledge/versions/%ld", vid), 200);
		const char *l = text(who[i], "//section[contains(@class,'lint')]");
		static const char *const want[] = {
			"“按装”应为“安装”", "“部份”应为“部分”", "半角逗号", "“2024.1.5”",
			"空的段落", "关键词“社保卡”重复", "关键词“医保”未在标题或正文中出现",
		};
		for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
			ck_assert_msg(strstr(l, want[k]) != NULL, "the lint does not say 「%s」: %s",
				      want[k], l);
	}
	/* The office keeps the list: a pair it adds is found at once. */
	struct web coord, mj;
	char body[512], wrong[32];
	sign_in(&coord, "coordinator");
	sign_in(&mj, "mj_coordinator");
	GET(&coord, "/knowledge/typos", 200);
	ck_assert_int_ge(atol(text(&coord, "//h2[starts-with(., '错别字表')]") + strlen("错别字表（")),
			 300);
	ck_assert_int_eq(count(&coord, "//table[@class='typos']/tbody/tr[td[1]='按装'][td[2]='安装']"), 1);
	snprintf(wrong, sizeof wrong, "激火%s", w1 + strlen(w1) - 2);
	POST(&mj, "/knowledge/typos",
	     form(&mj, body, sizeof body, "csrf", token_from(&mj, "/knowledge/typos"), "wrong", wrong,
		  "correct", "激活", NULL), 403);
	POST(&coord, "/knowledge/typos",
	     form(&coord, body, sizeof body, "csrf", token_from(&coord, "/knowledge/typos"), "wrong",
		  "安装", "correct", "安装好", NULL), 400);
	SAYS(&coord, "不能包含");
	POST(&coord, "/knowledge/typos",
	     form(&coord, body, sizeof body, "csrf", token_from(&coord, "/knowledge/typos"), "wrong",
		  wrong, "correct", "激活", NULL), 303);
	snprintf(title, sizeof title, "社保卡%s %s", wrong, w1);
	struct faq fire = { title, "社保卡", "public", "社保卡怎么激活？", "<p>到网点激活。</p>", NULL, 0 };
	long fv = new_faq(&ed, &fire);
	char fpath[64], want[96];
	GET(&ed, pathf(fpath, sizeof fpath, "/knowledge/versions/%ld", fv), 200);
	snprintf(want, sizeof want, "“%s”应为“激活”", wrong);
	ck_assert_msg(strstr(text(&ed, "//section[contains(@class,'lint')]"), want) != NULL,
		      "the office's new pair is not applied");
	web_free(&coord);
	web_free(&mj);
	/* A clean entry says so. */
	snprintf(title, sizeof title, "社保卡激活 %s", w1);
	struct faq ok = { title, "社保卡 激活", "public", "社保卡怎么激活？",
			  "<p>携带身份证到网点激活社保卡。</p>", NULL, 0 };
	vid = new_faq(&ed, &ok);
	char path[64];
	GET(&ed, pathf(path, sizeof path, "/knowledge/versions/%ld", vid), 200);
	ck_assert_str_eq(text(&ed, "//section[contains(@class,'lint')]/p"),
			 "未发现错别字、关键词或格式问题。");
	web_free(&ed);
	web_free(&ap);
}
END_TEST

START_TEST(other_units_see_no_open_versions)
{
	struct web ed, ap, ed2, ap2;
	char w1[64], title[256], path[160], body[2048];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&ed2, "editor_psb");
	sign_in(&ap2, "approver_psb");
	word(w1, sizeof w1, "ro");
	snprintf(title, sizeof title, "社保卡密码忘了怎么重置 %s 已发布", w1);
	struct faq q = { title, "社保卡 密码", "public", NULL,
			 "<p>持身份证到社保卡服务网点或通过“粤省事”重置。</p>", NULL, 1 };
	long published = published_faq(&ed, &ap, &q, NULL);
	snprintf(title, sizeof title, "社保卡密码忘了怎么重置 %s 待审核", w1);
	long pending = new_faq(&ed, &q);
	snprintf(title, sizeof title, "社保卡密码忘了怎么重置 %s 草稿", w1);
	q.submit = 0;
	long draft = new_faq(&ed, &q);
	ck_assert_str_eq(version_state(&ed, draft), "草稿");

	GET(&ed2, pathf(path, sizeof path, "/knowledge/versions/%ld", draft), 404);
	GET(&ed2, pathf(path, sizeof path, "/knowledge/versions/%ld", pending), 404);
	GET(&ed2, pathf(path, sizeof path, "/knowledge/versions/%ld/edit", draft), 404);
	ACT(&ed2, pathf(path, sizeof path, "/knowledge/versions/%ld/submit", draft), NULL, 404);
	ACT(&ed2, pathf(path, sizeof path, "/knowledge/versions/%ld/withdraw", pending), NULL, 404);
	form(&ed2, body, sizeof body, "title", w1, "visibility", "public", "change_date", run_day,
	     "kb_question", "x", "kb_answer", "x", NULL);
	ACT(&ed2, pathf(path, sizeof path, "/knowledge/versions/%ld", draft), body, 404);
	/* … nor 人社局's published entry, which it may read. */
	GET(&ed2, pathf(path, sizeof path, "/knowledge/entries/%ld", published), 200);
	ck_assert_int_eq(count(&ed2, "//form[contains(@action,'/draft') or contains(@action,'/obsolete')]"), 0);
	ACT(&ed2, pathf(path, sizeof path, "/knowledge/entries/%ld/draft", published), "reason=x",
	    404);
	ACT(&ed2, pathf(path, sizeof path, "/knowledge/entries/%ld/obsolete", published),
	    "reason=x", 404);

	/* 户政支队's approver neither sees nor decides 人社局's pending one. */
	GET(&ap2, "/knowledge/pending", 200);
	ck_assert_int_eq(count(&ap2, "//a[@href='/knowledge/versions/%ld']", pending), 0);
	ACT(&ap2, pathf(path, sizeof path, "/knowledge/versions/%ld/approve", pending), NULL, 404);
	ACT(&ap2, pathf(path, sizeof path, "/knowledge/versions/%ld/reject", pending), "reason=x",
	    404);
	ck_assert_str_eq(version_state(&ap, pending), "待审核");
	/* The unit's approver is not offered the edit form. */
	ck_assert_int_eq(count(&ap, "//a[contains(@href,'/edit')]"), 0);
	web_free(&ed);
	web_free(&ap);
	web_free(&ed2);
	web_free(&ap2);
}
END_TEST

static Suite *kb_editing_suite(void)
{
	Suite *s = suite_create("kb_editing");
	TCase *tc = tcase(s, "workflow", 180);
	tcase_add_test(tc, editor_drafts_approver_publishes_public_finds);
	tcase_add_test(tc, reject_needs_reason_then_resubmit);
	tcase_add_test(tc, new_version_replaces_published_only_when_approved);
	tcase_add_test(tc, obsolete_entry_leaves_search_and_public_page);
	tcase_add_test(tc, draft_visibility_waits_for_approval);
	tc = tcase(s, "units", 180);
	tcase_add_test(tc, other_units_see_no_open_versions);
	tcase_add_test(tc, lint_findings_shown_to_editor_and_approver);
	return s;
}

int main(void)
{
	return suite_main(kb_editing_suite(), NULL);
}
