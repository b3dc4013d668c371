/* 审计日志: newest first, fifty a page, limited to the reader's scope. */
#include <string.h>

#include "audit_store.h"
#include "db.h"
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
	struct dbres res;
	int rc = audit_list(r->db, r->a, r->actor->scope_jur, action,
			    r->f[F_BEFORE].i, AUDIT_PAGE + 1, &res);
	if (rc != DB_OK)
		return rc == DB_DOWN ? 503 : 500;
	struct tdict *d = view_page(r, "审计日志", "audit/list.tpl");
	tmpl_set(d, "Q", action);
	size_t n = res.nrows > AUDIT_PAGE ? AUDIT_PAGE : res.nrows;
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(d, "ROW");
		tmpl_set(row, "ID", db_cell(&res, i, 0));
		tmpl_set(row, "AT", db_cell(&res, i, 1));
		tmpl_set(row, "USER", db_cell(&res, i, 2) ? db_cell(&res, i, 2) : "—");
		tmpl_set(row, "USERNAME", db_cell(&res, i, 3) ? db_cell(&res, i, 3) : "");
		tmpl_set(row, "UNIT", db_cell(&res, i, 4) ? db_cell(&res, i, 4) : "—");
		tmpl_set(row, "ADDR", db_cell(&res, i, 5));
		tmpl_set(row, "ACTION", db_cell(&res, i, 6));
		tmpl_set(row, "ACTION_LABEL", action_label(db_cell(&res, i, 6)));
		tmpl_setf(row, "OBJECT", "%s #%s", db_cell(&res, i, 7), db_cell(&res, i, 8));
		tmpl_set(row, "DETAIL", db_cell(&res, i, 9));
	}
	if (res.nrows > AUDIT_PAGE) {
		struct tdict *m = tmpl_section(d, "MORE");
		tmpl_set(m, "BEFORE", db_cell(&res, AUDIT_PAGE - 1, 0));
		tmpl_set(m, "Q", action);
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	return view_finish(r, 200);
}
