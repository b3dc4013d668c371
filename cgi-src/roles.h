/* Who may do what (DESIGN.md "Who may do what"): roles, capabilities and
 * the matrix between them. Pure: no I/O. */
#ifndef ROLES_H
#define ROLES_H

enum role {
	ROLE_OPERATOR,     /* 话务员 */
	ROLE_CLERK,        /* 经办人 */
	ROLE_KB_EDITOR,    /* 知识库专员 */
	ROLE_KB_APPROVER,  /* 分管领导 */
	ROLE_COORDINATOR,  /* 管理办 */
	ROLE_REVIEWER,     /* 审核人（编办、法制局） */
	ROLE_CONVENER,     /* 召集人（市府办公室） */
	ROLE_ADMIN,        /* 系统管理员 */
	ROLE_INSPECTOR,    /* 质检员 */
	ROLE__MAX
};

enum cap {
	CAP_NONE,          /* not given: a route left without one is refused to
			    * everyone (deny by default), and the route test
			    * fails on it */
	CAP_PUBLIC,        /* anyone, no session needed */
	CAP_SESSION,       /* any signed-in user */
	CAP_ADMIN,         /* jurisdictions, units, users, memberships */
	CAP_CALENDAR_EDIT, /* mark holidays and make-up days */
	CAP_AUDIT_READ,    /* read the audit log */
	CAP_KB_SEARCH,     /* search the knowledge base */
	CAP_ORDER_INTAKE,  /* record calls, create and dispatch orders */
	CAP_ORDER_HANDLE,  /* handle the unit's orders, request returns */
	CAP_KB_EDIT,       /* draft the unit's entries, monthly review */
	CAP_KB_APPROVE,    /* approve the unit's drafts */
	CAP_DISPATCH,      /* dispatch, decide returns, run disputes */
	CAP_DISPUTE_REVIEW,/* give the 编办 / 法制局 opinion */
	CAP_MEETING,       /* convene joint meetings */
	CAP_MEETING_READ,  /* see the joint meetings (office and convener) */
	CAP_KB_STANDARDS,  /* the search's synonyms and learned answers (K7) */
	CAP_QA,            /* sample and mark answers from the knowledge base (K10) */
	CAP__MAX
};

struct role_def {
	const char *code;   /* as stored in the database */
	const char *label;  /* Chinese name shown to users */
	const char *duty;   /* what the role may do, for the home page */
};

extern const struct role_def role_defs[ROLE__MAX];
extern const char *const cap_labels[CAP__MAX];

/* Bitmask of capabilities the role grants (bit n = enum cap n). */
unsigned long long role_caps(enum role r);
/* Union of the capabilities of every role in the roles bitmask. */
unsigned long long roles_caps(unsigned roles);
/* Role for a database code, or -1. */
int role_from_code(const char *code);
/* Whether a holder of caps (0 when not signed in) may use cap. */
int caps_allow(unsigned long long caps, int signed_in, enum cap cap);

#endif
