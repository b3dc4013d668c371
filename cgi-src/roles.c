#include "roles.h"

#include <string.h>

const struct role_def role_defs[ROLE__MAX] = {
	{ "operator", "话务员", "检索知识库，受理来电，创建并派发工单，反馈知识问题" },
	{ "clerk", "经办人", "办理本单位工单：签收、回复、申请退回" },
	{ "kb_editor", "知识库专员", "采集、编辑本单位知识，完成每月审核" },
	{ "kb_approver", "分管领导", "审核发布本单位知识" },
	{ "coordinator", "管理办", "派单、审核退件、发起并推进争议认定、督办" },
	{ "reviewer", "审核人", "对转来的争议工单提出审核意见" },
	{ "convener", "召集人", "召集联席会议并记录审议结果" },
	{ "admin", "系统管理员", "管理行政区域、单位、用户、角色与工作日历" },
	{ "inspector", "质检员", "每月抽检知识库解答的来电，评定是否准确" },
};

const char *const cap_labels[CAP__MAX] = {
	"未指定",          /* CAP_NONE */
	"公开访问",        /* CAP_PUBLIC */
	"登录使用",        /* CAP_SESSION */
	"系统管理",        /* CAP_ADMIN */
	"维护工作日历",    /* CAP_CALENDAR_EDIT */
	"查看审计日志",    /* CAP_AUDIT_READ */
	"检索知识库",      /* CAP_KB_SEARCH */
	"受理来电",        /* CAP_ORDER_INTAKE */
	"办理工单",        /* CAP_ORDER_HANDLE */
	"维护知识",        /* CAP_KB_EDIT */
	"审核知识",        /* CAP_KB_APPROVE */
	"派单与督办",      /* CAP_DISPATCH */
	"争议审核",        /* CAP_DISPUTE_REVIEW */
	"召集联席会议",    /* CAP_MEETING */
	"查看联席会议",    /* CAP_MEETING_READ */
	"知识检索标准",    /* CAP_KB_STANDARDS */
	"解答质检",        /* CAP_QA */
};

#define B(c) (1ULL << (c))

/* The matrix of DESIGN.md; CAP_PUBLIC and CAP_SESSION are implied. */
static const unsigned long long matrix[ROLE__MAX] = {
	B(CAP_KB_SEARCH) | B(CAP_ORDER_INTAKE),                 /* ROLE_OPERATOR */
	B(CAP_KB_SEARCH) | B(CAP_ORDER_HANDLE),                 /* ROLE_CLERK */
	B(CAP_KB_SEARCH) | B(CAP_KB_EDIT),                      /* ROLE_KB_EDITOR */
	B(CAP_KB_SEARCH) | B(CAP_KB_APPROVE),                   /* ROLE_KB_APPROVER */
	B(CAP_KB_SEARCH) | B(CAP_DISPATCH) | B(CAP_AUDIT_READ) |
	B(CAP_KB_STANDARDS) | B(CAP_MEETING_READ) | B(CAP_QA),  /* ROLE_COORDINATOR */
	B(CAP_KB_SEARCH) | B(CAP_DISPUTE_REVIEW),               /* ROLE_REVIEWER */
	B(CAP_KB_SEARCH) | B(CAP_MEETING) | B(CAP_MEETING_READ),/* ROLE_CONVENER */
	B(CAP_ADMIN) | B(CAP_CALENDAR_EDIT) | B(CAP_AUDIT_READ),/* ROLE_ADMIN */
	B(CAP_KB_SEARCH) | B(CAP_QA),                           /* ROLE_INSPECTOR */
};

unsigned long long role_caps(enum role r)
{
	if ((unsigned)r >= ROLE__MAX)
		return 0;
	return matrix[r] | B(CAP_PUBLIC) | B(CAP_SESSION);
}

unsigned long long roles_caps(unsigned roles)
{
	unsigned long long caps = 0;
	for (int r = 0; r < ROLE__MAX; r++)
		if (roles & (1u << r))
			caps |= role_caps((enum role)r);
	return caps;
}

int role_from_code(const char *code)
{
	for (int r = 0; r < ROLE__MAX; r++)
		if (strcmp(role_defs[r].code, code) == 0)
			return r;
	return -1;
}

int caps_allow(unsigned long long caps, int signed_in, enum cap cap)
{
	if (cap == CAP_NONE)
		return 0;
	if (cap == CAP_PUBLIC)
		return 1;
	if (!signed_in)
		return 0;
	if (cap == CAP_SESSION)
		return 1;
	return (unsigned)cap < CAP__MAX && (caps & B(cap)) != 0;
}
