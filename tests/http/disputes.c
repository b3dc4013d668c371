#include "disputes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long cat_main, cat_learn, cat_apart;
char main_name[128], learn_name[128];

int dispute_categories(void)
{
	char name[128];
	snprintf(name, sizeof name, "争议测试%s", stamp);
	long parent = add_category(name, 0, LIMIT_DAYS, 1);
	snprintf(main_name, sizeof main_name, "职责交叉%s", stamp);
	cat_main = add_category(main_name, parent, LIMIT_DAYS, 1);
	snprintf(learn_name, sizeof learn_name, "新型事项%s", stamp);
	cat_learn = add_category(learn_name, parent, LIMIT_DAYS, 1);
	snprintf(name, sizeof name, "其他事项%s", stamp);
	cat_apart = add_category(name, parent, LIMIT_DAYS, 1);
	return parent && cat_main && cat_learn && cat_apart ? 0 : -1;
}

long dispatch(struct web *op, int n, long jur, long unit, long cat, const char *content,
	      char number[64])
{
	char p[32];
	struct call c = dispatch_to(phone_no(p, n), cat, jur, unit);
	c.caller = "吴女士";
	c.content = content;
	c.demand = "要求明确由哪个部门负责处理";
	return create(op, &c, number, 64);
}

void ask_return(struct web *clerk, long id, long suggested)
{
	char body[2048], s[24];
	snprintf(s, sizeof s, "%ld", suggested);
	ACT_ON(clerk, "orders", id, "return",
	       form(clerk, body, sizeof body, "reason", "该事项不属本单位职责",
		    "basis", "本单位“三定”规定未列此项职责", "suggested_unit_id", s, NULL), 303);
}

long open_dispute(struct web *office, long order, const char *note)
{
	char body[2048], path[64];
	ACT_ON(office, "orders", order, "dispute", form(office, body, sizeof body, "note", note, NULL),
	       303);
	GET(office, pathf(path, sizeof path, "/orders/%ld", order), 200);
	long id = id_after(text(office, "//dt[.='争议认定']/following-sibling::dd[1]/a/@href"),
			   "/disputes/");
	ck_assert_msg(id > 0, "order %ld does not link its dispute", order);
	return id;
}

long city_dispute(struct web *op, struct web *clerk, struct web *office, int n, long cat,
		  const char *content, long *order, char number[64])
{
	char num[64];
	long o = dispatch(op, n, jur_id("meizhou"), unit_id("city-hrss"), cat, content, num);
	ask_return(clerk, o, unit_id("city-psb-hz"));
	long id = open_dispute(office, o, "人社局与户政支队对承办主体有争议");
	if (order)
		*order = o;
	if (number)
		snprintf(number, 64, "%s", num);
	return id;
}

long referred_dispute(struct web *op, struct web *clerk, struct web *psb,
		      struct web *office, int n, long cat, const char *content, long *order,
		      char number[64])
{
	long id = city_dispute(op, clerk, office, n, cat, content, order, number);
	unit_opinion(clerk, id, "本局认为应由户政支队办理。");
	unit_opinion(psb, id, "本队认为应由人社局办理。");
	coordinate_refer(office, id);
	return id;
}

long ready_dispute(struct web *op, struct web *clerk, struct web *psb, struct web *office,
		   struct web *bianban, int n, long cat, const char *content, long *order,
		   char number[64])
{
	char body[4096];
	long id = referred_dispute(op, clerk, psb, office, n, cat, content, order, number);
	ACT_ON(bianban, "disputes", id, "review",
	       review_body(bianban, body, sizeof body, unit_id("city-psb-hz"), unit_id("city-hrss"),
			   "mandate", "户政支队“三定”规定：负责户口迁移登记",
			   "由户政支队牵头办理，人社局配合。"), 303);
	return id;
}

void unit_opinion(struct web *w, long id, const char *opinion)
{
	char body[2048];
	ACT_ON(w, "disputes", id, "unit-opinion", form(w, body, sizeof body, "opinion", opinion, NULL),
	       303);
}

void coordinate_refer(struct web *office, long id)
{
	char body[2048];
	ACT_ON(office, "disputes", id, "coordinate",
	       form(office, body, sizeof body, "opinion",
		    "经协调，相关单位对承办主体仍有分歧，提请认定。", NULL), 303);
	ACT_ON(office, "disputes", id, "refer", NULL, 303);
}

const char *review_body(struct web *w, char *body, size_t size, long lead, long coop,
			const char *principle, const char *basis, const char *opinion)
{
	body[0] = '\0';
	form_add(w, body, size, "decision", "opinion");
	if (lead)
		form_addl(w, body, size, "lead_unit_id", lead);
	if (coop)
		form_addl(w, body, size, "coop_unit_id", coop);
	if (principle)
		form_add(w, body, size, "principle", principle);
	if (basis)
		form_add(w, body, size, "basis", basis);
	if (opinion)
		form_add(w, body, size, "opinion", opinion);
	return body;
}

void determine(struct web *office, long id, const char *opinion)
{
	char body[2048];
	ACT_ON(office, "disputes", id, "determine",
	       form(office, body, sizeof body, "opinion", opinion, NULL), 303);
}

/* ---- what a user reads -------------------------------------------------- */

void dpage(struct web *w, long id)
{
	char path[64];
	GET(w, pathf(path, sizeof path, "/disputes/%ld", id), 200);
}

void dsnap(struct web *w, long id, struct dsnap *s)
{
	dpage(w, id);
	snprintf(s->state, sizeof s->state, "%s",
		 text(w, "//p[@class='meta']/span[contains(@class,'state')]"));
	snprintf(s->lead, sizeof s->lead, "%s", text(w, "//dd[@class='d-lead']"));
	const char *left = web_xpath_text(w, "//p[@class='meta']//span[@class='left']");
	s->left = left ? atoi(left) : -1;
	const char *meta = text(w, "//p[@class='meta']");
	const char *due = strstr(meta, "本环节期限 ");
	snprintf(s->due, sizeof s->due, "%.10s", due ? due + strlen("本环节期限 ") : "");
	s->opinions = count(w, "//ol[@class='opinions']/li");
	s->events = count(w, "//ol[@class='timeline']/li");
	s->contacts = count(w, "//ul[@class='contacts']/li");
	s->answered = count(w, "//table[@class='dispute-units']/tbody/tr/td[4]/span[@class='text']");
}

const char *dstate(struct web *w, long id, char out[64])
{
	struct dsnap s;
	dsnap(w, id, &s);
	snprintf(out, 64, "%s", s.state);
	return out;
}

void dispute_refused(struct web *obs, struct web *w, const char *who, long id,
		     const char *step, const char *extra, int want)
{
	struct dsnap a, b;
	dsnap(obs, id, &a);
	char number[64];
	snprintf(number, sizeof number, "%s", text(obs, "//h1/a"));
	long st = web_act_on(w, "disputes", id, step, extra);
	ck_assert_msg(st == want, "%s: POST /disputes/%ld/%s: status %ld, expected %d\n%.600s",
		      who, id, step, st, want, w->body ? w->body : "");
	snprintf(refusal, sizeof refusal, "%s", message(w));
	if (want == 404)
		ck_assert_msg(!body_has(w, number), "%s's 404 for %s shows the order %s", who,
			      step, number);
	dsnap(obs, id, &b);
	ck_assert_msg(strcmp(a.state, b.state) == 0 && strcmp(a.lead, b.lead) == 0 &&
			      strcmp(a.due, b.due) == 0 && a.opinions == b.opinions &&
			      a.events == b.events && a.contacts == b.contacts &&
			      a.answered == b.answered,
		      "%s's refused %s changed dispute %ld: %s/%d/%d/%d/%d → %s/%d/%d/%d/%d", who,
		      step, id, a.state, a.opinions, a.events, a.contacts, a.answered, b.state,
		      b.opinions, b.events, b.contacts, b.answered);
}

void opinion_is(struct web *w, int n, const char *stage, const char *label,
		const char *seal_unit, const char *part)
{
	char xp[160], li[8192], want[256];
	snprintf(xp, sizeof xp, "//ol[@class='opinions']/li[%d]", n);
	snprintf(li, sizeof li, "%s", text(w, xp));
	ck_assert_msg(count(w, "//ol[@class='opinions']/li[%d][contains(@class,'stage-%s')]", n,
			    stage) == 1, "opinion %d 「%s」 is not of stage %s", n, li, stage);
	ck_assert_msg(strstr(li, label) != NULL, "opinion %d 「%s」 lacks 「%s」", n, li, label);
	snprintf(xp, sizeof xp, "//ol[@class='opinions']/li[%d]//span[@class='sealed']", n);
	const char *seal = text(w, xp);
	snprintf(want, sizeof want, "盖章：%s ", seal_unit);
	const char *at = strstr(seal, want);
	ck_assert_msg(at != NULL && is_run_date(at + strlen(want)),
		      "opinion %d's seal 「%s」 is not %s's of a day of the run", n, seal, seal_unit);
	if (part)
		ck_assert_msg(strstr(li, part) != NULL, "opinion %d 「%s」 lacks 「%s」", n, li, part);
}

int listed(struct web *w, long id)
{
	return count(w, "//table[@class='disputes']/tbody/tr[td[1]/a='争议 #%ld']", id);
}

int in_list(struct web *w, long id)
{
	GET(w, "/disputes", 200);
	return listed(w, id) > 0;
}

int list_left(struct web *w, long id)
{
	char xp[160];
	snprintf(xp, sizeof xp,
		 "//table[@class='disputes']/tbody/tr[td[1]/a='争议 #%ld']/td[6]//span[@class='left']",
		 id);
	const char *s = web_xpath_text(w, xp);
	return s ? atoi(s) : -1;
}
