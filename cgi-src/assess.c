#include "assess.h"

#include <stdio.h>
#include <string.h>

#include "workdays.h"

const char *const assess_part_labels[AP__MAX] = {
	"及时性", "完整性", "一次性解答率", "准确解答率", "规范性",
};

/* num/den in per mille, rounded; -1 when den is 0. */
static int permille(long num, long den)
{
	if (den <= 0)
		return -1;
	if (num < 0)
		num = 0;
	if (num > den)
		num = den;
	return (int)((num * 1000 + den / 2) / den);
}

void assess_rates(const struct assess_counts *c, int rate[AP__MAX])
{
	rate[AP_TIMELY] = permille(c->changes_on_time + c->updates_on_time + c->reviewed,
				   c->changes + c->updates + c->entries);
	/* An open gap is an entry the unit owes: it counts as incomplete. */
	rate[AP_COMPLETE] = permille(c->entries - c->fields_empty, c->entries + c->gaps_open);
	rate[AP_ONECALL] = permille(c->calls_one, c->calls);
	rate[AP_ACCURATE] = permille(c->qa_accurate, c->qa_marked);
	rate[AP_QUALITY] = permille(c->entries - c->lint_entries, c->entries);
}

int assess_score(const struct assess_formula *f, const int rate[AP__MAX])
{
	long long sum = 0, weight = 0;
	for (int i = 0; i < AP__MAX; i++) {
		if (rate[i] < 0 || f->w[i] <= 0)
			continue;
		sum += (long long)f->w[i] * rate[i];
		weight += f->w[i];
	}
	if (weight == 0)
		return -1;
	return (int)((sum + weight / 2) / weight);
}

void assess_rank(const int *score, size_t n, int *rank)
{
	for (size_t i = 0; i < n; i++) {
		if (score[i] < 0) {
			rank[i] = 0;
			continue;
		}
		int higher = 0;
		for (size_t j = 0; j < n; j++)
			higher += score[j] > score[i];
		rank[i] = higher + 1;
	}
}

long assess_sample_size(const struct assess_formula *f, long population)
{
	long n = (population * f->sample_pct + 99) / 100;
	if (n < f->sample_min)
		n = f->sample_min;
	return n < population ? n : population;
}

const char *assess_formula_check(const struct assess_formula *f)
{
	int total = 0;
	for (int i = 0; i < AP__MAX; i++) {
		if (f->w[i] < 0 || f->w[i] > 100)
			return "每项权重须为 0 到 100 之间的整数。";
		total += f->w[i];
	}
	if (total == 0)
		return "权重不能全部为 0。";
	if (f->sample_pct < 1 || f->sample_pct > 100)
		return "抽检比例须为 1% 到 100%。";
	if (f->sample_min < 0 || f->sample_min > 10000)
		return "最少抽检数须为 0 到 10000。";
	return NULL;
}

int assess_month_parse(const char *s, int *y, int *m)
{
	int day;
	if (s == NULL || strlen(s) != 7)
		return -1;
	char buf[11];
	memcpy(buf, s, 7);
	memcpy(buf + 7, "-01", 4);
	if (wd_parse(buf, &day) != 0)
		return -1;
	int d;
	wd_to_ymd(day, y, m, &d);
	return 0;
}

void assess_month_add(int *y, int *m, int delta)
{
	int k = *y * 12 + (*m - 1) + delta;
	*y = k / 12;
	*m = k % 12 + 1;
}

void assess_month_format(int y, int m, char out[8])
{
	snprintf(out, 8, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
}

void assess_month_days(int y, int m, char first[11], char next[11])
{
	wd_format(wd_from_ymd(y, m, 1), first);
	assess_month_add(&y, &m, 1);
	wd_format(wd_from_ymd(y, m, 1), next);
}

/* Beijing is UTC+8 all year: its midnight is 16:00 UTC the day before. */
void assess_month_utc(int y, int m, char from[20], char to[20])
{
	char day[11];
	wd_format(wd_from_ymd(y, m, 1) - 1, day);
	snprintf(from, 20, "%s 16:00:00", day);
	assess_month_add(&y, &m, 1);
	wd_format(wd_from_ymd(y, m, 1) - 1, day);
	snprintf(to, 20, "%s 16:00:00", day);
}

void assess_tenths(int v, char out[8])
{
	if (v < 0)
		snprintf(out, 8, "—");
	else
		snprintf(out, 8, "%u.%u", (unsigned)v / 10u % 10000u, (unsigned)v % 10u);
}

void assess_permille(int v, char out[8])
{
	if (v < 0)
		snprintf(out, 8, "—");
	else
		snprintf(out, 8, "%u.%u%%", (unsigned)v / 10u % 1000u, (unsigned)v % 10u);
}

static const struct { const char *code, *label; } finding_labels[] = {
	{ "late_change", "政策变化未在 5 个工作日内录入" },
	{ "late_major", "重大新闻未在 1 个工作日内录入" },
	{ "unreviewed", "本月未审核" },
	{ "update_late", "知识更新工单未按期答复" },
	{ "gap_open", "知识缺失未补充" },
	{ "field_empty", "必填项为空" },
	{ "org_contacts", "机构信息缺联系方式" },
	{ "inaccurate", "解答不准确（质检）" },
	{ "typo", "错别字" },
	{ "keyword", "关键词不规范" },
	{ "format", "格式不规范" },
	{ "duplicate", "疑似重复条目" },
	{ "no_people", "未明确知识维护责任人" },
};

const char *assess_finding_label(const char *kind)
{
	for (size_t i = 0; i < sizeof finding_labels / sizeof finding_labels[0]; i++)
		if (strcmp(finding_labels[i].code, kind) == 0)
			return finding_labels[i].label;
	return kind;
}
