/* The fault test (issue 11): calls are taken at a steady rate while the
 * database is stopped and started again and the application is restarted.
 * Every intake the operator saw acknowledged (303) is in the database
 * afterwards; one that was refused is absent, or - when the database went
 * away between its COMMIT and the answer - sending the same form again
 * finds it, and it is stored once (the form's intake_key); the outage
 * answers 503 with
 * Retry-After, never 500 or nginx's 502; service returns when the database
 * does, without a restart; the restart drops no request; and the audit
 * chain is intact.
 *
 * Run by tests/stack-tests.sh after the other HTTP suites (it disturbs
 * everyone), with BASE_URL, VAR, STACK and HOTLINECTL in the environment. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define MAX_CALLS 400
#define PERIOD_MS 60

/* One intake as the operator's browser saw it. */
struct call {
	char marker[96];   /* in the content: finds the order in the database */
	char body[2048];   /* the form as sent (with its intake_key) */
	long status;
	int retry_after;   /* a 503 said when to come back */
	double at, done;   /* seconds since the start, sent and answered */
};

static struct call calls[MAX_CALLS];
static int ncalls;
/* The intake's category, jurisdiction and unit, looked up before the
 * writer starts (it asserts nothing itself: it is not Check's thread). */
static char cat[24], jur[24], unit[24];
static volatile int stop_writer;
static struct timespec t0;

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) / 1e9;
}

/* The operator: an intake every PERIOD_MS until told to stop, to 住房公积金
 * 管理中心 (a unit no other suite watches the queue of). The token
 * is read once, as a page left open would hold it. */
static void *writer(void *arg)
{
	struct web *op = arg;
	char csrf[160], phone[32], key[64];
	snprintf(csrf, sizeof csrf, "%s", web_csrf(op));
	while (!stop_writer && ncalls < MAX_CALLS) {
		struct call *c = &calls[ncalls];
		snprintf(c->marker, sizeof c->marker, "故障测试 %s-%03d", stamp, ncalls);
		snprintf(phone, sizeof phone, "1770000%04d", ncalls);
		snprintf(key, sizeof key, "faults-%s-%03d", stamp, ncalls);
		form(op, c->body, sizeof c->body, "csrf", csrf, "caller_phone", phone,
		     "caller_name", "故障测试", "channel", "phone", "category_id", cat,
		     "jurisdiction_id", jur, "content", c->marker, "demand", "要求答复",
		     "unit_id", unit, "outcome", "dispatch", "intake_key", key, NULL);
		c->at = now_s();
		c->status = web_post(op, "/orders", c->body);
		c->done = now_s();
		c->retry_after = web_header(op, "Retry-After") != NULL;
		ncalls++;
		usleep(PERIOD_MS * 1000);
	}
	return NULL;
}

/* The markers of this run's orders in the database. */
static int stored(char *out, size_t size)
{
	static const char sql[] =
		"SELECT GROUP_CONCAT(content ORDER BY id SEPARATOR '|') FROM orders"
		" WHERE content LIKE CONCAT('故障测试 ', ?, '-%')";
	struct sqlc s;
	sql_open(&s);
	struct dbres res;
	int rc = db_exec(s.db, &s.a, sql, &res, DB_S(stamp));
	ck_assert_msg(rc == DB_OK, "reading the orders: %s", db_error(s.db));
	snprintf(out, size, "|%s|", db_cell(&res, 0, 0) ? db_cell(&res, 0, 0) : "");
	sql_close(&s);
	return 0;
}

START_TEST(intakes_survive_a_database_outage_and_a_restart)
{
	struct web op;
	snprintf(cat, sizeof cat, "%ld", category_id("养老保险"));
	snprintf(jur, sizeof jur, "%ld", jur_id("meizhou"));
	snprintf(unit, sizeof unit, "%ld", unit_id("city-hpf"));
	sign_in(&op, "operator");
	token_from(&op, "/orders/new");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pthread_t th;
	ck_assert_int_eq(pthread_create(&th, NULL, writer, &op), 0);

	usleep(1500 * 1000);
	double down = now_s();
	stack("db-stop");
	usleep(2000 * 1000);
	stack("db-start");
	double up = now_s();
	usleep(2000 * 1000);
	double restart = now_s();
	stack("restart-app");
	double restarted = now_s();
	usleep(1500 * 1000);
	stop_writer = 1;
	pthread_join(th, NULL);

	char db[65536];
	stored(db, sizeof db);
	int acked = 0, refused = 0, outage_503 = 0, back_after_db = 0, during_restart = 0;
	char bad[8192] = "";
	for (int i = 0; i < ncalls; i++) {
		const struct call *c = &calls[i];
		char key[128];
		snprintf(key, sizeof key, "|%.96s|", c->marker);
		int in_db = strstr(db, key) != NULL;
		if (c->status == 303) {
			acked++;
			if (!in_db)
				snprintf(bad + strlen(bad), sizeof bad - strlen(bad),
					 "\n  %.96s acknowledged at %.2f s but not stored", c->marker, c->at);
			if (c->at > up && c->done < restart)
				back_after_db++;
			if (c->done > restart && c->at < restarted)
				during_restart++;
		} else {
			refused++;
			/* Its COMMIT landed but the answer was lost with the
			 * database: the same form again finds it, once. */
			if (in_db && web_post(&op, "/orders", c->body) != 303)
				snprintf(bad + strlen(bad), sizeof bad - strlen(bad),
					 "\n  %.96s refused (%ld) at %.2f s but stored, and sent again"
					 " not found", c->marker, c->status, c->at);
			if (c->status != 503 || !c->retry_after)
				snprintf(bad + strlen(bad), sizeof bad - strlen(bad),
					 "\n  %.96s: %ld%s at %.2f s (db down %.2f-%.2f, restart %.2f-%.2f)",
					 c->marker, c->status, c->retry_after ? "" : " without Retry-After",
					 c->at, down, up, restart, restarted);
			if (c->at >= down && c->at <= up)
				outage_503++;
		}
	}
	/* No form filed twice, also after being sent again. */
	stored(db, sizeof db);
	for (int i = 0; i < ncalls; i++) {
		char key[128];
		snprintf(key, sizeof key, "|%.96s|", calls[i].marker);
		const char *first = strstr(db, key);
		if (first != NULL && strstr(first + 1, key) != NULL)
			snprintf(bad + strlen(bad), sizeof bad - strlen(bad),
				 "\n  %.96s stored twice", calls[i].marker);
	}
	printf("faults: %d intakes: %d acknowledged and stored, %d refused with 503"
	       " during the outage; %d answered after the database came back, %d across"
	       " the restart\n", ncalls, acked, refused, back_after_db, during_restart);
	ck_assert_msg(bad[0] == '\0', "lost or wrongly answered intakes:%s", bad);
	ck_assert_msg(outage_503 > 0, "no intake was refused while the database was down");
	ck_assert_msg(back_after_db > 0, "no intake succeeded after the database came back");
	ck_assert_msg(acked > ncalls / 3, "only %d of %d intakes acknowledged", acked, ncalls);

	/* The same session still works, and the chain is whole. */
	GET(&op, "/", 200);
	char out[4096];
	int rc = hotlinectl(out, sizeof out, NULL, 0, "audit", "verify", NULL);
	ck_assert_msg(rc == 0 && strstr(out, "intact") != NULL, "audit verify (%d): %s", rc, out);
	web_free(&op);
}
END_TEST

/* The application away altogether (node 2 stopped): nginx answers 503
 * with the product's page and Retry-After, never a bare 502; the node
 * serves again once started. */
START_TEST(app_away_answers_503)
{
	struct web w;
	start(&w);
	snprintf(w.base, sizeof w.base, "%s", env_or_fail("BASE_URL2"));
	GET(&w, "/login", 200);
	stack("node2-stop");
	GET(&w, "/login", 503);
	ck_assert_msg(strstr(text(&w, "//h1"), "暂时不可用") != NULL, "the 503 page says 「%s」",
		      text(&w, "//h1"));
	ck_assert_msg(web_header(&w, "Retry-After") != NULL, "no Retry-After");
	long st = web_post(&w, "/login", "username=x&password=y");
	ck_assert_msg(st == 503, "POST: %ld", st);
	ck_assert_msg(strstr(text(&w, "//h1"), "暂时不可用") != NULL, "the 503 page says 「%s」",
		      text(&w, "//h1"));
	stack("node2-start");
	GET(&w, "/login", 200);
	web_free(&w);
}
END_TEST

static Suite *faults_suite(void)
{
	Suite *s = suite_create("faults");
	TCase *tc = tcase(s, "outage", 180);
	tcase_add_test(tc, intakes_survive_a_database_outage_and_a_restart);
	tcase_add_test(tc, app_away_answers_503);
	return s;
}

int main(void)
{
	return suite_main(faults_suite(), NULL);
}
