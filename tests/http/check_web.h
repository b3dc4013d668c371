/* Check helpers shared by the HTTP suites: status assertions, XPath
 * shortcuts and signing in. Header-only because they use Check's macros
 * inside each test's process. */
#ifndef CHECK_WEB_H
#define CHECK_WEB_H
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"

/* The text of the first match, or "" (so it can go straight into
 * ck_assert_str_eq). */
static inline const char *text(struct web *w, const char *expr)
{
	const char *s = web_xpath_text(w, expr);
	return s ? s : "";
}

static inline int count(struct web *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static inline int count(struct web *w, const char *fmt, ...)
{
	char expr[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(expr, sizeof expr, fmt, ap);
	va_end(ap);
	return web_xpath_count(w, expr);
}

static inline int body_has(struct web *w, const char *s)
{
	return w->body != NULL && strstr(w->body, s) != NULL;
}

#define GET(w, path, want)                                                    \
	do {                                                                  \
		long st_ = web_get((w), (path));                              \
		ck_assert_msg(st_ == (want), "GET %s: status %ld, expected %d %s", \
			      (path), st_, (want), (w)->error);               \
	} while (0)

#define POST(w, path, form, want)                                             \
	do {                                                                  \
		long st_ = web_post((w), (path), (form));                     \
		ck_assert_msg(st_ == (want), "POST %s: status %ld, expected %d %s\n%.600s", \
			      (path), st_, (want), (w)->error,                \
			      (w)->body ? (w)->body : "");                    \
	} while (0)

static inline void start(struct web *w)
{
	ck_assert_int_eq(web_init(w), 0);
}

/* A new session signed in as user. */
static inline void login_as(struct web *w, const char *user, const char *pw)
{
	start(w);
	long st = web_login(w, user, pw);
	ck_assert_msg(st == 303, "login as %s: status %ld %s", user, st, w->error);
}

/* Fetches path so that the next POST has the page's token; returns it. */
static inline const char *token_from(struct web *w, const char *path)
{
	GET(w, path, 200);
	const char *t = web_csrf(w);
	ck_assert_msg(strlen(t) == 64, "no CSRF token on %s", path);
	return t;
}

/* The number that follows prefix in s (an id in a link or Location), or 0. */
static inline long id_after(const char *s, const char *prefix)
{
	if (s == NULL)
		return 0;
	const char *p = strstr(s, prefix);
	return p ? strtol(p + strlen(prefix), NULL, 10) : 0;
}

#endif
