/* Work orders (工单): states, actions and who may take them, channels,
 * callback results, numbers, deadlines and phone masking. Pure: no I/O.
 * Requirements U1, U2, D3, D4.1; the tables are in order.c. */
#ifndef ORDER_H
#define ORDER_H
#include <stddef.h>
#include "workdays.h"

enum order_state {
	OS_ANSWERED,      /* 一次性解答: answered from a knowledge entry; closed */
	OS_THREE_WAY,     /* 三方通话解答: answered with a unit on the line; closed */
	OS_DISPATCHED,    /* 待签收: sent to a unit */
	OS_ACCEPTED,      /* 办理中: the unit signed for it */
	OS_RETURN,        /* 退回待定: the unit asked to return it (D3) */
	OS_REPLIED,       /* 待审核: the unit replied with its result */
	OS_CLOSED,        /* 已办结 */
	OS_DISPUTED,      /* 争议认定中: the determination procedure decides */
	OS_PENDING,       /* 待受理: filed through Open311, waiting for an operator */
	OS_REFERRED,      /* 转其他渠道: a matter for 110, courts, 信访 ...; closed */
	OS__MAX
};

enum order_action {
	OA_ANSWER,        /* operator: close the call from an entry */
	OA_THREE_WAY,     /* operator: close the call after a three-way call */
	OA_DISPATCH,      /* operator: create and send to a unit */
	OA_ACCEPT,        /* clerk: 签收 */
	OA_NOTE,          /* clerk: a progress note */
	OA_REPLY,         /* clerk: 办结回复 */
	OA_REQUEST_RETURN,/* clerk: ask to return it, with reason, basis, unit */
	OA_CLOSE,         /* office: accept the reply, record the callback */
	OA_SEND_BACK,     /* office: the reply is not good enough, with a reason */
	OA_REOPEN,        /* office: the caller was 不满意; the unit handles again */
	OA_URGE,          /* office: 催办 */
	OA_REDISPATCH,    /* office: grant the return, send to another unit */
	OA_REFUSE_RETURN, /* office: refuse the return, with a reason */
	OA_OPEN_DISPUTE,  /* office: refer it to the determination procedure */
	OA_DETERMINED,    /* office: the determination sends it to the lead unit */
	OA_TEMPORARY,     /* office: an interim opinion hands it to a unit meanwhile */
	OA_COOP,          /* a cooperating unit records its part (order_coop_part) */
	OA_REFER,         /* operator: answer with the category's script, refer elsewhere */
	OA_MERGE,         /* office: close a duplicate into its master order */
	OA__MAX
};

/* Who the actor is with respect to one order. */
enum order_party {
	OP_OPERATOR,      /* the call centre (CAP_ORDER_INTAKE) */
	OP_OWN_CLERK,     /* a clerk of the order's handling unit */
	OP_OTHER_CLERK,   /* a clerk of any other unit */
	OP_OFFICE,        /* the management office of the order's jurisdiction */
	OP_OTHER_OFFICE,  /* an office whose scope does not reach the order */
	OP_NONE,          /* anyone else */
	OP__MAX
};

extern const char *const order_state_codes[OS__MAX];
extern const char *const order_state_labels[OS__MAX];
extern const char *const order_action_codes[OA__MAX];
extern const char *const order_action_labels[OA__MAX];
int order_state_from_code(const char *code);

/* The state after action, or -1 when party may not take it from state.
 * The creating actions (answer, three-way, dispatch) take OS__MAX as the
 * state ("no order yet"). A refused return goes back to where it was:
 * accepted when the unit had signed for it (was_accepted), else dispatched. */
int order_transition(int state, enum order_action action, enum order_party party,
		     int was_accepted);
/* The same over a set of parties (bit n = enum order_party n): the first
 * party that may take the action decides. */
int order_next(int state, enum order_action action, unsigned parties, int was_accepted);
/* Whether the parties could take the action from some state: tells a
 * wrong state (409) from a wrong role or unit (403). */
int order_ever(enum order_action action, unsigned parties);

/* The parties the actor is for an order of jurisdiction jur handled by
 * unit (0: none); never 0 (OP_NONE at least). */
struct actor;
unsigned order_parties(const struct actor *ac, long long jur, long long unit);
/* The call centre, the office in scope and the handling unit see an
 * order; nobody else learns that it exists. */
int order_visible(unsigned parties);

/* Whether the order is still with a unit (in its queue). */
int order_is_open(int state);
/* Open311's two statuses: 1 while the order is being handled (pending,
 * with a unit, disputed, replied but not closed), 0 once it is finished. */
int order_public_open(int state);
/* Whether an order in state may be merged into another (as the duplicate):
 * waiting or with a unit, no return or dispute under way. */
int order_mergeable(int state);

/* Channels (来源渠道) and callback results (回访结果): code <-> label. */
struct order_code { const char *code, *label; };
extern const struct order_code order_channels[];     /* NULL-terminated */
extern const struct order_code order_satisfactions[];/* NULL-terminated */
const char *order_code_label(const struct order_code *t, const char *code);

/* "meizhou-20261129-0007": jurisdiction code, Beijing date, sequence.
 * Returns -1 when out is too small. */
int order_number(char *out, size_t size, const char *jur_code, int day, unsigned seq);

/* Due date: the dispatch day plus the category's working days. */
int order_due(const struct wd_calendar *cal, int dispatch_day, int limit_days);
/* Queue bucket of an open order on day today. */
enum order_urgency { OU_NONE, OU_DUE_SOON, OU_OVERDUE };
enum order_urgency order_urgency(const struct wd_calendar *cal, int today, int due);

/* A caller's number as a member unit sees it: 138****1234. Keeps the first
 * three and last four characters of numbers of eleven or more, the last
 * four of eight to ten (landlines: ****4567), the last two of shorter
 * ones. out has room for size. */
void order_mask_phone(const char *phone, char *out, size_t size);
/* The caller's number as the parties may see it: whole for the call
 * centre and the office, masked for units (arena-allocated then). */
struct arena;
const char *order_phone_for(struct arena *a, unsigned parties, const char *phone);
/* Whether s is a plausible phone number: 3-20 digits, optionally with
 * one leading '+' and '-' separators. */
int order_phone_valid(const char *s);

/* Keywords as the intake matches them: words separated by single ASCII
 * spaces; Chinese commas, enumeration marks and the ideographic space typed
 * between words become spaces too. Arena memory. */
const char *order_keywords_normal(struct arena *a, const char *s);
/* Whether the (normalised) keywords occur in text: every one of them
 * (all, a routing rule's) or any one (a referral's). */
int order_keywords_match(struct arena *a, const char *keywords, const char *text, int all);

#endif
