/* 工单查询 (U4, issue 16): a caller follows their own order without an
 * account, with its number and the 查询码 told at intake (or the last four
 * digits of the calling phone). The page shows the state, the handling
 * unit, the deadline, the public timeline and, once closed, the reply:
 * never a note, a member of staff or another caller. Wrong pairs all
 * answer the same "没有找到" and count against the client address. */
#include <openssl/crypto.h>
#include <string.h>

#include "handlers.h"
#include "order.h"
#include "status.h"
#include "status_store.h"
#include "view.h"

#define STATUS_MAX_FAILS 20   /* wrong pairs per address and window */

static struct tdict *status_page(struct req *r)
{
	struct tdict *d = view_public_page(r, "工单查询", "public/status.tpl");
	r->max_age = 0;    /* one caller's own answer, never kept */
	return d;
}

int h_status_form(struct req *r)
{
	status_page(r);
	return view_finish(r, 200);
}

/* Whether what the caller typed opens order o: its query code, or the
 * last four digits of its phone (not of an order whose caller data was
 * cleared). Compared in constant time. */
static int opens(const struct status_row *o, const char *typed)
{
	if (o->id == 0)
		return 0;
	if (status_last_four(typed))
		return strlen(o->last4) == 4 && CRYPTO_memcmp(o->last4, typed, 4) == 0;
	char code[QCODE_LEN + 1], hash[65];
	if (o->query_hash == NULL || qcode_normalize(typed, code) < 0)
		return 0;
	qcode_hash(o->number, code, hash);
	return strlen(o->query_hash) == 64 && CRYPTO_memcmp(hash, o->query_hash, 64) == 0;
}

static int show_timeline(struct req *r, struct tdict *f, const struct status_row *o)
{
	struct status_event_row *e;
	size_t n;
	int rc = status_events(r->db, r->a, o->id, o->master_id,
			       o->master_id ? o->merged_at : NULL, &e, &n);
	if (rc != DB_OK)
		return db_status(rc);
	for (size_t i = 0; i < n; i++) {
		const char *label = status_event_label(e[i].kind);
		if (label == NULL)
			continue;
		struct tdict *s = tmpl_section(f, "EVENT");
		tmpl_set(s, "AT", e[i].at);
		tmpl_set(s, "LABEL", label);
		if (status_event_names_unit(e[i].kind) && *e[i].target)
			tmpl_set(tmpl_section(s, "TO"), "UNIT", e[i].target);
	}
	return 0;
}

static int show_order(struct req *r, struct tdict *d, const struct status_row *o)
{
	struct tdict *f = tmpl_section(d, "FOUND");
	int st = order_state_from_code(o->state);
	tmpl_set(f, "NUMBER", o->number);
	tmpl_set(f, "STATE", st < 0 ? "" : order_public_open(st) ? (st == OS_PENDING ? "待受理" : "办理中")
						       : order_state_labels[st]);
	tmpl_set(f, "CATEGORY", o->category);
	tmpl_set(f, "CREATED", o->created);
	if (*o->unit)
		tmpl_set(tmpl_section(f, "UNIT"), "NAME", o->unit);
	if (*o->due && order_public_open(st))
		tmpl_set(tmpl_section(f, "DUE"), "DATE", o->due);
	if (o->master_id)
		tmpl_set(tmpl_section(f, "MERGED"), "MASTER", o->master_number);
	if (st == OS_REFERRED)
		tmpl_set(tmpl_section(f, "REFERRED"), "CHANNEL",
			 o->refer_channel ? o->refer_channel : "其他渠道");
	if (st == OS_CLOSED && *o->reply)
		tmpl_set(tmpl_section(f, "REPLY"), "TEXT", o->reply);
	return show_timeline(r, f, o);
}

int h_status_lookup(struct req *r)
{
	struct tdict *d = status_page(r);
	const char *number = form_trim(r->a, req_str(r, F_LOOKUP_NUMBER));
	const char *typed = form_trim(r->a, req_str(r, F_QCODE));
	tmpl_set(d, "NUMBER", number);
	struct status_row *o;
	int rc = status_lookup(r->db, r->a, number, r->client_addr, STATUS_WINDOW_MIN, &o);
	if (rc != DB_OK)
		return db_status(rc);
	if (o->failures >= STATUS_MAX_FAILS) {
		tmpl_set(tmpl_section(d, "MISS"), "MSG",
			 "查询失败次数过多，请 15 分钟后再试，或拨打 12345 查询。");
		return view_finish(r, 429);
	}
	if (!opens(o, typed)) {
		rc = status_fail(r->db, r->a, r->client_addr, STATUS_WINDOW_MIN);
		if (rc != DB_OK)
			return db_status(rc);
		tmpl_set(tmpl_section(d, "MISS"), "MSG",
			 "没有找到：请核对工单编号和查询码（或来电号码后四位）。");
		return view_finish(r, 404);
	}
	int st = show_order(r, d, o);
	return st ? st : view_finish(r, 200);
}
