/* 争议认定表: the seed's form (梅州市 12345 政府服务热线受理事项争议认定表)
 * as a printable A4 page, field for field in the seed's order. The
 * management office's, 编办's and 法制局's rows carry the latest sealed
 * opinion of that step under a seal drawn in SVG; a county's form names
 * its own units. A cell too long for the form shows its first part and
 * "（续见附页 N）", and the whole text is printed on 附页 N after the table
 * (注：如填写内容较多，表格内无法填写，可另加附页). Who may see it is the
 * dispute page's rule (dispute_ops.c). */
#include <stdlib.h>
#include <string.h>

#include "dispute.h"
#include "dispute_ops.h"
#include "handlers.h"
#include "order.h"
#include "tmpl.h"
#include "view.h"

/* What a cell of the form holds, in characters: about five lines of the
 * printed table, so that a form full to every cell still nearly keeps to
 * one A4 page. */
#define CELL_CHARS 200      /* 事项内容, an opinion, 认定意见 */
#define BASIS_CHARS 100     /* the basis under an opinion */
#define UNITS_CHARS 200     /* 各职能部门处理意见: all units together */
#define UNIT_MIN_CHARS 60   /* ... but at least this much for each */

/* The seal: the unit's name runs along an arc of radius 42 over 250°
 * (templates/disputes/form.tpl draws it in a 120 × 120 box). */
#define SEAL_ARC 183
#define SEAL_FONT_MAX 14
#define SEAL_FONT_MIN 8

/* The three sealed rows of the form, in its order. */
enum form_step { FS_OFFICE, FS_ESTABLISHMENT, FS_LEGAL, FS__MAX };

static const char *const step_stages[FS__MAX] = { "office", "establishment", "legal" };
/* The seed's row labels, for the city's own disputes, line by line as
 * the seed breaks them. */
static const char *const step_city_lines[FS__MAX][4] = {
	{ "市政务中心", "管理办", "协调情况", NULL },
	{ "市编办", "意见", NULL },
	{ "市法制局", "意见", NULL },
};
/* A county's: its unit's name and this; the fallback when it has none. */
static const char *const step_suffixes[FS__MAX] = { "协调情况", "意见", "意见" };
static const char *const step_fallbacks[FS__MAX] = {
	"管理办协调情况", "编办意见", "法制局意见",
};

/* The form being filled: the page's dictionary and the 附页 so far. */
struct form {
	struct req *r;
	const struct dispute_page *p;
	struct tdict *root;
	int annexes;
};

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Sets key in d to text when it fits in limit characters; else to its
 * first part and shows key_MORE with N, the 附页 that prints the whole
 * text under the title field. */
static void form_cell(struct form *f, struct tdict *d, const char *key, const char *field,
		      const char *text, size_t limit)
{
	size_t cut = dispute_form_cut(text, limit);
	if (text[cut] == '\0') {
		tmpl_set(d, key, text);
		return;
	}
	int n = ++f->annexes;
	tmpl_set(d, key, arena_strndup(f->r->a, text, cut));
	tmpl_set_int(tmpl_section(d, arena_printf(f->r->a, "%s_MORE", key)), "N", n);
	struct tdict *a = tmpl_section(f->root, "ANNEX");
	tmpl_set_int(a, "N", n);
	tmpl_set(a, "FIELD", field);
	tmpl_set(a, "TEXT", text);
}

/* Y, M and D of a "YYYY-MM-DD…" day as the form writes a date
 * (2026 年 5 月 8 日). */
static void set_ymd(struct tdict *d, const char *day)
{
	if (day == NULL || strlen(day) < 10)
		return;
	tmpl_set_int(d, "Y", strtol(day, NULL, 10));
	tmpl_set_int(d, "M", strtol(day + 5, NULL, 10));
	tmpl_set_int(d, "D", strtol(day + 8, NULL, 10));
}

/* The seal of unit on day: the name's font size and the length it is
 * spread over, so that a short name spaces out and a long one shrinks
 * to fit the arc, as on a real seal. */
static void set_seal(struct tdict *s, const char *unit, const char *day)
{
	int n = (int)utf8_chars(unit);
	if (n == 0)
		n = 1;
	int size = SEAL_ARC * 9 / (10 * n);
	if (size > SEAL_FONT_MAX)
		size = SEAL_FONT_MAX;
	if (size < SEAL_FONT_MIN)
		size = SEAL_FONT_MIN;
	int len = n * size * 3 / 2;
	if (len > SEAL_ARC)
		len = SEAL_ARC;
	tmpl_set(s, "UNIT", unit);
	tmpl_set_int(s, "SIZE", size);
	tmpl_set_int(s, "LEN", len);
	set_ymd(s, day);
}

/* The row labels: the seed's for the city's disputes; for a county's,
 * the names of the units its procedure names (梅江区机构编制委员会办公室意见). */
static void step_labels(struct req *r, const struct dispute_row *g, const char *labels[FS__MAX],
			int *city)
{
	*city = g->city != 0;
	const char *const names[FS__MAX] = { g->office_name, g->est_name, g->legal_name };
	for (int s = 0; s < FS__MAX; s++) {
		const char *name = names[s] && *names[s] ? names[s] : NULL;
		if (*city) {
			struct buf b;
			buf_init(&b, r->a);
			for (const char *const *l = step_city_lines[s]; *l; l++)
				buf_puts(&b, *l);
			labels[s] = buf_str(&b);
		} else {
			labels[s] = name ? arena_printf(r->a, "%s%s", name, step_suffixes[s])
				    : step_fallbacks[s];
		}
	}
}

/* The head of a sealed row: its label as LINEs (the seed's line breaks
 * for the city; a county's unit name wraps as it will). */
static struct tdict *step_row(struct tdict *root, int step, const char *label, int city)
{
	struct tdict *s = tmpl_section(root, "STEP");
	tmpl_set(s, "CODE", step_stages[step]);
	if (!city) {
		tmpl_set(tmpl_section(s, "LINE"), "TEXT", label);
		return s;
	}
	for (const char *const *l = step_city_lines[step]; *l; l++)
		tmpl_set(tmpl_section(s, "LINE"), "TEXT", *l);
	return s;
}

/* 各职能部门处理意见: each involved unit's name and opinion; the cell's
 * room is shared among the units that answered. */
static void fill_units(struct form *f)
{
	const struct dispute_unit_row *u = f->p->units;
	size_t n = f->p->nunits, answered = 0;
	for (size_t i = 0; i < n; i++)
		answered += u[i].opinion != NULL;
	size_t limit = answered ? UNITS_CHARS / answered : UNITS_CHARS;
	if (limit < UNIT_MIN_CHARS)
		limit = UNIT_MIN_CHARS;
	for (size_t i = 0; i < n; i++) {
		struct tdict *s = tmpl_section(f->root, "FUNIT");
		tmpl_set(s, "NAME", u[i].name);
		if (u[i].opinion == NULL) {
			tmpl_show(s, "WAITING");
			continue;
		}
		struct tdict *o = tmpl_section(s, "ANSWERED");
		form_cell(f, o, "UNIT_OPINION",
			  arena_printf(f->r->a, "各职能部门处理意见（%s）", u[i].name), u[i].opinion,
			  limit);
		tmpl_set(o, "AT", u[i].at);
	}
}

/* One sealed row from its latest opinion, or the empty 年 月 日 line
 * when there is none yet (o NULL). */
static void fill_step(struct form *f, const struct dispute_opinion_row *o, int step,
		      const char *label, int city, const char *legal_name)
{
	struct req *r = f->r;
	struct tdict *s = step_row(f->root, step, label, city);
	if (o == NULL) {
		tmpl_show(s, "UNSEALED");
		return;
	}
	struct tdict *op = tmpl_section(s, "SEALED");
	const char *kind = o->kind;
	if (strcmp(kind, "refer") == 0)
		tmpl_set(tmpl_section(op, "KIND"), "LABEL",
			 arena_printf(r->a, "转%s认定", legal_name ? legal_name : "法制局"));
	else if (strcmp(kind, "temporary") == 0)
		tmpl_set(tmpl_section(op, "KIND"), "LABEL", "暂无法认定，提出临时处理意见，提请联席会议审议");
	form_cell(f, op, "STEP_TEXT", label, o->text, CELL_CHARS);
	if (o->lead_name) {
		struct tdict *l = tmpl_section(op, "LEAD");
		tmpl_set(l, "NAME", o->lead_name);
		const char *coops = dispute_names_of(r->a, f->p, o->coop_ids);
		if (*coops)
			tmpl_set(tmpl_section(l, "COOPS"), "NAMES", coops);
	}
	const char *pr = dispute_principle_label(o->principle);
	if (pr)
		tmpl_set(tmpl_section(op, "PRINCIPLE"), "LABEL", pr);
	if (*o->basis)
		form_cell(f, tmpl_section(op, "BASIS"), "BASIS_TEXT",
			  arena_printf(r->a, "%s · 依据", label), o->basis, BASIS_CHARS);
	if (o->temp_name)
		tmpl_set(tmpl_section(op, "TEMP"), "NAME", o->temp_name);
	set_seal(op, o->seal_unit, o->seal_day);
}

/* 认定意见: the office's determination with the lead and cooperating
 * units, and the opinion it rests on. */
static void fill_determination(struct form *f, const char *source)
{
	struct req *r = f->r;
	const struct dispute_row *g = f->p->d;
	if (*g->determination == '\0')
		return;
	struct tdict *d = tmpl_section(f->root, "DET");
	form_cell(f, d, "DET_TEXT", "认定意见", g->determination, CELL_CHARS);
	tmpl_set(d, "LEAD_NAME", g->lead_name);
	struct buf coops;
	buf_init(&coops, r->a);
	for (size_t i = 0; i < f->p->nunits; i++)
		if (strcmp(f->p->units[i].role, "coop") == 0) {
			if (coops.len)
				buf_puts(&coops, "、");
			buf_puts(&coops, f->p->units[i].name);
		}
	if (coops.len)
		tmpl_set(tmpl_section(d, "DET_COOPS"), "NAMES", buf_str(&coops));
	const char *pr = dispute_principle_label(g->principle);
	if (pr)
		tmpl_set(tmpl_section(d, "DET_PRINCIPLE"), "LABEL", pr);
	if (source)
		tmpl_set(tmpl_section(d, "DET_SOURCE"), "LABEL", source);
	set_ymd(d, g->determined);
}

int h_dispute_form(struct req *r)
{
	struct dispute_page p;
	int st = dispute_load(REQ_CTX(r), r->id, &p);
	if (st)
		return st;
	const struct dispute_row *g = p.d;
	const char *labels[FS__MAX];
	int city = 0;
	step_labels(r, g, labels, &city);
	struct tdict *d = view_page(r, arena_printf(r->a, "争议认定表 · 工单 %s", g->number),
				    "disputes/form.tpl");
	dispute_fill_head(r, d, &p);
	struct form f = { .r = r, .p = &p, .root = d, .annexes = 0 };
	if (!city)
		tmpl_show(d, "COUNTY");
	form_cell(&f, d, "CONTENT", "事项内容", g->content, CELL_CHARS);
	fill_units(&f);

	/* The latest opinion of each row, and the latest deciding one (the
	 * one the determination rests on). */
	const struct dispute_opinion_row *latest[FS__MAX] = { NULL, NULL, NULL };
	const char *source = NULL;
	for (size_t i = 0; i < p.nopinions; i++) {
		const struct dispute_opinion_row *o = &p.opinions[i];
		for (int s = 0; s < FS__MAX; s++)
			if (strcmp(o->stage, step_stages[s]) == 0)
				latest[s] = o;
		if (strcmp(o->kind, "opinion") != 0)
			continue;
		source = strcmp(o->stage, "meeting") == 0 ? "联席会议决定"
			 : strcmp(o->stage, "legal") == 0 ? labels[FS_LEGAL] : labels[FS_ESTABLISHMENT];
	}
	for (int s = 0; s < FS__MAX; s++) {
		if (s == FS_LEGAL && g->legal_name == NULL)
			tmpl_show(step_row(d, s, labels[s], city), "NO_STEP");
		else
			fill_step(&f, latest[s], s, labels[s], city, g->legal_name);
	}
	fill_determination(&f, source);

	/* Member units see the caller's number masked, as on an order. */
	tmpl_set(d, "CONTACT_PHONE", order_phone_for(r->a, p.parties & (1u << DP_OFFICE)
						 ? 1u << OP_OFFICE : 0, g->contact_phone));
	return view_finish(r, 200);
}
