#include "order_view.h"

#include "tmpl.h"

void order_unit_options(struct req *r, struct tdict *d, const struct order_unit_row *u,
			size_t n, const char *section, long long pick, long long except,
			int with_jur)
{
	for (size_t i = 0; i < n; i++) {
		if (u[i].id == except)
			continue;
		struct tdict *o = tmpl_section(d, section);
		tmpl_set_int(o, "ID", u[i].id);
		tmpl_set(o, "NAME", with_jur ? arena_printf(r->a, "%s（%s）", u[i].name, u[i].jur_name)
					     : u[i].name);
		if (u[i].id == pick)
			tmpl_show(o, "SELECTED");
	}
}
