/* Order categories (问题分类): the city admin keeps the tree and each
 * category's time limit; what the form refuses changes nothing; a county's
 * admin reads the tree only. What this suite adds is deactivated again, out
 * of the intake's way for the suites that follow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* POSTs the category form (parent 0: none; limit as typed) to path;
 * returns the status. */
static long post_category(struct web *w, const char *path, const char *name,
			  long parent, const char *limit, int active)
{
	char body[1024], par[24] = "";
	if (parent > 0)
		snprintf(par, sizeof par, "%ld", parent);
	form(w, body, sizeof body, "csrf", token_from(w, "/admin/categories"), "name", name,
	     "parent_id", par, "time_limit", limit, NULL);
	if (active)
		form_add(w, body, sizeof body, "active", "1");
	return web_post(w, path, body);
}

#define POST_CATEGORY(w, path, name, parent, limit, active, want)              \
	do {                                                                  \
		long st_ = post_category((w), (path), (name), (parent), (limit), (active)); \
		ck_assert_msg(st_ == (want), "POST %s (%s): status %ld, expected %d\n%.600s", \
			      (path), (name), st_, (want), (w)->body ? (w)->body : ""); \
	} while (0)

/* The id of the category called name on /admin/categories, or 0. */
static long listed_category(struct web *w, const char *name)
{
	char expr[512];
	GET(w, "/admin/categories", 200);
	snprintf(expr, sizeof expr,
		 "//table[@class='categories']/tbody/tr[td[1]/a='%s']/td[2]", name);
	return strtol(text(w, expr), NULL, 10);
}

/* The row of category id on the list last fetched, column col. */
static const char *cell(struct web *w, long id, const char *col)
{
	char expr[256];
	snprintf(expr, sizeof expr, "//table[@class='categories']/tbody/tr[td[2]='%ld']/%s", id,
		 col);
	return text(w, expr);
}

START_TEST(category_tree_create_and_edit)
{
	struct web w;
	char top[128], child[128], path[64], expr[512], object[64];
	long social = category_id("社会保障"), pension = category_id("养老保险");
	sign_in(&w, "admin");

	/* The demo tree, indented. */
	GET(&w, "/admin/categories", 200);
	ck_assert_str_eq(text(&w, "//h1"), "问题分类");
	ck_assert_str_eq(cell(&w, pension, "td[1]"), "养老保险");
	ck_assert_str_eq(cell(&w, pension, "td[1]/@class"), "depth-1");
	ck_assert_str_eq(cell(&w, pension, "td[3]"), "10 个工作日");
	ck_assert_str_eq(cell(&w, social, "td[1]/@class"), "depth-0");

	/* A top-level category and a child. */
	snprintf(top, sizeof top, "测试分类%s", stamp);
	snprintf(child, sizeof child, "测试子类%s", stamp);
	POST_CATEGORY(&w, "/admin/categories", top, 0, "7", 0, 303);
	ck_assert_pstr_eq(web_location(&w), "/admin/categories?done=created");
	GET(&w, "/admin/categories?done=created", 200);
	NOTICE_SAYS(&w, "新增");
	long top_id = listed_category(&w, top);
	ck_assert_int_gt(top_id, 0);
	POST_CATEGORY(&w, "/admin/categories", child, top_id, "3", 0, 303);
	long child_id = listed_category(&w, child);
	ck_assert_int_gt(child_id, top_id);
	snprintf(expr, sizeof expr, "//table[@class='categories']/tbody/tr[td[1]/a='%s']"
		 "/following-sibling::tr[1]/td[1]", top);
	ck_assert_str_eq(text(&w, expr), child);
	ck_assert_str_eq(cell(&w, child_id, "td[1]/@class"), "depth-1");
	ck_assert_str_eq(cell(&w, child_id, "td[3]"), "3 个工作日");

	/* The child's time limit edited on its page. */
	pathf(path, sizeof path, "/admin/categories/%ld", child_id);
	GET(&w, path, 200);
	ck_assert_str_eq(text(&w, "//input[@id='time_limit']/@value"), "3");
	ck_assert_str_eq(text(&w, "//select[@id='parent_id']/option[@selected]"), top);
	POST_CATEGORY(&w, path, child, top_id, "12", 1, 303);
	snprintf(expr, sizeof expr, "%s?done=saved", path);
	ck_assert_pstr_eq(web_location(&w), expr);
	GET(&w, expr, 200);
	NOTICE_SAYS(&w, "保存");
	ck_assert_str_eq(text(&w, "//input[@id='time_limit']/@value"), "12");
	GET(&w, "/admin/categories", 200);
	ck_assert_str_eq(cell(&w, child_id, "td[3]"), "12 个工作日");

	/* The parent's page never offers itself or its child as parent. */
	GET(&w, pathf(path, sizeof path, "/admin/categories/%ld", top_id), 200);
	ck_assert_int_eq(count(&w, "//select[@id='parent_id']/option[@value='%ld']", top_id), 0);
	ck_assert_int_eq(count(&w, "//select[@id='parent_id']/option[@value='%ld']", child_id), 0);
	ck_assert_int_eq(count(&w, "//ul[@class='children']/li[a='%s']", child), 1);

	/* Every change is in the audit log, the old limit beside the new. */
	snprintf(object, sizeof object, "/admin/categories/%ld", top_id);
	ck_assert_msg(audit_shows(&w, "category.create", object, NULL), "no category.create");
	snprintf(object, sizeof object, "/admin/categories/%ld", child_id);
	ck_assert_msg(audit_shows(&w, "category.create", object, NULL),
		      "no category.create of the child");
	ck_assert_msg(audit_shows(&w, "category.update", object, "12"), "no category.update");
	ck_assert_msg(audit_shows(&w, "category.update", object, "3"),
		      "the audit log does not keep the old limit");

	/* Out of the intake's way for the suites that follow. */
	POST_CATEGORY(&w, pathf(path, sizeof path, "/admin/categories/%ld", child_id), child,
		      top_id, "12", 0, 303);
	POST_CATEGORY(&w, pathf(path, sizeof path, "/admin/categories/%ld", top_id), top, 0,
		      "7", 0, 303);
	web_free(&w);
}
END_TEST

START_TEST(category_refusals_change_nothing)
{
	struct web w;
	char top[128], child[128], other[128], bad[128], path[64], expr[512];
	long social = category_id("社会保障");
	sign_in(&w, "admin");
	snprintf(top, sizeof top, "拒绝测试%s", stamp);
	snprintf(child, sizeof child, "拒绝子类%s", stamp);
	snprintf(other, sizeof other, "拒绝乙类%s", stamp);
	POST_CATEGORY(&w, "/admin/categories", top, 0, "5", 0, 303);
	long top_id = listed_category(&w, top);
	POST_CATEGORY(&w, "/admin/categories", child, top_id, "5", 0, 303);
	long child_id = listed_category(&w, child);
	POST_CATEGORY(&w, "/admin/categories", other, top_id, "5", 0, 303);
	long other_id = listed_category(&w, other);
	ck_assert_int_gt(top_id, 0);
	ck_assert_int_gt(child_id, 0);
	ck_assert_int_gt(other_id, 0);
	int rows = count(&w, "//table[@class='categories']/tbody/tr");

	/* The same name under the same parent, at the top too (where the
	 * unique key cannot see it), and by renaming. */
	POST_CATEGORY(&w, "/admin/categories", child, top_id, "5", 0, 400);
	SAYS(&w, child);
	POST_CATEGORY(&w, "/admin/categories", top, 0, "5", 0, 400);
	SAYS(&w, top);
	POST_CATEGORY(&w, pathf(path, sizeof path, "/admin/categories/%ld", other_id), child,
		      top_id, "5", 1, 400);
	SAYS(&w, child);
	/* The same name under another parent is fine. */
	POST_CATEGORY(&w, "/admin/categories", child, social, "5", 0, 303);

	/* A cycle: the parent under its own child, or under itself. */
	pathf(path, sizeof path, "/admin/categories/%ld", top_id);
	POST_CATEGORY(&w, path, top, child_id, "5", 1, 400);
	SAYS(&w, "循环");
	POST_CATEGORY(&w, path, top, top_id, "5", 1, 400);
	SAYS(&w, "循环");
	GET(&w, path, 200);
	ck_assert_int_eq(web_xpath_count(&w, "//select[@id='parent_id']/option[@selected]"), 0);

	/* No name, a name of spaces only, and bad time limits. */
	POST_CATEGORY(&w, "/admin/categories", "", top_id, "5", 0, 400);
	SAYS(&w, "名称");
	POST_CATEGORY(&w, "/admin/categories", "\xE3\x80\x80 ", top_id, "5", 0, 400);
	SAYS(&w, "名称");
	snprintf(bad, sizeof bad, "时限错误%s", stamp);
	const char *limits[] = { "0", "366", "-3", "abc", "2.5", "" };
	for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
		POST_CATEGORY(&w, "/admin/categories", bad, top_id, limits[i], 0, 400);
		SAYS(&w, "办理时限");
	}
	POST_CATEGORY(&w, pathf(path, sizeof path, "/admin/categories/%ld", child_id), child,
		      top_id, "0", 1, 400);
	GET(&w, path, 200);
	ck_assert_str_eq(text(&w, "//input[@id='time_limit']/@value"), "5");

	/* Nothing of that was stored: one more row only (the same name
	 * elsewhere), the names and parents unchanged. */
	GET(&w, "/admin/categories", 200);
	ck_assert_int_eq(count(&w, "//table[@class='categories']/tbody/tr"), rows + 1);
	ck_assert_msg(!body_has(&w, bad), "a category with a bad time limit was added");
	ck_assert_int_eq(count(&w, "//table[@class='categories']/tbody/tr[td[1]/a='%s']", child), 2);
	ck_assert_int_eq(count(&w, "//table[@class='categories']/tbody/tr[td[1]/a='%s']", other), 1);
	snprintf(expr, sizeof expr, "//table[@class='categories']/tbody/tr[td[1]/a='%s']/td[1]/@class", top);
	ck_assert_str_eq(text(&w, expr), "depth-0");

	/* Deactivation: not while a child is active; then child, parent. */
	POST_CATEGORY(&w, pathf(path, sizeof path, "/admin/categories/%ld", top_id), top, 0, "5",
		      0, 400);
	SAYS(&w, "下级");
	POST_CATEGORY(&w, pathf(path, sizeof path, "/admin/categories/%ld", child_id), child,
		      top_id, "5", 0, 303);
	POST_CATEGORY(&w, pathf(path, sizeof path, "/admin/categories/%ld", other_id), other,
		      top_id, "5", 0, 303);
	snprintf(expr, sizeof expr, "%s?done=deactivated", path);
	ck_assert_pstr_eq(web_location(&w), expr);
	POST_CATEGORY(&w, pathf(path, sizeof path, "/admin/categories/%ld", top_id), top, 0, "5",
		      0, 303);
	GET(&w, "/admin/categories", 200);
	ck_assert_int_eq(count(&w, "//table[@class='categories']/tbody/tr[@class='inactive']"
				   "[td[1]/a='%s' and td[5]='已停用']", top), 1);
	snprintf(expr, sizeof expr, "/admin/categories/%ld", child_id);
	ck_assert_msg(audit_shows(&w, "category.deactivate", expr, NULL), "no category.deactivate");

	/* The namesake under 社会保障 out of the intake's way, too. */
	snprintf(expr, sizeof expr, "//table[@class='categories']/tbody/tr[td[1]/a='%s'"
		 " and td[2]!='%ld']/td[2]", child, child_id);
	GET(&w, "/admin/categories", 200);
	long namesake = strtol(text(&w, expr), NULL, 10);
	ck_assert_int_gt(namesake, 0);
	POST_CATEGORY(&w, pathf(path, sizeof path, "/admin/categories/%ld", namesake), child,
		      social, "5", 0, 303);
	web_free(&w);
}
END_TEST

/* The categories are the city's: a county's admin reads the tree, edits
 * nothing, and is told who does. */
START_TEST(county_admin_reads_categories_only)
{
	struct web w, admin;
	char name[128], path[64];
	long pension = category_id("养老保险");
	sign_in(&w, "mj_admin");
	GET(&w, "/admin/categories", 200);
	ck_assert_str_eq(cell(&w, pension, "td[1]"), "养老保险");
	ck_assert_int_eq(web_xpath_count(&w, "//table[@class='categories']//a[starts-with(@href, '/admin/categories/')]"), 0);
	ck_assert_int_eq(web_xpath_count(&w, "//form[@action='/admin/categories']"), 0);

	snprintf(name, sizeof name, "县建分类%s", stamp);
	POST_CATEGORY(&w, "/admin/categories", name, 0, "5", 0, 403);
	SAYS(&w, "市级");
	pathf(path, sizeof path, "/admin/categories/%ld", pension);
	POST_CATEGORY(&w, path, "县改养老保险", category_id("社会保障"), "1", 1, 403);

	sign_in(&admin, "admin");
	GET(&admin, path, 200);
	ck_assert_str_eq(text(&admin, "//input[@id='name']/@value"), "养老保险");
	ck_assert_str_eq(text(&admin, "//input[@id='time_limit']/@value"), "10");
	ck_assert_int_eq(listed_category(&admin, name), 0);
	web_free(&admin);
	web_free(&w);
}
END_TEST

static Suite *categories_suite(void)
{
	Suite *s = suite_create("categories");
	TCase *tc = tcase(s, "categories", 60);
	tcase_add_test(tc, category_tree_create_and_edit);
	tcase_add_test(tc, category_refusals_change_nothing);
	tcase_add_test(tc, county_admin_reads_categories_only);
	return s;
}

int main(void)
{
	return suite_main(categories_suite(), NULL);
}
