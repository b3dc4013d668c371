/* The access test (issue 11): who may use which route, on whose objects.
 *
 * 1. Every route × every demo role. The expected answer comes from the
 *    table below, written from DESIGN.md's "Who may do what" (not from
 *    cgi-src/roles.c): a route of routes[] without a row here, or a row
 *    without a route, fails the test. Each account asks every route with a
 *    sentinel object (id 999999999) and, for a POST, a valid token and the
 *    route's first declared field one character too long: an account the
 *    route admits gets past the role and token checks (400, or 404 for the
 *    missing object), one it refuses gets 403 (a visitor's GET: 303 to the
 *    sign-in page).
 * 2. Scope: orders, disputes, users and units of the account's own unit,
 *    another unit and another jurisdiction; the expected answer per
 *    account comes from tables here again.
 * 3. The holes an outside probe found (issue 11, items 1-4, 6-10, 12),
 *    each with the request that showed it.
 * 4. Every form field's length against the columns that store it
 *    (field_columns.h, read from the code and the schema by hand; the
 *    lengths from information_schema).
 *
 * Run by tests/stack-tests.sh on the shared fresh stack, with BASE_URL,
 * VAR and STACK in the environment. What it creates is named with a stamp
 * unique to the run; it changes no demo account. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check_web.h"
#include "check_db.h"
#include "field_columns.h"

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
	KB = OP | CL | ED | AP | OF | RV | CV,  /* every role that searches the KB */
};

struct account {
	const char *user;   /* NULL: a visitor, not signed in */
	unsigned roles;
	long unit, jur;
};

/* The demo accounts (sql/demo/demo.sql), one per role and place. */
static const struct account accounts[] = {
	{ NULL, 0, 0, 0 },
	{ "operator", OP, 2, 1 },
	{ "clerk_hrss", CL, 14, 1 },
	{ "editor_hrss", ED, 14, 1 },
	{ "approver_hrss", AP, 14, 1 },
	{ "coordinator", OF, 1, 1 },
	{ "reviewer_bianban", RV, 4, 1 },
	{ "convener", CV, 3, 1 },
	{ "admin", AD, 1, 1 },
	{ "mj_coordinator", OF, 101, 2 },
	{ "mj_admin", AD, 101, 2 },
	{ "mj_clerk", CL, 105, 2 },
	{ "mj_reviewer", RV, 103, 2 },
};
#define N_ACCOUNTS (sizeof accounts / sizeof accounts[0])

static const char *name_of(const struct account *a)
{
	return a->user ? a->user : "(visitor)";
}

/* ---- 1. the route table ------------------------------------------------- */

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
	{ "GET", "/knowledge/learned", OF, 200 },
	{ "POST", "/knowledge/learned/{id}/delete", OF, 404 },
	{ "GET", "/knowledge/grants", KB, 200 },
	{ "POST", "/knowledge/grants", ED, 400 },
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
	{ "GET", "/orders/returns", OF, 200 },
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
	{ "POST", "/orders/{id}/dispute", OF, 400 },
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
	/* The categories are the city's: a county's admin reads the list and
	 * edits none. */
	{ "mj_admin", "GET", "/admin/categories/{id}", 403 },
};

#define SENTINEL "999999999"

static const char *method_name(enum method m)
{
	return m == M_POST ? "POST" : "GET";
}

static const struct row *row_for(const char *method, const char *pattern)
{
	for (size_t i = 0; i < N_ROWS; i++)
		if (strcmp(table[i].method, method) == 0 &&
		    strcmp(table[i].pattern, pattern) == 0)
			return &table[i];
	return NULL;
}

static const struct route *route_for(const struct row *t)
{
	for (size_t i = 0; i < routes_count; i++)
		if (strcmp(method_name(routes[i].method), t->method) == 0 &&
		    strcmp(routes[i].pattern, t->pattern) == 0)
			return &routes[i];
	return NULL;
}

START_TEST(every_route_has_a_row)
{
	char missing[4096] = "";
	for (size_t i = 0; i < routes_count; i++)
		if (row_for(method_name(routes[i].method), routes[i].pattern) == NULL)
			snprintf(missing + strlen(missing), sizeof missing - strlen(missing),
				 " %s %s", method_name(routes[i].method), routes[i].pattern);
	ck_assert_msg(missing[0] == '\0',
		      "routes without a row in the access table:%s", missing);
	for (size_t i = 0; i < N_ROWS; i++)
		ck_assert_msg(route_for(&table[i]) != NULL, "no route %s %s",
			      table[i].method, table[i].pattern);
	ck_assert_int_eq(routes_count, N_ROWS);
	printf("access: %zu routes x %zu accounts = %zu probes\n", N_ROWS, N_ACCOUNTS,
	       N_ROWS * N_ACCOUNTS);
}
END_TEST

/* What account a gets for row t. */
static int expected(const struct row *t, const struct account *a)
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

/* pattern with id for {id}. */
static void path_of(const char *pattern, const char *id, char *out, size_t size)
{
	const char *p = strstr(pattern, "{id}");
	if (p == NULL)
		snprintf(out, size, "%s", pattern);
	else
		snprintf(out, size, "%.*s%s%s", (int)(p - pattern), pattern, id, p + 4);
}

/* The probe's body: the token, and the first declared field one
 * character longer than it may be. */
static void probe_body(struct web *w, const struct route *r, const char *csrf, char *out,
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

/* Asks t as w (signed in as a or not); appends a line to bad when the
 * answer is not the table's. */
static void probe(struct web *w, const struct account *a, const struct row *t,
		  const char *csrf, char *bad, size_t bad_size)
{
	static char body[16384];
	char path[256];
	const struct route *r = route_for(t);
	path_of(t->pattern, SENTINEL, path, sizeof path);
	long st;
	if (strcmp(t->method, "GET") == 0) {
		st = web_get(w, path);
	} else {
		probe_body(w, r, csrf, body, sizeof body);
		st = web_post(w, path, body);
	}
	int want = expected(t, a);
	const char *loc = web_location(w);
	int ok = st == want;
	if (ok && want == 303 && a->user == NULL)
		ok = loc != NULL && strncmp(loc, "/login?next=", 12) == 0;
	if (!ok)
		snprintf(bad + strlen(bad), bad_size - strlen(bad), "\n  %s %s %s: %ld, expected %d",
			 name_of(a), t->method, path, st, want);
}

/* Account _i asks every route; sign-out last. */
START_TEST(every_route_every_role)
{
	const struct account *a = &accounts[_i];
	struct web w;
	static char bad[65536];
	bad[0] = '\0';
	const char *csrf;
	if (a->user) {
		sign_in(&w, a->user);
		csrf = token_from(&w, "/");
	} else {
		start(&w);
		csrf = token_from(&w, "/login");
	}
	char token[160];
	snprintf(token, sizeof token, "%s", csrf);
	const struct row *logout = row_for("POST", "/logout");
	int n = 0;
	for (size_t i = 0; i < N_ROWS; i++)
		if (&table[i] != logout) {
			probe(&w, a, &table[i], token, bad, sizeof bad);
			n++;
		}
	probe(&w, a, logout, token, bad, sizeof bad);
	n++;
	ck_assert_msg(bad[0] == '\0', "unexpected answers:%s", bad);
	printf("access: %s: %d routes as the table says\n", name_of(a), n);
	web_free(&w);
}
END_TEST

/* ---- 2. scope ----------------------------------------------------------- */

/* Set in main, before Check forks. */
static char stamp[24];
static unsigned run_no;

/* Demo units and jurisdictions. */
#define U_OFFICE 1
#define U_PSB_HZ 11
#define U_HRSS 14
#define U_MJ_OFFICE 101
#define U_MJ_HRSS 105
#define U_MJ_EDU 106
#define J_CITY 1
#define J_MJ 2
#define CAT_PENSION 2       /* 养老保险 */

static const char *str_of(long v, char out[24])
{
	snprintf(out, 24, "%ld", v);
	return out;
}

/* operator takes a call in jur and dispatches it to unit; the order's id. */
static long dispatch(struct web *op, int n, long jur, long unit)
{
	char body[4096], phone[32], j[24], u[24], cat[24];
	snprintf(phone, sizeof phone, "16%05u%04d", run_no % 100000, n % 10000);
	form(op, body, sizeof body, "csrf", token_from(op, "/orders/new"),
	     "caller_phone", phone, "caller_name", "访问测试", "channel", "phone",
	     "category_id", str_of(CAT_PENSION, cat), "jurisdiction_id", str_of(jur, j),
	     "content", "访问范围测试：咨询养老保险关系转移", "demand", "要求答复办理方式",
	     "unit_id", str_of(unit, u), "outcome", "dispatch", NULL);
	long st = web_post(op, "/orders", body);
	ck_assert_msg(st == 303, "intake: status %ld\n%.800s", st, op->body ? op->body : "");
	long id = id_after(web_location(op), "/orders/");
	ck_assert_msg(id > 0, "no order in Location %s", web_location(op));
	return id;
}

static long act(struct web *w, const char *pattern, long id, const char *extra)
{
	char path[128], s[24];
	path_of(pattern, str_of(id, s), path, sizeof path);
	return post_with_token(w, path, extra);
}

/* The clerk asks to return order, naming suggested; the office opens a
 * dispute; returns its id. */
static long dispute_of(struct web *clerk, struct web *office, long order, long suggested)
{
	char body[2048], s[24], path[64];
	long st = act(clerk, "/orders/{id}/return", order,
		      form(clerk, body, sizeof body, "reason", "该事项不属本单位职责",
			   "basis", "本单位“三定”规定未列此项职责",
			   "suggested_unit_id", str_of(suggested, s), NULL));
	ck_assert_msg(st == 303, "return: %ld %.600s", st, clerk->body);
	st = act(office, "/orders/{id}/dispute", order,
		 form(office, body, sizeof body, "note", "承办主体有争议", NULL));
	ck_assert_msg(st == 303, "dispute: %ld %.600s", st, office->body);
	snprintf(path, sizeof path, "/orders/%ld", order);
	GET(office, path, 200);
	long id = id_after(text(office, "//dt[.='争议认定']/following-sibling::dd[1]/a/@href"),
			   "/disputes/");
	ck_assert_msg(id > 0, "order %ld does not link its dispute", order);
	return id;
}

/* Who sees what: for each account, the objects (by letter) it may open.
 * Orders: h = the city's, handled by 人社局; p = the city's, handled by
 * 户政支队; m = 梅江区's, handled by 梅江区人社局. The call centre takes
 * every call; the city's office supervises the counties too (its scope
 * is the whole city); a unit sees only what it handles. */
struct sees { const char *user; const char *orders; const char *disputes; };
static const struct sees sees[] = {
	{ NULL, "", "" },
	{ "operator", "hpm", "" },
	{ "clerk_hrss", "h", "h" },
	{ "editor_hrss", "", "" },
	{ "approver_hrss", "", "" },
	{ "coordinator", "hpm", "hm" },
	{ "reviewer_bianban", "", "" },
	{ "convener", "", "" },
	{ "admin", "", "" },
	{ "mj_coordinator", "m", "m" },
	{ "mj_admin", "", "" },
	{ "mj_clerk", "m", "m" },
	{ "mj_reviewer", "", "" },
};

static const struct sees *sees_of(const struct account *a)
{
	for (size_t i = 0; i < sizeof sees / sizeof sees[0]; i++)
		if ((sees[i].user == NULL) == (a->user == NULL) &&
		    (a->user == NULL || strcmp(sees[i].user, a->user) == 0))
			return &sees[i];
	ck_abort_msg("no row for %s in sees[]", name_of(a));
	return NULL;
}

/* The actions a route's own table row admits a role to, tried on an
 * object the account may not see: each must be 404 (never done). */
static const char *const order_posts[] = {
	"/orders/{id}/accept", "/orders/{id}/note", "/orders/{id}/reply", "/orders/{id}/return",
	"/orders/{id}/close", "/orders/{id}/send-back", "/orders/{id}/reopen",
	"/orders/{id}/urge", "/orders/{id}/redispatch", "/orders/{id}/refuse-return",
	"/orders/{id}/dispute",
};
static const char *const dispute_posts[] = {
	"/disputes/{id}/unit-opinion", "/disputes/{id}/coordinate", "/disputes/{id}/contact",
	"/disputes/{id}/refer", "/disputes/{id}/review", "/disputes/{id}/determine",
	"/disputes/{id}/accept", "/disputes/{id}/refuse", "/disputes/{id}/account",
	"/disputes/{id}/rule",
};

static const struct row *row_of(const char *method, const char *pattern)
{
	const struct row *t = row_for(method, pattern);
	ck_assert_msg(t != NULL, "no row for %s %s", method, pattern);
	return t;
}

/* What a sees of object id (visible or not) through the GET views in
 * views[] and the POSTs in posts[]; appends mismatches to bad. */
static void scope_probe(struct web *w, const struct account *a, long id, int visible,
			const char *const *views, size_t nviews, const char *const *posts,
			size_t nposts, char *bad, size_t bad_size)
{
	char path[128], ids[24];
	str_of(id, ids);
	for (size_t i = 0; i < nviews; i++) {
		const struct row *t = row_of("GET", views[i]);
		int want = expected(t, a) == 404 ? (visible ? 200 : 404) : expected(t, a);
		path_of(views[i], ids, path, sizeof path);
		long st = web_get(w, path);
		if (st != want)
			snprintf(bad + strlen(bad), bad_size - strlen(bad),
				 "\n  %s GET %s: %ld, expected %d", name_of(a), path, st, want);
	}
	if (visible || a->user == NULL)
		return;
	for (size_t i = 0; i < nposts; i++) {
		const struct row *t = row_of("POST", posts[i]);
		if (expected(t, a) == 403)
			continue;  /* the role check, probed above */
		path_of(posts[i], ids, path, sizeof path);
		long st = post_with_token(w, path, NULL);
		if (st != 404)
			snprintf(bad + strlen(bad), bad_size - strlen(bad),
				 "\n  %s POST %s: %ld, expected 404", name_of(a), path, st);
	}
}

/* The state of order id as the operator sees it. */
static void order_state(struct web *op, long id, char out[128])
{
	char path[64];
	snprintf(path, sizeof path, "/orders/%ld", id);
	GET(op, path, 200);
	snprintf(out, 128, "%s", text(op, "//dd[@class='o-state']"));
}

START_TEST(orders_in_scope)
{
	struct web op, clerk, psb, mj_clerk, office, mj_office;
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&psb, "clerk_psb");
	sign_in(&mj_clerk, "mj_clerk");
	sign_in(&office, "coordinator");
	sign_in(&mj_office, "mj_coordinator");
	struct { char letter; long id; char state[128]; } o[3] = {
		{ 'h', dispatch(&op, 1, J_CITY, U_HRSS), "" },
		{ 'p', dispatch(&op, 2, J_CITY, U_PSB_HZ), "" },
		{ 'm', dispatch(&op, 3, J_MJ, U_MJ_HRSS), "" },
	};
	for (int k = 0; k < 3; k++)
		order_state(&op, o[k].id, o[k].state);
	static const char *const views[] = { "/orders/{id}", "/orders/{id}/print" };
	static char bad[65536];
	bad[0] = '\0';
	for (size_t i = 0; i < N_ACCOUNTS; i++) {
		const struct account *a = &accounts[i];
		struct web w;
		if (a->user)
			sign_in(&w, a->user);
		else
			start(&w);
		const struct sees *s = sees_of(a);
		for (int k = 0; k < 3; k++)
			scope_probe(&w, a, o[k].id, strchr(s->orders, o[k].letter) != NULL,
				    views, 2, order_posts, sizeof order_posts / sizeof *order_posts,
				    bad, sizeof bad);
		web_free(&w);
	}
	ck_assert_msg(bad[0] == '\0', "orders out of scope:%s", bad);
	/* Nothing happened to any of them. */
	for (int k = 0; k < 3; k++) {
		char now[128];
		order_state(&op, o[k].id, now);
		ck_assert_str_eq(now, o[k].state);
	}
	web_free(&op);
	web_free(&clerk);
	web_free(&psb);
	web_free(&mj_clerk);
	web_free(&office);
	web_free(&mj_office);
}
END_TEST

/* Whether dispute id is linked from w's list of disputes. */
static int in_dispute_list(struct web *w, long id)
{
	char expr[128];
	GET(w, "/disputes", 200);
	snprintf(expr, sizeof expr, "//a[@href='/disputes/%ld']", id);
	return web_xpath_count(w, expr) > 0;
}

START_TEST(disputes_in_scope)
{
	struct web op, clerk, mj_clerk, office, mj_office;
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&mj_clerk, "mj_clerk");
	sign_in(&office, "coordinator");
	sign_in(&mj_office, "mj_coordinator");
	struct { char letter; long id; } d[2] = {
		{ 'h', dispute_of(&clerk, &office, dispatch(&op, 11, J_CITY, U_HRSS), U_PSB_HZ) },
		{ 'm', dispute_of(&mj_clerk, &mj_office, dispatch(&op, 12, J_MJ, U_MJ_HRSS),
				  U_MJ_EDU) },
	};
	static const char *const views[] = { "/disputes/{id}", "/disputes/{id}/form" };
	static char bad[65536];
	bad[0] = '\0';
	for (size_t i = 0; i < N_ACCOUNTS; i++) {
		const struct account *a = &accounts[i];
		struct web w;
		if (a->user)
			sign_in(&w, a->user);
		else
			start(&w);
		const struct sees *s = sees_of(a);
		for (int k = 0; k < 2; k++) {
			int visible = strchr(s->disputes, d[k].letter) != NULL;
			scope_probe(&w, a, d[k].id, visible, views, 2, dispute_posts,
				    sizeof dispute_posts / sizeof *dispute_posts, bad, sizeof bad);
			/* List and page share one rule (issue 11, item 4). */
			if (a->user && in_dispute_list(&w, d[k].id) != visible)
				snprintf(bad + strlen(bad), sizeof bad - strlen(bad),
					 "\n  %s: dispute %ld %s the list", a->user, d[k].id,
					 visible ? "missing from" : "shown in");
		}
		web_free(&w);
	}
	ck_assert_msg(bad[0] == '\0', "disputes out of scope:%s", bad);
	web_free(&op);
	web_free(&clerk);
	web_free(&mj_clerk);
	web_free(&office);
	web_free(&mj_office);
}
END_TEST

/* ---- users and units ---------------------------------------------------- */

#define PW "Access2026a"

/* The city admin makes a user in unit with role; returns its id. */
static long make_user(struct web *admin, const char *name, long unit, const char *role)
{
	char body[2048], u[24];
	form(admin, body, sizeof body, "csrf", token_from(admin, "/admin/users"),
	     "username", name, "display_name", "访问测试用户", "new_password", PW,
	     "unit_id", str_of(unit, u), "role", role, NULL);
	POST(admin, "/admin/users", body, 303);
	long id = id_after(web_location(admin), "/admin/users/");
	ck_assert_msg(id > 0, "no user in Location %s", web_location(admin));
	return id;
}

static void add_membership(struct web *admin, long user, long unit, const char *role)
{
	char body[1024], path[64], u[24];
	snprintf(path, sizeof path, "/admin/users/%ld/memberships", user);
	POST(admin, path, form(admin, body, sizeof body, "csrf", token_from(admin, "/"),
			       "unit_id", str_of(unit, u), "role", role, NULL), 303);
}

/* Item 1: a county admin manages a user only if every membership of that
 * user lies inside the county. */
START_TEST(county_admin_cannot_take_over_a_city_account)
{
	struct web admin, mj, victim;
	char name[64], mixed_name[64], county_name[64], path[128], body[2048];
	sign_in(&admin, "admin");
	sign_in(&mj, "mj_admin");
	snprintf(name, sizeof name, "acc_c%s", stamp);
	snprintf(mixed_name, sizeof mixed_name, "acc_x%s", stamp);
	snprintf(county_name, sizeof county_name, "acc_m%s", stamp);
	long city = make_user(&admin, name, U_OFFICE, "coordinator");
	long mixed = make_user(&admin, mixed_name, U_OFFICE, "coordinator");
	long county = make_user(&admin, county_name, U_MJ_HRSS, "clerk");
	/* The ordinary admin action of the probe. */
	add_membership(&admin, mixed, U_MJ_HRSS, "clerk");

	struct { long id; const char *name; int mj_sees; } u[] = {
		{ city, name, 0 }, { mixed, mixed_name, 0 }, { county, county_name, 1 },
	};
	for (size_t i = 0; i < 3; i++) {
		int want = u[i].mj_sees ? 200 : 404;
		snprintf(path, sizeof path, "/admin/users/%ld", u[i].id);
		GET(&admin, path, 200);
		GET(&mj, path, want);
		snprintf(path, sizeof path, "/admin/users?q=%s", web_esc(&mj, u[i].name));
		GET(&mj, path, 200);
		ck_assert_int_eq(count(&mj, "//table[@class='users']//a[text()='%s']", u[i].name),
				 u[i].mj_sees);
		if (u[i].mj_sees)
			continue;
		snprintf(path, sizeof path, "/admin/users/%ld/password", u[i].id);
		POST(&mj, path, form(&mj, body, sizeof body, "csrf", token_from(&mj, "/"),
				     "new_password", "Taken2026x", NULL), 404);
		snprintf(path, sizeof path, "/admin/users/%ld", u[i].id);
		POST(&mj, path, form(&mj, body, sizeof body, "csrf", token_from(&mj, "/"),
				     "display_name", "已被接管", "active", "1", NULL), 404);
		snprintf(path, sizeof path, "/admin/users/%ld/memberships", u[i].id);
		POST(&mj, path, form(&mj, body, sizeof body, "csrf", token_from(&mj, "/"),
				     "unit_id", "101", "role", "admin", NULL), 404);
	}
	/* The mixed account keeps its password and name. */
	login_as(&victim, mixed_name, PW);
	snprintf(path, sizeof path, "/admin/users/%ld", mixed);
	GET(&admin, path, 200);
	ck_assert_int_eq(count(&admin, "//input[@name='display_name' and @value='访问测试用户']"), 1);
	web_free(&victim);
	web_free(&admin);
	web_free(&mj);
}
END_TEST

START_TEST(units_in_scope)
{
	struct web admin, mj;
	char path[64], body[1024];
	sign_in(&admin, "admin");
	sign_in(&mj, "mj_admin");
	GET(&admin, "/admin/units/14", 200);
	GET(&admin, "/admin/units/105", 200);
	GET(&mj, "/admin/units/105", 200);
	GET(&mj, "/admin/units/14", 404);
	snprintf(path, sizeof path, "/admin/units/%d", U_HRSS);
	POST(&mj, path, form(&mj, body, sizeof body, "csrf", token_from(&mj, "/"),
			     "name", "被改名的单位", "kind", "department", "active", "1", NULL), 404);
	GET(&admin, "/admin/units/14", 200);
	ck_assert_int_eq(count(&admin, "//input[@name='name' and @value='梅州市人力资源和社会保障局']"), 1);
	web_free(&admin);
	web_free(&mj);
}
END_TEST

/* ---- 3. the other holes ------------------------------------------------- */

/* Item 2: grants are seen and decided only inside the jurisdiction of the
 * units concerned. */
START_TEST(county_office_cannot_decide_city_grants)
{
	struct web editor, approver, mj, office;
	char body[2048], day[11], path[96];
	sign_in(&editor, "editor_hrss");
	sign_in(&approver, "approver_psb");
	sign_in(&mj, "mj_coordinator");
	sign_in(&office, "coordinator");
	add_days(today, 90, day);
	char purpose[128];
	snprintf(purpose, sizeof purpose, "访问测试授权 %s", stamp);
	POST(&editor, "/knowledge/grants",
	     form(&editor, body, sizeof body, "csrf", token_from(&editor, "/knowledge/grants"),
		  "unit_id", "11", "message", purpose, "date", day, NULL), 303);
	GET(&editor, "/knowledge/grants", 200);
	long id = id_after(text(&editor, "//tr[td[contains(., '访问测试授权')]][last()]//form/@action"),
			   "/knowledge/grants/");
	if (id == 0) {
		GET(&approver, "/knowledge/grants", 200);
		char expr[256];
		snprintf(expr, sizeof expr,
			 "//tr[td[contains(., '%s')]]//form[contains(@action, '/approve')]/@action",
			 purpose);
		id = id_after(text(&approver, expr), "/knowledge/grants/");
	}
	ck_assert_msg(id > 0, "the grant is not listed");
	snprintf(path, sizeof path, "/knowledge/grants/%ld/approve", id);
	ck_assert_int_eq(post_with_token(&approver, path, NULL), 303);

	GET(&mj, "/knowledge/grants", 200);
	ck_assert_msg(!body_has(&mj, purpose), "梅江区管理办 sees a city grant");
	snprintf(path, sizeof path, "/knowledge/grants/%ld/consent", id);
	ck_assert_int_eq(post_with_token(&mj, path, NULL), 404);
	snprintf(path, sizeof path, "/knowledge/grants/%ld/refuse", id);
	ck_assert_int_eq(post_with_token(&mj, path, NULL), 404);
	/* The city's office still decides it. */
	GET(&office, "/knowledge/grants", 200);
	ck_assert_msg(body_has(&office, purpose), "the city office does not see the grant");
	snprintf(path, sizeof path, "/knowledge/grants/%ld/consent", id);
	ck_assert_int_eq(post_with_token(&office, path, NULL), 303);
	web_free(&editor);
	web_free(&approver);
	web_free(&mj);
	web_free(&office);
}
END_TEST

/* Item 3: only the city admin edits the one calendar every deadline is
 * computed from. */
START_TEST(county_admin_cannot_move_city_deadlines)
{
	struct web mj;
	char body[1024], day[11], path[64];
	sign_in(&mj, "mj_admin");
	/* A weekday four months out. */
	add_days(today, 120, day);
	for (int i = 0; i < 7; i++) {
		struct tm tm;
		time_t t = noon_of(day);
		gmtime_r(&t, &tm);
		if (tm.tm_wday >= 1 && tm.tm_wday <= 5)
			break;
		char next[11];
		add_days(day, 1, next);
		memcpy(day, next, sizeof day);
	}
	snprintf(path, sizeof path, "/calendar?month=%.7s", day);
	GET(&mj, path, 200);
	ck_assert_int_eq(count(&mj, "//form[@method='post' and @action='/calendar']"), 0);
	POST(&mj, "/calendar", form(&mj, body, sizeof body, "csrf", token_from(&mj, "/"),
				    "date", day, "day_kind", "holiday", "name", "县里放假", NULL), 403);
	GET(&mj, path, 200);
	ck_assert_msg(!body_has(&mj, "县里放假"), "the calendar changed");
	web_free(&mj);
}
END_TEST

/* Item 6: changing one's own password ends one's other sessions. */
START_TEST(own_password_change_ends_other_sessions)
{
	struct web admin, a, b;
	char name[64], body[1024];
	sign_in(&admin, "admin");
	snprintf(name, sizeof name, "acc_p%s", stamp);
	make_user(&admin, name, U_HRSS, "clerk");
	login_as(&a, name, PW);
	login_as(&b, name, PW);
	GET(&b, "/", 200);
	POST(&a, "/account/password",
	     form(&a, body, sizeof body, "csrf", token_from(&a, "/account/password"),
		  "password", PW, "new_password", "Changed2026b", "new_password2",
		  "Changed2026b", NULL), 200);
	ck_assert_msg(body_has(&a, "密码已修改"), "no notice");
	GET(&a, "/", 200);
	GET(&b, "/", 303);
	ck_assert_msg(strncmp(web_location(&b), "/login", 6) == 0, "to %s", web_location(&b));
	web_free(&admin);
	web_free(&a);
	web_free(&b);
}
END_TEST

/* The sign-in page's answer as a visitor from address from. */
static long login_from(struct web *w, const char *from, const char *user, const char *pw)
{
	char iface[64];
	snprintf(iface, sizeof iface, "host!%s", from);
	curl_easy_setopt(w->curl, CURLOPT_INTERFACE, iface);
	return web_login(w, user, pw);
}

/* Item 7: unknown, wrong and locked answer alike; one address cannot lock
 * out the city. */
START_TEST(login_answers_alike_and_addresses_are_limited)
{
	struct web admin, w;
	char name[64], addr[32], msg_unknown[512], msg_wrong[512], msg_locked[512];
	sign_in(&admin, "admin");
	snprintf(name, sizeof name, "acc_l%s", stamp);
	make_user(&admin, name, U_HRSS, "clerk");
	/* An address of this run's own: 127.x.y.z. */
	snprintf(addr, sizeof addr, "127.%u.%u.%u", 1 + run_no % 250, 1 + (run_no / 250) % 250,
		 2 + (unsigned)getpid() % 250);

	start(&w);
	ck_assert_int_eq(login_from(&w, addr, "acc_nobody_at_all", "Whatever2026x"), 403);
	snprintf(msg_unknown, sizeof msg_unknown, "%s", text(&w, "//*[@role='alert']"));
	ck_assert_int_eq(login_from(&w, addr, name, "Wrong2026xx"), 403);
	snprintf(msg_wrong, sizeof msg_wrong, "%s", text(&w, "//*[@role='alert']"));
	ck_assert_str_eq(msg_unknown, msg_wrong);
	ck_assert_msg(msg_wrong[0] != '\0', "no message");
	for (int i = 0; i < 5; i++)
		login_from(&w, addr, name, "Wrong2026xx");
	/* Locked now (the audit log says so); the page does not. */
	ck_assert_int_eq(login_from(&w, addr, name, PW), 403);
	snprintf(msg_locked, sizeof msg_locked, "%s", text(&w, "//*[@role='alert']"));
	ck_assert_str_eq(msg_locked, msg_wrong);
	GET(&admin, "/audit?q=login.locked", 200);
	ck_assert_msg(body_has(&admin, name), "the audit log does not name the lock-out");

	/* Spraying: failures up to the address's limit, then even a right
	 * password from that address is refused, while others sign in. */
	long limit = cfg.login_addr_max;
	for (long i = 0; i < limit; i++)
		login_from(&w, addr, "acc_spray", "Spray2026xx");
	ck_assert_int_eq(login_from(&w, addr, "operator", DEMO_PW), 403);
	ck_assert_str_eq(text(&w, "//*[@role='alert']"), msg_wrong);
	struct web other;
	login_as(&other, "operator", DEMO_PW);
	web_free(&other);
	GET(&admin, "/audit?q=login.throttled", 200);
	ck_assert_msg(body_has(&admin, "operator"), "no login.throttled record");
	web_free(&w);
	web_free(&admin);
}
END_TEST

/* Item 8: the vote's same-origin check compares scheme, host and port. */
START_TEST(vote_origin_compares_scheme_host_and_port)
{
	struct web w;
	start(&w);
	GET(&w, "/kb", 200);
	const char *href = text(&w, "//a[starts-with(@href, '/kb/e/')]/@href");
	ck_assert_msg(*href, "no public entry listed");
	char path[128];
	snprintf(path, sizeof path, "%s/vote", href);
	/* The site's origin is scheme://host:port; each of these differs in
	 * one part, or is none at all. */
	char base[256], host[100], bad[6][200];
	snprintf(base, sizeof base, "%s", w.origin);
	long port = 0;
	ck_assert_int_eq(sscanf(base, "http://%99[^:]:%ld", host, &port), 2);
	snprintf(bad[0], sizeof bad[0], "https://%s:%ld", host, port);
	snprintf(bad[1], sizeof bad[1], "http://%s:%ld", host, port + 1);
	snprintf(bad[2], sizeof bad[2], "http://%s", host);
	snprintf(bad[3], sizeof bad[3], "http://%s.evil.example:%ld", host, port);
	snprintf(bad[4], sizeof bad[4], "http://evil.example:%ld", port);
	snprintf(bad[5], sizeof bad[5], "null");
	for (size_t i = 0; i < 6; i++) {
		snprintf(w.origin, sizeof w.origin, "%.199s", bad[i]);
		long st = web_post(&w, path, "vote=useful");
		ck_assert_msg(st == 403, "Origin %s: status %ld", bad[i], st);
	}
	snprintf(w.origin, sizeof w.origin, "%s", base);
	long st = web_post(&w, path, "vote=useful");
	ck_assert_msg(st == 303, "the site's own origin: %ld", st);
	web_free(&w);
}
END_TEST

/* Item 9: a value as long as the form allows is stored; one more is 400. */
START_TEST(longest_values_are_stored)
{
	struct web op, clerk, office, editor;
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&office, "coordinator");
	sign_in(&editor, "editor_hrss");
	static char body[65536], longest[16384], past[16384];
	/* 争议 note: 2,000 characters, each three bytes. */
	size_t max = field_defs[F_NOTE].max_len;
	longest[0] = past[0] = '\0';
	for (size_t i = 0; i < max; i++)
		strcat(longest, "争");
	snprintf(past, sizeof past, "%s议", longest);
	long order = dispatch(&op, 21, J_CITY, U_HRSS);
	char s[24];
	long st = act(&clerk, "/orders/{id}/return", order,
		      form(&clerk, body, sizeof body, "reason", "该事项不属本单位职责",
			   "basis", "“三定”规定", "suggested_unit_id", str_of(U_PSB_HZ, s), NULL));
	ck_assert_int_eq(st, 303);
	ck_assert_int_eq(act(&office, "/orders/{id}/dispute", order,
			     form(&office, body, sizeof body, "note", past, NULL)), 400);
	ck_assert_int_eq(act(&office, "/orders/{id}/dispute", order,
			     form(&office, body, sizeof body, "note", longest, NULL)), 303);
	/* 申请使用 message: 1,000 characters. */
	char day[11];
	add_days(today, 30, day);
	max = field_defs[F_MESSAGE].max_len;
	longest[0] = '\0';
	for (size_t i = 0; i < max; i++)
		strcat(longest, "授");
	snprintf(past, sizeof past, "%s权", longest);
	POST(&editor, "/knowledge/grants",
	     form(&editor, body, sizeof body, "csrf", token_from(&editor, "/"), "unit_id", "11",
		  "message", past, "date", day, NULL), 400);
	POST(&editor, "/knowledge/grants",
	     form(&editor, body, sizeof body, "csrf", token_from(&editor, "/"), "unit_id", "11",
		  "message", longest, "date", day, NULL), 303);
	web_free(&op);
	web_free(&clerk);
	web_free(&office);
	web_free(&editor);
}
END_TEST

/* Item 9, for every field: the form lets through no more than the
 * narrowest column that stores it (lengths from information_schema). */
START_TEST(every_field_fits_its_columns)
{
	static const char sql[] =
		"SELECT CHARACTER_MAXIMUM_LENGTH, DATA_TYPE FROM information_schema.COLUMNS"
		" WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?";
	struct sqlc s;
	sql_open(&s);
	char bad[8192] = "";
	size_t checked = 0;
	ck_assert_int_eq(sizeof field_columns / sizeof field_columns[0], F__MAX);
	for (int f = 0; f < F__MAX; f++) {
		ck_assert_msg(strcmp(field_columns[f].field, field_defs[f].name) == 0,
			      "field_columns.h row %d is %s, form.c says %s", f,
			      field_columns[f].field, field_defs[f].name);
		char cols[1024];
		snprintf(cols, sizeof cols, "%s", field_columns[f].columns);
		for (char *save, *c = strtok_r(cols, " ", &save); c; c = strtok_r(NULL, " ", &save)) {
			char table_[128], column[128];
			ck_assert_msg(sscanf(c, "%127[^.].%127s", table_, column) == 2, "bad %s", c);
			/* The audit log cuts its detail (audit_add). */
			if (strcmp(table_, "audit_log") == 0)
				continue;
			struct dbres res;
			ck_assert_int_eq(db_run(s.db, &s.a, sql, &res, "ss", table_, column), DB_OK);
			ck_assert_msg(res.nrows == 1, "no column %s (field %s)", c, field_defs[f].name);
			long long width = db_cell(&res, 0, 0) ? db_int(&res, 0, 0) : 0;
			checked++;
			/* TEXT holds 65,535 bytes: 16,383 characters of four. */
			if (strcmp(db_cell(&res, 0, 1), "text") == 0)
				width = 16383;
			if (strcmp(db_cell(&res, 0, 1), "mediumtext") == 0)
				continue;
			if ((long long)field_defs[f].max_len > width)
				snprintf(bad + strlen(bad), sizeof bad - strlen(bad),
					 "\n  %s (%zu) > %s (%lld)", field_defs[f].name,
					 field_defs[f].max_len, c, width);
		}
	}
	sql_close(&s);
	ck_assert_msg(bad[0] == '\0', "fields longer than their columns:%s", bad);
	ck_assert_msg(checked > 40, "only %zu columns checked", checked);
}
END_TEST

/* Item 10: a field given twice is refused unless it is declared
 * repeatable; so is a second token. */
START_TEST(duplicate_fields_are_refused)
{
	struct web op;
	sign_in(&op, "operator");
	const char *csrf = token_from(&op, "/orders/new");
	char body[4096], tok[160];
	snprintf(tok, sizeof tok, "%s", web_esc(&op, csrf));
	snprintf(body, sizeof body, "csrf=%s&category_id=2&category_id=8&outcome=dispatch", tok);
	POST(&op, "/orders", body, 400);
	ck_assert_str_eq(message(&op), "「问题分类」只能填写一个。");
	snprintf(body, sizeof body, "csrf=%s&csrf=%s&category_id=2", tok, tok);
	POST(&op, "/orders", body, 403);
	/* A query string too. */
	GET(&op, "/knowledge?q=社保&q=医保", 400);
	web_free(&op);
}
END_TEST

/* Item 12: a cell that a spreadsheet would run as a formula is prefixed. */
START_TEST(csv_cells_are_not_formulas)
{
	struct web op, office;
	sign_in(&op, "operator");
	sign_in(&office, "coordinator");
	char body[4096], phone[32], number[64];
	snprintf(phone, sizeof phone, "16%05u%04d", run_no % 100000, 31);
	form(&op, body, sizeof body, "csrf", token_from(&op, "/orders/new"),
	     "caller_phone", phone, "caller_name", "=HYPERLINK(\"http://evil.example\")",
	     "channel", "phone", "category_id", "2", "jurisdiction_id", "1",
	     "content", "\t=cmd|' /C calc'!A0 访问测试", "demand", "+1+1", "unit_id", "14",
	     "outcome", "dispatch", NULL);
	POST(&op, "/orders", body, 303);
	long id = id_after(web_location(&op), "/orders/");
	char path[256];
	snprintf(path, sizeof path, "/orders/%ld", id);
	GET(&op, path, 200);
	snprintf(number, sizeof number, "%s", text(&op, "//dd[@class='o-number']"));
	snprintf(path, sizeof path, "/orders/export.csv?number=%s", number);
	GET(&office, path, 200);
	ck_assert_msg(body_has(&office, number), "the order is not exported");
	ck_assert_msg(!body_has(&office, ",=HYPERLINK") && !body_has(&office, ",\"=HYPERLINK"),
		      "a formula cell: %.400s", office.body);
	ck_assert_msg(body_has(&office, "\"'=HYPERLINK"), "name not prefixed: %.400s", office.body);
	/* Led by a tab, which some spreadsheets strip before they look. */
	ck_assert_msg(body_has(&office, "\"'\t=cmd"), "content not prefixed: %.600s", office.body);
	ck_assert_msg(!body_has(&office, "\"\t=cmd"), "a formula cell: %.600s", office.body);
	/* The phone stays a number as text, after a tab of the export's own. */
	char cell[40];
	snprintf(cell, sizeof cell, "\"\t%s\"", phone);
	ck_assert_msg(body_has(&office, cell), "phone cell: %.600s", office.body);
	web_free(&op);
	web_free(&office);
}
END_TEST

/* ---- suite -------------------------------------------------------------- */

static Suite *access_suite(void)
{
	Suite *s = suite_create("access");
	TCase *tc = tcase(s, "routes", 10);
	tcase_add_test(tc, every_route_has_a_row);
	tc = tcase(s, "route-x-role", 120);
	tcase_add_loop_test(tc, every_route_every_role, 0, (int)N_ACCOUNTS);
	tc = tcase(s, "scope", 240);
	tcase_add_test(tc, orders_in_scope);
	tcase_add_test(tc, disputes_in_scope);
	tcase_add_test(tc, county_admin_cannot_take_over_a_city_account);
	tcase_add_test(tc, units_in_scope);
	tc = tcase(s, "holes", 120);
	tcase_add_test(tc, county_office_cannot_decide_city_grants);
	tcase_add_test(tc, county_admin_cannot_move_city_deadlines);
	tcase_add_test(tc, own_password_change_ends_other_sessions);
	tcase_add_test(tc, login_answers_alike_and_addresses_are_limited);
	tcase_add_test(tc, vote_origin_compares_scheme_host_and_port);
	tcase_add_test(tc, longest_values_are_stored);
	tcase_add_test(tc, every_field_fits_its_columns);
	tcase_add_test(tc, duplicate_fields_are_refused);
	tcase_add_test(tc, csv_cells_are_not_formulas);
	return s;
}

int main(void)
{
	snprintf(stamp, sizeof stamp, "%lx%x", (unsigned long)time(NULL) & 0xffffff,
		 (unsigned)getpid() & 0xfff);
	run_no = (unsigned)((time(NULL) + (time_t)getpid() * 7919) % 100000);
	if (db_suite_init("test_access") < 0)
		return 2;
	return run_suite(access_suite());
}
