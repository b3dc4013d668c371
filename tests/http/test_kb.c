/* HTTP tests of the knowledge base (K2, K4-K9, U4): drive the real stack
 * (nginx → hotlined → MariaDB) as editors, approvers, operators and the
 * public would, and assert what each of them sees.
 *
 * Run by tests/stack-tests.sh after test_http, on the same fresh private
 * stack, with BASE_URL, VAR (the stack's state directory) and HOTLINECTL in
 * the environment, from the top of the repository (sql/kb.xsd is read from
 * there). Each test signs in for itself (Check runs each in its own
 * process) and makes its own entries, named with a stamp unique to the run,
 * so the tests do not depend on each other's data and the suite may run
 * twice against one stack. Demo accounts are in sql/demo/demo.sql. */
#include <check.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check_kb.h"

#define HRSS_UNIT "梅州市人力资源和社会保障局"
#define PSB_HZ_UNIT "梅州市公安局户政支队"
/* Demo entries (sql/demo/kb/): one of 人社局's, one of 户政支队's. */
#define HRSS_DEMO_TITLE "灵活就业人员怎样参加职工养老保险"
#define PSB_DEMO_TITLE "居民身份证到期换领必须回户籍地办理吗"

/* A draft's 公开/内部 setting reaches the entry only when approved. */
START_TEST(draft_visibility_waits_for_approval)
{
	struct web ed, ap;
	char w1[64], title[256], path[96];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	snprintf(title, sizeof title, "社保内部稽核口径 %s", word(w1, sizeof w1, "vis"));
	struct faq q = { title, "稽核", "internal", NULL, "<p>内部掌握。</p>", NULL, 1 };
	long v1;
	long eid = published_faq(&ed, &ap, &q, &v1);
	snprintf(path, sizeof path, "/knowledge/entries/%ld/draft", eid);
	char entry_page[96];
	snprintf(entry_page, sizeof entry_page, "/knowledge/entries/%ld", eid);
	ck_assert_int_eq(post_from(&ed, entry_page, path, NULL), 303);
	long v2 = id_after(web_location(&ed), "/knowledge/versions/");
	ck_assert(v2 > 0);
	struct faq q2 = q;
	q2.visibility = "public";
	q2.submit = 0;
	edit_faq(&ed, v2, &q2);
	/* Saved but not approved: the entry is still internal everywhere. */
	GET(&ed, entry_page, 200);
	ck_assert_msg(strstr(text(&ed, "//p[@class='meta']"), "内部") != NULL,
		      "entry became %s before approval", text(&ed, "//p[@class='meta']"));
	struct web anon;
	start(&anon);
	public_entry(&anon, eid, 404);
	/* The approver sees what they would publish. */
	snprintf(path, sizeof path, "/knowledge/versions/%ld", v2);
	GET(&ap, path, 200);
	ck_assert_str_eq(text(&ap, "//span[@class='visibility']"), "公开");
	web_free(&anon);
	web_free(&ed);
	web_free(&ap);
}
END_TEST

/* Errors on the public page keep the public layout: no link to the staff
 * workbench. */
START_TEST(public_errors_stay_public)
{
	struct web w;
	start(&w);
	GET(&w, "/kb/e/999999999", 404);
	ck_assert_int_eq(count(&w, "//a[@href='/kb']"), 2);
	ck_assert_int_eq(count(&w, "//a[@href='/']"), 0);
	ck_assert_int_eq(count(&w, "//nav[@class='main']"), 0);
	web_free(&w);
}
END_TEST

/* ---- running hotlinectl and xmllint ------------------------------------- */

static char conf_path[1024];

static const char *conf(void)
{
	snprintf(conf_path, sizeof conf_path, "%s/hotline.conf", env_or_fail("VAR"));
	return conf_path;
}

static int kb_import(const char *file, char *out, size_t out_size, char *err,
		     size_t err_size)
{
	const char *argv[] = { env_or_fail("HOTLINECTL"), "-c", conf(), "kb", "import",
			       file, "--unit", "city-hrss", NULL };
	return run_cmd(argv, out, out_size, err, err_size);
}

/* Writes text to a new temporary file; returns its name (static). */
static const char *temp_file(char *name, size_t size, const char *body)
{
	snprintf(name, size, "/tmp/kbtest-XXXXXX");
	int fd = mkstemp(name);
	ck_assert_msg(fd >= 0, "mkstemp failed");
	size_t len = strlen(body);
	ck_assert_msg(write(fd, body, len) == (ssize_t)len, "write failed");
	close(fd);
	chmod(name, 0644);
	return name;
}

/* ---- workflow ----------------------------------------------------------- */

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
	ck_assert_str_eq(state_of(&ed, vid), "待审核");
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
	ck_assert_str_eq(state_of(&ap, vid), "已发布");
	GET(&ap, "/knowledge/pending", 200);
	ck_assert_int_eq(count(&ap, "//a[@href='/knowledge/versions/%ld']", vid), 0);

	/* Published: the public finds it and reads the formatted answer. */
	PUBLIC_EVENTUALLY(finds(&anon, 1, w1, eid) == 1);
	ck_assert_int_eq(finds(&anon, 1, w1, eid), 1);
	ck_assert_msg(count(&anon, "//ol[@class='results']//mark[.='%s']", w1) >= 1,
		      "the public result does not mark %s", w1);
	public_entry(&anon, eid, 200);
	ck_assert_str_eq(text(&anon, "//h1"), title);
	ck_assert_str_eq(text(&anon, "//dd[@class='f-answer']//strong"), "广东人社");
	ck_assert_msg(strstr(text(&anon, "//p[@class='meta']"), HRSS_UNIT) != NULL,
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
	char w1[64], title[256], page[96], action[96];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	snprintf(title, sizeof title, "工伤认定申请时限是多久 %s",
		 word(w1, sizeof w1, "rj"));
	struct faq q = { title, "工伤 认定 时限", "public", NULL,
			 "<p>用人单位应在事故发生之日起30日内提出申请。</p>", NULL, 1 };
	long vid = new_faq(&ed, &q);
	snprintf(page, sizeof page, "/knowledge/versions/%ld", vid);
	snprintf(action, sizeof action, "/knowledge/versions/%ld/reject", vid);

	ck_assert_int_eq(post_from(&ap, page, action, NULL), 400);
	ck_assert_msg(strstr(text(&ap, "//p[@class='message']"), "理由") != NULL,
		      "400 does not ask for a reason: %s", text(&ap, "//p[@class='message']"));
	ck_assert_int_eq(post_from(&ap, page, action, "reason="), 400);
	/* A reason of spaces only is no reason. */
	ck_assert_int_eq(post_from(&ap, page, action, "reason=%20%20%E3%80%80"), 400);
	ck_assert_int_eq(post_from(&ap, page, action, "reason=%20%20"), 400);
	ck_assert_str_eq(state_of(&ap, vid), "待审核");

	const char *reason = "请补充个人申请的时限（一年内）";
	char extra[512];
	snprintf(extra, sizeof extra, "reason=%s", web_esc(&ap, reason));
	ck_assert_int_eq(post_from(&ap, page, action, extra), 303);
	ck_assert_str_eq(state_of(&ap, vid), "已退回");

	/* The editor sees why, edits and sends it again. */
	ck_assert_str_eq(state_of(&ed, vid), "已退回");
	ck_assert_msg(strstr(text(&ed, "//p[@class='alert']"), reason) != NULL,
		      "editor does not see the reason: %s", text(&ed, "//p[@class='alert']"));
	ck_assert_int_eq(count(&ed, "//a[@href='/knowledge/versions/%ld/edit']", vid), 1);
	q.answer = "<p>用人单位应在30日内提出；单位未提出的，职工或其近亲属可在一年内提出。</p>";
	edit_faq(&ed, vid, &q);
	ck_assert_str_eq(state_of(&ed, vid), "待审核");
	ck_assert_int_eq(count(&ed, "//dd[@class='f-answer' and contains(., '一年内')]"), 1);

	approve(&ap, vid);
	ck_assert_str_eq(state_of(&ap, vid), "已发布");
	web_free(&ed);
	web_free(&ap);
}
END_TEST

START_TEST(new_version_replaces_published_only_when_approved)
{
	struct web ed, ap, anon, op;
	char w1[64], title[256], path[160];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	start(&anon);
	snprintf(title, sizeof title, "就业登记证办理时限 %s", word(w1, sizeof w1, "rd"));
	struct faq q = { title, "就业登记 时限", "public", NULL,
			 "<p>办理时限为十个工作日，材料齐全当场受理。</p>", NULL, 1 };
	long v1;
	long eid = published_faq(&ed, &ap, &q, &v1);

	/* A new draft of the published entry. */
	char page[96], action[96];
	snprintf(page, sizeof page, "/knowledge/entries/%ld", eid);
	snprintf(action, sizeof action, "/knowledge/entries/%ld/draft", eid);
	token_from(&ed, page);
	ck_assert_int_eq(count(&ed, "//form[@action='%s']", action), 1);
	ck_assert_int_eq(post_from(&ed, page, action, NULL), 303);
	long v2 = id_after(web_location(&ed), "/knowledge/versions/");
	ck_assert_msg(v2 > 0 && v2 != v1, "no new version after redraft: %s",
		      web_location(&ed) ? web_location(&ed) : "(none)");
	q.answer = "<p>办理时限为五个工作日，材料齐全当场受理。</p>";
	edit_faq(&ed, v2, &q);
	ck_assert_str_eq(state_of(&ed, v2), "待审核");
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

	approve(&ap, v2);
	PUBLIC_EVENTUALLY((public_entry(&anon, eid, 200),
			   strstr(text(&anon, "//dd[@class='f-answer']"), "五个工作日") != NULL));
	ck_assert_msg(strstr(text(&anon, "//dd[@class='f-answer']"), "五个工作日") != NULL,
		      "public page does not show v2: %s", text(&anon, "//dd[@class='f-answer']"));
	ck_assert_str_eq(state_of(&ed, v1), "已替代");
	ck_assert_str_eq(state_of(&ed, v2), "已发布");

	/* Every version is kept, and any two compare character by character. */
	snprintf(path, sizeof path, "/knowledge/entries/%ld/history", eid);
	GET(&op, path, 200);
	ck_assert_int_eq(count(&op, "//table/tbody/tr[td[1]/a[@href='/knowledge/versions/%ld']"
				    " and td[2]='已替代']", v1), 1);
	ck_assert_int_eq(count(&op, "//table/tbody/tr[td[1]/a[@href='/knowledge/versions/%ld']"
				    " and td[2]='已发布']", v2), 1);
	snprintf(path, sizeof path, "/knowledge/entries/%ld/diff?a=%ld&b=%ld", eid, v1, v2);
	GET(&op, path, 200);
	ck_assert_msg(count(&op, "//div[contains(@class,'diff')]//del[contains(., '十')]") == 1,
		      "diff does not delete 十:\n%.2000s", op.body);
	ck_assert_msg(count(&op, "//div[contains(@class,'diff')]//ins[contains(., '五')]") == 1,
		      "diff does not insert 五:\n%.2000s", op.body);
	ck_assert_msg(count(&op, "//div[contains(@class,'diff')]//*[self::del or self::ins]"
				 "[contains(., '工作日')]") == 0,
		      "diff is not character-level:\n%.2000s", op.body);
	/* Another entry's versions are not comparable here. */
	snprintf(path, sizeof path, "/knowledge/entries/%ld/diff?a=%ld&b=%ld", eid + 1, v1, v2);
	long st = web_get(&op, path);
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
	char w1[64], title[256], page[96], action[96];
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

	snprintf(page, sizeof page, "/knowledge/entries/%ld", eid);
	snprintf(action, sizeof action, "/knowledge/entries/%ld/obsolete", eid);
	ck_assert_int_eq(post_from(&ed, page, action, NULL), 400);
	const char *reason = "该补贴政策已于本年度停止执行";
	char extra[512];
	snprintf(extra, sizeof extra, "reason=%s", web_esc(&ed, reason));
	ck_assert_int_eq(post_from(&ed, page, action, extra), 303);

	PUBLIC_EVENTUALLY(finds(&anon, 1, w1, eid) == 0);
	char pub[96];
	snprintf(pub, sizeof pub, "/kb/e/%ld", eid);
	PUBLIC_EVENTUALLY(web_get(&anon, pub) == 404);
	public_entry(&anon, eid, 404);
	ck_assert_int_eq(finds(&anon, 1, w1, eid), 0);
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
	snprintf(action, sizeof action, "/knowledge/entries/%ld/draft", eid);
	ck_assert_int_eq(post_from(&ed, page, action, NULL), 409);
	snprintf(action, sizeof action, "/knowledge/entries/%ld/obsolete", eid);
	ck_assert_int_eq(post_from(&ed, page, action, extra), 409);
	snprintf(page, sizeof page, "/knowledge/entries/%ld/history", eid);
	GET(&op, page, 200);
	ck_assert_int_eq(count(&op, "//table/tbody/tr"), 1);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&anon);
}
END_TEST

/* ---- roles and units ---------------------------------------------------- */

START_TEST(roles_and_units_are_enforced)
{
	struct web ed, ap, op, ed2, ap2, clerk, anon;
	char w1[64], title[256], path[160], body[2048];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	sign_in(&ed2, "editor_psb");
	sign_in(&ap2, "approver_psb");
	sign_in(&clerk, "clerk_hrss");
	start(&anon);
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
	ck_assert_str_eq(state_of(&ed, draft), "草稿");

	/* An operator reads but does not write. */
	GET(&op, "/knowledge/new?kind=faq", 403);
	const char *csrf = token_from(&op, "/knowledge");
	snprintf(body, sizeof body, "csrf=%s&kind=faq&title=x&visibility=public"
		 "&change_date=%s&kb_question=x&kb_answer=x", web_esc(&op, csrf), today);
	POST(&op, "/knowledge/new", body, 403);
	snprintf(path, sizeof path, "/knowledge/entries/%ld", published);
	GET(&op, path, 200);

	/* 户政支队's editor cannot see or change 人社局's open versions. */
	snprintf(path, sizeof path, "/knowledge/versions/%ld", draft);
	GET(&ed2, path, 404);
	snprintf(path, sizeof path, "/knowledge/versions/%ld", pending);
	GET(&ed2, path, 404);
	snprintf(path, sizeof path, "/knowledge/versions/%ld/edit", draft);
	GET(&ed2, path, 404);
	csrf = token_from(&ed2, "/knowledge/mine");
	snprintf(body, sizeof body, "csrf=%s", web_esc(&ed2, csrf));
	snprintf(path, sizeof path, "/knowledge/versions/%ld/submit", draft);
	POST(&ed2, path, body, 404);
	snprintf(path, sizeof path, "/knowledge/versions/%ld/withdraw", pending);
	POST(&ed2, path, body, 404);
	snprintf(body, sizeof body, "csrf=%s&title=%s&visibility=public&change_date=%s"
		 "&kb_question=x&kb_answer=x", web_esc(&ed2, csrf), w1, today);
	snprintf(path, sizeof path, "/knowledge/versions/%ld", draft);
	POST(&ed2, path, body, 404);
	/* … nor 人社局's published entry, which it may read. */
	snprintf(path, sizeof path, "/knowledge/entries/%ld", published);
	GET(&ed2, path, 200);
	ck_assert_int_eq(count(&ed2, "//form[contains(@action,'/draft') or contains(@action,'/obsolete')]"), 0);
	snprintf(body, sizeof body, "csrf=%s&reason=x", web_esc(&ed2, csrf));
	snprintf(path, sizeof path, "/knowledge/entries/%ld/draft", published);
	POST(&ed2, path, body, 404);
	snprintf(path, sizeof path, "/knowledge/entries/%ld/obsolete", published);
	POST(&ed2, path, body, 404);

	/* 户政支队's approver neither sees nor decides 人社局's pending one. */
	GET(&ap2, "/knowledge/pending", 200);
	ck_assert_int_eq(count(&ap2, "//a[@href='/knowledge/versions/%ld']", pending), 0);
	csrf = token_from(&ap2, "/knowledge/pending");
	snprintf(body, sizeof body, "csrf=%s&reason=x", web_esc(&ap2, csrf));
	snprintf(path, sizeof path, "/knowledge/versions/%ld/approve", pending);
	POST(&ap2, path, body, 404);
	snprintf(path, sizeof path, "/knowledge/versions/%ld/reject", pending);
	POST(&ap2, path, body, 404);

	/* The unit's editor drafts but does not approve; its approver does
	 * not edit. */
	csrf = token_from(&ed, "/knowledge/mine");
	snprintf(body, sizeof body, "csrf=%s", web_esc(&ed, csrf));
	snprintf(path, sizeof path, "/knowledge/versions/%ld/approve", pending);
	POST(&ed, path, body, 403);
	snprintf(path, sizeof path, "/knowledge/versions/%ld/edit", draft);
	GET(&ap, path, 403);
	ck_assert_str_eq(state_of(&ap, pending), "待审核");
	ck_assert_int_eq(count(&ap, "//a[contains(@href,'/edit')]"), 0);

	/* A clerk searches; only editors create. */
	GET(&clerk, "/knowledge?q=%E7%A4%BE%E4%BF%9D", 200);
	ck_assert_str_eq(text(&clerk, "//h1"), "知识检索");
	GET(&clerk, "/knowledge/new", 403);
	GET(&clerk, "/knowledge/new?kind=guide", 403);

	/* Signed out: to the login page. */
	GET(&anon, "/knowledge", 303);
	ck_assert_msg(strncmp(web_location(&anon) ? web_location(&anon) : "", "/login", 6) == 0,
		      "anonymous /knowledge goes to %s", web_location(&anon));
	snprintf(path, sizeof path, "/knowledge/versions/%ld", draft);
	GET(&anon, path, 303);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&ed2);
	web_free(&ap2);
	web_free(&clerk);
	web_free(&anon);
}
END_TEST

/* ---- the public page leaks nothing -------------------------------------- */

START_TEST(public_page_leaks_nothing)
{
	struct web ed, ap, op, anon;
	char m_int[64], m_draft[64], m_obs[64], m_note[64], m_pub[64];
	char t_int[256], t_draft[256], t_obs[256], t_pub[256], a_int[256], notes[256];
	char path[256];
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
	struct faq fd = { t_draft, "养老金 调整", "public", NULL,
			  "<p>草稿内容 leak。</p>", NULL, 1 };
	long v_draft = new_faq(&ed, &fd);
	long e_draft = entry_of(&ed, v_draft);

	snprintf(t_obs, sizeof t_obs, "已废止的社保补贴 %s", m_obs);
	struct faq fo = { t_obs, "补贴 废止", "public", NULL, "<p>旧政策。</p>", NULL, 1 };
	long e_obs = published_faq(&ed, &ap, &fo, NULL);
	snprintf(path, sizeof path, "/knowledge/entries/%ld/obsolete", e_obs);
	char page[96];
	snprintf(page, sizeof page, "/knowledge/entries/%ld", e_obs);
	ck_assert_int_eq(post_from(&ed, page, path, "reason=%E5%BA%9F%E6%AD%A2"), 303);

	snprintf(t_pub, sizeof t_pub, "社保卡可以跨省使用吗 %s", m_pub);
	snprintf(notes, sizeof notes, "答复时不要承诺具体办结时间 %s", m_note);
	struct faq fp = { t_pub, "社保卡 跨省", "public", NULL,
			  "<p>可以，持卡可在全国联网定点医院结算。</p>", notes, 1 };
	long e_pub = published_faq(&ed, &ap, &fp, NULL);

	snprintf(path, sizeof path, "/knowledge/entries/%ld", e_int);
	GET(&op, path, 200);
	ck_assert_msg(strstr(text(&op, "//p[@class='meta']"), "内部") != NULL,
		      "internal entry not marked 内部: %s", text(&op, "//p[@class='meta']"));

	/* An open draft that would make the internal entry public changes
	 * nothing on the public page before it is approved. */
	snprintf(page, sizeof page, "/knowledge/entries/%ld", e_int);
	snprintf(path, sizeof path, "/knowledge/entries/%ld/draft", e_int);
	ck_assert_int_eq(post_from(&ed, page, path, NULL), 303);
	long v_int2 = id_after(web_location(&ed), "/knowledge/versions/");
	ck_assert_int_gt(v_int2, 0);
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

	/* Browsing. */
	const char *browse[] = { "/kb", "/kb?kind=faq", "/kb?unit_id=14",
				 "/kb?kind=faq&unit_id=14", "/kb?kind=faq&unit_id=14&page=1" };
	for (size_t b = 0; b < sizeof browse / sizeof browse[0]; b++) {
		GET(&anon, browse[b], 200);
		for (size_t i = 0; i < 4; i++)
			ck_assert_msg(!body_has(&anon, markers[i]), "%s shows %s", browse[b],
				      markers[i]);
		for (size_t i = 0; i < 3; i++)
			ck_assert_int_eq(count(&anon, "//a[@href='/kb/e/%ld']", hidden[i]), 0);
	}
	GET(&anon, "/kb?kind=faq&unit_id=14", 200);
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
	snprintf(path, sizeof path, "/kb/e/%ld/vote", e_int);
	POST(&anon, path, "vote=useful", 404);

	/* Staff see the internal entry and the notes. */
	ck_assert_int_eq(finds(&op, 0, m_int, e_int), 1);
	snprintf(path, sizeof path, "/knowledge/entries/%ld", e_int);
	GET(&op, path, 200);
	ck_assert_msg(body_has(&op, m_int), "operator does not see the internal entry");
	ck_assert_int_eq(finds(&op, 0, m_note, e_pub), 1);
	snprintf(path, sizeof path, "/knowledge/entries/%ld", e_pub);
	GET(&op, path, 200);
	ck_assert_msg(strstr(text(&op, "//dd[@class='f-notes']"), m_note) != NULL,
		      "operator does not see the notes");
	/* … but never another unit's draft. */
	ck_assert_int_eq(finds(&op, 0, m_draft, 0), 0);
	snprintf(path, sizeof path, "/knowledge/entries/%ld", e_draft);
	GET(&op, path, 404);
	snprintf(path, sizeof path, "/knowledge/versions/%ld", v_draft);
	GET(&op, path, 404);
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
	snprintf(path, sizeof path, "/knowledge/versions/%ld", vid);
	GET(&ap, path, 200);
	assert_clean(&ap, "approver's version page");
	approve(&ap, vid);
	long eid = entry_of(&ed, vid);
	public_entry(&anon, eid, 200);
	assert_clean(&anon, "public entry page");
	snprintf(path, sizeof path, "/knowledge/entries/%ld", eid);
	GET(&op, path, 200);
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

/* ---- search ------------------------------------------------------------- */

START_TEST(search_ranks_title_hits_first)
{
	struct web ed, ap, op, anon;
	char term[128], title[256], answer[512];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	start(&anon);
	cjk_word(term, sizeof term, "排");

	/* The title hit is made first, so that newest-first would put the
	 * body hit ahead of it: only the ranking can order them right. */
	snprintf(title, sizeof title, "%s补贴的申领条件", term);
	struct faq a = { title, "申领条件", "public", NULL,
			 "<p>按规定提交申请材料即可。</p>", NULL, 1 };
	long e_title = published_faq(&ed, &ap, &a, NULL);
	snprintf(title, sizeof title, "技能提升补贴怎么申请");
	snprintf(answer, sizeof answer, "<p>与%s补贴不同，技能提升补贴按证书等级发放。</p>", term);
	struct faq b = { title, "技能提升", "public", NULL, answer, NULL, 1 };
	long e_body = published_faq(&ed, &ap, &b, NULL);

	ck_assert_int_eq(finds(&op, 0, term, 0), 2);
	ck_assert_msg(count(&op, "//ol[@class='results']/li[1]/a[@href='/knowledge/entries/%ld']",
			    e_title) == 1 &&
			      count(&op, "//ol[@class='results']/li[2]/a[@href='/knowledge/entries/%ld']",
				    e_body) == 1,
		      "operator: title hit is not ranked first:\n%.3000s", op.body);
	/* The public page shows the entry that names the matter; one that
	 * mentions it once in passing is no answer for a citizen. */
	ck_assert_int_eq(finds(&anon, 1, term, 0), 1);
	ck_assert_int_eq(finds(&anon, 1, term, e_title), 1);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&anon);
}
END_TEST

/* Entries are ranked by how much of the question they hold: every word
 * first, then fewer; word order and spaces do not matter. */
START_TEST(search_ranks_entries_holding_every_word_first)
{
	struct web ed, ap, op;
	char term[128], title[256], q[256];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	cjk_word(term, sizeof term, "双");
	snprintf(title, sizeof title, "%s住房公积金提取", term);
	struct faq a = { title, "", "public", NULL, "<p>按公积金中心规定办理。</p>", NULL, 1 };
	long e_both = published_faq(&ed, &ap, &a, NULL);
	snprintf(title, sizeof title, "%s养老保险转移", term);
	struct faq b = { title, "", "public", NULL, "<p>由转入地申请。</p>", NULL, 1 };
	long e_one = published_faq(&ed, &ap, &b, NULL);

	ck_assert_int_eq(finds(&op, 0, term, 0), 2);
#define FIRST "//ol[@class='results']/li[1]/a[@href='/knowledge/entries/%ld']"
	snprintf(q, sizeof q, "%s 公积金", term);
	ck_assert_int_eq(finds(&op, 0, q, e_both), 1);
	ck_assert_msg(count(&op, FIRST, e_both) == 1, "%s: %ld is not first", q, e_both);
	snprintf(q, sizeof q, "公积金　%s", term); /* an ideographic space */
	ck_assert_msg(finds(&op, 0, q, e_both) == 1 && count(&op, FIRST, e_both) == 1,
		      "%s: %ld is not first", q, e_both);
	snprintf(q, sizeof q, "%s养老保险怎么转移", term);
	ck_assert_msg(finds(&op, 0, q, e_one) == 1 && count(&op, FIRST, e_one) == 1,
		      "%s: %ld is not first", q, e_one);
#undef FIRST
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
}
END_TEST

START_TEST(search_folds_width_and_case)
{
	struct web ed, ap, op, anon;
	char w1[64], title[256], q[512], fw[256], up[64];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	start(&anon);
	word(w1, sizeof w1, "fw");
	snprintf(title, sizeof title, "社保abc查询 %s", w1);
	struct faq a = { title, "", "public", NULL, "<p>登录后查询。</p>", NULL, 1 };
	long eid = published_faq(&ed, &ap, &a, NULL);

	snprintf(up, sizeof up, "%s", w1);
	for (char *p = up; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	snprintf(q, sizeof q, "ＡＢＣ %s", full_width(fw, sizeof fw, up));
	ck_assert_msg(finds(&op, 0, q, eid) == 1, "full-width %s does not find %s", q, title);
	ck_assert_int_eq(finds(&anon, 1, q, eid), 1);
	snprintf(q, sizeof q, "ABC %s", up);
	ck_assert_int_eq(finds(&op, 0, q, eid), 1);
	ck_assert_int_eq(finds(&op, 0, "社保ＡＢＣ", eid), 1);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&anon);
}
END_TEST

START_TEST(search_without_result_says_so)
{
	struct web op, co, anon;
	char q[256];
	sign_in(&op, "operator");
	sign_in(&co, "coordinator");
	start(&anon);
	cjk_word(q, sizeof q, "查无此事");
	ck_assert_int_eq(finds(&op, 0, q, 0), 0);
	ck_assert_msg(strstr(text(&op, "//p[@class='alert']"), "没有找到") != NULL,
		      "no 没有找到 message for the operator: %s", text(&op, "//p[@class='alert']"));
	ck_assert_int_eq(finds(&anon, 1, q, 0), 0);
	ck_assert_msg(strstr(text(&anon, "//p[@class='alert']"), "没有找到") != NULL,
		      "no 没有找到 message on the public page");
	/* Both are one knowledge gap for the office (K9.1), counted once for
	 * the operator and once for the public. */
	GET(&co, "/knowledge/gaps", 200);
	ck_assert_msg(count(&co, "//table/tbody/tr[td[1]='%s' and td[4]='1' and td[5]='1']", q) == 1,
		      "the gap %s is not listed once per source:\n%.3000s", q, co.body);
	web_free(&op);
	web_free(&co);
	web_free(&anon);
}
END_TEST

/* A question typed as callers say it ("X证明丢了怎么办") finds the
 * entries holding its words, on the staff, intake and public pages: the
 * question words (怎么办, 哪些) do not count, the entry naming the matter
 * in its title ranks first, the words found are marked. A question about
 * something no entry holds is a gap (K9.1), counted by its content. */
START_TEST(search_reads_whole_questions)
{
	struct web ed, ap, op, co, anon;
	char term[128], title[256], answer[512], q[512], path[1024], want[512];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	sign_in(&co, "coordinator");
	start(&anon);
	cjk_word(term, sizeof term, "迁");

	/* A title hit and a body hit, the title hit made first so that only
	 * the ranking can put it ahead. */
	snprintf(title, sizeof title, "%s证明补办", term);
	struct faq a = { title, "证明", "public", NULL,
			 "<p>携带身份证等材料到服务窗口申请补办。</p>", NULL, 1 };
	long e_title = published_faq(&ed, &ap, &a, NULL);
	snprintf(answer, sizeof answer, "<p>另见%s证明的补办材料。</p>", term);
	struct faq b = { "窗口服务时间", "", "public", NULL, answer, NULL, 1 };
	long e_body = published_faq(&ed, &ap, &b, NULL);

	/* 丢了怎么办 is not in the entries: both found, title first, the
	 * word marked, no 没有找到. */
	snprintf(q, sizeof q, "%s证明丢了怎么办", term);
	ck_assert_int_eq(finds(&op, 0, q, e_title), 1);
	ck_assert_int_eq(finds(&op, 0, q, e_body), 1);
	ck_assert_msg(count(&op, "//ol[@class='results']/li[1]/a[@href='/knowledge/entries/%ld']",
			    e_title) == 1, "the title hit is not first:\n%.3000s", op.body);
	ck_assert_int_eq(count(&op, "//p[@class='alert']"), 0);
	snprintf(want, sizeof want, "%s证明", term);
	ck_assert_str_eq(text(&op, "//ol[@class='results']/li[1]/a/mark"), want);

	/* On the operator's intake page, with the question words around. */
	snprintf(q, sizeof q, "办理%s证明需要哪些材料？", term);
	snprintf(path, sizeof path, "/orders/new?q=%s", web_esc(&op, q));
	GET(&op, path, 200);
	ck_assert_msg(count(&op, "//ol[@class='results']/li[1]/a[@href='/knowledge/entries/%ld']",
			    e_title) == 1, "intake page misses %s:\n%.3000s", q, op.body);
	ck_assert_int_eq(count(&op, "//p[@class='alert']"), 0);

	/* The public page, on a query string no one asked before (the page is
	 * micro-cached); spaces and punctuation change nothing. */
	snprintf(q, sizeof q, "请问%s证明怎么补办？", term);
	ck_assert_msg(finds(&anon, 1, q, e_title) == 1, "public page misses %s:\n%.3000s", q,
		      anon.body);
	snprintf(q, sizeof q, "%s证明 丢了 怎么办", term);
	ck_assert_int_eq(finds(&op, 0, q, e_title), 1);

	/* A question about something no entry holds finds nothing and is a
	 * gap, listed by its content with the wording asked. */
	char gap[256];
	cjk_word(gap, sizeof gap, "查无");
	snprintf(q, sizeof q, "请问%s怎么办理？", gap);
	ck_assert_int_eq(finds(&op, 0, q, 0), 0);
	ck_assert_msg(strstr(text(&op, "//p[@class='alert']"), "没有找到") != NULL,
		      "no 没有找到 message for %s", q);
	GET(&co, "/knowledge/gaps", 200);
	snprintf(want, sizeof want, "%s", gap);
	ck_assert_msg(count(&co, "//table/tbody/tr[td[1]='%s' and td[2]='%s']", want, q) == 1,
		      "the gap %s (%s) is not listed:\n%.3000s", want, q, co.body);
	/* An answered question is none. */
	snprintf(want, sizeof want, "%s证明丢", term);
	ck_assert_int_eq(count(&co, "//table/tbody/tr[td[1]='%s']", want), 0);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
	web_free(&co);
	web_free(&anon);
}
END_TEST

START_TEST(hostile_queries_are_plain_text)
{
	struct web op, anon;
	sign_in(&op, "operator");
	start(&anon);
	static const char *const qs[] = {
		"\" OR 1=1 --", "+-*~<>()@", "社保\" -卡", "'; DROP TABLE kb_search; --",
		"*", "\"", "\"\"", "@3", "社保 @distance 3", "a*", "\\", "%", "%_",
		"(社保", "社保)", "~社保", "<社保", ">>>", "-", "+", "+社保 -卡*",
		"社保卡 补办", "😀社保", "＂ＯＲ１＝１", "一 二 三 四 五 六 七 八 九 十",
		"MATCH AGAINST", "\xe3\x80\x80", "社", "a",
		"++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++"
		"++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++",
	};
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		for (int pub = 0; pub < 2; pub++) {
			struct web *w = pub ? &anon : &op;
			int n = finds(w, pub, qs[i], 0);
			ck_assert_msg(n >= 0, "query %s gave no results page", qs[i]);
			ck_assert_msg(count(w, "//h1") == 1, "query %s: no heading", qs[i]);
		}
	}
	/* 社保" -卡 means 社保 and 卡: the minus is no operator. */
	int plain = finds(&op, 0, "社保 卡", 0);
	char first[64];
	snprintf(first, sizeof first, "%s", text(&op, "//ol[@class='results']/li[1]/a/@href"));
	ck_assert_int_gt(plain, 0);
	ck_assert_int_eq(finds(&op, 0, "社保\" -卡", 0), plain);
	ck_assert_str_eq(text(&op, "//ol[@class='results']/li[1]/a/@href"), first);
	web_free(&op);
	web_free(&anon);
}
END_TEST

/* ---- monthly review ----------------------------------------------------- */

START_TEST(monthly_review_confirms_entries)
{
	struct web ed, co, ap, ed2;
	char title[256], w1[64], body[1024];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&co, "coordinator");
	sign_in(&ed2, "editor_psb");
	snprintf(title, sizeof title, "社保断缴有什么影响 %s", word(w1, sizeof w1, "rv"));
	struct faq q = { title, "断缴", "public", NULL, "<p>影响待遇享受。</p>", NULL, 1 };
	long mine = published_faq(&ed, &ap, &q, NULL);

	const char *csrf = token_from(&ed, "/knowledge/review");
	int before = count(&ed, "//input[@type='checkbox' and @name='entry']");
	ck_assert_msg(before >= 3, "review lists %d entries", before);
	ck_assert_int_eq(count(&ed, "//input[@name='entry' and @value='%ld']", mine), 1);
	char expr[160];
	snprintf(expr, sizeof expr, "(//input[@name='entry' and @value!='%ld'])[1]/@value", mine);
	long a = strtol(text(&ed, expr), NULL, 10);
	snprintf(expr, sizeof expr, "(//input[@name='entry' and @value!='%ld'])[2]/@value", mine);
	long c = strtol(text(&ed, expr), NULL, 10);
	long b = mine;
	ck_assert_msg(a > 0 && c > 0 && a != c, "review ids %ld %ld", a, c);

	/* The office sees 人社局's unreviewed entries, and other units'. */
	GET(&co, "/knowledge/overdue", 200);
	ck_assert_int_eq(count(&co, "//table//a[@href='/knowledge/entries/%ld']", mine), 1);
	long psb = id_after(text(&co, "//table/tbody/tr[td[2]='" PSB_HZ_UNIT "']"
				      "/td[1]/a[starts-with(@href, '/knowledge/entries/')]/@href"),
			    "/knowledge/entries/");
	ck_assert_msg(psb > 0, "the office does not see 户政支队's unreviewed entries");

	snprintf(body, sizeof body, "csrf=%s&entry=%ld&entry=%ld&entry=%ld",
		 web_esc(&ed, csrf), a, b, psb);
	POST(&ed, "/knowledge/review", body, 303);
	ck_assert_msg(strncmp(web_location(&ed), "/knowledge/review", 17) == 0,
		      "review goes to %s", web_location(&ed));
	GET(&ed, "/knowledge/review", 200);
	ck_assert_int_eq(count(&ed, "//input[@name='entry' and @value='%ld']", a), 0);
	ck_assert_int_eq(count(&ed, "//input[@name='entry' and @value='%ld']", b), 0);
	ck_assert_int_eq(count(&ed, "//input[@name='entry' and @value='%ld']", c), 1);
	ck_assert_int_eq(count(&ed, "//input[@type='checkbox' and @name='entry']"), before - 2);

	/* The office's list follows; another unit's entry was not confirmed by
	 * 人社局. */
	GET(&co, "/knowledge/overdue", 200);
	ck_assert_int_eq(count(&co, "//table//a[@href='/knowledge/entries/%ld']", a), 0);
	ck_assert_int_eq(count(&co, "//table//a[@href='/knowledge/entries/%ld']", b), 0);
	ck_assert_int_eq(count(&co, "//table//a[@href='/knowledge/entries/%ld']", c), 1);
	ck_assert_int_eq(count(&co, "//table//a[@href='/knowledge/entries/%ld']", psb), 1);

	/* A unit sees only its own. */
	GET(&ed2, "/knowledge/overdue", 200);
	ck_assert_int_eq(count(&ed2, "//table//a[@href='/knowledge/entries/%ld']", c), 0);
	ck_assert_int_eq(count(&ed2, "//table//a[@href='/knowledge/entries/%ld']", psb), 1);
	ck_assert_int_eq(count(&ed2, "//table/tbody/tr[td[2]='" HRSS_UNIT "']"), 0);

	/* A bad id is refused, not ignored. */
	snprintf(body, sizeof body, "csrf=%s&entry=abc", web_esc(&ed, csrf));
	POST(&ed, "/knowledge/review", body, 400);
	web_free(&ed);
	web_free(&co);
	web_free(&ap);
	web_free(&ed2);
}
END_TEST

/* ---- import and export -------------------------------------------------- */

#define XML_HEAD \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                         /* 1 */ \
	"<kb xmlns=\"urn:meizhou-12345:kb:1\">\n"                             /* 2 */
#define XML_GOOD(t1, t2) \
	"  <entry kind=\"faq\" unit=\"city-hrss\" change-date=\"2026-01-05\">\n" /* 3 */ \
	"    <title>" t1 "</title>\n"                                         /* 4 */ \
	"    <field name=\"question\">个人账户可以提前支取吗？</field>\n"        /* 5 */ \
	"    <field name=\"answer\" format=\"html\">&lt;p&gt;一般不可以。&lt;/p&gt;</field>\n" /* 6 */ \
	"  </entry>\n"                                                        /* 7 */ \
	"  <entry kind=\"guide\" unit=\"city-hrss\" change-date=\"2026-01-05\">\n" /* 8 */ \
	"    <title>" t2 "</title>\n"                                         /* 9 */ \
	"    <field name=\"service\">就业失业登记</field>\n"                    /* 10 */ \
	"    <field name=\"materials\" format=\"html\">&lt;p&gt;身份证&lt;/p&gt;</field>\n" /* 11 */ \
	"    <field name=\"steps\" format=\"html\">&lt;p&gt;窗口受理&lt;/p&gt;</field>\n" /* 12 */ \
	"  </entry>\n"                                                        /* 13 */

START_TEST(import_is_one_transaction)
{
	struct web op, ed;
	char t1[128], t2[128], w1[64], w2[64], xml[8192], name[64], out[8192], err[8192];
	sign_in(&op, "operator");
	sign_in(&ed, "editor_hrss");
	word(w1, sizeof w1, "impa");
	word(w2, sizeof w2, "impb");
	snprintf(t1, sizeof t1, "养老保险个人账户能否提前支取 %s", w1);
	snprintf(t2, sizeof t2, "就业失业登记办理 %s", w2);

	struct { const char *tail, *line, *what; } bad[] = {
		/* a field its kind does not have */
		{ "  <entry kind=\"guide\" unit=\"city-hrss\" change-date=\"2026-01-05\">\n" /* 14 */
		  "    <title>坏条目</title>\n"                                   /* 15 */
		  "    <field name=\"service\">x</field>\n"                      /* 16 */
		  "    <field name=\"materials\" format=\"html\">x</field>\n"    /* 17 */
		  "    <field name=\"steps\" format=\"html\">x</field>\n"        /* 18 */
		  "    <field name=\"answer\">办事流程没有这个字段</field>\n"      /* 19 */
		  "  </entry>\n"
		  "</kb>\n", ":19:", "answer" },
		/* no change-date: the schema refuses it */
		{ "  <entry kind=\"faq\" unit=\"city-hrss\">\n"                   /* 14 */
		  "    <title>坏条目</title>\n"
		  "    <field name=\"question\">x</field>\n"
		  "    <field name=\"answer\">x</field>\n"
		  "  </entry>\n"
		  "</kb>\n", ":14:", "change-date" },
		/* another unit's entry */
		{ "  <entry kind=\"faq\" unit=\"city-psb-hz\" change-date=\"2026-01-05\">\n" /* 14 */
		  "    <title>坏条目</title>\n"
		  "    <field name=\"question\">x</field>\n"
		  "    <field name=\"answer\">x</field>\n"
		  "  </entry>\n"
		  "</kb>\n", ":14:", "city-psb-hz" },
		/* a required field missing */
		{ "  <entry kind=\"faq\" unit=\"city-hrss\" change-date=\"2026-01-05\">\n" /* 14 */
		  "    <title>坏条目</title>\n"
		  "    <field name=\"question\">x</field>\n"
		  "  </entry>\n"
		  "</kb>\n", ":14:", "" },
		/* not well-formed */
		{ "  <entry kind=\"faq\" unit=\"city-hrss\" change-date=\"2026-01-05\">\n" /* 14 */
		  "    <title>坏条目</titel>\n"                                   /* 15 */
		  "  </entry>\n"
		  "</kb>\n", ":15:", "" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(xml, sizeof xml, XML_HEAD XML_GOOD("%s", "%s"), t1, t2);
		size_t len = strlen(xml);
		snprintf(xml + len, sizeof xml - len, "%s", bad[i].tail);
		temp_file(name, sizeof name, xml);
		int rc = kb_import(name, out, sizeof out, err, sizeof err);
		unlink(name);
		ck_assert_msg(rc == 1, "bad file %zu: exit %d\nstdout: %s\nstderr: %s", i, rc,
			      out, err);
		char where[128];
		snprintf(where, sizeof where, "%s%s", name, bad[i].line);
		ck_assert_msg(strstr(err, where) != NULL,
			      "bad file %zu: stderr does not name %s:\n%s", i, where, err);
		ck_assert_msg(strstr(err, bad[i].what) != NULL,
			      "bad file %zu: stderr does not mention %s:\n%s", i, bad[i].what, err);
		ck_assert_msg(strstr(err, "nothing imported") != NULL || strstr(err, name) != NULL,
			      "bad file %zu: %s", i, err);
		ck_assert_msg(finds(&op, 0, w1, 0) == 0, "bad file %zu imported 「%s」", i, t1);
		ck_assert_msg(finds(&op, 0, w2, 0) == 0, "bad file %zu imported 「%s」", i, t2);
	}

	/* The good part alone imports, published. */
	snprintf(xml, sizeof xml, XML_HEAD XML_GOOD("%s", "%s") "</kb>\n", t1, t2);
	temp_file(name, sizeof name, xml);
	int rc = kb_import(name, out, sizeof out, err, sizeof err);
	unlink(name);
	ck_assert_msg(rc == 0, "good file: exit %d\nstdout: %s\nstderr: %s", rc, out, err);
	ck_assert_int_eq(finds(&op, 0, w1, 0), 1);
	ck_assert_msg(results_show(&op, t1), "「%s」 not found after import", t1);
	ck_assert_int_eq(finds(&op, 0, w2, 0), 1);
	ck_assert_msg(results_show(&op, t2), "「%s」 not found after import", t2);

	/* Export: the unit's own published entries, valid against the XSD. */
	char draft_title[128], wd[64];
	snprintf(draft_title, sizeof draft_title, "导出时不应出现的草稿 %s", word(wd, sizeof wd, "expd"));
	struct faq d = { draft_title, "", "public", NULL, "<p>草稿。</p>", NULL, 0 };
	new_faq(&ed, &d);
	char xname[64];
	snprintf(xname, sizeof xname, "/tmp/kbtest-exportXXXXXX");
	int fd = mkstemp(xname);
	ck_assert_int_ge(fd, 0);
	close(fd);
	const char *exp[] = { env_or_fail("HOTLINECTL"), "-c", conf(), "kb", "export",
			      "--unit", "city-hrss", "-o", xname, NULL };
	rc = run_cmd(exp, out, sizeof out, err, sizeof err);
	ck_assert_msg(rc == 0, "export: exit %d: %s", rc, err);
	ck_assert_msg(access("sql/kb.xsd", R_OK) == 0, "run from the repository top: no sql/kb.xsd");
	const char *lint[] = { "xmllint", "--noout", "--schema", "sql/kb.xsd", xname, NULL };
	rc = run_cmd(lint, out, sizeof out, err, sizeof err);
	ck_assert_msg(rc == 0, "export does not validate (xmllint exit %d): %s", rc, err);
	static char x[1 << 21];
	int xfd = open(xname, O_RDONLY);
	ck_assert_int_ge(xfd, 0);
	slurp(xfd, x, sizeof x);
	unlink(xname);
	ck_assert_msg(strlen(x) + 1 < sizeof x, "export larger than the test's buffer");
	ck_assert_msg(strstr(x, HRSS_DEMO_TITLE) != NULL, "export lacks 人社局's demo entry");
	ck_assert_msg(strstr(x, t1) != NULL && strstr(x, t2) != NULL,
		      "export lacks the imported entries");
	ck_assert_msg(strstr(x, PSB_DEMO_TITLE) == NULL, "export has 户政支队's entry");
	ck_assert_msg(strstr(x, "city-psb-hz") == NULL, "export names 户政支队");
	ck_assert_msg(strstr(x, draft_title) == NULL, "export has a draft");
	int units = 0, own = 0;
	for (const char *p = x; (p = strstr(p, " unit=\"")) != NULL; p++) {
		units++;
		own += strncmp(p, " unit=\"city-hrss\"", 17) == 0;
	}
	ck_assert_msg(units > 0 && units == own, "export: %d entries, %d of city-hrss", units, own);
	web_free(&op);
	web_free(&ed);
}
END_TEST

/* ---- knowledge-update orders (K9.2) ------------------------------------ */

/* An operator reports a problem; the unit can answer "已发布新版本" only
 * with a version published after the report, and the reporter confirms. */
START_TEST(update_order_needs_a_new_version)
{
	struct web ed, ap, op;
	char w1[64], title[256], page[96], action[96], upd[96], body[512];
	sign_in(&ed, "editor_hrss");
	sign_in(&ap, "approver_hrss");
	sign_in(&op, "operator");
	snprintf(title, sizeof title, "失业保险金申领条件 %s", word(w1, sizeof w1, "up"));
	struct faq q = { title, "失业保险金", "public", NULL,
			 "<p>缴费满六个月即可申领。</p>", NULL, 1 };
	long eid = published_faq(&ed, &ap, &q, NULL);

	snprintf(page, sizeof page, "/knowledge/entries/%ld", eid);
	snprintf(action, sizeof action, "/knowledge/entries/%ld/report", eid);
	snprintf(body, sizeof body, "problem=wrong&message=%s",
		 web_esc(&op, "应为缴费满一年"));
	ck_assert_int_eq(post_from(&op, page, action, body), 303);
	long uid = id_after(web_location(&op), "/knowledge/updates/");
	ck_assert_msg(uid > 0, "no update order after the report");
	snprintf(upd, sizeof upd, "/knowledge/updates/%ld", uid);
	snprintf(action, sizeof action, "/knowledge/updates/%ld/fixed", uid);

	/* The version the operator reported is not a fix. */
	ck_assert_int_eq(post_from(&ed, upd, action, NULL), 409);
	ck_assert_msg(strstr(ed.body, "尚未发布针对此问题的新版本") != NULL,
		      "no reason given for the refused answer");
	GET(&ed, upd, 200);
	ck_assert_str_eq(text(&ed, "//dd[@class='state']"), "待处理");

	/* A new version, published: now it answers the order. */
	char draft[96];
	snprintf(draft, sizeof draft, "/knowledge/entries/%ld/draft", eid);
	ck_assert_int_eq(post_from(&ed, page, draft, NULL), 303);
	long v2 = id_after(web_location(&ed), "/knowledge/versions/");
	q.answer = "<p>缴费满一年即可申领。</p>";
	edit_faq(&ed, v2, &q);
	approve(&ap, v2);
	ck_assert_int_eq(post_from(&ed, upd, action, NULL), 303);
	GET(&op, upd, 200);
	ck_assert_str_eq(text(&op, "//dd[@class='state']"), "已答复（已关联第 2 版）");

	snprintf(action, sizeof action, "/knowledge/updates/%ld/confirm", uid);
	ck_assert_int_eq(post_from(&op, upd, action, NULL), 303);
	GET(&op, upd, 200);
	ck_assert_str_eq(text(&op, "//dd[@class='state']"), "已确认（已关联第 2 版）");
	ck_assert_int_eq(count(&op, "//ol[@class='timeline']/li"), 3);
	web_free(&ed);
	web_free(&ap);
	web_free(&op);
}
END_TEST

/* ---- public votes ------------------------------------------------------- */

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
	snprintf(action, sizeof action, "/kb/e/%ld/vote", eid);
	snprintf(body, sizeof body, "vote=%s", v);
	long st = web_post(w, action, body);
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
	snprintf(page, sizeof page, "/kb/e/%ld", eid);
	snprintf(action, sizeof action, "/kb/e/%ld/vote", eid);

	public_entry(&anon, eid, 200);
	ck_assert_str_eq(vote_label(&anon, "useful"), "有用（0）");
	ck_assert_str_eq(vote_label(&anon, "useless"), "没用（0）");
	/* The page is the same for everyone: no token, no cookie. */
	ck_assert_int_eq(count(&anon, "//input[@name='csrf']"), 0);
	ck_assert_msg(!web_sets_cookie(&anon, "hl_pre"), "the public page sets a cookie");
	/* A form posted from another site, or with no Origin, is refused. */
	snprintf(anon.origin, sizeof anon.origin, "http://evil.example");
	POST(&anon, action, "vote=useful", 403);
	snprintf(anon.origin, sizeof anon.origin, "%.200s.evil.example", anon.base);
	POST(&anon, action, "vote=useful", 403);
	anon.origin[0] = '\0';
	POST(&anon, action, "vote=useful", 403);
	snprintf(anon.origin, sizeof anon.origin, "%s", anon.base);

	ck_assert_int_eq(vote(&anon, eid, "useful", to, sizeof to), 303);
	ck_assert_msg(strncmp(to, page, strlen(page)) == 0, "vote goes to %s", to);
	/* The page after a vote is the voter's own: never from the cache. */
	GET(&anon, to, 200);
	ck_assert_str_eq(vote_label(&anon, "useful"), "有用（1）");
	ck_assert_msg(strstr(text(&anon, "//p[@class='notice']"), "感谢") != NULL,
		      "no thanks after voting");
	ck_assert_str_eq(web_header(&anon, "Cache-Control"), "no-store");

	/* Again the same day: not counted, and the visitor is told. */
	ck_assert_int_eq(vote(&anon, eid, "useful", to, sizeof to), 303);
	GET(&anon, to, 200);
	ck_assert_str_eq(vote_label(&anon, "useful"), "有用（1）");
	ck_assert_msg(strstr(text(&anon, "//p[@class='notice']"), "已评价过") != NULL,
		      "second vote: %s", text(&anon, "//p[@class='notice']"));
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

/* nginx keeps a public page a few seconds (public_max_age) and serves it
 * without asking the application; staff pages are never kept. */
START_TEST(public_pages_are_micro_cached)
{
	struct web anon, op;
	char w1[64], path[160];
	start(&anon);
	sign_in(&op, "operator");
	/* A browse page (a query string no one asked before). */
	snprintf(path, sizeof path, "/kb?kind=faq&n=%s", word(w1, sizeof w1, "mc"));
	GET(&anon, path, 200);
	ck_assert_str_eq(web_header(&anon, "Cache-Control"), "public, max-age=5");
	ck_assert_str_eq(web_header(&anon, "X-Cache"), "MISS");
	GET(&anon, path, 200);
	ck_assert_str_eq(web_header(&anon, "X-Cache"), "HIT");
	/* Signed-in staff get the same shared page. */
	GET(&op, path, 200);
	ck_assert_str_eq(web_header(&op, "X-Cache"), "HIT");
	/* Search results are never kept: what search shows follows changes
	 * within the index's lag, and each no-hit is a gap. */
	snprintf(path, sizeof path, "/kb?q=%s", w1);
	GET(&anon, path, 200);
	ck_assert_str_eq(web_header(&anon, "Cache-Control"), "no-store");
	GET(&anon, path, 200);
	ck_assert_str_eq(web_header(&anon, "X-Cache"), "MISS");
	/* Staff pages are no-store and do not even pass through the cache. */
	snprintf(path, sizeof path, "/knowledge?q=%s", w1);
	GET(&op, path, 200);
	ck_assert_str_eq(web_header(&op, "Cache-Control"), "no-store");
	GET(&op, path, 200);
	ck_assert_msg(web_header(&op, "X-Cache") == NULL, "a staff page went through the cache");
	/* Nor are error pages. */
	GET(&anon, "/kb/e/999999999", 404);
	GET(&anon, "/kb/e/999999999", 404);
	ck_assert_str_eq(web_header(&anon, "X-Cache"), "MISS");
	web_free(&anon);
	web_free(&op);
}
END_TEST

/* ---- suite -------------------------------------------------------------- */

static Suite *kb_suite(void)
{
	Suite *s = suite_create("kb");
	TCase *tc;

	tc = tcase(s, "workflow", 180);
	tcase_add_test(tc, editor_drafts_approver_publishes_public_finds);
	tcase_add_test(tc, reject_needs_reason_then_resubmit);
	tcase_add_test(tc, new_version_replaces_published_only_when_approved);
	tcase_add_test(tc, obsolete_entry_leaves_search_and_public_page);
	tcase_add_test(tc, draft_visibility_waits_for_approval);

	tc = tcase(s, "roles", 180);
	tcase_add_test(tc, roles_and_units_are_enforced);

	tc = tcase(s, "public", 180);
	tcase_add_test(tc, public_page_leaks_nothing);
	tcase_add_test(tc, answers_are_sanitised);
	tcase_add_test(tc, public_votes_once_a_day);
	tcase_add_test(tc, public_pages_are_micro_cached);
	tcase_add_test(tc, public_errors_stay_public);

	tc = tcase(s, "search", 180);
	tcase_add_test(tc, search_ranks_title_hits_first);
	tcase_add_test(tc, search_ranks_entries_holding_every_word_first);
	tcase_add_test(tc, search_folds_width_and_case);
	tcase_add_test(tc, search_without_result_says_so);
	tcase_add_test(tc, hostile_queries_are_plain_text);
	tcase_add_test(tc, search_reads_whole_questions);

	tc = tcase(s, "updates", 180);
	tcase_add_test(tc, update_order_needs_a_new_version);

	tc = tcase(s, "review", 180);
	tcase_add_test(tc, monthly_review_confirms_entries);

	tc = tcase(s, "import", 180);
	tcase_add_test(tc, import_is_one_transaction);
	return s;
}

int main(void)
{
	kb_test_init();
	return run_suite(kb_suite());
}
