/* Scope (issue 11, items 4 and 5): orders and disputes of the account's
 * own unit, another unit and another jurisdiction, opened, printed and
 * acted on by every demo account; the expected answer per account comes
 * from the table below (who sees what) and access_table.h (what the role
 * admits). An object out of an account's scope answers 404 to every view
 * and every action (never 403: it does not learn the object exists), the
 * dispute list follows the page's rule, and nothing is changed. */
#include "access_table.h"
#include "disputes.h"

/* The operator takes a call of category 养老保险 in jur and dispatches it
 * to unit; the order's id. */
static long dispatch_order(struct web *op, int n, long jur, long unit)
{
	char p[32];
	struct call c = dispatch_to(phone_no(p, n), category_id("养老保险"), jur, unit);
	c.content = "访问范围测试：咨询养老保险关系转移";
	return create(op, &c, NULL, 0);
}

/* The clerk asks to return order, naming suggested; the office opens a
 * dispute; returns its id. */
static long dispute_of(struct web *clerk, struct web *office, long order, long suggested)
{
	ask_return(clerk, order, suggested);
	return open_dispute(office, order, "承办主体有争议");
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
	{ "inspector", "", "" },
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
	snprintf(ids, sizeof ids, "%ld", id);
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
		long st = web_act(w, path, NULL);
		if (st != 404)
			snprintf(bad + strlen(bad), bad_size - strlen(bad),
				 "\n  %s POST %s: %ld, expected 404", name_of(a), path, st);
	}
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
	long city = jur_id("meizhou"), mj = jur_id("meijiang");
	struct { char letter; long id; char state[64]; } o[3] = {
		{ 'h', dispatch_order(&op, 1, city, unit_id("city-hrss")), "" },
		{ 'p', dispatch_order(&op, 2, city, unit_id("city-psb-hz")), "" },
		{ 'm', dispatch_order(&op, 3, mj, unit_id("meijiang-hrss")), "" },
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
		char now[64];
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
		{ 'h', dispute_of(&clerk, &office,
				  dispatch_order(&op, 11, jur_id("meizhou"), unit_id("city-hrss")),
				  unit_id("city-psb-hz")) },
		{ 'm', dispute_of(&mj_clerk, &mj_office,
				  dispatch_order(&op, 12, jur_id("meijiang"), unit_id("meijiang-hrss")),
				  unit_id("meijiang-edu")) },
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

static Suite *scope_suite(void)
{
	Suite *s = suite_create("scope");
	TCase *tc = tcase(s, "scope", 240);
	tcase_add_test(tc, orders_in_scope);
	tcase_add_test(tc, disputes_in_scope);
	return s;
}

int main(void)
{
	return suite_main(scope_suite(), NULL);
}
