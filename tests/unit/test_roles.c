/* The capability matrix of DESIGN.md, role by role. */
#include <check.h>
#include <string.h>

#include "roles.h"

#define B(c) (1ULL << (c))

/* The expected matrix, written out again independently of roles.c. */
static const struct {
	enum role role;
	unsigned long long allowed;
} expect[] = {
	{ ROLE_OPERATOR, B(CAP_KB_SEARCH) | B(CAP_ORDER_INTAKE) },
	{ ROLE_CLERK, B(CAP_KB_SEARCH) | B(CAP_ORDER_HANDLE) },
	{ ROLE_KB_EDITOR, B(CAP_KB_SEARCH) | B(CAP_KB_EDIT) },
	{ ROLE_KB_APPROVER, B(CAP_KB_SEARCH) | B(CAP_KB_APPROVE) },
	{ ROLE_COORDINATOR, B(CAP_KB_SEARCH) | B(CAP_DISPATCH) | B(CAP_AUDIT_READ) |
				    B(CAP_KB_STANDARDS) | B(CAP_MEETING_READ) | B(CAP_QA) },
	{ ROLE_REVIEWER, B(CAP_KB_SEARCH) | B(CAP_DISPUTE_REVIEW) },
	{ ROLE_CONVENER, B(CAP_KB_SEARCH) | B(CAP_MEETING) | B(CAP_MEETING_READ) },
	{ ROLE_ADMIN, B(CAP_ADMIN) | B(CAP_CALENDAR_EDIT) | B(CAP_AUDIT_READ) },
	{ ROLE_INSPECTOR, B(CAP_KB_SEARCH) | B(CAP_QA) },
};

START_TEST(test_matrix_every_cell)
{
	ck_assert_uint_eq(sizeof expect / sizeof expect[0], ROLE__MAX);
	for (size_t i = 0; i < ROLE__MAX; i++) {
		unsigned long long caps = role_caps(expect[i].role);
		for (int c = 0; c < CAP__MAX; c++) {
			int want = c == CAP_PUBLIC || c == CAP_SESSION ||
				   (expect[i].allowed & B(c)) != 0;
			ck_assert_msg(caps_allow(caps, 1, (enum cap)c) == want,
				      "role %s, capability %s: expected %d",
				      role_defs[expect[i].role].code, cap_labels[c], want);
		}
	}
}
END_TEST

START_TEST(test_signed_out)
{
	for (int c = 0; c < CAP__MAX; c++)
		ck_assert_int_eq(caps_allow(~0ULL, 0, (enum cap)c), c == CAP_PUBLIC);
}
END_TEST

START_TEST(test_union_of_roles)
{
	unsigned roles = (1u << ROLE_CLERK) | (1u << ROLE_KB_EDITOR);
	unsigned long long caps = roles_caps(roles);
	ck_assert(caps_allow(caps, 1, CAP_ORDER_HANDLE));
	ck_assert(caps_allow(caps, 1, CAP_KB_EDIT));
	ck_assert(!caps_allow(caps, 1, CAP_KB_APPROVE));
	ck_assert(!caps_allow(caps, 1, CAP_ADMIN));
	ck_assert(!caps_allow(roles_caps(0), 1, CAP_ADMIN));
	ck_assert(caps_allow(roles_caps(0), 1, CAP_SESSION));
}
END_TEST

START_TEST(test_codes)
{
	for (int r = 0; r < ROLE__MAX; r++)
		ck_assert_int_eq(role_from_code(role_defs[r].code), r);
	ck_assert_int_eq(role_from_code("root"), -1);
	ck_assert_int_eq(role_from_code(""), -1);
	ck_assert_int_eq(role_from_code("Admin"), -1);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("roles");
	TCase *tc = tcase_create("matrix");
	tcase_add_test(tc, test_matrix_every_cell);
	tcase_add_test(tc, test_signed_out);
	tcase_add_test(tc, test_union_of_roles);
	tcase_add_test(tc, test_codes);
	suite_add_tcase(s, tc);
	return s;
}

#include "check_main.h"
