#include "dispute_view.h"

#include <string.h>

#include "tmpl.h"

static const char *given(const struct req *r, enum field f)
{
	return r->f[f].present ? r->f[f].s : NULL;
}

static const char *stage_label(const char *stage)
{
	if (strcmp(stage, "office") == 0)
		return "管理办协调情况";
	if (strcmp(stage, "establishment") == 0)
		return "编办意见";
	if (strcmp(stage, "legal") == 0)
		return "法制局意见";
	return "联席会议决定";
}

static const char *kind_label(const char *kind)
{
	if (strcmp(kind, "refer") == 0)
		return "转市法制局";
	if (strcmp(kind, "temporary") == 0)
		return "临时处理意见（提请联席会议）";
	if (strcmp(kind, "coordination") == 0)
		return "协调情况";
	return "认定意见";
}

/* The opinions, in the order given, as OPINION sections. */
static void fill_opinions(struct req *r, struct tdict *d, const struct dispute_page *p)
{
	for (size_t i = 0; i < p->nopinions; i++) {
		const struct dispute_opinion_row *o = &p->opinions[i];
		struct tdict *s = tmpl_section(d, "OPINION");
		tmpl_set(s, "STAGE", o->stage);
		tmpl_set(s, "STAGE_LABEL", stage_label(o->stage));
		tmpl_set(s, "KIND", kind_label(o->kind));
		tmpl_set(s, "TEXT", o->text);
		if (o->lead_name) {
			struct tdict *l = tmpl_section(s, "LEAD");
			tmpl_set(l, "NAME", o->lead_name);
			const char *coops = dispute_names_of(r->a, p, o->coop_ids);
			if (*coops)
				tmpl_set(tmpl_section(l, "COOPS"), "NAMES", coops);
		}
		const char *pr = dispute_principle_label(o->principle);
		if (pr)
			tmpl_set(tmpl_section(s, "PRINCIPLE"), "LABEL", pr);
		if (*o->basis)
			tmpl_set(tmpl_section(s, "BASIS"), "TEXT", o->basis);
		if (o->temp_name)
			tmpl_set(tmpl_section(s, "TEMP"), "NAME", o->temp_name);
		struct tdict *seal = tmpl_section(s, "SEAL");
		tmpl_set(seal, "UNIT", o->seal_unit);
		tmpl_set(seal, "DATE", o->seal_day);
		tmpl_set(s, "BY", o->by);
		tmpl_set(s, "AT", o->at);
	}
}

static void fill_units_section(struct tdict *d, const struct dispute_page *p)
{
	for (size_t i = 0; i < p->nunits; i++) {
		const struct dispute_unit_row *u = &p->units[i];
		struct tdict *s = tmpl_section(d, "UNIT");
		tmpl_set(s, "NAME", u->name);
		tmpl_set(s, "DUE", u->due);
		tmpl_set(s, "ROLE", strcmp(u->role, "lead") == 0 ? "牵头单位"
				    : strcmp(u->role, "coop") == 0 ? "配合单位" : "涉及单位");
		if (u->opinion) {
			struct tdict *o = tmpl_section(s, "ANSWERED");
			tmpl_set(o, "OPINION", u->opinion);
			tmpl_set(o, "BY", u->by);
			tmpl_set(o, "AT", u->at);
		} else {
			tmpl_show(s, "WAITING");
		}
	}
}

void dispute_fill_head(struct req *r, struct tdict *d, const struct dispute_page *p)
{
	const struct dispute_row *g = p->d;
	const struct { const char *key, *val; } text[] = {
		{ "NUMBER", g->number }, { "CATEGORY", g->category }, { "JUR", g->jur },
		{ "CONTENT", g->content }, { "STAGE_DUE", g->stage_due }, { "OPENED", g->opened },
		{ "OPENED_BY", g->opened_by }, { "EST", g->est_name },
		{ "LEGAL", g->legal_name ? g->legal_name : "" }, { "CONVENER", g->convener_name },
		{ "LEAD", g->lead_name }, { "DETERMINATION", g->determination },
		{ "DETERMINED", g->determined }, { "ACCEPT_DUE", g->accept_due },
		{ "ANSWERED", g->answered }, { "REFUSAL", g->refusal },
		{ "CONTACT_NAME", g->contact_name }, { "CONTACT_PHONE", g->contact_phone },
		{ "TEMP_UNIT", g->temp_unit_name }, { "NOTE", g->note }, { "OFFICE", g->office_name },
	};
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
		tmpl_set(d, text[i].key, text[i].val);
	tmpl_set_int(d, "ID", g->id);
	tmpl_set_int(d, "ORDER_ID", g->order_id);
	int st = dispute_state_from_code(g->state);
	tmpl_set(d, "STATE", st >= 0 ? dispute_state_labels[st] : "");
	tmpl_set(d, "STATE_CODE", g->state);
	const char *pr = dispute_principle_label(g->principle);
	tmpl_set(d, "PRINCIPLE", pr ? pr : "");
	if (g->legal_name == NULL)
		tmpl_show(d, "NO_LEGAL_STEP");
	int decided = st == DS_DETERMINED || st == DS_ACCEPTED || st == DS_REFUSED;
	if (decided && g->unbound)
		tmpl_set(tmpl_section(d, "UNBOUND"), "UNBOUND_REASON", g->unbound_reason);
	else if (decided)
		tmpl_show(d, "BINDING");
	fill_units_section(d, p);
	struct buf names;
	buf_init(&names, r->a);
	for (size_t i = 0; i < p->nunits; i++) {
		if (names.len)
			buf_puts(&names, "、");
		buf_puts(&names, p->units[i].name);
	}
	tmpl_set(d, "UNIT_NAMES", buf_str(&names));
	fill_opinions(r, d, p);
}

struct dispute_input dispute_input_of(struct req *r)
{
	const struct dispute_input in = {
		.opinion = given(r, F_OPINION), .note = given(r, F_NOTE),
		.reason = given(r, F_REASON), .facts = given(r, F_FACTS),
		.principle = given(r, F_PRINCIPLE), .basis = given(r, F_BASIS),
		.lead_unit = r->f[F_LEAD_UNIT_ID].present ? r->f[F_LEAD_UNIT_ID].i : 0,
		.temp_unit = r->f[F_TEMP_UNIT_ID].present ? r->f[F_TEMP_UNIT_ID].i : 0,
		.coops = r->f[F_COOP_UNIT_ID].list, .ncoops = r->f[F_COOP_UNIT_ID].nlist,
	};
	return in;
}
