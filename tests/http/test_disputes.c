/* HTTP tests of disputed orders (争议工单; D2-D8): drive the real stack as
 * the management offices, the units involved, 编办, 法制局 and the joint
 * meeting's convener would, and assert what each of them sees: referral
 * (D6.1) from a return request or any open order, the units' opinions, the
 * office's sealed coordination and the caller contacts; review by 编办 and
 * 法制局 with its countdown in working days (D6.2, D4); the joint meeting
 * (D6.3); the determination, the order re-dispatched to the lead unit and
 * shown to the cooperating units, acceptance, refusal and accountability
 * (D6.4, D6.5); routing rules and similar past determinations learnt from a
 * determination; each county's own procedure and the day a procedure takes
 * effect (D7, D8); who may see and do what; the printable 争议认定表.
 *
 * Run by tests/stack-tests.sh after the work-order suite, with BASE_URL and
 * VAR (the stack's state directory, whose hotline.conf names the database)
 * in the environment. main() makes this run's own order
 * categories through SQL, named with a stamp unique to the run, so the
 * suite needs only the demo accounts, units and procedures (sql/demo/) and
 * may run twice against one stack. Each test signs in for itself (Check
 * runs each in its own process) and makes its own orders and disputes. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check_web.h"
#include "check_db.h"

#include "arena.h"
#include "config.h"
#include "db.h"

/* Demo units (sql/demo/demo.sql). */
#define U_OFFICE 1
#define U_BIANBAN 4
#define U_PSB_HZ 11
#define U_HRSS 14
#define U_POWER 40
#define U_MJ_HRSS 105
#define U_XN_HRSS 205
#define OFFICE "梅州市政务服务中心管理办公室"
#define GOV "梅州市人民政府办公室"
#define BIANBAN "梅州市机构编制委员会办公室"
#define LEGAL "梅州市法制局"
#define PSB_HZ "梅州市公安局户政支队"
#define HRSS "梅州市人力资源和社会保障局"
#define POWER "广东电网有限责任公司梅州供电局"
#define MJ_OFFICE "梅江区政务服务中心管理办公室"
#define MJ_GOV "梅江区人民政府办公室"
#define MJ_BIANBAN "梅江区机构编制委员会办公室"
#define MJ_HRSS "梅江区人力资源和社会保障局"
#define XN_GOV "兴宁市人民政府办公室"
#define XN_BIANBAN "兴宁市机构编制委员会办公室"
#define XN_LEGAL "兴宁市司法局"
/* Display names of the demo accounts. */
#define N_COORDINATOR "张伟明"
#define N_CLERK_HRSS "刘秀英"
#define N_CLERK_PSB "曾国栋"
#define N_BIANBAN "谢雅琴"
#define N_LEGAL "侯俊杰"
#define N_CONVENER "廖国平"

/* Messages the user reads. */
#define M_CSRF "安全令牌无效或已过期，请返回上一页刷新后重试。"
#define M_OPINION "请填写意见。"
#define M_REVIEW "认定意见须写明牵头单位、认定原则、依据和意见。"
#define M_TEMPORARY "临时处理意见须写明临时承办单位和意见。"
#define M_DECISION "请选择意见类型：认定意见、转市法制局或临时处理意见。"
#define M_BAD_UNIT "所选单位不存在、已停用，或不属于该区域。"
#define M_REFER_FIRST "转办前须先填写并盖章“管理办协调情况”。"
#define M_NO_RIGHT "您无权进行此步骤。"

/* Set in main, before Check forks. */
static char stamp[24];          /* makes what this run creates unique */
static unsigned run_no;         /* five digits in this run's phone numbers */
/* This run's categories (leaves of one parent, 3 working days): cat_main
 * for most disputes; cat_learn for the routing rule and the similar
 * determinations; cat_other for a dispute that is like neither. */
static long cat_parent, cat_main, cat_learn, cat_other;
static char main_name[128], learn_name[128];

#define LIMIT_DAYS 3

/* ---- the database ------------------------------------------------------- */

static const char SQL_CATEGORY[] =
	"INSERT INTO order_categories (name, parent_id, time_limit_days, active)"
	" VALUES (?, NULLIF(?, 0), ?, 1)";

static long add_category(struct sqlc *s, const char *name, long parent)
{
	struct dbres res;
	int rc = db_run(s->db, &s->a, SQL_CATEGORY, &res, "sii", name, (long long)parent,
			(long long)LIMIT_DAYS);
	if (rc != DB_OK) {
		fprintf(stderr, "test_disputes: category %s: %s\n", name, db_error(s->db));
		return 0;
	}
	return (long)res.insert_id;
}

/* This run's categories; 0 or -1. */
static int setup_db(void)
{
	struct sqlc s;
	sql_open(&s);
	char name[128];
	snprintf(name, sizeof name, "争议测试%s", stamp);
	cat_parent = add_category(&s, name, 0);
	snprintf(main_name, sizeof main_name, "职责交叉%s", stamp);
	cat_main = add_category(&s, main_name, cat_parent);
	snprintf(learn_name, sizeof learn_name, "新型事项%s", stamp);
	cat_learn = add_category(&s, learn_name, cat_parent);
	snprintf(name, sizeof name, "其他事项%s", stamp);
	cat_other = add_category(&s, name, cat_parent);
	sql_close(&s);
	return cat_parent && cat_main && cat_learn && cat_other ? 0 : -1;
}

/* Runs a statement of the test's own with an integer and a day as its
 * parameters, or only the integer when day is NULL. */
static void sql_run_is(const char *stmt, long long v, const char *day)
{
	struct sqlc s;
	sql_open(&s);
	int rc = day ? db_run(s.db, &s.a, stmt, NULL, "is", v, day)
		     : db_run(s.db, &s.a, stmt, NULL, "i", v);
	ck_assert_msg(rc == DB_OK, "%s: %s", stmt, db_error(s.db));
	sql_close(&s);
}

/* The first cell of such a query, as a number (-1 when there is no row,
 * 0 for NULL). */
static long sql_long_is(const char *stmt, long long v, const char *day)
{
	struct sqlc s;
	struct dbres res;
	sql_open(&s);
	int rc = day ? db_run(s.db, &s.a, stmt, &res, "is", v, day)
		     : db_run(s.db, &s.a, stmt, &res, "i", v);
	ck_assert_msg(rc == DB_OK, "%s: %s", stmt, db_error(s.db));
	long out = res.nrows == 0 ? -1 : db_cell(&res, 0, 0) ? (long)db_int(&res, 0, 0) : 0;
	sql_close(&s);
	return out;
}

/* ---- helpers ------------------------------------------------------------ */

/* This run's phone number n: eleven digits. */
static const char *phone_no(char out[32], int n)
{
	snprintf(out, 32, "15%05u%04d", run_no % 100000, n % 10000);
	return out;
}

/* ---- orders ------------------------------------------------------------- */

/* The operator op takes a call of category cat in jurisdiction jur and
 * dispatches it to unit; returns the order's id and copies its number. */
static long dispatch(struct web *op, int n, long jur, long unit, long cat,
		     const char *content, char number[64])
{
	static char body[8192];
	char p[32], v[32];
	body[0] = '\0';
	form_add(op, body, sizeof body, "csrf", token_from(op, "/orders/new"));
	form_add(op, body, sizeof body, "caller_phone", phone_no(p, n));
	form_add(op, body, sizeof body, "caller_name", "吴女士");
	form_add(op, body, sizeof body, "channel", "phone");
	snprintf(v, sizeof v, "%ld", cat);
	form_add(op, body, sizeof body, "category_id", v);
	snprintf(v, sizeof v, "%ld", jur);
	form_add(op, body, sizeof body, "jurisdiction_id", v);
	form_add(op, body, sizeof body, "content", content);
	form_add(op, body, sizeof body, "demand", "要求明确由哪个部门负责处理");
	snprintf(v, sizeof v, "%ld", unit);
	form_add(op, body, sizeof body, "unit_id", v);
	form_add(op, body, sizeof body, "outcome", "dispatch");
	long st = web_post(op, "/orders", body);
	ck_assert_msg(st == 303, "intake: status %ld\n%.800s", st, op->body ? op->body : "");
	long id = id_after(web_location(op), "/orders/");
	ck_assert_msg(id > 0, "no order in Location %s", web_location(op));
	char path[64];
	snprintf(path, sizeof path, "/orders/%ld", id);
	GET(op, path, 200);
	snprintf(number, 64, "%s", text(op, "//dd[@class='o-number']"));
	ck_assert_msg(*number, "order %ld has no number", id);
	return id;
}

/* Posts action on order id with a token from w's home page. */
static long order_act(struct web *w, long id, const char *action, const char *extra)
{
	char path[96];
	snprintf(path, sizeof path, "/orders/%ld/%s", id, action);
	return post_with_token(w, path, extra);
}

#define OACT(w, id, action, extra, want)                                      \
	do {                                                                  \
		long st_ = order_act((w), (id), (action), (extra));           \
		ck_assert_msg(st_ == (want), "POST /orders/%ld/%s: status %ld, expected %d\n%.800s", \
			      (long)(id), (action), st_, (want), (w)->body ? (w)->body : ""); \
	} while (0)

/* The clerk asks to return order id, naming suggested (D3). */
static void ask_return(struct web *clerk, long id, const char *suggested)
{
	char body[2048];
	OACT(clerk, id, "return", form(clerk, body, sizeof body, "reason", "该事项不属本单位职责",
				       "basis", "本单位“三定”规定未列此项职责",
				       "suggested_unit_id", suggested, NULL), 303);
}

/* The office puts order id to a dispute (D6.1); returns the dispute's id,
 * read from the order's page as the office sees it. */
static long open_dispute(struct web *office, long order, const char *note)
{
	char body[2048], path[64];
	OACT(office, order, "dispute", form(office, body, sizeof body, "note", note, NULL), 303);
	snprintf(path, sizeof path, "/orders/%ld", order);
	GET(office, path, 200);
	long id = id_after(text(office, "//dt[.='争议认定']/following-sibling::dd[1]/a/@href"),
			   "/disputes/");
	ck_assert_msg(id > 0, "order %ld does not link its dispute", order);
	return id;
}

/* ---- disputes ----------------------------------------------------------- */

/* Posts step on dispute id with a token from w's home page; extra is an
 * encoded form body or NULL. Returns the status. */
static long d_act(struct web *w, long id, const char *step, const char *extra)
{
	char path[96];
	snprintf(path, sizeof path, "/disputes/%ld/%s", id, step);
	return post_with_token(w, path, extra);
}

#define DACT(w, id, step, extra, want)                                        \
	do {                                                                  \
		long st_ = d_act((w), (id), (step), (extra));                 \
		ck_assert_msg(st_ == (want), "POST /disputes/%ld/%s: status %ld, expected %d\n%.800s", \
			      (long)(id), (step), st_, (want), (w)->body ? (w)->body : ""); \
	} while (0)

/* Fetches dispute id's page for w (200). */
static void dpage(struct web *w, long id)
{
	char path[64];
	snprintf(path, sizeof path, "/disputes/%ld", id);
	GET(w, path, 200);
}

/* What a user reads about a dispute on its page. */
struct dsnap {
	char state[64], lead[192], due[16];
	int left;             /* the countdown's working days; -1 without one */
	int opinions, events, contacts, answered;
};

static void dsnap(struct web *w, long id, struct dsnap *s)
{
	dpage(w, id);
	snprintf(s->state, sizeof s->state, "%s",
		 text(w, "//p[@class='meta']/span[contains(@class,'state')]"));
	snprintf(s->lead, sizeof s->lead, "%s", text(w, "//dd[@class='d-lead']"));
	const char *left = web_xpath_text(w, "//p[@class='meta']//span[@class='left']");
	s->left = left ? atoi(left) : -1;
	const char *meta = text(w, "//p[@class='meta']");
	const char *due = strstr(meta, "本环节期限 ");
	snprintf(s->due, sizeof s->due, "%.10s", due ? due + strlen("本环节期限 ") : "");
	s->opinions = count(w, "//ol[@class='opinions']/li");
	s->events = count(w, "//ol[@class='timeline']/li");
	s->contacts = count(w, "//ul[@class='contacts']/li");
	s->answered = count(w, "//table[@class='dispute-units']/tbody/tr/td[4]/span[@class='text']");
}

static const char *dstate(struct web *w, long id, char out[64])
{
	struct dsnap s;
	dsnap(w, id, &s);
	snprintf(out, 64, "%s", s.state);
	return out;
}

#define DSTATE_IS(w, id, want)                                                \
	do {                                                                  \
		char st_[64];                                                 \
		ck_assert_str_eq(dstate((w), (id), st_), (want));             \
	} while (0)

/* The message of the last refusal d_refused saw (obs may be w). */
static char refusal[1024];

/* w (who) posts step on dispute id and is refused with want; the dispute,
 * as obs sees it, is unchanged, and a 404 does not show it. */
static void d_refused(struct web *obs, struct web *w, const char *who, long id,
		      const char *step, const char *extra, int want)
{
	struct dsnap a, b;
	dsnap(obs, id, &a);
	char number[64];
	snprintf(number, sizeof number, "%s", text(obs, "//h1/a"));
	long st = d_act(w, id, step, extra);
	ck_assert_msg(st == want, "%s: POST /disputes/%ld/%s: status %ld, expected %d\n%.600s",
		      who, id, step, st, want, w->body ? w->body : "");
	snprintf(refusal, sizeof refusal, "%s", message(w));
	if (want == 404)
		ck_assert_msg(!body_has(w, number), "%s's 404 for %s shows the order %s", who,
			      step, number);
	dsnap(obs, id, &b);
	ck_assert_msg(strcmp(a.state, b.state) == 0 && strcmp(a.lead, b.lead) == 0 &&
			      strcmp(a.due, b.due) == 0 && a.opinions == b.opinions &&
			      a.events == b.events && a.contacts == b.contacts &&
			      a.answered == b.answered,
		      "%s's refused %s changed dispute %ld: %s/%d/%d/%d/%d → %s/%d/%d/%d/%d", who,
		      step, id, a.state, a.opinions, a.events, a.contacts, a.answered, b.state,
		      b.opinions, b.events, b.contacts, b.answered);
}

/* Checks timeline entry n (1-based) of the dispute page last fetched: the
 * step, who took it in which unit, today's time, and a part of its note
 * (NULL: not checked). */
static void event_is(struct web *w, int n, const char *step, const char *who,
		     const char *unit, const char *part)
{
	char xp[128], li[4096], want[256];
	snprintf(xp, sizeof xp, "//ol[@class='timeline']/li[%d]", n);
	snprintf(li, sizeof li, "%s", text(w, xp));
	snprintf(xp, sizeof xp, "//ol[@class='timeline']/li[%d]/strong", n);
	ck_assert_msg(strcmp(text(w, xp), step) == 0, "timeline entry %d is 「%s」, not %s",
		      n, li, step);
	snprintf(want, sizeof want, "%s（%s）", who, unit);
	ck_assert_msg(strstr(li, want) != NULL, "timeline entry %d 「%s」 lacks %s", n, li, want);
	snprintf(xp, sizeof xp, "//ol[@class='timeline']/li[%d]/span[@class='at']", n);
	const char *at = text(w, xp);
	ck_assert_msg(strlen(at) == 16 && strncmp(at, today, 10) == 0,
		      "timeline entry %d has time 「%s」", n, at);
	if (part)
		ck_assert_msg(strstr(li, part) != NULL, "timeline entry %d 「%s」 lacks 「%s」",
			      n, li, part);
}

/* Sealed opinion n (1-based) of the dispute page last fetched: its row
 * label, its kind, the sealing unit and today's date in its seal mark. */
static void opinion_is(struct web *w, int n, const char *stage, const char *label,
		       const char *seal_unit, const char *part)
{
	char xp[160], li[8192], want[256];
	snprintf(xp, sizeof xp, "//ol[@class='opinions']/li[%d]", n);
	snprintf(li, sizeof li, "%s", text(w, xp));
	snprintf(xp, sizeof xp, "//ol[@class='opinions']/li[%d][contains(@class,'stage-%s')]",
		 n, stage);
	ck_assert_msg(count(w, "%s", xp) == 1, "opinion %d 「%s」 is not of stage %s", n, li,
		      stage);
	ck_assert_msg(strstr(li, label) != NULL, "opinion %d 「%s」 lacks 「%s」", n, li, label);
	snprintf(xp, sizeof xp, "//ol[@class='opinions']/li[%d]//span[@class='sealed']", n);
	snprintf(want, sizeof want, "盖章：%s %s，", seal_unit, today);
	ck_assert_msg(strstr(text(w, xp), want) != NULL, "opinion %d's seal 「%s」 lacks 「%s」",
		      n, text(w, xp), want);
	if (part)
		ck_assert_msg(strstr(li, part) != NULL, "opinion %d 「%s」 lacks 「%s」", n, li, part);
}

/* How many rows of the list w last fetched are dispute id's. */
static int listed(struct web *w, long id)
{
	return count(w, "//table[@class='disputes']/tbody/tr[td[1]/a='争议 #%ld']", id);
}

/* Whether /disputes (its first page: the newest 50) lists id. */
static int in_list(struct web *w, long id)
{
	GET(w, "/disputes", 200);
	return listed(w, id) > 0;
}

/* The working days left the list w last fetched shows for id (-1: none). */
static int list_left(struct web *w, long id)
{
	char xp[160];
	snprintf(xp, sizeof xp,
		 "//table[@class='disputes']/tbody/tr[td[1]/a='争议 #%ld']/td[6]//span[@class='left']",
		 id);
	const char *s = web_xpath_text(w, xp);
	return s ? atoi(s) : -1;
}

/* The units' opinion for a unit answering: its clerk w. */
static void unit_opinion(struct web *w, long id, const char *opinion)
{
	char body[2048];
	DACT(w, id, "unit-opinion", form(w, body, sizeof body, "opinion", opinion, NULL), 303);
}

/* The office coordinates (sealed) and refers the dispute to 编办. */
static void coordinate_refer(struct web *office, long id)
{
	char body[2048];
	DACT(office, id, "coordinate", form(office, body, sizeof body, "opinion",
					   "经协调，相关单位对承办主体仍有分歧，提请认定。", NULL), 303);
	DACT(office, id, "refer", NULL, 303);
}

/* A dispute from a return: an order of cat dispatched to 人社局, whose
 * clerk asks to return it to 户政支队; the office opens the dispute.
 * Returns its id; copies the order id and number when asked. */
static long city_dispute(struct web *op, struct web *clerk, struct web *office, int n,
			 long cat, const char *content, long *order, char number[64])
{
	char num[64];
	long o = dispatch(op, n, 1, U_HRSS, cat, content, num);
	ask_return(clerk, o, "11");
	long id = open_dispute(office, o, "人社局与户政支队对承办主体有争议");
	if (order)
		*order = o;
	if (number)
		snprintf(number, 64, "%s", num);
	return id;
}

/* ... with both units' opinions, coordinated and referred to 编办. */
static long referred_dispute(struct web *op, struct web *clerk, struct web *psb,
			     struct web *office, int n, long cat, const char *content,
			     long *order, char number[64])
{
	long id = city_dispute(op, clerk, office, n, cat, content, order, number);
	unit_opinion(clerk, id, "本局认为应由户政支队办理。");
	unit_opinion(psb, id, "本队认为应由人社局办理。");
	coordinate_refer(office, id);
	return id;
}

/* The 编办 (or 法制局) reviewer's decision=opinion naming lead (and coop,
 * or NULL). */
static const char *review_body(struct web *w, char *body, size_t size, const char *lead,
			       const char *coop, const char *principle, const char *basis,
			       const char *opinion)
{
	body[0] = '\0';
	form_add(w, body, size, "decision", "opinion");
	if (lead)
		form_add(w, body, size, "lead_unit_id", lead);
	if (coop)
		form_add(w, body, size, "coop_unit_id", coop);
	if (principle)
		form_add(w, body, size, "principle", principle);
	if (basis)
		form_add(w, body, size, "basis", basis);
	if (opinion)
		form_add(w, body, size, "opinion", opinion);
	return body;
}

/* A city dispute decided by 编办: lead 户政支队, 人社局 cooperating;
 * waiting for the office's determination. */
static long ready_dispute(struct web *op, struct web *clerk, struct web *psb,
			  struct web *office, struct web *bianban, int n, long cat,
			  const char *content, long *order, char number[64])
{
	char body[4096];
	long id = referred_dispute(op, clerk, psb, office, n, cat, content, order, number);
	DACT(bianban, id, "review", review_body(bianban, body, sizeof body, "11", "14", "mandate",
						 "户政支队“三定”规定：负责户口迁移登记",
						 "由户政支队牵头办理，人社局配合。"), 303);
	return id;
}

static void determine(struct web *office, long id, const char *text_)
{
	char body[2048];
	DACT(office, id, "determine", form(office, body, sizeof body, "opinion", text_, NULL), 303);
}

/* Whether w's queue (all open orders) lists number, paging through. */
static int in_queue(struct web *w, const char *number)
{
	for (int page = 1; page < 500; page++) {
		char path[128];
		snprintf(path, sizeof path, "/orders/queue?page=%d", page);
		GET(w, path, 200);
		if (count(w, "//table[@class='queue']/tbody/tr[td[1]/a='%s']", number) > 0)
			return 1;
		if (count(w, "//p[@class='pager']/a[contains(., '下一页')]") == 0)
			return 0;
	}
	return 0;
}

/* ---- referral (D6.1) ---------------------------------------------------- */

/* From a return: the units involved each answer, the office seals its
 * coordination (refer refused before), tells the caller and refers the
 * form to 编办; each step on the dispute's timeline. */
START_TEST(referral_from_return)
{
	struct web op, clerk, psb, power, coord;
	char num[64], body[2048], path[96], due2[11], due5[11], want[256];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&power, "clerk_power");
	sign_in(&coord, "coordinator");
	const char *content = "来电人反映小区外来务工人员子女入户与社保衔接问题无人受理。";
	long order = dispatch(&op, 101, 1, U_HRSS, cat_main, content, num);
	ask_return(&clerk, order, "11");
	long id = open_dispute(&coord, order, "职责边界不清");

	/* The order waits; its page links the dispute. */
	snprintf(path, sizeof path, "/orders/%ld", order);
	GET(&coord, path, 200);
	ck_assert_str_eq(text(&coord, "//p[@class='meta']/span[contains(@class,'state')]"),
			 "争议认定中");

	/* The dispute: the form's fields, both units asked with a deadline. */
	struct dsnap s;
	dsnap(&coord, id, &s);
	ck_assert_str_eq(s.state, "转办中");
	snprintf(want, sizeof want, "/orders/%ld", order);
	ck_assert_str_eq(text(&coord, "//h1/a/@href"), want);
	ck_assert_str_eq(text(&coord, "//h1/a"), num);
	ck_assert_str_eq(text(&coord, "//dl[contains(@class,'dispute')]/dt[.='问题分类']/following-sibling::dd[1]"),
			 main_name);
	ck_assert_str_eq(text(&coord, "//dl[contains(@class,'dispute')]/dt[.='所属区域']/following-sibling::dd[1]"),
			 "梅州市");
	ck_assert_str_eq(text(&coord, "//dd[contains(@class,'d-content')]"), content);
	ck_assert_str_eq(text(&coord, "//dl[contains(@class,'dispute')]/dt[.='认定程序']/following-sibling::dd[1]"),
			 "编办：" BIANBAN "；法制局：" LEGAL "；召集单位：" GOV);
	expected_due(2, due2);
	ck_assert_int_eq(count(&coord, "//table[@class='dispute-units']/tbody/tr"), 2);
	static const char *const involved[] = { PSB_HZ, HRSS };
	for (int i = 0; i < 2; i++) {
		char xp[256];
		snprintf(xp, sizeof xp, "//table[@class='dispute-units']/tbody/tr[td[1]='%s']/td[2]",
			 involved[i]);
		ck_assert_str_eq(text(&coord, xp), "涉及单位");
		snprintf(xp, sizeof xp, "//table[@class='dispute-units']/tbody/tr[td[1]='%s']/td[3]",
			 involved[i]);
		ck_assert_str_eq(text(&coord, xp), due2);
		snprintf(xp, sizeof xp, "//table[@class='dispute-units']/tbody/tr[td[1]='%s']/td[4]",
			 involved[i]);
		ck_assert_str_eq(text(&coord, xp), "待填写");
	}
	ck_assert_str_eq(s.due, due2);
	ck_assert_int_eq(s.left, 2);
	ck_assert_int_eq(s.events, 1);
	event_is(&coord, 1, "提请争议认定", N_COORDINATOR, OFFICE, num);
	event_is(&coord, 1, "提请争议认定", N_COORDINATOR, OFFICE, "职责边界不清");
	ck_assert_int_eq(count(&coord, "//form[@action='/disputes/%ld/coordinate']", id), 1);
	ck_assert_int_eq(count(&coord, "//form[@action='/disputes/%ld/contact']", id), 1);
	ck_assert_int_eq(count(&coord, "//form[@action='/disputes/%ld/unit-opinion']", id), 0);
	ck_assert_str_eq(text(&coord, "//ul[@class='contacts']/preceding-sibling::p[1]"), "尚未告知。");

	/* Each involved unit enters its own opinion; another unit sees nothing. */
	dpage(&clerk, id);
	ck_assert_int_eq(count(&clerk, "//form[@action='/disputes/%ld/unit-opinion']", id), 1);
	ck_assert_int_eq(count(&clerk, "//form[@action='/disputes/%ld/coordinate']", id), 0);
	snprintf(path, sizeof path, "/disputes/%ld", id);
	GET(&power, path, 404);
	ck_assert_msg(!body_has(&power, num), "供电局's 404 shows the order");
	d_refused(&coord, &power, "clerk_power", id, "unit-opinion", "opinion=x", 404);
	d_refused(&coord, &clerk, "an empty opinion", id, "unit-opinion", NULL, 400);
	ck_assert_str_eq(refusal, M_OPINION);
	d_refused(&coord, &coord, "the office as a unit", id, "unit-opinion", "opinion=x", 403);
	unit_opinion(&clerk, id, "本局认为入户登记属户政支队职责。");
	snprintf(want, sizeof want, "/disputes/%ld?done=saved", id);
	ck_assert_str_eq(web_location(&clerk) ? web_location(&clerk) : "", want);
	dsnap(&coord, id, &s);
	ck_assert_int_eq(s.answered, 1);
	snprintf(want, sizeof want, "//table[@class='dispute-units']/tbody/tr[td[1]='%s']/td[4]", HRSS);
	const char *cell = text(&coord, want);
	ck_assert_msg(strstr(cell, "本局认为入户登记属户政支队职责。") && strstr(cell, N_CLERK_HRSS) &&
			      strstr(cell, today), "人社局's opinion reads 「%s」", cell);
	/* Once: its form is gone and a second one is refused. */
	dpage(&clerk, id);
	ck_assert_int_eq(count(&clerk, "//form[@action='/disputes/%ld/unit-opinion']", id), 0);
	d_refused(&coord, &clerk, "a second opinion", id, "unit-opinion", "opinion=x", 409);
	unit_opinion(&psb, id, "本队认为社保衔接属人社局职责。");

	/* Refer: refused until the coordination is sealed. */
	d_refused(&coord, &coord, "refer before coordination", id, "refer", NULL, 409);
	ck_assert_str_eq(refusal, M_REFER_FIRST);
	d_refused(&coord, &coord, "empty coordination", id, "coordinate", NULL, 400);
	ck_assert_str_eq(refusal, M_OPINION);
	d_refused(&coord, &clerk, "a clerk coordinates", id, "coordinate", "opinion=x", 403);
	DACT(&coord, id, "coordinate", form(&coord, body, sizeof body, "opinion",
					    "经召集两单位协调，双方对承办主体仍有分歧。", NULL), 303);
	snprintf(want, sizeof want, "/disputes/%ld?done=sealed", id);
	ck_assert_str_eq(web_location(&coord), want);
	GET(&coord, want, 200);
	ck_assert_str_eq(text(&coord, "//p[@class='notice']"), "意见已盖章提交。");
	ck_assert_int_eq(count(&coord, "//ol[@class='opinions']/li"), 1);
	opinion_is(&coord, 1, "office", "管理办协调情况 · 协调情况", OFFICE, "双方对承办主体仍有分歧");
	ck_assert_msg(strstr(text(&coord, "//ol[@class='opinions']/li[1]//span[@class='sealed']"),
			     N_COORDINATOR) != NULL, "the seal does not name who sealed it");

	/* Each contact with the caller: when, who, what. */
	d_refused(&coord, &coord, "an empty contact", id, "contact", NULL, 400);
	ck_assert_str_eq(refusal, "请填写告知来电人的内容。");
	DACT(&coord, id, "contact", form(&coord, body, sizeof body, "note",
					 "已电话告知来电人：正在认定承办单位。", NULL), 303);
	dpage(&coord, id);
	ck_assert_int_eq(count(&coord, "//ul[@class='contacts']/li"), 1);
	ck_assert_msg(strncmp(text(&coord, "//ul[@class='contacts']/li[1]/span[@class='at']"), today,
			      10) == 0, "the contact is not dated today");
	ck_assert_msg(strstr(text(&coord, "//ul[@class='contacts']/li[1]"),
			     N_COORDINATOR "：已电话告知来电人：正在认定承办单位。") != NULL,
		      "contact reads 「%s」", text(&coord, "//ul[@class='contacts']/li[1]"));
	ck_assert_int_eq(count(&coord, "//ul[@class='contacts']/preceding-sibling::p[1][.='尚未告知。']"), 0);

	/* The referral: 编办's review days, counted in working days. */
	d_refused(&coord, &clerk, "a clerk refers", id, "refer", NULL, 403);
	DACT(&coord, id, "refer", NULL, 303);
	dsnap(&coord, id, &s);
	expected_due(5, due5);
	ck_assert_str_eq(s.state, "编办审核中");
	ck_assert_str_eq(s.due, due5);
	ck_assert_int_eq(s.left, 5);
	/* opened, two opinions, coordination, contact, referral */
	ck_assert_int_eq(s.events, 6);
	event_is(&coord, 2, "部门处理意见", N_CLERK_HRSS, HRSS, "入户登记");
	event_is(&coord, 3, "部门处理意见", N_CLERK_PSB, PSB_HZ, NULL);
	event_is(&coord, 4, "管理办协调情况", N_COORDINATOR, OFFICE, "仍有分歧");
	event_is(&coord, 5, "告知来电人", N_COORDINATOR, OFFICE, "正在认定承办单位");
	snprintf(want, sizeof want, "审核期限 %s（5 个工作日）", due5);
	event_is(&coord, 6, "转市编办认定", N_COORDINATOR, OFFICE, want);
	/* The caller may be told again at any step; coordination is over. */
	DACT(&coord, id, "contact", form(&coord, body, sizeof body, "note", "已告知已转编办。", NULL), 303);
	dsnap(&coord, id, &s);
	ck_assert_int_eq(s.contacts, 2);
	d_refused(&coord, &coord, "coordinate after referral", id, "coordinate", "opinion=x", 409);
	d_refused(&coord, &coord, "refer twice", id, "refer", NULL, 409);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&power);
	web_free(&coord);
}
END_TEST

/* From any open order, without a return: only the order's unit is asked;
 * an order that is not open cannot be disputed, nor by a clerk. */
START_TEST(referral_from_open_order)
{
	struct web op, clerk, coord;
	char num[64], num2[64], path[64];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	long order = dispatch(&op, 201, 1, U_HRSS, cat_main, "企业退休人员档案转递无人负责。", num);
	OACT(&clerk, order, "accept", NULL, 303);
	OACT(&clerk, order, "dispute", "note=x", 403);
	long id = open_dispute(&coord, order, "");
	dpage(&coord, id);
	ck_assert_int_eq(count(&coord, "//table[@class='dispute-units']/tbody/tr"), 1);
	ck_assert_str_eq(text(&coord, "//table[@class='dispute-units']/tbody/tr/td[1]"), HRSS);
	ck_assert_str_eq(text(&coord, "//p[@class='meta']/span[contains(@class,'state')]"), "转办中");
	/* The clerk's order is out of its hands while disputed. */
	snprintf(path, sizeof path, "/orders/%ld", order);
	GET(&clerk, path, 200);
	ck_assert_int_eq(count(&clerk, "//section[contains(@class,'actions')]"), 0);
	/* Not twice, and not a replied order. */
	OACT(&coord, order, "dispute", "note=x", 409);
	long o2 = dispatch(&op, 202, 1, U_HRSS, cat_main, "已回复的工单", num2);
	OACT(&clerk, o2, "accept", NULL, 303);
	OACT(&clerk, o2, "reply", "result=%E5%B7%B2%E5%8A%9E%E7%BB%93", 303);
	OACT(&coord, o2, "dispute", "note=x", 409);
	web_free(&op);
	web_free(&clerk);
	web_free(&coord);
}
END_TEST

/* ---- review (D6.2, D4) -------------------------------------------------- */

/* 编办 sees what is referred to it, with its countdown; an opinion lacking
 * its lead unit, principle or basis changes nothing; a complete one is
 * sealed and the dispute waits for the determination. */
START_TEST(establishment_opinion)
{
	struct web op, clerk, psb, coord, bb, legal, conv;
	char body[4096], path[64];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	sign_in(&legal, "reviewer_legal");
	sign_in(&conv, "convener");
	/* Not before it is referred. */
	long open = city_dispute(&op, &clerk, &coord, 301, cat_main, "尚未转办的争议", NULL, NULL);
	snprintf(path, sizeof path, "/disputes/%ld", open);
	GET(&bb, path, 404);
	ck_assert_msg(!in_list(&bb, open), "编办 lists a dispute not referred to it");
	d_refused(&coord, &bb, "编办 before referral", open, "review",
		  review_body(&bb, body, sizeof body, "11", NULL, "mandate", "x", "x"), 404);

	long id = referred_dispute(&op, &clerk, &psb, &coord, 302, cat_main,
				   "流动人口居住登记与社保登记衔接争议。", NULL, NULL);
	ck_assert_msg(in_list(&bb, id), "编办's list lacks dispute %ld", id);
	ck_assert_int_eq(list_left(&bb, id), 5);
	ck_assert_msg(!in_list(&legal, id), "法制局 lists a dispute 编办 has");
	ck_assert_msg(!in_list(&conv, id), "the convener lists a dispute 编办 has");
	snprintf(path, sizeof path, "/disputes/%ld", id);
	GET(&legal, path, 404);
	GET(&conv, path, 404);
	dpage(&bb, id);
	ck_assert_int_eq(atoi(text(&bb, "//p[@class='meta']//span[@class='left']")), 5);
	ck_assert_int_eq(count(&bb, "//form[@action='/disputes/%ld/review']", id), 1);
	ck_assert_int_eq(count(&bb, "//select[@id='decision']/option[@value='legal']"), 1);

	/* Missing lead, principle, basis or opinion: 400, nothing changed. */
	static const struct { const char *lead, *principle, *basis, *opinion, *what; } bad[] = {
		{ NULL, "mandate", "三定规定", "意见", "no lead unit" },
		{ "11", NULL, "三定规定", "意见", "no principle" },
		{ "11", "whim", "三定规定", "意见", "an unknown principle" },
		{ "11", "mandate", NULL, "意见", "no basis" },
		{ "11", "mandate", "三定规定", NULL, "no opinion" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		d_refused(&coord, &bb, bad[i].what, id, "review",
			  review_body(&bb, body, sizeof body, bad[i].lead, NULL, bad[i].principle,
				      bad[i].basis, bad[i].opinion), 400);
		ck_assert_str_eq(refusal, M_REVIEW);
	}
	d_refused(&coord, &bb, "no decision", id, "review", "lead_unit_id=11&principle=mandate&basis=x&opinion=x", 400);
	ck_assert_str_eq(refusal, M_DECISION);
	/* A lead unit of another county, an office or none at all. */
	static const char *const bad_units[] = { "105", "4", "1", "999999" };
	for (size_t i = 0; i < sizeof bad_units / sizeof bad_units[0]; i++) {
		d_refused(&coord, &bb, bad_units[i], id, "review",
			  review_body(&bb, body, sizeof body, bad_units[i], NULL, "mandate", "x", "x"),
			  400);
		ck_assert_str_eq(refusal, M_BAD_UNIT);
	}
	/* A cooperating unit of another county or none at all. */
	d_refused(&coord, &bb, "cooperating unit 105", id, "review",
		  review_body(&bb, body, sizeof body, "11", "105", "mandate", "x", "x"), 400);
	d_refused(&coord, &bb, "cooperating unit 999999", id, "review",
		  review_body(&bb, body, sizeof body, "11", "999999", "mandate", "x", "x"), 400);
	/* Not 法制局's step, nor the office's, nor a clerk's. */
	review_body(&legal, body, sizeof body, "11", NULL, "law", "x", "x");
	d_refused(&coord, &legal, "法制局 on 编办's step", id, "review", body, 404);
	d_refused(&coord, &coord, "the office reviews", id, "review", body, 403);
	d_refused(&coord, &clerk, "a clerk reviews", id, "review", body, 403);

	DACT(&bb, id, "review", review_body(&bb, body, sizeof body, "11", "14", "mandate",
					    "户政支队“三定”规定：负责户口登记管理",
					    "由户政支队牵头办理，人社局配合。"), 303);
	struct dsnap s;
	dsnap(&bb, id, &s);
	ck_assert_str_eq(s.state, "待出具认定意见");
	ck_assert_int_eq(s.left, -1);
	ck_assert_int_eq(s.opinions, 2);
	opinion_is(&bb, 2, "establishment", "编办意见 · 认定意见", BIANBAN, "由户政支队牵头办理");
	ck_assert_str_eq(text(&bb, "//ol[@class='opinions']/li[2]//span[@class='o-lead']"), PSB_HZ);
	const char *li = text(&bb, "//ol[@class='opinions']/li[2]");
	ck_assert_msg(strstr(li, "配合单位：" HRSS) && strstr(li, "认定原则：职责相近（“三定”规定）") &&
			      strstr(li, "依据：户政支队“三定”规定"), "编办's opinion reads 「%s」", li);
	event_is(&bb, s.events, "市编办认定意见", N_BIANBAN, BIANBAN, "由户政支队牵头办理");
	ck_assert_msg(!in_list(&conv, id), "the convener lists a decided dispute");
	/* Once decided, not again. */
	d_refused(&coord, &bb, "a second opinion", id, "review",
		  review_body(&bb, body, sizeof body, "14", NULL, "law", "x", "x"), 409);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
	web_free(&legal);
	web_free(&conv);
}
END_TEST

/* 编办 refers it on to 法制局 with a reason; 法制局 gives a temporary
 * opinion (who handles meanwhile) and asks for a joint meeting. Neither
 * office acts on the other's step. */
START_TEST(legal_referral_and_temporary)
{
	struct web op, clerk, psb, coord, bb, legal;
	char body[4096], due5[11];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	sign_in(&legal, "reviewer_legal");
	long id = referred_dispute(&op, &clerk, &psb, &coord, 401, cat_main,
				   "新业态从业人员劳动关系认定争议。", NULL, NULL);
	d_refused(&coord, &bb, "refer on without a reason", id, "review", "decision=legal", 400);
	ck_assert_str_eq(refusal, M_OPINION);
	DACT(&bb, id, "review", form(&bb, body, sizeof body, "decision", "legal", "opinion",
				     "“三定”规定未明确，需征求法律意见。", NULL), 303);
	struct dsnap s;
	dsnap(&coord, id, &s);
	expected_due(5, due5);
	ck_assert_str_eq(s.state, "法制局审核中");
	ck_assert_str_eq(s.due, due5);
	ck_assert_int_eq(s.left, 5);
	opinion_is(&coord, 2, "establishment", "编办意见 · 转市法制局", BIANBAN, "需征求法律意见");
	event_is(&coord, s.events, "转市法制局", N_BIANBAN, BIANBAN, due5);

	ck_assert_msg(in_list(&legal, id), "法制局's list lacks dispute %ld", id);
	ck_assert_int_eq(list_left(&legal, id), 5);
	dpage(&legal, id);
	ck_assert_int_eq(count(&legal, "//form[@action='/disputes/%ld/review']", id), 1);
	ck_assert_int_eq(count(&legal, "//select[@id='decision']/option[@value='legal']"), 0);
	/* 编办 still reads it but may not act on 法制局's step. */
	dpage(&bb, id);
	ck_assert_int_eq(count(&bb, "//form[@action='/disputes/%ld/review']", id), 0);
	d_refused(&coord, &bb, "编办 on 法制局's step", id, "review",
		  review_body(&bb, body, sizeof body, "11", NULL, "mandate", "x", "x"), 403);
	d_refused(&coord, &legal, "法制局 refers on", id, "review", "decision=legal&opinion=x", 403);
	d_refused(&coord, &legal, "a temporary opinion without its unit", id, "review",
		  "decision=temporary&opinion=x", 400);
	ck_assert_str_eq(refusal, M_TEMPORARY);
	d_refused(&coord, &legal, "a temporary opinion without its text", id, "review",
		  "decision=temporary&temp_unit_id=14", 400);
	d_refused(&coord, &legal, "an opinion without basis", id, "review",
		  review_body(&legal, body, sizeof body, "11", NULL, "law", NULL, "x"), 400);
	ck_assert_str_eq(refusal, M_REVIEW);
	d_refused(&coord, &legal, "a temporary unit of another county", id, "review",
		  "decision=temporary&temp_unit_id=105&opinion=x", 400);
	DACT(&legal, id, "review", form(&legal, body, sizeof body, "decision", "temporary",
					"temp_unit_id", "14", "opinion",
					"法律法规未明确，暂由人社局先行处理，提请联席会议审议。", NULL), 303);
	dsnap(&coord, id, &s);
	ck_assert_str_eq(s.state, "待联席会议审议");
	ck_assert_int_eq(s.left, -1);
	ck_assert_str_eq(text(&coord, "//dl[contains(@class,'dispute')]/dt[.='临时承办单位']/following-sibling::dd[1]"),
			 HRSS);
	opinion_is(&coord, 3, "legal", "法制局意见 · 临时处理意见（提请联席会议）", LEGAL, "暂由人社局先行处理");
	ck_assert_msg(strstr(text(&coord, "//ol[@class='opinions']/li[3]"), "临时承办单位：" HRSS) != NULL,
		      "the temporary opinion does not name its unit");
	event_is(&coord, s.events, "市法制局临时处理意见", N_LEGAL, LEGAL, NULL);
	ck_assert_int_eq(count(&coord, "//a[@href='/meetings' and .='提请联席会议审议']"), 1);
	d_refused(&coord, &legal, "法制局 again", id, "review",
		  review_body(&legal, body, sizeof body, "11", NULL, "law", "x", "x"), 409);
	/* The office cannot determine without a deciding opinion. */
	d_refused(&coord, &coord, "determine while waiting for a meeting", id, "determine", "opinion=x", 409);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
	web_free(&legal);
}
END_TEST

/* ---- the joint meeting (D6.3) ------------------------------------------- */

/* The meeting that /meetings lists last with topic (0 when none). */
static long meeting_with_topic(struct web *w, const char *topic)
{
	GET(w, "/meetings", 200);
	char xp[512];
	snprintf(xp, sizeof xp, "//table[@class='meetings']/tbody/tr[td[2]='%s']/td[1]/a/@href", topic);
	return id_after(web_xpath_text(w, xp), "/meetings/");
}

static long m_post(struct web *w, long meeting, const char *step, const char *extra)
{
	char path[96];
	static char body[8192];
	const char *csrf = token_from(w, "/");
	if (meeting)
		snprintf(path, sizeof path, "/meetings/%ld/%s", meeting, step);
	else
		snprintf(path, sizeof path, "/meetings");
	snprintf(body, sizeof body, "csrf=%s%s%s", web_esc(w, csrf),
		 extra && *extra ? "&" : "", extra ? extra : "");
	return web_post(w, path, body);
}

#define MPOST(w, meeting, step, extra, want)                                  \
	do {                                                                  \
		long st_ = m_post((w), (meeting), (step), (extra));           \
		ck_assert_msg(st_ == (want), "POST /meetings/%ld/%s: status %ld, expected %d\n%.800s", \
			      (long)(meeting), (step), st_, (want), (w)->body ? (w)->body : ""); \
	} while (0)

/* The office proposes an agenda, the convener schedules it, records a
 * decision per dispute, then the attendance and minutes. */
START_TEST(joint_meeting)
{
	struct web op, clerk, psb, coord, bb, conv, mjc;
	char body[4096], topic[128], path[64], extra[256];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	sign_in(&conv, "convener");
	sign_in(&mjc, "mj_coordinator");
	long d[2];
	for (int i = 0; i < 2; i++) {
		d[i] = referred_dispute(&op, &clerk, &psb, &coord, 501 + i, cat_main,
					"多部门职责交叉的噪声扰民投诉。", NULL, NULL);
		DACT(&bb, d[i], "review", form(&bb, body, sizeof body, "decision", "temporary",
					       "temp_unit_id", "14", "opinion",
					       "暂由人社局处理，提请联席会议。", NULL), 303);
	}
	long open = city_dispute(&op, &clerk, &coord, 503, cat_main, "尚在转办的争议", NULL, NULL);

	/* The convener now sees what waits for a meeting. */
	ck_assert_msg(in_list(&conv, d[0]), "the convener's list lacks dispute %ld", d[0]);
	dpage(&conv, d[0]);

	/* The office proposes: a topic and at least one waiting dispute. */
	GET(&coord, "/meetings", 200);
	ck_assert_int_eq(count(&coord, "//input[@name='dispute_id' and @value='%ld']", d[0]), 1);
	ck_assert_int_eq(count(&coord, "//input[@name='dispute_id' and @value='%ld']", open), 0);
	snprintf(topic, sizeof topic, "审议职责交叉争议%s", stamp);
	snprintf(extra, sizeof extra, "dispute_id=%ld", d[0]);
	MPOST(&coord, 0, "", extra, 400);
	ck_assert_str_eq(message(&coord), "请填写会议内容（审议事项）。");
	MPOST(&coord, 0, "", form(&coord, body, sizeof body, "topic", topic, NULL), 400);
	snprintf(extra, sizeof extra, "topic=x&dispute_id=%ld", open);
	MPOST(&coord, 0, "", extra, 409);
	snprintf(extra, sizeof extra, "topic=x&dispute_id=%ld", d[0]);
	MPOST(&conv, 0, "", extra, 403);
	MPOST(&mjc, 0, "", extra, 404);
	ck_assert_int_eq(meeting_with_topic(&coord, "x"), 0);
	form(&coord, body, sizeof body, "topic", topic, NULL);
	snprintf(body + strlen(body), sizeof body - strlen(body), "&dispute_id=%ld&dispute_id=%ld",
		 d[0], d[1]);
	MPOST(&coord, 0, "", body, 303);
	long m = id_after(web_location(&coord), "/meetings/");
	ck_assert_msg(m > 0, "no meeting in %s", web_location(&coord));
	ck_assert_int_eq(meeting_with_topic(&coord, topic), m);
	/* Not on two undecided agendas. */
	snprintf(extra, sizeof extra, "topic=y&dispute_id=%ld", d[0]);
	MPOST(&coord, 0, "", extra, 409);
	snprintf(path, sizeof path, "/meetings/%ld", m);
	GET(&coord, path, 200);
	ck_assert_str_eq(text(&coord, "//p[@class='meta']/span[contains(@class,'state')]"), "已提请");
	ck_assert_str_eq(text(&coord, "//dd[contains(@class,'m-topic')]"), topic);
	ck_assert_int_eq(count(&coord, "//table[@class='meeting-items']/tbody/tr"), 2);
	ck_assert_int_eq(count(&coord, "//section[contains(@class,'actions')]"), 0);
	dpage(&coord, d[0]);
	event_is(&coord, count(&coord, "//ol[@class='timeline']/li"), "提请联席会议", N_COORDINATOR,
		 OFFICE, topic);

	/* Only the convener schedules it: a time, a place and the invitees. */
	GET(&conv, path, 200);
	ck_assert_str_eq(text(&conv, "//p[@class='meta']"),
			 "已提请 · 提请：" N_COORDINATOR " · 召集单位：" GOV " · 全部会议");
	ck_assert_msg(strstr(text(&conv, "//textarea[@id='invitees']"), BIANBAN) != NULL,
		      "the invitees are not suggested");
	MPOST(&coord, m, "schedule", "starts_at=2030-06-03T09:30&place=x&invitees=y", 403);
	MPOST(&conv, m, "schedule", "starts_at=2030-13-03T09:30&place=x&invitees=y", 400);
	MPOST(&conv, m, "schedule", "starts_at=2030-06-03T09:30&invitees=y", 400);
	MPOST(&conv, m, "decide", review_body(&conv, body, sizeof body, "11", NULL, "timely", "x", "x"), 409);
	ck_assert_str_eq(message(&conv), "会议尚未安排时间和地点，不能记录会议决定。");
	MPOST(&conv, m, "schedule", form(&conv, body, sizeof body, "starts_at", "2030-06-03T09:30",
					 "place", "市政府第三会议室", "invitees",
					 "市编办、市法制局、管理办及人社局、户政支队负责人", NULL), 303);
	GET(&conv, path, 200);
	ck_assert_str_eq(text(&conv, "//p[@class='meta']/span[contains(@class,'state')]"), "已安排");
	ck_assert_str_eq(text(&conv, "//dd[@class='m-starts']"), "2030-06-03 09:30");
	ck_assert_str_eq(text(&conv, "//dd[@class='m-place']"), "市政府第三会议室");
	ck_assert_str_eq(text(&conv, "//dd[contains(@class,'m-invitees')]"),
			 "市编办、市法制局、管理办及人社局、户政支队负责人");
	ck_assert_int_eq(count(&conv, "//form[@action='/meetings/%ld/decide']", m), 2);

	/* A decision per dispute, complete or nothing. */
	MPOST(&conv, m, "held", "attendance=x&minutes=y", 409);
	snprintf(extra, sizeof extra, "dispute_id=%ld&lead_unit_id=11&basis=x&opinion=x", d[0]);
	MPOST(&conv, m, "decide", extra, 400);
	ck_assert_str_eq(message(&conv), M_REVIEW);
	DSTATE_IS(&coord, d[0], "待联席会议审议");
	snprintf(extra, sizeof extra, "dispute_id=%ld&lead_unit_id=105&principle=timely&basis=x&opinion=x", d[0]);
	MPOST(&conv, m, "decide", extra, 400);
	snprintf(extra, sizeof extra, "dispute_id=%ld&lead_unit_id=11&principle=timely&basis=x&opinion=x", open);
	MPOST(&conv, m, "decide", extra, 404);
	snprintf(extra, sizeof extra, "dispute_id=%ld&lead_unit_id=11&principle=timely&basis=x&opinion=x", d[0]);
	MPOST(&coord, m, "decide", extra, 403);
	DSTATE_IS(&coord, d[0], "待联席会议审议");
	form(&conv, body, sizeof body, "lead_unit_id", "11", "coop_unit_id", "14", "principle", "timely",
	     "basis", "有利于问题及时解决", "opinion", "会议决定：由户政支队牵头，人社局配合。", NULL);
	snprintf(body + strlen(body), sizeof body - strlen(body), "&dispute_id=%ld", d[0]);
	MPOST(&conv, m, "decide", body, 303);
	MPOST(&conv, m, "decide", body, 409);
	struct dsnap s;
	dsnap(&coord, d[0], &s);
	ck_assert_str_eq(s.state, "待出具认定意见");
	opinion_is(&coord, s.opinions, "meeting", "联席会议决定 · 认定意见", GOV, "由户政支队牵头");
	event_is(&coord, s.events, "联席会议决定", N_CONVENER, GOV, "由户政支队牵头");
	GET(&conv, path, 200);
	ck_assert_int_eq(count(&conv, "//table[@class='meeting-items']/tbody/tr[td[1]/a='争议 #%ld']//span[@class='decided']", d[0]), 1);
	MPOST(&conv, m, "held", "attendance=x&minutes=y", 409);
	snprintf(extra, sizeof extra, "dispute_id=%ld&lead_unit_id=14&principle=law&basis=x&opinion=%s",
		 d[1], web_esc(&conv, "由人社局牵头。"));
	MPOST(&conv, m, "decide", extra, 303);
	DSTATE_IS(&coord, d[1], "待出具认定意见");

	/* The attendance and the minutes close the meeting. */
	MPOST(&conv, m, "held", "attendance=x", 400);
	MPOST(&coord, m, "held", "attendance=x&minutes=y", 403);
	MPOST(&conv, m, "held", form(&conv, body, sizeof body, "attendance",
				     "市府办、市编办、市法制局、管理办、人社局、户政支队负责人出席",
				     "minutes", "会议审议两项争议并逐项作出决定。", NULL), 303);
	GET(&coord, path, 200);
	ck_assert_str_eq(text(&coord, "//p[@class='meta']/span[contains(@class,'state')]"), "已召开");
	ck_assert_str_eq(text(&coord, "//dd[contains(@class,'m-attendance')]"),
			 "市府办、市编办、市法制局、管理办、人社局、户政支队负责人出席");
	ck_assert_str_eq(text(&coord, "//dd[contains(@class,'m-minutes')]"), "会议审议两项争议并逐项作出决定。");
	MPOST(&conv, m, "schedule", "starts_at=2030-06-04T09:30&place=x&invitees=y", 409);
	MPOST(&conv, m, "held", "attendance=x&minutes=y", 409);
	/* The meeting's decision is what the office determines from. */
	determine(&coord, d[0], "根据联席会议决定，由户政支队牵头办理。");
	dsnap(&coord, d[0], &s);
	ck_assert_str_eq(s.state, "待承办单位接收");
	ck_assert_str_eq(s.lead, PSB_HZ);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
	web_free(&conv);
	web_free(&mjc);
}
END_TEST

/* ---- determination, acceptance, refusal (D6.4, D6.5) --------------------- */

/* The office issues the determination: the order goes to the lead unit's
 * queue, the cooperating unit sees it beside its own; the lead accepts,
 * which signs for the order too. */
START_TEST(determination_and_acceptance)
{
	struct web op, clerk, psb, power, coord, bb;
	char num[64], path[64], due1[11], due3[11], want[256];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&power, "clerk_power");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	long order;
	long id = ready_dispute(&op, &clerk, &psb, &coord, &bb, 601, cat_main,
				"户籍迁移后社保关系转移无人办理。", &order, num);
	d_refused(&coord, &coord, "an empty determination", id, "determine", NULL, 400);
	ck_assert_str_eq(refusal, M_OPINION);
	d_refused(&coord, &clerk, "a clerk determines", id, "determine", "opinion=x", 403);
	d_refused(&coord, &coord, "accountability before the determination", id, "account",
		  "facts=x", 409);
	d_refused(&coord, &psb, "acceptance before the determination", id, "accept", NULL, 403);
	determine(&coord, id, "经认定，由户政支队牵头办理，人社局配合。");
	snprintf(want, sizeof want, "/disputes/%ld?done=determined", id);
	ck_assert_str_eq(web_location(&coord), want);

	struct dsnap s;
	dsnap(&coord, id, &s);
	expected_due(1, due1);
	ck_assert_str_eq(s.state, "待承办单位接收");
	ck_assert_str_eq(s.lead, PSB_HZ);
	ck_assert_str_eq(text(&coord, "//dd[contains(@class,'d-determination')]"),
			 "经认定，由户政支队牵头办理，人社局配合。");
	ck_assert_msg(strstr(text(&coord, "//dl[contains(@class,'dispute')]/dt[.='接收期限']/following-sibling::dd[1]"),
			     due1) != NULL, "the acceptance deadline is not %s", due1);
	ck_assert_str_eq(text(&coord, "//table[@class='dispute-units']/tbody/tr[1]/td[1]"), PSB_HZ);
	ck_assert_str_eq(text(&coord, "//table[@class='dispute-units']/tbody/tr[1]/td[2]"), "牵头单位");
	snprintf(want, sizeof want, "//table[@class='dispute-units']/tbody/tr[td[1]='%s']/td[2]", HRSS);
	ck_assert_str_eq(text(&coord, want), "配合单位");
	event_is(&coord, s.events, "出具认定意见", N_COORDINATOR, OFFICE, due1);
	ck_assert_int_eq(count(&coord, "//span[contains(@class,'overdue')]"), 0);

	/* The order: re-dispatched to the lead, due in the category's days. */
	snprintf(path, sizeof path, "/orders/%ld", order);
	GET(&psb, path, 200);
	expected_due(LIMIT_DAYS, due3);
	ck_assert_str_eq(text(&psb, "//p[@class='meta']/span[contains(@class,'state')]"), "待签收");
	ck_assert_str_eq(text(&psb, "//dd[@class='o-unit']"), PSB_HZ);
	ck_assert_str_eq(text(&psb, "//dd[@class='o-due']"), due3);
	int n = count(&psb, "//ol[@class='timeline']/li");
	snprintf(want, sizeof want, "//ol[@class='timeline']/li[%d]", n);
	const char *ev = text(&psb, want);
	ck_assert_msg(strstr(ev, "出具认定意见") && strstr(ev, "→ " PSB_HZ) &&
			      strstr(ev, "由户政支队牵头办理"), "the order's timeline ends with 「%s」", ev);
	ck_assert_msg(in_queue(&psb, num), "户政支队's queue lacks %s", num);
	/* 人社局 cooperates: its own section of the queue, the order readable. */
	ck_assert_msg(!in_queue(&clerk, num), "人社局's own queue lists %s", num);
	ck_assert_int_eq(count(&clerk, "//table[@class='coops']/tbody/tr[td[1]/a='%s']", num), 1);
	ck_assert_str_eq(text(&clerk, "//table[@class='coops']/preceding-sibling::h2[1]"), "配合办理的工单");
	snprintf(want, sizeof want, "//table[@class='coops']/tbody/tr[td[1]/a='%s']/td[5]", num);
	ck_assert_str_eq(text(&clerk, want), PSB_HZ);
	GET(&clerk, path, 200);
	ck_assert_str_eq(text(&clerk, "//dd[@class='o-unit']"), PSB_HZ);
	ck_assert_int_eq(count(&clerk, "//section[contains(@class,'actions')]"), 0);
	OACT(&clerk, order, "accept", NULL, 404);
	GET(&power, path, 404);
	GET(&power, "/orders/queue", 200);
	ck_assert_int_eq(count(&power, "//table[@class='coops']/tbody/tr[td[1]/a='%s']", num), 0);

	/* Only the lead answers; accountability waits for a refusal or silence. */
	dpage(&psb, id);
	ck_assert_int_eq(count(&psb, "//form[@action='/disputes/%ld/accept']", id), 1);
	d_refused(&coord, &clerk, "the cooperating unit accepts", id, "accept", NULL, 403);
	d_refused(&coord, &power, "an uninvolved unit accepts", id, "accept", NULL, 404);
	d_refused(&coord, &coord, "accountability while waiting", id, "account", "facts=x", 409);
	DACT(&psb, id, "accept", NULL, 303);
	dsnap(&coord, id, &s);
	ck_assert_str_eq(s.state, "已接收执行");
	event_is(&coord, s.events, "接收认定", N_CLERK_PSB, PSB_HZ, NULL);
	GET(&psb, path, 200);
	ck_assert_str_eq(text(&psb, "//p[@class='meta']/span[contains(@class,'state')]"), "办理中");
	n = count(&psb, "//ol[@class='timeline']/li");
	snprintf(want, sizeof want, "//ol[@class='timeline']/li[%d]", n);
	ev = text(&psb, want);
	ck_assert_msg(strstr(ev, N_CLERK_PSB "（" PSB_HZ "）") && strstr(ev, "签收"),
		      "the order's timeline ends with 「%s」", ev);
	d_refused(&coord, &psb, "refuse after accepting", id, "refuse", "reason=x", 409);
	d_refused(&coord, &psb, "accept twice", id, "accept", NULL, 409);
	d_refused(&coord, &coord, "determine twice", id, "determine", "opinion=x", 409);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&power);
	web_free(&coord);
	web_free(&bb);
}
END_TEST

/* The accountability list's row of dispute id: its record id (0 when not
 * listed) and state. */
static long account_row(struct web *w, const char *query, long id, char state[64])
{
	char path[96], xp[256];
	snprintf(path, sizeof path, "/accountability%s", query);
	GET(w, path, 200);
	snprintf(xp, sizeof xp,
		 "//table[@class='accountability']/tbody/tr[td[2]/a[@href='/disputes/%ld']]/td[1]", id);
	const char *s = web_xpath_text(w, xp);
	long acc = s && *s == '#' ? atol(s + 1) : 0;
	if (state) {
		snprintf(xp, sizeof xp,
			 "//table[@class='accountability']/tbody/tr[td[2]/a[@href='/disputes/%ld']]/td[5]", id);
		snprintf(state, 64, "%s", text(w, xp));
	}
	return acc;
}

/* A refusal needs its reason and is flagged; the office raises 问责 with
 * its facts, lists it and closes it. Silence past the deadline allows it
 * too. */
START_TEST(refusal_and_accountability)
{
	struct web op, clerk, psb, coord, bb, mjc;
	char body[2048], st[64], path[96];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	sign_in(&mjc, "mj_coordinator");
	long id = ready_dispute(&op, &clerk, &psb, &coord, &bb, 701, cat_main,
				"公共租赁住房入户登记争议。", NULL, NULL);
	determine(&coord, id, "由户政支队牵头办理。");
	d_refused(&coord, &psb, "a refusal without reason", id, "refuse", NULL, 400);
	ck_assert_str_eq(refusal, "拒绝接收须写明理由。");
	DACT(&psb, id, "refuse", form(&psb, body, sizeof body, "reason", "本队无此职能，不予接收。", NULL), 303);
	struct dsnap s;
	dsnap(&coord, id, &s);
	ck_assert_str_eq(s.state, "拒不接收");
	ck_assert_msg(strstr(text(&coord, "//dl[contains(@class,'dispute')]/dt[.='接收期限']/following-sibling::dd[1]"),
			     "本队无此职能，不予接收。") != NULL, "the refusal is not shown");
	event_is(&coord, s.events, "拒绝接收", N_CLERK_PSB, PSB_HZ, "本队无此职能");
	GET(&coord, "/disputes?state=refused", 200);
	ck_assert_int_eq(listed(&coord, id), 1);
	dpage(&coord, id);
	ck_assert_int_eq(count(&coord, "//form[@action='/disputes/%ld/account']", id), 1);

	d_refused(&coord, &coord, "accountability without facts", id, "account", NULL, 400);
	ck_assert_str_eq(refusal, "请填写问责事实。");
	d_refused(&coord, &psb, "a clerk raises accountability", id, "account", "facts=x", 403);
	d_refused(&coord, &mjc, "梅江区's office", id, "account", "facts=x", 404);
	DACT(&coord, id, "account", form(&coord, body, sizeof body, "facts",
					 "户政支队收到认定意见后无正当理由拒不接收。", NULL), 303);
	long acc = account_row(&coord, "?state=open", id, st);
	ck_assert_msg(acc > 0, "the open accountability records lack dispute %ld", id);
	ck_assert_str_eq(st, "待处理");
	char xp[256];
	snprintf(xp, sizeof xp, "//table[@class='accountability']/tbody/tr[td[1]='#%ld']/td[3]", acc);
	ck_assert_str_eq(text(&coord, xp), PSB_HZ);
	snprintf(xp, sizeof xp, "//table[@class='accountability']/tbody/tr[td[1]='#%ld']/td[4]", acc);
	ck_assert_str_eq(text(&coord, xp), "户政支队收到认定意见后无正当理由拒不接收。");
	ck_assert_int_eq(account_row(&coord, "?state=closed", id, NULL), 0);
	ck_assert_int_eq(account_row(&mjc, "", id, NULL), 0);
	GET(&psb, "/accountability", 403);

	/* Closed with its outcome: listed as closed. */
	snprintf(path, sizeof path, "/accountability/%ld/close", acc);
	token_from(&coord, "/");
	snprintf(body, sizeof body, "csrf=%s", web_esc(&coord, web_csrf(&coord)));
	POST(&coord, path, body, 400);
	token_from(&mjc, "/");
	snprintf(body, sizeof body, "csrf=%s&opinion=x", web_esc(&mjc, web_csrf(&mjc)));
	POST(&mjc, path, body, 404);
	token_from(&coord, "/");
	snprintf(body, sizeof body, "csrf=%s&opinion=%s", web_esc(&coord, web_csrf(&coord)),
		 web_esc(&coord, "已约谈户政支队负责人，责令接收办理。"));
	POST(&coord, path, body, 303);
	ck_assert_int_eq(account_row(&coord, "?state=open", id, NULL), 0);
	ck_assert_int_eq(account_row(&coord, "?state=closed", id, st), acc);
	ck_assert_str_eq(st, "已办结");
	snprintf(xp, sizeof xp, "//table[@class='accountability']/tbody/tr[td[1]='#%ld']/td[7]", acc);
	ck_assert_str_eq(text(&coord, xp), "已约谈户政支队负责人，责令接收办理。");
	POST(&coord, path, body, 404);
	GET(&coord, "/accountability?state=whatever", 400);

	/* Silence: past the acceptance deadline the office may raise it. */
	long id2 = ready_dispute(&op, &clerk, &psb, &coord, &bb, 702, cat_main,
				 "逾期未接收的争议。", NULL, NULL);
	determine(&coord, id2, "由户政支队牵头办理。");
	d_refused(&coord, &coord, "accountability before the deadline", id2, "account", "facts=x", 409);
	sql_run_is("UPDATE disputes SET accept_due = '2020-01-02' WHERE id = ?", id2, NULL);
	dpage(&coord, id2);
	ck_assert_int_eq(count(&coord, "//p[@class='meta']/span[contains(@class,'overdue') and .='逾期未接收']"), 1);
	GET(&coord, "/disputes?state=determined", 200);
	ck_assert_int_eq(count(&coord, "//table[@class='disputes']/tbody/tr[td[1]/a='争议 #%ld']//span[.='逾期未接收']", id2), 1);
	DACT(&coord, id2, "account", "facts=%E9%80%BE%E6%9C%9F%E6%9C%AA%E6%8E%A5%E6%94%B6", 303);
	ck_assert_msg(account_row(&coord, "?state=open", id2, NULL) > 0,
		      "the overdue dispute's record is not listed");
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
	web_free(&mjc);
}
END_TEST

/* ---- learning ----------------------------------------------------------- */

/* A determination becomes a routing rule: the next intake of the category
 * and jurisdiction suggests the lead unit. A new dispute of the category
 * shows the office the earlier determination. */
START_TEST(learning_rule_and_similar)
{
	struct web op, clerk, psb, coord, bb;
	char body[4096], v[32], want[128];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	/* No rule for the category yet. */
	snprintf(v, sizeof v, "%ld", cat_learn);
	form(&op, body, sizeof body, "csrf", token_from(&op, "/orders/new"), "category_id", v,
	     "jurisdiction_id", "1", "content", "电动自行车上牌与户籍关联问题", NULL);
	POST(&op, "/orders/new", body, 200);
	ck_assert_int_eq(count(&op, "//p[contains(@class,'suggested')]"), 0);

	long first = ready_dispute(&op, &clerk, &psb, &coord, &bb, 801, cat_learn,
				   "电动自行车登记上牌窗口互相推诿。", NULL, NULL);
	d_refused(&coord, &coord, "a rule before the determination", first, "rule", NULL, 409);
	determine(&coord, first, "电动自行车登记由户政支队牵头。");
	d_refused(&coord, &psb, "a clerk makes a rule", first, "rule", NULL, 403);
	d_refused(&coord, &bb, "编办 makes a rule", first, "rule", NULL, 403);
	DACT(&coord, first, "rule", NULL, 303);
	snprintf(want, sizeof want, "/disputes/%ld?done=rule", first);
	ck_assert_str_eq(web_location(&coord), want);
	struct dsnap s;
	dsnap(&coord, first, &s);
	event_is(&coord, s.events, "生成派单规则", N_COORDINATOR, OFFICE, "→ " PSB_HZ);

	/* The intake now suggests the lead unit. */
	form(&op, body, sizeof body, "csrf", token_from(&op, "/orders/new"), "category_id", v,
	     "jurisdiction_id", "1", "content", "电动自行车上牌与户籍关联问题", NULL);
	POST(&op, "/orders/new", body, 200);
	ck_assert_str_eq(text(&op, "//p[contains(@class,'suggested')]"), "派单规则建议：" PSB_HZ);
	ck_assert_int_eq(atol(text(&op, "//select[@id='unit_id']/option[@selected]/@value")), U_PSB_HZ);

	/* A new dispute of the category: the office sees the earlier one. */
	long second = city_dispute(&op, &clerk, &coord, 802, cat_learn,
				   "老年代步车登记归口不明。", NULL, NULL);
	dpage(&coord, second);
	ck_assert_int_eq(count(&coord, "//h2[.='以往类似认定']"), 1);
	ck_assert_int_eq(count(&coord, "//ul[@class='similar']/li[a='争议 #%ld']", first), 1);
	snprintf(want, sizeof want, "//ul[@class='similar']/li[a='争议 #%ld']/strong", first);
	ck_assert_str_eq(text(&coord, want), PSB_HZ);
	snprintf(want, sizeof want, "//ul[@class='similar']/li[a='争议 #%ld']", first);
	ck_assert_msg(strstr(text(&coord, want), "电动自行车登记由户政支队牵头。") != NULL,
		      "the similar determination reads 「%s」", text(&coord, want));
	/* Units do not get the office's hint. */
	dpage(&clerk, second);
	ck_assert_int_eq(count(&clerk, "//h2[.='以往类似认定']"), 0);
	/* A dispute of another category with other content: not similar. */
	long other = city_dispute(&op, &clerk, &coord, 803, cat_other,
				  "水库移民后期扶持资金发放疑问。", NULL, NULL);
	dpage(&coord, other);
	ck_assert_int_eq(count(&coord, "//ul[@class='similar']/li[a='争议 #%ld']", first), 0);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
}
END_TEST

/* ---- counties and procedures (D7, D8) ------------------------------------ */

/* A 梅江区 order follows 梅江区's procedure: its own 编办, no legal step,
 * 3 review days; the city's 编办 does not see it. */
START_TEST(county_procedure)
{
	struct web op, mjclerk, mjc, mjr, bb, coord, clerk;
	char num[64], path[64], body[4096], due3[11];
	sign_in(&op, "operator");
	sign_in(&mjclerk, "mj_clerk");
	sign_in(&mjc, "mj_coordinator");
	sign_in(&mjr, "mj_reviewer");
	sign_in(&bb, "reviewer_bianban");
	sign_in(&coord, "coordinator");
	sign_in(&clerk, "clerk_hrss");
	long order = dispatch(&op, 901, 2, U_MJ_HRSS, cat_main, "梅江区某小区加装电梯审批争议。", num);
	long id = open_dispute(&mjc, order, "梅江区内部职责争议");
	dpage(&mjc, id);
	ck_assert_str_eq(text(&mjc, "//dl[contains(@class,'dispute')]/dt[.='认定程序']/following-sibling::dd[1]"),
			 "编办：" MJ_BIANBAN "；法制局：本地区不设此环节；召集单位：" MJ_GOV);
	ck_assert_str_eq(text(&mjc, "//table[@class='dispute-units']/tbody/tr/td[1]"), MJ_HRSS);
	unit_opinion(&mjclerk, id, "本局认为应由住建局办理。");
	DACT(&mjc, id, "coordinate", "opinion=%E5%8D%8F%E8%B0%83", 303);
	dpage(&mjc, id);
	opinion_is(&mjc, 1, "office", "管理办协调情况", MJ_OFFICE, NULL);
	DACT(&mjc, id, "refer", NULL, 303);
	struct dsnap s;
	dsnap(&mjc, id, &s);
	expected_due(3, due3);
	ck_assert_str_eq(s.state, "编办审核中");
	ck_assert_str_eq(s.due, due3);
	ck_assert_int_eq(s.left, 3);

	/* The city's 编办 does not see it; 梅江区's does, with 3 days. */
	snprintf(path, sizeof path, "/disputes/%ld", id);
	GET(&bb, path, 404);
	ck_assert_msg(!body_has(&bb, num), "the city 编办's 404 shows the order");
	ck_assert_msg(!in_list(&bb, id), "the city 编办 lists a 梅江区 dispute");
	d_refused(&mjc, &bb, "the city's 编办", id, "review",
		  review_body(&bb, body, sizeof body, "105", NULL, "mandate", "x", "x"), 404);
	ck_assert_msg(in_list(&mjr, id), "梅江区编办's list lacks dispute %ld", id);
	ck_assert_int_eq(list_left(&mjr, id), 3);
	dpage(&mjr, id);
	ck_assert_int_eq(count(&mjr, "//select[@id='decision']/option[@value='legal']"), 0);
	/* No legal step to refer to. */
	d_refused(&mjc, &mjr, "refer to a legal step that does not exist", id, "review",
		  "decision=legal&opinion=x", 409);
	/* The city's units are allowed as lead, another county's are not. */
	d_refused(&mjc, &mjr, "a lead unit of 兴宁市", id, "review",
		  review_body(&mjr, body, sizeof body, "205", NULL, "mandate", "x", "x"), 400);
	DACT(&mjr, id, "review", review_body(&mjr, body, sizeof body, "105", NULL, "law",
					     "《广东省就业促进条例》", "由梅江区人社局牵头办理。"), 303);
	dsnap(&mjc, id, &s);
	ck_assert_str_eq(s.state, "待出具认定意见");
	opinion_is(&mjc, 2, "establishment", "编办意见 · 认定意见", MJ_BIANBAN, "由梅江区人社局牵头办理");
	/* Each office keeps to its own: the city's sees all, 梅江区's only its own. */
	dpage(&coord, id);
	long city = city_dispute(&op, &clerk, &coord, 902, cat_main, "市级争议", NULL, NULL);
	snprintf(path, sizeof path, "/disputes/%ld", city);
	GET(&mjc, path, 404);
	GET(&mjr, path, 404);
	GET(&mjclerk, path, 404);
	ck_assert_msg(!in_list(&mjc, city), "梅江区's office lists a city dispute");
	d_refused(&coord, &mjc, "梅江区's office on a city dispute", city, "coordinate", "opinion=x", 404);
	web_free(&op);
	web_free(&mjclerk);
	web_free(&mjc);
	web_free(&mjr);
	web_free(&bb);
	web_free(&coord);
	web_free(&clerk);
}
END_TEST

static const char SQL_HAS_XN[] =
	"SELECT COUNT(*) FROM dispute_procedures WHERE jurisdiction_id = ? AND effective_from = ?";
static const char SQL_ADD_XN[] =
	"INSERT IGNORE INTO dispute_procedures (jurisdiction_id, effective_from, establishment_unit_id,"
	" legal_unit_id, convener_unit_id, review_days, accept_days, opinion_days)"
	" VALUES (?, ?, 203, 204, 202, 4, 1, 2)";
/* One that takes effect later: not yet in force. */
static const char SQL_ADD_XN_LATER[] =
	"INSERT IGNORE INTO dispute_procedures (jurisdiction_id, effective_from, establishment_unit_id,"
	" legal_unit_id, convener_unit_id, review_days, accept_days, opinion_days)"
	" VALUES (?, DATE(?) + INTERVAL 100 YEAR, 203, NULL, 202, 3, 1, 2)";
static const char SQL_PROCEDURE_OF[] =
	"SELECT p.jurisdiction_id FROM disputes d JOIN dispute_procedures p ON p.id = d.procedure_id"
	" WHERE d.id = ?";

/* The units dispute id's page names for its procedure. */
static void procedure_is(struct web *w, long id, const char *want)
{
	dpage(w, id);
	ck_assert_str_eq(text(w, "//dl[contains(@class,'dispute')]/dt[.='认定程序']/following-sibling::dd[1]"),
			 want);
}

#define CITY_PROCEDURE "编办：" BIANBAN "；法制局：" LEGAL "；召集单位：" GOV
#define XN_PROCEDURE "编办：" XN_BIANBAN "；法制局：" XN_LEGAL "；召集单位：" XN_GOV

/* A procedure applies to the disputes opened from its effective day on; a
 * jurisdiction without one follows the city's. ("Today" is Beijing's, as
 * the server's; the test does not run across midnight.) */
START_TEST(procedure_in_force)
{
	struct web op, coord;
	char num[64];
	sign_in(&op, "operator");
	sign_in(&coord, "coordinator");
	/* The city's, until 兴宁市 has its own (on a second run it has). */
	int fresh = sql_long_is(SQL_HAS_XN, 4, today) == 0;
	long before = open_dispute(&coord, dispatch(&op, 1001, 4, U_XN_HRSS, cat_main,
						    "兴宁市城乡低保认定争议。", num), "");
	if (fresh) {
		procedure_is(&coord, before, CITY_PROCEDURE);
		ck_assert_int_eq(sql_long_is(SQL_PROCEDURE_OF, before, NULL), 1);
	}
	sql_run_is(SQL_ADD_XN, 4, today);
	sql_run_is(SQL_ADD_XN_LATER, 4, today);
	long after = open_dispute(&coord, dispatch(&op, 1002, 4, U_XN_HRSS, cat_main,
						   "兴宁市城乡低保认定争议。", num), "");
	procedure_is(&coord, after, XN_PROCEDURE);
	ck_assert_int_eq(sql_long_is(SQL_PROCEDURE_OF, after, NULL), 4);
	/* The one opened before keeps the procedure it was opened under. */
	if (fresh)
		procedure_is(&coord, before, CITY_PROCEDURE);
	/* 兴宁市's review days. */
	coordinate_refer(&coord, after);
	struct dsnap s;
	dsnap(&coord, after, &s);
	ck_assert_int_eq(s.left, 4);
	/* 梅县区 has none: the city's. */
	long mx = open_dispute(&coord, dispatch(&op, 1003, 3, U_HRSS, cat_main,
						"梅县区城乡低保认定争议。", num), "");
	procedure_is(&coord, mx, CITY_PROCEDURE);
	ck_assert_int_eq(sql_long_is(SQL_PROCEDURE_OF, mx, NULL), 1);
	coordinate_refer(&coord, mx);
	dsnap(&coord, mx, &s);
	ck_assert_int_eq(s.left, 5);
	web_free(&op);
	web_free(&coord);
}
END_TEST

/* ---- who may see what; wrong states; forged tokens ----------------------- */

/* A unit sees only the disputes it is involved in; people with no part in
 * a dispute get 404 and do not find it in their lists. */
START_TEST(scope_visibility)
{
	struct web op, clerk, psb, power, coord, mjc, conv, bb, admin;
	char path[64];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&power, "clerk_power");
	sign_in(&coord, "coordinator");
	sign_in(&mjc, "mj_coordinator");
	sign_in(&conv, "convener");
	sign_in(&bb, "reviewer_bianban");
	sign_in(&admin, "admin");
	char num[64];
	long id = city_dispute(&op, &clerk, &coord, 1101, cat_main, "可见范围测试争议。", NULL, num);
	snprintf(path, sizeof path, "/disputes/%ld", id);
	struct { struct web *w; const char *who; int sees; } people[] = {
		{ &coord, "coordinator", 1 }, { &clerk, "clerk_hrss", 1 }, { &psb, "clerk_psb", 1 },
		{ &power, "clerk_power", 0 }, { &op, "operator", 0 }, { &mjc, "mj_coordinator", 0 },
		{ &conv, "convener", 0 }, { &bb, "reviewer_bianban", 0 }, { &admin, "admin", 0 },
	};
	for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
		long st = web_get(people[i].w, path);
		ck_assert_msg(st == (people[i].sees ? 200 : 404), "%s: GET %s: %ld", people[i].who,
			      path, st);
		if (!people[i].sees)
			ck_assert_msg(!body_has(people[i].w, num), "%s's 404 shows the order",
				      people[i].who);
		ck_assert_msg(in_list(people[i].w, id) == people[i].sees, "%s %s it in the list",
			      people[i].who, people[i].sees ? "does not find" : "finds");
		snprintf(path, sizeof path, "/disputes/%ld/form", id);
		st = web_get(people[i].w, path);
		ck_assert_msg(st == (people[i].sees ? 200 : 404), "%s: GET %s: %ld", people[i].who,
			      path, st);
		snprintf(path, sizeof path, "/disputes/%ld", id);
	}
	/* The list's filter. */
	GET(&coord, "/disputes?state=open", 200);
	ck_assert_int_eq(listed(&coord, id), 1);
	GET(&coord, "/disputes?state=accepted", 200);
	ck_assert_int_eq(listed(&coord, id), 0);
	GET(&coord, "/disputes?state=nonsense", 400);
	GET(&coord, "/disputes/2000000000", 404);
	/* Signed out: to the login. */
	struct web anon;
	start(&anon);
	GET(&anon, path, 303);
	ck_assert_msg(strncmp(web_location(&anon) ? web_location(&anon) : "", "/login", 6) == 0,
		      "signed out %s goes to %s", path, web_location(&anon));
	web_free(&anon);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&power);
	web_free(&coord);
	web_free(&mjc);
	web_free(&conv);
	web_free(&bb);
	web_free(&admin);
}
END_TEST

/* A step the dispute's state does not allow: 409 with the state named. */
START_TEST(wrong_state_is_409)
{
	struct web op, clerk, psb, coord, bb;
	char msg[256], body[2048];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	long id = city_dispute(&op, &clerk, &coord, 1201, cat_main, "状态测试争议。", NULL, NULL);
	static const struct { const char *step, *extra, *label; } open[] = {
		{ "determine", "opinion=x", "出具认定意见" },
		{ "account", "facts=x", "问责" },
	};
	for (size_t i = 0; i < sizeof open / sizeof open[0]; i++) {
		d_refused(&coord, &coord, open[i].step, id, open[i].step, open[i].extra, 409);
		snprintf(msg, sizeof msg, "争议当前状态为“转办中”，不能进行“%s”。", open[i].label);
		ck_assert_str_eq(refusal, msg);
	}
	d_refused(&coord, &coord, "a rule of an open dispute", id, "rule", NULL, 409);
	/* 户政支队 does not answer before the referral: then it is too late. */
	unit_opinion(&clerk, id, "x");
	coordinate_refer(&coord, id);
	d_refused(&coord, &psb, "an opinion after the referral", id, "unit-opinion", "opinion=x", 409);
	ck_assert_str_eq(refusal, "争议当前状态为“编办审核中”，不能进行“部门处理意见”。");
	d_refused(&coord, &coord, "determine while 编办 reviews", id, "determine", "opinion=x", 409);
	DACT(&bb, id, "review", review_body(&bb, body, sizeof body, "11", NULL, "mandate", "x", "x"), 303);
	d_refused(&coord, &bb, "a temporary opinion once decided", id, "review",
		  "decision=temporary&temp_unit_id=14&opinion=x", 409);
	d_refused(&coord, &bb, "refer on once decided", id, "review", "decision=legal&opinion=x", 409);
	d_refused(&coord, &coord, "refer once decided", id, "refer", NULL, 409);
	/* No such dispute. */
	ck_assert_int_eq(d_act(&coord, 2000000000, "refer", NULL), 404);
	ck_assert_int_eq(d_act(&bb, 2000000000, "review", "decision=legal&opinion=x"), 404);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&coord);
	web_free(&bb);
}
END_TEST

/* A forged, missing or foreign token: 403, nothing changed. */
START_TEST(forged_csrf_is_403)
{
	struct web op, clerk, coord, bb, anon;
	char path[96], body[1024];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	sign_in(&bb, "reviewer_bianban");
	start(&anon);
	long id = city_dispute(&op, &clerk, &coord, 1301, cat_main, "令牌测试争议。", NULL, NULL);
	struct dsnap a, b;
	dsnap(&coord, id, &a);
	static const char zero[] = "csrf=0000000000000000000000000000000000000000000000000000000000000000";
	snprintf(path, sizeof path, "/disputes/%ld/coordinate", id);
	token_from(&coord, "/");
	snprintf(body, sizeof body, "%s&opinion=x", zero);
	POST(&coord, path, body, 403);
	ck_assert_str_eq(message(&coord), M_CSRF);
	POST(&coord, path, "opinion=x", 403);
	/* The clerk's own token is no good in the office's session. */
	const char *foreign = token_from(&clerk, "/");
	snprintf(body, sizeof body, "csrf=%s&opinion=x", web_esc(&clerk, foreign));
	POST(&coord, path, body, 403);
	snprintf(path, sizeof path, "/disputes/%ld/unit-opinion", id);
	snprintf(body, sizeof body, "%s&opinion=x", zero);
	POST(&clerk, path, body, 403);
	snprintf(path, sizeof path, "/disputes/%ld/contact", id);
	snprintf(body, sizeof body, "%s&note=x", zero);
	POST(&coord, path, body, 403);
	POST(&anon, path, "note=x", 403);
	dsnap(&coord, id, &b);
	ck_assert_str_eq(b.state, a.state);
	ck_assert_int_eq(b.events, a.events);
	ck_assert_int_eq(b.opinions, a.opinions);
	ck_assert_int_eq(b.contacts, a.contacts);
	ck_assert_int_eq(b.answered, a.answered);
	/* On a referred dispute, 编办's review and the meeting's proposal. */
	unit_opinion(&clerk, id, "x");
	coordinate_refer(&coord, id);
	dsnap(&coord, id, &a);
	snprintf(path, sizeof path, "/disputes/%ld/review", id);
	token_from(&bb, "/");
	snprintf(body, sizeof body, "%s&decision=temporary&temp_unit_id=14&opinion=x", zero);
	POST(&bb, path, body, 403);
	dsnap(&coord, id, &b);
	ck_assert_str_eq(b.state, a.state);
	ck_assert_int_eq(b.opinions, a.opinions);
	snprintf(body, sizeof body, "%s&topic=x&dispute_id=%ld", zero, id);
	POST(&coord, "/meetings", body, 403);
	/* With the genuine token it works. */
	DACT(&bb, id, "review", "decision=temporary&temp_unit_id=14&opinion=x", 303);
	web_free(&op);
	web_free(&clerk);
	web_free(&coord);
	web_free(&bb);
	web_free(&anon);
}
END_TEST

/* ---- the printable 争议认定表 --------------------------------------------- */

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

/* Today as the form writes a date: 2026 年 5 月 8 日. */
static const char *form_date(char out[32])
{
	int y, m, d;
	ck_assert_int_eq(sscanf(today, "%d-%d-%d", &y, &m, &d), 3);
	snprintf(out, 32, "%d 年 %d 月 %d 日", y, m, d);
	return out;
}

/* Row step's seal on the form w last fetched: the unit it names, and the
 * date beside it. */
static void seal_is(struct web *w, const char *step, const char *unit)
{
	char xp[192], want[256], date[32];
	snprintf(xp, sizeof xp, "//tr[contains(@class,'step-%s')]//svg[contains(@class,'seal')]/@aria-label",
		 step);
	snprintf(want, sizeof want, "%s（印）", unit);
	ck_assert_msg(strcmp(text(w, xp), want) == 0, "the %s seal is 「%s」, not %s", step,
		      text(w, xp), want);
	snprintf(xp, sizeof xp, "//tr[contains(@class,'step-%s')]//*[contains(@class,'seal-name')]", step);
	ck_assert_msg(strcmp(text(w, xp), unit) == 0, "the %s seal reads 「%s」, not %s", step,
		      text(w, xp), unit);
	snprintf(xp, sizeof xp, "//tr[contains(@class,'step-%s')]//*[contains(@class,'seal-date')]", step);
	ck_assert_msg(strcmp(text(w, xp), form_date(date)) == 0, "the %s seal is dated 「%s」, not %s",
		      step, text(w, xp), date);
}

#define FORM_HEADS "工单编号|问题分类|涉及部门|事项内容|各职能部门处理意见|" \
	"市政务中心管理办协调情况|市编办意见|市法制局意见|认定意见|联系人|联系电话"

/* The seed's table, field for field, and each office's sealed opinion
 * with its seal mark (unit and date); unsealed rows wait for a seal; a
 * county's form names its own offices; a field too long overflows to an
 * attachment; member units see the caller's number masked. */
START_TEST(printable_form)
{
	struct web op, clerk, psb, coord, bb, legal, mjc;
	char num[64], path[96], heads[2048], body[4096], p[32], date[32];
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
	seal_is(&coord, "office", OFFICE);
	ck_assert_int_eq(count(&coord, "//tr[contains(@class,'step-establishment')]//span[@class='seal-here' and .='（盖章）']"), 1);
	ck_assert_int_eq(count(&coord, "//tr[contains(@class,'step-legal')]//span[@class='seal-here']"), 1);
	ck_assert_int_eq(count(&coord, "//svg[contains(@class,'seal')]"), 1);

	/* 编办 refers it to 法制局, which decides; the office determines. */
	DACT(&bb, id, "review", form(&bb, body, sizeof body, "decision", "legal", "opinion",
				     "“三定”规定未予明确，转市法制局提出意见。", NULL), 303);
	DACT(&legal, id, "review", review_body(&legal, body, sizeof body, "11", "14", "law",
					       "《户口登记条例》第十条",
					       "由户政支队牵头办理，人社局配合转移社保关系。"), 303);
	determine(&coord, id, "经认定，由户政支队牵头、人社局配合办理。");

	GET(&coord, path, 200);
	ck_assert_str_eq(form_heads(&coord, heads, sizeof heads), FORM_HEADS);
	ck_assert_str_eq(text(&coord, "//td[@class='f-number']"), num);
	ck_assert_str_eq(text(&coord, "//td[@class='f-category']"), main_name);
	ck_assert_str_eq(text(&coord, "//td[@class='f-units']"), PSB_HZ "、" HRSS);
	ck_assert_str_eq(text(&coord, "//td[@class='f-content']"), content);
	ck_assert_int_eq(count(&coord, "//td[@class='f-unit-opinions']/p[@class='unit-opinion']"), 2);
	ck_assert_msg(strstr(text(&coord, "//td[@class='f-unit-opinions']/p[span[@class='u-name']='" HRSS "']"),
			     "本局认为应由户政支队办理。") != NULL, "人社局's opinion is not on the form");
	ck_assert_msg(strstr(text(&coord, "//td[@class='f-unit-opinions']/p[span[@class='u-name']='" PSB_HZ "']"),
			     "本队认为应由人社局办理。") != NULL, "户政支队's opinion is not on the form");
	/* Each office's opinion under its seal. */
	ck_assert_msg(strstr(text(&coord, "//tr[contains(@class,'step-office')]/td"), "经协调") != NULL,
		      "the coordination is not on the form");
	seal_is(&coord, "office", OFFICE);
	const char *est = text(&coord, "//tr[contains(@class,'step-establishment')]/td");
	ck_assert_msg(strstr(est, "转市法制局提出意见") != NULL, "编办's row reads 「%s」", est);
	seal_is(&coord, "establishment", BIANBAN);
	const char *lg = text(&coord, "//tr[contains(@class,'step-legal')]/td");
	ck_assert_msg(strstr(lg, "由户政支队牵头办理") && strstr(lg, "牵头单位：" PSB_HZ "；配合单位：" HRSS) &&
			      strstr(lg, "认定原则：依法依规") && strstr(lg, "依据：《户口登记条例》第十条"),
		      "法制局's row reads 「%s」", lg);
	seal_is(&coord, "legal", LEGAL);
	ck_assert_int_eq(count(&coord, "//svg[contains(@class,'seal')]"), 3);
	ck_assert_int_eq(count(&coord, "//span[@class='seal-here']"), 0);
	/* 认定意见, 联系人, 联系电话. */
	const char *det = text(&coord, "//td[@class='f-determination']");
	ck_assert_msg(strstr(det, "经认定，由户政支队牵头、人社局配合办理。") &&
			      strstr(det, "配合单位：" HRSS) && strstr(det, form_date(date)),
		      "认定意见 reads 「%s」", det);
	ck_assert_str_eq(text(&coord, "//td[@class='f-determination']//span[@class='d-lead']"), PSB_HZ);
	ck_assert_str_eq(text(&coord, "//td[@class='f-contact-name']"), "吴女士");
	ck_assert_str_eq(text(&coord, "//td[@class='f-contact-phone']"), phone_no(p, 1401));
	/* A member unit sees the caller's number masked. */
	GET(&clerk, path, 200);
	const char *masked = text(&clerk, "//td[@class='f-contact-phone']");
	ck_assert_msg(strlen(masked) == 11 && strncmp(masked, p, 3) == 0 &&
			      strcmp(masked + 7, p + 7) == 0 && strncmp(masked + 3, "****", 4) == 0,
		      "the clerk sees the phone as 「%s」", masked);
	/* The dispute's page links it. */
	dpage(&coord, id);
	snprintf(path, sizeof path, "/disputes/%ld/form", id);
	ck_assert_int_eq(count(&coord, "//a[@href='%s']", path), 1);

	/* A 梅江区 dispute: its own offices, no legal step. */
	long mo = dispatch(&op, 1402, 2, U_MJ_HRSS, cat_main, "梅江区争议表", num);
	long mid = open_dispute(&mjc, mo, "");
	DACT(&mjc, mid, "coordinate", "opinion=%E5%8D%8F%E8%B0%83", 303);
	snprintf(path, sizeof path, "/disputes/%ld/form", mid);
	GET(&mjc, path, 200);
	ck_assert_str_eq(text(&mjc, "//p[contains(@class,'form-jur')]"), "（梅江区）");
	ck_assert_str_eq(form_heads(&mjc, heads, sizeof heads),
			 "工单编号|问题分类|涉及部门|事项内容|各职能部门处理意见|"
			 MJ_OFFICE "协调情况|" MJ_BIANBAN "意见|法制局意见|认定意见|联系人|联系电话");
	seal_is(&mjc, "office", MJ_OFFICE);
	ck_assert_str_eq(text(&mjc, "//tr[contains(@class,'step-legal')]//p[@class='no-step']"),
			 "本地区认定程序不设此环节");

	/* Too long for its cell: the rest on an attachment. */
	char longer[4096];
	size_t len = 0;
	for (int i = 0; i < 40; i++)
		len += (size_t)snprintf(longer + len, sizeof longer - len, "来电人反映情况复杂，");
	snprintf(longer + len, sizeof longer - len, "完。");
	long lo = dispatch(&op, 1403, 1, U_HRSS, cat_main, longer, num);
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

/* ---- suite -------------------------------------------------------------- */

static Suite *disputes_suite(void)
{
	Suite *s = suite_create("disputes");
	TCase *tc;

	tc = tcase(s, "referral", 180);
	tcase_add_test(tc, referral_from_return);
	tcase_add_test(tc, referral_from_open_order);

	tc = tcase(s, "review", 180);
	tcase_add_test(tc, establishment_opinion);
	tcase_add_test(tc, legal_referral_and_temporary);

	tc = tcase(s, "meeting", 180);
	tcase_add_test(tc, joint_meeting);

	tc = tcase(s, "determination", 180);
	tcase_add_test(tc, determination_and_acceptance);
	tcase_add_test(tc, refusal_and_accountability);
	tcase_add_test(tc, learning_rule_and_similar);

	tc = tcase(s, "procedures", 180);
	tcase_add_test(tc, county_procedure);
	tcase_add_test(tc, procedure_in_force);

	tc = tcase(s, "scope", 180);
	tcase_add_test(tc, scope_visibility);
	tcase_add_test(tc, wrong_state_is_409);
	tcase_add_test(tc, forged_csrf_is_403);

	tc = tcase(s, "form", 180);
	tcase_add_test(tc, printable_form);
	return s;
}

int main(void)
{
	snprintf(stamp, sizeof stamp, "%lx%x", (unsigned long)time(NULL) & 0xffffff,
		 (unsigned)getpid() & 0xfff);
	run_no = (unsigned)((time(NULL) + (time_t)getpid() * 7919) % 100000);
	if (db_suite_init("test_disputes") < 0)
		return 2;
	if (setup_db() < 0)
		return 2;
	return run_suite(disputes_suite());
}
