/* 审计日志: newest first, fifty a page, limited to the reader's scope. */
#include "audit_store.h"
#include "db.h"
#include "handlers.h"
#include "view.h"

#define AUDIT_PAGE 50

int h_audit(struct req *r)
{
	const char *action = r->f[F_Q].s ? r->f[F_Q].s : "";
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
		/* Stored and shown in UTC, as the heading says. */
		tmpl_set(row, "AT", db_cell(&res, i, 1));
		tmpl_set(row, "USER", db_cell(&res, i, 2) ? db_cell(&res, i, 2) : "—");
		tmpl_set(row, "USERNAME", db_cell(&res, i, 3) ? db_cell(&res, i, 3) : "");
		tmpl_set(row, "UNIT", db_cell(&res, i, 4) ? db_cell(&res, i, 4) : "—");
		tmpl_set(row, "ADDR", db_cell(&res, i, 5));
		tmpl_set(row, "ACTION", db_cell(&res, i, 6));
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
