/* 争议认定程序 (D7, D8): each jurisdiction's determination procedure —
 * which units act as 编办, 法制局 (or none) and convener, and its days —
 * as dated versions. The city's is the default of every county without
 * one in force. A dispute keeps the version in force on the day it was
 * opened, so versions are never edited or deleted: a change is a new
 * version with a later effective date. A county admin manages their own
 * county's and reads the city's. */
#include <string.h>

#include "audit_store.h"
#include "calendar_store.h"
#include "dispute.h"
#include "handlers.h"
#include "procedure_store.h"
#include "view.h"

/* The day ranges (D8); review days are dispute_review_days_ok's. */
#define ACCEPT_DAYS_MAX 5
#define OPINION_DAYS_MAX 10

static long long scope(const struct req *r)
{
	return r->actor->scope_jur;
}

static int refuse(struct req *r, int status, const char *msg)
{
	r->err_msg = msg;
	return status;
}

/* Rolls back the open transaction and refuses with a 400. */
static int refuse_tx(struct req *r, const char *msg)
{
	db_rollback(r->db);
	return refuse(r, 400, msg);
}

/* ---- the list ------------------------------------------------------------ */

/* Writes the versions of jurisdiction jur as PROC sections, newest first
 * (the list's order): those dated after today wait, the first dated today
 * or before is in force, older ones were replaced. Returns whether one is
 * in force. */
static int jur_versions(struct tdict *j, const struct procedure_row *v, size_t n,
			long long jur, const char *today)
{
	int in_force = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].jur_id != jur)
			continue;
		struct tdict *p = tmpl_section(j, "PROC");
		const char *from = v[i].effective_from;
		tmpl_set_int(p, "ID", v[i].id);
		tmpl_set(p, "FROM", from);
		tmpl_set(p, "ESTABLISHMENT", v[i].establishment_name);
		if (v[i].legal_name != NULL)
			tmpl_set(tmpl_section(p, "LEGAL"), "NAME", v[i].legal_name);
		else
			tmpl_show(p, "NO_LEGAL");
		tmpl_set(p, "CONVENER", v[i].convener_name);
		tmpl_set_int(p, "REVIEW", v[i].review_days);
		tmpl_set_int(p, "ACCEPT", v[i].accept_days);
		tmpl_set_int(p, "OPINION", v[i].opinion_days);
		/* YYYY-MM-DD compares as text. */
		if (strcmp(from, today) > 0) {
			tmpl_show(p, "FUTURE");
		} else if (!in_force) {
			tmpl_show(p, "CURRENT");
			in_force = 1;
		} else {
			tmpl_show(p, "PAST");
		}
	}
	return in_force;
}

int h_procedures(struct req *r)
{
	char today[11];
	calendar_today(today);
	struct procedure_jur_row *jurs;
	struct procedure_row *list;
	struct procedure_unit_row *units;
	size_t njurs, nlist, nunits;
	int rc = procedure_jurisdictions(r->db, r->a, scope(r), &jurs, &njurs);
	if (rc == DB_OK)
		rc = procedure_list(r->db, r->a, scope(r), &list, &nlist);
	if (rc == DB_OK)
		rc = procedure_units(r->db, r->a, scope(r), &units, &nunits);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "争议认定程序", "admin/procedures.tpl");
	tmpl_set(d, "TODAY", today);
	for (size_t i = 0; i < njurs; i++) {
		const struct procedure_jur_row *ju = &jurs[i];
		struct tdict *j = tmpl_section(d, "JUR");
		tmpl_set_int(j, "ID", ju->id);
		tmpl_set(j, "NAME", ju->name);
		if (!ju->active)
			tmpl_show(j, "JUR_INACTIVE");
		if (!jur_versions(j, list, nlist, ju->id, today))
			tmpl_show(j, ju->city ? "NONE" : "INHERITS");
		if (ju->active && (scope(r) == 0 || ju->id == scope(r))) {
			struct tdict *o = tmpl_section(d, "JUR_OPT");
			tmpl_set_int(o, "ID", ju->id);
			tmpl_set(o, "NAME", ju->name);
		}
	}
	for (size_t i = 0; i < nunits; i++) {
		struct tdict *o = tmpl_section(d, "UNIT_OPT");
		tmpl_set_int(o, "ID", units[i].id);
		tmpl_setf(o, "NAME", "%s · %s", units[i].jur_name, units[i].name);
	}
	return view_finish(r, 200);
}

/* ---- a new version ---------------------------------------------------------- */

/* Inside the transaction: whether unit id may act as role (编办 …) in a
 * procedure of jurisdiction jur: active, of jur or of the city. Returns 0
 * with *name set, or the status to return after rolling back. */
static int check_unit(struct req *r, long long id, long long jur,
		      const char *jur_name, const char *role, const char **name)
{
	struct procedure_unit_row *u;
	int rc = procedure_unit(r->db, r->a, id, &u);
	if (rc != DB_OK) {
		db_rollback(r->db);
		return db_status(rc);
	}
	if (u == NULL || !u->active)
		return refuse_tx(r, arena_printf(r->a, "所选%s单位不存在或已停用，未作任何修改。",
						 role));
	if (u->jur_id != jur && !u->city)
		return refuse_tx(r, arena_printf(r->a,
			"%s须为%s或市级的单位，「%s」属于%s，未作任何修改。",
			role, jur_name, u->name, u->jur_name));
	*name = u->name;
	return 0;
}

int h_procedure_create(struct req *r)
{
	long long jur = r->f[F_JURISDICTION_ID].i;
	long long est = r->f[F_ESTABLISHMENT_UNIT_ID].i;
	long long legal = r->f[F_LEGAL_UNIT_ID].present ? r->f[F_LEGAL_UNIT_ID].i : 0;
	long long convener = r->f[F_CONVENER_UNIT_ID].i;
	long long review = r->f[F_REVIEW_DAYS].i, accept = r->f[F_ACCEPT_DAYS].i;
	long long opinion = r->f[F_OPINION_DAYS].i;
	int no_legal = r->f[F_NO_LEGAL].present;
	const char *day = r->f[F_DATE].s;
	if (scope(r) != 0 && jur != scope(r))
		return refuse(r, 403, "只能管理本行政区域的争议认定程序。");
	if (day == NULL)
		return refuse(r, 400, "请填写生效日期。");
	if (!dispute_review_days_ok((int)review))
		return refuse(r, 400, "编办、法制局的审查时限须为 3 至 5 个工作日。");
	if (accept < 1 || accept > ACCEPT_DAYS_MAX)
		return refuse(r, 400, "牵头单位的签收时限须为 1 至 5 个工作日。");
	if (opinion < 1 || opinion > OPINION_DAYS_MAX)
		return refuse(r, 400, "涉及部门的意见时限须为 1 至 10 个工作日。");
	if (no_legal && legal != 0)
		return refuse(r, 400, "已勾选「不设法制局环节」，请不要同时选择法制局。");
	if (!no_legal && legal == 0)
		return refuse(r, 400, "请选择法制局，或勾选「不设法制局环节」。");
	if (legal != 0 && legal == est)
		return refuse(r, 400, "编办和法制局不能是同一个单位。");

	struct procedure_jur_row *j;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = procedure_jurisdiction_lock(r->db, r->a, jur, &j);
	if (rc != DB_OK) {
		db_rollback(r->db);
		return db_status(rc);
	}
	if (j == NULL || !j->active)
		return refuse_tx(r, "行政区域不存在或已停用。");
	const char *jur_name = j->name;
	const char *est_name = NULL, *legal_name = "不设法制局环节", *conv_name = NULL;
	int st = check_unit(r, est, jur, jur_name, "编办", &est_name);
	if (st == 0 && legal != 0)
		st = check_unit(r, legal, jur, jur_name, "法制局", &legal_name);
	if (st == 0)
		st = check_unit(r, convener, jur, jur_name, "召集单位", &conv_name);
	if (st != 0)
		return st;
	const char *dup = arena_printf(r->a,
		"%s已有自 %s 起生效的程序版本；同一天只能有一个版本，请选择其他生效日期。"
		"未作任何修改。", jur_name, day);
	long long same = 0;
	rc = procedure_on_date(r->db, r->a, jur, day, &same);
	if (rc == DB_OK && same != 0)
		return refuse_tx(r, dup);
	long long id = 0;
	if (rc == DB_OK)
		rc = procedure_insert(r->db, r->a, jur, day, est, legal, convener,
				      review, accept, opinion, r->actor->user_id, &id);
	if (rc == DB_DUP)
		return refuse_tx(r, dup);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "procedure.create", "procedure", id,
			       arena_printf(r->a,
				"%s自 %s 起：编办 %s，法制局 %s，召集单位 %s，审查时限 %lld 个工作日，"
				"签收时限 %lld 个工作日，意见时限 %lld 个工作日",
				jur_name, day, est_name, legal_name, conv_name,
				review, accept, opinion));
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/admin/procedures?done=created");
}
