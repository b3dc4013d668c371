/* Work-order rules (order.c): the state machine for every state, action and
 * party; codes and labels; numbers; due dates and urgency across the 2026
 * National Day holiday; phone masking and validation. */
#include <check.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "arena.h"
#include "order.h"
#include "roles.h"

/* "No order yet": the state the creating actions start from. */
#define NONE OS__MAX
/* A row that holds whatever was_accepted is. */
#define ANY (-1)

/* The expected table, written out again from the spec (not copied from
 * order.c): who may move an order from which state to which. Every cell
 * not listed here is refused (-1). */
struct expect {
	int from;
	enum order_action action;
	enum order_party party;
	int was_accepted;
	int to;
};

static const struct expect table[] = {
	/* The operator creates; nobody else does, and only from "none". */
	{ NONE, OA_ANSWER, OP_OPERATOR, ANY, OS_ANSWERED },
	{ NONE, OA_THREE_WAY, OP_OPERATOR, ANY, OS_THREE_WAY },
	{ NONE, OA_DISPATCH, OP_OPERATOR, ANY, OS_DISPATCHED },
	{ NONE, OA_REFER, OP_OPERATOR, ANY, OS_REFERRED },
	/* A request another system filed waits for an operator, who takes
	 * it as a call: the same four outcomes. */
	{ OS_PENDING, OA_ANSWER, OP_OPERATOR, ANY, OS_ANSWERED },
	{ OS_PENDING, OA_THREE_WAY, OP_OPERATOR, ANY, OS_THREE_WAY },
	{ OS_PENDING, OA_DISPATCH, OP_OPERATOR, ANY, OS_DISPATCHED },
	{ OS_PENDING, OA_REFER, OP_OPERATOR, ANY, OS_REFERRED },
	/* The clerk of the handling unit. */
	{ OS_DISPATCHED, OA_ACCEPT, OP_OWN_CLERK, ANY, OS_ACCEPTED },
	{ OS_ACCEPTED, OA_NOTE, OP_OWN_CLERK, ANY, OS_ACCEPTED },
	{ OS_ACCEPTED, OA_REPLY, OP_OWN_CLERK, ANY, OS_REPLIED },
	{ OS_DISPATCHED, OA_REQUEST_RETURN, OP_OWN_CLERK, ANY, OS_RETURN },
	{ OS_ACCEPTED, OA_REQUEST_RETURN, OP_OWN_CLERK, ANY, OS_RETURN },
	/* The management office of the order's jurisdiction. */
	{ OS_REPLIED, OA_CLOSE, OP_OFFICE, ANY, OS_CLOSED },
	{ OS_REPLIED, OA_SEND_BACK, OP_OFFICE, ANY, OS_ACCEPTED },
	{ OS_CLOSED, OA_REOPEN, OP_OFFICE, ANY, OS_ACCEPTED },
	{ OS_DISPATCHED, OA_URGE, OP_OFFICE, ANY, OS_DISPATCHED },
	{ OS_ACCEPTED, OA_URGE, OP_OFFICE, ANY, OS_ACCEPTED },
	{ OS_RETURN, OA_URGE, OP_OFFICE, ANY, OS_RETURN },
	{ OS_RETURN, OA_REDISPATCH, OP_OFFICE, ANY, OS_DISPATCHED },
	{ OS_RETURN, OA_REFUSE_RETURN, OP_OFFICE, 0, OS_DISPATCHED },
	{ OS_RETURN, OA_REFUSE_RETURN, OP_OFFICE, 1, OS_ACCEPTED },
	{ OS_DISPATCHED, OA_OPEN_DISPUTE, OP_OFFICE, ANY, OS_DISPUTED },
	{ OS_ACCEPTED, OA_OPEN_DISPUTE, OP_OFFICE, ANY, OS_DISPUTED },
	{ OS_RETURN, OA_OPEN_DISPUTE, OP_OFFICE, ANY, OS_DISPUTED },
	{ OS_DISPUTED, OA_DETERMINED, OP_OFFICE, ANY, OS_DISPATCHED },
	{ OS_DISPUTED, OA_TEMPORARY, OP_OFFICE, ANY, OS_DISPUTED },
	/* Merging closes the duplicate: one waiting or with a unit, never
	 * one with a return or a dispute under way, nor a finished one. */
	{ OS_PENDING, OA_MERGE, OP_OFFICE, ANY, OS_CLOSED },
	{ OS_DISPATCHED, OA_MERGE, OP_OFFICE, ANY, OS_CLOSED },
	{ OS_ACCEPTED, OA_MERGE, OP_OFFICE, ANY, OS_CLOSED },
	{ OS_REPLIED, OA_MERGE, OP_OFFICE, ANY, OS_CLOSED },
};
#define NTABLE (sizeof table / sizeof table[0])

static const char *const party_names[OP__MAX] = {
	[OP_OPERATOR] = "operator", [OP_OWN_CLERK] = "own_clerk",
	[OP_OTHER_CLERK] = "other_clerk", [OP_OFFICE] = "office",
	[OP_OTHER_OFFICE] = "other_office", [OP_NONE] = "none",
};

static int expected(int from, int action, int party, int was_accepted)
{
	for (size_t i = 0; i < NTABLE; i++)
		if (table[i].from == from && (int)table[i].action == action &&
		    (int)table[i].party == party &&
		    (table[i].was_accepted == ANY || table[i].was_accepted == was_accepted))
			return table[i].to;
	return -1;
}

static const char *state_name(int s)
{
	return s == NONE ? "none" : order_state_codes[s];
}

START_TEST(test_every_state_action_party)
{
	int checked = 0, allowed = 0;
	for (int s = 0; s <= OS__MAX; s++)
		for (int a = 0; a < OA__MAX; a++)
			for (int p = 0; p < OP__MAX; p++)
				for (int wa = 0; wa <= 1; wa++) {
					int want = expected(s, a, p, wa);
					int got = order_transition(s, (enum order_action)a,
								   (enum order_party)p, wa);
					ck_assert_msg(got == want,
						      "%s --%s--> by %s (was_accepted %d): got %d, want %d",
						      state_name(s), order_action_codes[a],
						      party_names[p], wa, got, want);
					allowed += want != -1;
					checked++;
				}
	ck_assert_int_eq(checked, (OS__MAX + 1) * OA__MAX * OP__MAX * 2);
	/* 30 (state, action, party) cells are allowed, each for both values of
	 * was_accepted (refuse_return once for each): the table is not empty.
	 * 21 of handling, 1 + 4 of referring and taking pending requests, 4
	 * of merging. */
	ck_assert_int_eq(allowed, 30 * 2);
}
END_TEST

START_TEST(test_key_refusals)
{
	/* A refused return goes back to where it came from. */
	ck_assert_int_eq(order_transition(OS_RETURN, OA_REFUSE_RETURN, OP_OFFICE, 0), OS_DISPATCHED);
	ck_assert_int_eq(order_transition(OS_RETURN, OA_REFUSE_RETURN, OP_OFFICE, 1), OS_ACCEPTED);
	/* Only the handling unit's clerk signs; not another unit, not the office. */
	ck_assert_int_eq(order_transition(OS_DISPATCHED, OA_ACCEPT, OP_OWN_CLERK, 0), OS_ACCEPTED);
	ck_assert_int_eq(order_transition(OS_DISPATCHED, OA_ACCEPT, OP_OTHER_CLERK, 0), -1);
	ck_assert_int_eq(order_transition(OS_DISPATCHED, OA_ACCEPT, OP_OFFICE, 0), -1);
	ck_assert_int_eq(order_transition(OS_DISPATCHED, OA_ACCEPT, OP_OPERATOR, 0), -1);
	/* A unit never closes its own reply; an office outside the scope neither. */
	ck_assert_int_eq(order_transition(OS_REPLIED, OA_CLOSE, OP_OWN_CLERK, 0), -1);
	ck_assert_int_eq(order_transition(OS_REPLIED, OA_CLOSE, OP_OTHER_OFFICE, 0), -1);
	/* Replying needs signing first. */
	ck_assert_int_eq(order_transition(OS_DISPATCHED, OA_REPLY, OP_OWN_CLERK, 0), -1);
	/* An existing order is not created again; nothing is handled before it exists. */
	ck_assert_int_eq(order_transition(OS_DISPATCHED, OA_DISPATCH, OP_OPERATOR, 0), -1);
	ck_assert_int_eq(order_transition(NONE, OA_ACCEPT, OP_OWN_CLERK, 0), -1);
	ck_assert_int_eq(order_transition(NONE, OA_URGE, OP_OFFICE, 0), -1);
	/* Answered and three-way orders do not move for anyone; a disputed
	 * one only by the determination, in the office's hands (an interim
	 * opinion hands it to a unit but it stays disputed). */
	for (int a = 0; a < OA__MAX; a++)
		for (int p = 0; p < OP__MAX; p++) {
			ck_assert_int_eq(order_transition(OS_ANSWERED, (enum order_action)a,
							  (enum order_party)p, 0), -1);
			ck_assert_int_eq(order_transition(OS_THREE_WAY, (enum order_action)a,
							  (enum order_party)p, 1), -1);
			int office = p == OP_OFFICE;
			int want = office && a == OA_DETERMINED ? OS_DISPATCHED
				   : office && a == OA_TEMPORARY ? OS_DISPUTED : -1;
			ck_assert_int_eq(order_transition(OS_DISPUTED, (enum order_action)a,
							  (enum order_party)p, 0), want);
		}
}
END_TEST

START_TEST(test_out_of_range)
{
	/* Each is an allowed cell with one argument pushed out of range. */
	ck_assert_int_eq(order_transition(-1, OA_ACCEPT, OP_OWN_CLERK, 0), -1);
	ck_assert_int_eq(order_transition(OS__MAX + 1, OA_DISPATCH, OP_OPERATOR, 0), -1);
	ck_assert_int_eq(order_transition(INT_MAX, OA_DISPATCH, OP_OPERATOR, 0), -1);
	ck_assert_int_eq(order_transition(INT_MIN, OA_ACCEPT, OP_OWN_CLERK, 0), -1);
	ck_assert_int_eq(order_transition(NONE, (enum order_action)OA__MAX, OP_OPERATOR, 0), -1);
	ck_assert_int_eq(order_transition(NONE, (enum order_action)-1, OP_OPERATOR, 0), -1);
	ck_assert_int_eq(order_transition(OS_DISPATCHED, (enum order_action)INT_MAX, OP_OWN_CLERK, 0), -1);
	ck_assert_int_eq(order_transition(OS_DISPATCHED, OA_ACCEPT, (enum order_party)OP__MAX, 0), -1);
	ck_assert_int_eq(order_transition(OS_DISPATCHED, OA_ACCEPT, (enum order_party)-1, 0), -1);
	ck_assert_int_eq(order_transition(OS_RETURN, OA_REFUSE_RETURN, (enum order_party)100, 1), -1);
}
END_TEST

START_TEST(test_is_open)
{
	static const int open[OS__MAX] = {
		[OS_DISPATCHED] = 1, [OS_ACCEPTED] = 1, [OS_RETURN] = 1,
	};
	for (int s = 0; s < OS__MAX; s++)
		ck_assert_msg(order_is_open(s) == open[s], "%s: %d", order_state_codes[s],
			      order_is_open(s));
	ck_assert_int_eq(order_is_open(NONE), 0);
	ck_assert_int_eq(order_is_open(-1), 0);
}
END_TEST

/* What a caller and another system are told: open until finished. */
START_TEST(test_public_open)
{
	static const int open[OS__MAX] = {
		[OS_PENDING] = 1, [OS_DISPATCHED] = 1, [OS_ACCEPTED] = 1, [OS_RETURN] = 1,
		[OS_REPLIED] = 1, [OS_DISPUTED] = 1,
	};
	for (int s = 0; s < OS__MAX; s++)
		ck_assert_msg(order_public_open(s) == open[s], "%s", order_state_codes[s]);
	ck_assert_int_eq(order_public_open(NONE), 0);
	static const int mergeable[OS__MAX] = {
		[OS_PENDING] = 1, [OS_DISPATCHED] = 1, [OS_ACCEPTED] = 1, [OS_REPLIED] = 1,
	};
	for (int s = 0; s < OS__MAX; s++)
		ck_assert_msg(order_mergeable(s) == mergeable[s], "merge %s", order_state_codes[s]);
	ck_assert_int_eq(order_mergeable(NONE), 0);
	ck_assert_int_eq(order_mergeable(-1), 0);
}
END_TEST

START_TEST(test_state_codes)
{
	for (int s = 0; s < OS__MAX; s++) {
		ck_assert_ptr_nonnull(order_state_codes[s]);
		ck_assert_ptr_nonnull(order_state_labels[s]);
		ck_assert(order_state_codes[s][0] != '\0');
		ck_assert(order_state_labels[s][0] != '\0');
		ck_assert_int_eq(order_state_from_code(order_state_codes[s]), s);
	}
	ck_assert_int_eq(order_state_from_code("dispatched"), OS_DISPATCHED);
	ck_assert_int_eq(order_state_from_code("return_requested"), OS_RETURN);
	ck_assert_int_eq(order_state_from_code("closed"), OS_CLOSED);
	ck_assert_str_eq(order_state_labels[OS_DISPATCHED], "待签收");
	ck_assert_str_eq(order_state_labels[OS_CLOSED], "已办结");
	ck_assert_int_eq(order_state_from_code(NULL), -1);
	ck_assert_int_eq(order_state_from_code(""), -1);
	ck_assert_int_eq(order_state_from_code("none"), -1);
	ck_assert_int_eq(order_state_from_code("DISPATCHED"), -1);
	ck_assert_int_eq(order_state_from_code("dispatched "), -1);
	ck_assert_int_eq(order_state_from_code("dispatch"), -1);
	ck_assert_int_eq(order_state_from_code("待签收"), -1);
}
END_TEST

START_TEST(test_action_codes)
{
	for (int a = 0; a < OA__MAX; a++) {
		ck_assert_ptr_nonnull(order_action_codes[a]);
		ck_assert_ptr_nonnull(order_action_labels[a]);
		ck_assert(order_action_codes[a][0] != '\0');
		ck_assert(order_action_labels[a][0] != '\0');
		for (int b = 0; b < a; b++)
			ck_assert_msg(strcmp(order_action_codes[a], order_action_codes[b]) != 0,
				      "action code %s twice", order_action_codes[a]);
	}
	for (int s = 0; s < OS__MAX; s++)
		for (int t = 0; t < s; t++)
			ck_assert_str_ne(order_state_codes[s], order_state_codes[t]);
	ck_assert_str_eq(order_action_codes[OA_ACCEPT], "accept");
	ck_assert_str_eq(order_action_labels[OA_ACCEPT], "签收");
	ck_assert_str_eq(order_action_labels[OA_URGE], "催办");
}
END_TEST

START_TEST(test_channels_and_satisfactions)
{
	size_t n = 0;
	for (const struct order_code *c = order_channels; c->code != NULL; c++, n++) {
		ck_assert_ptr_nonnull(c->label);
		ck_assert(c->label[0] != '\0');
		ck_assert_ptr_eq(order_code_label(order_channels, c->code), c->label);
	}
	ck_assert_uint_eq(n, 6);
	ck_assert_str_eq(order_code_label(order_channels, "open311"), "开放接口");
	n = 0;
	for (const struct order_code *c = order_satisfactions; c->code != NULL; c++, n++) {
		ck_assert_ptr_nonnull(c->label);
		ck_assert(c->label[0] != '\0');
		ck_assert_ptr_eq(order_code_label(order_satisfactions, c->code), c->label);
	}
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(order_code_label(order_channels, "phone"), "电话");
	ck_assert_str_eq(order_code_label(order_channels, "wechat"), "微信");
	ck_assert_str_eq(order_code_label(order_satisfactions, "dissatisfied"), "不满意");
	ck_assert_ptr_null(order_code_label(order_channels, "fax"));
	ck_assert_ptr_null(order_code_label(order_channels, ""));
	ck_assert_ptr_null(order_code_label(order_channels, "Phone"));
	ck_assert_ptr_null(order_code_label(order_channels, NULL));
	/* The tables are separate: a callback result is not a channel. */
	ck_assert_ptr_null(order_code_label(order_channels, "satisfied"));
	ck_assert_ptr_null(order_code_label(order_satisfactions, "phone"));
}
END_TEST

START_TEST(test_number)
{
	int day = wd_from_ymd(2026, 11, 29);
	char out[64];
	ck_assert_int_eq(order_number(out, sizeof out, "meizhou", day, 7), 0);
	ck_assert_str_eq(out, "meizhou-20261129-0007");
	ck_assert_int_eq(order_number(out, sizeof out, "meizhou", wd_from_ymd(2026, 1, 5), 0), 0);
	ck_assert_str_eq(out, "meizhou-20260105-0000");
	ck_assert_int_eq(order_number(out, sizeof out, "meizhou", day, 9999), 0);
	ck_assert_str_eq(out, "meizhou-20261129-9999");
	/* Past 9999 the number only grows wider. */
	ck_assert_int_eq(order_number(out, sizeof out, "meizhou", day, 10000), 0);
	ck_assert_str_eq(out, "meizhou-20261129-10000");
	ck_assert_int_eq(order_number(out, sizeof out, "meizhou", day, UINT_MAX), 0);
	ck_assert_str_eq(out, "meizhou-20261129-4294967295");

	/* Exact-size heap buffers, so the sanitizer build sees any overrun:
	 * the number is 21 characters and needs 22 bytes. */
	char *exact = malloc(22);
	ck_assert_ptr_nonnull(exact);
	ck_assert_int_eq(order_number(exact, 22, "meizhou", day, 7), 0);
	ck_assert_str_eq(exact, "meizhou-20261129-0007");
	free(exact);
	char *short_ = malloc(21);
	ck_assert_ptr_nonnull(short_);
	ck_assert_int_eq(order_number(short_, 21, "meizhou", day, 7), -1);
	ck_assert_uint_eq(strlen(short_), 20);	/* cut, but terminated */
	free(short_);
	ck_assert_int_eq(order_number(out, 8, "meizhou", day, 7), -1);
	ck_assert_int_eq(order_number(out, 0, "meizhou", day, 7), -1);
}
END_TEST

/* The autumn rows of sql/demo/calendar-2026.csv: 国庆节调休 09-20 (Sun),
 * 中秋节 09-25..27, 国庆节 10-01..07, 国庆节调休 10-10 (Sat). */
static const struct { int m, d, kind; } autumn[] = {
	{ 9, 20, WD_WORKDAY },
	{ 9, 25, WD_HOLIDAY }, { 9, 26, WD_HOLIDAY }, { 9, 27, WD_HOLIDAY },
	{ 10, 1, WD_HOLIDAY }, { 10, 2, WD_HOLIDAY }, { 10, 3, WD_HOLIDAY },
	{ 10, 4, WD_HOLIDAY }, { 10, 5, WD_HOLIDAY }, { 10, 6, WD_HOLIDAY },
	{ 10, 7, WD_HOLIDAY },
	{ 10, 10, WD_WORKDAY },
};
#define NAUTUMN (sizeof autumn / sizeof autumn[0])

static struct wd_exception ex[NAUTUMN];
static struct wd_calendar cal = { ex, NAUTUMN };

/* Check runs each test in a fresh child, so build the calendar per test. */
static void setup(void)
{
	for (size_t i = 0; i < NAUTUMN; i++)
		ex[i] = (struct wd_exception){ wd_from_ymd(2026, autumn[i].m, autumn[i].d),
					       autumn[i].kind };
	wd_sort(ex, NAUTUMN);
}

static void teardown(void)
{
}

static int ymd(int m, int d)
{
	return wd_from_ymd(2026, m, d);
}

#define ck_assert_day_eq(got, want) do { \
	char g_[11], w_[11]; \
	wd_format((got), g_); \
	wd_format((want), w_); \
	ck_assert_str_eq(g_, w_); \
} while (0)

START_TEST(test_due_across_holidays)
{
	/* By hand: 2026-10-01 is a Thursday. Dispatched Wed 09-30, the five
	 * working days are 10-08 (Thu), 10-09 (Fri), 10-10 (make-up Sat),
	 * 10-12 (Mon) and 10-13 (Tue). */
	ck_assert_day_eq(order_due(&cal, ymd(9, 30), 5), ymd(10, 13));
	ck_assert_day_eq(order_due(&cal, ymd(9, 30), 1), ymd(10, 8));
	ck_assert_day_eq(order_due(&cal, ymd(9, 30), 3), ymd(10, 10));
	/* Without the calendar the same dispatch is due a week later, Wed 10-07. */
	ck_assert_day_eq(order_due(NULL, ymd(9, 30), 5), ymd(10, 7));
	/* Dispatched on a holiday (the hotline works every day): 10-08 is day one. */
	ck_assert_day_eq(order_due(&cal, ymd(10, 3), 1), ymd(10, 8));
	/* Fri 09-18: the make-up Sunday 09-20 counts, then 09-21..24. */
	ck_assert_day_eq(order_due(&cal, ymd(9, 18), 5), ymd(9, 24));
	/* Thu 09-24: 中秋节 Fri 09-25 and the weekend are off; Mon 09-28, Tue 09-29. */
	ck_assert_day_eq(order_due(&cal, ymd(9, 24), 2), ymd(9, 29));
	/* 15 working days from 09-21 (Mon): 09-22..24 (3), 09-28..30 (6),
	 * 10-08..10 (9), 10-12..16 (14), 10-19 (15). */
	ck_assert_day_eq(order_due(&cal, ymd(9, 21), 15), ymd(10, 19));
}
END_TEST

START_TEST(test_due_plain_week)
{
	/* Mon 2026-11-23 plus five working days is the next Monday. */
	ck_assert_day_eq(order_due(&cal, ymd(11, 23), 5), ymd(11, 30));
	ck_assert_day_eq(order_due(NULL, ymd(11, 23), 5), ymd(11, 30));
	/* Fri 11-27 plus one is Monday; plus three is Wednesday. */
	ck_assert_day_eq(order_due(&cal, ymd(11, 27), 1), ymd(11, 30));
	ck_assert_day_eq(order_due(&cal, ymd(11, 27), 3), ymd(12, 2));
	/* Dispatched on Sunday 11-29: Monday is day one. */
	ck_assert_day_eq(order_due(&cal, ymd(11, 29), 1), ymd(11, 30));
}
END_TEST

START_TEST(test_urgency)
{
	/* Fri 11-27: due today or Monday is soon, Tuesday is not. */
	ck_assert_int_eq(order_urgency(&cal, ymd(11, 27), ymd(11, 27)), OU_DUE_SOON);
	ck_assert_int_eq(order_urgency(&cal, ymd(11, 27), ymd(11, 30)), OU_DUE_SOON);
	ck_assert_int_eq(order_urgency(&cal, ymd(11, 27), ymd(12, 1)), OU_NONE);
	ck_assert_int_eq(order_urgency(&cal, ymd(11, 27), ymd(12, 31)), OU_NONE);
	/* Mon 11-23: Tuesday is soon, Wednesday is not. */
	ck_assert_int_eq(order_urgency(&cal, ymd(11, 23), ymd(11, 24)), OU_DUE_SOON);
	ck_assert_int_eq(order_urgency(&cal, ymd(11, 23), ymd(11, 25)), OU_NONE);
	/* A day past due is overdue, on a weekend too. */
	ck_assert_int_eq(order_urgency(&cal, ymd(11, 28), ymd(11, 27)), OU_OVERDUE);
	ck_assert_int_eq(order_urgency(&cal, ymd(11, 30), ymd(11, 27)), OU_OVERDUE);
	ck_assert_int_eq(order_urgency(&cal, ymd(11, 24), ymd(11, 23)), OU_OVERDUE);
	/* On Saturday 11-28 the next working day is Monday. */
	ck_assert_int_eq(order_urgency(&cal, ymd(11, 28), ymd(11, 30)), OU_DUE_SOON);
	ck_assert_int_eq(order_urgency(&cal, ymd(11, 28), ymd(12, 1)), OU_NONE);
	/* Across National Day: after Wed 09-30 the next working day is 10-08. */
	ck_assert_int_eq(order_urgency(&cal, ymd(9, 30), ymd(10, 8)), OU_DUE_SOON);
	ck_assert_int_eq(order_urgency(&cal, ymd(9, 30), ymd(10, 9)), OU_NONE);
	ck_assert_int_eq(order_urgency(&cal, ymd(10, 3), ymd(10, 8)), OU_DUE_SOON);
	ck_assert_int_eq(order_urgency(&cal, ymd(10, 8), ymd(9, 30)), OU_OVERDUE);
	/* Fri 10-09: the make-up Saturday 10-10 is the next working day,
	 * so a Monday deadline is not yet soon. */
	ck_assert_int_eq(order_urgency(&cal, ymd(10, 9), ymd(10, 10)), OU_DUE_SOON);
	ck_assert_int_eq(order_urgency(&cal, ymd(10, 9), ymd(10, 12)), OU_NONE);
	/* Without the calendar, Fri 10-09 with a Monday deadline is soon. */
	ck_assert_int_eq(order_urgency(NULL, ymd(10, 9), ymd(10, 12)), OU_DUE_SOON);
}
END_TEST

/* Masks phone into an exact-size heap buffer (so the sanitizer build sees an
 * overrun) and compares with want. */
static void check_mask(const char *phone, size_t size, const char *want)
{
	char *out = malloc(size);
	ck_assert_ptr_nonnull(out);
	memset(out, 'x', size);
	order_mask_phone(phone, out, size);
	ck_assert_msg(strcmp(out, want) == 0, "mask(\"%s\", %zu): \"%s\", want \"%s\"",
		      phone, size, out, want);
	free(out);
}

START_TEST(test_mask_phone)
{
	check_mask("13812341234", 12, "138****1234");
	check_mask("13812341234", 64, "138****1234");
	/* Eight or more characters keep three and four. */
	check_mask("21234567", 9, "****4567");
	check_mask("0753-2123456", 13, "075*****3456");
	check_mask("+8613812341234", 15, "+86*******1234");
	/* Shorter ones keep the last two; two or fewer keep nothing. */
	check_mask("2123456", 8, "*****56");
	check_mask("12345", 6, "***45");
	check_mask("110", 4, "*10");
	check_mask("12", 3, "**");
	check_mask("1", 2, "*");
	check_mask("", 1, "");
	check_mask("", 8, "");
	/* Too small: cut and terminated, never written past size. */
	check_mask("13812341234", 11, "138****123");
	check_mask("13812341234", 5, "138*");
	check_mask("13812341234", 1, "");
	check_mask("12345", 3, "**");

	/* size 0 writes nothing at all. */
	char guard[4] = { 'x', 'x', 'x', 'x' };
	order_mask_phone("13812341234", guard, 0);
	ck_assert(guard[0] == 'x' && guard[3] == 'x');
	/* The bytes after size stay as they were. */
	char buf[16];
	memset(buf, 'x', sizeof buf);
	order_mask_phone("13812341234", buf, 5);
	ck_assert_str_eq(buf, "138*");
	for (size_t i = 5; i < sizeof buf; i++)
		ck_assert_int_eq(buf[i], 'x');
}
END_TEST

START_TEST(test_phone_valid)
{
	static const char *const good[] = {
		"13812341234", "0753-2123456", "+8613812341234", "110", "12-3",
		"+86-138-1234-1234", "12345678901234567890", /* 20 digits */
		"+12345678901234567890",
	};
	static const char *const bad[] = {
		"", "12", "abc", "138 1234", "--1", "1--2", "123-", "-123",
		"1--23", "0753--2123456", "+-123",
		"123456789012345678901",	/* 21 digits */
		"1234567890-12345678901",	/* 21 digits with a separator */
		"+", "+12", "++123", "1+23", "123+", "1-2", "１３８１２３４１２３４",
		"13812341234\n", " 13812341234", "(0753)2123456", "0753.2123456",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(order_phone_valid(good[i]), "refused \"%s\"", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!order_phone_valid(bad[i]), "accepted \"%s\"", bad[i]);
}
END_TEST

#define P(p) (1u << (p))

/* An actor with the capabilities of role r in unit (scope 0: the city). */
static struct actor actor_of(enum role r, long long unit, long long scope)
{
	struct actor a = { .unit_id = unit, .scope_jur = scope, .caps = role_caps(r) };
	return a;
}

START_TEST(test_parties_and_visibility)
{
	struct actor op = actor_of(ROLE_OPERATOR, 2, 0), clerk = actor_of(ROLE_CLERK, 14, 0),
		     city = actor_of(ROLE_COORDINATOR, 1, 0), county = actor_of(ROLE_COORDINATOR, 101, 2),
		     editor = actor_of(ROLE_KB_EDITOR, 14, 0);
	/* An order of the city (1) handled by unit 14. */
	ck_assert_uint_eq(order_parties(&op, 1, 14), P(OP_OPERATOR));
	ck_assert_uint_eq(order_parties(&clerk, 1, 14), P(OP_OWN_CLERK));
	ck_assert_uint_eq(order_parties(&clerk, 1, 11), P(OP_OTHER_CLERK));
	ck_assert_uint_eq(order_parties(&city, 2, 105), P(OP_OFFICE));
	ck_assert_uint_eq(order_parties(&county, 1, 14), P(OP_OTHER_OFFICE));
	ck_assert_uint_eq(order_parties(&county, 2, 105), P(OP_OFFICE));
	ck_assert_uint_eq(order_parties(&editor, 1, 14), P(OP_NONE));
	/* The call centre, the handling unit and the office in scope see it;
	 * another unit, another county's office and a knowledge editor do not. */
	ck_assert(order_visible(order_parties(&op, 1, 14)));
	ck_assert(order_visible(order_parties(&clerk, 1, 14)));
	ck_assert(!order_visible(order_parties(&clerk, 1, 11)));
	ck_assert(!order_visible(order_parties(&county, 1, 14)));
	ck_assert(!order_visible(order_parties(&editor, 1, 14)));
	/* The union of parties: the first that may take an action decides. */
	ck_assert_int_eq(order_next(OS_DISPATCHED, OA_ACCEPT, P(OP_OWN_CLERK) | P(OP_OFFICE), 0),
			 OS_ACCEPTED);
	ck_assert(order_ever(OA_CLOSE, P(OP_OFFICE)));
	ck_assert(!order_ever(OA_CLOSE, P(OP_OWN_CLERK)));
}
END_TEST

START_TEST(test_phone_for_parties)
{
	struct arena a;
	arena_init(&a, 1024);
	ck_assert_str_eq(order_phone_for(&a, P(OP_OFFICE), "13812345678"), "13812345678");
	ck_assert_str_eq(order_phone_for(&a, P(OP_OPERATOR), "13812345678"), "13812345678");
	ck_assert_str_eq(order_phone_for(&a, P(OP_OWN_CLERK), "13812345678"), "138****5678");
	arena_free(&a);
}
END_TEST

/* Keywords as typed (Chinese commas, 、, the ideographic space) become
 * single spaces; a routing rule needs all of them, a referral any one. */
START_TEST(test_keywords)
{
	struct arena ka;
	arena_init(&ka, 1024);
	ck_assert_str_eq(order_keywords_normal(&ka, " 着火，起火、\xE3\x80\x80冒烟 ; 火灾 "),
			 "着火 起火 冒烟 火灾");
	ck_assert_str_eq(order_keywords_normal(&ka, ""), "");
	ck_assert(order_keywords_match(&ka, "施工 噪音", "夜间施工噪音扰民", 1));
	ck_assert(!order_keywords_match(&ka, "施工 噪音", "夜间施工", 1));
	ck_assert(order_keywords_match(&ka, "着火 起火", "楼下起火了", 0));
	ck_assert(!order_keywords_match(&ka, "着火 起火", "路灯不亮", 0));
	ck_assert(order_keywords_match(&ka, "", "任何内容", 1));
	ck_assert(!order_keywords_match(&ka, "", "任何内容", 0));
	arena_free(&ka);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("order");
	TCase *rules = tcase_create("rules");
	TCase *dates = tcase_create("dates");
	TCase *phones = tcase_create("phones");

	tcase_add_test(rules, test_every_state_action_party);
	tcase_add_test(rules, test_key_refusals);
	tcase_add_test(rules, test_out_of_range);
	tcase_add_test(rules, test_is_open);
	tcase_add_test(rules, test_public_open);
	tcase_add_test(rules, test_keywords);
	tcase_add_test(rules, test_state_codes);
	tcase_add_test(rules, test_action_codes);
	tcase_add_test(rules, test_channels_and_satisfactions);
	tcase_add_test(rules, test_number);
	tcase_add_test(rules, test_parties_and_visibility);
	tcase_add_test(rules, test_phone_for_parties);
	suite_add_tcase(s, rules);

	tcase_add_checked_fixture(dates, setup, teardown);
	tcase_add_test(dates, test_due_across_holidays);
	tcase_add_test(dates, test_due_plain_week);
	tcase_add_test(dates, test_urgency);
	suite_add_tcase(s, dates);

	tcase_add_test(phones, test_mask_phone);
	tcase_add_test(phones, test_phone_valid);
	suite_add_tcase(s, phones);
	return s;
}

#include "check_main.h"
