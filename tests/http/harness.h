/* The harness every HTTP suite uses (one binary per feature, kcgi's
 * regress/ habit): reading pages, posting forms with a token, the suite's
 * main(), the stack's database and tools, and dates in Beijing time.
 *
 * A suite is run by tests/stack-tests.sh against the private test stack,
 * with BASE_URL, BASE_URL2, VAR (the stack's state directory), STACK
 * (scripts/stack.sh) and HOTLINECTL in the environment. Check runs each test
 * in its own process: a test signs in for itself and makes its own data,
 * named with the run's stamp. Demo accounts and units are in
 * sql/demo/demo.sql; a test finds units by their code (unit_id, unit_name),
 * never by a number. */
#ifndef HARNESS_H
#define HARNESS_H
#include <check.h>
#include <stddef.h>
#include <time.h>

#include "web.h"

#include "arena.h"
#include "config.h"
#include "db.h"

/* ---- the run ------------------------------------------------------------ */

/* Set by suite_main before Check forks. */
extern char stamp[24];       /* makes what this run creates unique */
extern unsigned run_no;      /* five digits for this run's phone numbers */
extern char run_day[11];     /* Beijing's date when the suite started */
extern struct config cfg;    /* $VAR/hotline.conf */

/* Every demo account's password (sql/demo/demo.sql). */
#define DEMO_PW "Demo@12345"

/* Sets up the run (stamp, run_day, the stack's configuration, libcurl and
 * libxml2), then setup when not NULL (a suite's own data, made through SQL),
 * and runs s. Returns the process's exit status: 0 all passed, 1 a
 * failure, 2 no run. */
int suite_main(Suite *s, int (*setup)(void));

/* A test case of s with a timeout in seconds. */
TCase *tcase(Suite *s, const char *name, int timeout);

/* ---- pages -------------------------------------------------------------- */

/* The text of the first match, or "" (so it can go straight into
 * ck_assert_str_eq); owned by w until its next request. */
const char *text(struct web *w, const char *expr);
/* How many nodes the expression (a printf format) selects. */
int count(struct web *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int body_has(struct web *w, const char *s);

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

/* A visitor's session. */
void start(struct web *w);
/* A new session signed in as user, with password pw or the demo one. */
void login_as(struct web *w, const char *user, const char *pw);
void sign_in(struct web *w, const char *user);

/* Makes w's requests come from an address of its own (127.x.y.z, from the
 * run and tag), for what the application counts per client address (failed
 * sign-ins, the public's knowledge gaps a day). */
void own_address(struct web *w, unsigned tag);

/* Fetches path (200) so that the next POST has its token; returns it. */
const char *token_from(struct web *w, const char *path);
/* The number that follows prefix in s (an id in a link or Location), or 0. */
long id_after(const char *s, const char *prefix);
/* path made from a printf format, into buf. */
const char *pathf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Appends key=value (value URL-encoded) to a form body. */
void form_add(struct web *w, char *body, size_t size, const char *key, const char *value);
void form_addl(struct web *w, char *body, size_t size, const char *key, long value);
/* A form body from key, value pairs ending with NULL (values encoded). */
const char *form(struct web *w, char *body, size_t size, ...) __attribute__((sentinel));

/* POSTs extra (an encoded form body, or NULL) to path with the session's
 * token, as a button on any page would; returns the status. */
long web_act(struct web *w, const char *path, const char *extra);
/* The same with the token of page (fetched first). */
long web_act_from(struct web *w, const char *page, const char *path, const char *extra);
/* web_act on "/<kind>/<id>/<action>" ("/orders/12/accept"). */
long web_act_on(struct web *w, const char *kind, long id, const char *action,
		const char *extra);

#define ACT(w, path, extra, want)                                             \
	do {                                                                  \
		long st_ = web_act((w), (path), (extra));                     \
		ck_assert_msg(st_ == (want), "POST %s: status %ld, expected %d\n%.800s", \
			      (path), st_, (want), (w)->body ? (w)->body : ""); \
	} while (0)

#define ACT_ON(w, kind, id, action, extra, want)                              \
	do {                                                                  \
		long st_ = web_act_on((w), (kind), (id), (action), (extra));  \
		ck_assert_msg(st_ == (want), "POST /%s/%ld/%s: status %ld, expected %d\n%.800s", \
			      (kind), (long)(id), (action), st_, (want),      \
			      (w)->body ? (w)->body : "");                    \
	} while (0)

/* The message the last page shows a user: an error page's, or a form's
 * alert; "" when there is none. */
const char *message(struct web *w);
/* The message of the last refusal that refused() or dispute_refused() saw
 * (the observer's page has replaced it since). */
extern char refusal[1024];

/* NULL when shown (a message a page showed) holds every key word (a
 * NULL-terminated list), else what is wrong; for SAYS. */
const char *says_why(const char *shown, ...) __attribute__((sentinel));
/* The last page tells the user about the problem in these words: the
 * field's label, the rule's key words. Whole sentences are the handler's to
 * word. */
#define SAYS(w, ...)                                                          \
	do {                                                                  \
		const char *why_ = says_why(message(w), __VA_ARGS__, (const char *)NULL); \
		ck_assert_msg(why_ == NULL, "%s\n%.600s", why_, (w)->body ? (w)->body : ""); \
	} while (0)
/* The notice a page shows after a change, in these words. */
#define NOTICE_SAYS(w, ...)                                                   \
	do {                                                                  \
		const char *why_ = says_why(text((w), "//p[@class='notice']"), __VA_ARGS__, \
					    (const char *)NULL);              \
		ck_assert_msg(why_ == NULL, "notice: %s", why_);              \
	} while (0)
/* The same of the last refusal. */
#define REFUSAL_SAYS(...)                                                     \
	do {                                                                  \
		const char *why_ = says_why(refusal, __VA_ARGS__, (const char *)NULL); \
		ck_assert_msg(why_ == NULL, "%s", why_);                      \
	} while (0)

/* The admin (signed in as w) adds a user with one role in unit; returns
 * the user's id. */
long create_user(struct web *admin, const char *username, const char *display,
		 long unit, const char *role, const char *password);

/* Whether w's audit log, filtered by action, shows a row of that action
 * under its Chinese name (the code is only the name link's title) about
 * the object whose page is object ("/admin/units/12"; NULL: any object)
 * whose detail holds detail (NULL: any); how many such rows. */
int audit_shows(struct web *w, const char *action, const char *object, const char *detail);

/* The headers every answer carries (nosniff, DENY, a Content-Security-
 * Policy); what describes the answer in the failure. */
void assert_security_headers(struct web *w, const char *what);

/* ---- the stack ---------------------------------------------------------- */

const char *env_or_fail(const char *name);
/* Runs argv (looked up in PATH), standard input from /dev/null; standard
 * output to out, standard error to err or to out as well when err is NULL.
 * Returns the exit status, or -1 if it did not exit normally. */
int run_cmd(const char *const argv[], char *out, size_t out_size, char *err, size_t err_size);
/* scripts/stack.sh cmd (db-stop, node2-start ...) for the stack under
 * test; asserts that it succeeded. */
void stack(const char *cmd);
/* hotlinectl -c $VAR/hotline.conf args... (NULL-terminated): its exit
 * status; output as run_cmd. */
int hotlinectl(char *out, size_t out_size, char *err, size_t err_size, ...)
	__attribute__((sentinel));
/* Reads a whole file (at most size - 1 bytes) into out. */
void read_file(const char *path, char *out, size_t size);

/* ---- the database ------------------------------------------------------- */

/* A connection of its own, and an arena for its results. */
struct sqlc {
	struct db *db;
	struct arena a;
};
void sql_open(struct sqlc *s);
void sql_close(struct sqlc *s);

/* Runs a statement (a constant: the statement cache keys on its address)
 * with the typed parameters (DB_I, DB_S) that follow it; asserts success.
 * The ...0 forms take no parameters. */
void sql_exec_params(const char *stmt, const struct db_param *ps, size_t np);
/* The first cell of a query as a number: -1 without a row, 0 for NULL. */
long sql_long_params(const char *stmt, const struct db_param *ps, size_t np);
/* The first cell as text, copied into out ("" without a row or for NULL). */
const char *sql_text_params(char *out, size_t size, const char *stmt,
			    const struct db_param *ps, size_t np);
#define SQL_PARAMS_(...) (const struct db_param[]){ __VA_ARGS__ }, \
	sizeof((const struct db_param[]){ __VA_ARGS__ }) / sizeof(struct db_param)
#define sql_exec(stmt, ...) sql_exec_params((stmt), SQL_PARAMS_(__VA_ARGS__))
#define sql_long(stmt, ...) sql_long_params((stmt), SQL_PARAMS_(__VA_ARGS__))
#define sql_text(out, size, stmt, ...) sql_text_params((out), (size), (stmt), SQL_PARAMS_(__VA_ARGS__))
#define sql_exec0(stmt) sql_exec_params((stmt), NULL, 0)
#define sql_long0(stmt) sql_long_params((stmt), NULL, 0)
#define sql_text0(out, size, stmt) sql_text_params((out), (size), (stmt), NULL, 0)

/* Demo data by its code or name, as the test stack has it. Names are
 * returned in memory kept for the process. */
long unit_id(const char *code);
const char *unit_name(const char *code);
long jur_id(const char *code);
const char *jur_name(const char *code);
/* The active category called name (unique among active ones). */
long category_id(const char *name);
long user_id(const char *username);
const char *display_name(const char *username);
/* The title of a published entry of the unit with code (its first). */
const char *published_title(const char *code, char *out, size_t size);
/* A new order category (parent 0: top level); its id. */
long add_category(const char *name, long parent, long days, int active);

/* The last row of the audit log, and the actions of the rows after id that
 * a user or a visitor wrote (the sweep's are left out), into out. */
long audit_last_id(void);
const char *audit_actions_after(long id, char *out, size_t size);

/* ---- dates (Beijing time, as the server's) --------------------------------- */

/* A UTC "YYYY-MM-DD HH:MM:SS" as the pages show it: Beijing time (UTC+8),
 * "YYYY-MM-DD HH:MM", into out ("" when utc does not parse). */
void beijing_minute(const char *utc, char *out, size_t size);
/* days after today (negative: before), as YYYY-MM-DD; today is now, not
 * the run's start. */
void beijing_day(char out[11], long days);
/* day + n calendar days. */
void add_days(const char *day, int n, char out[11]);
time_t noon_of(const char *day);
/* Whether s begins with the date of a day the server may have acted on
 * since the run began: run_day, or today when the run crossed midnight. */
int is_run_date(const char *s);
/* Whether s holds the date of a day of the run anywhere. */
int mentions_run_date(const char *s);
/* The n-th working day after day, from the calendar table and the
 * Monday-Friday week (not the code under test). */
void workday_after(const char *day, int n, char out[11]);
/* Working days after from, up to and including due (0 when due is not
 * later). */
int workdays_between(const char *from, const char *due);
/* Whether got is the n-th working day after a day the server may have
 * acted on (is_run_date); for ASSERT_DUE. */
int is_due_after_run_day(const char *got, int n);
/* A Monday to Friday about days ahead (Beijing) that the calendar has no
 * word for yet. */
void plain_weekday(int days, char out[11]);
#define ASSERT_DUE(got, n)                                                    \
	ck_assert_msg(is_due_after_run_day((got), (n)),                       \
		      "due %s is not %d working days after %s or today", (got), (n), run_day)
/* Whether s mentions the n-th working day after a day the server may have
 * acted on. */
int mentions_due(const char *s, int n);
/* Whether left is what a page shows as the working days left until due
 * on a day the server may have shown it. */
int is_left_until(int left, const char *due);

#endif
