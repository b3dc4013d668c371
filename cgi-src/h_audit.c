/* 审计日志: newest first, fifty a page, limited to the reader's scope; each
 * action by its Chinese name (audit.c). */
#include <string.h>

#include "audit_store.h"
#include "handlers.h"
#include "view.h"

#define AUDIT_PAGE 50

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
		tmpl_set(row, "ACTION_LABEL", audit_action_label(v[i].action));
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
