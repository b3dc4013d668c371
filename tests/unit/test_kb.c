/* Knowledge-base rules: the workflow table for every state, action, role
 * and unit relation; deadlines across holidays; the kinds' fields. */
#include <check.h>
#include <string.h>

#include "kb.h"
#include "roles.h"

/* The expected table, written out again from K8.2: who moves a version
 * from which state to which. -1: refused. */
struct expect {
	enum kb_state from;
	enum kb_action action;
	enum cap needs;
	int to;
};

static const struct expect table[] = {
	{ KBS_DRAFT, KBA_EDIT, CAP_KB_EDIT, KBS_DRAFT },
	{ KBS_DRAFT, KBA_SUBMIT, CAP_KB_EDIT, KBS_PENDING },
	{ KBS_REJECTED, KBA_EDIT, CAP_KB_EDIT, KBS_DRAFT },
	{ KBS_REJECTED, KBA_SUBMIT, CAP_KB_EDIT, KBS_PENDING },
	{ KBS_PENDING, KBA_WITHDRAW, CAP_KB_EDIT, KBS_DRAFT },
	{ KBS_PENDING, KBA_APPROVE, CAP_KB_APPROVE, KBS_PUBLISHED },
	{ KBS_PENDING, KBA_REJECT, CAP_KB_APPROVE, KBS_REJECTED },
};

static const struct expect *find(enum kb_state s, enum kb_action a)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].from == s && table[i].action == a)
			return &table[i];
	return NULL;
}

START_TEST(test_every_state_action_role)
{
	int checked = 0;
	for (int s = 0; s < KBS__MAX; s++)
		for (int a = 0; a < KBA__MAX; a++)
			for (int ro = 0; ro < ROLE__MAX; ro++)
				for (int own = 0; own <= 1; own++) {
					unsigned long long caps = role_caps((enum role)ro);
					const struct expect *e = find((enum kb_state)s, (enum kb_action)a);
					int want = e && own && caps_allow(caps, 1, e->needs) ? e->to : -1;
					int got = kb_transition((enum kb_state)s, (enum kb_action)a, caps, own);
					ck_assert_msg(got == want,
						      "%s --%d--> by %s (own %d): got %d, want %d",
						      kb_state_codes[s], a, role_defs[ro].code, own, got, want);
					checked++;
				}
	ck_assert_int_eq(checked, KBS__MAX * KBA__MAX * ROLE__MAX * 2);
}
END_TEST

START_TEST(test_key_refusals)
{
	unsigned long long editor = role_caps(ROLE_KB_EDITOR);
	unsigned long long approver = role_caps(ROLE_KB_APPROVER);
	/* An editor never publishes, not even their own unit's draft. */
	ck_assert_int_eq(kb_transition(KBS_PENDING, KBA_APPROVE, editor, 1), -1);
	/* An approver of another unit cannot publish. */
	ck_assert_int_eq(kb_transition(KBS_PENDING, KBA_APPROVE, approver, 0), -1);
	/* Published and superseded versions are the record: nothing moves. */
	for (int a = 0; a < KBA__MAX; a++) {
		ck_assert_int_eq(kb_transition(KBS_PUBLISHED, (enum kb_action)a, ~0ULL, 1), -1);
		ck_assert_int_eq(kb_transition(KBS_SUPERSEDED, (enum kb_action)a, ~0ULL, 1), -1);
	}
	/* A draft is not approved before it is submitted. */
	ck_assert_int_eq(kb_transition(KBS_DRAFT, KBA_APPROVE, approver, 1), -1);
}
END_TEST


START_TEST(test_deadlines_across_holidays)
{
	/* 2026 National Day: 10-01..10-07 off, 09-20 (Sun) and 10-10 (Sat) on. */
	struct wd_exception days[12];
	size_t n = 0;
	for (int d = 1; d <= 7; d++)
		days[n++] = (struct wd_exception){ wd_from_ymd(2026, 10, d), WD_HOLIDAY };
	days[n++] = (struct wd_exception){ wd_from_ymd(2026, 9, 20), WD_WORKDAY };
	days[n++] = (struct wd_exception){ wd_from_ymd(2026, 10, 10), WD_WORKDAY };
	wd_sort(days, n);
	struct wd_calendar cal = { days, n };
	char out[11];
	/* A change on 09-29 (Tue): five working days are 09-30, 10-08, 10-09,
	 * 10-10 (the make-up Saturday) and 10-12. */
	wd_format(kb_due(&cal, wd_from_ymd(2026, 9, 29), 0), out);
	ck_assert_str_eq(out, "2026-10-12");
	/* Major news released on 09-30: due the next working day, 10-08. */
	wd_format(kb_due(&cal, wd_from_ymd(2026, 9, 30), 1), out);
	ck_assert_str_eq(out, "2026-10-08");
	/* Released on a Friday without holidays: due Monday. */
	wd_format(kb_due(&cal, wd_from_ymd(2026, 11, 27), 1), out);
	ck_assert_str_eq(out, "2026-11-30");
}
END_TEST

START_TEST(test_review_month)
{
	char m[8];
	kb_review_month(wd_from_ymd(2026, 2, 28), m);
	ck_assert_str_eq(m, "2026-02");
	kb_review_month(wd_from_ymd(2026, 12, 31), m);
	ck_assert_str_eq(m, "2026-12");
}
END_TEST

START_TEST(test_kinds_and_fields)
{
	ck_assert_int_eq(kb_kind_from_code("faq"), KB_FAQ);
	ck_assert_int_eq(kb_kind_from_code("org"), KB_ORG);
	ck_assert_int_eq(kb_kind_from_code("FAQ"), -1);
	ck_assert_int_eq(kb_kind_from_code(NULL), -1);
	/* Each kind has its fields, the FAQ's operator notes are internal. */
	const struct kb_field *notes = kb_field_find(KB_FAQ, "notes");
	ck_assert_ptr_nonnull(notes);
	ck_assert(notes->internal);
	ck_assert_ptr_null(kb_field_find(KB_FAQ, "materials"));
	ck_assert_ptr_nonnull(kb_field_find(KB_GUIDE, "materials"));
	ck_assert_ptr_nonnull(kb_field_find(KB_LAW, "doc_number"));
	ck_assert_ptr_nonnull(kb_field_find(KB_ORG, "offices"));
	for (int k = 0; k < KB_KIND__MAX; k++) {
		ck_assert(kb_kinds[k].nfields > 0);
		int required = 0;
		for (size_t i = 0; i < kb_kinds[k].nfields; i++) {
			const struct kb_field *f = &kb_kinds[k].fields[i];
			required |= f->required;
			/* Every field has its own input on the form. */
			ck_assert_str_eq(field_defs[f->form].name + 3, f->name);
		}
		ck_assert_msg(required, "kind %s has no required field", kb_kinds[k].code);
	}
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("kb");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, test_every_state_action_role);
	tcase_add_test(tc, test_key_refusals);
	tcase_add_test(tc, test_deadlines_across_holidays);
	tcase_add_test(tc, test_review_month);
	tcase_add_test(tc, test_kinds_and_fields);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
