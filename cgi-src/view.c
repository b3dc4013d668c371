#include "view.h"

#include "open311.h"

#include <string.h>

#include "auth.h"
#include "handlers.h"
#include "roles.h"

struct nav_item {
	enum cap cap;
	const char *href;
	const char *label;
};

static const struct nav_item nav[] = {
	{ CAP_SESSION, "/", "工作台" },
	{ CAP_ORDER_INTAKE, "/orders/new", "受理来电" },
	{ CAP_ORDER_INTAKE, "/orders/mine", "我受理的" },
	{ CAP_ORDER_INTAKE, "/orders/pending", "开放接口待受理" },
	{ CAP_ORDER_HANDLE, "/orders/queue", "本单位工单" },
	{ CAP_DISPATCH, "/orders", "工单查询" },
	{ CAP_DISPATCH, "/orders/returns", "退回申请" },
	{ CAP_DISPATCH, "/orders/duplicates", "疑似重复" },
	{ CAP_DISPATCH, "/disputes", "争议认定" },
	{ CAP_DISPUTE_REVIEW, "/disputes", "争议认定" },
	{ CAP_ORDER_HANDLE, "/disputes", "争议事项" },
	{ CAP_MEETING_READ, "/meetings", "联席会议" },
	{ CAP_DISPATCH, "/accountability", "问责" },
	{ CAP_KB_SEARCH, "/knowledge", "知识检索" },
	{ CAP_KB_EDIT, "/knowledge/mine", "本单位知识" },
	{ CAP_KB_APPROVE, "/knowledge/pending", "知识审核" },
	{ CAP_KB_SEARCH, "/knowledge/updates", "知识更新工单" },
	{ CAP_DISPATCH, "/knowledge/overdue", "知识逾期" },
	{ CAP_DISPATCH, "/knowledge/gaps", "知识缺失" },
	{ CAP_KB_STANDARDS, "/knowledge/synonyms", "检索同义词" },
	{ CAP_KB_STANDARDS, "/knowledge/learned", "检索学习" },
	{ CAP_KB_STANDARDS, "/knowledge/typos", "错别字表" },
	{ CAP_KB_APPROVE, "/knowledge/grants", "知识授权" },
	{ CAP_KB_APPROVE, "/knowledge/people", "知识责任人" },
	{ CAP_DISPATCH, "/knowledge/people", "知识责任人" },
	{ CAP_DISPATCH, "/assessment", "考核" },
	{ CAP_KB_EDIT, "/assessment", "本单位考核" },
	{ CAP_KB_APPROVE, "/assessment", "本单位考核" },
	{ CAP_QA, "/quality", "解答质检" },
	{ CAP_KB_SEARCH, "/bulletins", "通报" },
	{ CAP_ADMIN, "/admin/users", "用户" },
	{ CAP_ADMIN, "/admin/units", "单位" },
	{ CAP_ADMIN, "/admin/jurisdictions", "行政区域" },
	{ CAP_ADMIN, "/admin/categories", "问题分类" },
	{ CAP_ADMIN, "/admin/routing", "派单规则" },
	{ CAP_ADMIN, "/admin/procedures", "争议认定程序" },
	{ CAP_ADMIN, "/admin/open311", "开放接口密钥" },
	{ CAP_SESSION, "/calendar", "工作日历" },
	{ CAP_AUDIT_READ, "/audit", "审计日志" },
	{ CAP_SESSION, "/account/password", "修改密码" },
};

/* Whether nav item i is shown: allowed, and no earlier item shown goes to
 * the same page (several roles reach some pages). */
static int nav_shown(const struct actor *ac, size_t i)
{
	if (!caps_allow(ac->caps, 1, nav[i].cap))
		return 0;
	for (size_t j = 0; j < i; j++)
		if (strcmp(nav[j].href, nav[i].href) == 0 && caps_allow(ac->caps, 1, nav[j].cap))
			return 0;
	return 1;
}

static void fill_layout(struct req *r, struct tdict *root, const char *title)
{
	tmpl_set(root, "TITLE", title);
	struct actor *ac = r->actor;
	if (ac == NULL)
		return;
	struct tdict *u = tmpl_section(root, "USER");
	tmpl_set(u, "DISPLAY_NAME", ac->display_name);
	tmpl_set(u, "UNIT", ac->unit_name ? ac->unit_name : "未分配单位");
	tmpl_set(u, "CSRF", ac->csrf);
	size_t plen = strlen(r->path);
	for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++) {
		if (!nav_shown(ac, i))
			continue;
		struct tdict *n = tmpl_section(root, "NAV");
		tmpl_set(n, "HREF", nav[i].href);
		tmpl_set(n, "LABEL", nav[i].label);
		size_t hl = strlen(nav[i].href);
		if (strcmp(r->path, nav[i].href) == 0 ||
		    (hl > 1 && plen > hl && strncmp(r->path, nav[i].href, hl) == 0 &&
		     r->path[hl] == '/'))
			tmpl_show(n, "CURRENT");
	}
}

/* The notices a redirect after a change may ask for with ?done=CODE. */
static const struct { const char *code, *msg; } done_msgs[] = {
	{ "saved", "已保存。" },
	{ "created", "已新增。" },
	{ "password", "密码已重置，该用户需用新密码重新登录。" },
	{ "deactivated", "已停用。" },
	{ "voted", "感谢您的评价。" },
	{ "dispatched", "工单已派发。" },
	{ "answered", "已记录并办结。" },
	{ "refer_recorded", "已按口径答复，记录为转其他渠道，不形成工单。" },
	{ "merged", "已合并：重复工单已办结并链接到本工单，来电人计入本工单，本工单办结时一并答复。" },
	{ "qcode", "已重新生成查询码，原查询码随即失效。" },
	{ "taken", "该诉求已受理。" },
	{ "not_duplicate", "已取消疑似重复标记。" },
	{ "revoked", "密钥已撤销。" },
	{ "accepted", "已签收。" },
	{ "replied", "已提交办结回复，等待管理办审核。" },
	{ "return_asked", "退回申请已提交，等待管理办决定；工单仍在本单位。" },
	{ "coop", "配合办理情况已记录，已写入工单办理过程。" },
	{ "closed", "工单已办结。" },
	{ "sent_back", "已退回承办单位重办。" },
	{ "reopened", "已重新交办。" },
	{ "urged", "已催办。" },
	{ "redispatched", "已改派。" },
	{ "refused", "已不同意退回，工单交回原承办单位。" },
	{ "disputed", "已提请争议认定。" },
	{ "sealed", "意见已盖章提交。" },
	{ "referred", "已转办。" },
	{ "determined", "认定意见已出具，工单已派至牵头单位。" },
	{ "unbound", "认定约束已解除，牵头单位可以再次申请退回。" },
	{ "rule", "已生成派单规则。" },
	{ "proposed", "已提请召开联席会议。" },
	{ "scheduled", "会议已安排。" },
	{ "decided", "会议决定已记录。" },
	{ "held", "会议已记录。" },
	{ "voted_before", "您今天已评价过此条，感谢。" },
	{ "deleted", "已删除。" },
	{ "submitted", "已提交审核。" },
	{ "withdrawn", "已撤回，可继续修改。" },
	{ "published", "已发布。" },
	{ "rejected", "已退回修改。" },
	{ "computed", "本月考核已计算。" },
	{ "drawn", "已抽取样本。" },
	{ "marked", "已记录质检结论。" },
	{ "marked_update", "已记录为解答不准确，并向条目所属单位发出知识更新工单。" },
	{ "approved", "已审核通过，可以发布。" },
};

static void done_notice(struct req *r, struct tdict *root)
{
	const char *done = r->f[F_DONE].s;
	for (size_t i = 0; done && i < sizeof done_msgs / sizeof done_msgs[0]; i++)
		if (strcmp(done, done_msgs[i].code) == 0)
			tmpl_set(tmpl_section(root, "NOTICE"), "MSG", done_msgs[i].msg);
}

struct tdict *view_page(struct req *r, const char *title, const char *tpl)
{
	struct tdict *root = tmpl_dict(r->a);
	fill_layout(r, root, title);
	done_notice(r, root);
	struct tdict *body = tmpl_include(root, "BODY", tpl);
	tmpl_set(body, "CSRF", auth_csrf_token(r));
	r->layout = root;
	return body;
}

struct tdict *view_public_page(struct req *r, const char *title, const char *tpl)
{
	struct tdict *root = tmpl_dict(r->a);
	tmpl_set(root, "TITLE", title);
	done_notice(r, root);
	struct tdict *body = tmpl_include(root, "BODY", tpl);
	/* The same for every visitor (no token, no cookie), so nginx may keep
	 * it a few seconds; a page with a notice is one visitor's own. */
	if (r->f[F_DONE].s == NULL)
		r->max_age = r->cfg->public_max_age;
	r->layout = root;
	r->layout_file = "layout/public.tpl";
	return body;
}

int view_finish(struct req *r, int status)
{
	r->out.len = 0;
	if (tmpl_render(r->layout_file ? r->layout_file : "layout/page.tpl",
			r->layout, &r->out) < 0) {
		r->out.len = 0;
		r->err_msg = NULL;
		view_error(r, 500);
		return 500;
	}
	r->status = status;
	return status;
}

void view_notice(struct req *r, const char *msg)
{
	struct tdict *n = tmpl_section(r->layout, "NOTICE");
	tmpl_set(n, "MSG", msg);
}

void view_alert(struct req *r, const char *msg)
{
	struct tdict *n = tmpl_section(r->layout, "ALERT");
	tmpl_set(n, "MSG", msg);
}

static const char *default_message(int status)
{
	switch (status) {
	case 400: return "请求的内容不正确，请检查后重试。";
	case 403: return "您无权访问此页面或进行此操作。";
	case 404: return "您访问的页面不存在。";
	case 405: return "不支持此请求方式。";
	case 409: return "数据已被他人修改，请刷新后重试。";
	case 413: return "提交的内容过大。";
	case 415: return "不支持此提交格式。";
	case 503: return "系统暂时无法连接数据库，请稍后再试。";
	default: return "系统内部错误，请稍后再试。";
	}
}

static const char *title_for(int status)
{
	switch (status) {
	case 400: return "请求有误";
	case 403: return "无权访问";
	case 404: return "页面不存在";
	case 405: return "请求方式不支持";
	case 409: return "数据冲突";
	case 413: return "请求内容过大";
	case 415: return "格式不支持";
	case 503: return "服务暂时不可用";
	default: return "系统错误";
	}
}

/* Used only when the error template itself cannot be rendered. */
static const char fallback[] =
	"<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
	"<title>系统错误</title></head><body><h1>系统错误</h1>"
	"<p>请稍后再试。</p></body></html>";

/* Whether path is path prefix p or below it. */
static int under(const char *path, const char *p)
{
	size_t n = strlen(p);
	return path && strncmp(path, p, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

void view_error(struct req *r, int status)
{
	r->status = status;
	r->ctype = NULL;
	r->out.len = 0;
	/* Other systems read the errors of Open311 in its own form. */
	if (o311_path(r->path)) {
		open311_error(r, status);
		return;
	}
	/* The public pages' errors keep the public layout and links. */
	int public = under(r->path, "/kb") || under(r->path, "/status");
	struct tdict *root = tmpl_dict(r->a);
	if (public)
		tmpl_set(root, "TITLE", title_for(status));
	else
		fill_layout(r, root, title_for(status));
	struct tdict *body = tmpl_include(root, "BODY", "error/error.tpl");
	tmpl_show(body, public ? "PUBLIC" : "STAFF");
	tmpl_set_int(body, "STATUS", status);
	tmpl_set(body, "HEADING", title_for(status));
	tmpl_set(body, "MESSAGE", r->err_msg ? r->err_msg : default_message(status));
	if (r->actor == NULL && status == 403)
		tmpl_show(body, "LOGIN");
	if (tmpl_render(public ? "layout/public.tpl" : "layout/page.tpl", root,
			&r->out) < 0) {
		r->out.len = 0;
		buf_add(&r->out, fallback, sizeof fallback - 1);
	}
}

/* "<FORM>_<name>" (or "<name>" for form "") in capitals. */
static const char *form_key(struct req *r, const char *form, const char *name)
{
	char *k = arena_printf(r->a, "%s%s%s", form, *form ? "_" : "", name);
	for (char *p = k; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return k;
}

static int is_choice(const char *field)
{
	size_t n = strlen(field);
	return (n > 3 && strcmp(field + n - 3, "_id") == 0) || strcmp(field, "principle") == 0 ||
	       strcmp(field, "satisfaction") == 0;
}

void view_refused_form(struct req *r, struct tdict *d, const char *form, const char *msg,
		       const enum field *typed, size_t ntyped, const char *const *missing,
		       size_t nmissing)
{
	tmpl_set(tmpl_section(d, form_key(r, form, "REFUSED")), "MSG",
		 msg ? msg : "未能提交，请检查后重新提交。");
	for (size_t i = 0; i < ntyped; i++)
		tmpl_set(d, form_key(r, form, arena_printf(r->a, "V_%s", field_defs[typed[i]].name)),
			 req_str(r, typed[i]));
	for (size_t i = 0; i < nmissing; i++)
		view_mark_field(r, d, form, missing[i],
				is_choice(missing[i]) ? "请选择此项。" : "请填写此项。");
}

void view_mark_field(struct req *r, struct tdict *d, const char *form, const char *field,
		     const char *msg)
{
	tmpl_set(tmpl_section(d, form_key(r, form, arena_printf(r->a, "ERR_%s", field))), "MSG",
		 msg);
}
