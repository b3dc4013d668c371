#include "audit.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#include "digest.h"

/* Every action code written to the log: audit_add's and hotlinectl's
 * literal codes, and the step engine's prefix plus each action's code
 * ("order." order.c, "dispute." dispute.c, "kb.update." kb_ops.c). */
static const struct { const char *code, *label; } action_labels[] = {
	/* signing in */
	{ "login", "登录" },
	{ "login.failed", "登录失败" },
	{ "login.locked", "锁定期间尝试登录" },
	{ "login.throttled", "登录地址受限" },
	{ "logout", "退出" },
	{ "user.lockout", "账户锁定" },
	/* 系统管理 */
	{ "user.create", "新增用户" },
	{ "user.update", "修改用户" },
	{ "user.deactivate", "停用用户" },
	{ "user.password", "修改密码" },
	{ "user.password_reset", "重置密码" },
	{ "membership.add", "分配角色" },
	{ "membership.deactivate", "停用角色" },
	{ "unit.create", "新增单位" },
	{ "unit.update", "修改单位" },
	{ "unit.deactivate", "停用单位" },
	{ "jurisdiction.create", "新增行政区域" },
	{ "jurisdiction.update", "修改行政区域" },
	{ "category.create", "新增问题分类" },
	{ "category.update", "修改问题分类" },
	{ "category.deactivate", "停用问题分类" },
	{ "routing.create", "新增派单规则" },
	{ "routing.activate", "启用派单规则" },
	{ "routing.deactivate", "停用派单规则" },
	{ "procedure.create", "新增争议认定程序" },
	{ "calendar.set", "标注日历" },
	{ "calendar.import", "导入日历" },
	{ "demo.load", "载入演示数据" },
	/* 知识库 */
	{ "kb.draft", "保存知识草稿" },
	{ "kb.submit", "提交知识审核" },
	{ "kb.withdraw", "撤回知识审核" },
	{ "kb.publish", "审核发布知识" },
	{ "kb.reject", "退回知识修改" },
	{ "kb.redraft", "新建知识修订稿" },
	{ "kb.obsolete", "标注知识失效" },
	{ "kb.review", "知识月度审核" },
	{ "kb.import", "导入知识" },
	{ "kb.export", "导出知识" },
	{ "kb.grant.request", "申请使用他单位知识" },
	{ "kb.grant.approve", "同意他单位使用知识" },
	{ "kb.grant.consent", "管理办同意使用知识" },
	{ "kb.grant.refuse", "拒绝使用知识申请" },
	{ "kb.report", "反馈知识问题" },
	{ "kb.gap.assign", "分派知识需求" },
	{ "kb.update.reply", "答复知识更新工单（不修改）" },
	{ "kb.update.fixed", "发布新版本答复知识更新工单" },
	{ "kb.update.confirm", "确认知识更新" },
	{ "kb.update.reopen", "退回知识更新工单" },
	{ "kb.synonym.add", "新增检索同义词" },
	{ "kb.synonym.delete", "删除检索同义词" },
	{ "kb.synonyms.import", "导入检索同义词" },
	{ "kb.learned.delete", "删除检索学习记录" },
	/* 工单 */
	{ "order.answer", "一次性解答" },
	{ "order.three_way", "三方通话解答" },
	{ "order.dispatch", "派单" },
	{ "order.refer", "转其他渠道" },
	{ "order.merge", "合并重复工单" },
	{ "order.not_duplicate", "取消疑似重复标记" },
	{ "order.open311", "开放接口提交诉求" },
	{ "order.qcode", "重新生成查询码" },
	{ "open311.key", "生成开放接口密钥" },
	{ "open311.revoke", "撤销开放接口密钥" },
	{ "category.service", "设置分类受理范围与开放接口" },
	{ "category.attribute", "新增开放接口附加信息" },
	{ "category.attribute_off", "停用开放接口附加信息" },
	{ "order.accept", "签收工单" },
	{ "order.note", "记录办理进展" },
	{ "order.reply", "办结回复" },
	{ "order.return", "申请退回工单" },
	{ "order.close", "审核办结" },
	{ "order.send_back", "退回重办" },
	{ "order.reopen", "重新交办" },
	{ "order.urge", "催办" },
	{ "order.redispatch", "改派" },
	{ "order.refuse_return", "不同意退回" },
	{ "order.dispute", "提请争议认定" },
	{ "order.determined", "按认定意见派单" },
	{ "order.temporary", "临时交办" },
	{ "kb.people", "更新知识维护责任人" },
	{ "kb.typo.add", "新增错别字" },
	{ "kb.typo.delete", "删除错别字" },
	{ "assess.compute", "计算月度考核" },
	{ "assess.formula", "修改考核公式" },
	{ "qa.draw", "抽取质检样本" },
	{ "qa.mark", "评定质检样本" },
	{ "bulletin.create", "起草通报" },
	{ "bulletin.save", "修改通报草稿" },
	{ "bulletin.approve", "审核通报" },
	{ "bulletin.publish", "发布通报" },
	{ "order.coop", "填写配合办理情况" },
	{ "order.sweep", "超期扫描" },
	{ "order.retention", "设定个人信息保存期限" },
	/* 争议认定 */
	{ "dispute.unit_opinion", "部门处理意见" },
	{ "dispute.coordinate", "管理办协调情况" },
	{ "dispute.contact", "告知来电人" },
	{ "dispute.refer", "转市编办认定" },
	{ "dispute.est_opinion", "市编办认定意见" },
	{ "dispute.est_legal", "转市法制局" },
	{ "dispute.est_temporary", "市编办临时处理意见" },
	{ "dispute.legal_opinion", "市法制局认定意见" },
	{ "dispute.legal_temporary", "市法制局临时处理意见" },
	{ "dispute.propose", "提请联席会议" },
	{ "dispute.meeting_decide", "联席会议决定" },
	{ "dispute.determine", "出具认定意见" },
	{ "dispute.accept", "接收认定" },
	{ "dispute.refuse", "拒绝接收认定" },
	{ "dispute.account", "问责" },
	{ "dispute.unbind", "解除认定约束" },
	{ "dispute.rule", "由认定生成派单规则" },
	{ "meeting.propose", "提请召开联席会议" },
	{ "meeting.schedule", "安排联席会议" },
	{ "meeting.decide", "记录联席会议决定" },
	{ "meeting.held", "记录联席会议召开情况" },
	{ "accountability.close", "问责办结" },
};

const char *audit_action_label(const char *code)
{
	for (size_t i = 0; code != NULL && i < sizeof action_labels / sizeof action_labels[0]; i++)
		if (strcmp(action_labels[i].code, code) == 0)
			return action_labels[i].label;
	return code;
}

static void feed(EVP_MD_CTX *ctx, const char *s)
{
	/* A unit separator between fields keeps "ab"+"c" apart from "a"+"bc". */
	if (s != NULL)
		EVP_DigestUpdate(ctx, s, strlen(s));
	EVP_DigestUpdate(ctx, "\x1f", 1);
}

static void feed_int(EVP_MD_CTX *ctx, long long v)
{
	char n[32];
	snprintf(n, sizeof n, "%lld", v);
	feed(ctx, n);
}

void audit_hash(const struct audit_rec *r, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
	feed_int(ctx, r->id);
	feed(ctx, r->at);
	feed_int(ctx, r->actor_user_id);
	feed_int(ctx, r->actor_unit_id);
	feed_int(ctx, r->actor_jur_id);
	feed(ctx, r->client_addr);
	feed(ctx, r->action);
	feed(ctx, r->object_type);
	feed_int(ctx, r->object_id);
	feed(ctx, r->detail);
	feed(ctx, r->prev_hash);
	EVP_DigestFinal_ex(ctx, md, &len);
	EVP_MD_CTX_free(ctx);
	hex_encode(md, 32, out);
}

void audit_chain(struct audit_rec *rows, size_t n, long long last_seq,
		 const char *last_hash, char (*hashes)[65])
{
	const char *prev = last_hash;
	for (size_t i = 0; i < n; i++) {
		rows[i].seq = last_seq + 1 + (long long)i;
		rows[i].prev_hash = prev;
		audit_hash(&rows[i], hashes[i]);
		rows[i].hash = hashes[i];
		prev = hashes[i];
	}
}

long audit_verify(const struct audit_rec *rows, size_t n, const char *prev_hash)
{
	char h[65];
	for (size_t i = 0; i < n; i++) {
		const char *expect_prev = i == 0 ? prev_hash : rows[i - 1].hash;
		if (rows[i].prev_hash == NULL || rows[i].hash == NULL ||
		    strcmp(rows[i].prev_hash, expect_prev) != 0)
			return (long)i;
		audit_hash(&rows[i], h);
		if (strcmp(h, rows[i].hash) != 0)
			return (long)i;
	}
	return -1;
}
