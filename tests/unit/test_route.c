/* The route table: matching, 404 and 405, and that every route declares a
 * capability that is not public unless it is meant to be. */
#include <check.h>
#include <string.h>

#include "route.h"

static struct arena arena;

static int try_ref(enum method m, const char *path, long long *id, const char **ref,
		   const char **fmt)
{
	struct req r;
	memset(&r, 0, sizeof r);
	r.a = &arena;
	r.method = m;
	r.path = path;
	int rc = route_match(&r);
	if (id)
		*id = r.id;
	if (ref)
		*ref = r.ref;
	if (fmt)
		*fmt = r.fmt;
	return rc;
}

static int try(enum method m, const char *path, long long *id)
{
	return try_ref(m, path, id, NULL, NULL);
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

/* {ref} and {fmt}: Open311's ids and its two formats, nothing else. */
START_TEST(test_match_ref_and_format)
{
	arena_init(&arena, 4096);
	const char *ref = NULL, *fmt = NULL;
	ck_assert_int_eq(try_ref(M_GET, "/open311/v2/requests/meizhou-20261207-0001.xml", NULL,
				 &ref, &fmt), 0);
	ck_assert_str_eq(ref, "meizhou-20261207-0001");
	ck_assert_str_eq(fmt, "xml");
	ck_assert_int_eq(try_ref(M_GET, "/open311/v2/services.json", NULL, &ref, &fmt), 0);
	ck_assert_str_eq(fmt, "json");
	ck_assert_int_eq(try(M_GET, "/open311/v2/services.html", NULL), 404);
	ck_assert_int_eq(try(M_GET, "/open311/v2/services.json/x", NULL), 404);
	ck_assert_int_eq(try(M_GET, "/open311/v2/requests/.json", NULL), 404);
	ck_assert_int_eq(try(M_GET, "/open311/v2/requests/a%2Fb.json", NULL), 404);
	ck_assert_int_eq(try(M_GET, "/open311/v2/requests/a.b.json", NULL), 404);
	ck_assert_int_eq(try(M_OTHER, "/open311/v2/requests.json", NULL), 405);
	arena_free(&arena);
}
END_TEST

START_TEST(test_wrong_method)
{
	ck_assert_int_eq(try(M_POST, "/", NULL), 405);
	ck_assert_int_eq(try(M_GET, "/logout", NULL), 405);
	ck_assert_int_eq(try(M_OTHER, "/login", NULL), 405);
}
END_TEST

/* The routes anyone may use without signing in, written out here and not
 * taken from route.c: a route made public by mistake fails the test. */
static const struct { enum method m; const char *pattern; } public_routes[] = {
	{ M_GET, "/hello" },
	{ M_GET, "/login" },
	{ M_POST, "/login" },
	{ M_GET, "/kb" },
	{ M_GET, "/kb/e/{id}" },
	{ M_POST, "/kb/e/{id}/vote" },
	{ M_GET, "/status" },
	{ M_POST, "/status" },
	/* Open311: no session; each handler demands an api_key. */
	{ M_GET, "/open311/v2/services.{fmt}" },
	{ M_GET, "/open311/v2/services/{ref}.{fmt}" },
	{ M_GET, "/open311/v2/requests.{fmt}" },
	{ M_POST, "/open311/v2/requests.{fmt}" },
	{ M_GET, "/open311/v2/requests/{ref}.{fmt}" },
};

static int listed_public(const struct route *rt)
{
	for (size_t i = 0; i < sizeof public_routes / sizeof public_routes[0]; i++)
		if (public_routes[i].m == rt->method &&
		    strcmp(public_routes[i].pattern, rt->pattern) == 0)
			return 1;
	return 0;
}

START_TEST(test_every_route_names_a_capability)
{
	/* Deny by default, by value: CAP_NONE (0, what a route written without
	 * one gets) admits nobody, and no route may have it. */
	ck_assert_int_eq(CAP_NONE, 0);
	ck_assert(!caps_allow(~0ULL, 1, CAP_NONE));
	ck_assert(!caps_allow(~0ULL, 0, CAP_NONE));
	for (size_t i = 0; i < routes_count; i++) {
		const struct route *rt = &routes[i];
		ck_assert_msg(rt->cap > CAP_NONE && rt->cap < CAP__MAX,
			      "%s names no capability", rt->pattern);
		/* Public exactly when listed above. */
		ck_assert_msg((rt->cap == CAP_PUBLIC) == listed_public(rt),
			      "%s %s: public is %d, listed is %d",
			      rt->method == M_POST ? "POST" : "GET", rt->pattern,
			      rt->cap == CAP_PUBLIC, listed_public(rt));
		if (rt->flags & ROUTE_SAME_ORIGIN)
			ck_assert_msg(strcmp(rt->pattern, "/kb/e/{id}/vote") == 0 ||
				      strcmp(rt->pattern, "/status") == 0,
				      "%s skips the CSRF token", rt->pattern);
		if (rt->flags & ROUTE_API)
			ck_assert_msg(strncmp(rt->pattern, "/open311/", 9) == 0,
				      "%s skips the CSRF token", rt->pattern);
		if (strncmp(rt->pattern, "/admin/", 7) == 0)
			ck_assert_msg(rt->cap == CAP_ADMIN, "%s is not admin-only",
				      rt->pattern);
	}
	/* Every listed public route exists. */
	for (size_t i = 0; i < sizeof public_routes / sizeof public_routes[0]; i++) {
		int found = 0;
		for (size_t j = 0; j < routes_count; j++)
			found |= routes[j].method == public_routes[i].m &&
				 strcmp(routes[j].pattern, public_routes[i].pattern) == 0;
		ck_assert_msg(found, "%s is listed public but is no route",
			      public_routes[i].pattern);
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
	tcase_add_test(tc, test_match_ref_and_format);
	tcase_add_test(tc, test_not_found);
	tcase_add_test(tc, test_wrong_method);
	tcase_add_test(tc, test_every_route_names_a_capability);
	tcase_add_test(tc, test_no_duplicate_routes);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
