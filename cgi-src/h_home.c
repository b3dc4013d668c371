/* 工作台: what each role may do, and the bare benchmark page. */
#include <string.h>

#include "bulletin_store.h"
#include "handlers.h"
#include "roles.h"
#include "view.h"

struct tile {
	enum cap cap;
	const char *href;   /* NULL: not yet available */
	const char *label;
	const char *text;
};

static const struct tile tiles[] = {
	{ CAP_ADMIN, "/admin/users", "用户与角色", "新增用户，分配单位与角色，停用账户" },
	{ CAP_ADMIN, "/admin/units", "单位管理", "维护各行政区域的单位及其层级" },
	{ CAP_ADMIN, "/admin/jurisdictions", "行政区域", "市及各县（市、区）" },
	{ CAP_CALENDAR_EDIT, "/calendar", "工作日历", "标注法定节假日与调休上班日" },
	{ CAP_AUDIT_READ, "/audit", "审计日志", "查看登录与各项变更记录" },
	{ CAP_KB_SEARCH, "/knowledge", "知识检索", "按问题检索知识库，据规范答案答复" },
	{ CAP_ORDER_INTAKE, NULL, "受理来电", "检索知识库，一次性解答或派发工单" },
	{ CAP_ORDER_HANDLE, NULL, "本单位工单", "签收、办理、回复，或申请退回" },
	{ CAP_KB_EDIT, "/knowledge/mine", "知识维护", "采集、编辑本单位知识" },
	{ CAP_KB_EDIT, "/knowledge/review", "每月审核", "逐月确认本单位已发布知识仍然准确" },
	{ CAP_KB_APPROVE, "/knowledge/pending", "知识审核", "审核发布本单位知识" },
	{ CAP_KB_EDIT, "/knowledge/updates", "知识更新工单", "处理话务员反馈的知识问题与知识需求" },
	{ CAP_KB_EDIT, "/knowledge/grants", "授权与导出", "申请使用其他单位知识，导出本单位知识" },
	{ CAP_DISPATCH, "/knowledge/gaps", "知识缺失", "检索无结果的问题，分派给承办单位" },
	{ CAP_DISPATCH, "/knowledge/overdue", "知识逾期", "各单位逾期未发布的修订与未完成的月度审核" },
	{ CAP_DISPATCH, NULL, "派单与督办", "审核退件，发起争议认定，督办执行" },
	{ CAP_DISPUTE_REVIEW, NULL, "争议审核", "对转来的争议工单提出意见" },
	{ CAP_MEETING, NULL, "联席会议", "召集会议并记录审议结果" },
	{ CAP_DISPATCH, "/assessment", "知识库考核", "按月计算各单位考核得分，设定考核公式" },
	{ CAP_KB_EDIT, "/assessment", "本单位考核", "逐月查看本单位得分和需要整改的问题" },
	{ CAP_QA, "/quality", "解答质检", "每月抽检知识库解答的来电，评定是否准确" },
	{ CAP_DISPATCH, "/bulletins", "通报", "起草、审核、发布月度考核通报" },
	{ CAP_DISPATCH, "/orders/retention", "个人信息保存期限", "来电人姓名和号码在办结工单中保存的月数" },
};

/* The latest bulletins published to the actor's unit: the city's and its
 * jurisdiction's. */
static int fill_bulletins(struct req *r, struct tdict *d)
{
	struct bulletin_row *b;
	size_t n;
	int rc = bulletin_for_unit(r->db, r->a, r->actor->jur_id, 3, &b, &n);
	if (rc != DB_OK)
		return db_status(rc);
	if (n == 0)
		return 0;
	struct tdict *s = tmpl_section(d, "BULLETINS");
	for (size_t i = 0; i < n; i++) {
		struct tdict *row = tmpl_section(s, "BULLETIN");
		tmpl_set_int(row, "ID", b[i].id);
		tmpl_set(row, "TITLE", b[i].title);
		tmpl_set(row, "DATE", b[i].published);
	}
	return 0;
}

int h_home(struct req *r)
{
	struct actor *ac = r->actor;
	struct tdict *d = view_page(r, "工作台", "home/home.tpl");
	tmpl_set(d, "DISPLAY_NAME", ac->display_name);
	tmpl_set(d, "UNIT", ac->unit_name ? ac->unit_name : "未分配单位");
	tmpl_set(d, "JURISDICTION", ac->jur_name ? ac->jur_name : "");
	for (int ro = 0; ro < ROLE__MAX; ro++) {
		if (!(ac->roles & (1u << ro)))
			continue;
		struct tdict *s = tmpl_section(d, "ROLE");
		tmpl_set(s, "LABEL", role_defs[ro].label);
		tmpl_set(s, "DUTY", role_defs[ro].duty);
	}
	if (ac->roles == 0)
		tmpl_show(d, "NO_ROLE");
	for (size_t i = 0; i < sizeof tiles / sizeof tiles[0]; i++) {
		if (!caps_allow(ac->caps, 1, tiles[i].cap))
			continue;
		struct tdict *t = tmpl_section(d, "TILE");
		tmpl_set(t, "LABEL", tiles[i].label);
		tmpl_set(t, "TEXT", tiles[i].text);
		if (tiles[i].href != NULL) {
			struct tdict *l = tmpl_section(t, "LINK");
			tmpl_set(l, "HREF", tiles[i].href);
		} else {
			tmpl_show(t, "SOON");
		}
	}
	int st = fill_bulletins(r, d);
	return st ? st : view_finish(r, 200);
}

/* A fixed page with no session and no database: the benchmark's baseline
 * for what the FastCGI path itself costs. */
int h_hello(struct req *r)
{
	static const char page[] =
		"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
		"<title>hello</title></head><body><p>梅州市12345热线</p></body></html>";
	buf_add(&r->out, page, sizeof page - 1);
	r->status = 200;
	return 200;
}
