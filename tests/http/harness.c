#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/parser.h>

char stamp[24];
unsigned run_no;
char run_day[11];
struct config cfg;

/* ---- the run ------------------------------------------------------------ */

int suite_main(Suite *s, int (*setup)(void))
{
	snprintf(stamp, sizeof stamp, "%lx%x", (unsigned long)time(NULL) & 0xffffff,
		 (unsigned)getpid() & 0xfff);
	run_no = (unsigned)((time(NULL) + (time_t)getpid() * 7919) % 100000);
	beijing_day(run_day, 0);
	const char *var = getenv("VAR");
	if (var == NULL || *var == '\0') {
		fprintf(stderr, "%s: VAR (the stack's state directory) is not set\n",
			program_invocation_short_name);
		return 2;
	}
	char conf[1024];
	snprintf(conf, sizeof conf, "%s/hotline.conf", var);
	if (config_load(&cfg, conf) < 0)
		return 2;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 2;
	xmlInitParser();
	if (setup != NULL && setup() < 0) {
		fprintf(stderr, "%s: setting up the suite's data failed\n",
			program_invocation_short_name);
		return 2;
	}
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	curl_global_cleanup();
	return failed > 0 ? 1 : 0;
}

TCase *tcase(Suite *s, const char *name, int timeout)
{
	TCase *tc = tcase_create(name);
	tcase_set_timeout(tc, timeout);
	suite_add_tcase(s, tc);
	return tc;
}

/* ---- pages -------------------------------------------------------------- */

const char *text(struct web *w, const char *expr)
{
	const char *s = web_xpath_text(w, expr);
	return s ? s : "";
}

int count(struct web *w, const char *fmt, ...)
{
	char expr[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(expr, sizeof expr, fmt, ap);
	va_end(ap);
	return web_xpath_count(w, expr);
}

int body_has(struct web *w, const char *s)
{
	return w->body != NULL && strstr(w->body, s) != NULL;
}

void start(struct web *w)
{
	ck_assert_int_eq(web_init(w), 0);
}

void login_as(struct web *w, const char *user, const char *pw)
{
	start(w);
	long st = web_login(w, user, pw);
	ck_assert_msg(st == 303, "login as %s: status %ld %s", user, st, w->error);
}

void sign_in(struct web *w, const char *user)
{
	login_as(w, user, DEMO_PW);
}

void own_address(struct web *w, unsigned tag)
{
	char iface[64];
	unsigned h = run_no * 31u + (unsigned)getpid() * 7u + tag * 131u;
	snprintf(iface, sizeof iface, "host!127.%u.%u.%u", 1 + h % 250, 1 + (h / 250) % 250,
		 2 + (h / 62500) % 250);
	curl_easy_setopt(w->curl, CURLOPT_INTERFACE, iface);
}

const char *token_from(struct web *w, const char *path)
{
	GET(w, path, 200);
	const char *t = web_csrf(w);
	ck_assert_msg(strlen(t) == 64, "no CSRF token on %s", path);
	return t;
}

long id_after(const char *s, const char *prefix)
{
	if (s == NULL)
		return 0;
	const char *p = strstr(s, prefix);
	return p ? strtol(p + strlen(prefix), NULL, 10) : 0;
}

const char *pathf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	ck_assert_msg(n >= 0 && (size_t)n < size, "path too long");
	return buf;
}

void form_add(struct web *w, char *body, size_t size, const char *key, const char *value)
{
	size_t len = strlen(body);
	int n = snprintf(body + len, size - len, "%s%s=%s", len ? "&" : "", key,
			 web_esc(w, value));
	ck_assert_msg(n > 0 && (size_t)n < size - len, "form body too long");
}

void form_addl(struct web *w, char *body, size_t size, const char *key, long value)
{
	char s[32];
	snprintf(s, sizeof s, "%ld", value);
	form_add(w, body, size, key, s);
}

const char *form(struct web *w, char *body, size_t size, ...)
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

long web_act_from(struct web *w, const char *page, const char *path, const char *extra)
{
	static char body[65536];
	const char *csrf = token_from(w, page);
	int n = snprintf(body, sizeof body, "csrf=%s%s%s", web_esc(w, csrf),
			 extra && *extra ? "&" : "", extra ? extra : "");
	ck_assert_msg(n > 0 && (size_t)n < sizeof body, "form body too long");
	return web_post(w, path, body);
}

long web_act(struct web *w, const char *path, const char *extra)
{
	return web_act_from(w, "/", path, extra);
}

long web_act_on(struct web *w, const char *kind, long id, const char *action,
		const char *extra)
{
	char path[160];
	if (id == 0)
		pathf(path, sizeof path, "/%s", kind);
	else
		pathf(path, sizeof path, "/%s/%ld/%s", kind, id, action);
	return web_act(w, path, extra);
}

const char *message(struct web *w)
{
	const char *m = web_xpath_text(w, "//p[@class='message']");
	if (m == NULL || *m == '\0')
		m = web_xpath_text(w, "(//*[@role='alert' or @class='alert'])[1]");
	return m ? m : "";
}

char refusal[1024];

const char *says_why(const char *shown, ...)
{
	static char why[2048];
	if (shown == NULL || shown[0] == '\0')
		return "no message is shown";
	va_list ap;
	va_start(ap, shown);
	const char *word;
	while ((word = va_arg(ap, const char *)) != NULL)
		if (strstr(shown, word) == NULL) {
			snprintf(why, sizeof why, "the message 「%s」 does not say 「%s」", shown,
				 word);
			va_end(ap);
			return why;
		}
	va_end(ap);
	return NULL;
}

long create_user(struct web *admin, const char *username, const char *display,
		 long unit, const char *role, const char *password)
{
	char body[2048], u[24];
	snprintf(u, sizeof u, "%ld", unit);
	form(admin, body, sizeof body, "csrf", token_from(admin, "/admin/users"),
	     "username", username, "display_name", display, "phone", "",
	     "new_password", password, "unit_id", u, "role", role, NULL);
	POST(admin, "/admin/users", body, 303);
	long id = id_after(web_location(admin), "/admin/users/");
	ck_assert_msg(id > 0, "no user id in Location after creating %s", username);
	return id;
}

int audit_shows(struct web *w, const char *action, const char *object, const char *detail)
{
	char path[256], obj[256] = "", det[512] = "";
	GET(w, pathf(path, sizeof path, "/audit?q=%s", web_esc(w, action)), 200);
	if (object)
		snprintf(obj, sizeof obj, " and td[7]/a[@href='%s']", object);
	if (detail)
		snprintf(det, sizeof det, " and contains(td[8], '%s')", detail);
	/* The action column names the action in Chinese, not by its code. */
	return count(w, "//table[@class='audit']/tbody/tr[td[6]/a[@title='%s'] and"
		     " normalize-space(td[6]) != '%s'%s%s]", action, action, obj, det);
}

void assert_security_headers(struct web *w, const char *what)
{
	const char *v = web_header(w, "X-Content-Type-Options");
	ck_assert_msg(v && strcmp(v, "nosniff") == 0, "%s: X-Content-Type-Options %s",
		      what, v ? v : "missing");
	v = web_header(w, "X-Frame-Options");
	ck_assert_msg(v && strcmp(v, "DENY") == 0, "%s: X-Frame-Options %s", what,
		      v ? v : "missing");
	v = web_header(w, "Content-Security-Policy");
	ck_assert_msg(v && strstr(v, "default-src") != NULL,
		      "%s: Content-Security-Policy %s", what, v ? v : "missing");
}

/* ---- the stack ---------------------------------------------------------- */

const char *env_or_fail(const char *name)
{
	const char *v = getenv(name);
	ck_assert_msg(v != NULL && *v != '\0', "environment variable %s is not set", name);
	return v;
}

static void slurp(int fd, char *out, size_t size)
{
	size_t len = 0;
	ssize_t k;
	lseek(fd, 0, SEEK_SET);
	while (len + 1 < size && (k = read(fd, out + len, size - len - 1)) > 0)
		len += (size_t)k;
	out[len] = '\0';
	close(fd);
}

int run_cmd(const char *const argv[], char *out, size_t out_size, char *err, size_t err_size)
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

void stack(const char *cmd)
{
	char out[8192];
	const char *argv[] = { "bash", env_or_fail("STACK"), cmd, NULL };
	int rc = run_cmd(argv, out, sizeof out, NULL, 0);
	ck_assert_msg(rc == 0, "stack.sh %s: exit %d\n%s", cmd, rc, out);
}

int hotlinectl(char *out, size_t out_size, char *err, size_t err_size, ...)
{
	const char *argv[32];
	char conf[1024];
	size_t n = 0;
	snprintf(conf, sizeof conf, "%s/hotline.conf", env_or_fail("VAR"));
	argv[n++] = env_or_fail("HOTLINECTL");
	argv[n++] = "-c";
	argv[n++] = conf;
	va_list ap;
	va_start(ap, err_size);
	const char *arg;
	while ((arg = va_arg(ap, const char *)) != NULL && n + 1 < sizeof argv / sizeof argv[0])
		argv[n++] = arg;
	va_end(ap);
	argv[n] = NULL;
	return run_cmd(argv, out, out_size, err, err_size);
}

void read_file(const char *path, char *out, size_t size)
{
	int fd = open(path, O_RDONLY);
	ck_assert_msg(fd >= 0, "cannot open %s", path);
	slurp(fd, out, size);
}

/* ---- the database ------------------------------------------------------- */

void sql_open(struct sqlc *s)
{
	s->db = db_new(&cfg);
	arena_init(&s->a, 1 << 16);
}

void sql_close(struct sqlc *s)
{
	db_free(s->db);
	arena_free(&s->a);
}

void sql_exec_params(const char *stmt, const struct db_param *ps, size_t np)
{
	struct sqlc s;
	sql_open(&s);
	int rc = db_run_params(s.db, &s.a, stmt, NULL, ps, np);
	ck_assert_msg(rc == DB_OK, "%s: %s", stmt, db_error(s.db));
	sql_close(&s);
}

long sql_long_params(const char *stmt, const struct db_param *ps, size_t np)
{
	struct sqlc s;
	struct dbres res;
	sql_open(&s);
	int rc = db_run_params(s.db, &s.a, stmt, &res, ps, np);
	ck_assert_msg(rc == DB_OK, "%s: %s", stmt, db_error(s.db));
	long out = res.nrows == 0 ? -1 : db_cell(&res, 0, 0) ? (long)db_int(&res, 0, 0) : 0;
	sql_close(&s);
	return out;
}

const char *sql_text_params(char *out, size_t size, const char *stmt,
			    const struct db_param *ps, size_t np)
{
	struct sqlc s;
	struct dbres res;
	sql_open(&s);
	int rc = db_run_params(s.db, &s.a, stmt, &res, ps, np);
	ck_assert_msg(rc == DB_OK, "%s: %s", stmt, db_error(s.db));
	snprintf(out, size, "%s", res.nrows > 0 && db_cell(&res, 0, 0) ? db_cell(&res, 0, 0) : "");
	sql_close(&s);
	return out;
}

/* The id a lookup found; fails the test when there is none. */
static long found(long id, const char *what, const char *key)
{
	ck_assert_msg(id > 0, "no %s %s in the test stack", what, key);
	return id;
}

/* A copy kept for the life of the process (names shown to the tests). */
static const char *kept(const char *s)
{
	char *copy = strdup(s);
	ck_assert_ptr_nonnull(copy);
	return copy;
}

long unit_id(const char *code)
{
	return found(sql_long("SELECT id FROM units WHERE code = ?", DB_S(code)), "unit", code);
}

const char *unit_name(const char *code)
{
	char name[512];
	sql_text(name, sizeof name, "SELECT name FROM units WHERE code = ?", DB_S(code));
	ck_assert_msg(name[0] != '\0', "no unit %s in the test stack", code);
	return kept(name);
}

long jur_id(const char *code)
{
	return found(sql_long("SELECT id FROM jurisdictions WHERE code = ?", DB_S(code)),
		     "jurisdiction", code);
}

const char *jur_name(const char *code)
{
	char name[512];
	sql_text(name, sizeof name, "SELECT name FROM jurisdictions WHERE code = ?", DB_S(code));
	ck_assert_msg(name[0] != '\0', "no jurisdiction %s in the test stack", code);
	return kept(name);
}

long category_id(const char *name)
{
	return found(sql_long("SELECT MIN(id) FROM order_categories WHERE name = ? AND active = 1", DB_S(name)), "category", name);
}

long user_id(const char *username)
{
	return found(sql_long("SELECT id FROM users WHERE username = ?", DB_S(username)), "user",
		     username);
}

const char *display_name(const char *username)
{
	char name[512];
	sql_text(name, sizeof name, "SELECT display_name FROM users WHERE username = ?", DB_S(username));
	ck_assert_msg(name[0] != '\0', "no user %s in the test stack", username);
	return kept(name);
}

const char *published_title(const char *code, char *out, size_t size)
{
	sql_text(out, size, "SELECT v.title FROM kb_entries e JOIN units u ON u.id = e.unit_id"
		 " JOIN kb_versions v ON v.id = e.published_version_id"
		 " WHERE u.code = ? AND e.obsolete = 0 AND e.kind = 'faq' ORDER BY e.id LIMIT 1", DB_S(code));
	ck_assert_msg(out[0] != '\0', "no published entry of %s", code);
	return out;
}

long add_category(const char *name, long parent, long days, int active)
{
	static const char stmt[] =
		"INSERT INTO order_categories (name, parent_id, time_limit_days, active)"
		" VALUES (?, NULLIF(?, 0), ?, ?)";
	struct sqlc s;
	struct dbres res;
	sql_open(&s);
	int rc = db_exec(s.db, &s.a, stmt, &res, DB_S(name), DB_I((long long)parent), DB_I((long long)days), DB_I((long long)active));
	if (rc != DB_OK)
		fprintf(stderr, "category %s: %s\n", name, db_error(s.db));
	long id = rc == DB_OK ? (long)res.insert_id : 0;
	sql_close(&s);
	return id;
}

long audit_last_id(void)
{
	return sql_long0("SELECT COALESCE(MAX(id), 0) FROM audit_log");
}

const char *audit_actions_after(long id, char *out, size_t size)
{
	return sql_text(out, size, "SELECT COALESCE(GROUP_CONCAT(action ORDER BY id SEPARATOR ' '), '')"
			" FROM audit_log WHERE id > ? AND client_addr <> 'hotlinectl'", DB_I((long long)id));
}

/* ---- dates -------------------------------------------------------------- */

void beijing_day(char out[11], long days)
{
	time_t t = time(NULL) + 8 * 3600 + days * 86400L;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

void beijing_minute(const char *utc, char *out, size_t size)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	out[0] = '\0';
	if (sscanf(utc, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
		   &tm.tm_min, &tm.tm_sec) != 6)
		return;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm) + 8 * 3600;
	gmtime_r(&t, &tm);
	strftime(out, size, "%Y-%m-%d %H:%M", &tm);
}

time_t noon_of(const char *day)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	ck_assert_int_eq(sscanf(day, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday), 3);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_hour = 12;
	return timegm(&tm);
}

void add_days(const char *day, int n, char out[11])
{
	time_t t = noon_of(day) + (time_t)n * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int is_run_date(const char *s)
{
	char now[11];
	beijing_day(now, 0);
	return s != NULL && (strncmp(s, run_day, 10) == 0 || strncmp(s, now, 10) == 0);
}

int mentions_run_date(const char *s)
{
	char now[11];
	beijing_day(now, 0);
	return s != NULL && (strstr(s, run_day) != NULL || strstr(s, now) != NULL);
}

/* Whether day is a working day: the calendar table's word for it, else
 * Monday to Friday. */
static int is_workday(struct sqlc *s, const char *day)
{
	static const char stmt[] = "SELECT kind FROM calendar_days WHERE day = ?";
	struct dbres res;
	int rc = db_exec(s->db, &s->a, stmt, &res, DB_S(day));
	ck_assert_msg(rc == DB_OK, "reading the calendar: %s", db_error(s->db));
	const char *kind = res.nrows > 0 ? db_cell(&res, 0, 0) : NULL;
	if (kind != NULL && strcmp(kind, "workday") == 0)
		return 1;
	if (kind != NULL && strcmp(kind, "holiday") == 0)
		return 0;
	time_t t = noon_of(day);
	struct tm tm;
	gmtime_r(&t, &tm);
	return tm.tm_wday >= 1 && tm.tm_wday <= 5;
}

void workday_after(const char *day, int n, char out[11])
{
	struct sqlc s;
	char d[11], next[11];
	sql_open(&s);
	snprintf(d, sizeof d, "%s", day);
	while (n > 0) {
		add_days(d, 1, next);
		memcpy(d, next, sizeof d);
		if (is_workday(&s, d))
			n--;
	}
	sql_close(&s);
	snprintf(out, 11, "%s", d);
}

int workdays_between(const char *from, const char *due)
{
	struct sqlc s;
	char d[11], next[11];
	int n = 0;
	sql_open(&s);
	snprintf(d, sizeof d, "%s", from);
	for (int i = 0; i < 400 && strcmp(d, due) < 0; i++) {
		add_days(d, 1, next);
		memcpy(d, next, sizeof d);
		n += is_workday(&s, d);
	}
	sql_close(&s);
	return n;
}

/* A Monday to Friday about days ahead that the calendar has no word for
 * yet. */
void plain_weekday(int days, char out[11])
{
	char d[11], next[11];
	beijing_day(d, days);
	for (int i = 0; i < 60; i++) {
		struct tm tm;
		time_t t = noon_of(d);
		gmtime_r(&t, &tm);
		if (tm.tm_wday >= 1 && tm.tm_wday <= 5 &&
		    sql_long("SELECT COUNT(*) FROM calendar_days WHERE day = ?", DB_S(d)) == 0)
			break;
		add_days(d, 1, next);
		memcpy(d, next, sizeof d);
	}
	snprintf(out, 11, "%s", d);
}

int is_due_after_run_day(const char *got, int n)
{
	char now[11], due[11];
	beijing_day(now, 0);
	workday_after(run_day, n, due);
	if (strcmp(got, due) == 0)
		return 1;
	workday_after(now, n, due);
	return strcmp(got, due) == 0;
}

int mentions_due(const char *s, int n)
{
	char now[11], due[11];
	beijing_day(now, 0);
	workday_after(run_day, n, due);
	if (strstr(s, due) != NULL)
		return 1;
	workday_after(now, n, due);
	return strstr(s, due) != NULL;
}

int is_left_until(int left, const char *due)
{
	char now[11];
	beijing_day(now, 0);
	return left == workdays_between(run_day, due) || left == workdays_between(now, due);
}
