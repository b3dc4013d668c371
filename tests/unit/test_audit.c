/* The audit hash chain: intact chains verify; any edit, removal, insertion
 * or reordering is named at the first broken row. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "dispute.h"
#include "order.h"

#define N 6

static struct audit_rec rows[N];
static char hashes[N][65];
static char details[N][32];

static void build(void)
{
	const char *prev = AUDIT_GENESIS;
	for (int i = 0; i < N; i++) {
		memset(&rows[i], 0, sizeof rows[i]);
		rows[i].id = i + 1;
		rows[i].at = "2026-02-14 01:02:03.000001";
		rows[i].actor_user_id = 7;
		rows[i].actor_unit_id = 3;
		rows[i].actor_jur_id = 1;
		rows[i].client_addr = "127.0.0.1";
		rows[i].action = i % 2 ? "login" : "user.update";
		rows[i].object_type = "user";
		rows[i].object_id = i;
		snprintf(details[i], sizeof details[i], "第 %d 条", i);
		rows[i].detail = details[i];
		rows[i].prev_hash = prev;
		audit_hash(&rows[i], hashes[i]);
		rows[i].hash = hashes[i];
		prev = hashes[i];
	}
}

START_TEST(test_intact)
{
	build();
	ck_assert_int_eq(audit_verify(rows, N, AUDIT_GENESIS), -1);
	ck_assert_uint_eq(strlen(rows[0].hash), 64);
}
END_TEST

START_TEST(test_hash_is_deterministic_and_sensitive)
{
	build();
	char h[65];
	audit_hash(&rows[2], h);
	ck_assert_str_eq(h, rows[2].hash);
	rows[2].object_id++;
	audit_hash(&rows[2], h);
	ck_assert_str_ne(h, rows[2].hash);
}
END_TEST

START_TEST(test_edited_row)
{
	build();
	rows[3].detail = "篡改";
	ck_assert_int_eq(audit_verify(rows, N, AUDIT_GENESIS), 3);
}
END_TEST

START_TEST(test_field_boundaries)
{
	/* Moving text from one field to its neighbour changes the hash. */
	build();
	rows[1].action = "logi";
	rows[1].object_type = "nuser";
	ck_assert_int_eq(audit_verify(rows, N, AUDIT_GENESIS), 1);
}
END_TEST

START_TEST(test_removed_row)
{
	build();
	struct audit_rec cut[N - 1];
	memcpy(cut, rows, 2 * sizeof rows[0]);
	memcpy(cut + 2, rows + 3, (N - 3) * sizeof rows[0]);
	ck_assert_int_eq(audit_verify(cut, N - 1, AUDIT_GENESIS), 2);
}
END_TEST

START_TEST(test_swapped_rows)
{
	build();
	struct audit_rec t = rows[4];
	rows[4] = rows[5];
	rows[5] = t;
	ck_assert_int_eq(audit_verify(rows, N, AUDIT_GENESIS), 4);
}
END_TEST

START_TEST(test_rehashed_edit_still_breaks_the_next_row)
{
	/* Someone edits a row and recomputes its hash: the next row's
	 * prev_hash no longer matches. */
	build();
	static char h[65];
	rows[2].detail = "篡改";
	audit_hash(&rows[2], h);
	rows[2].hash = h;
	ck_assert_int_eq(audit_verify(rows, N, AUDIT_GENESIS), 3);
}
END_TEST

START_TEST(test_wrong_start)
{
	build();
	ck_assert_int_eq(audit_verify(rows + 1, N - 1, AUDIT_GENESIS), 0);
	ck_assert_int_eq(audit_verify(rows + 1, N - 1, rows[0].hash), -1);
}
END_TEST

/* The sealer's chaining: rows appended unsealed (ids with gaps, as
 * rolled-back transactions leave them) are numbered after the head and
 * chained from its hash; the result verifies from there, and a batch
 * sealed after it continues the chain. */
START_TEST(test_chain_after_head)
{
	build();
	struct audit_rec first[3], second[2];
	char h1[3][65], h2[2][65];
	memcpy(first, rows, sizeof first);
	memcpy(second, rows + 3, sizeof second);
	first[1].id = 40;
	first[2].id = 42;
	for (int i = 0; i < 3; i++)
		first[i].prev_hash = first[i].hash = NULL;
	audit_chain(first, 3, 17, rows[5].hash, h1);
	ck_assert_int_eq(first[0].seq, 18);
	ck_assert_int_eq(first[2].seq, 20);
	ck_assert_str_eq(first[0].prev_hash, rows[5].hash);
	ck_assert_int_eq(audit_verify(first, 3, rows[5].hash), -1);
	ck_assert_int_eq(audit_verify(first, 3, AUDIT_GENESIS), 0);
	audit_chain(second, 2, first[2].seq, first[2].hash, h2);
	ck_assert_int_eq(second[0].seq, 21);
	struct audit_rec all[5];
	memcpy(all, first, sizeof first);
	memcpy(all + 3, second, sizeof second);
	ck_assert_int_eq(audit_verify(all, 5, rows[5].hash), -1);
	/* The place is not hashed, the id is: an id changed after sealing
	 * breaks the row. */
	all[1].id = 41;
	ck_assert_int_eq(audit_verify(all, 5, rows[5].hash), 1);
}
END_TEST

/* Every action the step engine writes ("order." and "dispute." with each
 * action's code) has a Chinese name; an unknown code shows as itself. */
START_TEST(test_action_labels)
{
	char code[64];
	for (int a = 0; a < OA__MAX; a++) {
		snprintf(code, sizeof code, "order.%s", order_action_codes[a]);
		ck_assert_msg(strcmp(audit_action_label(code), code) != 0, "%s has no name", code);
	}
	for (int a = 0; a < DA__MAX; a++) {
		snprintf(code, sizeof code, "dispute.%s", dispute_action_codes[a]);
		ck_assert_msg(strcmp(audit_action_label(code), code) != 0, "%s has no name", code);
	}
	static const char *const kb_update[] = { "kb.update.reply", "kb.update.fixed",
						 "kb.update.confirm", "kb.update.reopen" };
	for (size_t i = 0; i < sizeof kb_update / sizeof kb_update[0]; i++)
		ck_assert_msg(strcmp(audit_action_label(kb_update[i]), kb_update[i]) != 0,
			      "%s has no name", kb_update[i]);
	ck_assert_str_eq(audit_action_label("kb.submit"), "提交知识审核");
	ck_assert_str_eq(audit_action_label("order.return"), "申请退回工单");
	ck_assert_str_eq(audit_action_label("no.such.action"), "no.such.action");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("audit");
	TCase *tc = tcase_create("chain");
	tcase_add_test(tc, test_intact);
	tcase_add_test(tc, test_hash_is_deterministic_and_sensitive);
	tcase_add_test(tc, test_edited_row);
	tcase_add_test(tc, test_field_boundaries);
	tcase_add_test(tc, test_removed_row);
	tcase_add_test(tc, test_swapped_rows);
	tcase_add_test(tc, test_rehashed_edit_still_breaks_the_next_row);
	tcase_add_test(tc, test_wrong_start);
	tcase_add_test(tc, test_chain_after_head);
	suite_add_tcase(s, tc);
	tc = tcase_create("labels");
	tcase_add_test(tc, test_action_labels);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
