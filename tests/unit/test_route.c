/* The route table: matching, 404 and 405, and that every route declares a
 * capability that is not public unless it is meant to be. */
#include <check.h>
#include <string.h>

#include "route.h"

static int try(enum method m, const char *path, long long *id)
{
	struct req r;
	memset(&r, 0, sizeof r);
	r.method = m;
	r.path = path;
	int rc = route_match(&r);
	if (id)
		*id = r.id;
	return rc;
}

START_TEST(test_match)
{
	long long id = 0;
	ck_assert_int_eq(try(M_GET, "/", NULL), 0);
	ck_assert_int_eq(try(M_GET, "/login", NULL), 0);
	ck_assert_int_eq(try(M_HEAD, "/login", NULL), 0);
	ck_assert_int_eq(try(M_GET, "/admin/users/17", &id), 0);
	ck_assert_int_eq(id, 17);
	ck_assert_int_eq(try(M_POST, "/admin/users/17/memberships", &id), 0);
	ck_assert_int_eq(id, 17);
}
END_TEST

START_TEST(test_not_found)
{
	ck_assert_int_eq(try(M_GET, "/nope", NULL), 404);
	ck_assert_int_eq(try(M_GET, "/admin/users/", NULL), 404);
	ck_assert_int_eq(try(M_GET, "/admin/users/abc", NULL), 404);
	ck_assert_int_eq(try(M_GET, "/admin/users/1x", NULL), 404);
	ck_assert_int_eq(try(M_GET, "/admin/users/1234567890123456789", NULL), 404);
	ck_assert_int_eq(try(M_GET, "/login/", NULL), 404);
	ck_assert_int_eq(try(M_GET, "", NULL), 404);
}
END_TEST

START_TEST(test_wrong_method)
{
	ck_assert_int_eq(try(M_POST, "/", NULL), 405);
	ck_assert_int_eq(try(M_GET, "/logout", NULL), 405);
	ck_assert_int_eq(try(M_OTHER, "/login", NULL), 405);
}
END_TEST

START_TEST(test_every_change_needs_a_session)
{
	/* Deny by default: the only POSTs open to anonymous users are the
	 * login and the public page's "有用 / 没用" vote, which has no session
	 * token (its page is cached for everyone) and checks the Origin. */
	for (size_t i = 0; i < routes_count; i++) {
		const struct route *rt = &routes[i];
		ck_assert_msg(rt->cap < CAP__MAX, "%s has no capability", rt->pattern);
		if (rt->method == M_POST && strcmp(rt->pattern, "/login") != 0 &&
		    strcmp(rt->pattern, "/kb/e/{id}/vote") != 0)
			ck_assert_msg(rt->cap != CAP_PUBLIC, "%s is a public POST",
				      rt->pattern);
		if (rt->flags & ROUTE_SAME_ORIGIN)
			ck_assert_msg(strcmp(rt->pattern, "/kb/e/{id}/vote") == 0,
				      "%s skips the CSRF token", rt->pattern);
		if (strncmp(rt->pattern, "/admin/", 7) == 0)
			ck_assert_msg(rt->cap == CAP_ADMIN, "%s is not admin-only",
				      rt->pattern);
	}
}
END_TEST

START_TEST(test_no_duplicate_routes)
{
	for (size_t i = 0; i < routes_count; i++)
		for (size_t j = i + 1; j < routes_count; j++)
			ck_assert_msg(!(routes[i].method == routes[j].method &&
					strcmp(routes[i].pattern, routes[j].pattern) == 0),
				      "duplicate route %s", routes[i].pattern);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("route");
	TCase *tc = tcase_create("match");
	tcase_add_test(tc, test_match);
	tcase_add_test(tc, test_not_found);
	tcase_add_test(tc, test_wrong_method);
	tcase_add_test(tc, test_every_change_needs_a_session);
	tcase_add_test(tc, test_no_duplicate_routes);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
