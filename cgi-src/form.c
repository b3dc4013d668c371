#include "form.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "workdays.h"

/* Written here rather than taken from libxml2: xmlCheckUTF8 accepts
 * overlong forms and surrogates, which must not pass the boundary. */
int utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t len;
		unsigned cp, min;
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2; cp = c & 0x1F; min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3; cp = c & 0x0F; min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4; cp = c & 0x07; min = 0x10000;
		} else {
			return 0;
		}
		if (n - i < len)
			return 0;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes s[0..n) (with '+' as space) into arena memory; -1 on a bad escape
 * or invalid UTF-8. */
static int decode(struct arena *a, const char *s, size_t n, char **out,
		  size_t *out_len)
{
	char *d = arena_alloc(a, n + 1);
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			d[j++] = ' ';
		} else if (s[i] == '%') {
			if (n - i < 3)
				return -1;
			int hi = hexval((unsigned char)s[i + 1]);
			int lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			d[j++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			d[j++] = s[i];
		}
	}
	d[j] = '\0';
	if (!utf8_valid(d, j))
		return -1;
	*out = d;
	*out_len = j;
	return 0;
}

int form_parse_urlencoded(struct arena *a, const char *s, size_t n,
			  struct kvlist *out)
{
	size_t count = 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '&')
			count++;
	out->v = arena_alloc(a, count * sizeof *out->v);
	out->n = 0;
	size_t start = 0;
	while (start <= n) {
		const char *p = s + start;
		const char *amp = memchr(p, '&', n - start);
		size_t len = amp ? (size_t)(amp - p) : n - start;
		if (len > 0) {
			const char *eq = memchr(p, '=', len);
			size_t klen = eq ? (size_t)(eq - p) : len;
			char *k, *v;
			size_t kl, vl;
			if (decode(a, p, klen, &k, &kl) < 0)
				return -1;
			if (eq) {
				if (decode(a, eq + 1, len - klen - 1, &v, &vl) < 0)
					return -1;
			} else {
				v = arena_strdup(a, "");
				vl = 0;
			}
			out->v[out->n].key = k;
			out->v[out->n].val = v;
			out->v[out->n].val_len = vl;
			out->n++;
		}
		start += len + 1;
	}
	return 0;
}

const char *kv_get(const struct kvlist *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return l->v[i].val;
	return NULL;
}

static size_t utf8_chars(const char *s, size_t n);

const char *form_trim(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	for (;;) {
		if (n > 0 && (s[0] == ' ' || s[0] == '\t')) {
			s++;
			n--;
		} else if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
			s += 3;
			n -= 3;
		} else {
			break;
		}
	}
	for (;;) {
		if (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	return arena_strndup(a, s, n);
}

#define ATTR_PREFIX "attribute["
#define ATTR_MAX 50

/* Whether s[0..n) is a code: ASCII letters, digits, '-', '_', '.'. */
static int is_code(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '.'))
			return 0;
	}
	return n > 0;
}

int form_attributes(struct arena *a, const struct kvlist *l, struct kv **out, size_t *n)
{
	*n = 0;
	*out = arena_alloc(a, (ATTR_MAX + 1) * sizeof **out);
	const size_t plen = sizeof ATTR_PREFIX - 1;
	for (size_t i = 0; i < l->n; i++) {
		const char *k = l->v[i].key;
		if (strncmp(k, ATTR_PREFIX, plen) != 0)
			continue;
		size_t klen = strlen(k);
		if (klen < plen + 2 || k[klen - 1] != ']' || klen - plen - 1 > 40 ||
		    !is_code(k + plen, klen - plen - 1) || *n == ATTR_MAX ||
		    utf8_chars(l->v[i].val, l->v[i].val_len) > 1000)
			return -1;
		for (const char *p = l->v[i].val; *p; p++)
			if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r')
				return -1;
		const char *code = arena_strndup(a, k + plen, klen - plen - 1);
		for (size_t j = 0; j < *n; j++)
			if (strcmp((*out)[j].key, code) == 0)
				return -1;
		(*out)[*n] = (struct kv){ code, l->v[i].val, l->v[i].val_len };
		(*n)++;
	}
	return 0;
}

const struct field_def field_defs[F__MAX] = {
	{ "csrf", "安全令牌", V_RAW, 128, 0, 0 },                 /* F_CSRF */
	{ "username", "用户名", V_CODE, 64, 0, 0 },               /* F_USERNAME */
	{ "password", "密码", V_LINE, 256, 0, 0 },                /* F_PASSWORD */
	{ "new_password", "新密码", V_LINE, 256, 0, 0 },          /* F_NEW_PASSWORD */
	{ "new_password2", "确认新密码", V_LINE, 256, 0, 0 },     /* F_NEW_PASSWORD2 */
	{ "next", "跳转地址", V_LINE, 512, 0, 0 },                /* F_NEXT */
	{ "name", "名称", V_LINE, 100, 0, 0 },                    /* F_NAME */
	{ "code", "编码", V_CODE, 32, 0, 0 },                     /* F_CODE */
	{ "kind", "类型", V_CODE, 32, 0, 0 },                     /* F_KIND */
	{ "parent_id", "上级", V_INT, 20, 0, 2147483647 },        /* F_PARENT_ID */
	{ "jurisdiction_id", "行政区域", V_INT, 20, 1, 2147483647 }, /* F_JURISDICTION_ID */
	{ "unit_id", "单位", V_INT, 20, 1, 2147483647 },          /* F_UNIT_ID */
	{ "user_id", "用户", V_INT, 20, 1, 2147483647 },          /* F_USER_ID */
	{ "role", "角色", V_CODE, 32, 0, 0 },                     /* F_ROLE */
	{ "display_name", "姓名", V_LINE, 100, 0, 0 },            /* F_DISPLAY_NAME */
	{ "phone", "电话", V_LINE, 40, 0, 0 },                    /* F_PHONE */
	{ "active", "启用", V_FLAG, 8, 0, 0 },                    /* F_ACTIVE */
	{ "date", "日期", V_DATE, 10, 0, 0 },                     /* F_DATE */
	{ "day_kind", "日期类型", V_CODE, 16, 0, 0 },             /* F_DAY_KIND */
	{ "month", "月份", V_LINE, 7, 0, 0 },                     /* F_MONTH */
	{ "q", "查询", V_LINE, 200, 0, 0 },                       /* F_Q */
	{ "page", "页码", V_INT, 10, 1, 100000 },                 /* F_PAGE */
	{ "done", "结果", V_CODE, 16, 0, 0 },                     /* F_DONE */
	{ "before", "起始编号", V_INT, 20, 1, 9223372036854775807LL }, /* F_BEFORE */
	{ "from", "起始日期", V_DATE, 10, 0, 0 },                 /* F_FROM */
	{ "to", "截止日期", V_DATE, 10, 0, 0 },                   /* F_TO */
	{ "n", "工作日数", V_INT, 4, 0, 3650 },                   /* F_N */
	{ "title", "标题", V_LINE, 200, 0, 0 },                   /* F_TITLE */
	{ "keywords", "关键词", V_LINE, 200, 0, 0 },              /* F_KEYWORDS */
	{ "visibility", "公开范围", V_CODE, 16, 0, 0 },           /* F_VISIBILITY */
	{ "major", "重大或时效性强", V_FLAG, 8, 0, 0 },           /* F_MAJOR */
	{ "change_date", "变化日期", V_DATE, 10, 0, 0 },          /* F_CHANGE_DATE */
	{ "reason", "理由", V_TEXT, 500, 0, 0 },                  /* F_REASON */
	{ "a", "版本", V_INT, 12, 1, 2147483647 },                /* F_A */
	{ "b", "版本", V_INT, 12, 1, 2147483647 },                /* F_B */
	{ "problem", "问题类型", V_CODE, 16, 0, 0 },              /* F_PROBLEM */
	{ "message", "说明", V_TEXT, 1000, 0, 0 },                /* F_MESSAGE */
	{ "submit", "提交审核", V_FLAG, 8, 0, 0 },                /* F_SUBMIT */
	{ "unit_code", "单位编码", V_CODE, 32, 0, 0 },            /* F_UNIT_CODE */
	{ "vote", "评价", V_CODE, 16, 0, 0 },                     /* F_VOTE */
	{ "kb_question", "问题", V_TEXT, 20000, 0, 0 }, /* F_KB_QUESTION */
	{ "kb_answer", "规范答案", V_TEXT, 20000, 0, 0 }, /* F_KB_ANSWER */
	{ "kb_notes", "答复口径", V_TEXT, 20000, 0, 0 }, /* F_KB_NOTES */
	{ "kb_service", "事项名称", V_TEXT, 20000, 0, 0 }, /* F_KB_SERVICE */
	{ "kb_conditions", "办理条件", V_TEXT, 20000, 0, 0 }, /* F_KB_CONDITIONS */
	{ "kb_materials", "申请材料", V_TEXT, 20000, 0, 0 }, /* F_KB_MATERIALS */
	{ "kb_steps", "办理流程", V_TEXT, 20000, 0, 0 }, /* F_KB_STEPS */
	{ "kb_time_limit", "办理时限", V_TEXT, 20000, 0, 0 }, /* F_KB_TIME_LIMIT */
	{ "kb_fees", "收费标准", V_TEXT, 20000, 0, 0 }, /* F_KB_FEES */
	{ "kb_place", "办理地点及时间", V_TEXT, 20000, 0, 0 }, /* F_KB_PLACE */
	{ "kb_phone", "咨询电话", V_TEXT, 20000, 0, 0 }, /* F_KB_PHONE */
	{ "kb_basis", "法律依据", V_TEXT, 20000, 0, 0 }, /* F_KB_BASIS */
	{ "kb_doc_number", "文号", V_TEXT, 20000, 0, 0 }, /* F_KB_DOC_NUMBER */
	{ "kb_issuer", "发布机关", V_TEXT, 20000, 0, 0 }, /* F_KB_ISSUER */
	{ "kb_promulgated", "发布日期", V_TEXT, 20000, 0, 0 }, /* F_KB_PROMULGATED */
	{ "kb_effective", "施行日期", V_TEXT, 20000, 0, 0 }, /* F_KB_EFFECTIVE */
	{ "kb_validity", "效力状态", V_TEXT, 20000, 0, 0 }, /* F_KB_VALIDITY */
	{ "kb_text", "正文", V_TEXT, 200000, 0, 0 }, /* F_KB_TEXT */
	{ "kb_functions", "主要职能", V_TEXT, 20000, 0, 0 }, /* F_KB_FUNCTIONS */
	{ "kb_scope", "业务范围", V_TEXT, 20000, 0, 0 }, /* F_KB_SCOPE */
	{ "kb_offices", "服务网点", V_TEXT, 20000, 0, 0 }, /* F_KB_OFFICES */
	{ "kb_contacts", "联系方式", V_TEXT, 20000, 0, 0 }, /* F_KB_CONTACTS */
	{ "caller_name", "来电人", V_LINE, 50, 0, 0 },           /* F_CALLER_NAME */
	{ "caller_phone", "来电号码", V_LINE, 20, 0, 0 },        /* F_CALLER_PHONE */
	{ "channel", "来源渠道", V_CODE, 16, 0, 0 },              /* F_CHANNEL */
	{ "category_id", "问题分类", V_INT, 20, 1, 2147483647 },  /* F_CATEGORY_ID */
	{ "place", "发生地点", V_LINE, 200, 0, 0 },               /* F_PLACE */
	{ "content", "诉求内容", V_TEXT, 4000, 0, 0 },            /* F_CONTENT */
	{ "demand", "主要诉求", V_TEXT, 500, 0, 0 },              /* F_DEMAND */
	{ "cause", "问题起因", V_TEXT, 500, 0, 0 },               /* F_CAUSE */
	{ "contradiction", "主要矛盾", V_TEXT, 500, 0, 0 },       /* F_CONTRADICTION */
	{ "outcome", "处理方式", V_CODE, 16, 0, 0 },              /* F_OUTCOME */
	{ "entry_id", "知识条目", V_INT, 20, 1, 2147483647 },     /* F_ENTRY_ID */
	{ "three_way_unit_id", "三方通话单位", V_INT, 20, 1, 2147483647 }, /* F_THREE_WAY_UNIT_ID */
	{ "note", "说明", V_TEXT, 2000, 0, 0 },                   /* F_NOTE */
	{ "result", "办理结果", V_TEXT, 4000, 0, 0 },             /* F_RESULT */
	{ "satisfaction", "回访结果", V_CODE, 16, 0, 0 },         /* F_SATISFACTION */
	{ "basis", "依据", V_TEXT, 1000, 0, 0 },                  /* F_BASIS */
	{ "suggested_unit_id", "建议承办单位", V_INT, 20, 1, 2147483647 }, /* F_SUGGESTED_UNIT_ID */
	{ "state", "状态", V_CODE, 16, 0, 0 },                    /* F_STATE */
	{ "number", "工单编号", V_CODE, 32, 0, 0 },               /* F_NUMBER */
	{ "overdue", "仅超期", V_FLAG, 8, 0, 0 },                 /* F_OVERDUE */
	{ "time_limit", "办理时限（工作日）", V_INT, 3, 1, 365 }, /* F_TIME_LIMIT */
	{ "reopen", "重新交办", V_FLAG, 8, 0, 0 },                /* F_REOPEN */
	{ "opinion", "意见", V_TEXT, 4000, 0, 0 },                /* F_OPINION */
	{ "lead_unit_id", "牵头单位", V_INT, 20, 1, 2147483647 }, /* F_LEAD_UNIT_ID */
	{ "coop_unit_id", "配合单位", V_INT, 20, 1, 2147483647 }, /* F_COOP_UNIT_ID */
	{ "principle", "认定原则", V_CODE, 16, 0, 0 },            /* F_PRINCIPLE */
	{ "decision", "意见类型", V_CODE, 16, 0, 0 },             /* F_DECISION */
	{ "temp_unit_id", "临时承办单位", V_INT, 20, 1, 2147483647 }, /* F_TEMP_UNIT_ID */
	{ "dispute_id", "争议事项", V_INT, 20, 1, 2147483647 },   /* F_DISPUTE_ID */
	{ "starts_at", "会议时间", V_LINE, 16, 0, 0 },            /* F_STARTS_AT */
	{ "topic", "会议内容", V_LINE, 500, 0, 0 },               /* F_TOPIC */
	{ "invitees", "参会人员", V_TEXT, 2000, 0, 0 },           /* F_INVITEES */
	{ "attendance", "出席情况", V_TEXT, 2000, 0, 0 },         /* F_ATTENDANCE */
	{ "minutes", "会议纪要", V_TEXT, 8000, 0, 0 },            /* F_MINUTES */
	{ "facts", "问责事实", V_TEXT, 4000, 0, 0 },              /* F_FACTS */
	{ "establishment_unit_id", "编办", V_INT, 20, 1, 2147483647 }, /* F_ESTABLISHMENT_UNIT_ID */
	{ "legal_unit_id", "法制局", V_INT, 20, 1, 2147483647 },  /* F_LEGAL_UNIT_ID */
	{ "convener_unit_id", "召集单位", V_INT, 20, 1, 2147483647 }, /* F_CONVENER_UNIT_ID */
	{ "no_legal", "不设法制局环节", V_FLAG, 8, 0, 0 },        /* F_NO_LEGAL */
	{ "review_days", "审查时限（工作日）", V_INT, 2, 0, 99 }, /* F_REVIEW_DAYS */
	{ "accept_days", "签收时限（工作日）", V_INT, 2, 0, 99 }, /* F_ACCEPT_DAYS */
	{ "opinion_days", "意见时限（工作日）", V_INT, 2, 0, 99 }, /* F_OPINION_DAYS */
	{ "word", "词语", V_LINE, 16, 0, 0 },                    /* F_WORD */
	{ "synonym", "同义词", V_LINE, 16, 0, 0 },               /* F_SYNONYM */
	{ "entry", "知识条目", V_INT, 20, 1, 2147483647 },        /* F_ENTRY */
	{ "leader_name", "分管领导", V_LINE, 50, 0, 0 },          /* F_LEADER_NAME */
	{ "leader_phone", "分管领导电话", V_LINE, 20, 0, 0 },     /* F_LEADER_PHONE */
	{ "owner_name", "责任人", V_LINE, 50, 0, 0 },             /* F_OWNER_NAME */
	{ "owner_phone", "责任人电话", V_LINE, 20, 0, 0 },        /* F_OWNER_PHONE */
	{ "wrong", "错误写法", V_LINE, 20, 0, 0 },                /* F_WRONG */
	{ "correct", "正确写法", V_LINE, 20, 0, 0 },              /* F_CORRECT */
	{ "intake_key", "受理表单标识", V_LINE, 64, 0, 0 },       /* F_INTAKE_KEY */
	{ "w_timely", "及时性权重", V_INT, 3, 0, 100 },           /* F_W_TIMELY */
	{ "w_complete", "完整性权重", V_INT, 3, 0, 100 },         /* F_W_COMPLETE */
	{ "w_onecall", "一次性解答率权重", V_INT, 3, 0, 100 },    /* F_W_ONECALL */
	{ "w_accurate", "准确解答率权重", V_INT, 3, 0, 100 },     /* F_W_ACCURATE */
	{ "w_quality", "规范性权重", V_INT, 3, 0, 100 },          /* F_W_QUALITY */
	{ "sample_pct", "抽检比例", V_INT, 3, 1, 100 },           /* F_SAMPLE_PCT */
	{ "sample_min", "最少抽检数", V_INT, 5, 0, 10000 },       /* F_SAMPLE_MIN */
	{ "verdict", "质检结论", V_CODE, 16, 0, 0 },              /* F_VERDICT */
	{ "body", "通报正文", V_TEXT, 10000, 0, 0 },              /* F_BODY */
	{ "commend_n", "表扬单位数", V_INT, 2, 0, 20 },           /* F_COMMEND_N */
	{ "name_below", "点名分数线", V_INT, 3, 0, 100 },         /* F_NAME_BELOW */
	{ "table", "表格", V_CODE, 16, 0, 0 },                    /* F_TABLE */
	{ "retain_months", "保存期限（月）", V_INT, 3, 6, 240 },  /* F_RETAIN_MONTHS */
	{ "pending_id", "待受理诉求", V_INT, 20, 1, 2147483647 }, /* F_PENDING_ID */
	{ "dup_of", "疑似重复工单", V_INT, 20, 1, 2147483647 }, /* F_DUP_OF */
	{ "refer_id", "转其他渠道事项", V_INT, 20, 1, 2147483647 }, /* F_REFER_ID */
	{ "master_id", "主工单", V_INT, 20, 1, 2147483647 }, /* F_MASTER_ID */
	{ "dup_days", "疑似重复查找天数", V_INT, 2, 1, 90 }, /* F_DUP_DAYS */
	{ "qcode", "查询码或来电号码后四位", V_LINE, 20, 0, 0 }, /* F_QCODE */
	{ "refer_channel", "转办渠道", V_LINE, 50, 0, 0 }, /* F_REFER_CHANNEL */
	{ "refer_script", "答复口径", V_TEXT, 1000, 0, 0 }, /* F_REFER_SCRIPT */
	{ "refer_keywords", "识别关键词", V_LINE, 200, 0, 0 }, /* F_REFER_KEYWORDS */
	{ "service_description", "对外说明", V_LINE, 500, 0, 0 }, /* F_SERVICE_DESCRIPTION */
	{ "attr_code", "附加信息编码", V_CODE, 40, 0, 0 }, /* F_ATTR_CODE */
	{ "datatype", "数据类型", V_CODE, 16, 0, 0 }, /* F_DATATYPE */
	{ "required", "必填", V_FLAG, 8, 0, 0 }, /* F_REQUIRED */
	{ "attr_description", "附加信息说明", V_LINE, 200, 0, 0 }, /* F_ATTR_DESCRIPTION */
	{ "list_values", "可选值", V_TEXT, 1000, 0, 0 }, /* F_LIST_VALUES */
	{ "source", "来源系统", V_LINE, 60, 0, 0 }, /* F_SOURCE */
	{ "api_key", "api_key", V_LINE, 128, 0, 0 }, /* F_API_KEY */
	{ "service_code", "service_code", V_LINE, 20, 0, 0 }, /* F_SERVICE_CODE */
	{ "lat", "lat", V_LINE, 20, 0, 0 }, /* F_LAT */
	{ "long", "long", V_LINE, 20, 0, 0 }, /* F_LONG */
	{ "address_string", "address_string", V_LINE, 200, 0, 0 }, /* F_ADDRESS_STRING */
	{ "address_id", "address_id", V_LINE, 100, 0, 0 }, /* F_ADDRESS_ID */
	{ "email", "email", V_LINE, 100, 0, 0 }, /* F_EMAIL */
	{ "device_id", "device_id", V_LINE, 100, 0, 0 }, /* F_DEVICE_ID */
	{ "account_id", "account_id", V_LINE, 100, 0, 0 }, /* F_ACCOUNT_ID */
	{ "first_name", "first_name", V_LINE, 25, 0, 0 }, /* F_FIRST_NAME */
	{ "last_name", "last_name", V_LINE, 24, 0, 0 }, /* F_LAST_NAME */
	{ "description", "description", V_TEXT, 4000, 0, 0 }, /* F_DESCRIPTION */
	{ "media_url", "media_url", V_LINE, 500, 0, 0 }, /* F_MEDIA_URL */
	{ "jurisdiction_id", "jurisdiction_id", V_CODE, 32, 0, 0 }, /* F_O311_JURISDICTION */
	{ "service_request_id", "service_request_id", V_LINE, 5000, 0, 0 }, /* F_SERVICE_REQUEST_ID */
	{ "start_date", "start_date", V_LINE, 40, 0, 0 }, /* F_START_DATE */
	{ "end_date", "end_date", V_LINE, 40, 0, 0 }, /* F_END_DATE */
	{ "status", "status", V_LINE, 20, 0, 0 }, /* F_O311_STATUS */
	{ "phone", "phone", V_LINE, 20, 0, 0 }, /* F_O311_PHONE */
	{ "number", "工单编号", V_LINE, 60, 0, 0 }, /* F_LOOKUP_NUMBER */
};

/* Empty, or only spaces: ASCII white space and the ideographic space
 * U+3000 that Chinese input methods type. */
static int is_blank(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
			i++;
		else if (n - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0)
			i += 3;
		else
			return 0;
	}
	return 1;
}

/* Characters, not bytes: the database counts VARCHAR lengths so. */
static size_t utf8_chars(const char *s, size_t n)
{
	size_t chars = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			chars++;
	return chars;
}

static int is_line(const char *s, size_t n, int allow_newlines)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0x7F)
			return 0;
		if (c < 0x20) {
			if (allow_newlines && (c == '\n' || c == '\r' || c == '\t'))
				continue;
			return 0;
		}
	}
	return 1;
}

int field_check(enum field f, const char *raw, size_t len, struct fval *out)
{
	const struct field_def *d = &field_defs[f];
	out->present = 0;
	out->s = NULL;
	out->i = 0;
	if (raw == NULL || is_blank(raw, len)) {
		/* An unchecked checkbox, an empty input and one of only spaces
		 * all mean absent: "请填写" rather than a blank reason. */
		return 0;
	}
	if (len > 4 * d->max_len || !utf8_valid(raw, len) ||
	    utf8_chars(raw, len) > d->max_len)
		return -1;
	switch (d->v) {
	case V_LINE:
		if (!is_line(raw, len, 0))
			return -1;
		break;
	case V_TEXT:
		if (!is_line(raw, len, 1))
			return -1;
		break;
	case V_RAW:
		for (size_t i = 0; i < len; i++)
			if (raw[i] <= 0x20 || raw[i] >= 0x7F)
				return -1;
		break;
	case V_CODE:
		for (size_t i = 0; i < len; i++) {
			char c = raw[i];
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			      (c >= '0' && c <= '9') || c == '-' || c == '_' ||
			      c == '.'))
				return -1;
		}
		break;
	case V_INT: {
		if (!((raw[0] >= '0' && raw[0] <= '9') || raw[0] == '-'))
			return -1;
		char *end;
		errno = 0;
		long long v = strtoll(raw, &end, 10);
		if (errno != 0 || end != raw + len || v < d->min || v > d->max)
			return -1;
		out->i = v;
		break;
	}
	case V_DATE: {
		int day;
		if (wd_parse(raw, &day) < 0)
			return -1;
		out->i = day;
		break;
	}
	case V_FLAG:
		out->i = 1;
		break;
	}
	out->present = 1;
	out->s = raw;
	return 0;
}

int form_ints(const struct kvlist *l, enum field f, long long *out, size_t max,
	      size_t *n)
{
	*n = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (strcmp(l->v[i].key, field_defs[f].name) != 0)
			continue;
		struct fval v;
		if (field_check(f, l->v[i].val, l->v[i].val_len, &v) < 0)
			return -1;
		if (!v.present)
			continue;
		size_t k = 0;
		while (k < *n && out[k] != v.i)
			k++;
		if (k < *n)
			continue;
		if (*n == max)
			return -2;
		out[(*n)++] = v.i;
	}
	return 0;
}
