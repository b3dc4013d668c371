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
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* Every demo account's password (sql/demo/demo.sql). */
#define DEMO_PW "Demo@12345"

static inline void sign_in(struct web *w, const char *user)
{
	login_as(w, user, DEMO_PW);
}

/* Appends key=value (value URL-encoded) to a form body. */
static inline void form_add(struct web *w, char *body, size_t size, const char *key,
			    const char *value)
{
	size_t len = strlen(body);
	int n = snprintf(body + len, size - len, "%s%s=%s", len ? "&" : "", key,
			 web_esc(w, value));
	ck_assert_msg(n > 0 && (size_t)n < size - len, "form body too long");
}

/* A form body from key, value pairs ending with NULL (values encoded). */
static inline const char *form(struct web *w, char *body, size_t size, ...)
	__attribute__((sentinel));
static inline const char *form(struct web *w, char *body, size_t size, ...)
{
	va_list ap;
	body[0] = '\0';
	va_start(ap, size);
	for (;;) {
		const char *k = va_arg(ap, const char *);
		if (k == NULL)
			break;
		form_add(w, body, size, k, va_arg(ap, const char *));
	}
	va_end(ap);
	return body;
}

/* POSTs to path with a token from w's home page, as a button on any page
 * would; extra is an encoded form body or NULL. Returns the status. */
static inline long post_with_token(struct web *w, const char *path, const char *extra)
{
	static char body[65536];
	const char *csrf = token_from(w, "/");
	snprintf(body, sizeof body, "csrf=%s%s%s", web_esc(w, csrf),
		 extra && *extra ? "&" : "", extra ? extra : "");
	return web_post(w, path, body);
}

/* The message of the error page last fetched. */
static inline const char *message(struct web *w)
{
	return text(w, "//p[@class='message']");
}

static inline TCase *tcase(Suite *s, const char *name, int timeout)
{
	TCase *tc = tcase_create(name);
	tcase_set_timeout(tc, timeout);
	suite_add_tcase(s, tc);
	return tc;
}

/* Runs a suite with libcurl and libxml2 set up: the process's exit
 * status (0 all passed, 1 a failure, 2 no run). */
static inline int run_suite(Suite *s)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 2;
	xmlInitParser();
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	curl_global_cleanup();
	return failed > 0 ? 1 : 0;
}

/* ---- the stack's own tools ------------------------------------------- */

static inline const char *env_or_fail(const char *name)
{
	const char *v = getenv(name);
	ck_assert_msg(v != NULL && *v != '\0', "environment variable %s is not set", name);
	return v;
}

static inline void slurp(int fd, char *out, size_t size)
{
	size_t len = 0;
	ssize_t k;
	lseek(fd, 0, SEEK_SET);
	while (len + 1 < size && (k = read(fd, out + len, size - len - 1)) > 0)
		len += (size_t)k;
	out[len] = '\0';
	close(fd);
}

/* Runs argv (looked up in PATH), standard input from /dev/null; its
 * standard output goes to out and its standard error to err, or to out
 * as well when err is NULL. Returns the exit status, or -1 if it did not
 * exit normally. */
static inline int run_cmd(const char *const argv[], char *out, size_t out_size, char *err,
			  size_t err_size)
{
	char on[] = "/tmp/httptest-outXXXXXX", en[] = "/tmp/httptest-errXXXXXX";
	int ofd = mkstemp(on), efd = err ? mkstemp(en) : dup(ofd);
	ck_assert_msg(ofd >= 0 && efd >= 0, "mkstemp failed");
	unlink(on);
	if (err)
		unlink(en);
	pid_t pid = fork();
	ck_assert_msg(pid >= 0, "fork failed");
	if (pid == 0) {
		dup2(ofd, 1);
		dup2(efd, 2);
		int devnull = open("/dev/null", O_RDONLY);
		if (devnull >= 0)
			dup2(devnull, 0);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	int status;
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	slurp(ofd, out, out_size);
	if (err)
		slurp(efd, err, err_size);
	else
		close(efd);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

#endif
