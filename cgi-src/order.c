#include "order.h"

#include <stdio.h>
#include <string.h>

#include "actor.h"
#include "arena.h"
#include "roles.h"

const char *const order_state_codes[OS__MAX] = {
	"answered", "three_way", "dispatched", "accepted", "return_requested",
	"replied", "closed", "disputed", "pending", "referred",
};
const char *const order_state_labels[OS__MAX] = {
	"一次性解答", "三方通话解答", "待签收", "办理中", "退回待定",
	"待审核", "已办结", "争议认定中", "待受理", "转其他渠道",
};
const char *const order_action_codes[OA__MAX] = {
	"answer", "three_way", "dispatch", "accept", "note", "reply",
	"return", "close", "send_back", "reopen", "urge", "redispatch",
	"refuse_return", "dispute", "determined", "temporary", "coop", "refer", "merge",
};
const char *const order_action_labels[OA__MAX] = {
	"一次性解答", "三方通话解答", "派单", "签收", "办理进展", "办结回复",
	"申请退回", "审核办结", "退回重办", "重新交办", "催办", "改派",
	"不同意退回", "提请争议认定", "出具认定意见", "临时交办", "配合办理情况",
	"转其他渠道", "合并办理",
};

int order_state_from_code(const char *code)
{
	for (int s = 0; code != NULL && s < OS__MAX; s++)
		if (strcmp(order_state_codes[s], code) == 0)
			return s;
	return -1;
}

#define P(p) (1u << (p))
#define X (-1)
#define NONE OS__MAX   /* column of the creating actions */

/* For each action: who may take it, and the state it leads to from each
 * state (X: not from there). Column NONE is "no order yet". */
static const struct {
	unsigned parties;
	int next[OS__MAX + 1];
} rules[OA__MAX] = {
	/*                    answered three_way dispatched accepted return replied closed disputed pending referred none */
	[OA_ANSWER]         = { P(OP_OPERATOR), { X, X, X, X, X, X, X, X, OS_ANSWERED, X, OS_ANSWERED } },
	[OA_THREE_WAY]      = { P(OP_OPERATOR), { X, X, X, X, X, X, X, X, OS_THREE_WAY, X, OS_THREE_WAY } },
	[OA_DISPATCH]       = { P(OP_OPERATOR), { X, X, X, X, X, X, X, X, OS_DISPATCHED, X, OS_DISPATCHED } },
	[OA_ACCEPT]         = { P(OP_OWN_CLERK), { X, X, OS_ACCEPTED, X, X, X, X, X, X, X, X } },
	[OA_NOTE]           = { P(OP_OWN_CLERK), { X, X, X, OS_ACCEPTED, X, X, X, X, X, X, X } },
	[OA_REPLY]          = { P(OP_OWN_CLERK), { X, X, X, OS_REPLIED, X, X, X, X, X, X, X } },
	[OA_REQUEST_RETURN] = { P(OP_OWN_CLERK), { X, X, OS_RETURN, OS_RETURN, X, X, X, X, X, X, X } },
	[OA_CLOSE]          = { P(OP_OFFICE), { X, X, X, X, X, OS_CLOSED, X, X, X, X, X } },
	[OA_SEND_BACK]      = { P(OP_OFFICE), { X, X, X, X, X, OS_ACCEPTED, X, X, X, X, X } },
	[OA_REOPEN]         = { P(OP_OFFICE), { X, X, X, X, X, X, OS_ACCEPTED, X, X, X, X } },
	[OA_URGE]           = { P(OP_OFFICE), { X, X, OS_DISPATCHED, OS_ACCEPTED, OS_RETURN, X, X, X, X, X, X } },
	[OA_REDISPATCH]     = { P(OP_OFFICE), { X, X, X, X, OS_DISPATCHED, X, X, X, X, X, X } },
	[OA_REFUSE_RETURN]  = { P(OP_OFFICE), { X, X, X, X, OS_DISPATCHED, X, X, X, X, X, X } },
	[OA_OPEN_DISPUTE]   = { P(OP_OFFICE), { X, X, OS_DISPUTED, OS_DISPUTED, OS_DISPUTED, X, X, X, X, X, X } },
	[OA_DETERMINED]     = { P(OP_OFFICE), { X, X, X, X, X, X, X, OS_DISPATCHED, X, X, X } },
	[OA_TEMPORARY]      = { P(OP_OFFICE), { X, X, X, X, X, X, X, OS_DISPUTED, X, X, X } },
	/* Not a change of state, and not a party of the order: a cooperating
	 * unit's part is order_coop_part's own rule. */
	[OA_COOP]           = { 0, { X, X, X, X, X, X, X, X, X, X, X } },
	[OA_REFER]          = { P(OP_OPERATOR), { X, X, X, X, X, X, X, X, OS_REFERRED, X, OS_REFERRED } },
	/* The duplicate closes; order_mergeable says the same of its state. */
	[OA_MERGE]          = { P(OP_OFFICE), { X, X, OS_CLOSED, OS_CLOSED, X, OS_CLOSED, X, X, OS_CLOSED, X, X } },
};

int order_transition(int state, enum order_action action, enum order_party party,
		     int was_accepted)
{
	if (state < 0 || state > OS__MAX || (unsigned)action >= OA__MAX ||
	    (unsigned)party >= OP__MAX)
		return -1;
	if (!(rules[action].parties & P(party)))
		return -1;
	int next = rules[action].next[state];
	if (action == OA_REFUSE_RETURN && next == OS_DISPATCHED && was_accepted)
		next = OS_ACCEPTED;
	return next;
}

int order_next(int state, enum order_action action, unsigned parties, int was_accepted)
{
	for (int p = 0; p < OP__MAX; p++) {
		if (!(parties & P(p)))
			continue;
		int next = order_transition(state, action, (enum order_party)p, was_accepted);
		if (next >= 0)
			return next;
	}
	return -1;
}

int order_ever(enum order_action action, unsigned parties)
{
	for (int s = 0; s < OS__MAX; s++)
		if (order_next(s, action, parties, 0) >= 0 || order_next(s, action, parties, 1) >= 0)
			return 1;
	return 0;
}

unsigned order_parties(const struct actor *ac, long long jur, long long unit)
{
	unsigned m = 0;
	if (caps_allow(ac->caps, 1, CAP_ORDER_INTAKE))
		m |= P(OP_OPERATOR);
	if (caps_allow(ac->caps, 1, CAP_ORDER_HANDLE))
		m |= P(unit != 0 && ac->unit_id == unit ? OP_OWN_CLERK : OP_OTHER_CLERK);
	if (caps_allow(ac->caps, 1, CAP_DISPATCH))
		m |= P(ac->scope_jur == 0 || ac->scope_jur == jur ? OP_OFFICE : OP_OTHER_OFFICE);
	return m ? m : P(OP_NONE);
}

int order_visible(unsigned parties)
{
	return (parties & (P(OP_OPERATOR) | P(OP_OWN_CLERK) | P(OP_OFFICE))) != 0;
}

const char *order_phone_for(struct arena *a, unsigned parties, const char *phone)
{
	if (parties & (P(OP_OPERATOR) | P(OP_OFFICE)))
		return phone;
	size_t n = strlen(phone) + 1;
	char *m = arena_alloc(a, n);
	order_mask_phone(phone, m, n);
	return m;
}

int order_is_open(int state)
{
	return state == OS_DISPATCHED || state == OS_ACCEPTED || state == OS_RETURN;
}

int order_public_open(int state)
{
	return state == OS_PENDING || state == OS_DISPATCHED || state == OS_ACCEPTED ||
	       state == OS_RETURN || state == OS_REPLIED || state == OS_DISPUTED;
}

int order_mergeable(int state)
{
	return order_transition(state, OA_MERGE, OP_OFFICE, 0) >= 0;
}

const struct order_code order_channels[] = {
	{ "phone", "电话" }, { "web", "网站" }, { "wechat", "微信" },
	{ "letter", "信件" }, { "other", "其他" }, { "open311", "开放接口" }, { NULL, NULL },
};
const struct order_code order_satisfactions[] = {
	{ "satisfied", "满意" }, { "basic", "基本满意" },
	{ "dissatisfied", "不满意" }, { NULL, NULL },
};

const char *order_code_label(const struct order_code *t, const char *code)
{
	for (; code != NULL && t->code != NULL; t++)
		if (strcmp(t->code, code) == 0)
			return t->label;
	return NULL;
}

int order_number(char *out, size_t size, const char *jur_code, int day, unsigned seq)
{
	int y, m, d;
	wd_to_ymd(day, &y, &m, &d);
	int n = snprintf(out, size, "%s-%04d%02d%02d-%04u", jur_code, y, m, d, seq);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int order_due(const struct wd_calendar *cal, int dispatch_day, int limit_days)
{
	return wd_add(cal, dispatch_day, limit_days);
}

enum order_urgency order_urgency(const struct wd_calendar *cal, int today, int due)
{
	if (today > due)
		return OU_OVERDUE;
	int next = wd_add(cal, today, 1);
	return due <= next ? OU_DUE_SOON : OU_NONE;
}

void order_mask_phone(const char *phone, char *out, size_t size)
{
	if (size == 0)
		return;
	size_t n = strlen(phone), keep_head, keep_tail;
	if (n >= 11) {          /* mobile numbers: 138****1234 */
		keep_head = 3;
		keep_tail = 4;
	} else if (n >= 8) {    /* local landlines: ****4567 */
		keep_head = 0;
		keep_tail = 4;
	} else {
		keep_head = 0;
		keep_tail = n > 2 ? 2 : 0;
	}
	size_t o = 0;
	for (size_t i = 0; i < n && o + 1 < size; i++) {
		int shown = i < keep_head || i >= n - keep_tail;
		out[o++] = shown ? phone[i] : '*';
	}
	out[o] = '\0';
}

int order_phone_valid(const char *s)
{
	size_t digits = 0, i = 0;
	if (s[0] == '+')
		i++;
	for (; s[i] != '\0'; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != '-' || i == 0 || s[i - 1] < '0' || s[i - 1] > '9' ||
			 s[i + 1] < '0' || s[i + 1] > '9')
			return 0;   /* a '-' only between two digits */
	}
	return digits >= 3 && digits <= 20;
}

/* Keywords as the intake matches them: words separated by single ASCII
 * spaces. Chinese commas, enumeration marks and the ideographic space
 * typed between words become spaces too. */
const char *order_keywords_normal(struct arena *a, const char *s)
{
	static const char *const seps[] = {
		"\xE3\x80\x80", /* U+3000 ideographic space */
		"\xEF\xBC\x8C", /* ， */
		"\xE3\x80\x81", /* 、 */
		"\xEF\xBC\x9B", /* ； */
		",", ";", " ", "\t",
	};
	struct buf b;
	buf_init(&b, a);
	int space = 0;
	while (s != NULL && *s != '\0') {
		size_t sep = 0;
		for (size_t k = 0; k < sizeof seps / sizeof seps[0] && sep == 0; k++)
			if (strncmp(s, seps[k], strlen(seps[k])) == 0)
				sep = strlen(seps[k]);
		if (sep > 0) {
			space = b.len > 0;
			s += sep;
			continue;
		}
		if (space)
			buf_puts(&b, " ");
		space = 0;
		buf_add(&b, s, 1);
		s++;
	}
	return buf_str(&b);
}

int order_keywords_match(struct arena *a, const char *keywords, const char *text, int all)
{
	char *k = arena_strdup(a, keywords), *save = NULL;
	int any = 0;
	for (char *w = strtok_r(k, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		int found = strstr(text, w) != NULL;
		if (all && !found)
			return 0;
		any |= found;
	}
	return all ? 1 : any;
}
