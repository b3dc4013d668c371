/* The knowledge base's rules (K4-K9), pure: entry kinds and their fields,
 * the collect -> review -> publish workflow, and its deadlines. */
#ifndef KB_H
#define KB_H
#include <stddef.h>
#include "form.h"
#include "roles.h"
#include "workdays.h"

enum kb_kind {
	KB_FAQ,    /* 常见问题 */
	KB_GUIDE,  /* 办事流程 */
	KB_LAW,    /* 法律法规 */
	KB_ORG,    /* 机构信息 */
	KB_KIND__MAX
};

enum kb_ftype {
	KBF_LINE,  /* one line of text */
	KBF_TEXT,  /* plain text, several lines */
	KBF_HTML,  /* formatted: sanitised HTML fragment */
	KBF_DATE,  /* YYYY-MM-DD */
};

struct kb_field {
	const char *name;   /* as stored and in the XML */
	const char *label;  /* Chinese label */
	enum kb_ftype type;
	int required;
	size_t max_chars;
	int internal;       /* never shown on the public page (e.g. 答复口径) */
	enum field form;    /* its input on the entry form */
	unsigned search;    /* weight of its words in search: 0 not indexed,
			     * 1 body text, more for the fields callers' words
			     * match best (问题, 事项名称) */
};

struct kb_kind_def {
	const char *code;   /* faq, guide, law, org */
	const char *label;
	const struct kb_field *fields;
	size_t nfields;
};

extern const struct kb_kind_def kb_kinds[KB_KIND__MAX];

/* Kind for a code, or -1. */
int kb_kind_from_code(const char *code);
/* The field of a kind with this name, or NULL. */
const struct kb_field *kb_field_find(enum kb_kind k, const char *name);

/* Workflow (K8.2): the state of a version. */
enum kb_state {
	KBS_DRAFT,      /* 草稿: being written by the unit's editor */
	KBS_PENDING,    /* 待审核: submitted to the unit's approver */
	KBS_PUBLISHED,  /* 已发布: the live version */
	KBS_REJECTED,   /* 已退回: sent back with a reason; editable again */
	KBS_SUPERSEDED, /* 已替代: an older published version */
	KBS__MAX
};

enum kb_action {
	KBA_EDIT,       /* save the draft */
	KBA_SUBMIT,     /* send to the approver */
	KBA_APPROVE,    /* publish */
	KBA_REJECT,     /* send back with a reason */
	KBA_WITHDRAW,   /* the editor takes a pending draft back */
	KBA__MAX
};

extern const char *const kb_state_codes[KBS__MAX];
extern const char *const kb_state_labels[KBS__MAX];
int kb_state_from_code(const char *code);

/* The state after action, or -1 when the action is not allowed from state
 * for a holder of caps acting on an entry of their own unit (own_unit) or
 * not. Only the owning unit ever changes an entry (K6, K8). */
int kb_transition(enum kb_state state, enum kb_action action,
		  unsigned long long caps, int own_unit);

/* K8.3: a change is due 5 working days after the real-world change date,
 * 1 working day when major or time-critical. */
int kb_due(const struct wd_calendar *cal, int change_day, int major);
/* A knowledge-update order (K9.1) is due this many working days after it
 * was raised. */
#define KB_UPDATE_DAYS 5
/* Knowledge-update orders (知识更新工单, K9.1): an operator's report on an
 * entry, or a need the office assigned from a gap. */
enum kb_upd_state { KBU_OPEN, KBU_ANSWERED, KBU_CONFIRMED, KBU_REOPENED, KBU__MAX };
enum kb_upd_action {
	KBU_REPLY,    /* the unit explains why nothing changes */
	KBU_FIXED,    /* the unit links the new published version */
	KBU_CONFIRM,  /* the reporter accepts the answer */
	KBU_REOPEN,   /* the reporter does not */
	KBU_ACTION__MAX
};
extern const char *const kb_upd_codes[KBU__MAX];
extern const char *const kb_upd_labels[KBU__MAX];
int kb_upd_from_code(const char *code);
/* The state after action, or -1: the unit's editor (unit_editor) answers,
 * the reporter (reporter) confirms or reopens. */
int kb_upd_transition(enum kb_upd_state s, enum kb_upd_action a, int unit_editor,
		      int reporter);
/* Problem kinds an operator reports, with their labels; NULL-terminated. */
extern const char *const kb_problem_codes[];
const char *kb_problem_label(const char *code);

/* Use of another unit's knowledge (K6): the owning unit's approver approves,
 * then the office's coordinator consents. */
enum kb_grant_state { KBG_REQUESTED, KBG_APPROVED, KBG_GRANTED, KBG_REFUSED, KBG__MAX };
enum kb_grant_action { KBG_APPROVE, KBG_CONSENT, KBG_REFUSE, KBG_ACTION__MAX };
extern const char *const kb_grant_codes[KBG__MAX];
extern const char *const kb_grant_labels[KBG__MAX];
int kb_grant_from_code(const char *code);
/* The state after action, or -1. owner_approver: the acting user is an
 * approver of the owning unit; office: a coordinator. */
int kb_grant_transition(enum kb_grant_state s, enum kb_grant_action a,
			int owner_approver, int office);

/* Monthly review: the month ("YYYY-MM") an entry confirmed on day counts for. */
void kb_review_month(int day, char out[8]);

#endif
