/* The operators' intake queue of requests other systems filed (待受理),
 * likely duplicates (疑似重复) and merging them into a master order, and
 * the caller's query code (查询码) handed on after intake. Issue 16; the
 * rules are order_ops.c's and order_dupes.c's. */
#include <openssl/crypto.h>
#include <stdio.h>
#include <string.h>

#include "handlers.h"
#include "order.h"
#include "order_dupes.h"
#include "order_ops.h"
#include "status.h"
#include "view.h"

#define LIST_PAGE 50
#define DUPES_SHOWN 10
#define FLASH_COOKIE "qcode"

/* ---- the query code ---------------------------------------------------------- */

void order_code_flash(struct req *r, long long id, const char *code)
{
	http_set_cookie(r, FLASH_COOKIE, arena_printf(r->a, "%lld.%s", id, code), 600);
}

const char *order_code_shown(struct req *r, long long id, const char *number, const char *hash)
{
	const char *v = http_cookie(r->a, r->cookies, FLASH_COOKIE);
	if (v == NULL)
		return NULL;
	http_set_cookie(r, FLASH_COOKIE, "", 0);
	char want[32];
	snprintf(want, sizeof want, "%lld.", id);
	size_t n = strlen(want);
	char code[QCODE_LEN + 1], h[65];
	if (hash == NULL || strncmp(v, want, n) != 0 || qcode_normalize(v + n, code) < 0)
		return NULL;
	qcode_hash(number, code, h);
	return CRYPTO_memcmp(h, hash, 64) == 0 ? arena_strdup(r->a, code) : NULL;
}

int h_order_qcode(struct req *r)
{
	char code[QCODE_LEN + 1];
	int st = order_new_qcode(REQ_CTX(r), r->id, code);
	if (st)
		return st;
	order_code_flash(r, r->id, code);
	return http_redirect(r, arena_printf(r->a, "/orders/%lld?done=qcode", r->id));
}

/* ---- likely duplicates ------------------------------------------------------- */

int order_dupes_fill(struct req *r, struct tdict *d, const struct dup_probe *p, int merge)
{
	int phone = order_phone_valid(p->phone);
	if (p->jur == 0 || (!phone && (*p->place == '\0' || *p->content == '\0')))
		return 0;
	struct order_candidate_row *c;
	size_t n;
	int rc = order_candidates(r->db, r->a, phone ? p->phone : "", p->category, p->jur,
				  p->except, &c, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct dup_subject subject;
	order_dup_subject(r->a, phone ? p->phone : "", p->place, p->content, &subject);
	struct tdict *sec = NULL;
	size_t shown = 0;
	for (size_t i = 0; i < n && shown < DUPES_SHOWN; i++) {
		enum dup_reason why = order_dup_reason_for(r->a, &subject, c[i].phone, c[i].place,
							   c[i].content);
		if (why == DUP_NONE)
			continue;
		if (sec == NULL) {
			sec = tmpl_section(d, "DUPES");
			tmpl_set_int(sec, "DAYS", c[i].days);
			tmpl_set_int(sec, "SELF", p->except);
		}
		struct tdict *o = tmpl_section(sec, "DUPE");
		int st = order_state_from_code(c[i].state);
		tmpl_set_int(o, "ID", c[i].id);
		tmpl_set(o, "NUMBER", c[i].number);
		tmpl_set(o, "CREATED", c[i].created);
		tmpl_set(o, "STATE", st >= 0 ? order_state_labels[st] : "");
		tmpl_set(o, "CATEGORY", c[i].category);
		tmpl_set(o, "UNIT", c[i].unit);
		tmpl_set(o, "WHY", order_dup_label(why));
		tmpl_set(o, "PLACE", c[i].place);
		if (c[i].merged_into)
			tmpl_set_int(tmpl_section(o, "MERGED"), "MASTER", c[i].merged_into);
		if (c[i].id == p->picked)
			tmpl_show(o, "CHECKED");
		if (merge && !c[i].merged_into) {
			if (p->self_mergeable)
				tmpl_show(o, "MERGE_HERE");
			if (order_mergeable(st))
				tmpl_show(o, "MERGE_THERE");
		}
		shown++;
	}
	return 0;
}

/* ---- lists --------------------------------------------------------------------- */

static int brief_list(struct req *r, const char *title, const char *tpl,
		      enum order_brief which)
{
	int page = r->f[F_PAGE].present ? (int)r->f[F_PAGE].i : 1;
	struct order_list_brief_row *v;
	size_t n;
	int rc = order_brief_list(r->db, r->a, which, r->actor->scope_jur, LIST_PAGE + 1,
				  (page - 1) * LIST_PAGE, &v, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, title, tpl);
	size_t shown = n > LIST_PAGE ? LIST_PAGE : n;
	for (size_t i = 0; i < shown; i++) {
		struct tdict *o = tmpl_section(d, "ROW");
		int st = order_state_from_code(v[i].state);
		tmpl_set_int(o, "ID", v[i].id);
		tmpl_set(o, "NUMBER", v[i].number);
		tmpl_set(o, "CREATED", v[i].created);
		tmpl_set(o, "STATE", st >= 0 ? order_state_labels[st] : "");
		tmpl_set(o, "CATEGORY", v[i].category);
		tmpl_set(o, "PLACE", v[i].place);
		tmpl_set(o, "CONTENT", v[i].content);
		tmpl_set(o, "SOURCE", v[i].source);
		if (v[i].likely_dup_of)
			tmpl_set_int(tmpl_section(o, "LIKELY"), "OF", v[i].likely_dup_of);
	}
	if (shown == 0)
		tmpl_show(d, "EMPTY");
	if (page > 1)
		tmpl_set_int(tmpl_section(d, "PREV"), "PAGE", page - 1);
	if (n > LIST_PAGE)
		tmpl_set_int(tmpl_section(d, "NEXT"), "PAGE", page + 1);
	return view_finish(r, 200);
}

int h_order_pending(struct req *r)
{
	return brief_list(r, "开放接口待受理", "orders/pending.tpl", ORDER_BRIEF_PENDING);
}

int h_order_duplicates(struct req *r)
{
	return brief_list(r, "疑似重复工单", "orders/duplicates.tpl", ORDER_BRIEF_DUPES);
}

/* ---- merging --------------------------------------------------------------------- */

int h_order_merge(struct req *r)
{
	long long master = r->f[F_MASTER_ID].i;
	int st = order_merge_into(REQ_CTX(r), r->id, master, &r->err_msg);
	if (st)
		return st;
	return http_redirect(r, arena_printf(r->a, "/orders/%lld?done=merged", master));
}

int h_order_not_duplicate(struct req *r)
{
	int st = order_clear_likely(REQ_CTX(r), r->id);
	if (st == 409)
		r->err_msg = "该工单没有疑似重复标记，或已合并。";
	return st ? st : http_redirect(r, arena_printf(r->a, "/orders/%lld?done=not_duplicate", r->id));
}
