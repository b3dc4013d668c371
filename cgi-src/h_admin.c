/* 系统管理: jurisdictions, units, users and their memberships. Every query
 * carries the admin's scope (the whole city, or one county); nothing is
 * deleted, only deactivated. */
#include <string.h>

#include "audit_store.h"
#include "auth.h"
#include "handlers.h"
#include "org_store.h"
#include "roles.h"
#include "user_store.h"
#include "view.h"

static long long scope(const struct req *r)
{
	return r->actor->scope_jur;
}

/* Ends a change: commit, or roll back and map the error to a status. Every
 * change here can alter what a session knows of its user (name, roles,
 * unit), so each one marks the session snapshots stale. */
static int finish_tx(struct req *r, int rc)
{
	if (rc == DB_OK)
		rc = org_bump(r->db, r->a);
	return end_tx(r, rc);
}

static int bad_request(struct req *r, const char *msg)
{
	r->err_msg = msg;
	return 400;
}

/* ---- jurisdictions ---------------------------------------------------- */

int h_jurisdictions(struct req *r)
{
	struct jur_row *j;
	size_t n;
	int rc = jur_list(r->db, r->a, scope(r), &j, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "行政区域", "admin/jurisdictions.tpl");
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "JUR");
		tmpl_set_int(row, "ID", j[i].id);
		tmpl_set(row, "CODE", j[i].code);
		tmpl_set(row, "NAME", j[i].name);
		tmpl_set(row, "PARENT", j[i].parent_name ? j[i].parent_name : "—");
		tmpl_set_int(row, "UNITS", j[i].units);
		tmpl_show(row, j[i].active ? "ACTIVE" : "INACTIVE");
		if (j[i].parent_id == 0) {
			struct tdict *p = tmpl_section(d, "PARENT_OPT");
			tmpl_set_int(p, "ID", j[i].id);
			tmpl_set(p, "NAME", j[i].name);
		}
	}
	if (scope(r) == 0)
		tmpl_show(d, "CAN_CREATE");
	return view_finish(r, 200);
}

int h_jurisdiction_create(struct req *r)
{
	/* Only the city adds jurisdictions. */
	if (scope(r) != 0) {
		r->err_msg = "只有市级系统管理员可以新增行政区域。";
		return 403;
	}
	long long id = 0;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = jur_insert(r->db, r->a, r->f[F_CODE].s, r->f[F_NAME].s,
				r->f[F_PARENT_ID].i, &id);
	if (rc == DB_DUP) {
		db_rollback(r->db);
		return bad_request(r, "该编码已被使用。");
	}
	if (rc == DB_FK) {
		db_rollback(r->db);
		return bad_request(r, "上级行政区域不存在。");
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "jurisdiction.create", "jurisdiction", id,
			       arena_printf(r->a, "%s %s", r->f[F_CODE].s,
					    r->f[F_NAME].s));
	int st = finish_tx(r, rc);
	return st ? st : http_redirect(r, "/admin/jurisdictions?done=created");
}

int h_jurisdiction_update(struct req *r)
{
	int changed = 0, active = r->f[F_ACTIVE].present;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = jur_update(r->db, r->a, scope(r), r->id, r->f[F_NAME].s,
				active, &changed);
	if (rc == DB_OK && !changed) {
		db_rollback(r->db);
		return 404;
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "jurisdiction.update", "jurisdiction", r->id,
			       arena_printf(r->a, "名称 %s，%s", r->f[F_NAME].s,
					    active ? "启用" : "停用"));
	int st = finish_tx(r, rc);
	return st ? st : http_redirect(r, "/admin/jurisdictions?done=saved");
}

/* ---- units ------------------------------------------------------------ */

/* Writes units in tree order: each unit followed by its children,
 * depth-first, within its jurisdiction (parent 0: the top level). */
static void unit_tree(struct tdict *d, const struct unit_row *u, size_t n,
		      long long parent, int depth, int *seen)
{
	for (size_t i = 0; i < n; i++) {
		if (u[i].parent_id != parent || seen[i])
			continue;
		seen[i] = 1;
		struct tdict *row = tmpl_section(d, "UNIT");
		tmpl_set_int(row, "ID", u[i].id);
		tmpl_set(row, "CODE", u[i].code);
		tmpl_set(row, "NAME", u[i].name);
		tmpl_set(row, "KIND", unit_kind_label(u[i].kind));
		tmpl_set(row, "JURISDICTION", u[i].jur_name);
		tmpl_set_int(row, "DEPTH", depth > 4 ? 4 : depth);
		if (!u[i].active)
			tmpl_show(row, "INACTIVE");
		if (depth < 16)
			unit_tree(d, u, n, u[i].id, depth + 1, seen);
	}
}

static void kind_options(struct tdict *d, const char *selected)
{
	for (size_t i = 0; unit_kinds[i] != NULL; i++) {
		struct tdict *o = tmpl_section(d, "KIND_OPT");
		tmpl_set(o, "VALUE", unit_kinds[i]);
		tmpl_set(o, "LABEL", unit_kind_label(unit_kinds[i]));
		if (selected && strcmp(selected, unit_kinds[i]) == 0)
			tmpl_show(o, "SELECTED");
	}
}

/* Options for choosing a unit: every active unit of u but skip, selected
 * marked (0: none). */
static void unit_options(struct tdict *d, const char *section, const struct unit_row *u,
			 size_t n, long long selected, long long skip)
{
	for (size_t i = 0; i < n; i++) {
		if (!u[i].active || u[i].id == skip)
			continue;
		struct tdict *o = tmpl_section(d, section);
		tmpl_set_int(o, "ID", u[i].id);
		tmpl_setf(o, "NAME", "%s · %s", u[i].jur_name, u[i].name);
		if (u[i].id == selected)
			tmpl_show(o, "SELECTED");
	}
}

int h_units(struct req *r)
{
	struct unit_row *u;
	struct jur_row *j;
	size_t nu, nj;
	long long jur = scope(r);
	if (r->f[F_JURISDICTION_ID].present && (jur == 0 || jur == r->f[F_JURISDICTION_ID].i))
		jur = r->f[F_JURISDICTION_ID].i;
	int rc = unit_list(r->db, r->a, jur, &u, &nu);
	if (rc == DB_OK)
		rc = jur_list(r->db, r->a, scope(r), &j, &nj);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "单位管理", "admin/units.tpl");
	/* Top-level units first, then anything whose parent is out of
	 * view (so that no unit is ever hidden). */
	int *seen = arena_zalloc(r->a, (nu + 1) * sizeof *seen);
	unit_tree(d, u, nu, 0, 0, seen);
	for (size_t i = 0; i < nu; i++)
		if (!seen[i])
			unit_tree(d, u, nu, u[i].parent_id, 0, seen);
	for (size_t i = 0; i < nj; i++) {
		struct tdict *o = tmpl_section(d, "JUR_OPT");
		tmpl_set_int(o, "ID", j[i].id);
		tmpl_set(o, "NAME", j[i].name);
	}
	kind_options(d, "department");
	unit_options(d, "PARENT_OPT", u, nu, 0, 0);
	return view_finish(r, 200);
}

int h_unit_create(struct req *r)
{
	const char *kind = r->f[F_KIND].s;
	long long jur = r->f[F_JURISDICTION_ID].i;
	if (unit_kind_label(kind) == NULL)
		return bad_request(r, "单位类型无效。");
	if (scope(r) != 0 && jur != scope(r)) {
		r->err_msg = "只能在本行政区域内新增单位。";
		return 403;
	}
	long long id = 0;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = unit_parent_ok(r->db, r->a, scope(r), jur, 0, r->f[F_PARENT_ID].i);
	if (rc == UNIT_PARENT_ELSEWHERE) {
		db_rollback(r->db);
		return bad_request(r, "上级单位须为同一行政区域的单位。");
	}
	if (rc == UNIT_PARENT_OK)
		rc = unit_insert(r->db, r->a, r->f[F_CODE].s, r->f[F_NAME].s, kind,
				 jur, r->f[F_PARENT_ID].i, &id);
	if (rc == DB_DUP || rc == DB_FK) {
		db_rollback(r->db);
		return bad_request(r, rc == DB_DUP ? "该单位编码已被使用。"
						   : "行政区域或上级单位无效（上级单位须在同一行政区域）。");
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "unit.create", "unit", id,
			       arena_printf(r->a, "%s %s（%s）", r->f[F_CODE].s,
					    r->f[F_NAME].s, unit_kind_label(kind)));
	int st = finish_tx(r, rc);
	return st ? st : http_redirect(r, "/admin/units?done=created");
}

/* The unit's form; after a refused save (status 400/409, refused) with
 * what was sent, the message at the top and the parent marked. */
static int unit_form(struct req *r, int status, int refused)
{
	struct unit_row *u, *same;
	size_t n;
	int rc = unit_get(r->db, r->a, scope(r), r->id, &u);
	if (rc != DB_OK)
		return db_status(rc);
	if (u == NULL)
		return 404;
	/* Parents: units of the same jurisdiction, never the unit itself. */
	rc = unit_list(r->db, r->a, u->jur_id, &same, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "编辑单位", "admin/unit.tpl");
	tmpl_set_int(d, "ID", u->id);
	tmpl_set(d, "CODE", u->code);
	tmpl_set(d, "TITLE_NAME", u->name);
	tmpl_set(d, "JURISDICTION", u->jur_name);
	if (refused) {
		view_alert(r, r->err_msg);
		tmpl_set(d, "NAME", req_str(r, F_NAME));
		if (r->f[F_ACTIVE].present)
			tmpl_show(d, "ACTIVE");
		kind_options(d, req_str(r, F_KIND));
		unit_options(d, "PARENT_OPT", same, n, r->f[F_PARENT_ID].i, u->id);
		tmpl_set(tmpl_section(d, "PARENT_ERR"), "MSG", r->err_msg);
		return view_finish(r, status);
	}
	tmpl_set(d, "NAME", u->name);
	if (u->active)
		tmpl_show(d, "ACTIVE");
	kind_options(d, u->kind);
	unit_options(d, "PARENT_OPT", same, n, u->parent_id, u->id);
	return view_finish(r, 200);
}

int h_unit_form(struct req *r)
{
	return unit_form(r, 200, 0);
}

int h_unit_update(struct req *r)
{
	const char *kind = r->f[F_KIND].s;
	if (unit_kind_label(kind) == NULL)
		return bad_request(r, "单位类型无效。");
	int changed = 0, active = r->f[F_ACTIVE].present;
	struct unit_row *u;
	int rc = unit_get(r->db, r->a, scope(r), r->id, &u);
	if (rc != DB_OK)
		return db_status(rc);
	if (u == NULL)
		return 404;
	rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = unit_parent_ok(r->db, r->a, scope(r), u->jur_id, r->id,
				    r->f[F_PARENT_ID].i);
	if (rc == UNIT_PARENT_ELSEWHERE || rc == UNIT_PARENT_CYCLE) {
		db_rollback(r->db);
		r->err_msg = rc == UNIT_PARENT_CYCLE
				     ? "上级单位不能是本单位或本单位的下级单位（单位之间不能形成循环）。"
				     : "上级单位无效（须为同一行政区域的其他单位）。";
		return unit_form(r, 400, 1);
	}
	if (rc == UNIT_PARENT_OK)
		rc = unit_update(r->db, r->a, scope(r), r->id, r->f[F_NAME].s, kind,
				 r->f[F_PARENT_ID].i, active, &changed);
	if (rc == DB_OK && !changed) {
		db_rollback(r->db);
		return 404;
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, active ? "unit.update" : "unit.deactivate", "unit",
			       r->id, arena_printf(r->a, "%s（%s），%s", r->f[F_NAME].s,
						   unit_kind_label(kind),
						   active ? "启用" : "停用"));
	int st = finish_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/admin/units/%lld?done=saved", r->id));
}

/* ---- users -------------------------------------------------------------- */

static void role_options(struct tdict *d)
{
	for (int ro = 0; ro < ROLE__MAX; ro++) {
		struct tdict *o = tmpl_section(d, "ROLE_OPT");
		tmpl_set(o, "VALUE", role_defs[ro].code);
		tmpl_set(o, "LABEL", role_defs[ro].label);
	}
}

/* "clerk@市人社局; …" from the store, with role codes in Chinese. */
static const char *roles_text(struct req *r, const char *s)
{
	if (s == NULL)
		return "—";
	struct buf b;
	buf_init(&b, r->a);
	while (*s) {
		const char *at = strchr(s, '@');
		const char *end = strstr(s, "; ");
		if (end == NULL)
			end = s + strlen(s);
		if (at != NULL && at < end) {
			char *code = arena_strndup(r->a, s, (size_t)(at - s));
			int ro = role_from_code(code);
			buf_puts(&b, ro >= 0 ? role_defs[ro].label : code);
			buf_add(&b, at, (size_t)(end - at));
		}
		if (*end == '\0')
			break;
		buf_puts(&b, "；");
		s = end + 2;
	}
	return buf_str(&b);
}

int h_users(struct req *r)
{
	const char *q = req_str(r, F_Q);
	struct user_list_row *users;
	struct unit_row *u;
	size_t n, nu;
	int rc = user_list(r->db, r->a, scope(r), q, &users, &n);
	if (rc == DB_OK)
		rc = unit_list(r->db, r->a, scope(r), &u, &nu);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "用户管理", "admin/users.tpl");
	tmpl_set(d, "Q", q);
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "USER");
		tmpl_set_int(row, "ID", users[i].id);
		tmpl_set(row, "USERNAME", users[i].username);
		tmpl_set(row, "NAME", users[i].display_name);
		tmpl_set(row, "PHONE", users[i].phone);
		tmpl_set(row, "ROLES", roles_text(r, users[i].roles));
		if (!users[i].active)
			tmpl_show(row, "INACTIVE");
		if (users[i].locked)
			tmpl_show(row, "LOCKED");
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	unit_options(d, "UNIT_OPT", u, nu, 0, 0);
	role_options(d);
	return view_finish(r, 200);
}

/* Whether unit_id is an active unit inside the admin's scope. */
static int unit_in_scope(struct req *r, long long unit_id, int *rc)
{
	struct unit_row *u;
	*rc = unit_get(r->db, r->a, scope(r), unit_id, &u);
	return *rc == DB_OK && u != NULL && u->active;
}

int h_user_create(struct req *r)
{
	const char *role = r->f[F_ROLE].s;
	if (role_from_code(role) < 0)
		return bad_request(r, "角色无效。");
	const char *problem = auth_password_problem(r->f[F_NEW_PASSWORD].s);
	if (problem != NULL)
		return bad_request(r, problem);
	int rc;
	if (!unit_in_scope(r, r->f[F_UNIT_ID].i, &rc)) {
		if (rc != DB_OK)
			return db_status(rc);
		r->err_msg = "只能为本行政区域内的有效单位添加用户。";
		return 403;
	}
	char hash[256];
	if (auth_hash_password(r->f[F_NEW_PASSWORD].s, hash, sizeof hash) < 0)
		return 500;
	long long id = 0, mid = 0;
	rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = user_insert(r->db, r->a, r->f[F_USERNAME].s,
				 r->f[F_DISPLAY_NAME].s,
				 req_str(r, F_PHONE), hash, &id);
	if (rc == DB_DUP) {
		db_rollback(r->db);
		return bad_request(r, "该用户名已被使用。");
	}
	if (rc == DB_OK)
		rc = membership_add(r->db, r->a, id, r->f[F_UNIT_ID].i, role, &mid);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "user.create", "user", id,
			       arena_printf(r->a, "%s %s，角色 %s，单位 #%lld",
					    r->f[F_USERNAME].s, r->f[F_DISPLAY_NAME].s,
					    role_defs[role_from_code(role)].label,
					    r->f[F_UNIT_ID].i));
	int st = finish_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/admin/users/%lld?done=created", id));
}

int h_user_form(struct req *r)
{
	struct user_row *u;
	struct membership_row *ms;
	struct unit_row *units;
	size_t nms = 0, nunits = 0;
	int rc = user_get(r->db, r->a, scope(r), r->id, &u);
	if (rc == DB_OK && u != NULL)
		rc = membership_list(r->db, r->a, r->id, &ms, &nms);
	if (rc == DB_OK && u != NULL)
		rc = unit_list(r->db, r->a, scope(r), &units, &nunits);
	if (rc != DB_OK)
		return db_status(rc);
	if (u == NULL)
		return 404;
	struct tdict *d = view_page(r, "编辑用户", "admin/user.tpl");
	tmpl_set_int(d, "ID", u->id);
	tmpl_set(d, "USERNAME", u->username);
	tmpl_set(d, "NAME", u->display_name);
	tmpl_set(d, "PHONE", u->phone);
	if (u->active)
		tmpl_show(d, "ACTIVE");
	if (u->locked)
		tmpl_show(d, "LOCKED");
	for (size_t i = 0; i < nms; i++) {
		struct tdict *m = tmpl_section(d, "MEMBERSHIP");
		int ro = role_from_code(ms[i].role);
		tmpl_set_int(m, "ID", ms[i].id);
		tmpl_set(m, "ROLE", ro >= 0 ? role_defs[ro].label : ms[i].role);
		tmpl_set(m, "UNIT", ms[i].unit_name);
		tmpl_set(m, "JURISDICTION", ms[i].jur_name);
		tmpl_show(m, ms[i].active ? "ACTIVE" : "INACTIVE");
	}
	unit_options(d, "UNIT_OPT", units, nunits, 0, 0);
	role_options(d);
	return view_finish(r, 200);
}

int h_user_update(struct req *r)
{
	int active = r->f[F_ACTIVE].present, changed = 0;
	if (!active && r->id == r->actor->user_id)
		return bad_request(r, "不能停用自己的账户。");
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = user_update(r->db, r->a, scope(r), r->id, r->f[F_DISPLAY_NAME].s,
				 req_str(r, F_PHONE), active,
				 &changed);
	if (rc == DB_OK && !changed) {
		db_rollback(r->db);
		return 404;
	}
	/* A deactivated user is signed out everywhere at once. */
	if (rc == DB_OK && !active)
		rc = session_delete_user(r->db, r->a, r->id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, active ? "user.update" : "user.deactivate",
			       "user", r->id,
			       arena_printf(r->a, "姓名 %s，电话 %s，%s",
					    r->f[F_DISPLAY_NAME].s,
					    req_str(r, F_PHONE),
					    active ? "启用" : "停用"));
	int st = finish_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/admin/users/%lld?done=saved", r->id));
}

int h_user_reset_password(struct req *r)
{
	const char *problem = auth_password_problem(r->f[F_NEW_PASSWORD].s);
	if (problem != NULL)
		return bad_request(r, problem);
	struct user_row *u;
	int rc = user_get(r->db, r->a, scope(r), r->id, &u);
	if (rc != DB_OK)
		return db_status(rc);
	if (u == NULL)
		return 404;
	char hash[256];
	if (auth_hash_password(r->f[F_NEW_PASSWORD].s, hash, sizeof hash) < 0)
		return 500;
	rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = user_set_password(r->db, r->a, r->id, hash);
	if (rc == DB_OK)
		rc = user_unlock(r->db, r->a, r->id);
	if (rc == DB_OK)
		rc = session_delete_user(r->db, r->a, r->id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "user.password_reset", "user", r->id,
			       arena_printf(r->a, "重置 %s 的密码并解除锁定", u->username));
	int st = finish_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/admin/users/%lld?done=password", r->id));
}

int h_membership_add(struct req *r)
{
	const char *role = r->f[F_ROLE].s;
	int ro = role_from_code(role);
	if (ro < 0)
		return bad_request(r, "角色无效。");
	struct user_row *u;
	int rc = user_get(r->db, r->a, scope(r), r->id, &u);
	if (rc != DB_OK)
		return db_status(rc);
	if (u == NULL)
		return 404;
	if (!unit_in_scope(r, r->f[F_UNIT_ID].i, &rc)) {
		if (rc != DB_OK)
			return db_status(rc);
		r->err_msg = "只能分配本行政区域内的有效单位。";
		return 403;
	}
	long long mid = 0;
	rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = membership_add(r->db, r->a, r->id, r->f[F_UNIT_ID].i, role, &mid);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "membership.add", "membership", mid,
			       arena_printf(r->a, "用户 %s：%s，单位 #%lld",
					    u->username, role_defs[ro].label,
					    r->f[F_UNIT_ID].i));
	int st = finish_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/admin/users/%lld?done=saved", r->id));
}

int h_membership_deactivate(struct req *r)
{
	long long user_id;
	int rc = membership_get(r->db, r->a, scope(r), r->id, &user_id);
	if (rc != DB_OK)
		return db_status(rc);
	if (user_id == 0)
		return 404;
	rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = membership_set_active(r->db, r->a, r->id, 0);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "membership.deactivate", "membership", r->id,
			       arena_printf(r->a, "用户 #%lld", user_id));
	int st = finish_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/admin/users/%lld?done=deactivated", user_id));
}
