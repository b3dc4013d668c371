/* HTTP tests of work orders (工单; U1, U2, D3, D4.1): drive the real stack
 * (nginx → hotlined → MariaDB) as the call centre, the handling units'
 * clerks and the management offices would, and assert what each of them
 * sees: the intake and its refusals, the handling of an order and its
 * timeline, returns (D3), who may do what to which order, the office's
 * search and CSV export. One test also talks to the database directly and
 * checks the plans of the queue and search statements with EXPLAIN.
 *
 * Run by tests/stack-tests.sh on the same fresh private stack as the other
 * HTTP suites, with BASE_URL, VAR (the stack's state directory, whose
 * hotline.conf names the database) and HOTLINECTL in the environment. main() makes this
 * run's own order categories and routing rules through SQL, named with a
 * stamp unique to the run, so the suite needs only the demo accounts,
 * units and knowledge (sql/demo/) and may run twice against one stack.
 * Each test signs in for itself (Check runs each in its own process) and
 * makes its own orders. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check_web.h"
#include "check_db.h"

#include "arena.h"
#include "config.h"
#include "db.h"
#include "order_store.h"

/* Demo units (sql/demo/demo.sql). */
#define U_PSB_HZ 11
#define U_HRSS 14
#define U_POWER 40
#define U_MJ_HRSS 105
#define PSB_HZ "梅州市公安局户政支队"
#define HRSS "梅州市人力资源和社会保障局"
#define POWER "广东电网有限责任公司梅州供电局"
#define MJ_HRSS "梅江区人力资源和社会保障局"
#define CALLCENTRE "梅州市12345热线呼叫中心"
#define OFFICE "梅州市政务服务中心管理办公室"
#define MJ_OFFICE "梅江区政务服务中心管理办公室"
/* Display names of the demo accounts. */
#define N_OPERATOR "李晓敏"
#define N_COORDINATOR "张伟明"
#define N_CLERK_HRSS "刘秀英"
#define N_MJ_COORDINATOR "杨思敏"
#define N_MJ_CLERK "丘美玲"
/* A published demo entry of 人社局 (sql/demo/kb/city-hrss.xml). */
#define KB_TITLE "灵活就业人员怎样参加职工养老保险"

/* Messages the user reads. */
#define M_PHONE "来电号码无效：请填写 3 至 20 位数字，可含区号分隔符“-”。"
#define M_CONTENT "请填写诉求内容。"
#define M_CATEGORY "请选择问题分类。"
#define M_ENTRY "一次性解答须在右侧检索结果中选定所依据的知识条目。"
#define M_NO_UNIT "派单须选择承办单位。"
#define M_DEMAND "派单须写明主要诉求。"
#define M_BAD_CATEGORY "问题分类不存在、已停用或不是末级分类。"
#define M_BAD_UNIT "所选单位不存在、已停用，或不属于该区域。"
#define M_TW "三方通话解答须选择参与通话的单位。"
#define M_OUTCOME "请选择处理方式：一次性解答、三方通话解答或派单。"
#define M_BAD_ENTRY "所选知识条目不存在、未发布或已失效。"
#define M_RETURN "申请退回须同时写明退回理由、依据（法律法规或“三定”规定）和认为应当承办的单位，缺一不可。"
#define M_CSRF "安全令牌无效或已过期，请返回上一页刷新后重试。"

/* Set in main, before Check forks. */
static char stamp[24];          /* makes what this run creates unique */
static char today_compact[9];   /* YYYYMMDD, as in order numbers */
static unsigned run_no;         /* five digits in this run's phone numbers */
/* This run's categories: a parent, its leaves (time limit 3 working days)
 * and an inactive leaf. cat_leaf has routing rules: 梅州市 → 人社局,
 * 梅江区 → 梅江区人社局, and 梅州市 with the keyword 落户 → 户政支队. */
static long cat_parent, cat_leaf, cat_inactive, cat_search, cat_csv, cat_queue, cat_plan;
static char leaf_name[128], search_name[128], csv_name[128];

#define LIMIT_DAYS 3

/* ---- the database ------------------------------------------------------- */

static const char SQL_CATEGORY[] =
	"INSERT INTO order_categories (name, parent_id, time_limit_days, active)"
	" VALUES (?, NULLIF(?, 0), ?, ?)";
static const char SQL_RULE[] =
	"INSERT INTO routing_rules (category_id, jurisdiction_id, keywords, unit_id)"
	" VALUES (?, ?, ?, ?)";
/* An order as the sweep or time would leave it: created days_ago days
 * ago, with any state, due date and overdue flag. */
static const char SQL_RAW_ORDER[] =
	"INSERT INTO orders (number, jurisdiction_id, channel, caller_name,"
	" caller_phone, category_id, content, state, unit_id, operator_id,"
	" created_at, dispatched_at, due_date, overdue, closed_at)"
	" VALUES (?, ?, 'phone', '测试来电人', ?, ?, ?, ?, NULLIF(?, 0), 2,"
	" UTC_TIMESTAMP() - INTERVAL ? DAY,"
	" IF(? = 0, NULL, UTC_TIMESTAMP() - INTERVAL ? DAY), ?, ?,"
	" IF(? IN ('dispatched', 'accepted', 'return_requested'), NULL,"
	" UTC_TIMESTAMP() - INTERVAL ? DAY))";

static long add_category(struct sqlc *s, const char *name, long parent, long days,
			 int active)
{
	struct dbres res;
	int rc = db_run(s->db, &s->a, SQL_CATEGORY, &res, "siii", name, (long long)parent,
			(long long)days, (long long)active);
	if (rc != DB_OK) {
		fprintf(stderr, "test_orders: category %s: %s\n", name, db_error(s->db));
		return 0;
	}
	return (long)res.insert_id;
}

static int add_rule(struct sqlc *s, long cat, long jur, const char *keywords, long unit)
{
	int rc = db_run(s->db, &s->a, SQL_RULE, NULL, "iisi", (long long)cat, (long long)jur,
			keywords, (long long)unit);
	if (rc != DB_OK)
		fprintf(stderr, "test_orders: rule: %s\n", db_error(s->db));
	return rc == DB_OK ? 0 : -1;
}

/* This run's categories and routing rules; 0 or -1. */
static int setup_db(void)
{
	struct sqlc s;
	sql_open(&s);
	char name[128];
	snprintf(name, sizeof name, "测试诉求%s", stamp);
	cat_parent = add_category(&s, name, 0, 5, 1);
	snprintf(leaf_name, sizeof leaf_name, "劳动报酬%s", stamp);
	cat_leaf = add_category(&s, leaf_name, cat_parent, LIMIT_DAYS, 1);
	snprintf(name, sizeof name, "已停用分类%s", stamp);
	cat_inactive = add_category(&s, name, cat_parent, LIMIT_DAYS, 0);
	snprintf(search_name, sizeof search_name, "查询分类%s", stamp);
	cat_search = add_category(&s, search_name, cat_parent, LIMIT_DAYS, 1);
	snprintf(csv_name, sizeof csv_name, "导出分类%s", stamp);
	cat_csv = add_category(&s, csv_name, cat_parent, LIMIT_DAYS, 1);
	snprintf(name, sizeof name, "待办分类%s", stamp);
	cat_queue = add_category(&s, name, cat_parent, LIMIT_DAYS, 1);
	snprintf(name, sizeof name, "计划分类%s", stamp);
	cat_plan = add_category(&s, name, cat_parent, LIMIT_DAYS, 1);
	int rc = cat_parent && cat_leaf && cat_inactive && cat_search && cat_csv &&
		 cat_queue && cat_plan ? 0 : -1;
	if (rc == 0)
		rc = add_rule(&s, cat_leaf, 1, "", U_HRSS);
	if (rc == 0)
		rc = add_rule(&s, cat_leaf, 2, "", U_MJ_HRSS);
	if (rc == 0)
		rc = add_rule(&s, cat_leaf, 1, "落户", U_PSB_HZ);
	sql_close(&s);
	return rc;
}

struct raw {
	const char *number, *phone, *state, *due, *content;
	long jur, cat, unit, days_ago;
	int overdue;
};

/* Inserts an order straight into the table (for dates and flags the
 * pages cannot make today); returns its id. */
static long raw_order(const struct raw *o)
{
	struct sqlc s;
	sql_open(&s);
	struct dbres res;
	int rc = db_run(s.db, &s.a, SQL_RAW_ORDER, &res, "sisissiiiisisi", o->number,
			(long long)o->jur, o->phone, (long long)o->cat,
			o->content ? o->content : "测试工单内容", o->state, (long long)o->unit,
			(long long)o->days_ago, (long long)o->unit, (long long)o->days_ago,
			o->due, (long long)o->overdue, o->state, (long long)o->days_ago);
	ck_assert_msg(rc == DB_OK, "inserting order %s: %s", o->number, db_error(s.db));
	long id = (long)res.insert_id;
	sql_close(&s);
	return id;
}

/* ---- dates -------------------------------------------------------------- */

/* ---- helpers ------------------------------------------------------------ */

static void form_addl(struct web *w, char *body, size_t size, const char *key, long v)
{
	char s[32];
	snprintf(s, sizeof s, "%ld", v);
	form_add(w, body, size, key, s);
}

/* This run's phone number n: eleven digits. */
static const char *phone_no(char out[32], int n)
{
	snprintf(out, 32, "13%05u%04d", run_no % 100000, n % 10000);
	return out;
}

/* How a member unit sees it: 138****1234. */
static const char *masked(const char *p, char out[32])
{
	size_t n = strlen(p);
	snprintf(out, 32, "%.3s", p);
	for (size_t i = 3; i + 4 < n; i++)
		strcat(out, "*");
	strcat(out, p + n - 4);
	return out;
}

/* An order number made in this run: "t<stamp>-<tag>". */
static const char *raw_number(char out[64], const char *tag)
{
	snprintf(out, 64, "t%s-%s", stamp, tag);
	return out;
}

/* ---- intake ------------------------------------------------------------- */

struct call {
	const char *outcome;     /* answer, three_way, dispatch; NULL: none */
	const char *phone, *content, *demand, *q, *channel;
	long cat, jur, unit, tw_unit, entry;   /* 0: not sent */
};

static struct call dispatch_to(const char *phone, long unit, long jur)
{
	struct call c = {
		.outcome = "dispatch", .phone = phone,
		.content = "来电人反映公司拖欠两个月工资，多次讨要未果。",
		.demand = "要求督促公司支付拖欠的工资", .cat = cat_leaf, .jur = jur,
		.unit = unit,
	};
	return c;
}

/* Posts the intake form as the operator op would, to action (/orders to
 * record it, /orders/new to search or look up); returns the status. */
static long post_call(struct web *op, const char *action, const struct call *c)
{
	static char body[16384];
	body[0] = '\0';
	const char *csrf = token_from(op, "/orders/new");
	form_add(op, body, sizeof body, "csrf", csrf);
	if (c->phone)
		form_add(op, body, sizeof body, "caller_phone", c->phone);
	form_add(op, body, sizeof body, "caller_name", "陈先生");
	form_add(op, body, sizeof body, "channel", c->channel ? c->channel : "phone");
	if (c->cat)
		form_addl(op, body, sizeof body, "category_id", c->cat);
	if (c->jur)
		form_addl(op, body, sizeof body, "jurisdiction_id", c->jur);
	form_add(op, body, sizeof body, "place", "梅江区江南路 12 号");
	if (c->content)
		form_add(op, body, sizeof body, "content", c->content);
	if (c->demand)
		form_add(op, body, sizeof body, "demand", c->demand);
	if (c->entry)
		form_addl(op, body, sizeof body, "entry_id", c->entry);
	if (c->tw_unit)
		form_addl(op, body, sizeof body, "three_way_unit_id", c->tw_unit);
	if (c->unit)
		form_addl(op, body, sizeof body, "unit_id", c->unit);
	if (c->q)
		form_add(op, body, sizeof body, "q", c->q);
	if (c->outcome)
		form_add(op, body, sizeof body, "outcome", c->outcome);
	return web_post(op, action, body);
}

/* Records the call; expects the redirect to the new order and its notice.
 * Returns the order's id and copies its number. */
static long create(struct web *op, const struct call *c, char *number, size_t size)
{
	long st = post_call(op, "/orders", c);
	ck_assert_msg(st == 303, "intake (%s): status %ld\n%.800s", c->outcome, st,
		      op->body ? op->body : "");
	int dispatch = strcmp(c->outcome, "dispatch") == 0;
	const char *loc = web_location(op);
	long id = id_after(loc, "/orders/");
	ck_assert_msg(id > 0, "no order in Location %s", loc ? loc : "(none)");
	ck_assert_msg(strstr(loc, dispatch ? "done=dispatched" : "done=answered") != NULL,
		      "intake went to %s", loc);
	char path[96];
	snprintf(path, sizeof path, "/orders/%ld?done=%s", id, dispatch ? "dispatched" : "answered");
	GET(op, path, 200);
	ck_assert_str_eq(text(op, "//p[@class='notice']"),
			 dispatch ? "工单已派发。" : "已记录并办结。");
	if (number)
		snprintf(number, size, "%s", text(op, "//dd[@class='o-number']"));
	return id;
}

/* The daily sequence of a number, after checking its form:
 * "<code>-<today>-NNNN". */
static int seq_of(const char *number, const char *code)
{
	char prefix[64];
	snprintf(prefix, sizeof prefix, "%s-%s-", code, today_compact);
	size_t n = strlen(prefix);
	ck_assert_msg(strncmp(number, prefix, n) == 0 && strlen(number) == n + 4,
		      "order number %s is not %sNNNN", number, prefix);
	for (size_t i = n; i < n + 4; i++)
		ck_assert_msg(number[i] >= '0' && number[i] <= '9', "order number %s", number);
	return atoi(number + n);
}

/* The id of the published demo entry KB_TITLE, found as the operator
 * finds it: with the knowledge search beside the intake form. */
static long kb_entry(struct web *op)
{
	struct call c = { .q = KB_TITLE, .jur = 1 };
	long st = post_call(op, "/orders/new", &c);
	ck_assert_msg(st == 200, "intake search: status %ld", st);
	const char *v = web_xpath_text(op, "//ol[@class='results']/li[a[@class='title']='"
				       KB_TITLE "']//input[@name='entry_id']/@value");
	ck_assert_msg(v != NULL && atol(v) > 0, "the intake search does not offer 「%s」",
		      KB_TITLE);
	return atol(v);
}

/* ---- orders, actions ---------------------------------------------------- */

/* What a user reads about an order on its page. */
struct snap {
	char number[64], state[64], unit[192], due[16];
	int events;
};

static void snap(struct web *w, long id, struct snap *s)
{
	char path[64];
	snprintf(path, sizeof path, "/orders/%ld", id);
	GET(w, path, 200);
	snprintf(s->number, sizeof s->number, "%s", text(w, "//dd[@class='o-number']"));
	snprintf(s->state, sizeof s->state, "%s",
		 text(w, "//p[@class='meta']/span[contains(@class,'state')]"));
	snprintf(s->unit, sizeof s->unit, "%s", text(w, "//dd[@class='o-unit']"));
	snprintf(s->due, sizeof s->due, "%s", text(w, "//dd[@class='o-due']"));
	s->events = count(w, "//ol[@class='timeline']/li");
}

/* The state label of the order, as w sees it. */
static const char *state_of(struct web *w, long id, char out[64])
{
	struct snap s;
	snap(w, id, &s);
	snprintf(out, 64, "%s", s.state);
	return out;
}

#define STATE_IS(w, id, want)                                                 \
	do {                                                                  \
		char st_[64];                                                 \
		ck_assert_str_eq(state_of((w), (id), st_), (want));           \
	} while (0)

/* Posts action on order id with a token from w's home page; extra is an
 * encoded form body or NULL. Returns the status. */
static long do_act(struct web *w, long id, const char *action, const char *extra)
{
	char path[96];
	snprintf(path, sizeof path, "/orders/%ld/%s", id, action);
	return post_with_token(w, path, extra);
}

#define ACT(w, id, action, extra, want)                                       \
	do {                                                                  \
		long st_ = do_act((w), (id), (action), (extra));              \
		ck_assert_msg(st_ == (want), "POST /orders/%ld/%s: status %ld, expected %d\n%.800s", \
			      (long)(id), (action), st_, (want), (w)->body ? (w)->body : ""); \
	} while (0)

/* w (who) posts action on order id and is refused with want; the order,
 * as obs sees it, is unchanged, and a 404 does not show the order. */
static void refused(struct web *obs, struct web *w, const char *who, long id,
		    const char *action, const char *extra, int want)
{
	struct snap a, b;
	snap(obs, id, &a);
	long st = do_act(w, id, action, extra);
	ck_assert_msg(st == want, "%s: POST /orders/%ld/%s: status %ld, expected %d\n%.600s",
		      who, id, action, st, want, w->body ? w->body : "");
	if (want == 404)
		ck_assert_msg(!body_has(w, a.number), "%s's 404 for %s shows the order %s",
			      who, action, a.number);
	snap(obs, id, &b);
	ck_assert_msg(strcmp(a.state, b.state) == 0 && strcmp(a.unit, b.unit) == 0 &&
			      strcmp(a.due, b.due) == 0 && a.events == b.events,
		      "%s's refused %s changed order %s: %s/%s/%d → %s/%s/%d", who, action,
		      a.number, a.state, a.unit, a.events, b.state, b.unit, b.events);
}

/* Checks timeline entry n (1-based) of the order page last fetched: the
 * action, who did it in which unit, today's time, and a part of its note
 * or target (NULL: not checked). */
static void event_is(struct web *w, int n, const char *action, const char *who,
		     const char *unit, const char *part)
{
	char xp[128], li[4096], want[256];
	snprintf(xp, sizeof xp, "//ol[@class='timeline']/li[%d]", n);
	snprintf(li, sizeof li, "%s", text(w, xp));
	snprintf(xp, sizeof xp, "//ol[@class='timeline']/li[%d]/strong", n);
	ck_assert_msg(strcmp(text(w, xp), action) == 0, "timeline entry %d is 「%s」, not %s",
		      n, li, action);
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

/* Whether w's queue (bucket) lists the order number, paging through;
 * copies the row's phone cell when listed. */
static int in_queue(struct web *w, const char *bucket, const char *number, char *phone,
		    size_t size)
{
	for (int page = 1; page < 500; page++) {
		char path[128];
		snprintf(path, sizeof path, "/orders/queue?state=%s&page=%d", bucket, page);
		GET(w, path, 200);
		if (count(w, "//table[@class='queue']/tbody/tr[td[1]/a='%s']", number) > 0) {
			if (phone) {
				char xp[256];
				snprintf(xp, sizeof xp,
					 "//table[@class='queue']/tbody/tr[td[1]/a='%s']/td[4]", number);
				snprintf(phone, size, "%s", text(w, xp));
			}
			return 1;
		}
		if (count(w, "//p[@class='pager']/a[contains(., '下一页')]") == 0)
			return 0;
	}
	return 0;
}

/* The rows of w's queue (bucket) over all pages, and the count its tab
 * shows. */
static void queue_total(struct web *w, const char *bucket, int *rows, int *tab)
{
	*rows = 0;
	*tab = -1;
	for (int page = 1; page < 500; page++) {
		char path[128];
		snprintf(path, sizeof path, "/orders/queue?state=%s&page=%d", bucket, page);
		GET(w, path, 200);
		if (page == 1) {
			char xp[160];
			snprintf(xp, sizeof xp,
				 "//nav[@class='tabs']/a[@href='/orders/queue?state=%s']/span[@class='n']",
				 bucket);
			*tab = atoi(text(w, xp));
		}
		*rows += count(w, "//table[@class='queue']/tbody/tr");
		if (count(w, "//p[@class='pager']/a[contains(., '下一页')]") == 0)
			return;
	}
}

/* Searches as the office w with query; checks that exactly the n numbers
 * given are listed. */
static void search_lists(struct web *w, const char *query, int n, ...)
{
	char path[1024];
	snprintf(path, sizeof path, "/orders?%s", query);
	GET(w, path, 200);
	int rows = count(w, "//table[@class='orders']/tbody/tr");
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		const char *num = va_arg(ap, const char *);
		ck_assert_msg(count(w, "//table[@class='orders']/tbody/tr[td[1]/a='%s']", num) == 1,
			      "search ?%s does not list %s", query, num);
	}
	va_end(ap);
	ck_assert_msg(rows == n, "search ?%s lists %d orders, expected %d", query, rows, n);
	if (n == 0)
		ck_assert_str_eq(text(w, "//p[@class='hint']"), "没有符合条件的工单。");
}

/* The cell of the search row of number under the column headed head. */
static const char *search_cell(struct web *w, const char *number, const char *head)
{
	char xp[512];
	int col = count(w, "//table[@class='orders']/thead/tr/th[.='%s']/preceding-sibling::th",
			head) + 1;
	snprintf(xp, sizeof xp, "//table[@class='orders']/tbody/tr[td[1]/a='%s']/td[%d]",
		 number, col);
	return text(w, xp);
}

/* Counts of the 人社局 row (or another unit's) on /orders/returns:
 * requested, pending, redispatched, refused, disputed (0 without a row). */
static void return_counts(struct web *w, const char *unit, int out[5])
{
	GET(w, "/orders/returns", 200);
	for (int k = 0; k < 5; k++) {
		char xp[256];
		snprintf(xp, sizeof xp, "//table[@class='return-counts']/tbody/tr[td[1]='%s']/td[%d]",
			 unit, k + 2);
		out[k] = atoi(text(w, xp));
	}
}

/* ---- intake ------------------------------------------------------------- */

/* The three outcomes, numbers per jurisdiction and day, the due date. */
START_TEST(intake_outcomes_and_numbers)
{
	struct web op, coord, clerk;
	char p[32], num_a[64], num_b[64], num_c[64], num_d[64], path[96], due[11];
	sign_in(&op, "operator");
	sign_in(&coord, "coordinator");
	sign_in(&clerk, "clerk_hrss");
	long entry = kb_entry(&op);

	/* 派单: to 人社局, due the category's working days from today. */
	struct call c = dispatch_to(phone_no(p, 101), U_HRSS, 1);
	long a = create(&op, &c, num_a, sizeof num_a);
	int seq_a = seq_of(num_a, "meizhou");
	struct snap s;
	snap(&op, a, &s);
	ck_assert_str_eq(s.state, "待签收");
	ck_assert_str_eq(s.unit, HRSS);
	expected_due(LIMIT_DAYS, due);
	ck_assert_str_eq(s.due, due);
	ck_assert_str_eq(text(&op, "//dd[@class='o-phone']"), p);
	ck_assert_int_eq(s.events, 1);
	char note[64];
	snprintf(note, sizeof note, "办理期限 %s", due);
	event_is(&op, 1, "派单", N_OPERATOR, CALLCENTRE, note);
	event_is(&op, 1, "派单", N_OPERATOR, CALLCENTRE, "→ " HRSS);

	/* 梅江区 has its own sequence. */
	c = dispatch_to(phone_no(p, 102), U_MJ_HRSS, 2);
	long b = create(&op, &c, num_b, sizeof num_b);
	seq_of(num_b, "meijiang");
	snap(&op, b, &s);
	ck_assert_str_eq(s.unit, MJ_HRSS);
	ck_assert_str_eq(text(&op, "//dl[@class='fields order']/dt[.='所属区域']/following-sibling::dd[1]"),
			 "梅江区");

	/* 三方通话: closed at once, the unit recorded, nobody's queue. */
	struct call tw = c;
	tw.outcome = "three_way";
	tw.phone = phone_no(p, 103);
	tw.jur = 1;
	tw.unit = 0;
	tw.tw_unit = U_HRSS;
	long tid = create(&op, &tw, num_c, sizeof num_c);
	ck_assert_int_eq(seq_of(num_c, "meizhou"), seq_a + 1);
	snap(&coord, tid, &s);
	ck_assert_str_eq(s.state, "三方通话解答");
	ck_assert_str_eq(text(&coord, "//dl[@class='fields order']/dt[.='三方通话单位']/following-sibling::dd[1]"),
			 HRSS);
	ck_assert_int_eq(count(&coord, "//dd[@class='o-unit']"), 0);
	ck_assert_int_eq(count(&coord, "//section[contains(@class,'actions')]"), 0);
	event_is(&coord, 1, "三方通话解答", N_OPERATOR, CALLCENTRE, "→ " HRSS);
	ck_assert_msg(!in_queue(&clerk, "", num_c, NULL, 0), "a three-way call is in a queue");
	/* The unit on the call reads the order (number masked), and may not
	 * act on it. */
	snprintf(path, sizeof path, "/orders/%ld", tid);
	GET(&clerk, path, 200);
	ck_assert_int_eq(count(&clerk, "//section[contains(@class,'actions')]"), 0);
	ck_assert_msg(strstr(text(&clerk, "//dd[@class='o-phone']"), "****") != NULL,
		      "the three-way unit sees the whole number");

	/* 一次性解答 from a knowledge entry: closed, the entry recorded. */
	struct call an = { .outcome = "answer", .phone = phone_no(p, 104),
			   .content = "灵活就业人员能否参加职工养老保险？", .cat = cat_leaf,
			   .jur = 1, .entry = entry };
	long d = create(&op, &an, num_d, sizeof num_d);
	ck_assert_int_eq(seq_of(num_d, "meizhou"), seq_a + 2);
	snap(&coord, d, &s);
	ck_assert_str_eq(s.state, "一次性解答");
	snprintf(path, sizeof path, "/knowledge/entries/%ld", entry);
	ck_assert_msg(count(&coord, "//dt[.='答复依据']/following-sibling::dd[1]/a[@href='%s' and .='%s']",
			    path, KB_TITLE) == 1, "order %s does not record the entry", num_d);
	ck_assert_int_eq(count(&coord, "//section[contains(@class,'actions')]"), 0);
	char kb_note[64];
	snprintf(kb_note, sizeof kb_note, "依据知识 #%ld", entry);
	event_is(&coord, 1, "一次性解答", N_OPERATOR, CALLCENTRE, kb_note);

	/* The office finds the closed outcomes by state. */
	snprintf(path, sizeof path, "/orders?state=answered&number=%s", num_d);
	GET(&coord, path, 200);
	ck_assert_str_eq(search_cell(&coord, num_d, "状态"), "一次性解答");
	snprintf(path, sizeof path, "/orders?state=three_way&number=%s", num_c);
	GET(&coord, path, 200);
	ck_assert_str_eq(search_cell(&coord, num_c, "状态"), "三方通话解答");
	web_free(&op);
	web_free(&coord);
	web_free(&clerk);
}
END_TEST

/* The routing suggestion and the caller's earlier orders, on the form. */
START_TEST(intake_suggests_unit_and_shows_history)
{
	struct web op;
	char p[32], num[64];
	sign_in(&op, "operator");
	struct call c = { .phone = phone_no(p, 201), .cat = cat_leaf, .jur = 1,
			  .content = "公司拖欠工资" };
	static const struct { long jur; const char *content, *unit; long unit_id; } cases[] = {
		{ 1, "公司拖欠工资", HRSS, U_HRSS },
		{ 2, "公司拖欠工资", MJ_HRSS, U_MJ_HRSS },
		/* 兴宁市 has no rule of its own: the city's applies. */
		{ 4, "公司拖欠工资", HRSS, U_HRSS },
		/* A rule with keywords wins when they occur in the content. */
		{ 1, "孩子落户需要什么材料", PSB_HZ, U_PSB_HZ },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		c.jur = cases[i].jur;
		c.content = cases[i].content;
		ck_assert_int_eq(post_call(&op, "/orders/new", &c), 200);
		ck_assert_msg(strcmp(text(&op, "//p[contains(@class,'suggested')]/strong"),
				     cases[i].unit) == 0,
			      "jurisdiction %ld, 「%s」: suggestion 「%s」, expected %s", cases[i].jur,
			      cases[i].content, text(&op, "//p[contains(@class,'suggested')]/strong"),
			      cases[i].unit);
		ck_assert_int_eq(atol(text(&op, "//select[@id='unit_id']/option[@selected]/@value")),
				 cases[i].unit_id);
		/* What was typed stays. */
		ck_assert_str_eq(text(&op, "//textarea[@id='content']"), cases[i].content);
		ck_assert_str_eq(text(&op, "//input[@id='caller_phone']/@value"), p);
	}
	/* No rule, no suggestion. */
	c.cat = cat_search;
	c.jur = 1;
	ck_assert_int_eq(post_call(&op, "/orders/new", &c), 200);
	ck_assert_int_eq(count(&op, "//p[contains(@class,'suggested')]"), 0);
	ck_assert_int_eq(count(&op, "//select[@id='unit_id']/option[@selected]"), 0);

	/* A number never heard: said so. */
	ck_assert_str_eq(text(&op, "//div[@class='history']/p[@class='hint']"), "该号码此前没有工单。");
	ck_assert_int_eq(count(&op, "//div[@class='history']//li"), 0);

	/* After an order, the number's next call shows it. */
	struct call d = dispatch_to(p, U_HRSS, 1);
	long id = create(&op, &d, num, sizeof num);
	c.cat = cat_leaf;
	ck_assert_int_eq(post_call(&op, "/orders/new", &c), 200);
	ck_assert_int_eq(count(&op, "//div[@class='history']//li"), 1);
	ck_assert_int_eq(count(&op, "//div[@class='history']/p[@class='hint']"), 0);
	char href[64];
	snprintf(href, sizeof href, "/orders/%ld", id);
	ck_assert_msg(count(&op, "//div[@class='history']//li/a[@href='%s' and .='%s']", href, num) == 1,
		      "the history does not link %s", num);
	const char *li = text(&op, "//div[@class='history']//li");
	ck_assert_msg(strstr(li, "待签收") && strstr(li, HRSS) && strstr(li, leaf_name),
		      "history entry 「%s」", li);
	/* Another number does not see it. */
	c.phone = phone_no(p, 202);
	ck_assert_int_eq(post_call(&op, "/orders/new", &c), 200);
	ck_assert_int_eq(count(&op, "//div[@class='history']//li"), 0);
	web_free(&op);
}
END_TEST

/* Every refusal says why (400) and records nothing. */
START_TEST(intake_refusals_create_nothing)
{
	struct web op, coord, clerk;
	char p[32], p0[32], num_a[64], num_b[64], path[128];
	sign_in(&op, "operator");
	sign_in(&coord, "coordinator");
	sign_in(&clerk, "clerk_hrss");
	struct call base = dispatch_to(phone_no(p0, 301), U_HRSS, 1);
	create(&op, &base, num_a, sizeof num_a);
	int seq_a = seq_of(num_a, "meizhou");

	phone_no(p, 302);
	struct call ok = dispatch_to(p, U_HRSS, 1);
	struct {
		const char *what, *msg;
		struct call c;
	} cases[24];
	size_t n = 0;
#define REFUSE(what_, msg_) (cases[n].what = (what_), cases[n].msg = (msg_), cases[n].c = ok, &cases[n++].c)
	REFUSE("no phone", M_PHONE)->phone = NULL;
	REFUSE("a phone with letters", M_PHONE)->phone = "12ab3456";
	REFUSE("no content", M_CONTENT)->content = NULL;
	REFUSE("no category", M_CATEGORY)->cat = 0;
	struct call *x = REFUSE("answer without an entry", M_ENTRY);
	x->outcome = "answer";
	REFUSE("dispatch without a unit", M_NO_UNIT)->unit = 0;
	REFUSE("dispatch without 主要诉求", M_DEMAND)->demand = NULL;
	x = REFUSE("three-way call without a unit", M_TW);
	x->outcome = "three_way";
	x->unit = 0;
	REFUSE("no outcome", M_OUTCOME)->outcome = NULL;
	REFUSE("an unknown category", M_BAD_CATEGORY)->cat = 2000000000;
	REFUSE("an inactive category", M_BAD_CATEGORY)->cat = cat_inactive;
	REFUSE("a category with leaves", M_BAD_CATEGORY)->cat = cat_parent;
	REFUSE("a county's unit for a city order", M_BAD_UNIT)->unit = U_MJ_HRSS;
	/* Only units that handle orders: not the call centre, not an office. */
	REFUSE("dispatch to the call centre", M_BAD_UNIT)->unit = 2;
	x = REFUSE("a three-way call with the office", M_BAD_UNIT);
	x->outcome = "three_way";
	x->unit = 0;
	x->tw_unit = 1;
	x = REFUSE("梅江区's unit for a 兴宁市 order", M_BAD_UNIT);
	x->unit = U_MJ_HRSS;
	x->jur = 4;
	x = REFUSE("a three-way call with a county's unit", M_BAD_UNIT);
	x->outcome = "three_way";
	x->unit = 0;
	x->tw_unit = U_MJ_HRSS;
	x = REFUSE("an entry that is not published", M_BAD_ENTRY);
	x->outcome = "answer";
	x->entry = 2000000000;
#undef REFUSE
	ck_assert_uint_le(n, sizeof cases / sizeof cases[0]);
	for (size_t i = 0; i < n; i++) {
		long st = post_call(&op, "/orders", &cases[i].c);
		ck_assert_msg(st == 400, "%s: status %ld, expected 400", cases[i].what, st);
		ck_assert_msg(strcmp(text(&op, "//p[@class='alert']"), cases[i].msg) == 0,
			      "%s: the form says 「%s」, expected 「%s」", cases[i].what,
			      text(&op, "//p[@class='alert']"), cases[i].msg);
		/* The form comes back with what was typed. */
		if (cases[i].c.content)
			ck_assert_str_eq(text(&op, "//textarea[@id='content']"), cases[i].c.content);
		ck_assert_int_eq(count(&op, "//form[@id='intake']"), 1);
	}
	/* Only a signed-in operator records calls. */
	char body[1024];
	const char *csrf = token_from(&clerk, "/");
	snprintf(body, sizeof body, "csrf=%s&caller_phone=%s&channel=phone&category_id=%ld"
		 "&jurisdiction_id=1&content=x&demand=x&unit_id=14&outcome=dispatch",
		 web_esc(&clerk, csrf), p, cat_leaf);
	POST(&clerk, "/orders", body, 403);
	csrf = token_from(&coord, "/");
	snprintf(body, sizeof body, "csrf=%s&caller_phone=%s&channel=phone&category_id=%ld"
		 "&jurisdiction_id=1&content=x&demand=x&unit_id=14&outcome=dispatch",
		 web_esc(&coord, csrf), p, cat_leaf);
	POST(&coord, "/orders", body, 403);
	GET(&clerk, "/orders/new", 403);

	/* Nothing was added: the number's history and the office's search
	 * are empty, and the city's next number follows the last one. */
	struct call look = { .phone = p, .cat = cat_leaf, .jur = 1 };
	ck_assert_int_eq(post_call(&op, "/orders/new", &look), 200);
	ck_assert_str_eq(text(&op, "//div[@class='history']/p[@class='hint']"), "该号码此前没有工单。");
	snprintf(path, sizeof path, "caller_phone=%s", p);
	search_lists(&coord, path, 0);
	create(&op, &ok, num_b, sizeof num_b);
	ck_assert_msg(seq_of(num_b, "meizhou") == seq_a + 1,
		      "%s follows %s: refused calls took numbers", num_b, num_a);
	search_lists(&coord, path, 1, num_b);
	web_free(&op);
	web_free(&coord);
	web_free(&clerk);
}
END_TEST

/* A jurisdiction that does not exist (a tampered form) is refused like
 * the other choices, not a server error. */
START_TEST(intake_unknown_jurisdiction_is_refused)
{
	struct web op;
	char p[32];
	sign_in(&op, "operator");
	struct call c = dispatch_to(phone_no(p, 351), U_HRSS, 999999);
	long st = post_call(&op, "/orders", &c);
	ck_assert_msg(st == 400, "an unknown jurisdiction: status %ld, expected 400", st);
	ck_assert_str_eq(text(&op, "//p[@class='alert']"), "所属区域不存在或已停用。");
	ck_assert_str_eq(text(&op, "//textarea[@id='content']"), c.content);
	web_free(&op);
}
END_TEST

/* ---- handling ----------------------------------------------------------- */

/* 签收, 办理进展, 办结回复, 审核办结; the timeline and the print sheet. */
START_TEST(clerk_handles_office_closes)
{
	struct web op, clerk, other, coord;
	char p[32], pm[32], num[64], path[96], ph[64], body[2048];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&other, "clerk_psb");
	sign_in(&coord, "coordinator");
	phone_no(p, 401);
	masked(p, pm);
	ck_assert_uint_eq(strlen(pm), 11);
	ck_assert_int_eq(strncmp(pm + 3, "****", 4), 0);
	struct call c = dispatch_to(p, U_HRSS, 1);
	long id = create(&op, &c, num, sizeof num);

	/* The unit's clerk finds it among the new ones, the number masked;
	 * another unit's clerk does not. */
	ck_assert_msg(in_queue(&clerk, "new", num, ph, sizeof ph), "人社局's queue lacks %s", num);
	ck_assert_str_eq(ph, pm);
	ck_assert_msg(in_queue(&clerk, "", num, NULL, 0), "人社局's whole queue lacks %s", num);
	ck_assert_msg(!in_queue(&other, "", num, NULL, 0), "户政支队's queue lists %s", num);
	snprintf(path, sizeof path, "/orders/%ld", id);
	GET(&clerk, path, 200);
	ck_assert_str_eq(text(&clerk, "//dd[@class='o-phone']"), pm);
	ck_assert_msg(!body_has(&clerk, p), "the clerk's page shows the whole number");
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/accept']", id), 1);
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/return']", id), 1);
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/reply']", id), 0);
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/close']", id), 0);
	/* The call centre and the office see the whole number. */
	GET(&op, path, 200);
	ck_assert_str_eq(text(&op, "//dd[@class='o-phone']"), p);
	GET(&coord, path, 200);
	ck_assert_str_eq(text(&coord, "//dd[@class='o-phone']"), p);
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/urge']", id), 1);
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/accept']", id), 0);
	snprintf(body, sizeof body, "/orders?number=%s", num);
	GET(&coord, body, 200);
	ck_assert_str_eq(search_cell(&coord, num, "来电号码"), p);

	/* 签收 */
	ACT(&clerk, id, "accept", NULL, 303);
	ck_assert_msg(strstr(web_location(&clerk), "done=accepted") != NULL, "accept went to %s",
		      web_location(&clerk));
	STATE_IS(&clerk, id, "办理中");
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/reply']", id), 1);
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/accept']", id), 0);
	ck_assert_msg(in_queue(&clerk, "active", num, NULL, 0), "办理中 lacks %s", num);
	ck_assert_msg(!in_queue(&clerk, "new", num, NULL, 0), "新派单 still lists %s", num);

	/* 办理进展, then 办结回复: off the queue, to the office. */
	ACT(&clerk, id, "note", form(&clerk, body, sizeof body, "note", "已电话联系来电人，约定周三上门核查。", NULL), 303);
	STATE_IS(&clerk, id, "办理中");
	ACT(&clerk, id, "reply", form(&clerk, body, sizeof body, "result", "经核查，公司已于本周补发全部工资。", NULL), 303);
	STATE_IS(&clerk, id, "待审核");
	ck_assert_str_eq(text(&clerk, "//dd[contains(@class,'o-reply')]"), "经核查，公司已于本周补发全部工资。");
	ck_assert_int_eq(count(&clerk, "//section[contains(@class,'actions')]"), 0);
	ck_assert_msg(!in_queue(&clerk, "", num, NULL, 0), "a replied order stays in the queue");

	/* 审核办结 with the callback. */
	snprintf(path, sizeof path, "/orders/%ld", id);
	GET(&coord, path, 200);
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/close']//option[@value='satisfied' and .='满意']", id), 1);
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/send-back']", id), 1);
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/reopen']", id), 0);
	ACT(&coord, id, "close", form(&coord, body, sizeof body, "satisfaction", "satisfied",
				       "note", "来电人确认已收到工资", NULL), 303);
	STATE_IS(&coord, id, "已办结");
	ck_assert_str_eq(text(&coord, "//dd[@class='o-callback']"), "满意");
	ck_assert_int_eq(count(&coord, "//section[contains(@class,'actions')]"), 0);

	/* Every step on the timeline: who, in which unit, when. */
	ck_assert_int_eq(count(&coord, "//ol[@class='timeline']/li"), 5);
	event_is(&coord, 1, "派单", N_OPERATOR, CALLCENTRE, "→ " HRSS);
	event_is(&coord, 2, "签收", N_CLERK_HRSS, HRSS, NULL);
	event_is(&coord, 3, "办理进展", N_CLERK_HRSS, HRSS, "约定周三上门核查");
	event_is(&coord, 4, "办结回复", N_CLERK_HRSS, HRSS, "补发全部工资");
	event_is(&coord, 5, "审核办结", N_COORDINATOR, OFFICE, "回访结果：满意；来电人确认已收到工资");

	/* The print sheet. */
	snprintf(path, sizeof path, "/orders/%ld/print", id);
	GET(&coord, path, 200);
	ck_assert_str_eq(text(&coord, "//article[@class='sheet']/h1"), "梅州市12345政府服务热线工单");
#define SHEET(w, head) text((w), "//table[@class='sheet']//th[.='" head "']/following-sibling::td[1]")
	ck_assert_str_eq(SHEET(&coord, "工单编号"), num);
	ck_assert_str_eq(SHEET(&coord, "状态"), "已办结");
	ck_assert_str_eq(SHEET(&coord, "来电号码"), p);
	ck_assert_str_eq(SHEET(&coord, "承办单位"), HRSS);
	ck_assert_str_eq(SHEET(&coord, "问题分类"), leaf_name);
	ck_assert_str_eq(SHEET(&coord, "回访结果"), "满意");
	ck_assert_str_eq(SHEET(&coord, "办理结果"), "经核查，公司已于本周补发全部工资。");
	ck_assert_int_eq(count(&coord, "//table[@class='sheet timeline']//tr[td]"), 5);
	ck_assert_str_eq(text(&coord, "//table[@class='sheet timeline']//tr[td][2]/td[2]"), N_CLERK_HRSS);
	ck_assert_str_eq(text(&coord, "//table[@class='sheet timeline']//tr[td][2]/td[3]"), HRSS);
	ck_assert_str_eq(text(&coord, "//table[@class='sheet timeline']//tr[td][2]/td[4]"), "签收");
	ck_assert_int_eq(count(&coord, "//form"), 1); /* only the sign-out one */
	GET(&clerk, path, 200);
	ck_assert_str_eq(SHEET(&clerk, "来电号码"), pm);
	ck_assert_msg(!body_has(&clerk, p), "the clerk's sheet shows the whole number");
	GET(&other, path, 404);
	ck_assert_msg(!body_has(&other, num), "户政支队's 404 shows the order");
#undef SHEET
	web_free(&op);
	web_free(&clerk);
	web_free(&other);
	web_free(&coord);
}
END_TEST

/* 催办, 退回重办, 基本满意, 不满意 and 重新交办. */
START_TEST(urge_send_back_and_reopen)
{
	struct web op, clerk, coord;
	char p[32], num[64], num2[64], body[2048];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	struct call c = dispatch_to(phone_no(p, 501), U_HRSS, 1);
	long id = create(&op, &c, num, sizeof num);

	ACT(&coord, id, "urge", form(&coord, body, sizeof body, "note", "来电人再次来电催促，请尽快办理", NULL), 303);
	STATE_IS(&clerk, id, "待签收");
	event_is(&clerk, 2, "催办", N_COORDINATOR, OFFICE, "再次来电催促");

	ACT(&clerk, id, "accept", NULL, 303);
	ACT(&clerk, id, "reply", form(&clerk, body, sizeof body, "result", "已协调。", NULL), 303);
	/* 退回重办 needs a reason. */
	ACT(&coord, id, "send-back", NULL, 400);
	ck_assert_str_eq(message(&coord), "请填写理由。");
	STATE_IS(&coord, id, "待审核");
	ACT(&coord, id, "send-back", form(&coord, body, sizeof body, "reason", "答复未说明工资何时发放", NULL), 303);
	STATE_IS(&clerk, id, "办理中");
	event_is(&clerk, 5, "退回重办", N_COORDINATOR, OFFICE, "答复未说明工资何时发放");
	ck_assert_msg(in_queue(&clerk, "active", num, NULL, 0), "a sent-back order is not 办理中 in the queue");
	ACT(&clerk, id, "reply", form(&coord, body, sizeof body, "result", "公司承诺本月 15 日前发放。", NULL), 303);
	/* The callback is required and one of the three. */
	ACT(&coord, id, "close", NULL, 400);
	ck_assert_str_eq(message(&coord), "请选择回访结果（满意、基本满意或不满意）。");
	ACT(&coord, id, "close", "satisfaction=great", 400);
	STATE_IS(&coord, id, "待审核");
	ACT(&coord, id, "close", "satisfaction=basic", 303);
	STATE_IS(&coord, id, "已办结");
	ck_assert_str_eq(text(&coord, "//dd[@class='o-callback']"), "基本满意");
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/reopen']", id), 0);
	/* Only a 不满意 callback may reopen it. */
	refused(&clerk, &coord, "coordinator (基本满意)", id, "reopen",
		form(&coord, body, sizeof body, "reason", "再办一次", NULL), 409);
	ck_assert_str_eq(message(&coord), "只有回访结果为“不满意”的工单可以重新交办。");

	/* 不满意 → 重新交办: back in the unit's queue. */
	c.phone = phone_no(p, 502);
	long id2 = create(&op, &c, num2, sizeof num2);
	ACT(&clerk, id2, "accept", NULL, 303);
	ACT(&clerk, id2, "reply", form(&clerk, body, sizeof body, "result", "已答复来电人。", NULL), 303);
	ACT(&coord, id2, "close", "satisfaction=dissatisfied", 303);
	STATE_IS(&coord, id2, "已办结");
	ck_assert_str_eq(text(&coord, "//dd[@class='o-callback']"), "不满意");
	ck_assert_int_eq(count(&coord, "//form[@action='/orders/%ld/reopen']", id2), 1);
	ck_assert_msg(!in_queue(&clerk, "", num2, NULL, 0), "a closed order is in the queue");
	ACT(&coord, id2, "reopen", NULL, 400);
	ACT(&coord, id2, "reopen", form(&coord, body, sizeof body, "reason", "来电人称工资仍未到账", NULL), 303);
	ck_assert_msg(strstr(web_location(&coord), "done=reopened") != NULL, "reopen went to %s",
		      web_location(&coord));
	STATE_IS(&clerk, id2, "办理中");
	event_is(&clerk, 5, "重新交办", N_COORDINATOR, OFFICE, "工资仍未到账");
	ck_assert_int_eq(count(&clerk, "//form[@action='/orders/%ld/reply']", id2), 1);
	ck_assert_msg(in_queue(&clerk, "active", num2, NULL, 0), "a reopened order is not back in the queue");
	web_free(&op);
	web_free(&clerk);
	web_free(&coord);
}
END_TEST

/* The queue's buckets, their counts, and only the unit's own orders. */
START_TEST(queue_buckets)
{
	struct web op, clerk, other, coord;
	char p[32], pm[32], n_new[64], n_act[64], n_ret[64], n_due[64], n_late[64], body[2048];
	char yesterday[11];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&other, "clerk_psb");
	sign_in(&coord, "coordinator");
	struct call c = dispatch_to(phone_no(p, 601), U_HRSS, 1);
	masked(p, pm);
	create(&op, &c, n_new, sizeof n_new);
	c.phone = phone_no(p, 602);
	long act_id = create(&op, &c, n_act, sizeof n_act);
	ACT(&clerk, act_id, "accept", NULL, 303);
	c.phone = phone_no(p, 603);
	long ret_id = create(&op, &c, n_ret, sizeof n_ret);
	ACT(&clerk, ret_id, "return", form(&clerk, body, sizeof body, "reason", "不属本单位职责",
					    "basis", "户籍管理属公安机关职责", "suggested_unit_id", "11",
					    NULL), 303);
	/* Due today, and a day late: as time would leave them. */
	struct raw r = { .number = raw_number(n_due, "due"), .phone = phone_no(p, 604),
			 .state = "accepted", .due = today, .jur = 1, .cat = cat_queue,
			 .unit = U_HRSS, .days_ago = 3 };
	raw_order(&r);
	add_days(today, -1, yesterday);
	r.number = raw_number(n_late, "late");
	r.state = "dispatched";
	r.due = yesterday;
	r.days_ago = 5;
	raw_order(&r);

	static const struct { const char *bucket; int has[5]; } want[] = {
		/*                  new act ret due late */
		{ "",        { 1, 1, 1, 1, 1 } },
		{ "new",     { 1, 0, 0, 0, 1 } },
		{ "active",  { 0, 1, 0, 1, 0 } },
		{ "return",  { 0, 0, 1, 0, 0 } },
		{ "due",     { 0, 0, 0, 1, 0 } },
		{ "overdue", { 0, 0, 0, 0, 1 } },
	};
	const char *nums[5] = { n_new, n_act, n_ret, n_due, n_late };
	for (size_t b = 0; b < sizeof want / sizeof want[0]; b++)
		for (int k = 0; k < 5; k++)
			ck_assert_msg(in_queue(&clerk, want[b].bucket, nums[k], NULL, 0) == want[b].has[k],
				      "bucket 「%s」 %s %s", want[b].bucket,
				      want[b].has[k] ? "lacks" : "lists", nums[k]);
	/* The rows show the masked number, the state and the urgency. */
	char ph[64];
	ck_assert(in_queue(&clerk, "new", n_new, ph, sizeof ph));
	ck_assert_str_eq(ph, pm);
	ck_assert(in_queue(&clerk, "", n_ret, NULL, 0));
	char xp[256];
	snprintf(xp, sizeof xp, "//table[@class='queue']/tbody/tr[td[1]/a='%s']/td[2]", n_ret);
	ck_assert_str_eq(text(&clerk, xp), "退回待定");
	ck_assert(in_queue(&clerk, "overdue", n_late, NULL, 0));
	ck_assert_int_eq(count(&clerk, "//table[@class='queue']/tbody/tr[td[1]/a='%s'][@class='overdue']//span[.='已超期']", n_late), 1);
	ck_assert(in_queue(&clerk, "due", n_due, NULL, 0));
	ck_assert_int_eq(count(&clerk, "//table[@class='queue']/tbody/tr[td[1]/a='%s'][@class='due-soon']//span[.='即将到期']", n_due), 1);
	/* Each tab's count is what it lists. */
	for (size_t b = 0; b < sizeof want / sizeof want[0]; b++) {
		int rows, tab;
		queue_total(&clerk, want[b].bucket, &rows, &tab);
		ck_assert_msg(rows == tab, "bucket 「%s」 shows %d but lists %d", want[b].bucket, tab, rows);
	}
	/* Another unit's clerk sees none of them. */
	for (int k = 0; k < 5; k++)
		ck_assert_msg(!in_queue(&other, "", nums[k], NULL, 0), "户政支队's queue lists %s", nums[k]);
	/* Only clerks have a queue; a bucket must be one of the tabs. */
	GET(&op, "/orders/queue", 403);
	GET(&coord, "/orders/queue", 403);
	GET(&clerk, "/orders/queue?state=closed", 400);
	ck_assert_str_eq(message(&clerk), "筛选条件无效。");
	web_free(&op);
	web_free(&clerk);
	web_free(&other);
	web_free(&coord);
}
END_TEST

/* ---- returns (D3) ------------------------------------------------------- */

/* Reason, basis and the responsible unit, all three, or nothing happens. */
START_TEST(return_needs_reason_basis_and_unit)
{
	struct web op, clerk, coord, obs;
	char p[32], num[64], body[4096];
	sign_in(&op, "operator");
	sign_in(&obs, "operator2");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	struct call c = dispatch_to(phone_no(p, 701), U_HRSS, 1);
	long id = create(&op, &c, num, sizeof num);
	static const char *const keys[3] = { "reason", "basis", "suggested_unit_id" };
	static const char *const vals[3] = { "来电事项为户口迁移，不属本局职责",
					     "《户口登记条例》第三条：户口登记工作由各级公安机关主管",
					     "11" };
	for (int skip = 0; skip < 3; skip++) {
		body[0] = '\0';
		for (int k = 0; k < 3; k++)
			if (k != skip)
				form_add(&clerk, body, sizeof body, keys[k], vals[k]);
		refused(&obs, &clerk, "clerk_hrss without one field", id, "return", body, 400);
		ck_assert_msg(strcmp(message(&clerk), M_RETURN) == 0, "return without %s says 「%s」",
			      keys[skip], message(&clerk));
	}
	/* Blank counts as missing. */
	refused(&obs, &clerk, "clerk_hrss with a blank reason", id, "return",
		form(&clerk, body, sizeof body, "reason", "   ", "basis", vals[1],
		     "suggested_unit_id", "11", NULL), 400);
	ck_assert_str_eq(message(&clerk), M_RETURN);
	/* Not to itself, not to another county's unit. */
	refused(&obs, &clerk, "clerk_hrss suggesting itself", id, "return",
		form(&clerk, body, sizeof body, "reason", vals[0], "basis", vals[1],
		     "suggested_unit_id", "14", NULL), 400);
	ck_assert_str_eq(message(&clerk), "建议承办单位不能是本单位。");
	refused(&obs, &clerk, "clerk_hrss suggesting a county unit", id, "return",
		form(&clerk, body, sizeof body, "reason", vals[0], "basis", vals[1],
		     "suggested_unit_id", "105", NULL), 400);
	ck_assert_str_eq(message(&clerk), "所选单位不存在、已停用，或不属于该工单的区域。");
	refused(&obs, &clerk, "clerk_hrss suggesting the call centre", id, "return",
		form(&clerk, body, sizeof body, "reason", vals[0], "basis", vals[1],
		     "suggested_unit_id", "2", NULL), 400);
	ck_assert_str_eq(message(&clerk), "所选单位不存在、已停用，或不属于该工单的区域。");
	GET(&coord, "/orders/returns", 200);
	ck_assert_int_eq(count(&coord, "//table[@class='returns']/tbody/tr[td[1]/a='%s']", num), 0);

	/* All three: 退回待定, still the unit's, waiting for the office. */
	ACT(&clerk, id, "return", form(&clerk, body, sizeof body, "reason", vals[0], "basis", vals[1],
				       "suggested_unit_id", vals[2], NULL), 303);
	ck_assert_msg(strstr(web_location(&clerk), "done=return_asked") != NULL, "return went to %s",
		      web_location(&clerk));
	struct snap s;
	snap(&clerk, id, &s);
	ck_assert_str_eq(s.state, "退回待定");
	ck_assert_str_eq(s.unit, HRSS);
	ck_assert_str_eq(text(&clerk, "//section[contains(@class,'return-request')]//dt[.='退回理由']/following-sibling::dd[1]"), vals[0]);
	ck_assert_str_eq(text(&clerk, "//section[contains(@class,'return-request')]//dt[.='依据']/following-sibling::dd[1]"), vals[1]);
	ck_assert_str_eq(text(&clerk, "//section[contains(@class,'return-request')]//dt[.='建议承办单位']/following-sibling::dd[1]"), PSB_HZ);
	event_is(&clerk, 2, "申请退回", N_CLERK_HRSS, HRSS, "→ " PSB_HZ);
	event_is(&clerk, 2, "申请退回", N_CLERK_HRSS, HRSS, "依据：《户口登记条例》");
	ck_assert_msg(in_queue(&clerk, "return", num, NULL, 0), "退回待定 lacks %s", num);
	ck_assert_msg(in_queue(&clerk, "", num, NULL, 0), "the queue lacks %s", num);
	/* Once is enough. */
	refused(&obs, &clerk, "clerk_hrss asking again", id, "return",
		form(&clerk, body, sizeof body, "reason", vals[0], "basis", vals[1],
		     "suggested_unit_id", vals[2], NULL), 409);
	GET(&coord, "/orders/returns", 200);
	ck_assert_int_eq(count(&coord, "//table[@class='returns']/tbody/tr[td[1]/a='%s'][td[2]='%s'][td[4]='%s']",
			       num, HRSS, PSB_HZ), 1);
	web_free(&op);
	web_free(&obs);
	web_free(&clerk);
	web_free(&coord);
}
END_TEST

/* The office redispatches, refuses or opens a dispute; counts per unit. */
START_TEST(returns_decided_by_the_office)
{
	struct web op, clerk, psb, power, coord;
	char p[32], num[5][64], body[4096], path[96], due[11];
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&power, "clerk_power");
	sign_in(&coord, "coordinator");
	int before[5], after[5];
	return_counts(&coord, HRSS, before);
	long id[5];
	for (int i = 0; i < 5; i++) {
		struct call c = dispatch_to(phone_no(p, 801 + i), U_HRSS, 1);
		id[i] = create(&op, &c, num[i], sizeof num[i]);
	}
	/* 2 is accepted first: a refused return goes back to 办理中. */
	ACT(&clerk, id[2], "accept", NULL, 303);
	for (int i = 0; i < 5; i++)
		ACT(&clerk, id[i], "return", form(&clerk, body, sizeof body, "reason", "不属本局职责",
						  "basis", "见本局“三定”规定", "suggested_unit_id", "11",
						  NULL), 303);
	GET(&coord, "/orders/returns", 200);
	for (int i = 0; i < 5; i++)
		ck_assert_msg(count(&coord, "//table[@class='returns']/tbody/tr[td[1]/a='%s']", num[i]) == 1,
			      "pending returns lack %s", num[i]);

	/* Redispatch to the suggested unit (offered first). */
	snprintf(path, sizeof path, "/orders/%ld", id[0]);
	GET(&coord, path, 200);
	ck_assert_str_eq(text(&coord, "//select[@id='redispatch_unit']/option[@selected]/@value"), "11");
	ck_assert_int_eq(count(&coord, "//select[@id='redispatch_unit']/option[@value='14']"), 0);
	/* Not back to the same unit. */
	ACT(&coord, id[0], "redispatch", "unit_id=14", 400);
	ck_assert_str_eq(message(&coord), "改派的单位不能是当前承办单位。");
	ACT(&coord, id[0], "redispatch", NULL, 400);
	ACT(&coord, id[0], "redispatch", "unit_id=105", 400);
	ACT(&coord, id[0], "redispatch", "unit_id=1", 400);
	ck_assert_str_eq(message(&coord), "所选单位不存在、已停用，或不属于该工单的区域。");
	STATE_IS(&coord, id[0], "退回待定");
	ACT(&coord, id[0], "redispatch", form(&coord, body, sizeof body, "unit_id", "11", "note", "同意退回", NULL), 303);
	struct snap s;
	snap(&psb, id[0], &s);
	ck_assert_str_eq(s.state, "待签收");
	ck_assert_str_eq(s.unit, PSB_HZ);
	expected_due(LIMIT_DAYS, due);
	ck_assert_str_eq(s.due, due);
	ck_assert_str_eq(text(&psb, "//dt[.='退回次数']/following-sibling::dd[1]"), "1");
	event_is(&psb, 3, "改派", N_COORDINATOR, OFFICE, "→ " PSB_HZ);
	ck_assert_msg(in_queue(&psb, "new", num[0], NULL, 0), "户政支队's queue lacks %s", num[0]);
	ck_assert_msg(!in_queue(&clerk, "", num[0], NULL, 0), "人社局's queue still lists %s", num[0]);
	GET(&clerk, path, 404);
	ck_assert_int_eq(do_act(&clerk, id[0], "accept", NULL), 404);
	ACT(&psb, id[0], "accept", NULL, 303);

	/* … or to another unit than the suggested one. */
	ACT(&coord, id[1], "redispatch", "unit_id=40", 303);
	snap(&power, id[1], &s);
	ck_assert_str_eq(s.unit, POWER);
	ck_assert_str_eq(s.state, "待签收");
	snprintf(path, sizeof path, "/orders/%ld", id[1]);
	GET(&clerk, path, 404);
	GET(&psb, path, 404);
	ck_assert_msg(in_queue(&power, "new", num[1], NULL, 0), "供电局's queue lacks %s", num[1]);

	/* Refused: back to the unit, as it was. */
	ACT(&coord, id[2], "refuse-return", NULL, 400);
	ck_assert_str_eq(message(&coord), "请填写理由。");
	ACT(&coord, id[2], "refuse-return", form(&coord, body, sizeof body, "reason", "劳动报酬纠纷属本局职责", NULL), 303);
	snap(&clerk, id[2], &s);
	ck_assert_str_eq(s.state, "办理中");
	ck_assert_str_eq(s.unit, HRSS);
	event_is(&clerk, 4, "不同意退回", N_COORDINATOR, OFFICE, "劳动报酬纠纷属本局职责");
	ck_assert_int_eq(count(&clerk, "//section[contains(@class,'return-request')]"), 0);
	ck_assert_msg(in_queue(&clerk, "active", num[2], NULL, 0), "办理中 lacks %s", num[2]);
	ck_assert_msg(!in_queue(&clerk, "return", num[2], NULL, 0), "退回待定 still lists %s", num[2]);
	ACT(&coord, id[3], "refuse-return", form(&coord, body, sizeof body, "reason", "请先核实", NULL), 303);
	STATE_IS(&clerk, id[3], "待签收");
	ck_assert_msg(in_queue(&clerk, "new", num[3], NULL, 0), "新派单 lacks %s", num[3]);

	/* A dispute: 争议认定中, with its number on the timeline. */
	ACT(&coord, id[4], "dispute", form(&coord, body, sizeof body, "note", "职责边界不清", NULL), 303);
	snap(&clerk, id[4], &s);
	ck_assert_str_eq(s.state, "争议认定中");
	const char *ev = text(&clerk, "//ol[@class='timeline']/li[3]");
	const char *hash = strstr(ev, "争议 #");
	ck_assert_msg(hash != NULL && atol(hash + strlen("争议 #")) > 0,
		      "the timeline does not name the dispute: 「%s」", ev);
	event_is(&clerk, 3, "提请争议认定", N_COORDINATOR, OFFICE, "职责边界不清");
	ck_assert_int_eq(count(&clerk, "//section[contains(@class,'actions')]"), 0);
	ck_assert_msg(!in_queue(&clerk, "", num[4], NULL, 0), "a disputed order is in the queue");

	/* Decided: off the pending list, counted per unit. */
	return_counts(&coord, HRSS, after);
	for (int i = 0; i < 5; i++)
		ck_assert_msg(count(&coord, "//table[@class='returns']/tbody/tr[td[1]/a='%s']", num[i]) == 0,
			      "pending returns still list %s", num[i]);
	ck_assert_int_eq(after[0] - before[0], 5);
	ck_assert_int_eq(after[1] - before[1], 0);
	ck_assert_int_eq(after[2] - before[2], 2);
	ck_assert_int_eq(after[3] - before[3], 2);
	ck_assert_int_eq(after[4] - before[4], 1);
	/* Nothing pending: no decision. */
	ACT(&coord, id[2], "redispatch", "unit_id=11", 409);
	ACT(&coord, id[2], "refuse-return", "reason=x", 409);
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&power);
	web_free(&coord);
}
END_TEST

/* ---- who may act -------------------------------------------------------- */

struct party {
	struct web *w;
	const char *who;
	int want;
};

/* Every clerk action on a city order of 人社局: refused to other units'
 * clerks (404: they do not learn it exists) and to roles without it (403),
 * with nothing changed; then the unit's clerk succeeds. */
START_TEST(scope_clerk_actions)
{
	struct web op, obs, clerk, psb, mj, power, ed, coord;
	char p[32], num[64], body[4096], path[96];
	sign_in(&op, "operator");
	sign_in(&obs, "operator2");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&mj, "mj_clerk");
	sign_in(&power, "clerk_power");
	sign_in(&ed, "editor_hrss");
	sign_in(&coord, "coordinator");
	struct call c = dispatch_to(phone_no(p, 901), U_HRSS, 1);
	long id = create(&op, &c, num, sizeof num);
	const struct party wrong[] = {
		{ &psb, "clerk_psb (户政支队)", 404 }, { &mj, "mj_clerk (梅江区人社局)", 404 },
		{ &power, "clerk_power (供电局)", 404 }, { &op, "operator", 403 },
		{ &ed, "editor_hrss (人社局's editor)", 403 }, { &coord, "coordinator", 403 },
	};
	const size_t nw = sizeof wrong / sizeof wrong[0];
	/* Other units' clerks do not see it. */
	snprintf(path, sizeof path, "/orders/%ld", id);
	for (size_t i = 0; i < 3; i++) {
		GET(wrong[i].w, path, 404);
		ck_assert_msg(!body_has(wrong[i].w, num), "%s's 404 shows the order", wrong[i].who);
	}
	snprintf(path, sizeof path, "/orders/%ld/print", id);
	for (size_t i = 0; i < 3; i++)
		GET(wrong[i].w, path, 404);

	for (size_t i = 0; i < nw; i++)
		refused(&obs, wrong[i].w, wrong[i].who, id, "accept", NULL, wrong[i].want);
	ACT(&clerk, id, "accept", NULL, 303);

	form(&clerk, body, sizeof body, "note", "已联系用人单位", NULL);
	for (size_t i = 0; i < nw; i++)
		refused(&obs, wrong[i].w, wrong[i].who, id, "note", body, wrong[i].want);
	ACT(&clerk, id, "note", body, 303);

	form(&clerk, body, sizeof body, "reason", "不属本局职责", "basis", "三定规定",
	     "suggested_unit_id", "11", NULL);
	for (size_t i = 0; i < nw; i++)
		refused(&obs, wrong[i].w, wrong[i].who, id, "return", body, wrong[i].want);

	form(&clerk, body, sizeof body, "result", "已办结", NULL);
	for (size_t i = 0; i < nw; i++)
		refused(&obs, wrong[i].w, wrong[i].who, id, "reply", body, wrong[i].want);
	ACT(&clerk, id, "reply", body, 303);
	STATE_IS(&obs, id, "待审核");

	/* The unit's own clerk may ask to return an order (shown on a second
	 * one, as the first has been replied to). */
	c.phone = phone_no(p, 902);
	long id2 = create(&op, &c, num, sizeof num);
	form(&clerk, body, sizeof body, "reason", "不属本局职责", "basis", "三定规定",
	     "suggested_unit_id", "11", NULL);
	for (size_t i = 0; i < nw; i++)
		refused(&obs, wrong[i].w, wrong[i].who, id2, "return", body, wrong[i].want);
	ACT(&clerk, id2, "return", body, 303);
	STATE_IS(&obs, id2, "退回待定");
	web_free(&op);
	web_free(&obs);
	web_free(&clerk);
	web_free(&psb);
	web_free(&mj);
	web_free(&power);
	web_free(&ed);
	web_free(&coord);
}
END_TEST

/* Every office action on a city order: refused to 梅江区's office (404),
 * to clerks, operators and editors (403), nothing changed; then the city
 * office succeeds. */
START_TEST(scope_office_actions)
{
	struct web op, obs, clerk, mjc, ed, coord;
	char p[32], num[64], body[4096];
	sign_in(&op, "operator");
	sign_in(&obs, "operator2");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&mjc, "mj_coordinator");
	sign_in(&ed, "editor_hrss");
	sign_in(&coord, "coordinator");
	const struct party wrong[] = {
		{ &mjc, "mj_coordinator (梅江区)", 404 }, { &clerk, "clerk_hrss", 403 },
		{ &op, "operator", 403 }, { &ed, "editor_hrss", 403 },
	};
	const size_t nw = sizeof wrong / sizeof wrong[0];
#define ALL_WRONG(id_, action_, extra_)                                      \
	for (size_t i = 0; i < nw; i++)                                       \
		refused(&obs, wrong[i].w, wrong[i].who, (id_), (action_), (extra_), wrong[i].want)

	struct call c = dispatch_to(phone_no(p, 1001), U_HRSS, 1);
	long id = create(&op, &c, num, sizeof num);
	char path[96];
	snprintf(path, sizeof path, "/orders/%ld", id);
	GET(&mjc, path, 404);
	ck_assert_msg(!body_has(&mjc, num), "梅江区's office's 404 shows the order");

	form(&coord, body, sizeof body, "note", "请加快办理", NULL);
	ALL_WRONG(id, "urge", body);
	ACT(&coord, id, "urge", body, 303);

	ACT(&clerk, id, "accept", NULL, 303);
	ACT(&clerk, id, "reply", "result=done", 303);
	ALL_WRONG(id, "close", "satisfaction=satisfied");
	form(&coord, body, sizeof body, "reason", "答复不完整", NULL);
	ALL_WRONG(id, "send-back", body);
	ACT(&coord, id, "send-back", body, 303);
	STATE_IS(&obs, id, "办理中");
	ACT(&clerk, id, "reply", "result=done2", 303);
	ACT(&coord, id, "close", "satisfaction=dissatisfied", 303);
	STATE_IS(&obs, id, "已办结");
	form(&coord, body, sizeof body, "reason", "来电人不满意", NULL);
	ALL_WRONG(id, "reopen", body);
	ACT(&coord, id, "reopen", body, 303);
	STATE_IS(&obs, id, "办理中");

	/* The decisions on a return. */
	long rid[3];
	for (int i = 0; i < 3; i++) {
		c.phone = phone_no(p, 1002 + i);
		rid[i] = create(&op, &c, num, sizeof num);
		ACT(&clerk, rid[i], "return", form(&clerk, body, sizeof body, "reason", "不属本局职责",
						   "basis", "三定规定", "suggested_unit_id", "11", NULL), 303);
	}
	ALL_WRONG(rid[0], "redispatch", "unit_id=11");
	ALL_WRONG(rid[0], "refuse-return", "reason=x");
	ALL_WRONG(rid[0], "dispute", "note=x");
	ACT(&coord, rid[0], "redispatch", "unit_id=11", 303);
	STATE_IS(&obs, rid[0], "待签收");
	ALL_WRONG(rid[1], "refuse-return", "reason=x");
	ACT(&coord, rid[1], "refuse-return", "reason=x", 303);
	STATE_IS(&obs, rid[1], "待签收");
	ALL_WRONG(rid[2], "dispute", "note=x");
	ACT(&coord, rid[2], "dispute", "note=x", 303);
	STATE_IS(&obs, rid[2], "争议认定中");
#undef ALL_WRONG
	web_free(&op);
	web_free(&obs);
	web_free(&clerk);
	web_free(&mjc);
	web_free(&ed);
	web_free(&coord);
}
END_TEST

/* 梅江区's office acts on 梅江区's orders only; the city's on both. */
START_TEST(scope_county_office)
{
	struct web op, obs, coord, mjc, mjk, clerk;
	char p[32], n_city[64], n_mj[64], body[2048], path[128];
	sign_in(&op, "operator");
	sign_in(&obs, "operator2");
	sign_in(&coord, "coordinator");
	sign_in(&mjc, "mj_coordinator");
	sign_in(&mjk, "mj_clerk");
	sign_in(&clerk, "clerk_hrss");
	struct call c = dispatch_to(phone_no(p, 1101), U_HRSS, 1);
	long city = create(&op, &c, n_city, sizeof n_city);
	c = dispatch_to(phone_no(p, 1102), U_MJ_HRSS, 2);
	long mj = create(&op, &c, n_mj, sizeof n_mj);

	snprintf(path, sizeof path, "/orders/%ld", city);
	GET(&mjc, path, 404);
	snprintf(path, sizeof path, "/orders/%ld/print", city);
	GET(&mjc, path, 404);
	refused(&obs, &mjc, "mj_coordinator", city, "urge", "note=x", 404);
	snprintf(path, sizeof path, "/orders/%ld", mj);
	GET(&mjc, path, 200);
	ck_assert_int_eq(count(&mjc, "//form[@action='/orders/%ld/urge']", mj), 1);
	ACT(&mjc, mj, "urge", form(&mjc, body, sizeof body, "note", "区管理办催办", NULL), 303);
	STATE_IS(&mjc, mj, "待签收");
	event_is(&mjc, 2, "催办", N_MJ_COORDINATOR, MJ_OFFICE, "区管理办催办");
	ACT(&coord, mj, "urge", "note=city", 303);
	ACT(&coord, city, "urge", "note=city", 303);
	STATE_IS(&obs, city, "待签收");

	/* 梅江区's clerk handles it; the city unit's clerk cannot. */
	refused(&obs, &clerk, "clerk_hrss", mj, "accept", NULL, 404);
	GET(&mjk, "/orders/queue?state=new", 200);
	ck_assert_msg(in_queue(&mjk, "new", n_mj, NULL, 0), "梅江区人社局's queue lacks %s", n_mj);
	ck_assert_msg(!in_queue(&mjk, "", n_city, NULL, 0), "梅江区人社局's queue lists %s", n_city);
	ACT(&mjk, mj, "accept", NULL, 303);
	ACT(&mjk, mj, "reply", "result=已处理", 303);
	refused(&obs, &mjc, "mj_coordinator", city, "close", "satisfaction=satisfied", 404);
	ACT(&mjc, mj, "close", "satisfaction=satisfied", 303);
	STATE_IS(&obs, mj, "已办结");
	event_is(&obs, 6, "审核办结", N_MJ_COORDINATOR, MJ_OFFICE, "回访结果：满意");

	/* Its search and export cover 梅江区 only. */
	snprintf(path, sizeof path, "category_id=%ld&caller_phone=%s", cat_leaf, c.phone);
	search_lists(&mjc, path, 1, n_mj);
	snprintf(path, sizeof path, "number=%s", n_city);
	search_lists(&mjc, path, 0);
	search_lists(&coord, path, 1, n_city);
	snprintf(path, sizeof path, "number=%s", n_mj);
	search_lists(&coord, path, 1, n_mj);
	snprintf(path, sizeof path, "/orders/export.csv?number=%s", n_city);
	GET(&mjc, path, 200);
	ck_assert_msg(!body_has(&mjc, n_city), "梅江区's export has the city's order");
	web_free(&op);
	web_free(&obs);
	web_free(&coord);
	web_free(&mjc);
	web_free(&mjk);
	web_free(&clerk);
}
END_TEST

/* An action the order's state does not allow: 409, nothing changed. */
START_TEST(wrong_state_is_409)
{
	struct web op, obs, clerk, coord;
	char p[32], num[64], st[64], msg[256];
	sign_in(&op, "operator");
	sign_in(&obs, "operator2");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	struct call c = dispatch_to(phone_no(p, 1201), U_HRSS, 1);
	long id = create(&op, &c, num, sizeof num);
	static const struct { int clerk; const char *action, *extra, *label; } dispatched[] = {
		{ 1, "note", "note=x", "办理进展" }, { 1, "reply", "result=x", "办结回复" },
		{ 0, "close", "satisfaction=satisfied", "审核办结" },
		{ 0, "send-back", "reason=x", "退回重办" }, { 0, "reopen", "reason=x", "重新交办" },
		{ 0, "redispatch", "unit_id=11", "改派" },
		{ 0, "refuse-return", "reason=x", "不同意退回" },
	};
	for (size_t i = 0; i < sizeof dispatched / sizeof dispatched[0]; i++) {
		struct web *w = dispatched[i].clerk ? &clerk : &coord;
		refused(&obs, w, dispatched[i].action, id, dispatched[i].action,
			dispatched[i].extra, 409);
		if (strcmp(dispatched[i].action, "reopen") != 0) {
			snprintf(msg, sizeof msg, "工单当前状态为“待签收”，不能%s。", dispatched[i].label);
			ck_assert_str_eq(message(w), msg);
		}
	}
	ACT(&clerk, id, "accept", NULL, 303);
	refused(&obs, &clerk, "accept again", id, "accept", NULL, 409);
	ck_assert_str_eq(message(&clerk), "工单当前状态为“办理中”，不能签收。");
	refused(&obs, &coord, "close while 办理中", id, "close", "satisfaction=satisfied", 409);
	ACT(&clerk, id, "reply", "result=x", 303);
	refused(&obs, &clerk, "note on a replied order", id, "note", "note=x", 409);
	refused(&obs, &clerk, "return of a replied order", id, "return",
		"reason=x&basis=y&suggested_unit_id=11", 409);
	refused(&obs, &coord, "urge a replied order", id, "urge", "note=x", 409);
	ck_assert_str_eq(message(&coord), "工单当前状态为“待审核”，不能催办。");
	refused(&obs, &coord, "dispute a replied order", id, "dispute", "note=x", 409);
	ACT(&coord, id, "close", "satisfaction=satisfied", 303);
	ck_assert_str_eq(state_of(&obs, id, st), "已办结");
	refused(&obs, &coord, "close again", id, "close", "satisfaction=satisfied", 409);
	refused(&obs, &coord, "send back a closed order", id, "send-back", "reason=x", 409);
	refused(&obs, &coord, "reopen a 满意 order", id, "reopen", "reason=x", 409);
	refused(&obs, &clerk, "accept a closed order", id, "accept", NULL, 409);
	/* An answered call is closed for good. */
	c.outcome = "three_way";
	c.unit = 0;
	c.tw_unit = U_HRSS;
	long tw = create(&op, &c, num, sizeof num);
	refused(&obs, &coord, "urge a three-way call", tw, "urge", "note=x", 409);
	refused(&obs, &coord, "dispute a three-way call", tw, "dispute", "note=x", 409);
	/* No such order. */
	ck_assert_int_eq(do_act(&coord, 2000000000, "urge", "note=x"), 404);
	ck_assert_int_eq(do_act(&clerk, 2000000000, "accept", NULL), 404);
	GET(&coord, "/orders/2000000000", 404);
	web_free(&op);
	web_free(&obs);
	web_free(&clerk);
	web_free(&coord);
}
END_TEST

/* A forged, missing or foreign token: 403, nothing changed. */
START_TEST(forged_csrf_is_403)
{
	struct web op, obs, clerk, coord, anon;
	char p[32], num[64], body[1024], path[96];
	sign_in(&op, "operator");
	sign_in(&obs, "operator2");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	start(&anon);
	struct call c = dispatch_to(phone_no(p, 1301), U_HRSS, 1);
	long id = create(&op, &c, num, sizeof num);
	struct snap a, b;
	snap(&obs, id, &a);
	snprintf(path, sizeof path, "/orders/%ld/accept", id);
	token_from(&clerk, "/");
	POST(&clerk, path, "csrf=0000000000000000000000000000000000000000000000000000000000000000", 403);
	ck_assert_str_eq(message(&clerk), M_CSRF);
	POST(&clerk, path, "", 403);
	/* The operator's own token is no good in the clerk's session. */
	const char *foreign = token_from(&op, "/");
	snprintf(body, sizeof body, "csrf=%s", web_esc(&op, foreign));
	POST(&clerk, path, body, 403);
	snprintf(path, sizeof path, "/orders/%ld/urge", id);
	POST(&coord, path, "csrf=0000000000000000000000000000000000000000000000000000000000000000&note=x", 403);
	/* Signed out: refused, and the page sends to the login. */
	POST(&anon, path, "note=x", 403);
	snprintf(path, sizeof path, "/orders/%ld", id);
	GET(&anon, path, 303);
	ck_assert_msg(strncmp(web_location(&anon) ? web_location(&anon) : "", "/login", 6) == 0,
		      "signed out /orders/%ld goes to %s", id, web_location(&anon));
	snap(&obs, id, &b);
	ck_assert_str_eq(b.state, a.state);
	ck_assert_int_eq(b.events, a.events);
	/* A forged intake records nothing. */
	phone_no(p, 1302);
	snprintf(body, sizeof body, "csrf=0000000000000000000000000000000000000000000000000000000000000000"
		 "&caller_phone=%s&channel=phone&category_id=%ld&jurisdiction_id=1&content=x"
		 "&demand=x&unit_id=14&outcome=dispatch", p, cat_leaf);
	POST(&op, "/orders", body, 403);
	snprintf(body, sizeof body, "caller_phone=%s", p);
	search_lists(&coord, body, 0);
	/* With the genuine token it works. */
	ACT(&clerk, id, "accept", NULL, 303);
	web_free(&op);
	web_free(&obs);
	web_free(&clerk);
	web_free(&coord);
	web_free(&anon);
}
END_TEST

/* ---- the deadline sweep ------------------------------------------------- */

/* One run of `hotlinectl sweep` of its own: the stack's sweep loop may
 * hold the sweep's lock for a moment, then this one tries again. */
static void sweep(void)
{
	const char *ctl = getenv("HOTLINECTL");
	ck_assert_msg(ctl && *ctl, "environment variable HOTLINECTL is not set");
	char conf[1024], out[1024];
	snprintf(conf, sizeof conf, "%s/hotline.conf", getenv("VAR"));
	const char *argv[] = { ctl, "-c", conf, "sweep", NULL };
	for (int i = 0; i < 1000; i++) {
		int st = run_cmd(argv, out, sizeof out, NULL, 0);
		ck_assert_msg(st == 0, "hotlinectl sweep: exit %d: %s", st, out);
		if (strstr(out, "another sweep is running") == NULL)
			return;
	}
	ck_assert_msg(0, "hotlinectl sweep never got its lock");
}

/* An order past its due date: marked 已超期 by the system, on the
 * timeline and in the unit's reminders. */
START_TEST(sweep_marks_overdue_orders)
{
	struct web clerk, coord;
	char p[32], num[64], yesterday[11], path[128], note[256];
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	add_days(today, -1, yesterday);
	struct raw r = { .number = raw_number(num, "sweep"), .phone = phone_no(p, 1601),
			 .state = "accepted", .due = yesterday, .jur = 1, .cat = cat_queue,
			 .unit = U_HRSS, .days_ago = 6 };
	long id = raw_order(&r);
	snprintf(path, sizeof path, "number=%s&overdue=1", num);
	search_lists(&coord, path, 0);
	sweep();
	snprintf(path, sizeof path, "/orders/%ld", id);
	GET(&coord, path, 200);
	ck_assert_int_eq(count(&coord, "//p[@class='meta']/span[@class='badge overdue' and .='已超期']"), 1);
	ck_assert_int_eq(count(&coord, "//ol[@class='timeline']/li"), 1);
	ck_assert_str_eq(text(&coord, "//ol[@class='timeline']/li[1]/strong"), "超期");
	snprintf(note, sizeof note, "系统 超期 → %s 已超过办理时限（截止 %s）", HRSS, yesterday);
	const char *li = text(&coord, "//ol[@class='timeline']/li[1]");
	ck_assert_msg(strstr(li, note) != NULL, "the sweep's event reads 「%s」, expected 「…%s」", li, note);
	snprintf(path, sizeof path, "number=%s&overdue=1", num);
	search_lists(&coord, path, 1, num);
	GET(&clerk, "/orders/queue", 200);
	ck_assert_msg(count(&clerk, "//section[contains(@class,'reminders')]//li[a='%s']/strong[.='已超期']",
			    num) == 1, "人社局's reminders lack %s", num);
	ck_assert(in_queue(&clerk, "overdue", num, NULL, 0));
	web_free(&clerk);
	web_free(&coord);
}
END_TEST

/* ---- the office's search and export ------------------------------------- */

struct search_set {
	char s1[64], s2[64], s3[64], s4[64], s5[64], s6[64];
	char p1[32], p2[32], p3[32];
};

/* Six orders of category cat: through the intake today S1 (dispatched to
 * 人社局, P1), S2 (answered, P2), S3 (梅江区, P1); as time leaves them
 * S4 (供电局, overdue, 12 days old, P3), S5 (closed, 45 days old, P3),
 * S6 (closed, 100 days old, P3). */
static void search_set(struct web *op, long cat, int base, struct search_set *x)
{
	phone_no(x->p1, base + 1);
	phone_no(x->p2, base + 2);
	phone_no(x->p3, base + 3);
	struct call c = dispatch_to(x->p1, U_HRSS, 1);
	c.cat = cat;
	c.content = "=1+1 公司拖欠工资，\"老板\"失联";
	create(op, &c, x->s1, sizeof x->s1);
	struct call an = { .outcome = "answer", .phone = x->p2, .content = "养老保险怎么交",
			   .cat = cat, .jur = 1, .entry = kb_entry(op) };
	create(op, &an, x->s2, sizeof x->s2);
	c = dispatch_to(x->p1, U_MJ_HRSS, 2);
	c.cat = cat;
	create(op, &c, x->s3, sizeof x->s3);
	char due[11], tag[16];
	add_days(today, -10, due);
	snprintf(tag, sizeof tag, "s4-%d", base);
	struct raw r = { .number = raw_number(x->s4, tag), .phone = x->p3, .state = "dispatched",
			 .due = due, .jur = 1, .cat = cat, .unit = U_POWER, .days_ago = 12,
			 .overdue = 1 };
	raw_order(&r);
	snprintf(tag, sizeof tag, "s5-%d", base);
	r.number = raw_number(x->s5, tag);
	r.state = "closed";
	r.unit = U_HRSS;
	r.days_ago = 45;
	r.overdue = 0;
	add_days(today, -40, due);
	raw_order(&r);
	snprintf(tag, sizeof tag, "s6-%d", base);
	r.number = raw_number(x->s6, tag);
	r.days_ago = 100;
	add_days(today, -95, due);
	raw_order(&r);
}

START_TEST(office_search_filters)
{
	struct web op, coord, mjc, clerk;
	char q[512], d1[11], d2[11];
	struct search_set x;
	sign_in(&op, "operator");
	sign_in(&coord, "coordinator");
	sign_in(&mjc, "mj_coordinator");
	sign_in(&clerk, "clerk_hrss");
	search_set(&op, cat_search, 1401, &x);
	long c = cat_search;

	/* Default: the last 30 days. */
	snprintf(q, sizeof q, "category_id=%ld", c);
	search_lists(&coord, q, 4, x.s1, x.s2, x.s3, x.s4);
	ck_assert_str_eq(search_cell(&coord, x.s4, "状态"), "待签收");
	ck_assert_str_eq(search_cell(&coord, x.s4, "承办单位"), POWER);
	ck_assert_str_eq(search_cell(&coord, x.s4, "来电号码"), x.p3);
	ck_assert_str_eq(search_cell(&coord, x.s3, "区域"), "梅江区");
	ck_assert_str_eq(search_cell(&coord, x.s2, "状态"), "一次性解答");
	ck_assert_str_eq(search_cell(&coord, x.s1, "问题分类"), search_name);
	ck_assert_msg(strstr(search_cell(&coord, x.s4, "办理期限"), "已超期") != NULL, "S4 is not marked 已超期");
	ck_assert_msg(strstr(search_cell(&coord, x.s1, "办理期限"), "已超期") == NULL, "S1 is marked 已超期");
	/* The form shows the range it used. */
	add_days(today, -30, d1);
	ck_assert_str_eq(text(&coord, "//input[@id='from']/@value"), d1);
	ck_assert_str_eq(text(&coord, "//input[@id='to']/@value"), today);
	/* By number and by phone: any date. */
	snprintf(q, sizeof q, "number=%s", x.s5);
	search_lists(&coord, q, 1, x.s5);
	snprintf(q, sizeof q, "number=%s", x.s1);
	search_lists(&coord, q, 1, x.s1);
	snprintf(q, sizeof q, "caller_phone=%s", x.p1);
	search_lists(&coord, q, 2, x.s1, x.s3);
	snprintf(q, sizeof q, "caller_phone=%s", x.p3);
	search_lists(&coord, q, 3, x.s4, x.s5, x.s6);
	/* By state, unit, overdue. */
	snprintf(q, sizeof q, "category_id=%ld&state=answered", c);
	search_lists(&coord, q, 1, x.s2);
	snprintf(q, sizeof q, "category_id=%ld&state=dispatched", c);
	search_lists(&coord, q, 3, x.s1, x.s3, x.s4);
	snprintf(q, sizeof q, "category_id=%ld&unit_id=%d", c, U_POWER);
	search_lists(&coord, q, 1, x.s4);
	snprintf(q, sizeof q, "category_id=%ld&unit_id=%d", c, U_HRSS);
	search_lists(&coord, q, 1, x.s1);
	snprintf(q, sizeof q, "category_id=%ld&overdue=1", c);
	search_lists(&coord, q, 1, x.s4);
	ck_assert_int_eq(count(&coord, "//input[@id='overdue'][@checked]"), 1);
	/* By date range (受理日期, inclusive). */
	add_days(today, -50, d1);
	snprintf(q, sizeof q, "category_id=%ld&from=%s&to=%s", c, d1, today);
	search_lists(&coord, q, 5, x.s1, x.s2, x.s3, x.s4, x.s5);
	add_days(today, -120, d1);
	add_days(today, -40, d2);
	snprintf(q, sizeof q, "category_id=%ld&from=%s&to=%s", c, d1, d2);
	search_lists(&coord, q, 2, x.s5, x.s6);
	snprintf(q, sizeof q, "caller_phone=%s&from=%s&to=%s", x.p3, d1, d2);
	search_lists(&coord, q, 2, x.s5, x.s6);
	add_days(today, -12, d1);
	snprintf(q, sizeof q, "category_id=%ld&from=%s&to=%s", c, d1, d1);
	search_lists(&coord, q, 1, x.s4);
	/* Filters combine. */
	snprintf(q, sizeof q, "category_id=%ld&caller_phone=%s&unit_id=%d", c, x.p1, U_MJ_HRSS);
	search_lists(&coord, q, 1, x.s3);
	/* The county office: its own jurisdiction only. */
	snprintf(q, sizeof q, "category_id=%ld", c);
	search_lists(&mjc, q, 1, x.s3);
	snprintf(q, sizeof q, "caller_phone=%s", x.p1);
	search_lists(&mjc, q, 1, x.s3);
	/* Bad filters say so. */
	add_days(today, -5, d1);
	snprintf(q, sizeof q, "/orders?from=%s&to=%s", today, d1);
	GET(&coord, q, 400);
	ck_assert_str_eq(message(&coord), "起始日期不能晚于截止日期。");
	GET(&coord, "/orders?state=lost", 400);
	ck_assert_str_eq(message(&coord), "状态无效。");
	GET(&coord, "/orders?from=2026-02-30", 400);
	/* Only offices search. */
	GET(&clerk, "/orders", 403);
	GET(&op, "/orders", 403);
	web_free(&op);
	web_free(&coord);
	web_free(&mjc);
	web_free(&clerk);
}
END_TEST

/* CSV: rows of cells, quoted, quotes doubled, CRLF between rows. */
struct csv {
	int nrows;
	int ncells[64];
	char cell[64][16][512];
};

static void csv_parse(const char *s, struct csv *out)
{
	memset(out, 0, sizeof *out);
	int r = 0, c = 0;
	size_t len = 0;
	int quoted = 0, any = 0;
	for (const char *p = s; *p; p++) {
		ck_assert_msg(r < 64 && c < 16, "CSV too large for the test");
		if (quoted) {
			if (*p == '"' && p[1] == '"') {
				p++;
			} else if (*p == '"') {
				quoted = 0;
				continue;
			}
			if (len + 1 < sizeof out->cell[0][0])
				out->cell[r][c][len++] = *p;
			continue;
		}
		if (*p == '"') {
			quoted = 1;
			any = 1;
		} else if (*p == ',') {
			out->cell[r][c][len] = '\0';
			c++;
			len = 0;
		} else if (*p == '\r' && p[1] == '\n') {
			out->cell[r][c][len] = '\0';
			out->ncells[r] = c + 1;
			r++;
			c = 0;
			len = 0;
			any = 0;
			p++;
		} else {
			ck_assert_msg(0, "unquoted character 0x%02x in the CSV", (unsigned char)*p);
		}
	}
	ck_assert_msg(!any && c == 0 && len == 0, "the CSV does not end with CRLF");
	out->nrows = r;
}

/* The data row of number, or -1. */
static int csv_row(const struct csv *t, const char *number)
{
	for (int r = 1; r < t->nrows; r++)
		if (strcmp(t->cell[r][0], number) == 0)
			return r;
	return -1;
}

static void csv_get(struct web *w, const char *query, struct csv *t)
{
	char path[1024];
	snprintf(path, sizeof path, "/orders/export.csv?%s", query);
	GET(w, path, 200);
	const char *ct = web_header(w, "Content-Type");
	ck_assert_msg(ct && strncmp(ct, "text/csv", 8) == 0, "Content-Type %s", ct ? ct : "(none)");
	ck_assert_msg(w->body_len >= 3 && memcmp(w->body, "\xEF\xBB\xBF", 3) == 0,
		      "the CSV does not start with the UTF-8 BOM");
	csv_parse(w->body + 3, t);
	static const char *const head[] = {
		"工单编号", "受理时间", "来电人", "来电号码", "来源渠道", "问题分类",
		"所属区域", "承办单位", "状态", "办理期限", "是否超期", "诉求内容",
	};
	ck_assert_int_ge(t->nrows, 1);
	ck_assert_int_eq(t->ncells[0], 12);
	for (int k = 0; k < 12; k++)
		ck_assert_str_eq(t->cell[0][k], head[k]);
	for (int r = 1; r < t->nrows; r++)
		ck_assert_msg(t->ncells[r] == 12, "CSV row %d has %d cells", r, t->ncells[r]);
}

static struct csv csv_t;

START_TEST(office_csv_export)
{
	struct web op, coord, clerk;
	char q[512], d1[11];
	struct search_set x;
	sign_in(&op, "operator");
	sign_in(&coord, "coordinator");
	sign_in(&clerk, "clerk_hrss");
	search_set(&op, cat_csv, 1501, &x);
	struct csv *t = &csv_t;

	snprintf(q, sizeof q, "category_id=%ld", cat_csv);
	csv_get(&coord, q, t);
	char disp[64];
	snprintf(disp, sizeof disp, "attachment; filename=\"orders-%s.csv\"", today);
	ck_assert_str_eq(web_header(&coord, "Content-Disposition"), disp);
	ck_assert_int_eq(t->nrows, 1 + 4);
	const char *want[4] = { x.s1, x.s2, x.s3, x.s4 };
	for (int i = 0; i < 4; i++)
		ck_assert_msg(csv_row(t, want[i]) > 0, "the CSV lacks %s", want[i]);
	int r = csv_row(t, x.s4);
	char tab_phone[40];
	snprintf(tab_phone, sizeof tab_phone, "\t%s", x.p3);
	ck_assert_str_eq(t->cell[r][3], tab_phone);   /* text, not 1.38E+10 */
	ck_assert_str_eq(t->cell[r][4], "电话");
	ck_assert_str_eq(t->cell[r][5], csv_name);
	ck_assert_str_eq(t->cell[r][6], "梅州市");
	ck_assert_str_eq(t->cell[r][7], POWER);
	ck_assert_str_eq(t->cell[r][8], "待签收");
	ck_assert_str_eq(t->cell[r][10], "是");
	r = csv_row(t, x.s1);
	ck_assert_str_eq(t->cell[r][2], "陈先生");
	ck_assert_str_eq(t->cell[r][7], HRSS);
	ck_assert_str_eq(t->cell[r][10], "否");
	char due[11];
	expected_due(LIMIT_DAYS, due);
	ck_assert_str_eq(t->cell[r][9], due);
	ck_assert_int_eq(strncmp(t->cell[r][1], today, 10), 0);
	/* A formula is defused; quotes survive. */
	ck_assert_str_eq(t->cell[r][11], "'=1+1 公司拖欠工资，\"老板\"失联");
	r = csv_row(t, x.s2);
	ck_assert_str_eq(t->cell[r][8], "一次性解答");
	ck_assert_str_eq(t->cell[r][7], "");
	r = csv_row(t, x.s3);
	ck_assert_str_eq(t->cell[r][6], "梅江区");

	/* The rows follow the filter. */
	snprintf(q, sizeof q, "category_id=%ld&state=dispatched", cat_csv);
	csv_get(&coord, q, t);
	ck_assert_int_eq(t->nrows, 1 + 3);
	for (int k = 1; k < t->nrows; k++)
		ck_assert_str_eq(t->cell[k][8], "待签收");
	snprintf(q, sizeof q, "category_id=%ld&overdue=1", cat_csv);
	csv_get(&coord, q, t);
	ck_assert_int_eq(t->nrows, 2);
	ck_assert_str_eq(t->cell[1][0], x.s4);
	snprintf(q, sizeof q, "caller_phone=%s", x.p3);
	csv_get(&coord, q, t);
	ck_assert_int_eq(t->nrows, 1 + 3);
	add_days(today, -60, d1);
	snprintf(q, sizeof q, "category_id=%ld&from=%s&to=%s", cat_csv, d1, d1);
	csv_get(&coord, q, t);
	ck_assert_int_eq(t->nrows, 1);
	/* The search page links the export with its filter. */
	snprintf(q, sizeof q, "/orders?category_id=%ld&state=dispatched", cat_csv);
	GET(&coord, q, 200);
	char href[256];
	snprintf(href, sizeof href, "/orders/export.csv?category_id=%ld&state=dispatched", cat_csv);
	ck_assert_str_eq(text(&coord, "//a[@class='csv']/@href"), href);
	/* Bad filter, wrong role. */
	GET(&coord, "/orders/export.csv?state=lost", 400);
	GET(&clerk, "/orders/export.csv", 403);
	GET(&op, "/orders/export.csv", 403);
	web_free(&op);
	web_free(&coord);
	web_free(&clerk);
}
END_TEST

/* ---- plans -------------------------------------------------------------- */

/* 3 000 orders over two years, 12 units, 9 jurisdictions, one in 12.5
 * open (due well ahead, so the sweep leaves them alone). */
static const char SQL_BULK[] =
	"INSERT INTO orders (number, jurisdiction_id, channel, caller_phone, category_id,"
	" content, state, unit_id, operator_id, created_at, dispatched_at, due_date,"
	" closed_at)"
	" SELECT CONCAT('plan-', ?, '-', n), 1 + n % 9, 'phone', CONCAT('1391', LPAD(n, 7, '0')),"
	" ?, '计划测试工单',"
	" CASE n % 25 WHEN 0 THEN 'dispatched' WHEN 1 THEN 'accepted' ELSE 'closed' END,"
	" 15 + n % 12, 2,"
	" UTC_TIMESTAMP() - INTERVAL (n % 730) DAY - INTERVAL (n % 1440) MINUTE,"
	" UTC_TIMESTAMP() - INTERVAL (n % 730) DAY - INTERVAL (n % 1440) MINUTE,"
	" CASE WHEN n % 25 < 2 THEN UTC_DATE() + INTERVAL 40 DAY"
	"  ELSE UTC_DATE() - INTERVAL (n % 730) DAY + INTERVAL 5 DAY END,"
	" CASE WHEN n % 25 < 2 THEN NULL ELSE UTC_TIMESTAMP() - INTERVAL (n % 730) DAY END"
	" FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d AS n FROM"
	"  (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
	"   UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7"
	"   UNION ALL SELECT 8 UNION ALL SELECT 9) a,"
	"  (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
	"   UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7"
	"   UNION ALL SELECT 8 UNION ALL SELECT 9) b,"
	"  (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
	"   UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7"
	"   UNION ALL SELECT 8 UNION ALL SELECT 9) c,"
	"  (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
	"   UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7"
	"   UNION ALL SELECT 8 UNION ALL SELECT 9) e) t"
	" WHERE n < ?";
static const char SQL_ANALYZE[] = "ANALYZE TABLE orders";
#define BULK_ORDERS 3000

/* "EXPLAIN " and each planned statement; built once, so the statement
 * cache (keyed by the text's address) sees one text per pointer. */
static char explain_queue[8192], explain_search[8192];

/* Fails when a row of the plan reads the orders table (alias o) whole. */
static void no_scan(const char *what, const struct dbres *res)
{
	char plan[8192] = "";
	int orders_rows = 0, scans = 0;
	for (size_t i = 0; i < res->nrows; i++) {
		size_t len = strlen(plan);
		snprintf(plan + len, sizeof plan - len, "\n  %s | %s | %s | type=%s | key=%s | rows=%s | %s",
			 db_cell(res, i, 0) ? db_cell(res, i, 0) : "",
			 db_cell(res, i, 1) ? db_cell(res, i, 1) : "",
			 db_cell(res, i, 2) ? db_cell(res, i, 2) : "",
			 db_cell(res, i, 3) ? db_cell(res, i, 3) : "",
			 db_cell(res, i, 5) ? db_cell(res, i, 5) : "NULL",
			 db_cell(res, i, 8) ? db_cell(res, i, 8) : "",
			 db_cell(res, i, 9) ? db_cell(res, i, 9) : "");
		const char *table = db_cell(res, i, 2), *type = db_cell(res, i, 3);
		if (table && strcmp(table, "o") == 0) {
			orders_rows++;
			if (type && strcmp(type, "ALL") == 0)
				scans++;
		}
	}
	if (getenv("ORDERS_SHOW_PLANS"))
		printf("plan of %s:%s\n", what, plan);
	ck_assert_msg(orders_rows == 1, "the plan of %s does not read orders once:%s", what, plan);
	ck_assert_msg(scans == 0, "the plan of %s scans the whole orders table:%s", what, plan);
}

START_TEST(plans_use_indexes)
{
	struct sqlc s;
	sql_open(&s);
	struct dbres res;
	int rc = db_run(s.db, &s.a, SQL_BULK, NULL, "sii", stamp, (long long)cat_plan,
			(long long)BULK_ORDERS);
	ck_assert_msg(rc == DB_OK, "bulk insert: %s", db_error(s.db));
	rc = db_run(s.db, &s.a, SQL_ANALYZE, &res, "");
	ck_assert_msg(rc == DB_OK, "ANALYZE: %s", db_error(s.db));
	snprintf(explain_queue, sizeof explain_queue, "EXPLAIN %s", order_plan_sql(ORDER_PLAN_QUEUE));
	snprintf(explain_search, sizeof explain_search, "EXPLAIN %s", order_plan_sql(ORDER_PLAN_SEARCH));
	char soon[11], from30[11], what[128];
	add_days(today, 1, soon);
	add_days(today, -30, from30);

	/* A unit's queue, each bucket: 人社局 (this suite's orders) and a
	 * unit of the bulk orders. */
	static const char *const buckets[] = { "", "new", "active", "due", "overdue", "return" };
	static const long long units[] = { U_HRSS, 20 };
	for (size_t u = 0; u < 2; u++)
		for (size_t b = 0; b < sizeof buckets / sizeof buckets[0]; b++) {
			const char *k = buckets[b];
			rc = db_run(s.db, &s.a, explain_queue, &res, "isssssssssii", units[u], k, k,
				    k, k, (const char *)today, (const char *)soon, k,
				    (const char *)today, k, (long long)51, (long long)0);
			ck_assert_msg(rc == DB_OK, "EXPLAIN queue: %s", db_error(s.db));
			snprintf(what, sizeof what, "the queue of unit %lld, bucket 「%s」", units[u], k);
			no_scan(what, &res);
		}

	/* The office's search. */
	struct {
		const char *what, *from, *number, *phone, *state;
		long long jur, unit, cat, overdue;
	} searches[] = {
		{ "the default search (last 30 days)", from30, "", "", "", 0, 0, 0, 0 },
		{ "梅江区's default search", from30, "", "", "", 2, 0, 0, 0 },
		{ "search by number", "2000-01-01", NULL, "", "", 0, 0, 0, 0 },
		{ "search by phone", "2000-01-01", "", "13910000042", "", 0, 0, 0, 0 },
		{ "search by unit", from30, "", "", "", 0, 20, 0, 0 },
		{ "search by unit and state", from30, "", "", "closed", 0, 20, 0, 0 },
		{ "search by category", from30, "", "", "", 0, 0, cat_plan, 0 },
		{ "search of the overdue", from30, "", "", "", 0, 0, 0, 1 },
	};
	char plan_number[64];
	snprintf(plan_number, sizeof plan_number, "plan-%s-42", stamp);
	searches[2].number = plan_number;
	for (size_t i = 0; i < sizeof searches / sizeof searches[0]; i++) {
		rc = db_run(s.db, &s.a, explain_search, &res, "ssiissssssiiiiiii",
			    searches[i].from, (const char *)today, searches[i].jur, searches[i].jur,
			    searches[i].number, searches[i].number, searches[i].phone,
			    searches[i].phone, searches[i].state, searches[i].state,
			    searches[i].unit, searches[i].unit, searches[i].cat, searches[i].cat,
			    searches[i].overdue, (long long)51, (long long)0);
		ck_assert_msg(rc == DB_OK, "EXPLAIN search: %s", db_error(s.db));
		no_scan(searches[i].what, &res);
	}
	sql_close(&s);
}
END_TEST

/* ---- suite -------------------------------------------------------------- */

static Suite *orders_suite(void)
{
	Suite *s = suite_create("orders");
	TCase *tc;

	tc = tcase(s, "intake", 180);
	tcase_add_test(tc, intake_outcomes_and_numbers);
	tcase_add_test(tc, intake_suggests_unit_and_shows_history);
	tcase_add_test(tc, intake_refusals_create_nothing);
	tcase_add_test(tc, intake_unknown_jurisdiction_is_refused);

	tc = tcase(s, "handling", 180);
	tcase_add_test(tc, clerk_handles_office_closes);
	tcase_add_test(tc, urge_send_back_and_reopen);
	tcase_add_test(tc, queue_buckets);
	tcase_add_test(tc, sweep_marks_overdue_orders);

	tc = tcase(s, "returns", 180);
	tcase_add_test(tc, return_needs_reason_basis_and_unit);
	tcase_add_test(tc, returns_decided_by_the_office);

	tc = tcase(s, "scope", 300);
	tcase_add_test(tc, scope_clerk_actions);
	tcase_add_test(tc, scope_office_actions);
	tcase_add_test(tc, scope_county_office);
	tcase_add_test(tc, wrong_state_is_409);
	tcase_add_test(tc, forged_csrf_is_403);

	tc = tcase(s, "search", 180);
	tcase_add_test(tc, office_search_filters);
	tcase_add_test(tc, office_csv_export);

	tc = tcase(s, "plans", 180);
	tcase_add_test(tc, plans_use_indexes);
	return s;
}

int main(void)
{
	snprintf(stamp, sizeof stamp, "%lx%x", (unsigned long)time(NULL) & 0xffffff,
		 (unsigned)getpid() & 0xfff);
	run_no = (unsigned)((time(NULL) + (time_t)getpid() * 7919) % 100000);
	if (db_suite_init("test_orders") < 0)
		return 2;
	/* YYYYMMDD, as in order numbers. */
	snprintf(today_compact, sizeof today_compact, "%.4s%.2s%.2s", today, today + 5,
		 today + 8);
	if (setup_db() < 0)
		return 2;
	return run_suite(orders_suite());
}
