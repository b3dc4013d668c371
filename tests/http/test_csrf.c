/* Tokens (CSRF): every POST route of routes[] that takes one (all but the
 * public vote, which checks the Origin instead: test_kb_public) refuses a
 * form with the token missing, forged, of another session, or given twice:
 * 403, saying it is the token, and nothing is written. Checked once here
 * from the route table, since the router checks the token once, before any
 * handler reads the form.
 *
 * Each route is posted by the first demo account the access table admits
 * to it, with every field the route declares filled with a value its
 * validator takes: the token is all that is wrong. "Nothing is written":
 * every change leaves a row in the audit log, and none appears. */
#include "access_table.h"

/* A value field f's validator takes (returns static memory for numbers). */
static const char *valid_value(enum field f)
{
	static char num[32];
	const struct field_def *d = &field_defs[f];
	switch (d->v) {
	case V_INT:
		snprintf(num, sizeof num, "%lld", d->min <= 1 && d->max >= 1 ? 1 : d->min);
		return num;
	case V_DATE:
		return run_day;
	case V_CODE:
		return "x";
	case V_FLAG:
		return "1";
	case V_LINE:
	case V_TEXT:
	case V_RAW:
		break;
	}
	return "测试";
}

/* The route's declared fields, each with a valid value (the token left
 * out), URL-encoded. */
static void fields_of(struct web *w, const struct route *r, char *out, size_t size)
{
	out[0] = '\0';
	for (const struct fdecl *d = r->fields; d != NULL && d->f != F__MAX; d++)
		if (d->f != F_CSRF)
			form_add(w, out, size, field_defs[d->f].name, valid_value(d->f));
}

/* Whether account a is the one that probes row t (a POST): the first the
 * table admits to it. */
static int probes(const struct account *a, const struct row *t)
{
	for (size_t i = 0; i < N_ACCOUNTS; i++)
		if (expected(t, &accounts[i]) != 403)
			return &accounts[i] == a;
	return 0;
}

/* Posts body to t's path (its object the sentinel) as w: 403 about the
 * token, or a line in bad. */
static void refused(struct web *w, const struct account *a, const struct row *t,
		    const char *what, const char *body, char *bad, size_t bad_size)
{
	char path[256];
	path_of(t->pattern, SENTINEL, path, sizeof path);
	long st = web_post(w, path, body);
	const char *why = st == 403 ? says_why(message(w), "令牌", (const char *)NULL) : NULL;
	if (st != 403 || why != NULL)
		snprintf(bad + strlen(bad), bad_size - strlen(bad), "\n  %s POST %s with %s: %ld %s",
			 name_of(a), path, what, st, why ? why : "");
}

/* Account _i posts the routes it probes, with each kind of bad token;
 * sign-out last. */
START_TEST(every_post_route_checks_its_token)
{
	const struct account *a = &accounts[_i];
	struct web w, other;
	static char bad[65536], fields[16384], body[20000];
	char token[160], foreign[160], audit[4096];
	bad[0] = '\0';
	if (a->user) {
		sign_in(&w, a->user);
		sign_in(&other, a->user);
		snprintf(token, sizeof token, "%s", token_from(&w, "/"));
		snprintf(foreign, sizeof foreign, "%s", token_from(&other, "/"));
	} else {
		start(&w);
		start(&other);
		snprintf(token, sizeof token, "%s", token_from(&w, "/login"));
		snprintf(foreign, sizeof foreign, "%s", token_from(&other, "/login"));
	}
	ck_assert_str_ne(token, foreign);
	long before = audit_last_id();
	const struct row *logout = row_for("POST", "/logout");
	int n = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < N_ROWS; i++) {
			const struct row *t = &table[i];
			const struct route *r = route_for(t);
			/* Open311's POST carries an api_key instead (test_citizens,
			 * tests/open311). */
			if (strcmp(t->method, "POST") != 0 ||
			    (r->flags & (ROUTE_SAME_ORIGIN | ROUTE_API)) ||
			    !probes(a, t) || (pass == 0) == (t == logout))
				continue;
			fields_of(&w, r, fields, sizeof fields);
			const char *sep = fields[0] ? "&" : "";
			refused(&w, a, t, "no token", fields, bad, sizeof bad);
			snprintf(body, sizeof body, "csrf=%064d%s%s", 0, sep, fields);
			refused(&w, a, t, "a forged token", body, bad, sizeof bad);
			snprintf(body, sizeof body, "csrf=%s%s%s", foreign, sep, fields);
			refused(&w, a, t, "another session's token", body, bad, sizeof bad);
			snprintf(body, sizeof body, "csrf=%s&csrf=%s%s%s", token, token, sep, fields);
			refused(&w, a, t, "the token twice", body, bad, sizeof bad);
			n++;
		}
	ck_assert_msg(bad[0] == '\0', "not refused for the token:%s", bad);
	/* Nothing written, and the session still there (not signed out). */
	audit_actions_after(before, audit, sizeof audit);
	ck_assert_msg(audit[0] == '\0', "%s's refused posts left audit rows: %s", name_of(a), audit);
	if (a->user)
		GET(&w, "/", 200);
	printf("csrf: %s: %d routes refuse bad tokens\n", name_of(a), n);
	web_free(&w);
	web_free(&other);
}
END_TEST

/* Every POST route that takes a token has an account that probes it. */
START_TEST(every_post_route_is_probed)
{
	char missing[4096] = "";
	int n = 0;
	for (size_t i = 0; i < N_ROWS; i++) {
		const struct row *t = &table[i];
		const struct route *r = route_for(t);
		if (strcmp(t->method, "POST") != 0 || (r->flags & (ROUTE_SAME_ORIGIN | ROUTE_API)))
			continue;
		int probed = 0;
		for (size_t k = 0; k < N_ACCOUNTS; k++)
			probed += probes(&accounts[k], t);
		if (probed != 1)
			snprintf(missing + strlen(missing), sizeof missing - strlen(missing), " %s",
				 t->pattern);
		n++;
	}
	ck_assert_msg(missing[0] == '\0', "POST routes no account probes:%s", missing);
	ck_assert_int_gt(n, 50);
}
END_TEST

static Suite *csrf_suite(void)
{
	Suite *s = suite_create("csrf");
	TCase *tc = tcase(s, "routes", 10);
	tcase_add_test(tc, every_post_route_is_probed);
	tc = tcase(s, "tokens", 120);
	tcase_add_loop_test(tc, every_post_route_checks_its_token, 0, (int)N_ACCOUNTS);
	return s;
}

int main(void)
{
	return suite_main(csrf_suite(), NULL);
}
