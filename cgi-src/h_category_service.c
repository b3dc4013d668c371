/* What a category says to the intake and to other systems (issue 16):
 * 不予受理/转其他渠道 (the channel a matter belongs to, the script the
 * operator reads, the keywords that bring the script up), its Open311
 * description, and the attributes a request of it must bring. Shown on
 * the category's page (h_categories.c); only a city admin changes them. */
#include <string.h>

#include "audit_store.h"
#include "category_store.h"
#include "handlers.h"
#include "order.h"
#include "view.h"

static const char *const datatypes[] = { "string", "number", "text", "singlevaluelist", NULL };
static const char *const datatype_labels[] = { "单行文字", "数字", "多行文字", "单选列表" };

static int city_admin(struct req *r)
{
	if (r->actor->scope_jur == 0)
		return 0;
	r->err_msg = "问题分类由市级系统管理员统一维护，全市共用；县（市、区）系统管理员只能查看。";
	return 403;
}

int category_service_fill(struct req *r, struct tdict *d, long long id)
{
	struct category_service_row *c;
	struct category_attr_row *a;
	size_t n;
	int rc = category_service_get(r->db, r->a, id, &c);
	if (rc == DB_OK)
		rc = category_attrs(r->db, r->a, id, &a, &n);
	if (rc != DB_OK)
		return db_status(rc);
	if (c == NULL)
		return 404;
	tmpl_set(d, "REFER_CHANNEL", c->refer_channel ? c->refer_channel : "");
	tmpl_set(d, "REFER_SCRIPT", c->refer_script);
	tmpl_set(d, "REFER_KEYWORDS", c->refer_keywords);
	tmpl_set(d, "SERVICE_DESCRIPTION", c->description);
	for (size_t i = 0; i < n; i++) {
		struct tdict *s = tmpl_section(d, "ATTR");
		tmpl_set_int(s, "ID", a[i].id);
		tmpl_set(s, "CODE", a[i].code);
		for (int k = 0; datatypes[k]; k++)
			if (strcmp(datatypes[k], a[i].datatype) == 0)
				tmpl_set(s, "DATATYPE", datatype_labels[k]);
		tmpl_set(s, "DESCRIPTION", a[i].description);
		tmpl_set(s, "VALUES", a[i].list_values);
		if (a[i].required)
			tmpl_show(s, "REQUIRED");
	}
	for (int k = 0; datatypes[k]; k++) {
		struct tdict *o = tmpl_section(d, "DATATYPE_OPT");
		tmpl_set(o, "CODE", datatypes[k]);
		tmpl_set(o, "LABEL", datatype_labels[k]);
	}
	return 0;
}

int h_category_service(struct req *r)
{
	int st = city_admin(r);
	if (st)
		return st;
	const char *channel = req_str(r, F_REFER_CHANNEL), *script = req_str(r, F_REFER_SCRIPT);
	if (*channel && *script == '\0') {
		r->err_msg = "转其他渠道的事项须写明答复口径。";
		return 400;
	}
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = category_service_set(r->db, r->a, r->id, channel, script,
					  order_keywords_normal(r->a, req_str(r, F_REFER_KEYWORDS)),
					  req_str(r, F_SERVICE_DESCRIPTION));
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "category.service", "category", r->id,
			       *channel ? arena_printf(r->a, "不予受理/转%s", channel)
					: "工单受理事项");
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/admin/categories/%lld?done=saved",
						       r->id));
}

int h_category_attribute_add(struct req *r)
{
	int st = city_admin(r);
	if (st)
		return st;
	const char *type = req_str(r, F_DATATYPE);
	int known = 0;
	for (int k = 0; datatypes[k]; k++)
		known |= strcmp(datatypes[k], type) == 0;
	const char *values = req_str(r, F_LIST_VALUES);
	if (!known || (strcmp(type, "singlevaluelist") == 0 && strchr(values, '=') == NULL)) {
		r->err_msg = known ? "单选列表须列出可选值，每行一个“编码=名称”。" : "请选择数据类型。";
		return 400;
	}
	long long attr = 0;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = category_attr_add(r->db, r->a, r->id, r->f[F_ATTR_CODE].s, type,
				       r->f[F_REQUIRED].present, r->f[F_ATTR_DESCRIPTION].s,
				       values, &attr);
	if (rc == DB_DUP || rc == DB_FK) {
		db_rollback(r->db);
		r->err_msg = rc == DB_DUP ? "该分类已有同一编码的附加信息。" : NULL;
		return rc == DB_DUP ? 400 : 404;
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "category.attribute", "category", r->id,
			       arena_printf(r->a, "附加信息 %s（%s）", r->f[F_ATTR_CODE].s, type));
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/admin/categories/%lld?done=saved",
						       r->id));
}

int h_category_attribute_off(struct req *r)
{
	int st = city_admin(r);
	if (st)
		return st;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = category_attr_off(r->db, r->a, r->id);
	if (rc == DB_CONFLICT) {
		db_rollback(r->db);
		return 404;
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "category.attribute_off", "attribute", r->id, "停用");
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/admin/categories?done=saved");
}
