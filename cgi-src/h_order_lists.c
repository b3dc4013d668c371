/* Lists of work orders: a unit's queue (U2), the office's search and its
 * CSV export, and the return requests with their counts per unit (D3). */
#include <string.h>

#include "calendar_store.h"
#include "csv.h"
#include "handlers.h"
#include "order.h"
#include "order_store.h"
#include "tmpl.h"
#include "view.h"

#define QUEUE_PAGE 50
#define SEARCH_PAGE 50
#define CSV_MAX 10000
/* What the file and the page say when a search finds more than CSV_MAX. */
#define CSV_CUT "符合条件的工单超过 10000 条，导出文件只含最新的 10000 条。" \
	"请缩小受理日期范围或增加筛选条件（区域、承办单位、问题分类、状态），分批导出。"
#define SEARCH_DAYS 30   /* the search's default range: the last 30 days */

static const char *state_label(const char *code);

static const struct { const char *code, *label; } buckets[] = {
	{ "", "全部待办" }, { "new", "新派单" }, { "active", "办理中" },
	{ "due", "一个工作日内到期" }, { "overdue", "已超期" }, { "return", "退回待定" },
};

int h_order_queue(struct req *r)
{
	const char *bucket = req_str(r, F_STATE);
	int b = -1;
	for (size_t i = 0; i < sizeof buckets / sizeof buckets[0]; i++)
		if (strcmp(buckets[i].code, bucket) == 0)
			b = (int)i;
	if (b < 0) {
		r->err_msg = "筛选条件无效。";
		return 400;
	}
	const struct actor *ac = r->actor;
	int page = r->f[F_PAGE].present ? (int)r->f[F_PAGE].i : 1;
	char today[11];
	struct order_queue_row *row = NULL;
	struct order_queue_side_row *side = NULL;
	size_t nrows = 0, nside = 0;
	calendar_today(today);
	int rc = order_queue(r->db, r->a, ac->unit_id, bucket, today, QUEUE_PAGE + 1,
			     (long long)(page - 1) * QUEUE_PAGE, &row, &nrows);
	if (rc == DB_OK)
		rc = order_queue_side(r->db, r->a, ac->unit_id, today, &side, &nside);
	if (rc != DB_OK)
		return db_status(rc);
	const struct order_queue_side_row *counts = &side[0];
	/* "Due soon": due today or on the next working day. */
	const char *soon = counts->due;
	struct tdict *d = view_page(r, "本单位工单", "orders/queue.tpl");
	size_t ncoop = 0, nrem = 0;
	for (size_t i = 0; i < nside; i++) {
		const struct order_queue_side_row *c = &side[i];
		if (strcmp(c->kind, "C") != 0)
			continue;
		ncoop++;
		struct tdict *s = tmpl_section(d, "COOP");
		tmpl_set_int(s, "ID", c->id);
		tmpl_set(s, "NUMBER", c->number);
		tmpl_set(s, "STATE", state_label(c->state));
		tmpl_set(s, "CATEGORY", c->category);
		tmpl_set(s, "CONTENT", c->content);
		tmpl_set(s, "DUE", c->due);
		tmpl_set(s, "LEAD", c->lead);
		tmpl_show(s, c->done ? "DONE" : "OWED");
		/* The reminder of an owed part: its own deadline. */
		if (!c->done && *c->due && strcmp(c->due, today) < 0)
			tmpl_show(s, "OVERDUE");
		else if (!c->done && *c->due && strcmp(c->due, soon) <= 0)
			tmpl_show(s, "DUE_SOON");
	}
	if (ncoop > 0)
		tmpl_show(d, "COOPS");
	tmpl_set(d, "UNIT", ac->unit_name ? ac->unit_name : "");
	for (size_t i = 0; i < sizeof buckets / sizeof buckets[0]; i++) {
		struct tdict *t = tmpl_section(d, "TAB");
		tmpl_set(t, "CODE", buckets[i].code);
		tmpl_set(t, "LABEL", buckets[i].label);
		/* "all" is the sum of the open states and the disputed orders
		 * held meanwhile. */
		const long long n[] = {
			counts->n_fresh + counts->n_active + counts->n_ret + counts->n_temp,
			counts->n_fresh, counts->n_active, counts->n_due, counts->n_overdue,
			counts->n_ret,
		};
		tmpl_set_int(t, "COUNT", n[i]);
		if ((int)i == b)
			tmpl_show(t, "CURRENT");
	}
	unsigned parties = 1u << OP_OWN_CLERK;
	size_t shown = nrows > QUEUE_PAGE ? QUEUE_PAGE : nrows;
	for (size_t i = 0; i < shown; i++) {
		struct tdict *s = tmpl_section(d, "ROW");
		tmpl_set_int(s, "ID", row[i].id);
		tmpl_set(s, "NUMBER", row[i].number);
		tmpl_set(s, "STATE", state_label(row[i].state));
		tmpl_set(s, "CATEGORY", row[i].category);
		tmpl_set(s, "PHONE", order_phone_for(r->a, parties, row[i].phone));
		tmpl_set(s, "CONTENT", row[i].content);
		const char *due = row[i].due;
		tmpl_set(s, "DUE", due);
		tmpl_set(s, "DISPATCHED", row[i].dispatched);
		if (*due && strcmp(due, today) < 0)
			tmpl_show(s, "OVERDUE");
		else if (*due && strcmp(due, soon) <= 0)
			tmpl_show(s, "DUE_SOON");
	}
	if (shown == 0)
		tmpl_show(d, "EMPTY");
	if (page > 1)
		tmpl_set_int(tmpl_section(d, "PREV"), "PAGE", page - 1);
	if (nrows > QUEUE_PAGE)
		tmpl_set_int(tmpl_section(d, "NEXT"), "PAGE", page + 1);
	tmpl_set(d, "BUCKET", bucket);
	for (size_t i = 0; i < nside; i++) {
		const struct order_queue_side_row *m = &side[i];
		if (strcmp(m->kind, "R") != 0)
			continue;
		nrem++;
		struct tdict *t = tmpl_section(d, "REMINDER");
		tmpl_set_int(t, "ID", m->id);
		tmpl_set(t, "NUMBER", m->number);
		tmpl_set(t, "KIND", strcmp(m->rkind, "overdue") == 0 ? "已超期" : "即将到期");
		tmpl_set(t, "DUE", m->due);
		tmpl_set(t, "AT", m->at);
	}
	if (nrem > 0)
		tmpl_show(d, "REMINDERS");
	return view_finish(r, 200);
}

/* The search's filter from the query; 0 or 400 with a message. A number
 * or a phone number searches all dates unless a range is given. */
static int read_filter(struct req *r, struct order_filter *f)
{
	char today[11];
	calendar_today(today);
	int t = 0;
	wd_parse(today, &t);
	memset(f, 0, sizeof *f);
	f->jur = r->actor->scope_jur;
	f->number = req_str(r, F_NUMBER);
	f->phone = req_str(r, F_CALLER_PHONE);
	f->state = req_str(r, F_STATE);
	f->unit = r->f[F_UNIT_ID].present ? r->f[F_UNIT_ID].i : 0;
	f->category = r->f[F_CATEGORY_ID].present ? r->f[F_CATEGORY_ID].i : 0;
	f->overdue = r->f[F_OVERDUE].present;
	if (*f->state && order_state_from_code(f->state) < 0) {
		r->err_msg = "状态无效。";
		return 400;
	}
	if (r->f[F_FROM].present) {
		f->from = r->f[F_FROM].s;
	} else if (*f->number || *f->phone) {
		f->from = "2000-01-01";   /* a number or phone: all dates */
	} else {
		char *from = arena_alloc(r->a, 11);
		wd_format(t - SEARCH_DAYS, from);
		f->from = from;
	}
	f->to = r->f[F_TO].present ? r->f[F_TO].s : arena_strdup(r->a, today);
	if (strcmp(f->from, f->to) > 0) {
		r->err_msg = "起始日期不能晚于截止日期。";
		return 400;
	}
	return 0;
}

static const char *state_label(const char *code)
{
	int st = order_state_from_code(code);
	return st >= 0 ? order_state_labels[st] : "";
}

static int filter_choices(struct req *r, struct tdict *d, const struct order_filter *f)
{
	struct order_category_row *cat;
	struct order_unit_row *unit;
	size_t ncat = 0, nunit = 0;
	int rc = order_categories(r->db, r->a, &cat, &ncat);
	if (rc == DB_OK)
		rc = order_units(r->db, r->a, r->actor->scope_jur, &unit, &nunit);
	if (rc != DB_OK)
		return db_status(rc);
	for (size_t i = 0; i < ncat; i++) {
		struct tdict *o = tmpl_section(d, "CATEGORY");
		tmpl_set_int(o, "ID", cat[i].id);
		tmpl_set(o, "NAME", cat[i].name);
		if (cat[i].id == f->category)
			tmpl_show(o, "SELECTED");
	}
	/* A county's office filters by the county's own units (the units a
	 * county order can reach include the city's, but the filter is the
	 * office's own jurisdiction). */
	size_t kept = 0;
	for (size_t i = 0; i < nunit; i++)
		if (r->actor->scope_jur == 0 || unit[i].jur_id == r->actor->scope_jur)
			unit[kept++] = unit[i];
	order_unit_options(r, d, unit, kept, "UNIT", f->unit, 0, 0);
	for (int s = 0; s < OS__MAX; s++) {
		struct tdict *o = tmpl_section(d, "STATE_OPT");
		tmpl_set(o, "CODE", order_state_codes[s]);
		tmpl_set(o, "LABEL", order_state_labels[s]);
		if (strcmp(order_state_codes[s], f->state) == 0)
			tmpl_show(o, "SELECTED");
	}
	tmpl_set(d, "NUMBER", f->number);
	tmpl_set(d, "PHONE", f->phone);
	tmpl_set(d, "FROM", f->from);
	tmpl_set(d, "TO", f->to);
	if (f->overdue)
		tmpl_show(d, "OVERDUE_CHECKED");
	return 0;
}

/* The query string of the filter, for the pager and the CSV link. */
static const char *filter_qs(struct req *r, const struct order_filter *f)
{
	const char *qs = r->query_string ? r->query_string : "";
	(void)f;
	/* Drop a page= parameter; the pager adds its own. */
	struct buf b;
	buf_init(&b, r->a);
	const char *p = qs;
	while (*p) {
		const char *amp = strchr(p, '&');
		size_t n = amp ? (size_t)(amp - p) : strlen(p);
		if (!(n >= 5 && strncmp(p, "page=", 5) == 0)) {
			if (b.len)
				buf_add(&b, "&", 1);
			buf_add(&b, p, n);
		}
		p += n + (amp ? 1 : 0);
	}
	return buf_str(&b);
}

/* A page of found orders (ROW sections; EMPTY when none), the phone as
 * parties may see it. */
static void fill_found(struct req *r, struct tdict *d, const struct order_found_row *row,
		       size_t nrows, unsigned parties)
{
	size_t shown = nrows > SEARCH_PAGE ? SEARCH_PAGE : nrows;
	for (size_t i = 0; i < shown; i++) {
		struct tdict *s = tmpl_section(d, "ROW");
		tmpl_set_int(s, "ID", row[i].id);
		tmpl_set(s, "NUMBER", row[i].number);
		tmpl_set(s, "CREATED", row[i].created);
		tmpl_set(s, "PHONE", order_phone_for(r->a, parties, row[i].phone));
		tmpl_set(s, "CATEGORY", row[i].category);
		tmpl_set(s, "JUR", row[i].jur);
		tmpl_set(s, "UNIT", row[i].unit);
		tmpl_set(s, "STATE", state_label(row[i].state));
		tmpl_set(s, "DUE", row[i].due);
		if (row[i].overdue)
			tmpl_show(s, "OVERDUE");
		if (row[i].merged_into)
			tmpl_set_int(tmpl_section(s, "MERGED"), "MASTER", row[i].merged_into);
		else if (row[i].likely_dup_of)
			tmpl_set_int(tmpl_section(s, "LIKELY"), "OF", row[i].likely_dup_of);
	}
	if (shown == 0)
		tmpl_show(d, "EMPTY");
}

/* 我受理的: the operator's own intakes, newest first; a number or a phone
 * searches every order the call centre may see (a caller who calls back
 * may have been taken by a colleague). */
int h_order_mine(struct req *r)
{
	const char *number = req_str(r, F_NUMBER), *phone = req_str(r, F_CALLER_PHONE);
	int page = r->f[F_PAGE].present ? (int)r->f[F_PAGE].i : 1;
	long long offset = (long long)(page - 1) * SEARCH_PAGE;
	struct order_found_row *row;
	size_t nrows;
	int rc;
	if (*number || *phone) {
		char today[11];
		calendar_today(today);
		const struct order_filter f = {
			.jur = r->actor->scope_jur, .number = number, .phone = phone, .state = "",
			.from = "2000-01-01", .to = today,
		};
		rc = order_search(r->db, r->a, &f, SEARCH_PAGE + 1, offset, &row, &nrows);
	} else {
		rc = order_mine(r->db, r->a, r->actor->user_id, SEARCH_PAGE + 1, offset, &row,
				&nrows);
	}
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "我受理的工单", "orders/mine.tpl");
	tmpl_set(d, "NUMBER", number);
	tmpl_set(d, "PHONE", phone);
	if (*number || *phone)
		tmpl_show(d, "SEARCHED");
	fill_found(r, d, row, nrows, 1u << OP_OPERATOR);
	const char *qs = filter_qs(r, NULL);
	if (page > 1) {
		struct tdict *p = tmpl_section(d, "PREV");
		tmpl_set_int(p, "PAGE", page - 1);
		tmpl_set(p, "QS", qs);
	}
	if (nrows > SEARCH_PAGE) {
		struct tdict *p = tmpl_section(d, "NEXT");
		tmpl_set_int(p, "PAGE", page + 1);
		tmpl_set(p, "QS", qs);
	}
	return view_finish(r, 200);
}

int h_order_search(struct req *r)
{
	struct order_filter f;
	int st = read_filter(r, &f);
	if (st)
		return st;
	int page = r->f[F_PAGE].present ? (int)r->f[F_PAGE].i : 1;
	struct order_found_row *row;
	size_t nrows;
	int rc = order_search(r->db, r->a, &f, SEARCH_PAGE + 1,
			     (long long)(page - 1) * SEARCH_PAGE, &row, &nrows);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "工单查询", "orders/search.tpl");
	st = filter_choices(r, d, &f);
	if (st)
		return st;
	fill_found(r, d, row, nrows, 1u << OP_OFFICE);
	const char *qs = filter_qs(r, &f);
	tmpl_set(d, "QS", qs);
	if (page > 1) {
		struct tdict *p = tmpl_section(d, "PREV");
		tmpl_set_int(p, "PAGE", page - 1);
		tmpl_set(p, "QS", qs);
	}
	if (nrows > SEARCH_PAGE) {
		struct tdict *p = tmpl_section(d, "NEXT");
		tmpl_set_int(p, "PAGE", page + 1);
		tmpl_set(p, "QS", qs);
		/* More than a page: would the export be cut? */
		long long total = 0;
		rc = order_search_count(r->db, r->a, &f, CSV_MAX + 1, &total);
		if (rc != DB_OK)
			return db_status(rc);
		if (total > CSV_MAX)
			tmpl_set(tmpl_section(d, "CSV_CUT"), "TEXT", CSV_CUT);
	}
	return view_finish(r, 200);
}

int h_order_csv(struct req *r)
{
	struct order_filter f;
	int st = read_filter(r, &f);
	if (st)
		return st;
	struct order_found_row *row;
	size_t nrows;
	int rc = order_search(r->db, r->a, &f, CSV_MAX + 1, 0, &row, &nrows);
	if (rc != DB_OK)
		return db_status(rc);
	int cut = nrows > CSV_MAX;
	if (cut)
		nrows = CSV_MAX;
	static const char *const head[] = {
		"工单编号", "受理时间", "来电人", "来电号码", "来源渠道", "问题分类",
		"所属区域", "承办单位", "状态", "办理期限", "是否超期", "诉求内容",
	};
	struct buf *b = &r->out;
	b->len = 0;
	buf_add(b, "\xEF\xBB\xBF", 3); /* the BOM: Excel then reads UTF-8 */
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		csv_cell(b, head[i], i + 1 == sizeof head / sizeof head[0]);
	for (size_t i = 0; i < nrows; i++) {
		const struct order_found_row *o = &row[i];
		csv_cell(b, o->number, 0);
		csv_cell(b, o->created, 0);
		csv_cell(b, o->caller_name, 0);
		csv_phone(b, o->phone, 0);
		csv_cell(b, order_code_label(order_channels, o->channel), 0);
		csv_cell(b, o->category, 0);
		csv_cell(b, o->jur, 0);
		csv_cell(b, o->unit, 0);
		csv_cell(b, state_label(o->state), 0);
		csv_cell(b, o->due, 0);
		csv_cell(b, o->overdue ? "是" : "否", 0);
		csv_cell(b, o->content, 1);
	}
	/* A cut file says so in its last row, in the first column. */
	if (cut) {
		csv_cell(b, "（" CSV_CUT "）", 0);
		for (size_t i = 1; i < sizeof head / sizeof head[0]; i++)
			csv_cell(b, "", i + 1 == sizeof head / sizeof head[0]);
	}
	char today[11];
	calendar_today(today);
	r->ctype = "text/csv; charset=utf-8";
	http_header(r, "Content-Disposition",
		    arena_printf(r->a, "attachment; filename=\"orders-%s.csv\"", today));
	r->status = 200;
	return 200;
}

#define RETURNS_PAGE 50

int h_order_returns(struct req *r)
{
	const struct actor *ac = r->actor;
	struct order_pending_row *p;
	struct order_return_count_row *c;
	size_t np = 0, nc = 0;
	int page = r->f[F_PAGE].present ? (int)r->f[F_PAGE].i : 1;
	/* A page of the oldest first, and one more to know there is a next. */
	int rc = order_returns(r->db, r->a, ac->scope_jur, RETURNS_PAGE + 1,
			       (long long)(page - 1) * RETURNS_PAGE, &p, &np);
	if (rc == DB_OK)
		rc = order_return_counts(r->db, r->a, ac->scope_jur, &c, &nc);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "退回申请", "orders/returns.tpl");
	if (page > 1)
		tmpl_set_int(tmpl_section(d, "PREV"), "PAGE", page - 1);
	if (np > RETURNS_PAGE) {
		tmpl_set_int(tmpl_section(d, "NEXT"), "PAGE", page + 1);
		np = RETURNS_PAGE;
	}
	long long waiting = 0;
	for (size_t i = 0; i < nc; i++)
		waiting += c[i].pending;
	tmpl_set_int(d, "WAITING", waiting);
	for (size_t i = 0; i < np; i++) {
		struct tdict *row = tmpl_section(d, "PENDING");
		tmpl_set_int(row, "ORDER_ID", p[i].order_id);
		tmpl_set(row, "NUMBER", p[i].number);
		tmpl_set(row, "UNIT", p[i].unit);
		tmpl_set(row, "REASON", p[i].reason);
		tmpl_set(row, "SUGGESTED", p[i].suggested);
		tmpl_set(row, "AT", p[i].at);
	}
	if (np == 0)
		tmpl_show(d, "NONE_PENDING");
	for (size_t i = 0; i < nc; i++) {
		struct tdict *row = tmpl_section(d, "COUNT");
		tmpl_set(row, "UNIT", c[i].unit);
		tmpl_set_int(row, "TOTAL", c[i].total);
		tmpl_set_int(row, "PENDING", c[i].pending);
		tmpl_set_int(row, "REDISPATCHED", c[i].redispatched);
		tmpl_set_int(row, "REFUSED", c[i].refused);
		tmpl_set_int(row, "DISPUTED", c[i].disputed);
	}
	if (nc == 0)
		tmpl_show(d, "NONE_COUNTED");
	return view_finish(r, 200);
}
