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
#include "db.h"
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

/* Columns of procedure_list. */
enum { P_ID, P_JUR, P_FROM, P_EST, P_LEGAL, P_CONVENER, P_REVIEW, P_ACCEPT,
       P_OPINION };

/* Writes the versions of jurisdiction jur as PROC sections, newest first
 * (the list's order): those dated after today wait, the first dated today
 * or before is in force, older ones were replaced. Returns whether one is
 * in force. */
static int jur_versions(struct tdict *j, const struct dbres *list,
			long long jur, const char *today)
{
	int in_force = 0;
	for (size_t i = 0; i < list->nrows; i++) {
		if (db_int(list, i, P_JUR) != jur)
			continue;
		struct tdict *p = tmpl_section(j, "PROC");
		const char *from = db_cell(list, i, P_FROM);
		tmpl_set(p, "ID", db_cell(list, i, P_ID));
		tmpl_set(p, "FROM", from);
		tmpl_set(p, "ESTABLISHMENT", db_cell(list, i, P_EST));
		if (db_cell(list, i, P_LEGAL) != NULL)
			tmpl_set(tmpl_section(p, "LEGAL"), "NAME", db_cell(list, i, P_LEGAL));
		else
			tmpl_show(p, "NO_LEGAL");
		tmpl_set(p, "CONVENER", db_cell(list, i, P_CONVENER));
		tmpl_set(p, "REVIEW", db_cell(list, i, P_REVIEW));
		tmpl_set(p, "ACCEPT", db_cell(list, i, P_ACCEPT));
		tmpl_set(p, "OPINION", db_cell(list, i, P_OPINION));
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
	struct dbres jurs, list, units;
	int rc = procedure_jurisdictions(r->db, r->a, scope(r), &jurs);
	if (rc == DB_OK)
		rc = procedure_list(r->db, r->a, scope(r), &list);
	if (rc == DB_OK)
		rc = procedure_units(r->db, r->a, scope(r), &units);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "争议认定程序", "admin/procedures.tpl");
	tmpl_set(d, "TODAY", today);
	for (size_t i = 0; i < jurs.nrows; i++) {
		long long id = db_int(&jurs, i, 0);
		int city = (int)db_int(&jurs, i, 2), active = (int)db_int(&jurs, i, 3);
		struct tdict *j = tmpl_section(d, "JUR");
		tmpl_set(j, "ID", db_cell(&jurs, i, 0));
		tmpl_set(j, "NAME", db_cell(&jurs, i, 1));
		if (!active)
			tmpl_show(j, "JUR_INACTIVE");
		if (!jur_versions(j, &list, id, today))
			tmpl_show(j, city ? "NONE" : "INHERITS");
		if (active && (scope(r) == 0 || id == scope(r))) {
			struct tdict *o = tmpl_section(d, "JUR_OPT");
			tmpl_set(o, "ID", db_cell(&jurs, i, 0));
			tmpl_set(o, "NAME", db_cell(&jurs, i, 1));
		}
	}
	for (size_t i = 0; i < units.nrows; i++) {
		struct tdict *o = tmpl_section(d, "UNIT_OPT");
		tmpl_set(o, "ID", db_cell(&units, i, 0));
		tmpl_setf(o, "NAME", "%s · %s", db_cell(&units, i, 3), db_cell(&units, i, 1));
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
	struct dbres u;
	int rc = procedure_unit(r->db, r->a, id, &u);
	if (rc != DB_OK) {
		db_rollback(r->db);
		return db_status(rc);
	}
	if (u.nrows == 0 || !db_int(&u, 0, 5))
		return refuse_tx(r, arena_printf(r->a, "所选%s单位不存在或已停用，未作任何修改。",
						 role));
	if (db_int(&u, 0, 2) != jur && !db_int(&u, 0, 4))
		return refuse_tx(r, arena_printf(r->a,
			"%s须为%s或市级的单位，「%s」属于%s，未作任何修改。",
			role, jur_name, db_cell(&u, 0, 1), db_cell(&u, 0, 3)));
	*name = db_cell(&u, 0, 1);
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

	struct dbres j, same;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = procedure_jurisdiction_lock(r->db, r->a, jur, &j);
	if (rc != DB_OK) {
		db_rollback(r->db);
		return db_status(rc);
	}
	if (j.nrows == 0 || !db_int(&j, 0, 3))
		return refuse_tx(r, "行政区域不存在或已停用。");
	const char *jur_name = db_cell(&j, 0, 1);
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
	rc = procedure_on_date(r->db, r->a, jur, day, &same);
	if (rc == DB_OK && same.nrows > 0)
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
