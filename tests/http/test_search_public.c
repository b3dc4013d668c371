/* The public knowledge page's browsing (U4): every paging link by kind,
 * unit and search is accepted and together they list every public entry
 * once; 机构信息 entries show their contacts (K4). */
#include <stdio.h>
#include <string.h>

#include "entries.h"

/* path made unique (a parameter the page ignores), so that nginx's
 * micro-cache has no copy of it: the page is the application's, made now.
 * Pages kept from before a change would disagree with pages made after. */
static const char *fresh(const char *path, char *out, size_t size)
{
	static int n;
	snprintf(out, size, "%s%cn=%s-%d", path, strchr(path, '?') ? '&' : '?', stamp, ++n);
	return out;
}

/* Follows every 下一页 link from path; returns the entries listed, after
 * checking each page answers 200 and each link back works. */
static int browse_all(struct web *w, const char *path)
{
	char next[1024], url[1100];
	int n = 0, pages = 0;
	snprintf(next, sizeof next, "%s", path);
	for (;;) {
		GET(w, fresh(next, url, sizeof url), 200);
		n += count(w, "//ol[@class='results']/li");
		pages++;
		ck_assert_int_lt(pages, 100);
		const char *href = web_xpath_text(w, "//p[@class='pager']/a[contains(., '下一页')]/@href");
		if (href == NULL)
			break;
		snprintf(next, sizeof next, "%s", href);
		if (pages > 1) {
			const char *prev = web_xpath_text(w, "//p[@class='pager']/a[contains(., '上一页')]/@href");
			ck_assert_ptr_nonnull(prev);
		}
	}
	return n;
}

/* The entries listed by unit, each unit's pages followed; the units
 * listed are written to seen. */
static int browse_units(struct web *w, char *seen, size_t size)
{
	char first[256];
	GET(w, fresh("/kb", first, sizeof first), 200);
	int units = count(w, "//select[@id='unit_id']/option[@value!='']");
	ck_assert_int_gt(units, 10);
	int by_unit = 0;
	seen[0] = '\0';
	for (int i = 1; i <= units; i++) {
		char xp[128], path[128], url[256];
		GET(w, fresh("/kb", url, sizeof url), 200);
		snprintf(xp, sizeof xp, "//select[@id='unit_id']/option[@value!=''][%d]/@value", i);
		snprintf(path, sizeof path, "/kb?unit_id=%s", text(w, xp));
		int n = browse_all(w, path);
		by_unit += n;
		snprintf(seen + strlen(seen), size - strlen(seen), " %s:%d", path + 13, n);
	}
	return by_unit;
}

START_TEST(every_paging_link_is_accepted)
{
	struct web anon;
	char seen[4096], path[128];
	start(&anon);
	/* Every public entry, page by page: more than one page of them. */
	int all = browse_all(&anon, "/kb");
	ck_assert_int_gt(all, 100);
	/* By kind and by unit, each link the pages print. */
	const char *kinds[] = { "faq", "guide", "law", "org" };
	int by_kind = 0;
	for (size_t i = 0; i < 4; i++) {
		snprintf(path, sizeof path, "/kb?kind=%s", kinds[i]);
		by_kind += browse_all(&anon, path);
	}
	ck_assert_int_eq(by_kind, all);
	int by_unit = browse_units(&anon, seen, sizeof seen);
	ck_assert_msg(by_unit == all, "by unit %d, all %d:%s", by_unit, all, seen);
	/* Search results page too. */
	ck_assert_int_gt(browse_all(&anon, "/kb?q=%E6%8C%87%E5%8D%97"), 20); /* 指南 */
	web_free(&anon);
}
END_TEST

START_TEST(org_entries_show_contacts)
{
	struct web anon, ed;
	start(&anon);
	sign_in(&ed, "editor_hrss");
	GET(&anon, "/kb?q=%E4%BA%BA%E5%8A%9B%E8%B5%84%E6%BA%90%E5%92%8C%E7%A4%BE%E4%BC%9A"
		   "%E4%BF%9D%E9%9A%9C%E5%B1%80%E6%9C%BA%E6%9E%84%E4%BF%A1%E6%81%AF", 200);
	const char *href = web_xpath_text(&anon, "//ol[@class='results']/li/a[starts-with(., '梅州市人力资源和社会保障局机构信息')]/@href");
	ck_assert_msg(href != NULL, "the demo org entry is not found:\n%.2000s", anon.body);
	char path[128];
	snprintf(path, sizeof path, "%s", href);
	GET(&anon, path, 200);
	ck_assert_msg(count(&anon, "//dt[.='联系方式']") == 1, "no 联系方式 on %s", path);
	ck_assert_msg(strstr(text(&anon, "//dd[@class='f-contacts']"), "12333") != NULL,
		      "contacts without 12333: %s", text(&anon, "//dd[@class='f-contacts']"));
	/* And the editor's form has the field. */
	GET(&ed, "/knowledge/new?kind=org", 200);
	ck_assert_int_eq(count(&ed, "//textarea[@name='kb_contacts']"), 1);
	web_free(&anon);
	web_free(&ed);
}
END_TEST

static Suite *search_public_suite(void)
{
	Suite *s = suite_create("search_public");
	TCase *tc = tcase(s, "public", 240);
	tcase_add_test(tc, every_paging_link_is_accepted);
	tcase_add_test(tc, org_entries_show_contacts);
	return s;
}

int main(void)
{
	return suite_main(search_public_suite(), NULL);
}
