/* Disputed orders (dispute.c): the determination procedure for every state,
 * action and party, with and without a 法制局 step and an overdue lead
 * unit; party bitmasks; codes, principles and review days; step deadlines
 * across the 2026 holidays of sql/demo/calendar-2026.csv. */
#include <check.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "dispute.h"
#include "roles.h"
#include "workdays.h"

#define P(p) (1u << (p))
/* A row that holds whatever has_legal / overdue is. */
#define ANY (-1)

/* The expected table, written out again from the spec (not copied from
 * dispute.c): who may move a dispute from which state to which. Every cell
 * not listed here is refused (-1). */
struct expect {
	int from;
	enum dispute_action action;
	enum dispute_party party;
	int has_legal;
	int overdue;
	int to;
};

static const struct expect table[] = {
	/* While it is open: the involved units answer, the office coordinates
	 * and refers it to 编办. */
	{ DS_OPEN, DA_UNIT_OPINION, DP_INVOLVED, ANY, ANY, DS_OPEN },
	{ DS_OPEN, DA_COORDINATE, DP_OFFICE, ANY, ANY, DS_OPEN },
	{ DS_OPEN, DA_REFER, DP_OFFICE, ANY, ANY, DS_ESTABLISHMENT },
	/* The office may tell the caller how it stands at any time. */
	{ DS_OPEN, DA_CONTACT, DP_OFFICE, ANY, ANY, DS_OPEN },
	{ DS_ESTABLISHMENT, DA_CONTACT, DP_OFFICE, ANY, ANY, DS_ESTABLISHMENT },
	{ DS_LEGAL, DA_CONTACT, DP_OFFICE, ANY, ANY, DS_LEGAL },
	{ DS_MEETING, DA_CONTACT, DP_OFFICE, ANY, ANY, DS_MEETING },
	{ DS_READY, DA_CONTACT, DP_OFFICE, ANY, ANY, DS_READY },
	{ DS_DETERMINED, DA_CONTACT, DP_OFFICE, ANY, ANY, DS_DETERMINED },
	{ DS_ACCEPTED, DA_CONTACT, DP_OFFICE, ANY, ANY, DS_ACCEPTED },
	{ DS_REFUSED, DA_CONTACT, DP_OFFICE, ANY, ANY, DS_REFUSED },
	/* 编办: decide, pass on to 法制局 (only if the procedure has one), or
	 * give a temporary opinion and ask for a meeting. */
	{ DS_ESTABLISHMENT, DA_EST_OPINION, DP_ESTABLISHMENT, ANY, ANY, DS_READY },
	{ DS_ESTABLISHMENT, DA_EST_LEGAL, DP_ESTABLISHMENT, 1, ANY, DS_LEGAL },
	{ DS_ESTABLISHMENT, DA_EST_TEMPORARY, DP_ESTABLISHMENT, ANY, ANY, DS_MEETING },
	/* 法制局: decide, or a temporary opinion. */
	{ DS_LEGAL, DA_LEGAL_OPINION, DP_LEGAL, ANY, ANY, DS_READY },
	{ DS_LEGAL, DA_LEGAL_TEMPORARY, DP_LEGAL, ANY, ANY, DS_MEETING },
	/* The joint meeting: the office proposes, the convener decides. */
	{ DS_MEETING, DA_PROPOSE, DP_OFFICE, ANY, ANY, DS_MEETING },
	{ DS_MEETING, DA_MEETING_DECIDE, DP_CONVENER, ANY, ANY, DS_READY },
	/* The office issues the 认定意见; the lead unit accepts or refuses. */
	{ DS_READY, DA_DETERMINE, DP_OFFICE, ANY, ANY, DS_DETERMINED },
	{ DS_DETERMINED, DA_ACCEPT, DP_LEAD, ANY, ANY, DS_ACCEPTED },
	{ DS_DETERMINED, DA_REFUSE, DP_LEAD, ANY, ANY, DS_REFUSED },
	/* 问责: after a refusal always; while waiting only once overdue;
	 * after accepting, for not acting on the determination (D6.5). */
	{ DS_REFUSED, DA_ACCOUNT, DP_OFFICE, ANY, ANY, DS_REFUSED },
	{ DS_DETERMINED, DA_ACCOUNT, DP_OFFICE, ANY, 1, DS_DETERMINED },
	{ DS_ACCEPTED, DA_ACCOUNT, DP_OFFICE, ANY, ANY, DS_ACCEPTED },
	/* The determination binds the lead; only the office lifts that. */
	{ DS_DETERMINED, DA_UNBIND, DP_OFFICE, ANY, ANY, DS_DETERMINED },
	{ DS_ACCEPTED, DA_UNBIND, DP_OFFICE, ANY, ANY, DS_ACCEPTED },
	{ DS_REFUSED, DA_UNBIND, DP_OFFICE, ANY, ANY, DS_REFUSED },
};
#define NTABLE (sizeof table / sizeof table[0])

static const char *const party_names[DP__MAX] = {
	[DP_OFFICE] = "office", [DP_INVOLVED] = "involved", [DP_LEAD] = "lead",
	[DP_ESTABLISHMENT] = "establishment", [DP_LEGAL] = "legal",
	[DP_CONVENER] = "convener",
};

static int expected(int from, int action, int party, int has_legal, int overdue)
{
	for (size_t i = 0; i < NTABLE; i++)
		if (table[i].from == from && (int)table[i].action == action &&
		    (int)table[i].party == party &&
		    (table[i].has_legal == ANY || table[i].has_legal == has_legal) &&
		    (table[i].overdue == ANY || table[i].overdue == overdue))
			return table[i].to;
	return -1;
}

/* A holder of several parties may do what any one of them may. */
static int expected_mask(int from, int action, unsigned mask, int has_legal, int overdue)
{
	for (int p = 0; p < DP__MAX; p++)
		if (mask & P(p)) {
			int to = expected(from, action, p, has_legal, overdue);
			if (to != -1)
				return to;
		}
	return -1;
}

START_TEST(test_every_state_action_party)
{
	int checked = 0, allowed = 0;
	for (int s = 0; s < DS__MAX; s++)
		for (int a = 0; a < DA__MAX; a++)
			for (int p = 0; p < DP__MAX; p++)
				for (int hl = 0; hl <= 1; hl++)
					for (int od = 0; od <= 1; od++) {
						int want = expected(s, a, p, hl, od);
						int got = dispute_transition(s, (enum dispute_action)a,
									     P(p), hl, od);
						ck_assert_msg(got == want,
							      "%s --%s--> by %s (has_legal %d, overdue %d): got %d, want %d",
							      dispute_state_codes[s],
							      dispute_action_codes[a], party_names[p],
							      hl, od, got, want);
						allowed += want != -1;
						checked++;
					}
	ck_assert_int_eq(checked, DS__MAX * DA__MAX * DP__MAX * 4);
	/* Counted by hand from the spec, over the four (has_legal, overdue)
	 * pairs: 25 cells hold for all four, est_legal only with has_legal (2)
	 * and account from determined only when overdue (2): 104. */
	ck_assert_int_eq(allowed, 25 * 4 + 2 + 2);
}
END_TEST

START_TEST(test_every_mask)
{
	/* All 64 combinations of the six parties: the union of what each may. */
	int allowed_by_all = 0;
	for (unsigned mask = 0; mask < P(DP__MAX); mask++)
		for (int s = 0; s < DS__MAX; s++)
			for (int a = 0; a < DA__MAX; a++)
				for (int hl = 0; hl <= 1; hl++)
					for (int od = 0; od <= 1; od++) {
						int want = expected_mask(s, a, mask, hl, od);
						int got = dispute_transition(s, (enum dispute_action)a,
									     mask, hl, od);
						ck_assert_msg(got == want,
							      "%s --%s--> by mask %#x (has_legal %d, overdue %d): got %d, want %d",
							      dispute_state_codes[s],
							      dispute_action_codes[a], mask, hl, od,
							      got, want);
						if (mask == P(DP__MAX) - 1)
							allowed_by_all += want != -1;
					}
	/* Holding every party allows every cell of the single-party table. */
	ck_assert_int_eq(allowed_by_all, 25 * 4 + 2 + 2);
}
END_TEST

START_TEST(test_masks_named)
{
	unsigned oe = P(DP_OFFICE) | P(DP_ESTABLISHMENT);
	/* office|编办 may refer and then give 编办's opinion... */
	ck_assert_int_eq(dispute_transition(DS_OPEN, DA_REFER, oe, 0, 0), DS_ESTABLISHMENT);
	ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_OPINION, oe, 0, 0), DS_READY);
	ck_assert_int_eq(dispute_transition(DS_READY, DA_DETERMINE, oe, 0, 0), DS_DETERMINED);
	ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_CONTACT, oe, 0, 0),
			 DS_ESTABLISHMENT);
	/* ...but neither the lead's, the legal office's nor the convener's step. */
	ck_assert_int_eq(dispute_transition(DS_DETERMINED, DA_ACCEPT, oe, 1, 1), -1);
	ck_assert_int_eq(dispute_transition(DS_LEGAL, DA_LEGAL_OPINION, oe, 1, 1), -1);
	ck_assert_int_eq(dispute_transition(DS_MEETING, DA_MEETING_DECIDE, oe, 1, 1), -1);
	ck_assert_int_eq(dispute_transition(DS_OPEN, DA_UNIT_OPINION, oe, 1, 1), -1);

	/* An involved unit that is also the lead: opinion while open, accept later. */
	unsigned il = P(DP_INVOLVED) | P(DP_LEAD);
	ck_assert_int_eq(dispute_transition(DS_OPEN, DA_UNIT_OPINION, il, 0, 0), DS_OPEN);
	ck_assert_int_eq(dispute_transition(DS_DETERMINED, DA_REFUSE, il, 0, 0), DS_REFUSED);
	ck_assert_int_eq(dispute_transition(DS_OPEN, DA_REFER, il, 0, 0), -1);
	ck_assert_int_eq(dispute_transition(DS_REFUSED, DA_ACCOUNT, il, 0, 1), -1);

	/* No party at all may do nothing, not even contact the caller. */
	for (int s = 0; s < DS__MAX; s++)
		for (int a = 0; a < DA__MAX; a++) {
			ck_assert_int_eq(dispute_transition(s, (enum dispute_action)a, 0, 0, 0), -1);
			ck_assert_int_eq(dispute_transition(s, (enum dispute_action)a, 0, 1, 1), -1);
			/* Bits past the last party are no party either. */
			ck_assert_int_eq(dispute_transition(s, (enum dispute_action)a,
							    P(DP__MAX), 1, 1), -1);
			ck_assert_int_eq(dispute_transition(s, (enum dispute_action)a,
							    1u << 31, 1, 1), -1);
			ck_assert_int_eq(dispute_transition(s, (enum dispute_action)a,
							    ~(P(DP__MAX) - 1), 1, 1), -1);
		}
	/* ...and do not spoil a real party's right. */
	ck_assert_int_eq(dispute_transition(DS_OPEN, DA_REFER, P(DP_OFFICE) | 1u << 31, 0, 0),
			 DS_ESTABLISHMENT);
	ck_assert_int_eq(dispute_transition(DS_OPEN, DA_CONTACT, UINT_MAX, 0, 0), DS_OPEN);
	ck_assert_int_eq(dispute_transition(DS_LEGAL, DA_LEGAL_TEMPORARY, UINT_MAX, 1, 0),
			 DS_MEETING);
}
END_TEST

START_TEST(test_scope)
{
	for (int hl = 0; hl <= 1; hl++)
		for (int od = 0; od <= 1; od++) {
			/* 编办 does not act on 法制局's step... */
			ck_assert_int_eq(dispute_transition(DS_LEGAL, DA_LEGAL_OPINION,
							    P(DP_ESTABLISHMENT), hl, od), -1);
			ck_assert_int_eq(dispute_transition(DS_LEGAL, DA_LEGAL_TEMPORARY,
							    P(DP_ESTABLISHMENT), hl, od), -1);
			/* ...nor does it use its own actions once the form is at 法制局. */
			ck_assert_int_eq(dispute_transition(DS_LEGAL, DA_EST_OPINION,
							    P(DP_ESTABLISHMENT), hl, od), -1);
			/* 法制局 does not act on 编办's step. */
			ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_OPINION,
							    P(DP_LEGAL), hl, od), -1);
			ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_LEGAL,
							    P(DP_LEGAL), hl, od), -1);
			ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_TEMPORARY,
							    P(DP_LEGAL), hl, od), -1);
			ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_LEGAL_OPINION,
							    P(DP_LEGAL), hl, od), -1);
			/* The convener gives no 编办 (or 法制局) opinion. */
			ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_OPINION,
							    P(DP_CONVENER), hl, od), -1);
			ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_TEMPORARY,
							    P(DP_CONVENER), hl, od), -1);
			ck_assert_int_eq(dispute_transition(DS_LEGAL, DA_LEGAL_OPINION,
							    P(DP_CONVENER), hl, od), -1);
			/* The office decides nothing itself, and the lead no meeting. */
			ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_OPINION,
							    P(DP_OFFICE), hl, od), -1);
			ck_assert_int_eq(dispute_transition(DS_MEETING, DA_MEETING_DECIDE,
							    P(DP_OFFICE), hl, od), -1);
			ck_assert_int_eq(dispute_transition(DS_MEETING, DA_MEETING_DECIDE,
							    P(DP_LEAD), hl, od), -1);
		}
	/* The right parties, for contrast. */
	ck_assert_int_eq(dispute_transition(DS_LEGAL, DA_LEGAL_OPINION, P(DP_LEGAL), 1, 0), DS_READY);
	ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_OPINION,
					    P(DP_ESTABLISHMENT), 0, 0), DS_READY);
	ck_assert_int_eq(dispute_transition(DS_MEETING, DA_MEETING_DECIDE, P(DP_CONVENER), 0, 0),
			 DS_READY);
}
END_TEST

START_TEST(test_conditions)
{
	/* 法制局 only if the procedure has the step. */
	ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_LEGAL,
					    P(DP_ESTABLISHMENT), 1, 0), DS_LEGAL);
	ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_LEGAL,
					    P(DP_ESTABLISHMENT), 0, 0), -1);
	ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_LEGAL,
					    P(DP_ESTABLISHMENT), 0, 1), -1);
	/* has_legal changes nothing else 编办 does. */
	ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_OPINION,
					    P(DP_ESTABLISHMENT), 1, 0), DS_READY);
	ck_assert_int_eq(dispute_transition(DS_ESTABLISHMENT, DA_EST_TEMPORARY,
					    P(DP_ESTABLISHMENT), 1, 0), DS_MEETING);
	/* 问责 while waiting needs the lead unit's silence past the deadline. */
	ck_assert_int_eq(dispute_transition(DS_DETERMINED, DA_ACCOUNT, P(DP_OFFICE), 0, 0), -1);
	ck_assert_int_eq(dispute_transition(DS_DETERMINED, DA_ACCOUNT, P(DP_OFFICE), 1, 0), -1);
	ck_assert_int_eq(dispute_transition(DS_DETERMINED, DA_ACCOUNT, P(DP_OFFICE), 0, 1),
			 DS_DETERMINED);
	/* A refusal is enough, overdue or not. */
	ck_assert_int_eq(dispute_transition(DS_REFUSED, DA_ACCOUNT, P(DP_OFFICE), 0, 0),
			 DS_REFUSED);
	ck_assert_int_eq(dispute_transition(DS_REFUSED, DA_ACCOUNT, P(DP_OFFICE), 0, 1),
			 DS_REFUSED);
	/* Accepted and then not acted on is accountable too; the lead may
	 * accept even late. */
	ck_assert_int_eq(dispute_transition(DS_ACCEPTED, DA_ACCOUNT, P(DP_OFFICE), 1, 0),
			 DS_ACCEPTED);
	ck_assert_int_eq(dispute_transition(DS_ACCEPTED, DA_ACCOUNT, P(DP_LEAD), 1, 1), -1);
	ck_assert_int_eq(dispute_transition(DS_DETERMINED, DA_ACCEPT, P(DP_LEAD), 0, 1),
			 DS_ACCEPTED);
	/* Only the office raises it, never the lead or 编办. */
	ck_assert_int_eq(dispute_transition(DS_REFUSED, DA_ACCOUNT, P(DP_LEAD), 0, 1), -1);
	ck_assert_int_eq(dispute_transition(DS_REFUSED, DA_ACCOUNT, P(DP_ESTABLISHMENT), 0, 1), -1);
	/* Neither accepted nor refused moves on by the lead again. */
	ck_assert_int_eq(dispute_transition(DS_ACCEPTED, DA_REFUSE, P(DP_LEAD), 0, 0), -1);
	ck_assert_int_eq(dispute_transition(DS_REFUSED, DA_ACCEPT, P(DP_LEAD), 0, 0), -1);
}
END_TEST

START_TEST(test_out_of_range)
{
	/* Each is an allowed cell with one argument pushed out of range. */
	ck_assert_int_eq(dispute_transition(-1, DA_CONTACT, P(DP_OFFICE), 0, 0), -1);
	ck_assert_int_eq(dispute_transition(DS__MAX, DA_CONTACT, P(DP_OFFICE), 0, 0), -1);
	ck_assert_int_eq(dispute_transition(DS__MAX + 1, DA_CONTACT, P(DP_OFFICE), 0, 0), -1);
	ck_assert_int_eq(dispute_transition(INT_MAX, DA_CONTACT, P(DP_OFFICE), 0, 0), -1);
	ck_assert_int_eq(dispute_transition(INT_MIN, DA_REFER, P(DP_OFFICE), 0, 0), -1);
	ck_assert_int_eq(dispute_transition(DS_OPEN, (enum dispute_action)DA__MAX,
					    UINT_MAX, 1, 1), -1);
	ck_assert_int_eq(dispute_transition(DS_OPEN, (enum dispute_action)(DA__MAX + 1),
					    UINT_MAX, 1, 1), -1);
	ck_assert_int_eq(dispute_transition(DS_OPEN, (enum dispute_action)-1,
					    UINT_MAX, 1, 1), -1);
	ck_assert_int_eq(dispute_transition(DS_OPEN, (enum dispute_action)INT_MAX,
					    UINT_MAX, 1, 1), -1);
	ck_assert_int_eq(dispute_transition(DS_OPEN, (enum dispute_action)INT_MIN,
					    UINT_MAX, 1, 1), -1);
}
END_TEST

START_TEST(test_state_codes)
{
	for (int s = 0; s < DS__MAX; s++) {
		ck_assert_ptr_nonnull(dispute_state_codes[s]);
		ck_assert_ptr_nonnull(dispute_state_labels[s]);
		ck_assert(dispute_state_codes[s][0] != '\0');
		ck_assert(dispute_state_labels[s][0] != '\0');
		ck_assert_int_eq(dispute_state_from_code(dispute_state_codes[s]), s);
		for (int t = 0; t < s; t++) {
			ck_assert_str_ne(dispute_state_codes[s], dispute_state_codes[t]);
			ck_assert_str_ne(dispute_state_labels[s], dispute_state_labels[t]);
		}
	}
	ck_assert_int_eq(dispute_state_from_code("open"), DS_OPEN);
	ck_assert_int_eq(dispute_state_from_code("establishment"), DS_ESTABLISHMENT);
	ck_assert_int_eq(dispute_state_from_code("legal"), DS_LEGAL);
	ck_assert_int_eq(dispute_state_from_code("meeting"), DS_MEETING);
	ck_assert_int_eq(dispute_state_from_code("ready"), DS_READY);
	ck_assert_int_eq(dispute_state_from_code("determined"), DS_DETERMINED);
	ck_assert_int_eq(dispute_state_from_code("accepted"), DS_ACCEPTED);
	ck_assert_int_eq(dispute_state_from_code("refused"), DS_REFUSED);
	ck_assert_int_eq(dispute_state_from_code(NULL), -1);
	ck_assert_int_eq(dispute_state_from_code(""), -1);
	ck_assert_int_eq(dispute_state_from_code("OPEN"), -1);
	ck_assert_int_eq(dispute_state_from_code("open "), -1);
	ck_assert_int_eq(dispute_state_from_code(" open"), -1);
	ck_assert_int_eq(dispute_state_from_code("ope"), -1);
	ck_assert_int_eq(dispute_state_from_code("opened"), -1);
	ck_assert_int_eq(dispute_state_from_code("closed"), -1);
	ck_assert_int_eq(dispute_state_from_code("refer"), -1);	/* an action code */
	ck_assert_int_eq(dispute_state_from_code("转办中"), -1);	/* a label */
}
END_TEST

START_TEST(test_action_codes)
{
	for (int a = 0; a < DA__MAX; a++) {
		ck_assert_ptr_nonnull(dispute_action_codes[a]);
		ck_assert_ptr_nonnull(dispute_action_labels[a]);
		ck_assert(dispute_action_codes[a][0] != '\0');
		ck_assert(dispute_action_labels[a][0] != '\0');
		for (int b = 0; b < a; b++) {
			ck_assert_msg(strcmp(dispute_action_codes[a], dispute_action_codes[b]) != 0,
				      "action code %s twice", dispute_action_codes[a]);
			ck_assert_msg(strcmp(dispute_action_labels[a], dispute_action_labels[b]) != 0,
				      "action label %s twice", dispute_action_labels[a]);
		}
	}
}
END_TEST

START_TEST(test_principles)
{
	/* D4's three principles, in the order the form lists them. */
	static const struct { const char *code, *starts; } want[] = {
		{ "mandate", "职责相近" },
		{ "law", "依法依规" },
		{ "timely", "及时解决" },
	};
	size_t n = 0;
	for (const struct dispute_code *c = dispute_principles; c->code != NULL; c++, n++) {
		ck_assert_uint_lt(n, 3);
		ck_assert_str_eq(c->code, want[n].code);
		ck_assert_ptr_nonnull(c->label);
		ck_assert_ptr_eq(dispute_principle_label(c->code), c->label);
	}
	ck_assert_uint_eq(n, 3);
	for (size_t i = 0; i < 3; i++) {
		const char *label = dispute_principle_label(want[i].code);
		ck_assert_ptr_nonnull(label);
		ck_assert_msg(strncmp(label, want[i].starts, strlen(want[i].starts)) == 0,
			      "%s: \"%s\" does not start with %s", want[i].code, label,
			      want[i].starts);
	}
	ck_assert_ptr_null(dispute_principle_label(NULL));
	ck_assert_ptr_null(dispute_principle_label(""));
	ck_assert_ptr_null(dispute_principle_label("Mandate"));
	ck_assert_ptr_null(dispute_principle_label("mandate "));
	ck_assert_ptr_null(dispute_principle_label("laws"));
	ck_assert_ptr_null(dispute_principle_label("time"));
	ck_assert_ptr_null(dispute_principle_label("职责相近"));
	ck_assert_ptr_null(dispute_principle_label("open"));
}
END_TEST

START_TEST(test_review_days)
{
	for (int d = -100; d <= 100; d++)
		ck_assert_msg(dispute_review_days_ok(d) == (d == 3 || d == 4 || d == 5),
			      "%d days: %d", d, dispute_review_days_ok(d));
	ck_assert(!dispute_review_days_ok(INT_MIN));
	ck_assert(!dispute_review_days_ok(INT_MAX));
	ck_assert(!dispute_review_days_ok(INT_MIN + 3));
}
END_TEST

/* Every row of sql/demo/calendar-2026.csv, copied by hand. */
static const struct { const char *date; int kind; } rows[] = {
	{ "2026-01-01", WD_HOLIDAY }, { "2026-01-02", WD_HOLIDAY },
	{ "2026-01-03", WD_HOLIDAY }, { "2026-01-04", WD_WORKDAY },
	{ "2026-02-14", WD_WORKDAY },
	{ "2026-02-15", WD_HOLIDAY }, { "2026-02-16", WD_HOLIDAY },
	{ "2026-02-17", WD_HOLIDAY }, { "2026-02-18", WD_HOLIDAY },
	{ "2026-02-19", WD_HOLIDAY }, { "2026-02-20", WD_HOLIDAY },
	{ "2026-02-21", WD_HOLIDAY }, { "2026-02-22", WD_HOLIDAY },
	{ "2026-02-23", WD_HOLIDAY },
	{ "2026-02-28", WD_WORKDAY },
	{ "2026-04-04", WD_HOLIDAY }, { "2026-04-05", WD_HOLIDAY },
	{ "2026-04-06", WD_HOLIDAY },
	{ "2026-05-01", WD_HOLIDAY }, { "2026-05-02", WD_HOLIDAY },
	{ "2026-05-03", WD_HOLIDAY }, { "2026-05-04", WD_HOLIDAY },
	{ "2026-05-05", WD_HOLIDAY }, { "2026-05-09", WD_WORKDAY },
	{ "2026-06-19", WD_HOLIDAY }, { "2026-06-20", WD_HOLIDAY },
	{ "2026-06-21", WD_HOLIDAY },
	{ "2026-09-20", WD_WORKDAY },
	{ "2026-09-25", WD_HOLIDAY }, { "2026-09-26", WD_HOLIDAY },
	{ "2026-09-27", WD_HOLIDAY },
	{ "2026-10-01", WD_HOLIDAY }, { "2026-10-02", WD_HOLIDAY },
	{ "2026-10-03", WD_HOLIDAY }, { "2026-10-04", WD_HOLIDAY },
	{ "2026-10-05", WD_HOLIDAY }, { "2026-10-06", WD_HOLIDAY },
	{ "2026-10-07", WD_HOLIDAY }, { "2026-10-10", WD_WORKDAY },
};
#define NROWS (sizeof rows / sizeof rows[0])

static struct wd_exception ex[NROWS];
static struct wd_calendar cal = { ex, NROWS };

/* Check runs each test in a fresh child, so build the calendar per test. */
static void setup(void)
{
	for (size_t i = 0; i < NROWS; i++) {
		ck_assert_int_eq(wd_parse(rows[i].date, &ex[i].day), 0);
		ex[i].kind = rows[i].kind;
	}
	wd_sort(ex, NROWS);
}

static void teardown(void)
{
}

/* dispute_due(c, from, days) is the date want. */
static void check_due(const struct wd_calendar *c, const char *from, int days,
		      const char *want)
{
	int day;
	char got[11];
	ck_assert_int_eq(wd_parse(from, &day), 0);
	wd_format(dispute_due(c, day, days), got);
	ck_assert_msg(strcmp(got, want) == 0, "%s + %d working days%s: %s, want %s",
		      from, days, c == NULL ? " (no calendar)" : "", got, want);
}

START_TEST(test_due_review)
{
	/* Referred Wed 09-30; National Day is Thu 10-01..Wed 10-07. Review days:
	 * Thu 10-08 (1), Fri 10-09 (2), make-up Sat 10-10 (3), Mon 10-12 (4),
	 * Tue 10-13 (5). */
	check_due(&cal, "2026-09-30", 5, "2026-10-13");
	check_due(&cal, "2026-09-30", 4, "2026-10-12");
	check_due(&cal, "2026-09-30", 3, "2026-10-10");
	/* Plain Mon-Fri: Thu 10-01 .. Wed 10-07. */
	check_due(NULL, "2026-09-30", 5, "2026-10-07");

	/* Referred Fri 02-13, before Spring Festival (Sun 02-15..Mon 02-23):
	 * make-up Sat 02-14 (1), Tue 02-24 (2), Wed 02-25 (3), Thu 02-26 (4),
	 * Fri 02-27 (5); make-up Sat 02-28 would be the sixth. */
	check_due(&cal, "2026-02-13", 3, "2026-02-25");
	check_due(&cal, "2026-02-13", 4, "2026-02-26");
	check_due(&cal, "2026-02-13", 5, "2026-02-27");
	check_due(&cal, "2026-02-13", 6, "2026-02-28");
	/* Plain Mon-Fri: Mon 02-16, Tue 02-17, Wed 02-18 .. Fri 02-20. */
	check_due(NULL, "2026-02-13", 3, "2026-02-18");
	check_due(NULL, "2026-02-13", 5, "2026-02-20");
	/* Referred inside the holiday (Mon 02-16): 02-24, 02-25, 02-26. */
	check_due(&cal, "2026-02-16", 3, "2026-02-26");

	/* Referred Thu 04-30 before Labour Day (Fri 05-01..Tue 05-05):
	 * Wed 05-06, Thu 05-07, Fri 05-08, make-up Sat 05-09, Mon 05-11. */
	check_due(&cal, "2026-04-30", 4, "2026-05-09");
	check_due(&cal, "2026-04-30", 5, "2026-05-11");
	/* Referred Wed 2025-12-31: 元旦 Thu 01-01..Sat 01-03, make-up Sun 01-04,
	 * Mon 01-05, Tue 01-06. */
	check_due(&cal, "2025-12-31", 3, "2026-01-06");
	/* Referred Fri 04-03 before 清明 (Sat 04-04..Mon 04-06): Tue 04-07,
	 * Wed 04-08, Thu 04-09. */
	check_due(&cal, "2026-04-03", 3, "2026-04-09");
	/* No exception near: Mon 11-23 plus five is Mon 11-30. */
	check_due(&cal, "2026-11-23", 5, "2026-11-30");
}
END_TEST

START_TEST(test_due_accept)
{
	/* The lead unit has one working day to accept. */
	/* A plain Friday, 03-06: the next Monday, 03-09. */
	check_due(&cal, "2026-03-06", 1, "2026-03-09");
	/* Friday 02-13: the make-up Saturday 02-14. */
	check_due(&cal, "2026-02-13", 1, "2026-02-14");
	/* Friday 09-18: the make-up Sunday 09-20. */
	check_due(&cal, "2026-09-18", 1, "2026-09-20");
	check_due(NULL, "2026-09-18", 1, "2026-09-21");
	/* Friday 10-09: the make-up Saturday 10-10. */
	check_due(&cal, "2026-10-09", 1, "2026-10-10");
	/* Friday 05-08: the make-up Saturday 05-09. */
	check_due(&cal, "2026-05-08", 1, "2026-05-09");
	/* The day before National Day, Wed 09-30: Thu 10-08. */
	check_due(&cal, "2026-09-30", 1, "2026-10-08");
	check_due(NULL, "2026-09-30", 1, "2026-10-01");
	/* Thursday before a Friday holiday: 中秋 09-25, 端午 06-19. */
	check_due(&cal, "2026-09-24", 1, "2026-09-28");
	check_due(&cal, "2026-06-18", 1, "2026-06-22");
	/* Determined on a holiday (Fri 09-25): Mon 09-28. */
	check_due(&cal, "2026-09-25", 1, "2026-09-28");
	/* Determined on 元旦's make-up Sunday 01-04: Mon 01-05. */
	check_due(&cal, "2026-01-04", 1, "2026-01-05");
}
END_TEST

START_TEST(test_parties_and_visibility)
{
	/* A city dispute (jurisdiction 1) involving units 14 and 11, 编办 4,
	 * 法制局 5, convener 3; unit 14 has answered, 11 has not. */
	struct dispute_view v = { .state = DS_OPEN, .jur = 1, .est = 4, .legal = 5, .convener = 3,
				  .accept_due = "" };
	struct actor office = { .unit_id = 1, .caps = role_caps(ROLE_COORDINATOR) };
	struct actor county = { .unit_id = 101, .scope_jur = 2, .caps = role_caps(ROLE_COORDINATOR) };
	struct actor clerk = { .unit_id = 11, .caps = role_caps(ROLE_CLERK) };
	struct actor editor = { .unit_id = 11, .caps = role_caps(ROLE_KB_EDITOR) };
	struct actor est = { .unit_id = 4, .caps = role_caps(ROLE_REVIEWER) };
	struct actor conv = { .unit_id = 3, .caps = role_caps(ROLE_CONVENER) };
	ck_assert_uint_eq(dispute_parties(&office, &v), P(DP_OFFICE));
	ck_assert_uint_eq(dispute_parties(&county, &v), 0);
	ck_assert(dispute_visible(&office, &v, dispute_parties(&office, &v)));
	ck_assert(!dispute_visible(&county, &v, 0));
	/* The involved unit's clerk, not its knowledge editor (issue 11). */
	struct dispute_view mine = v;
	mine.involved = 1;
	mine.owes_opinion = 1;
	ck_assert_uint_eq(dispute_parties(&clerk, &mine), P(DP_INVOLVED));
	ck_assert(dispute_visible(&clerk, &mine, dispute_parties(&clerk, &mine)));
	ck_assert(!dispute_visible(&editor, &mine, dispute_parties(&editor, &mine)));
	/* 编办 once referred; the convener only for a meeting. */
	ck_assert(!dispute_visible(&est, &v, dispute_parties(&est, &v)));
	struct dispute_view referred = v;
	referred.state = DS_ESTABLISHMENT;
	ck_assert(dispute_visible(&est, &referred, dispute_parties(&est, &referred)));
	ck_assert(!dispute_visible(&conv, &referred, dispute_parties(&conv, &referred)));
	referred.state = DS_MEETING;
	ck_assert(dispute_visible(&conv, &referred, dispute_parties(&conv, &referred)));
	/* Which list each reads. */
	ck_assert_str_eq(dispute_reader(&office), "office");
	ck_assert_str_eq(dispute_reader(&clerk), "unit");
	ck_assert_str_eq(dispute_reader(&editor), "none");
	ck_assert_str_eq(dispute_reader(&est), "reviewer");
	ck_assert_str_eq(dispute_reader(&conv), "convener");
	/* Overdue only once determined and past the accept date. */
	struct dispute_view det = v;
	det.state = DS_DETERMINED;
	det.accept_due = "2026-12-01";
	ck_assert(dispute_overdue(&det, "2026-12-02"));
	ck_assert(!dispute_overdue(&det, "2026-12-01"));
	det.state = DS_ACCEPTED;
	ck_assert(!dispute_overdue(&det, "2026-12-02"));
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("dispute");
	TCase *rules = tcase_create("rules");
	TCase *codes = tcase_create("codes");
	TCase *dates = tcase_create("dates");

	tcase_add_test(rules, test_every_state_action_party);
	tcase_add_test(rules, test_every_mask);
	tcase_add_test(rules, test_masks_named);
	tcase_add_test(rules, test_parties_and_visibility);
	tcase_add_test(rules, test_scope);
	tcase_add_test(rules, test_conditions);
	tcase_add_test(rules, test_out_of_range);
	suite_add_tcase(s, rules);

	tcase_add_test(codes, test_state_codes);
	tcase_add_test(codes, test_action_codes);
	tcase_add_test(codes, test_principles);
	tcase_add_test(codes, test_review_days);
	suite_add_tcase(s, codes);

	tcase_add_checked_fixture(dates, setup, teardown);
	tcase_add_test(dates, test_due_review);
	tcase_add_test(dates, test_due_accept);
	suite_add_tcase(s, dates);
	return s;
}

#include "check_main.h"
