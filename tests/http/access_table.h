/* The access table (issue 11): who may use which route, written from
 * DESIGN.md's "Who may do what" (not from cgi-src/roles.c), with the demo
 * accounts (sql/demo/demo.sql), one per role and place. test_access checks
 * every route x every account against it and that every route of routes[]
 * has a row; test_csrf finds an account the route admits; test_scope the
 * answers to the pages of objects an account may not see. Included by
 * those suites only (the tables are theirs, static). */
#ifndef ACCESS_TABLE_H
#define ACCESS_TABLE_H
#include <stdio.h>
#include <string.h>

#include "harness.h"

#include "form.h"
#include "route.h"

/* ---- the accounts ------------------------------------------------------- */

/* Roles, as DESIGN.md names them. */
enum {
	OP = 1 << 0,   /* operator 话务员 */
	CL = 1 << 1,   /* clerk 经办人 */
	ED = 1 << 2,   /* kb_editor 知识库专员 */
	AP = 1 << 3,   /* kb_approver 分管领导 */
	OF = 1 << 4,   /* coordinator 管理办 */
	RV = 1 << 5,   /* reviewer 审核人 */
	CV = 1 << 6,   /* convener 召集人 */
	AD = 1 << 7,   /* admin 系统管理员 */
	ANY = 1 << 8,  /* any signed-in user */
	PUB = 1 << 9,  /* anyone, signed in or not */
	IN = 1 << 10,  /* inspector 质检员 */
	KB = OP | CL | ED | AP | OF | RV | CV | IN,  /* every role that searches the KB */
	QA = OF | IN,  /* who samples and marks answers (K10) */
};

struct account {
	const char *user;   /* NULL: a visitor, not signed in */
	unsigned roles;
};

/* The demo accounts (sql/demo/demo.sql), one per role and place. */
static const struct account accounts[] = {
	{ NULL, 0 },
	{ "operator", OP },
	{ "clerk_hrss", CL },
	{ "editor_hrss", ED },
	{ "approver_hrss", AP },
	{ "coordinator", OF },
	{ "reviewer_bianban", RV },
	{ "convener", CV },
	{ "admin", AD },
	{ "mj_coordinator", OF },
	{ "mj_admin", AD },
	{ "mj_clerk", CL },
	{ "mj_reviewer", RV },
	{ "inspector", IN },
};
#define N_ACCOUNTS (sizeof accounts / sizeof accounts[0])

static inline const char *name_of(const struct account *a)
{
	return a->user ? a->user : "(visitor)";
}

/* who may use a route, and the answer they get to the probe. */
struct row {
	const char *method, *pattern;
	unsigned who;
	int ok;
};

static const struct row table[] = {
	{ "GET", "/hello", PUB, 200 },
	{ "GET", "/login", PUB, 200 },
	{ "POST", "/login", PUB, 400 },
	{ "POST", "/logout", ANY, 303 },
	{ "GET", "/", ANY, 200 },
	{ "GET", "/account/password", ANY, 200 },
	{ "POST", "/account/password", ANY, 400 },
	{ "GET", "/admin/jurisdictions", AD, 200 },
	{ "POST", "/admin/jurisdictions", AD, 400 },
	{ "POST", "/admin/jurisdictions/{id}", AD, 400 },
	{ "GET", "/admin/units", AD, 200 },
	{ "POST", "/admin/units", AD, 400 },
	{ "GET", "/admin/units/{id}", AD, 404 },
	{ "POST", "/admin/units/{id}", AD, 400 },
	{ "GET", "/admin/users", AD, 200 },
	{ "POST", "/admin/users", AD, 400 },
	{ "GET", "/admin/users/{id}", AD, 404 },
	{ "POST", "/admin/users/{id}", AD, 400 },
	{ "POST", "/admin/users/{id}/password", AD, 400 },
	{ "POST", "/admin/users/{id}/memberships", AD, 400 },
	{ "POST", "/admin/memberships/{id}/deactivate", AD, 404 },
	{ "GET", "/admin/categories", AD, 200 },
	{ "POST", "/admin/categories", AD, 400 },
	{ "GET", "/admin/categories/{id}", AD, 404 },
	{ "POST", "/admin/categories/{id}", AD, 400 },
	{ "POST", "/admin/categories/{id}/service", AD, 400 },
	{ "POST", "/admin/categories/{id}/attributes", AD, 400 },
	{ "POST", "/admin/attributes/{id}/deactivate", AD, 404 },
	{ "GET", "/admin/open311", AD, 200 },
	{ "POST", "/admin/open311", AD, 400 },
	{ "POST", "/admin/open311/{id}/revoke", AD, 404 },
	{ "GET", "/admin/routing", AD, 200 },
	{ "POST", "/admin/routing", AD, 400 },
	{ "POST", "/admin/routing/{id}", AD, 400 },
	{ "GET", "/admin/procedures", AD, 200 },
	{ "POST", "/admin/procedures", AD, 400 },
	{ "GET", "/calendar", ANY, 200 },
	{ "POST", "/calendar", AD, 400 },
	{ "GET", "/audit", OF | AD, 200 },
	{ "GET", "/knowledge", KB, 200 },
	{ "GET", "/knowledge/mine", KB, 200 },
	{ "GET", "/knowledge/new", ED, 200 },
	{ "POST", "/knowledge/new", ED, 400 },
	{ "GET", "/knowledge/pending", AP, 200 },
	{ "GET", "/knowledge/overdue", KB, 200 },
	{ "GET", "/knowledge/review", ED, 200 },
	{ "POST", "/knowledge/review", ED, 400 },
	{ "GET", "/knowledge/entries/{id}", KB, 404 },
	{ "GET", "/knowledge/entries/{id}/history", KB, 404 },
	{ "GET", "/knowledge/entries/{id}/diff", KB, 400 },
	{ "POST", "/knowledge/entries/{id}/draft", ED, 404 },
	{ "POST", "/knowledge/entries/{id}/obsolete", ED, 400 },
	{ "GET", "/knowledge/versions/{id}", KB, 404 },
	{ "GET", "/knowledge/versions/{id}/edit", ED, 404 },
	{ "POST", "/knowledge/versions/{id}", ED, 400 },
	{ "POST", "/knowledge/versions/{id}/submit", ED, 404 },
	{ "POST", "/knowledge/versions/{id}/withdraw", ED, 404 },
	{ "POST", "/knowledge/versions/{id}/approve", AP, 404 },
	{ "POST", "/knowledge/versions/{id}/reject", AP, 400 },
	{ "POST", "/knowledge/entries/{id}/report", OP, 400 },
	{ "GET", "/knowledge/updates", KB, 200 },
	{ "GET", "/knowledge/updates/{id}", KB, 404 },
	{ "POST", "/knowledge/updates/{id}/reply", ED, 400 },
	{ "POST", "/knowledge/updates/{id}/fixed", ED, 400 },
	{ "POST", "/knowledge/updates/{id}/confirm", KB, 400 },
	{ "POST", "/knowledge/updates/{id}/reopen", KB, 400 },
	{ "GET", "/knowledge/gaps", OF, 200 },
	{ "POST", "/knowledge/gaps/{id}/assign", OF, 400 },
	{ "GET", "/knowledge/synonyms", OF, 200 },
	{ "POST", "/knowledge/synonyms", OF, 400 },
	{ "POST", "/knowledge/synonyms/{id}/delete", OF, 404 },
	{ "GET", "/knowledge/typos", OF, 200 },
	{ "POST", "/knowledge/typos", OF, 400 },
	{ "POST", "/knowledge/typos/{id}/delete", OF, 404 },
	{ "GET", "/knowledge/learned", OF, 200 },
	{ "POST", "/knowledge/learned/{id}/delete", OF, 404 },
	{ "GET", "/knowledge/grants", KB, 200 },
	{ "POST", "/knowledge/grants", ED, 400 },
	{ "GET", "/knowledge/people", KB, 200 },
	{ "POST", "/knowledge/people", AP, 400 },
	{ "GET", "/orders/retention", OF, 200 },
	{ "POST", "/orders/retention", OF, 400 },
	{ "GET", "/assessment", ANY, 200 },
	{ "POST", "/assessment/compute", OF, 400 },
	{ "GET", "/assessment/export.csv", OF, 200 },
	{ "GET", "/assessment/formula", OF, 200 },
	{ "POST", "/assessment/formula", OF, 400 },
	{ "GET", "/assessment/units/{id}", ANY, 404 },
	{ "GET", "/quality", QA, 200 },
	{ "POST", "/quality/draw", QA, 400 },
	{ "POST", "/quality/samples/{id}", QA, 400 },
	{ "GET", "/bulletins", ANY, 200 },
	{ "POST", "/bulletins", OF, 400 },
	{ "GET", "/bulletins/{id}", ANY, 404 },
	{ "POST", "/bulletins/{id}", OF, 400 },
	{ "POST", "/bulletins/{id}/approve", OF, 404 },
	{ "POST", "/bulletins/{id}/publish", OF, 404 },
	{ "GET", "/bulletins/{id}/export.csv", ANY, 404 },
	{ "POST", "/knowledge/grants/{id}/approve", AP, 404 },
	{ "POST", "/knowledge/grants/{id}/consent", OF, 404 },
	{ "POST", "/knowledge/grants/{id}/refuse", KB, 404 },
	{ "GET", "/knowledge/export", ED, 200 },
	{ "GET", "/orders/new", OP, 200 },
	{ "POST", "/orders/new", OP, 400 },
	{ "POST", "/orders", OP, 400 },
	{ "GET", "/orders", OF, 200 },
	{ "GET", "/orders/export.csv", OF, 200 },
	{ "GET", "/orders/queue", CL, 200 },
	{ "GET", "/orders/mine", OP, 200 },
	{ "GET", "/orders/returns", OF, 200 },
	{ "GET", "/orders/pending", OP, 200 },
	{ "GET", "/orders/duplicates", OF, 200 },
	{ "GET", "/orders/{id}", ANY, 404 },
	{ "GET", "/orders/{id}/print", ANY, 404 },
	{ "POST", "/orders/{id}/accept", CL, 404 },
	{ "POST", "/orders/{id}/note", CL, 400 },
	{ "POST", "/orders/{id}/reply", CL, 400 },
	{ "POST", "/orders/{id}/return", CL, 400 },
	{ "POST", "/orders/{id}/close", OF, 400 },
	{ "POST", "/orders/{id}/send-back", OF, 400 },
	{ "POST", "/orders/{id}/reopen", OF, 400 },
	{ "POST", "/orders/{id}/urge", OF, 400 },
	{ "POST", "/orders/{id}/redispatch", OF, 400 },
	{ "POST", "/orders/{id}/refuse-return", OF, 400 },
	{ "POST", "/orders/{id}/coop", CL, 400 },
	{ "POST", "/orders/{id}/dispute", OF, 400 },
	{ "POST", "/orders/{id}/merge", OF, 400 },
	{ "POST", "/orders/{id}/not-duplicate", OF, 404 },
	{ "POST", "/orders/{id}/qcode", ANY, 404 },
	{ "GET", "/disputes", ANY, 200 },
	{ "GET", "/disputes/{id}", ANY, 404 },
	{ "GET", "/disputes/{id}/form", ANY, 404 },
	{ "POST", "/disputes/{id}/unit-opinion", CL, 400 },
	{ "POST", "/disputes/{id}/coordinate", OF, 400 },
	{ "POST", "/disputes/{id}/contact", OF, 400 },
	{ "POST", "/disputes/{id}/refer", OF, 404 },
	{ "POST", "/disputes/{id}/review", RV, 400 },
	{ "POST", "/disputes/{id}/determine", OF, 400 },
	{ "POST", "/disputes/{id}/accept", CL, 404 },
	{ "POST", "/disputes/{id}/refuse", CL, 400 },
	{ "POST", "/disputes/{id}/account", OF, 400 },
	{ "POST", "/disputes/{id}/unbind", OF, 400 },
	{ "POST", "/disputes/{id}/rule", OF, 400 },
	{ "GET", "/meetings", OF | CV, 200 },
	{ "POST", "/meetings", OF, 400 },
	{ "GET", "/meetings/{id}", OF | CV, 404 },
	{ "POST", "/meetings/{id}/schedule", CV, 400 },
	{ "POST", "/meetings/{id}/decide", CV, 400 },
	{ "POST", "/meetings/{id}/held", CV, 400 },
	{ "GET", "/accountability", OF, 200 },
	{ "POST", "/accountability/{id}/close", OF, 400 },
	{ "GET", "/kb", PUB, 200 },
	{ "GET", "/kb/e/{id}", PUB, 404 },
	{ "POST", "/kb/e/{id}/vote", PUB, 400 },
	{ "GET", "/status", PUB, 200 },
	{ "POST", "/status", PUB, 400 },
	/* Open311: the services are public; requests need an api_key, so
	 * a probe without one is refused in the specification's form. */
	{ "GET", "/open311/v2/services.{fmt}", PUB, 200 },
	{ "GET", "/open311/v2/services/{ref}.{fmt}", PUB, 404 },
	{ "GET", "/open311/v2/requests.{fmt}", PUB, 403 },
	{ "POST", "/open311/v2/requests.{fmt}", PUB, 400 },
	{ "GET", "/open311/v2/requests/{ref}.{fmt}", PUB, 403 },
};
#define N_ROWS (sizeof table / sizeof table[0])

/* Where one account's answer differs from its role's. */
struct except {
	const char *user;      /* NULL: every signed-in account */
	const char *method, *pattern;
	int status;
};

static const struct except excepts[] = {
	/* Signed in already: the sign-in page sends one to the workbench. */
	{ NULL, "GET", "/login", 303 },
	/* Only the city's office keeps the search standards (K7); a county's
	 * office reads them. */
	{ "mj_coordinator", "POST", "/knowledge/synonyms/{id}/delete", 403 },
	{ "mj_coordinator", "POST", "/knowledge/learned/{id}/delete", 403 },
	{ "mj_coordinator", "POST", "/knowledge/typos/{id}/delete", 403 },
	/* The categories are the city's: a county's admin reads the list and
	 * edits none. */
	{ "mj_admin", "GET", "/admin/categories/{id}", 403 },
	{ "mj_admin", "POST", "/admin/attributes/{id}/deactivate", 403 },
};

/* The id of no object: a route of an object answers 404 to it. */
#define SENTINEL "999999999"

static inline const char *method_name(enum method m)
{
	return m == M_POST ? "POST" : "GET";
}

static inline const struct row *row_for(const char *method, const char *pattern)
{
	for (size_t i = 0; i < N_ROWS; i++)
		if (strcmp(table[i].method, method) == 0 &&
		    strcmp(table[i].pattern, pattern) == 0)
			return &table[i];
	return NULL;
}

static inline const struct route *route_for(const struct row *t)
{
	for (size_t i = 0; i < routes_count; i++)
		if (strcmp(method_name(routes[i].method), t->method) == 0 &&
		    strcmp(routes[i].pattern, t->pattern) == 0)
			return &routes[i];
	return NULL;
}

/* What account a gets for row t. */
static inline int expected(const struct row *t, const struct account *a)
{
	int allowed = (t->who & PUB) ||
		      (a->user != NULL && ((t->who & ANY) || (t->who & a->roles)));
	if (allowed && a->user != NULL)
		for (size_t i = 0; i < sizeof excepts / sizeof excepts[0]; i++)
			if ((excepts[i].user == NULL || strcmp(excepts[i].user, a->user) == 0) &&
			    strcmp(excepts[i].method, t->method) == 0 &&
			    strcmp(excepts[i].pattern, t->pattern) == 0)
				return excepts[i].status;
	if (allowed)
		return t->ok;
	if (a->user == NULL && strcmp(t->method, "GET") == 0)
		return 303;
	return 403;
}

/* pattern with id for {id} and {ref}, json for {fmt}. */
static inline void path_of(const char *pattern, const char *id, char *out, size_t size)
{
	char tmp[512];
	snprintf(out, size, "%s", pattern);
	static const char *const holes[] = { "{id}", "{ref}", "{fmt}" };
	for (size_t h = 0; h < 3; h++) {
		const char *p = strstr(out, holes[h]);
		if (p == NULL)
			continue;
		snprintf(tmp, sizeof tmp, "%.*s%s%s", (int)(p - out), out, h == 2 ? "json" : id,
			 p + strlen(holes[h]));
		size_t n = strlen(tmp);
		if (n >= size)
			n = size - 1;
		memcpy(out, tmp, n);
		out[n] = '\0';
	}
}

/* The probe's body: the token, and the first declared field one
 * character longer than it may be. */
static inline void probe_body(struct web *w, const struct route *r, const char *csrf, char *out,
		       size_t size)
{
	snprintf(out, size, "csrf=%s", csrf);
	if (r->fields == NULL || r->fields[0].f == F__MAX)
		return;
	const struct field_def *d = &field_defs[r->fields[0].f];
	size_t n = d->max_len + 1, len = strlen(out);
	ck_assert_msg(len + strlen(d->name) + n + 2 < size, "probe body too long");
	len += (size_t)snprintf(out + len, size - len, "&%s=", d->name);
	memset(out + len, 'x', n);
	out[len + n] = '\0';
	(void)w;
}


#endif
