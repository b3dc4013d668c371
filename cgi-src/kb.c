#include "kb.h"

#include <stdio.h>
#include <string.h>

#define NF(a) (sizeof(a) / sizeof((a)[0]))

static const struct kb_field faq_fields[] = {
	{ "question", "问题", KBF_TEXT, 1, 1000, 0, F_KB_QUESTION, 3 },
	{ "answer", "规范答案", KBF_HTML, 1, 20000, 0, F_KB_ANSWER, 1 },
	{ "notes", "答复口径", KBF_TEXT, 0, 5000, 1, F_KB_NOTES, 1 },
};

static const struct kb_field guide_fields[] = {
	{ "service", "事项名称", KBF_LINE, 1, 200, 0, F_KB_SERVICE, 3 },
	{ "conditions", "办理条件", KBF_HTML, 0, 20000, 0, F_KB_CONDITIONS, 1 },
	{ "materials", "申请材料", KBF_HTML, 1, 20000, 0, F_KB_MATERIALS, 1 },
	{ "steps", "办理流程", KBF_HTML, 1, 20000, 0, F_KB_STEPS, 1 },
	{ "time_limit", "办理时限", KBF_LINE, 0, 200, 0, F_KB_TIME_LIMIT, 1 },
	{ "fees", "收费标准", KBF_LINE, 0, 200, 0, F_KB_FEES, 1 },
	{ "place", "办理地点及时间", KBF_TEXT, 0, 2000, 0, F_KB_PLACE, 1 },
	{ "phone", "咨询电话", KBF_LINE, 0, 100, 0, F_KB_PHONE, 1 },
	{ "basis", "法律依据", KBF_TEXT, 0, 5000, 0, F_KB_BASIS, 1 },
};

static const struct kb_field law_fields[] = {
	{ "doc_number", "文号", KBF_LINE, 0, 100, 0, F_KB_DOC_NUMBER, 2 },
	{ "issuer", "发布机关", KBF_LINE, 1, 100, 0, F_KB_ISSUER, 1 },
	{ "promulgated", "发布日期", KBF_DATE, 0, 10, 0, F_KB_PROMULGATED, 0 },
	{ "effective", "施行日期", KBF_DATE, 0, 10, 0, F_KB_EFFECTIVE, 0 },
	{ "validity", "效力状态", KBF_LINE, 1, 50, 0, F_KB_VALIDITY, 0 },
	{ "text", "正文", KBF_HTML, 1, 200000, 0, F_KB_TEXT, 1 },
};

static const struct kb_field org_fields[] = {
	{ "functions", "主要职能", KBF_HTML, 1, 20000, 0, F_KB_FUNCTIONS, 2 },
	{ "scope", "业务范围", KBF_HTML, 0, 20000, 0, F_KB_SCOPE, 2 },
	{ "offices", "服务网点", KBF_HTML, 0, 20000, 0, F_KB_OFFICES, 1 },
	/* K4: a unit's contacts; optional, so that entries written before it
	 * stay valid (a missing one is a completeness finding). */
	{ "contacts", "联系方式", KBF_TEXT, 0, 2000, 0, F_KB_CONTACTS, 1 },
};

const struct kb_kind_def kb_kinds[KB_KIND__MAX] = {
	{ "faq", "常见问题", faq_fields, NF(faq_fields) },       /* KB_FAQ */
	{ "guide", "办事流程", guide_fields, NF(guide_fields) }, /* KB_GUIDE */
	{ "law", "法律法规", law_fields, NF(law_fields) },       /* KB_LAW */
	{ "org", "机构信息", org_fields, NF(org_fields) },       /* KB_ORG */
};

int kb_kind_from_code(const char *code)
{
	for (int k = 0; k < KB_KIND__MAX; k++)
		if (code != NULL && strcmp(kb_kinds[k].code, code) == 0)
			return k;
	return -1;
}

const struct kb_field *kb_field_find(enum kb_kind k, const char *name)
{
	if ((unsigned)k >= KB_KIND__MAX || name == NULL)
		return NULL;
	for (size_t i = 0; i < kb_kinds[k].nfields; i++)
		if (strcmp(kb_kinds[k].fields[i].name, name) == 0)
			return &kb_kinds[k].fields[i];
	return NULL;
}

const char *const kb_state_codes[KBS__MAX] = {
	"draft", "pending", "published", "rejected", "superseded",
};

const char *const kb_state_labels[KBS__MAX] = {
	"草稿", "待审核", "已发布", "已退回", "已替代",
};

int kb_state_from_code(const char *code)
{
	for (int s = 0; s < KBS__MAX; s++)
		if (code != NULL && strcmp(kb_state_codes[s], code) == 0)
			return s;
	return -1;
}

/* Who may do what, from which state (K8.2: collect -> review -> publish).
 * -1: not allowed. */
struct kb_rule {
	enum cap cap;                 /* the capability the action needs */
	signed char next[KBS__MAX];   /* state after the action, by state */
};

#define NO (-1)
static const struct kb_rule rules[KBA__MAX] = {
	/* KBA_EDIT: the editor keeps writing; a rejected draft is a draft again */
	{ CAP_KB_EDIT, { KBS_DRAFT, NO, NO, KBS_DRAFT, NO } },
	/* KBA_SUBMIT */
	{ CAP_KB_EDIT, { KBS_PENDING, NO, NO, KBS_PENDING, NO } },
	/* KBA_APPROVE */
	{ CAP_KB_APPROVE, { NO, KBS_PUBLISHED, NO, NO, NO } },
	/* KBA_REJECT */
	{ CAP_KB_APPROVE, { NO, KBS_REJECTED, NO, NO, NO } },
	/* KBA_WITHDRAW */
	{ CAP_KB_EDIT, { NO, KBS_DRAFT, NO, NO, NO } },
};

int kb_transition(enum kb_state state, enum kb_action action,
		  unsigned long long caps, int own_unit)
{
	if ((unsigned)state >= KBS__MAX || (unsigned)action >= KBA__MAX)
		return -1;
	if (!own_unit || !caps_allow(caps, 1, rules[action].cap))
		return -1;
	return rules[action].next[state];
}

int kb_due(const struct wd_calendar *cal, int change_day, int major)
{
	return wd_add(cal, change_day, major ? 1 : 5);
}

void kb_review_month(int day, char out[8])
{
	char iso[11];
	wd_format(day, iso);
	memcpy(out, iso, 7);
	out[7] = '\0';
}

const char *const kb_upd_codes[KBU__MAX] = { "open", "answered", "confirmed", "reopened" };
const char *const kb_upd_labels[KBU__MAX] = { "待处理", "已答复", "已确认", "已退回重办" };

int kb_upd_from_code(const char *code)
{
	for (int s = 0; s < KBU__MAX; s++)
		if (code != NULL && strcmp(kb_upd_codes[s], code) == 0)
			return s;
	return -1;
}

int kb_upd_transition(enum kb_upd_state s, enum kb_upd_action a, int unit_editor,
		      int reporter)
{
	switch (a) {
	case KBU_REPLY:
	case KBU_FIXED:
		return unit_editor && (s == KBU_OPEN || s == KBU_REOPENED) ? KBU_ANSWERED : -1;
	case KBU_CONFIRM:
		return reporter && s == KBU_ANSWERED ? KBU_CONFIRMED : -1;
	case KBU_REOPEN:
		return reporter && s == KBU_ANSWERED ? KBU_REOPENED : -1;
	case KBU_ACTION__MAX:
		break;
	}
	return -1;
}

const char *const kb_problem_codes[] = { "unclear", "incomplete", "wrong", "typo", "need", NULL };
static const char *const kb_problem_labels[] = { "表述不清", "内容不全", "内容错误", "错别字", "知识需求" };

const char *kb_problem_label(const char *code)
{
	for (size_t i = 0; kb_problem_codes[i] != NULL; i++)
		if (code != NULL && strcmp(kb_problem_codes[i], code) == 0)
			return kb_problem_labels[i];
	return NULL;
}

const char *const kb_grant_codes[KBG__MAX] = { "requested", "approved", "granted", "refused" };
const char *const kb_grant_labels[KBG__MAX] = { "待单位审批", "待管理办同意", "已授权", "已拒绝" };

int kb_grant_from_code(const char *code)
{
	for (int s = 0; s < KBG__MAX; s++)
		if (code != NULL && strcmp(kb_grant_codes[s], code) == 0)
			return s;
	return -1;
}

int kb_grant_transition(enum kb_grant_state s, enum kb_grant_action a,
			int owner_approver, int office)
{
	switch (a) {
	case KBG_APPROVE:
		return owner_approver && s == KBG_REQUESTED ? KBG_APPROVED : -1;
	case KBG_CONSENT:
		return office && s == KBG_APPROVED ? KBG_GRANTED : -1;
	case KBG_REFUSE:
		if (s == KBG_REQUESTED && owner_approver)
			return KBG_REFUSED;
		if (s == KBG_APPROVED && office)
			return KBG_REFUSED;
		return -1;
	case KBG_ACTION__MAX:
		break;
	}
	return -1;
}
