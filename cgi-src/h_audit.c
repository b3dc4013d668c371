/* 审计日志: newest first, fifty a page, limited to the reader's scope. */
#include <string.h>

#include "audit_store.h"
#include "handlers.h"
#include "view.h"

#define AUDIT_PAGE 50

static const struct { const char *code, *label; } actions[] = {
	{ "login", "登录" },
	{ "login.failed", "登录失败" },
	{ "login.locked", "锁定期间尝试登录" },
	{ "login.throttled", "登录地址受限" },
	{ "logout", "退出" },
	{ "user.lockout", "账户锁定" },
	{ "user.create", "新增用户" },
	{ "user.update", "修改用户" },
	{ "user.deactivate", "停用用户" },
	{ "user.password", "修改密码" },
	{ "user.password_reset", "重置密码" },
	{ "membership.add", "分配角色" },
	{ "membership.deactivate", "停用角色" },
	{ "unit.create", "新增单位" },
	{ "unit.update", "修改单位" },
	{ "unit.deactivate", "停用单位" },
	{ "jurisdiction.create", "新增行政区域" },
	{ "jurisdiction.update", "修改行政区域" },
	{ "category.create", "新增问题分类" },
	{ "category.update", "修改问题分类" },
	{ "category.deactivate", "停用问题分类" },
	{ "routing.create", "新增派单规则" },
	{ "routing.activate", "启用派单规则" },
	{ "routing.deactivate", "停用派单规则" },
	{ "procedure.create", "新增争议认定程序" },
	{ "calendar.set", "标注日历" },
	{ "calendar.import", "导入日历" },
	{ "demo.load", "载入演示数据" },
	{ "kb.synonym.add", "新增检索同义词" },
	{ "kb.synonym.delete", "删除检索同义词" },
	{ "kb.synonyms.import", "导入检索同义词" },
	{ "kb.learned.delete", "删除检索学习记录" },
};

static const char *action_label(const char *code)
{
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++)
		if (strcmp(actions[i].code, code) == 0)
			return actions[i].label;
	return code;
}

int h_audit(struct req *r)
{
	const char *action = req_str(r, F_Q);
	struct audit_row *v;
	size_t nrows;
	int rc = audit_list(r->db, r->a, r->actor->scope_jur, action,
			    r->f[F_BEFORE].i, AUDIT_PAGE + 1, &v, &nrows);
	if (rc != DB_OK)
		return rc == DB_DOWN ? 503 : 500;
	struct tdict *d = view_page(r, "审计日志", "audit/list.tpl");
	tmpl_set(d, "Q", action);
	size_t n = nrows > AUDIT_PAGE ? AUDIT_PAGE : nrows;
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set_int(row, "ID", v[i].id);
		tmpl_set(row, "AT", v[i].at);
		tmpl_set(row, "USER", v[i].user_name ? v[i].user_name : "—");
		tmpl_set(row, "USERNAME", v[i].username);
		tmpl_set(row, "UNIT", v[i].unit_name ? v[i].unit_name : "—");
		tmpl_set(row, "ADDR", v[i].client_addr);
		tmpl_set(row, "ACTION", v[i].action);
		tmpl_set(row, "ACTION_LABEL", action_label(v[i].action));
		tmpl_setf(row, "OBJECT", "%s #%lld", v[i].object_type, v[i].object_id);
		tmpl_set(row, "DETAIL", v[i].detail);
	}
	if (nrows > AUDIT_PAGE) {
		struct tdict *m = tmpl_section(d, "MORE");
		tmpl_set_int(m, "BEFORE", v[AUDIT_PAGE - 1].id);
		tmpl_set(m, "Q", action);
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	return view_finish(r, 200);
}
