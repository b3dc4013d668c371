/* 个人信息保存期限 (PIPL): how many months callers' names and phones are
 * kept in finished orders; the city's office sets it, the sweep
 * (order_sweep.c) applies it. The same page sets how many days back the
 * intake and the office look for likely duplicates (issue 16). */
#include "audit_store.h"
#include "handlers.h"
#include "order_store.h"
#include "view.h"

static int retention_page(struct req *r, const char *alert, int status)
{
	long long months = 0;
	int days = 7;
	int rc = order_retention(r->db, r->a, &months);
	if (rc == DB_OK)
		rc = order_dup_days(r->db, r->a, &days);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "个人信息保存期限", "orders/retention.tpl");
	if (alert)
		view_alert(r, alert);
	tmpl_set_int(d, "MONTHS", months);
	tmpl_set_int(d, "DUP_DAYS", days);
	tmpl_show(d, r->actor->scope_jur == 0 ? "EDIT" : "READONLY");
	return view_finish(r, status);
}

int h_order_retention(struct req *r)
{
	return retention_page(r, NULL, 200);
}

int h_order_retention_save(struct req *r)
{
	if (r->actor->scope_jur != 0) {
		r->err_msg = "个人信息保存期限全市统一，由市管理办设定。";
		return 403;
	}
	long long months = r->f[F_RETAIN_MONTHS].i;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = order_retention_set(r->db, r->a, months, r->actor->user_id);
	long long days = r->f[F_DUP_DAYS].present ? r->f[F_DUP_DAYS].i : 0;
	if (rc == DB_OK && days)
		rc = order_dup_days_set(r->db, r->a, (int)days, r->actor->user_id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "order.retention", "", 0,
			       days ? arena_printf(r->a, "来电人信息保存 %lld 个月，疑似重复查找 %lld 天",
						   months, days)
				    : arena_printf(r->a, "来电人信息保存 %lld 个月", months));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/orders/retention?done=saved");
}
