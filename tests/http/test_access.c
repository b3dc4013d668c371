/* Who may use which route (issue 11): every route of routes[] x every
 * demo account, the answer expected from the table of access_table.h (a
 * route without a row, or a row without a route, fails). Each account asks
 * every route with a sentinel object (SENTINEL) and, for a POST, a valid
 * token and the route's first declared field one character too long: an
 * account the route admits gets past the role and token checks (400, or
 * 404 for the missing object), one it refuses gets 403 (a visitor's GET:
 * 303 to the sign-in page). Tokens: test_csrf; objects in and out of an
 * account's scope: test_scope. */
#include "access_table.h"

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

static Suite *access_suite(void)
{
	Suite *s = suite_create("access");
	TCase *tc = tcase(s, "routes", 10);
	tcase_add_test(tc, every_route_has_a_row);
	tc = tcase(s, "route-x-role", 120);
	tcase_add_loop_test(tc, every_route_every_role, 0, (int)N_ACCOUNTS);
	return s;
}

int main(void)
{
	return suite_main(access_suite(), NULL);
}
