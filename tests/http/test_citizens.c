/* Citizens and other systems (issue 16): a caller follows their order on
 * /status with its number and 查询码 (and sees nothing a caller should
 * not); a request filed through Open311 waits in the operators' intake
 * queue and is dispatched like a call; likely duplicates are shown and
 * merged, keeping every caller and counting once; matters for other
 * channels are answered with their script and not made work orders. The
 * Open311 client of tests/open311 checks the interface itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "orders.h"

static char body[8192];

/* The anonymous lookup: status and the page in pub. */
static long lookup(struct web *pub, const char *number, const char *typed)
{
	snprintf(body, sizeof body, "number=%s", web_esc(pub, number));
	size_t n = strlen(body);
	snprintf(body + n, sizeof body - n, "&qcode=%s", web_esc(pub, typed));
	return web_post(pub, "/status", body);
}

/* The query code the order page shows once after the intake. */
static void code_of(struct web *w, char out[8])
{
	const char *c = text(w, "//strong[@class='o-qcode']");
	ck_assert_msg(c != NULL && strlen(c) == 6, "no query code on the page");
	snprintf(out, 8, "%s", c);
}

/* The state and the unit /status shows. */
static const char *shown_state(struct web *pub)
{
	return text(pub, "//dd[@class='state']");
}

/* Nothing a caller should not see is on the page: any staff member's
 * name, any note of the order's timeline, any other caller's phone. */
static void shows_nothing_private(struct web *pub, long order, const char *own_phone)
{
	static const char *const what[] = { "a staff member's name", "a note of the timeline",
					    "another caller's phone" };
	char names[65536];
	sql_text0(names, sizeof names,
		  "SELECT GROUP_CONCAT(display_name SEPARATOR '\\n') FROM users"
		  " WHERE CHAR_LENGTH(display_name) >= 2");
	char notes[65536];
	sql_text(notes, sizeof notes,
		 "SELECT COALESCE(GROUP_CONCAT(note SEPARATOR '\\n'), '') FROM order_events"
		 " WHERE order_id IN (?, (SELECT COALESCE(merged_into, 0) FROM orders WHERE id = ?))"
		 " AND CHAR_LENGTH(note) >= 4 AND kind <> 'reply'", DB_I(order), DB_I(order));
	static char phones[1 << 20];
	sql_text(phones, sizeof phones,
		 "SELECT COALESCE(GROUP_CONCAT(DISTINCT caller_phone SEPARATOR '\\n'), '') FROM orders"
		 " WHERE CHAR_LENGTH(caller_phone) >= 7 AND caller_phone <> ?", DB_S(own_phone));
	const char *lists[] = { names, notes, phones };
	int checked = 0;
	for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
		char *copy = strdup(lists[l]), *save = NULL;
		for (char *t = strtok_r(copy, "\n", &save); t; t = strtok_r(NULL, "\n", &save)) {
			ck_assert_msg(strstr(pub->body, t) == NULL, "/status shows \"%s\" (%s)", t,
				      what[l]);
			checked++;
		}
		free(copy);
	}
	ck_assert_int_gt(checked, 20);
	/* Not even the caller's own number or name. */
	ck_assert_ptr_null(strstr(pub->body, own_phone));
	ck_assert_ptr_null(strstr(pub->body, "陈先生"));
}

START_TEST(a_caller_follows_the_order_from_intake_to_reply)
{
	struct web op, clerk, coord, pub;
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	start(&pub);
	own_address(&pub, 1);
	char phone[32], number[64], code[8];
	phone_no(phone, 1601);
	struct call c = dispatch_to(phone, category_id("养老保险"), jur_id("meizhou"),
				    unit_id("city-hrss"));
	c.content = "询问养老保险转移接续办理进度，已提交材料两个月。";
	long id = create(&op, &c, number, sizeof number);
	/* The operator reads the number and the code to the caller, once. */
	code_of(&op, code);
	char path[96];
	GET(&op, pathf(path, sizeof path, "/orders/%ld", id), 200);
	ck_assert_int_eq(count(&op, "//strong[@class='o-qcode']"), 0);
	ck_assert_int_eq(sql_long("SELECT COUNT(*) FROM orders WHERE id = ? AND query_hash LIKE ?",
				  DB_I(id), DB_S(code)), 0);

	/* /status, no account: the state, the unit, the deadline. */
	GET(&pub, "/status", 200);
	ck_assert_int_eq(count(&pub, "//label[@for='qcode']"), 1);
	ck_assert_int_eq(lookup(&pub, number, code), 200);
	ck_assert_str_eq(shown_state(&pub), "办理中");
	ck_assert_str_eq(text(&pub, "//dd[@class='unit']"), unit_name("city-hrss"));
	char due[16];
	snap(&coord, id, &(struct snap){ 0 });
	sql_text(due, sizeof due, "SELECT DATE_FORMAT(due_date, '%Y-%m-%d') FROM orders WHERE id = ?",
		 DB_I(id));
	ck_assert_ptr_nonnull(strstr(text(&pub, "//dd[@class='due']"), due));
	ck_assert_int_eq(count(&pub, "//ol[contains(@class,'public-timeline')]/li"), 1);
	ck_assert_ptr_nonnull(strstr(text(&pub, "//ol[contains(@class,'public-timeline')]/li[1]"),
				     "已受理，交办"));
	/* Lower case and spaces as a caller types them; the last four digits. */
	char typed[16];
	snprintf(typed, sizeof typed, "%.3s %s", code, code + 3);
	for (char *p = typed; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	ck_assert_int_eq(lookup(&pub, number, typed), 200);
	ck_assert_int_eq(lookup(&pub, number, phone + strlen(phone) - 4), 200);
	/* Pasted from a message, with spaces around (an ideographic one too). */
	char pasted[96];
	snprintf(pasted, sizeof pasted, " %s\xE3\x80\x80", number);
	ck_assert_int_eq(lookup(&pub, pasted, code), 200);

	/* The unit handles it; notes stay inside. */
	ACT_ON(&clerk, "orders", id, "accept", NULL, 303);
	ACT_ON(&clerk, "orders", id, "note",
	       form(&clerk, body, sizeof body, "note", "内部备注：已电话联系社保中心王科长核实。", NULL), 303);
	ACT_ON(&clerk, "orders", id, "reply",
	       form(&clerk, body, sizeof body, "result", "您的养老保险转移已于本周办结，请登录粤省事查询。",
		    NULL), 303);
	ck_assert_int_eq(lookup(&pub, number, code), 200);
	ck_assert_str_eq(shown_state(&pub), "办理中");
	ck_assert_int_eq(count(&pub, "//dd[@class='reply']"), 0);
	ACT_ON(&coord, "orders", id, "close",
	       form(&coord, body, sizeof body, "satisfaction", "satisfied", NULL), 303);
	ck_assert_int_eq(lookup(&pub, number, code), 200);
	ck_assert_str_eq(shown_state(&pub), "已办结");
	ck_assert_str_eq(text(&pub, "//dd[@class='reply']"),
			 "您的养老保险转移已于本周办结，请登录粤省事查询。");
	ck_assert_int_eq(count(&pub, "//ol[contains(@class,'public-timeline')]/li"), 4);
	ck_assert_int_eq(count(&pub, "//dd[@class='due']"), 0);
	shows_nothing_private(&pub, id, phone);
	ck_assert_ptr_null(strstr(pub.body, "王科长"));
	ck_assert_str_eq(web_header(&pub, "Cache-Control"), "no-store");

	/* A lost code: the operator makes a new one; the old one stops. */
	ACT_ON(&op, "orders", id, "qcode", NULL, 303);
	char loc[128];
	snprintf(loc, sizeof loc, "%s", web_location(&op));
	GET(&op, loc, 200);
	char fresh[8];
	code_of(&op, fresh);
	ck_assert_str_ne(fresh, code);
	ck_assert_int_eq(lookup(&pub, number, code), 404);
	ck_assert_int_eq(lookup(&pub, number, fresh), 200);
	ck_assert_int_gt(audit_shows(&coord, "order.qcode", NULL, number), 0);
	/* A unit's clerk may not. */
	ACT_ON(&clerk, "orders", id, "qcode", NULL, 403);
	web_free(&op);
	web_free(&clerk);
	web_free(&coord);
	web_free(&pub);
}
END_TEST

START_TEST(wrong_pairs_all_answer_the_same_and_are_limited)
{
	struct web op, pub, other;
	sign_in(&op, "operator");
	start(&pub);
	own_address(&pub, 2);
	start(&other);
	own_address(&other, 3);
	char phone[32], number[64], code[8];
	phone_no(phone, 1602);
	long id = create(&op, &(struct call){ .outcome = "dispatch", .phone = phone,
					      .content = "小区路灯不亮", .demand = "修复路灯",
					      .cat = category_id("养老保险"), .jur = jur_id("meizhou"),
					      .unit = unit_id("city-hrss") }, number, sizeof number);
	(void)id;
	code_of(&op, code);
	/* A wrong code and an unknown number read alike. */
	char wrong[8];
	snprintf(wrong, sizeof wrong, "%s", code);
	wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
	ck_assert_int_eq(lookup(&pub, number, wrong), 404);
	char a[512];
	snprintf(a, sizeof a, "%s", text(&pub, "//p[@class='alert']"));
	ck_assert_ptr_nonnull(strstr(a, "没有找到"));
	char unknown[64];
	snprintf(unknown, sizeof unknown, "%.*s9999", (int)strlen(number) - 4, number);
	ck_assert_int_eq(lookup(&pub, unknown, code), 404);
	ck_assert_str_eq(text(&pub, "//p[@class='alert']"), a);
	ck_assert_int_eq(lookup(&pub, number, "0000"), 404);
	ck_assert_int_eq(lookup(&pub, number, "not a code"), 404);
	ck_assert_int_eq(count(&pub, "//section[@class='status-result']"), 0);
	/* 20 wrong pairs from one address: then even the right one waits; the
	 * caller from another address is not held up. */
	for (int i = 0; i < 16; i++)
		ck_assert_int_eq(lookup(&pub, number, wrong), 404);
	ck_assert_int_eq(lookup(&pub, number, code), 429);
	ck_assert_int_eq(count(&pub, "//section[@class='status-result']"), 0);
	ck_assert_int_eq(lookup(&other, number, code), 200);
	/* Bad input: a page, not a crash; a form from elsewhere is refused. */
	ck_assert_int_eq(web_post(&other, "/status", "number=%FF%FE&qcode=1234"), 400);
	ck_assert_int_eq(web_post(&other, "/status", "qcode=1234"), 400);
	snprintf(other.origin, sizeof other.origin, "http://evil.example");
	ck_assert_int_eq(lookup(&other, number, code), 403);
	web_free(&op);
	web_free(&pub);
	web_free(&other);
}
END_TEST

/* ---- Open311 to the intake queue ------------------------------------------------ */

/* A key of the tool: sets key. */
static void make_key(const char *source, char key[80])
{
	char out[256], err[256];
	ck_assert_int_eq(hotlinectl(out, sizeof out, err, sizeof err, "open311", "key", source, NULL),
			 0);
	long kid = 0;
	ck_assert_int_eq(sscanf(out, "%ld %79s", &kid, key), 2);
}

/* The value of a JSON string member name in the last body. */
static const char *json_str(struct web *w, const char *name, char *out, size_t size)
{
	char pat[64];
	snprintf(pat, sizeof pat, "\"%s\":\"", name);
	const char *p = strstr(w->body, pat);
	ck_assert_msg(p != NULL, "no %s in %s", name, w->body);
	p += strlen(pat);
	size_t n = strcspn(p, "\"");
	snprintf(out, size, "%.*s", (int)n, p);
	return out;
}

START_TEST(an_open311_request_is_dispatched_like_a_call)
{
	struct web op, op2, clerk, coord, pub, api;
	sign_in(&op, "operator");
	sign_in(&op2, "operator2");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	start(&pub);
	own_address(&pub, 4);
	start(&api);
	char key[80], number[64], notice[512], path[256];
	make_key("测试微信公众号", key);
	long cat = category_id("养老保险");
	snprintf(body, sizeof body,
		 "api_key=%s&service_code=%ld&description=%s&address_string=%s&phone=13700001601"
		 "&first_name=%s&last_name=%s", key, cat,
		 web_esc(&api, "开放接口：养老金到账时间查询"), web_esc(&api, "梅江区彬芳大道 1 号"),
		 web_esc(&api, "敏"), web_esc(&api, "林"));
	ck_assert_int_eq(web_post(&api, "/open311/v2/requests.json", body), 201);
	json_str(&api, "service_request_id", number, sizeof number);
	json_str(&api, "service_notice", notice, sizeof notice);
	const char *c = strstr(notice, "查询码 ");
	ck_assert_ptr_nonnull(c);
	char code[8];
	snprintf(code, sizeof code, "%.6s", c + strlen("查询码 "));
	long id = sql_long("SELECT id FROM orders WHERE number = ?", DB_S(number));
	ck_assert_int_gt(id, 0);
	GET(&api, pathf(path, sizeof path, "/open311/v2/requests/%s.json?api_key=%s", number, key), 200);
	ck_assert_ptr_nonnull(strstr(api.body, "\"status\":\"open\""));
	ck_assert_int_eq(lookup(&pub, number, code), 200);
	ck_assert_str_eq(shown_state(&pub), "待受理");

	/* It waits in the operators' queue, channel 开放接口. */
	GET(&op, "/orders/pending", 200);
	ck_assert_int_eq(count(&op, "//table[contains(@class,'pending')]//td[.='%s']", number), 1);
	GET(&op, pathf(path, sizeof path, "/orders/new?pending_id=%ld", id), 200);
	ck_assert_str_eq(text(&op, "//textarea[@id='content']"), "开放接口：养老金到账时间查询");
	ck_assert_str_eq(text(&op, "//select[@id='channel']/option[@selected]"), "开放接口");
	ck_assert_str_eq(text(&op, "//input[@id='caller_name']/@value"), "林敏");
	/* The operator dispatches it: the same order, now with the unit. */
	snprintf(body, sizeof body, "csrf=%s&pending_id=%ld&caller_phone=13700001601&caller_name=%s"
		 "&channel=open311&category_id=%ld&jurisdiction_id=%ld&place=%s&content=%s&demand=%s"
		 "&unit_id=%ld&outcome=dispatch", web_csrf(&op), id, web_esc(&op, "林敏"), cat,
		 jur_id("meizhou"), web_esc(&op, "梅江区彬芳大道 1 号"),
		 web_esc(&op, "开放接口：养老金到账时间查询"), web_esc(&op, "查询到账时间"),
		 unit_id("city-hrss"));
	ck_assert_int_eq(web_post(&op, "/orders", body), 303);
	ck_assert_int_eq(id_after(web_location(&op), "/orders/"), id);
	STATE_IS(&op, id, "待签收");
	ck_assert_int_eq(sql_long("SELECT COUNT(*) FROM orders WHERE number = ?", DB_S(number)), 1);
	/* A second operator sending the same request again is told. */
	GET(&op2, pathf(path, sizeof path, "/orders/new?pending_id=%ld", id), 303);
	snprintf(body, sizeof body, "csrf=%s&pending_id=%ld&caller_phone=13700001601&channel=open311"
		 "&category_id=%ld&jurisdiction_id=%ld&content=x&demand=y&unit_id=%ld&outcome=dispatch",
		 token_from(&op2, "/orders/new"), id, cat, jur_id("meizhou"), unit_id("city-hrss"));
	ck_assert_int_eq(web_post(&op2, "/orders", body), 400);
	ck_assert_ptr_nonnull(strstr(op2.body, "已由其他话务员受理"));
	GET(&op, "/orders/pending", 200);
	ck_assert_int_eq(count(&op, "//td[.='%s']", number), 0);

	/* Handled and closed: the other system reads the reply. */
	ACT_ON(&clerk, "orders", id, "accept", NULL, 303);
	ACT_ON(&clerk, "orders", id, "reply",
	       form(&clerk, body, sizeof body, "result", "养老金已于每月 10 日前发放到账。", NULL), 303);
	ACT_ON(&coord, "orders", id, "close",
	       form(&coord, body, sizeof body, "satisfaction", "satisfied", NULL), 303);
	GET(&api, pathf(path, sizeof path, "/open311/v2/requests/%s.xml?api_key=%s", number, key), 200);
	ck_assert_ptr_nonnull(strstr(api.body, "<status>closed</status>"));
	ck_assert_ptr_nonnull(strstr(api.body, "<status_notes>养老金已于每月 10 日前发放到账。</status_notes>"));
	ck_assert_ptr_nonnull(strstr(api.body, unit_name("city-hrss")));
	ck_assert_ptr_null(strstr(api.body, "13700001601"));
	ck_assert_ptr_null(strstr(api.body, "林敏"));
	ck_assert_int_eq(lookup(&pub, number, code), 200);
	ck_assert_str_eq(shown_state(&pub), "已办结");
	ck_assert_int_gt(audit_shows(&coord, "order.open311", NULL, number), 0);
	web_free(&op);
	web_free(&op2);
	web_free(&clerk);
	web_free(&coord);
	web_free(&pub);
	web_free(&api);
}
END_TEST

START_TEST(the_admin_makes_limits_and_revokes_keys)
{
	struct web admin, api, op;
	sign_in(&admin, "admin");
	sign_in(&op, "operator");
	start(&api);
	GET(&admin, "/admin/open311", 200);
	long cat = category_id("养老保险");
	snprintf(body, sizeof body, "csrf=%s&source=%s&category_id=%ld", web_csrf(&admin),
		 web_esc(&admin, "测试省级平台"), cat);
	ck_assert_int_eq(web_post(&admin, "/admin/open311", body), 200);
	char key[80];
	snprintf(key, sizeof key, "%s", text(&admin, "//code[@class='key']"));
	ck_assert_uint_eq(strlen(key), 64);
	ck_assert_int_eq(sql_long("SELECT COUNT(*) FROM open311_keys WHERE key_hash = ?", DB_S(key)), 0);
	/* Limited to 养老保险. */
	snprintf(body, sizeof body, "api_key=%s&service_code=%ld&description=x&address_string=y",
		 key, category_id("社保卡"));
	ck_assert_int_eq(web_post(&api, "/open311/v2/requests.xml", body), 403);
	ck_assert_ptr_nonnull(strstr(api.body, "<errors><error><code>403</code>"));
	snprintf(body, sizeof body, "api_key=%s&service_code=%ld&description=x&address_string=y",
		 key, cat);
	ck_assert_int_eq(web_post(&api, "/open311/v2/requests.json", body), 201);
	/* Revoked: refused at once. */
	long kid = sql_long("SELECT MAX(id) FROM open311_keys WHERE source = ?", DB_S("测试省级平台"));
	char path[96];
	ACT(&admin, pathf(path, sizeof path, "/admin/open311/%ld/revoke", kid), NULL, 303);
	ck_assert_int_eq(web_post(&api, "/open311/v2/requests.json", body), 403);
	ck_assert_int_gt(audit_shows(&admin, "open311.revoke", NULL, NULL), 0);
	/* Only the admin. */
	GET(&op, "/admin/open311", 403);
	web_free(&admin);
	web_free(&api);
	web_free(&op);
}
END_TEST

/* ---- duplicates ---------------------------------------------------------------- */

START_TEST(duplicates_merge_keeping_every_caller_and_count_once)
{
	struct web op, clerk, coord, pub, mjc;
	sign_in(&op, "operator");
	sign_in(&clerk, "clerk_hrss");
	sign_in(&coord, "coordinator");
	sign_in(&mjc, "mj_coordinator");
	start(&pub);
	own_address(&pub, 5);
	char p1[32], p2[32], n1[64], n2[64], code2[8], path[96];
	phone_no(p1, 1611);
	phone_no(p2, 1612);
	long cat = category_id("养老保险"), city = jur_id("meizhou"), hrss = unit_id("city-hrss");
	struct call c1 = dispatch_to(p1, cat, city, hrss);
	c1.content = "江南路十二号小区养老服务站长期关门，老人无处活动，希望尽快恢复开放。";
	long master = create(&op, &c1, n1, sizeof n1);
	/* The second caller: the intake shows the first as a likely duplicate. */
	struct call c2 = dispatch_to(p2, cat, city, hrss);
	c2.content = "江南路十二号养老服务站关门很久了，希望恢复开放。";
	ck_assert_int_eq(post_call(&op, "/orders/new", &c2), 200);
	ck_assert_int_eq(count(&op, "//div[@class='dupes']//a[.='%s']", n1), 1);
	ck_assert_ptr_nonnull(strstr(text(&op, "//div[@class='dupes']//li[2]"), "地点相同、内容相近"));
	/* Marked as such when filed. */
	static char form2[16384];
	post_call(&op, "/orders/new", &c2);
	snprintf(form2, sizeof form2, "%s", "");
	long dup;
	{
		char *b = form2;
		form_add(&op, b, sizeof form2, "csrf", web_csrf(&op));
		form_add(&op, b, sizeof form2, "caller_phone", p2);
		form_add(&op, b, sizeof form2, "caller_name", "李女士");
		form_add(&op, b, sizeof form2, "channel", "phone");
		form_addl(&op, b, sizeof form2, "category_id", cat);
		form_addl(&op, b, sizeof form2, "jurisdiction_id", city);
		form_add(&op, b, sizeof form2, "place", "梅江区江南路 12 号");
		form_add(&op, b, sizeof form2, "content", c2.content);
		form_add(&op, b, sizeof form2, "demand", "恢复开放");
		form_addl(&op, b, sizeof form2, "unit_id", hrss);
		form_addl(&op, b, sizeof form2, "dup_of", master);
		form_add(&op, b, sizeof form2, "outcome", "dispatch");
		ck_assert_int_eq(web_post(&op, "/orders", form2), 303);
		char loc[128];
		snprintf(loc, sizeof loc, "%s", web_location(&op));
		dup = id_after(loc, "/orders/");
		GET(&op, loc, 200);
		snprintf(n2, sizeof n2, "%s", text(&op, "//dd[@class='o-number']"));
		code_of(&op, code2);
	}
	ck_assert_int_eq(sql_long("SELECT likely_dup_of FROM orders WHERE id = ?", DB_I(dup)), master);
	/* The office's search marks it, its list of likely duplicates has it,
	 * and so has the order page. */
	GET(&coord, pathf(path, sizeof path, "/orders?number=%s", n2), 200);
	ck_assert_int_eq(count(&coord, "//a[contains(@class,'likely')][@href='/orders/%ld']", master), 1);
	GET(&coord, "/orders/duplicates", 200);
	ck_assert_int_eq(count(&coord, "//table[contains(@class,'duplicates')]//a[.='%s']", n2), 1);
	GET(&coord, pathf(path, sizeof path, "/orders/%ld", dup), 200);
	ck_assert_int_eq(count(&coord, "//section[contains(@class,'dupes')]//form[@action='/orders/%ld/merge']"
				       "/input[@name='master_id'][@value='%ld']", dup, master), 1);
	/* Not the clerk, not another jurisdiction's office. */
	snprintf(body, sizeof body, "master_id=%ld", master);
	ACT_ON(&clerk, "orders", dup, "merge", body, 403);
	ACT_ON(&mjc, "orders", dup, "merge", body, 404);
	snprintf(body, sizeof body, "master_id=%ld", dup);
	ACT_ON(&coord, "orders", dup, "merge", body, 409);
	/* Merged: the duplicate closes with a link, its caller counts. */
	snprintf(body, sizeof body, "master_id=%ld", master);
	ACT_ON(&coord, "orders", dup, "merge", body, 303);
	ck_assert_int_eq(id_after(web_location(&coord), "/orders/"), master);
	GET(&coord, pathf(path, sizeof path, "/orders/%ld", master), 200);
	ck_assert_ptr_nonnull(strstr(text(&coord, "//dd[@class='o-callers']"), "2"));
	ck_assert_int_eq(count(&coord, "//section[contains(@class,'merged-orders')]//li[contains(.,'%s')]",
			       p2), 1);
	STATE_IS(&coord, dup, "已办结");
	ck_assert_int_eq(count(&coord, "//p[contains(@class,'merged')]/a[.='%s']", n1), 1);
	ACT_ON(&coord, "orders", dup, "merge", body, 409);
	GET(&coord, pathf(path, sizeof path, "/orders?number=%s", n2), 200);
	ck_assert_int_eq(count(&coord, "//a[contains(@class,'merged')][@href='/orders/%ld']", master), 1);
	GET(&coord, "/orders/duplicates", 200);
	ck_assert_int_eq(count(&coord, "//a[.='%s']", n2), 0);
	ck_assert_int_gt(audit_shows(&coord, "order.merge", NULL, n2), 0);
	/* The second caller follows the master; its reply answers both. */
	ck_assert_int_eq(lookup(&pub, n2, code2), 200);
	ck_assert_str_eq(shown_state(&pub), "办理中");
	ck_assert_ptr_nonnull(strstr(pub.body, n1));
	ACT_ON(&clerk, "orders", master, "accept", NULL, 303);
	ACT_ON(&clerk, "orders", master, "reply",
	       form(&clerk, body, sizeof body, "result", "养老服务站已于本周一恢复开放。", NULL), 303);
	ACT_ON(&coord, "orders", master, "close",
	       form(&coord, body, sizeof body, "satisfaction", "satisfied", NULL), 303);
	ck_assert_int_eq(lookup(&pub, n2, code2), 200);
	ck_assert_str_eq(shown_state(&pub), "已办结");
	ck_assert_str_eq(text(&pub, "//dd[@class='reply']"), "养老服务站已于本周一恢复开放。");
	shows_nothing_private(&pub, dup, p2);
	/* Counted once: the month's figures leave the duplicate out. */
	char month[8];
	sql_text0(month, sizeof month, "SELECT DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 8 HOUR, '%Y-%m')");
	char out[512], err[512];
	ck_assert_int_eq(hotlinectl(out, sizeof out, err, sizeof err, "assess", "run", month, NULL), 0);
	long counted = sql_long("SELECT calls FROM unit_scores WHERE month = ? AND unit_id = ?",
				DB_S(month), DB_I(hrss));
	/* The unit's calls of the month as the assessment attributes them
	 * (an answer to the entry's unit, a three-way call to its unit),
	 * with and without the merged duplicates. */
	static const char unit_calls[] = "SELECT COUNT(*) FROM orders o"
		" LEFT JOIN kb_entries e ON e.id = o.kb_entry_id"
		" WHERE CASE o.state WHEN 'answered' THEN e.unit_id"
		" WHEN 'three_way' THEN o.three_way_unit_id ELSE o.unit_id END = ?"
		" AND o.created_at >= DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 8 HOUR, '%Y-%m-01')"
		" - INTERVAL 8 HOUR AND (? OR o.merged_into IS NULL)";
	long all = sql_long(unit_calls, DB_I(hrss), DB_I(1));
	long once = sql_long(unit_calls, DB_I(hrss), DB_I(0));
	ck_assert_int_lt(once, all);
	ck_assert_int_eq(counted, once);
	ck_assert_int_ge(sql_long("SELECT merged FROM assess_months WHERE month = ?", DB_S(month)), 1);
	web_free(&op);
	web_free(&clerk);
	web_free(&coord);
	web_free(&pub);
	web_free(&mjc);
}
END_TEST

START_TEST(the_office_sets_how_far_back_duplicates_are_looked_for)
{
	struct web op, coord;
	sign_in(&op, "operator");
	sign_in(&coord, "coordinator");
	char phone[32], num[64];
	phone_no(phone, 1631);
	long cat = category_id("养老保险"), city = jur_id("meizhou"), hrss = unit_id("city-hrss");
	raw_order(&(struct raw){ raw_number(num, "dup-window"), phone, "dispatched", NULL, NULL,
				 city, cat, hrss, 3, 0 });
	struct call c = dispatch_to(phone, cat, city, hrss);
	ck_assert_int_eq(post_call(&op, "/orders/new", &c), 200);
	ck_assert_int_eq(count(&op, "//div[@class='dupes']//a[.='%s']", num), 1);
	ck_assert_ptr_nonnull(strstr(text(&op, "//div[@class='dupes']/h3"), "7"));
	/* Two days: the three-day-old order is not one any more. */
	ACT(&coord, "/orders/retention",
	    form(&coord, body, sizeof body, "retain_months", "36", "dup_days", "2", NULL), 303);
	GET(&coord, "/orders/retention", 200);
	ck_assert_str_eq(text(&coord, "//strong[@class='dup-days']"), "2");
	ck_assert_int_eq(post_call(&op, "/orders/new", &c), 200);
	ck_assert_int_eq(count(&op, "//div[@class='dupes']//a[.='%s']", num), 0);
	/* The caller's history beside the form still lists it. */
	ck_assert_int_eq(count(&op, "//div[@class='history']//a[.='%s']", num), 1);
	ACT(&coord, "/orders/retention",
	    form(&coord, body, sizeof body, "retain_months", "36", "dup_days", "91", NULL), 400);
	ACT(&coord, "/orders/retention",
	    form(&coord, body, sizeof body, "retain_months", "36", "dup_days", "7", NULL), 303);
	ck_assert_int_eq(post_call(&op, "/orders/new", &c), 200);
	ck_assert_int_eq(count(&op, "//div[@class='dupes']//a[.='%s']", num), 1);
	/* A mark that was wrong: the office clears it. */
	char other[64];
	long o2 = raw_order(&(struct raw){ raw_number(other, "dup-marked"), "13600001632", "dispatched",
					   NULL, NULL, city, cat, hrss, 0, 0 });
	long first = sql_long("SELECT id FROM orders WHERE number = ?", DB_S(num));
	sql_exec("UPDATE orders SET likely_dup_of = ? WHERE id = ?", DB_I(first), DB_I(o2));
	GET(&coord, "/orders/duplicates", 200);
	ck_assert_int_eq(count(&coord, "//a[.='%s']", other), 1);
	struct web clerk;
	sign_in(&clerk, "clerk_hrss");
	ACT_ON(&clerk, "orders", o2, "not-duplicate", NULL, 403);
	ACT_ON(&coord, "orders", o2, "not-duplicate", NULL, 303);
	GET(&coord, "/orders/duplicates", 200);
	ck_assert_int_eq(count(&coord, "//a[.='%s']", other), 0);
	ACT_ON(&coord, "orders", o2, "not-duplicate", NULL, 409);
	ck_assert_int_eq(sql_long("SELECT COUNT(*) FROM orders WHERE id = ? AND likely_dup_of IS NULL",
				  DB_I(o2)), 1);
	ck_assert_int_gt(audit_shows(&coord, "order.not_duplicate", NULL, other), 0);
	web_free(&clerk);
	web_free(&op);
	web_free(&coord);
}
END_TEST

/* ---- other channels ---------------------------------------------------------------- */

START_TEST(matters_for_other_channels_get_their_script)
{
	struct web op, coord, pub;
	sign_in(&op, "operator");
	sign_in(&coord, "coordinator");
	start(&pub);
	own_address(&pub, 6);
	char phone[32], path[96];
	phone_no(phone, 1621);
	long fire = category_id("火灾险情"), cat = category_id("养老保险");
	/* The content names a fire: the script comes up whatever was picked. */
	struct call c = dispatch_to(phone, cat, jur_id("meizhou"), unit_id("city-hrss"));
	c.content = "楼下仓库着火冒烟了";
	ck_assert_int_eq(post_call(&op, "/orders/new", &c), 200);
	ck_assert_int_eq(count(&op, "//div[contains(@class,'refer')]//input[@name='refer_id'][@value='%ld']",
			       fire), 1);
	ck_assert_ptr_nonnull(strstr(text(&op, "//div[contains(@class,'refer')]//p[@class='script']"),
				     "119"));
	/* Recorded as referred: no work order, no unit. */
	c.outcome = "refer";
	static char f[16384];
	f[0] = '\0';
	post_call(&op, "/orders/new", &c);
	form_add(&op, f, sizeof f, "csrf", web_csrf(&op));
	form_add(&op, f, sizeof f, "caller_phone", phone);
	form_add(&op, f, sizeof f, "channel", "phone");
	form_addl(&op, f, sizeof f, "category_id", cat);
	form_addl(&op, f, sizeof f, "jurisdiction_id", jur_id("meizhou"));
	form_add(&op, f, sizeof f, "content", c.content);
	form_addl(&op, f, sizeof f, "refer_id", fire);
	form_add(&op, f, sizeof f, "outcome", "refer");
	ck_assert_int_eq(web_post(&op, "/orders", f), 303);
	char loc[128];
	snprintf(loc, sizeof loc, "%s", web_location(&op));
	ck_assert_ptr_nonnull(strstr(loc, "done=refer_recorded"));
	long id = id_after(loc, "/orders/");
	GET(&op, loc, 200);
	char number[64], code[8];
	snprintf(number, sizeof number, "%s", text(&op, "//dd[@class='o-number']"));
	code_of(&op, code);
	STATE_IS(&op, id, "转其他渠道");
	ck_assert_int_eq(sql_long("SELECT COUNT(*) FROM orders WHERE id = ? AND unit_id IS NULL"
				  " AND category_id = ? AND closed_at IS NOT NULL", DB_I(id), DB_I(fire)), 1);
	ck_assert_int_eq(lookup(&pub, number, code), 200);
	ck_assert_ptr_nonnull(strstr(pub.body, "已告知转119办理"));
	/* Such a category is not dispatched, and an ordinary one is not referred. */
	struct call d = dispatch_to(phone, fire, jur_id("meizhou"), unit_id("city-hrss"));
	ck_assert_int_eq(post_call(&op, "/orders", &d), 400);
	ck_assert_ptr_nonnull(strstr(op.body, "转其他渠道"));
	struct call e = dispatch_to(phone, cat, jur_id("meizhou"), unit_id("city-hrss"));
	e.outcome = "refer";
	ck_assert_int_eq(post_call(&op, "/orders", &e), 400);
	/* Counted in the month's figures. */
	char month[8], out[512], err[512];
	sql_text0(month, sizeof month, "SELECT DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 8 HOUR, '%Y-%m')");
	ck_assert_int_eq(hotlinectl(out, sizeof out, err, sizeof err, "assess", "run", month, NULL), 0);
	ck_assert_int_ge(sql_long("SELECT referred FROM assess_months WHERE month = ?", DB_S(month)), 1);
	GET(&coord, pathf(path, sizeof path, "/orders/%ld", id), 200);
	web_free(&op);
	web_free(&coord);
	web_free(&pub);
}
END_TEST

START_TEST(the_admin_marks_a_category_for_another_channel)
{
	struct web admin;
	sign_in(&admin, "admin");
	long cat = add_category("测试仲裁事项", category_id("不予受理/转其他渠道"), 1, 1);
	char path[96];
	GET(&admin, pathf(path, sizeof path, "/admin/categories/%ld", cat), 200);
	snprintf(body, sizeof body, "csrf=%s&refer_channel=%s&refer_script=&refer_keywords=",
		 web_csrf(&admin), web_esc(&admin, "仲裁委"));
	ck_assert_int_eq(web_post(&admin, pathf(path, sizeof path, "/admin/categories/%ld/service", cat),
				  body), 400);
	snprintf(body, sizeof body, "csrf=%s&refer_channel=%s&refer_script=%s&refer_keywords=%s",
		 web_csrf(&admin), web_esc(&admin, "仲裁委"), web_esc(&admin, "请申请仲裁。"),
		 web_esc(&admin, "测试仲裁词，测试争议词"));
	ck_assert_int_eq(web_post(&admin, pathf(path, sizeof path, "/admin/categories/%ld/service", cat),
				  body), 303);
	ck_assert_int_eq(sql_long("SELECT COUNT(*) FROM order_categories WHERE id = ?"
				  " AND refer_channel = ? AND refer_script = ?", DB_I(cat),
				  DB_S("仲裁委"), DB_S("请申请仲裁。")), 1);
	/* Keywords as the routing rules keep them: one space between words. */
	ck_assert_int_eq(sql_long("SELECT COUNT(*) FROM order_categories WHERE id = ?"
				  " AND refer_keywords = ?", DB_I(cat), DB_S("测试仲裁词 测试争议词")), 1);
	/* An attribute for Open311. */
	GET(&admin, pathf(path, sizeof path, "/admin/categories/%ld", cat), 200);
	snprintf(body, sizeof body, "csrf=%s&attr_code=case_no&datatype=string&required=1"
		 "&attr_description=%s", web_csrf(&admin), web_esc(&admin, "案件编号"));
	ck_assert_int_eq(web_post(&admin, pathf(path, sizeof path, "/admin/categories/%ld/attributes",
						cat), body), 303);
	ck_assert_int_eq(web_post(&admin, pathf(path, sizeof path, "/admin/categories/%ld/attributes",
						cat), body), 400);
	snprintf(body, sizeof body, "csrf=%s&attr_code=kind&datatype=singlevaluelist"
		 "&attr_description=x&list_values=", web_csrf(&admin));
	ck_assert_int_eq(web_post(&admin, pathf(path, sizeof path, "/admin/categories/%ld/attributes",
						cat), body), 400);
	GET(&admin, pathf(path, sizeof path, "/admin/categories/%ld", cat), 200);
	ck_assert_int_eq(count(&admin, "//td[.='case_no']"), 1);
	web_free(&admin);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("citizens");
	TCase *tc = tcase_create("citizens");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, a_caller_follows_the_order_from_intake_to_reply);
	tcase_add_test(tc, wrong_pairs_all_answer_the_same_and_are_limited);
	tcase_add_test(tc, an_open311_request_is_dispatched_like_a_call);
	tcase_add_test(tc, the_admin_makes_limits_and_revokes_keys);
	tcase_add_test(tc, duplicates_merge_keeping_every_caller_and_count_once);
	tcase_add_test(tc, the_office_sets_how_far_back_duplicates_are_looked_for);
	tcase_add_test(tc, matters_for_other_channels_get_their_script);
	tcase_add_test(tc, the_admin_marks_a_category_for_another_channel);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return suite_main(suite(), setup_order_categories);
}
