/* Disputed orders (D2-D8): the determination procedure's states, actions
 * and who may take them, the principles of D4, and the procedure a
 * dispute follows. Pure: no I/O. The table is in dispute.c. */
#ifndef DISPUTE_H
#define DISPUTE_H
#include <stddef.h>

enum dispute_state {
	DS_OPEN,          /* 转办中: units give opinions, the office coordinates */
	DS_ESTABLISHMENT, /* 编办审核中 */
	DS_LEGAL,         /* 法制局审核中 */
	DS_MEETING,       /* 待联席会议审议 (a temporary opinion was given) */
	DS_READY,         /* 待出具认定意见: an office or the meeting decided */
	DS_DETERMINED,    /* 已出具认定意见, waiting for the lead unit to accept */
	DS_ACCEPTED,      /* 承办单位已接收 */
	DS_REFUSED,       /* 承办单位拒不接收 */
	DS__MAX
};

enum dispute_action {
	DA_UNIT_OPINION,  /* an involved unit: its handling opinion */
	DA_COORDINATE,    /* office: 协调情况, sealed */
	DA_CONTACT,       /* office: the caller was told how it stands */
	DA_REFER,         /* office: refer the form to 编办 */
	DA_EST_OPINION,   /* 编办: lead unit, principle, basis; sealed */
	DA_EST_LEGAL,     /* 编办: refer on to 法制局, with a reason */
	DA_EST_TEMPORARY, /* 编办: temporary handling opinion, ask a meeting */
	DA_LEGAL_OPINION, /* 法制局: as 编办, laws as basis */
	DA_LEGAL_TEMPORARY,
	DA_PROPOSE,       /* office: put it on a joint meeting's agenda */
	DA_MEETING_DECIDE,/* convener: the meeting's decision */
	DA_DETERMINE,     /* office: issue the 认定意见; the order goes to the lead */
	DA_ACCEPT,        /* lead unit: accept */
	DA_REFUSE,        /* lead unit: refuse, with its reason */
	DA_ACCOUNT,       /* office: raise an accountability record (问责) */
	DA_UNBIND,        /* office: lift the determination's binding, with a reason */
	DA__MAX
};

enum dispute_party {
	DP_OFFICE,        /* the management office in scope */
	DP_INVOLVED,      /* a clerk of an involved unit that has not answered */
	DP_LEAD,          /* a clerk of the determined lead unit */
	DP_ESTABLISHMENT, /* a reviewer of the procedure's 编办 */
	DP_LEGAL,         /* a reviewer of the procedure's 法制局 */
	DP_CONVENER,      /* the procedure's convener (市府办公室) */
	DP__MAX
};

extern const char *const dispute_state_codes[DS__MAX];
extern const char *const dispute_state_labels[DS__MAX];
extern const char *const dispute_action_codes[DA__MAX];
extern const char *const dispute_action_labels[DA__MAX];
int dispute_state_from_code(const char *code);

/* The state after action for a holder of the parties bitmask (bit n =
 * enum dispute_party n), or -1. has_legal: the procedure has a 法制局
 * step; overdue: the lead unit's time to accept has passed (an
 * accountability record needs a refusal or that silence). */
int dispute_transition(int state, enum dispute_action action, unsigned parties,
		       int has_legal, int overdue);

/* What the rules know of one dispute, as the actor sees it. */
struct dispute_view {
	int state;
	long long jur, est, legal, convener, lead, order_id, category;
	int review_days, accept_days;
	const char *accept_due;   /* "" when none */
	int referred_legal;       /* 编办 referred it on to 法制局 */
	int had_meeting;          /* a joint meeting decided it */
	int involved;             /* the actor's unit is an involved unit */
	int owes_opinion;         /* ... that has not given its opinion */
	int unbound;              /* the office lifted the determination's binding */
};
struct actor;
/* The parties (bit n = enum dispute_party n) the actor is for it. */
unsigned dispute_parties(const struct actor *ac, const struct dispute_view *v);
/* Who sees a dispute: the office in scope, its involved and lead units,
 * the 编办 once it is referred, the 法制局 once referred on, the convener
 * once a meeting is asked for. */
int dispute_visible(const struct actor *ac, const struct dispute_view *v, unsigned parties);
/* Whether the lead unit's time to accept (accept_due) is past on today. */
int dispute_overdue(const struct dispute_view *v, const char *today);
/* Which list of disputes the actor reads (dispute_list's who): "office",
 * "reviewer", "convener", "unit" (only to those who handle its orders),
 * else "none"; the same rule as dispute_visible. */
const char *dispute_reader(const struct actor *ac);

/* D4: the principle an opinion applies. */
struct dispute_code { const char *code, *label; };
extern const struct dispute_code dispute_principles[]; /* NULL-terminated */
const char *dispute_principle_label(const char *code);

/* Review days must be 3 to 5 (D6.2). */
int dispute_review_days_ok(int days);

/* A step's deadline: days working days after day (the step's start). */
struct wd_calendar;
int dispute_due(const struct wd_calendar *cal, int day, int days);

/* 争议认定表: a cell of the printed form holds about limit characters
 * (code points, not bytes). Returns how many bytes of s the cell prints:
 * all of s when it has at most limit characters; else a prefix of at most
 * limit characters that ends after the last sentence end (。！？； or a
 * line break) in its second half, or after exactly limit characters when
 * there is none. Never cuts inside a UTF-8 sequence. The whole text then
 * goes on a continuation page (附页). */
size_t dispute_form_cut(const char *s, size_t limit);

#endif
