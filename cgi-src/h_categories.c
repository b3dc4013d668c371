/* 问题分类 and 派单规则: the category tree with each category's time limit
 * (办理时限, working days), and the rules that suggest a handling unit for
 * a category in a jurisdiction. Categories are shared by the whole city, so
 * only a city admin (scope 0) changes them; a county admin sees them and
 * manages the rules of their own county. Nothing is deleted: deactivated. */
#include <string.h>

#include "audit_store.h"
#include "category_store.h"
#include "handlers.h"
#include "order.h"
#include "org_store.h"
#include "view.h"

/* Deeper than any real tree; bounds every walk up the parents. */
#define CAT_MAX_DEPTH 16

static const char city_only[] =
	"问题分类由市级系统管理员统一维护，全市共用；县（市、区）系统管理员只能查看。";

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

/* ---- the tree in memory --------------------------------------------------- */

/* category_list's rows with each row's parent as a row index (-1 at the
 * top) and its number of active children. Arena memory. */
struct cats {
	struct category_row *v;
	size_t n;
	long *parent;
	int *active_children;
};

static long cat_index(const struct cats *c, long long id)
{
	/* Rows come ordered by id. */
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		long long v = c->v[mid].id;
		if (v == id)
			return (long)mid;
		if (v < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int cats_load(struct req *r, struct cats *c)
{
	int rc = category_list(r->db, r->a, scope(r), &c->v, &c->n);
	if (rc != DB_OK)
		return rc;
	size_t n = c->n;
	c->parent = arena_alloc(r->a, (n + 1) * sizeof *c->parent);
	c->active_children = arena_zalloc(r->a, (n + 1) * sizeof *c->active_children);
	for (size_t i = 0; i < n; i++) {
		long long p = c->v[i].parent_id;
		c->parent[i] = p ? cat_index(c, p) : -1;
		if (c->parent[i] >= 0 && c->v[i].active)
			c->active_children[c->parent[i]]++;
	}
	return DB_OK;
}

static const char *cat_name(const struct cats *c, long i)
{
	return c->v[i].name;
}

static int cat_active(const struct cats *c, long i)
{
	return (int)c->v[i].active;
}

/* "社会保障 › 养老保险": the names from the top down to row i. */
static const char *cat_path(struct req *r, const struct cats *c, long i)
{
	long chain[CAT_MAX_DEPTH];
	int n = 0;
	for (long k = i; k >= 0 && n < CAT_MAX_DEPTH; k = c->parent[k])
		chain[n++] = k;
	struct buf b;
	buf_init(&b, r->a);
	while (n-- > 0) {
		buf_puts(&b, cat_name(c, chain[n]));
		if (n > 0)
			buf_puts(&b, " › ");
	}
	return buf_str(&b);
}

/* Whether row i is row root or lies below it. */
static int in_subtree(const struct cats *c, long i, long root)
{
	for (int d = 0; i >= 0 && d < CAT_MAX_DEPTH; d++, i = c->parent[i])
		if (i == root)
			return 1;
	return 0;
}

/* Writes the rows under parent (-1: the top) depth-first as CAT sections. */
static void cat_tree(struct req *r, struct tdict *d, const struct cats *c,
		     long parent, int depth, int *seen, int can_edit)
{
	for (size_t i = 0; i < c->n; i++) {
		if (c->parent[i] != parent || seen[i])
			continue;
		seen[i] = 1;
		struct tdict *row = tmpl_section(d, "CAT");
		tmpl_set_int(row, "ID", c->v[i].id);
		tmpl_set(row, "NAME", cat_name(c, (long)i));
		tmpl_set_int(row, "DAYS", c->v[i].days);
		tmpl_set_int(row, "RULES", c->v[i].rules);
		tmpl_set_int(row, "DEPTH", depth > 4 ? 4 : depth);
		tmpl_show(row, can_edit ? "EDIT" : "VIEW");
		tmpl_show(row, cat_active(c, (long)i) ? "ACTIVE" : "INACTIVE");
		if (c->active_children[i] > 0)
			tmpl_show(row, "PARENT");
		if (depth < CAT_MAX_DEPTH)
			cat_tree(r, d, c, (long)i, depth + 1, seen, can_edit);
	}
}

/* Options naming every active category by its path, except the subtree of
 * row skip (-1: none); selected is a row index or -1. */
static void cat_options(struct req *r, struct tdict *d, const char *section,
			const struct cats *c, long skip, long selected,
			int leaves_only)
{
	for (size_t i = 0; i < c->n; i++) {
		long k = (long)i;
		if (k != selected && !cat_active(c, k))
			continue;
		if (skip >= 0 && in_subtree(c, k, skip))
			continue;
		if (leaves_only && c->active_children[i] > 0 && k != selected)
			continue;
		struct tdict *o = tmpl_section(d, section);
		tmpl_set_int(o, "ID", c->v[i].id);
		tmpl_set(o, "NAME", cat_path(r, c, k));
		if (k == selected)
			tmpl_show(o, "SELECTED");
	}
}

/* ---- categories ----------------------------------------------------------- */

int h_categories(struct req *r)
{
	struct cats c;
	int rc = cats_load(r, &c);
	if (rc != DB_OK)
		return db_status(rc);
	int can_edit = scope(r) == 0;
	struct tdict *d = view_page(r, "问题分类", "admin/categories.tpl");
	int *seen = arena_zalloc(r->a, (c.n + 1) * sizeof *seen);
	cat_tree(r, d, &c, -1, 0, seen, can_edit);
	/* Rows on a cycle made outside this page would never be reached
	 * from the top: list them too rather than hide them. */
	for (size_t i = 0; i < c.n; i++)
		if (!seen[i])
			cat_tree(r, d, &c, c.parent[i], 0, seen, can_edit);
	if (c.n == 0)
		tmpl_show(d, "EMPTY");
	if (can_edit) {
		tmpl_show(d, "CAN_EDIT");
		cat_options(r, d, "PARENT_OPT", &c, -1, -1, 0);
	} else {
		tmpl_set(tmpl_section(d, "READ_ONLY"), "MSG", city_only);
	}
	return view_finish(r, 200);
}

int h_category_form(struct req *r)
{
	if (scope(r) != 0)
		return refuse(r, 403, city_only);
	struct cats c;
	int rc = cats_load(r, &c);
	if (rc != DB_OK)
		return db_status(rc);
	long me = cat_index(&c, r->id);
	if (me < 0)
		return 404;
	struct tdict *d = view_page(r, "编辑问题分类", "admin/category.tpl");
	tmpl_set_int(d, "ID", c.v[me].id);
	tmpl_set(d, "NAME", cat_name(&c, me));
	tmpl_set(d, "PATH", cat_path(r, &c, me));
	tmpl_set_int(d, "DAYS", c.v[me].days);
	tmpl_set_int(d, "RULES", c.v[me].rules);
	if (cat_active(&c, me))
		tmpl_show(d, "ACTIVE");
	/* Never itself or one of its descendants: that would be a cycle. */
	cat_options(r, d, "PARENT_OPT", &c, me, c.parent[me], 0);
	for (size_t i = 0; i < c.n; i++) {
		if (c.parent[i] != me)
			continue;
		struct tdict *k = tmpl_section(tmpl_section(d, "CHILDREN"), "CHILD");
		tmpl_set_int(k, "ID", c.v[i].id);
		tmpl_set(k, "NAME", cat_name(&c, (long)i));
		tmpl_set_int(k, "DAYS", c.v[i].days);
		if (!cat_active(&c, (long)i))
			tmpl_show(k, "INACTIVE");
	}
	int st = category_service_fill(r, d, r->id);
	return st ? st : view_finish(r, 200);
}

static const char *dup_message(struct req *r, const char *name)
{
	return arena_printf(r->a, "同一上级分类下已有名为「%s」的分类，未作任何修改。", name);
}

int h_category_create(struct req *r)
{
	if (scope(r) != 0)
		return refuse(r, 403, city_only);
	const char *name = form_trim(r->a, r->f[F_NAME].s);
	long long parent = r->f[F_PARENT_ID].i, days = r->f[F_TIME_LIMIT].i;
	const char *parent_name = "（一级分类）";
	int rc = db_begin(r->db);
	if (rc == DB_OK && parent != 0) {
		struct category_lock_row *p;
		rc = category_lock(r->db, r->a, parent, &p);
		if (rc == DB_OK && p == NULL)
			return refuse_tx(r, "上级分类不存在。");
		if (rc == DB_OK && !p->active)
			return refuse_tx(r, "上级分类已停用，不能在其下新增分类。");
		if (rc == DB_OK)
			parent_name = arena_printf(r->a, "#%lld %s", parent, p->name);
	}
	if (rc == DB_OK) {
		rc = category_name_taken(r->db, r->a, parent, name, 0);
		if (rc == 1)
			return refuse_tx(r, dup_message(r, name));
	}
	long long id = 0;
	if (rc == DB_OK)
		rc = category_insert(r->db, r->a, name, parent, days, &id);
	if (rc == DB_DUP)
		return refuse_tx(r, dup_message(r, name));
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "category.create", "category", id,
			       arena_printf(r->a, "%s，上级 %s，办理时限 %lld 个工作日",
					    name, parent_name, days));
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/admin/categories?done=created");
}

/* Inside the update's transaction: whether parent (not 0) may hold
 * category id. Locks the chain of parent's ancestors, so that a concurrent
 * move cannot close a cycle. Returns 0 with *problem set or NULL, or a
 * db_err. */
static int check_parent(struct req *r, long long id, long long parent,
			int active, const char **problem, const char **parent_name)
{
	*problem = NULL;
	long long cur = parent;
	for (int depth = 0; cur != 0; depth++) {
		if (cur == id) {
			*problem = "不能把分类移到它自身或它的下级分类之下（会形成循环），未作任何修改。";
			return DB_OK;
		}
		if (depth >= CAT_MAX_DEPTH) {
			*problem = "分类层级过深。";
			return DB_OK;
		}
		struct category_lock_row *p;
		int rc = category_lock(r->db, r->a, cur, &p);
		if (rc != DB_OK)
			return rc;
		if (p == NULL) {
			*problem = "上级分类不存在。";
			return DB_OK;
		}
		if (depth == 0) {
			if (active && !p->active) {
				*problem = "上级分类已停用；启用的分类只能放在启用的上级分类之下。";
				return DB_OK;
			}
			*parent_name = arena_printf(r->a, "#%lld %s", parent, p->name);
		}
		cur = p->parent_id;
	}
	return DB_OK;
}

int h_category_update(struct req *r)
{
	if (scope(r) != 0)
		return refuse(r, 403, city_only);
	const char *name = form_trim(r->a, r->f[F_NAME].s);
	long long parent = r->f[F_PARENT_ID].i, days = r->f[F_TIME_LIMIT].i;
	int active = r->f[F_ACTIVE].present;
	const char *problem = NULL, *parent_name = "（一级分类）";
	struct category_lock_row *me = NULL;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = category_lock(r->db, r->a, r->id, &me);
	if (rc == DB_OK && me == NULL) {
		db_rollback(r->db);
		return 404;
	}
	if (rc == DB_OK)
		rc = check_parent(r, r->id, parent, active, &problem, &parent_name);
	if (rc == DB_OK && problem != NULL)
		return refuse_tx(r, problem);
	if (rc == DB_OK) {
		rc = category_name_taken(r->db, r->a, parent, name, r->id);
		if (rc == 1)
			return refuse_tx(r, dup_message(r, name));
	}
	if (rc == DB_OK && !active) {
		long long children = 0;
		rc = category_active_children(r->db, r->a, r->id, &children);
		if (rc == DB_OK && children > 0)
			return refuse_tx(r, "该分类下还有启用的下级分类，请先停用下级分类。");
	}
	if (rc == DB_OK)
		rc = category_update(r->db, r->a, r->id, name, parent, days, active);
	if (rc == DB_DUP)
		return refuse_tx(r, dup_message(r, name));
	if (rc == DB_OK) {
		/* What it was, where that changed. */
		const char *was_name = me->name;
		long long was_days = me->days;
		rc = audit_add(REQ_CTX(r), 0, active ? "category.update" : "category.deactivate",
			       "category", r->id,
			       arena_printf(r->a, "%s%s%s%s，上级 %s，办理时限 %lld 个工作日%s，%s",
					    name,
					    strcmp(was_name, name) ? "（原名 " : "",
					    strcmp(was_name, name) ? was_name : "",
					    strcmp(was_name, name) ? "）" : "",
					    parent_name, days,
					    was_days != days ? arena_printf(r->a, "（原 %lld）", was_days) : "",
					    active ? "启用" : "停用"));
	}
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, arena_printf(r->a, "/admin/categories/%lld?done=%s",
						       r->id, active ? "saved" : "deactivated"));
}

/* ---- routing rules -------------------------------------------------------- */

int h_routing(struct req *r)
{
	long long jur = scope(r);
	if (r->f[F_JURISDICTION_ID].present &&
	    (jur == 0 || jur == r->f[F_JURISDICTION_ID].i))
		jur = r->f[F_JURISDICTION_ID].i;
	long long cat = r->f[F_CATEGORY_ID].present ? r->f[F_CATEGORY_ID].i : 0;
	struct routing_row *rules;
	struct routing_unit_row *units;
	struct jur_row *jurs;
	size_t nrules, nunits, njurs;
	struct cats c;
	int rc = routing_list(r->db, r->a, jur, cat, &rules, &nrules);
	if (rc == DB_OK)
		rc = cats_load(r, &c);
	if (rc == DB_OK)
		rc = jur_list(r->db, r->a, scope(r), &jurs, &njurs);
	if (rc == DB_OK)
		rc = routing_units(r->db, r->a, scope(r), &units, &nunits);
	if (rc != DB_OK)
		return db_status(rc);
	struct tdict *d = view_page(r, "派单规则", "admin/routing.tpl");
	for (size_t i = 0; i < nrules; i++) {
		const struct routing_row *ru = &rules[i];
		struct tdict *row = tmpl_section(d, "RULE");
		tmpl_set_int(row, "ID", ru->id);
		long k = cat_index(&c, ru->category_id);
		tmpl_set(row, "CATEGORY", k >= 0 ? cat_path(r, &c, k) : ru->category_name);
		tmpl_set(row, "JURISDICTION", ru->jur_name);
		tmpl_set(row, "KEYWORDS", *ru->keywords ? ru->keywords : "—");
		tmpl_set(row, "UNIT", ru->unit_name);
		if (!ru->unit_active)
			tmpl_show(row, "UNIT_INACTIVE");
		tmpl_show(row, ru->active ? "ACTIVE" : "INACTIVE");
	}
	if (nrules == 0)
		tmpl_show(d, "EMPTY");
	/* The filter, then the form for a new rule. */
	if (scope(r) == 0)
		tmpl_show(d, "ALL_JUR");
	for (size_t i = 0; i < njurs; i++) {
		if (!jurs[i].active)
			continue;
		struct tdict *f = tmpl_section(d, "FJUR_OPT");
		struct tdict *o = tmpl_section(d, "JUR_OPT");
		tmpl_set_int(f, "ID", jurs[i].id);
		tmpl_set(f, "NAME", jurs[i].name);
		tmpl_set_int(o, "ID", jurs[i].id);
		tmpl_set(o, "NAME", jurs[i].name);
		if (jurs[i].id == jur) {
			tmpl_show(f, "SELECTED");
			tmpl_show(o, "SELECTED");
		}
	}
	long sel = cat ? cat_index(&c, cat) : -1;
	cat_options(r, d, "FCAT_OPT", &c, -1, sel, 0);
	cat_options(r, d, "CAT_OPT", &c, -1, sel >= 0 && c.active_children[sel] == 0 ? sel : -1, 1);
	for (size_t i = 0; i < nunits; i++) {
		struct tdict *o = tmpl_section(d, "UNIT_OPT");
		tmpl_set_int(o, "ID", units[i].id);
		tmpl_setf(o, "NAME", "%s · %s", units[i].jur_name, units[i].name);
	}
	return view_finish(r, 200);
}

/* A rule in words, for the audit log. */
static const char *rule_text(struct req *r, const char *category_name,
			     long long category, const char *jur_name,
			     const char *keywords, const char *unit_name,
			     long long unit)
{
	return arena_printf(r->a, "%s（分类 #%lld）· %s%s%s%s → %s（单位 #%lld）",
			    category_name, category, jur_name,
			    *keywords ? " · 关键词「" : "", keywords,
			    *keywords ? "」" : "", unit_name, unit);
}

/* Whether a rule for category and jurisdiction jur naming unit may be
 * active: all three in use, the category a leaf (the intake offers only
 * leaves), the unit of jur or of the city. Returns a status with
 * r->err_msg set, or 0 with *detail describing the rule. */
static int rule_check(struct req *r, long long category, long long jur,
		      long long unit, const char *keywords, const char **detail)
{
	struct routing_jur_row *j = NULL;
	struct category_detail_row *c = NULL;
	struct routing_unit_row *u = NULL;
	int rc = routing_jurisdiction(r->db, r->a, jur, &j);
	if (rc == DB_OK)
		rc = category_get(r->db, r->a, category, &c);
	if (rc == DB_OK)
		rc = routing_unit(r->db, r->a, unit, &u);
	if (rc != DB_OK)
		return db_status(rc);
	if (j == NULL || !j->active)
		return refuse(r, 400, "行政区域不存在或已停用。");
	if (c == NULL || !c->active)
		return refuse(r, 400, "问题分类不存在或已停用。");
	if (c->children > 0)
		return refuse(r, 400, "请选择末级问题分类：受理时只能选择末级分类，"
				      "上级分类的派单规则不会生效。");
	if (u == NULL || !u->active)
		return refuse(r, 400, "承办单位不存在或已停用。");
	if (u->jur_id != jur && !u->city)
		return refuse(r, 400, arena_printf(r->a, "承办单位须为%s或市级的单位。",
						   j->name));
	*detail = rule_text(r, c->name, category, j->name, keywords, u->name, unit);
	return 0;
}

/* Inside a transaction: refuses (rolling back) when another active rule
 * has the same category, jurisdiction and keywords; which of the two the
 * intake would suggest would then be a matter of chance. */
static int rule_conflict(struct req *r, long long category, long long jur,
			 const char *keywords, long long except_id, int *rc)
{
	struct routing_conflict_row *other;
	*rc = routing_conflict(r->db, r->a, category, jur, keywords, except_id, &other);
	if (*rc != DB_OK || other == NULL)
		return 0;
	return refuse_tx(r, arena_printf(r->a,
		"该行政区域内此分类已有关键词相同的启用规则（#%lld，承办单位 %s），"
		"请先停用该规则。未作任何修改。", other->id, other->unit_name));
}

int h_routing_create(struct req *r)
{
	long long cat = r->f[F_CATEGORY_ID].i, jur = r->f[F_JURISDICTION_ID].i;
	long long unit = r->f[F_UNIT_ID].i;
	if (scope(r) != 0 && jur != scope(r))
		return refuse(r, 403, "只能管理本行政区域的派单规则。");
	const char *keywords = order_keywords_normal(r->a, r->f[F_KEYWORDS].s), *detail = NULL;
	int st = rule_check(r, cat, jur, unit, keywords, &detail);
	if (st != 0)
		return st;
	long long id = 0;
	int rc = db_begin(r->db);
	if (rc == DB_OK && (st = rule_conflict(r, cat, jur, keywords, 0, &rc)) != 0)
		return st;
	if (rc == DB_OK)
		rc = routing_insert(r->db, r->a, cat, jur, keywords, unit,
				    r->actor->user_id, &id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "routing.create", "routing_rule", id, detail);
	st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/admin/routing?done=created");
}

int h_routing_update(struct req *r)
{
	int active = r->f[F_ACTIVE].present;
	struct routing_lock_row *rule = NULL;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = routing_lock(r->db, r->a, scope(r), r->id, &rule);
	if (rc != DB_OK || rule == NULL) {
		db_rollback(r->db);
		return rc != DB_OK ? db_status(rc) : 404;
	}
	const char *back = active ? "/admin/routing?done=saved"
				  : "/admin/routing?done=deactivated";
	if (rule->active == active) {
		/* Nothing to change, nothing to record. */
		db_rollback(r->db);
		return http_redirect(r, back);
	}
	long long cat = rule->category_id, jur = rule->jur_id, unit = rule->unit_id;
	const char *keywords = rule->keywords;
	const char *detail = rule_text(r, rule->category_name, cat, rule->jur_name,
				       keywords, rule->unit_name, unit);
	if (active) {
		/* Back in use only if it could be added today. */
		int st = rule_check(r, cat, jur, unit, keywords, &detail);
		if (st != 0) {
			db_rollback(r->db);
			return st;
		}
		if ((st = rule_conflict(r, cat, jur, keywords, r->id, &rc)) != 0)
			return st;
	}
	if (rc == DB_OK)
		rc = routing_set_active(r->db, r->a, r->id, active);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, active ? "routing.activate" : "routing.deactivate",
			       "routing_rule", r->id, detail);
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, back);
}
