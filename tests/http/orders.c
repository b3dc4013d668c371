#include "orders.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *phone_no(char out[32], int n)
{
	snprintf(out, 32, "13%05u%04d", run_no % 100000, n % 10000);
	return out;
}

const char *masked(const char *p, char out[32])
{
	size_t n = strlen(p);
	snprintf(out, 32, "%.3s", p);
	for (size_t i = 3; i + 4 < n; i++)
		strcat(out, "*");
	strcat(out, p + n - 4);
	return out;
}

/* ---- this run's categories ---------------------------------------------- */

long cat_parent, cat_leaf, cat_inactive, cat_other, cat_extra;
char leaf_name[128], other_name[128], extra_name[128];

int setup_order_categories(void)
{
	static const char rule[] =
		"INSERT INTO routing_rules (category_id, jurisdiction_id, keywords, unit_id)"
		" SELECT ?, j.id, ?, u.id FROM jurisdictions j, units u WHERE j.code = ? AND u.code = ?";
	char name[128];
	snprintf(name, sizeof name, "测试诉求%s", stamp);
	cat_parent = add_category(name, 0, 5, 1);
	snprintf(leaf_name, sizeof leaf_name, "劳动报酬%s", stamp);
	cat_leaf = add_category(leaf_name, cat_parent, LIMIT_DAYS, 1);
	snprintf(name, sizeof name, "已停用分类%s", stamp);
	cat_inactive = add_category(name, cat_parent, LIMIT_DAYS, 0);
	snprintf(other_name, sizeof other_name, "其他诉求%s", stamp);
	cat_other = add_category(other_name, cat_parent, LIMIT_DAYS, 1);
	snprintf(extra_name, sizeof extra_name, "另类诉求%s", stamp);
	cat_extra = add_category(extra_name, cat_parent, LIMIT_DAYS, 1);
	if (!cat_parent || !cat_leaf || !cat_inactive || !cat_other || !cat_extra)
		return -1;
	struct sqlc s;
	sql_open(&s);
	int rc = db_exec(s.db, &s.a, rule, NULL, DB_I((long long)cat_leaf), DB_S(""), DB_S("meizhou"), DB_S("city-hrss"));
	if (rc == DB_OK)
		rc = db_exec(s.db, &s.a, rule, NULL, DB_I((long long)cat_leaf), DB_S(""), DB_S("meijiang"), DB_S("meijiang-hrss"));
	if (rc == DB_OK)
		rc = db_exec(s.db, &s.a, rule, NULL, DB_I((long long)cat_leaf), DB_S("落户"), DB_S("meizhou"), DB_S("city-psb-hz"));
	if (rc != DB_OK)
		fprintf(stderr, "routing rules: %s\n", db_error(s.db));
	sql_close(&s);
	return rc == DB_OK ? 0 : -1;
}

/* ---- intake ------------------------------------------------------------- */

struct call dispatch_to(const char *phone, long cat, long jur, long unit)
{
	struct call c = {
		.outcome = "dispatch", .phone = phone,
		.content = "来电人反映公司拖欠两个月工资，多次讨要未果。",
		.demand = "要求督促公司支付拖欠的工资", .cat = cat, .jur = jur, .unit = unit,
	};
	return c;
}

long post_call(struct web *op, const char *action, const struct call *c)
{
	static char body[16384];
	body[0] = '\0';
	form_add(op, body, sizeof body, "csrf", token_from(op, "/orders/new"));
	if (c->phone)
		form_add(op, body, sizeof body, "caller_phone", c->phone);
	form_add(op, body, sizeof body, "caller_name", c->caller ? c->caller : "陈先生");
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

long create(struct web *op, const struct call *c, char *number, size_t size)
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
	GET(op, pathf(path, sizeof path, "/orders/%ld?done=%s", id,
		      dispatch ? "dispatched" : "answered"), 200);
	ck_assert_msg(count(op, "//p[@class='notice']") == 1, "no notice after the intake");
	if (number) {
		snprintf(number, size, "%s", text(op, "//dd[@class='o-number']"));
		ck_assert_msg(*number, "order %ld has no number", id);
	}
	return id;
}

int number_seq(const char *number, const char *code, char day[9])
{
	size_t n = strlen(code);
	ck_assert_msg(strncmp(number, code, n) == 0 && number[n] == '-' &&
			      strlen(number) == n + 14 && number[n + 9] == '-',
		      "order number %s is not %s-YYYYMMDD-NNNN", number, code);
	char iso[11];
	snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", number + n + 1, number + n + 5,
		 number + n + 7);
	ck_assert_msg(is_run_date(iso), "order number %s is not of a day of the run", number);
	for (size_t i = n + 10; i < n + 14; i++)
		ck_assert_msg(number[i] >= '0' && number[i] <= '9', "order number %s", number);
	if (day)
		snprintf(day, 9, "%.8s", number + n + 1);
	return atoi(number + n + 10);
}

int next_number(const char *a, const char *b, const char *code)
{
	char da[9], db[9];
	int sa = number_seq(a, code, da), sb = number_seq(b, code, db);
	return strcmp(da, db) == 0 ? sb == sa + 1 : strcmp(da, db) < 0 && sb == 1;
}

long kb_entry(struct web *op, const char *title)
{
	struct call c = { .q = title, .jur = 1 };
	long st = post_call(op, "/orders/new", &c);
	ck_assert_msg(st == 200, "intake search: status %ld", st);
	char expr[512];
	snprintf(expr, sizeof expr, "//ol[@class='results']/li[a[@class='title']='%s']"
		 "//input[@name='entry_id']/@value", title);
	const char *v = web_xpath_text(op, expr);
	ck_assert_msg(v != NULL && atol(v) > 0, "the intake search does not offer 「%s」", title);
	return atol(v);
}

/* ---- orders as time leaves them ------------------------------------------------ */

long raw_order(const struct raw *o)
{
	/* created days_ago days ago, with any state, due date and overdue
	 * flag; closed then unless still open. */
	static const char stmt[] =
		"INSERT INTO orders (number, jurisdiction_id, channel, caller_name,"
		" caller_phone, category_id, content, state, unit_id, operator_id,"
		" created_at, dispatched_at, due_date, overdue, closed_at)"
		" VALUES (?, ?, 'phone', '测试来电人', ?, ?, ?, ?, NULLIF(?, 0),"
		" (SELECT id FROM users WHERE username = 'operator'),"
		" UTC_TIMESTAMP() - INTERVAL ? DAY,"
		" IF(? = 0, NULL, UTC_TIMESTAMP() - INTERVAL ? DAY), ?, ?,"
		" IF(? IN ('dispatched', 'accepted', 'return_requested'), NULL,"
		" UTC_TIMESTAMP() - INTERVAL ? DAY))";
	struct sqlc s;
	struct dbres res;
	sql_open(&s);
	int rc = db_exec(s.db, &s.a, stmt, &res, DB_S(o->number), DB_I((long long)o->jur), DB_S(o->phone), DB_I((long long)o->cat), DB_S(o->content ? o->content : "测试工单内容"), DB_S(o->state), DB_I((long long)o->unit), DB_I((long long)o->days_ago), DB_I((long long)o->unit), DB_I((long long)o->days_ago), DB_S(o->due), DB_I((long long)o->overdue), DB_S(o->state), DB_I((long long)o->days_ago));
	ck_assert_msg(rc == DB_OK, "inserting order %s: %s", o->number, db_error(s.db));
	long id = (long)res.insert_id;
	sql_close(&s);
	return id;
}

const char *raw_number(char out[64], const char *tag)
{
	snprintf(out, 64, "t%s-%s", stamp, tag);
	return out;
}

const char *order_day(const char *number, char out[11])
{
	sql_text(out, 11, "SELECT " DB_DAY("created_at + INTERVAL 8 HOUR")
		 " FROM orders WHERE number = ?", DB_S(number));
	ck_assert_msg(out[0] != '\0', "no order %s", number);
	return out;
}

/* ---- what a user reads -------------------------------------------------- */

void snap(struct web *w, long id, struct snap *s)
{
	char path[64];
	GET(w, pathf(path, sizeof path, "/orders/%ld", id), 200);
	snprintf(s->number, sizeof s->number, "%s", text(w, "//dd[@class='o-number']"));
	snprintf(s->state, sizeof s->state, "%s",
		 text(w, "//p[@class='meta']/span[contains(@class,'state')]"));
	snprintf(s->unit, sizeof s->unit, "%s", text(w, "//dd[@class='o-unit']"));
	snprintf(s->due, sizeof s->due, "%s", text(w, "//dd[@class='o-due']"));
	s->events = count(w, "//ol[@class='timeline']/li");
}

const char *order_state(struct web *w, long id, char out[64])
{
	struct snap s;
	snap(w, id, &s);
	snprintf(out, 64, "%s", s.state);
	return out;
}

void refused(struct web *obs, struct web *w, const char *who, long id,
	     const char *action, const char *extra, int want)
{
	struct snap a, b;
	snap(obs, id, &a);
	long st = web_act_on(w, "orders", id, action, extra);
	ck_assert_msg(st == want, "%s: POST /orders/%ld/%s: status %ld, expected %d\n%.600s",
		      who, id, action, st, want, w->body ? w->body : "");
	if (want == 404)
		ck_assert_msg(!body_has(w, a.number), "%s's 404 for %s shows the order %s",
			      who, action, a.number);
	snprintf(refusal, sizeof refusal, "%s", message(w));
	snap(obs, id, &b);
	ck_assert_msg(strcmp(a.state, b.state) == 0 && strcmp(a.unit, b.unit) == 0 &&
			      strcmp(a.due, b.due) == 0 && a.events == b.events,
		      "%s's refused %s changed order %s: %s/%s/%d → %s/%s/%d", who, action,
		      a.number, a.state, a.unit, a.events, b.state, b.unit, b.events);
}

void timeline_is(struct web *w, int n, const char *step, const char *who,
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
	ck_assert_msg(strlen(at) == 16 && is_run_date(at), "timeline entry %d has time 「%s」",
		      n, at);
	if (part)
		ck_assert_msg(strstr(li, part) != NULL, "timeline entry %d 「%s」 lacks 「%s」",
			      n, li, part);
}

int in_queue(struct web *w, const char *bucket, const char *number, char *phone,
	     size_t size)
{
	for (int page = 1; page < 500; page++) {
		char path[128];
		GET(w, pathf(path, sizeof path, "/orders/queue?state=%s&page=%d", bucket, page), 200);
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

void search_lists(struct web *w, const char *query, int n, ...)
{
	char path[1024];
	GET(w, pathf(path, sizeof path, "/orders?%s", query), 200);
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
		ck_assert_msg(count(w, "//p[@class='hint']") == 1,
			      "search ?%s finds nothing and does not say so", query);
}

const char *search_cell(struct web *w, const char *number, const char *head)
{
	char xp[512];
	int col = count(w, "//table[@class='orders']/thead/tr/th[.='%s']/preceding-sibling::th",
			head) + 1;
	snprintf(xp, sizeof xp, "//table[@class='orders']/tbody/tr[td[1]/a='%s']/td[%d]",
		 number, col);
	return text(w, xp);
}

void run_sweep(void)
{
	char out[1024];
	for (int i = 0; i < 1000; i++) {
		int st = hotlinectl(out, sizeof out, NULL, 0, "sweep", NULL);
		ck_assert_msg(st == 0, "hotlinectl sweep: exit %d: %s", st, out);
		if (strstr(out, "another sweep is running") == NULL)
			return;
	}
	ck_abort_msg("hotlinectl sweep never got its lock");
}
