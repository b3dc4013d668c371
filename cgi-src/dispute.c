#include "dispute.h"

#include <string.h>

#include "actor.h"
#include "roles.h"
#include "workdays.h"

const char *const dispute_state_codes[DS__MAX] = {
	"open", "establishment", "legal", "meeting", "ready", "determined",
	"accepted", "refused",
};
const char *const dispute_state_labels[DS__MAX] = {
	"转办中", "编办审核中", "法制局审核中", "待联席会议审议", "待出具认定意见",
	"待承办单位接收", "已接收执行", "拒不接收",
};
const char *const dispute_action_codes[DA__MAX] = {
	"unit_opinion", "coordinate", "contact", "refer", "est_opinion", "est_legal",
	"est_temporary", "legal_opinion", "legal_temporary", "propose",
	"meeting_decide", "determine", "accept", "refuse", "account", "unbind",
};
const char *const dispute_action_labels[DA__MAX] = {
	"部门处理意见", "管理办协调情况", "告知来电人", "转市编办认定", "市编办认定意见",
	"转市法制局", "市编办临时处理意见", "市法制局认定意见", "市法制局临时处理意见",
	"提请联席会议", "联席会议决定", "出具认定意见", "接收认定", "拒绝接收", "问责",
	"解除认定约束",
};

int dispute_state_from_code(const char *code)
{
	for (int s = 0; code != NULL && s < DS__MAX; s++)
		if (strcmp(dispute_state_codes[s], code) == 0)
			return s;
	return -1;
}

#define P(p) (1u << (p))
#define X (-1)
#define S (-2)   /* stays in the same state */

/* Who may take each action, and where it leads from each state. */
static const struct {
	unsigned parties;
	int next[DS__MAX];
} rules[DA__MAX] = {
	/*                    open establishment legal meeting ready determined accepted refused */
	[DA_UNIT_OPINION]   = { P(DP_INVOLVED), { S, X, X, X, X, X, X, X } },
	[DA_COORDINATE]     = { P(DP_OFFICE), { S, X, X, X, X, X, X, X } },
	[DA_CONTACT]        = { P(DP_OFFICE), { S, S, S, S, S, S, S, S } },
	[DA_REFER]          = { P(DP_OFFICE), { DS_ESTABLISHMENT, X, X, X, X, X, X, X } },
	[DA_EST_OPINION]    = { P(DP_ESTABLISHMENT), { X, DS_READY, X, X, X, X, X, X } },
	[DA_EST_LEGAL]      = { P(DP_ESTABLISHMENT), { X, DS_LEGAL, X, X, X, X, X, X } },
	[DA_EST_TEMPORARY]  = { P(DP_ESTABLISHMENT), { X, DS_MEETING, X, X, X, X, X, X } },
	[DA_LEGAL_OPINION]  = { P(DP_LEGAL), { X, X, DS_READY, X, X, X, X, X } },
	[DA_LEGAL_TEMPORARY]= { P(DP_LEGAL), { X, X, DS_MEETING, X, X, X, X, X } },
	[DA_PROPOSE]        = { P(DP_OFFICE), { X, X, X, S, X, X, X, X } },
	[DA_MEETING_DECIDE] = { P(DP_CONVENER), { X, X, X, DS_READY, X, X, X, X } },
	[DA_DETERMINE]      = { P(DP_OFFICE), { X, X, X, X, DS_DETERMINED, X, X, X } },
	[DA_ACCEPT]         = { P(DP_LEAD), { X, X, X, X, X, DS_ACCEPTED, X, X } },
	[DA_REFUSE]         = { P(DP_LEAD), { X, X, X, X, X, DS_REFUSED, X, X } },
	[DA_ACCOUNT]        = { P(DP_OFFICE), { X, X, X, X, X, S, S, S } },
	[DA_UNBIND]         = { P(DP_OFFICE), { X, X, X, X, X, S, S, S } },
};

int dispute_transition(int state, enum dispute_action action, unsigned parties,
		       int has_legal, int overdue)
{
	if (state < 0 || state >= DS__MAX || (unsigned)action >= DA__MAX)
		return -1;
	if (!(rules[action].parties & parties))
		return -1;
	if (action == DA_EST_LEGAL && !has_legal)
		return -1;
	/* Accountability needs a refusal, or silence past the deadline. */
	if (action == DA_ACCOUNT && state == DS_DETERMINED && !overdue)
		return -1;
	int next = rules[action].next[state];
	return next == S ? state : next;
}

const struct dispute_code dispute_principles[] = {
	{ "mandate", "职责相近（“三定”规定）" },
	{ "law", "依法依规（法律法规、政策）" },
	{ "timely", "及时解决（利于解决问题、维护群众利益）" },
	{ NULL, NULL },
};

const char *dispute_principle_label(const char *code)
{
	for (const struct dispute_code *p = dispute_principles; code && p->code; p++)
		if (strcmp(p->code, code) == 0)
			return p->label;
	return NULL;
}

int dispute_review_days_ok(int days)
{
	return days >= 3 && days <= 5;
}

int dispute_due(const struct wd_calendar *cal, int day, int days)
{
	return wd_add(cal, day, days);
}

/* Whether the character c[0..n) ends a sentence. */
static int sentence_end(const char *c, size_t n)
{
	static const char *const ends[] = { "\n", "。", "！", "？", "；" };
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (strlen(ends[i]) == n && memcmp(c, ends[i], n) == 0)
			return 1;
	return 0;
}

size_t dispute_form_cut(const char *s, size_t limit)
{
	size_t i = 0, chars = 0, stop = 0;
	while (s[i]) {
		if (chars == limit)
			return stop ? stop : i;
		size_t start = i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		chars++;
		if (chars * 2 > limit && sentence_end(s + start, i - start))
			stop = i;
	}
	return i;
}

#define P(p) (1u << (p))

unsigned dispute_parties(const struct actor *ac, const struct dispute_view *v)
{
	unsigned m = 0;
	int handles = caps_allow(ac->caps, 1, CAP_ORDER_HANDLE);
	int reviews = caps_allow(ac->caps, 1, CAP_DISPUTE_REVIEW);
	if (caps_allow(ac->caps, 1, CAP_DISPATCH) && (ac->scope_jur == 0 || ac->scope_jur == v->jur))
		m |= P(DP_OFFICE);
	if (handles && v->owes_opinion)
		m |= P(DP_INVOLVED);
	if (handles && v->lead && ac->unit_id == v->lead)
		m |= P(DP_LEAD);
	if (reviews && ac->unit_id == v->est)
		m |= P(DP_ESTABLISHMENT);
	if (reviews && v->legal && ac->unit_id == v->legal)
		m |= P(DP_LEGAL);
	if (caps_allow(ac->caps, 1, CAP_MEETING) && ac->unit_id == v->convener)
		m |= P(DP_CONVENER);
	return m;
}

int dispute_visible(const struct actor *ac, const struct dispute_view *v, unsigned parties)
{
	if (parties & P(DP_OFFICE))
		return 1;
	if (v->involved && caps_allow(ac->caps, 1, CAP_ORDER_HANDLE))
		return 1;
	if ((parties & P(DP_ESTABLISHMENT)) && v->state != DS_OPEN)
		return 1;
	if ((parties & P(DP_LEGAL)) && v->referred_legal)
		return 1;
	if (parties & P(DP_CONVENER))
		return v->state == DS_MEETING || v->had_meeting;
	return 0;
}

int dispute_overdue(const struct dispute_view *v, const char *today)
{
	return v->state == DS_DETERMINED && *v->accept_due && strcmp(v->accept_due, today) < 0;
}

const char *dispute_reader(const struct actor *ac)
{
	return caps_allow(ac->caps, 1, CAP_DISPATCH) ? "office"
	       : caps_allow(ac->caps, 1, CAP_DISPUTE_REVIEW) ? "reviewer"
	       : caps_allow(ac->caps, 1, CAP_MEETING) ? "convener"
	       : caps_allow(ac->caps, 1, CAP_ORDER_HANDLE) ? "unit" : "none";
}
