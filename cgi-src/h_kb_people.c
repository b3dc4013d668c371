/* 知识维护责任人 (K8.1): each member unit names the leader in charge
 * (分管领导) and the person responsible (责任人) for its knowledge, with
 * their phones; its approver keeps them, the office sees every unit's and
 * which have named none. */
#include <string.h>

#include "assess_store.h"
#include "audit_store.h"
#include "handlers.h"
#include "order.h"
#include "roles.h"
#include "view.h"

static const enum field people_fields[] = {
	F_LEADER_NAME, F_LEADER_PHONE, F_OWNER_NAME, F_OWNER_PHONE,
};

/* The office's table: every member unit in scope, those without people
 * first and marked. */
static int fill_office(struct req *r, struct tdict *d)
{
	struct kb_people_row *p;
	size_t n;
	int rc = kb_people_list(r->db, r->a, r->actor->scope_jur, &p, &n);
	if (rc != DB_OK)
		return db_status(rc);
	int missing = 0;
	struct tdict *o = tmpl_section(d, "OFFICE");
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(o, "UNIT");
		tmpl_set(row, "UNIT", p[i].unit);
		tmpl_set(row, "JUR", p[i].jur);
		if (p[i].leader_name == NULL) {
			tmpl_show(row, "NONE");
			missing++;
			continue;
		}
		struct tdict *g = tmpl_section(row, "NAMED");
		tmpl_set(g, "LEADER", p[i].leader_name);
		tmpl_set(g, "LEADER_PHONE", p[i].leader_phone);
		tmpl_set(g, "OWNER", p[i].owner_name);
		tmpl_set(g, "OWNER_PHONE", p[i].owner_phone);
		tmpl_set(g, "UPDATED", p[i].updated);
	}
	tmpl_set_int(o, "MISSING", missing);
	tmpl_set_int(o, "TOTAL", (long long)n);
	return 0;
}

/* The actor's own unit: its people, and the form for its approver. With
 * refused (a refused save) the form again as sent, faults marked. */
static int fill_own(struct req *r, struct tdict *d, int refused, const char *const *missing,
		    size_t nmissing, const char *const *bad, size_t nbad)
{
	struct kb_people_row *p;
	int rc = kb_people_get(r->db, r->a, r->actor->unit_id, &p);
	if (rc != DB_OK)
		return db_status(rc);
	if (p == NULL)
		return 0;
	struct tdict *u = tmpl_section(d, "OWN");
	tmpl_set(u, "UNIT", p->unit);
	if (p->leader_name == NULL)
		tmpl_show(u, "NONE");
	if (!caps_allow(r->actor->caps, 1, CAP_KB_APPROVE)) {
		struct tdict *s = tmpl_section(u, "SHOW");
		tmpl_set(s, "LEADER", p->leader_name ? p->leader_name : "—");
		tmpl_set(s, "LEADER_PHONE", p->leader_phone);
		tmpl_set(s, "OWNER", p->owner_name ? p->owner_name : "—");
		tmpl_set(s, "OWNER_PHONE", p->owner_phone);
		return 0;
	}
	struct tdict *f = tmpl_section(u, "FORM");
	if (refused) {
		view_refused_form(r, f, "", r->err_msg, people_fields, 4, missing, nmissing);
		for (size_t i = 0; i < nbad; i++)
			view_mark_field(r, f, "", bad[i], "请填写有效的电话号码。");
		return 0;
	}
	tmpl_set(f, "V_LEADER_NAME", p->leader_name ? p->leader_name : "");
	tmpl_set(f, "V_LEADER_PHONE", p->leader_phone);
	tmpl_set(f, "V_OWNER_NAME", p->owner_name ? p->owner_name : "");
	tmpl_set(f, "V_OWNER_PHONE", p->owner_phone);
	return 0;
}

static int people_page(struct req *r, int status, const char *const *missing, size_t nmissing,
		       const char *const *bad, size_t nbad)
{
	struct tdict *d = view_page(r, "知识维护责任人", "knowledge/people.tpl");
	int st = 0;
	if (caps_allow(r->actor->caps, 1, CAP_DISPATCH))
		st = fill_office(r, d);
	if (st == 0 && r->actor->unit_id != 0)
		st = fill_own(r, d, status != 200, missing, nmissing, bad, nbad);
	return st ? st : view_finish(r, status);
}

int h_kb_people(struct req *r)
{
	return people_page(r, 200, NULL, 0, NULL, 0);
}

int h_kb_people_save(struct req *r)
{
	const char *missing[4], *bad[2];
	size_t nmissing = 0, nbad = 0;
	for (size_t i = 0; i < 4; i++)
		if (!r->f[people_fields[i]].present)
			missing[nmissing++] = field_defs[people_fields[i]].name;
	if (r->f[F_LEADER_PHONE].present && !order_phone_valid(r->f[F_LEADER_PHONE].s))
		bad[nbad++] = "leader_phone";
	if (r->f[F_OWNER_PHONE].present && !order_phone_valid(r->f[F_OWNER_PHONE].s))
		bad[nbad++] = "owner_phone";
	if (nmissing + nbad > 0) {
		r->err_msg = "分管领导、责任人及其电话均须填写，电话须为有效号码。";
		return people_page(r, 400, missing, nmissing, bad, nbad);
	}
	const struct kb_people p = {
		.leader_name = r->f[F_LEADER_NAME].s, .leader_phone = r->f[F_LEADER_PHONE].s,
		.owner_name = r->f[F_OWNER_NAME].s, .owner_phone = r->f[F_OWNER_PHONE].s,
	};
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kb_people_put(r->db, r->a, r->actor->unit_id, &p, r->actor->user_id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.people", "unit", r->actor->unit_id,
			       arena_printf(r->a, "分管领导：%s %s；责任人：%s %s", p.leader_name,
					    p.leader_phone, p.owner_name, p.owner_phone));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/knowledge/people?done=saved");
}
