/* 知识使用授权与导出 (K6): each entry belongs to its unit; another unit
 * uses it only with the owner's approval and the office's consent, and
 * exports only its own entries and those it was granted. */
#include <string.h>

#include "audit_store.h"
#include "calendar_store.h"
#include "handlers.h"
#include "kb.h"
#include "kb_store.h"
#include "kb_xml.h"
#include "org_store.h"
#include "roles.h"
#include "view.h"

/* Whether the actor is the office that decides grant g: a coordinator
 * whose jurisdiction (or the whole city) holds both units. */
static int deciding_office(const struct actor *ac, const struct kb_grant_row *g)
{
	return caps_allow(ac->caps, 1, CAP_DISPATCH) &&
	       (ac->scope_jur == 0 || (g->owner_jur == ac->scope_jur &&
				       g->grantee_jur == ac->scope_jur));
}

int h_kb_grants(struct req *r)
{
	const struct actor *ac = r->actor;
	int office = caps_allow(ac->caps, 1, CAP_DISPATCH);
	if (!office && ac->unit_id == 0)
		return 403;
	struct kb_grant_row *g;
	struct unit_row *units;
	size_t ng, nunits = 0;
	int rc = kb_grants(r->db, r->a, office ? 0 : ac->unit_id, office ? ac->scope_jur : 0,
			    &g, &ng);
	if (rc == DB_OK)
		rc = unit_list(r->db, r->a, 0, &units, &nunits);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "知识使用授权", "knowledge/grants.tpl");
	for (size_t i = 0; i < ng; i++) {
		struct tdict *row = tmpl_section(d, "GRANT");
		tmpl_set_int(row, "ID", g[i].id);
		tmpl_set(row, "OWNER", g[i].owner_name);
		tmpl_set(row, "GRANTEE", g[i].grantee_name);
		tmpl_set(row, "PURPOSE", g[i].purpose);
		tmpl_set(row, "EXPIRES", g[i].expires_on);
		tmpl_set(row, "REQUESTER", g[i].requester);
		int st = kb_grant_from_code(g[i].state);
		tmpl_set(row, "STATE", st >= 0 ? kb_grant_labels[st] : "");
		int owner_approver = g[i].owner_id == ac->unit_id &&
				     caps_allow(ac->caps, 1, CAP_KB_APPROVE);
		office = deciding_office(ac, &g[i]);
		if (st >= 0 && kb_grant_transition((enum kb_grant_state)st, KBG_APPROVE,
						   owner_approver, office) >= 0)
			tmpl_show(row, "CAN_APPROVE");
		if (st >= 0 && kb_grant_transition((enum kb_grant_state)st, KBG_CONSENT,
						   owner_approver, office) >= 0)
			tmpl_show(row, "CAN_CONSENT");
		if (st >= 0 && kb_grant_transition((enum kb_grant_state)st, KBG_REFUSE,
						   owner_approver, office) >= 0)
			tmpl_show(row, "CAN_REFUSE");
	}
	if (ng == 0)
		tmpl_show(d, "EMPTY");
	if (caps_allow(ac->caps, 1, CAP_KB_EDIT)) {
		struct tdict *f = tmpl_section(d, "REQUEST");
		for (size_t i = 0; i < nunits; i++) {
			if (units[i].id == ac->unit_id || !units[i].active)
				continue;
			struct tdict *o = tmpl_section(f, "UNIT_OPT");
			tmpl_set_int(o, "ID", units[i].id);
			tmpl_set(o, "NAME", units[i].name);
		}
		tmpl_show(d, "CAN_EXPORT");
	}
	return view_finish(r, 200);
}

int h_kb_grant_request(struct req *r)
{
	const struct actor *ac = r->actor;
	long long owner = r->f[F_UNIT_ID].i;
	char day[11];
	calendar_today(day);
	if (ac->unit_id == 0 || owner == ac->unit_id) {
		r->err_msg = "只能申请使用其他单位的知识。";
		return 400;
	}
	if (strcmp(r->f[F_DATE].s, day) <= 0) {
		r->err_msg = "有效期须晚于今天。";
		return 400;
	}
	struct unit_row *u;
	int rc = unit_get(r->db, r->a, 0, owner, &u);
	if (rc != DB_OK)
		return db_status(rc);
	if (u == NULL)
		return 404;
	long long id = 0;
	rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kb_grant_insert(r->db, r->a, owner, ac->unit_id, r->f[F_MESSAGE].s,
				      r->f[F_DATE].s, ac->user_id, &id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.grant.request", "kb_grant", id,
			       arena_printf(r->a, "申请使用 %s 的知识至 %s：%s", u->name,
					    r->f[F_DATE].s, r->f[F_MESSAGE].s));
	if (rc == DB_OK)
		rc = db_commit(r->db);
	if (rc != DB_OK) {
		db_rollback(r->db);
		return db_status(rc);
	}
	return http_redirect(r, "/knowledge/grants?done=created");
}

/* approve (owner's approver), consent (office), refuse (either, in turn) */
static int grant_step(struct req *r, enum kb_grant_action action, const char *audit)
{
	const struct actor *ac = r->actor;
	struct kb_grant_row *g;
	int rc = kb_grant(r->db, r->a, r->id, &g);
	if (rc != DB_OK)
		return db_status(rc);
	int office = g != NULL && deciding_office(ac, g);
	if (g == NULL || (!office && g->owner_id != ac->unit_id && g->grantee_id != ac->unit_id))
		return 404;
	int owner_approver = g->owner_id == ac->unit_id &&
			     caps_allow(ac->caps, 1, CAP_KB_APPROVE);
	int st = kb_grant_from_code(g->state);
	int next = st < 0 ? -1 : kb_grant_transition((enum kb_grant_state)st, action,
						       owner_approver, office);
	if (next < 0) {
		r->err_msg = "当前状态下您不能进行此操作。";
		return 403;
	}
	rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = kb_grant_set(r->db, r->a, r->id, g->state, kb_grant_codes[next], ac->user_id);
	if (rc == DB_CONFLICT)   /* decided by someone else meanwhile */
		r->err_msg = "当前状态下您不能进行此操作。";
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, audit, "kb_grant", r->id,
			       arena_printf(r->a, "%s 使用 %s 的知识：%s", g->grantee_name,
					    g->owner_name, kb_grant_labels[next]));
	if (rc == DB_OK)
		rc = db_commit(r->db);
	if (rc != DB_OK) {
		db_rollback(r->db);
		return db_status(rc);
	}
	return http_redirect(r, "/knowledge/grants?done=saved");
}

int h_kb_grant_approve(struct req *r) { return grant_step(r, KBG_APPROVE, "kb.grant.approve"); }
int h_kb_grant_consent(struct req *r) { return grant_step(r, KBG_CONSENT, "kb.grant.consent"); }
int h_kb_grant_refuse(struct req *r) { return grant_step(r, KBG_REFUSE, "kb.grant.refuse"); }

/* The unit's own entries and those of units that granted it use, as XML. */
int h_kb_export(struct req *r)
{
	const struct actor *ac = r->actor;
	if (ac->unit_id == 0)
		return 403;
	char day[11];
	calendar_today(day);
	struct kb_grantor_row *granted;
	size_t n;
	int rc = kb_grantors(r->db, r->a, ac->unit_id, day, &granted, &n);
	if (rc != DB_OK)
		return db_status(rc);
	long long *ids = arena_alloc(r->a, (n + 1) * sizeof *ids);
	ids[0] = ac->unit_id;
	for (size_t i = 0; i < n; i++)
		ids[i + 1] = granted[i].unit_id;
	rc = kb_xml_write(r->db, r->a, ids, n + 1, &r->out);
	if (rc == DB_OK)
		rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "kb.export", "unit", ac->unit_id,
			       arena_printf(r->a, "导出本单位及 %zu 个授权单位的知识", n));
	if (rc == DB_OK)
		rc = db_commit(r->db);
	if (rc != DB_OK) {
		db_rollback(r->db);
		r->out.len = 0;
		return db_status(rc);
	}
	r->ctype = "application/xml; charset=utf-8";
	http_header(r, "Content-Disposition", "attachment; filename=\"kb-export.xml\"");
	r->status = 200;
	return 200;
}
