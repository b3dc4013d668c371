/* The knowledge base's XML exchange (K6): hotlinectl kb import takes a
 * unit's file in one transaction (a file with any error imports nothing,
 * and says where), what it imports is published and found by the search at
 * once, and hotlinectl kb export writes the unit's own published entries,
 * valid against sql/kb.xsd. Run from the top of the repository (the
 * schema is read from there). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "entries.h"

static int kb_import(const char *file, char *out, size_t out_size, char *err,
		     size_t err_size)
{
	return hotlinectl(out, out_size, err, err_size, "kb", "import", file, "--unit",
			  "city-hrss", NULL);
}

/* Writes text to a new temporary file; its name into name. */
static const char *temp_file(char *name, size_t size, const char *body)
{
	snprintf(name, size, "/tmp/kbtest-XXXXXX");
	int fd = mkstemp(name);
	ck_assert_msg(fd >= 0, "mkstemp failed");
	size_t len = strlen(body);
	ck_assert_msg(write(fd, body, len) == (ssize_t)len, "write failed");
	close(fd);
	chmod(name, 0644);
	return name;
}

#define XML_HEAD \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                         /* 1 */ \
	"<kb xmlns=\"urn:meizhou-12345:kb:1\">\n"                             /* 2 */
#define XML_GOOD(t1, t2) \
	"  <entry kind=\"faq\" unit=\"city-hrss\" change-date=\"2026-01-05\">\n" /* 3 */ \
	"    <title>" t1 "</title>\n"                                         /* 4 */ \
	"    <field name=\"question\">个人账户可以提前支取吗？</field>\n"        /* 5 */ \
	"    <field name=\"answer\" format=\"html\">&lt;p&gt;一般不可以。&lt;/p&gt;</field>\n" /* 6 */ \
	"  </entry>\n"                                                        /* 7 */ \
	"  <entry kind=\"guide\" unit=\"city-hrss\" change-date=\"2026-01-05\">\n" /* 8 */ \
	"    <title>" t2 "</title>\n"                                         /* 9 */ \
	"    <field name=\"service\">就业失业登记</field>\n"                    /* 10 */ \
	"    <field name=\"materials\" format=\"html\">&lt;p&gt;身份证&lt;/p&gt;</field>\n" /* 11 */ \
	"    <field name=\"steps\" format=\"html\">&lt;p&gt;窗口受理&lt;/p&gt;</field>\n" /* 12 */ \
	"  </entry>\n"                                                        /* 13 */

START_TEST(import_is_one_transaction)
{
	struct web op, ed;
	char t1[128], t2[128], w1[64], w2[64], xml[8192], name[64], out[8192], err[8192];
	char hrss_title[512], psb_title[512];
	published_title("city-hrss", hrss_title, sizeof hrss_title);
	published_title("city-psb-hz", psb_title, sizeof psb_title);
	sign_in(&op, "operator");
	sign_in(&ed, "editor_hrss");
	word(w1, sizeof w1, "impa");
	word(w2, sizeof w2, "impb");
	snprintf(t1, sizeof t1, "养老保险个人账户能否提前支取 %s", w1);
	snprintf(t2, sizeof t2, "就业失业登记办理 %s", w2);

	struct { const char *tail, *line, *what; } bad[] = {
		/* a field its kind does not have */
		{ "  <entry kind=\"guide\" unit=\"city-hrss\" change-date=\"2026-01-05\">\n" /* 14 */
		  "    <title>坏条目</title>\n"                                   /* 15 */
		  "    <field name=\"service\">x</field>\n"                      /* 16 */
		  "    <field name=\"materials\" format=\"html\">x</field>\n"    /* 17 */
		  "    <field name=\"steps\" format=\"html\">x</field>\n"        /* 18 */
		  "    <field name=\"answer\">办事流程没有这个字段</field>\n"      /* 19 */
		  "  </entry>\n"
		  "</kb>\n", ":19:", "answer" },
		/* no change-date: the schema refuses it */
		{ "  <entry kind=\"faq\" unit=\"city-hrss\">\n"                   /* 14 */
		  "    <title>坏条目</title>\n"
		  "    <field name=\"question\">x</field>\n"
		  "    <field name=\"answer\">x</field>\n"
		  "  </entry>\n"
		  "</kb>\n", ":14:", "change-date" },
		/* another unit's entry */
		{ "  <entry kind=\"faq\" unit=\"city-psb-hz\" change-date=\"2026-01-05\">\n" /* 14 */
		  "    <title>坏条目</title>\n"
		  "    <field name=\"question\">x</field>\n"
		  "    <field name=\"answer\">x</field>\n"
		  "  </entry>\n"
		  "</kb>\n", ":14:", "city-psb-hz" },
		/* a required field missing */
		{ "  <entry kind=\"faq\" unit=\"city-hrss\" change-date=\"2026-01-05\">\n" /* 14 */
		  "    <title>坏条目</title>\n"
		  "    <field name=\"question\">x</field>\n"
		  "  </entry>\n"
		  "</kb>\n", ":14:", "" },
		/* not well-formed */
		{ "  <entry kind=\"faq\" unit=\"city-hrss\" change-date=\"2026-01-05\">\n" /* 14 */
		  "    <title>坏条目</titel>\n"                                   /* 15 */
		  "  </entry>\n"
		  "</kb>\n", ":15:", "" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(xml, sizeof xml, XML_HEAD XML_GOOD("%s", "%s"), t1, t2);
		size_t len = strlen(xml);
		snprintf(xml + len, sizeof xml - len, "%s", bad[i].tail);
		temp_file(name, sizeof name, xml);
		int rc = kb_import(name, out, sizeof out, err, sizeof err);
		unlink(name);
		ck_assert_msg(rc == 1, "bad file %zu: exit %d\nstdout: %s\nstderr: %s", i, rc,
			      out, err);
		char where[128];
		snprintf(where, sizeof where, "%s%s", name, bad[i].line);
		ck_assert_msg(strstr(err, where) != NULL,
			      "bad file %zu: stderr does not name %s:\n%s", i, where, err);
		ck_assert_msg(strstr(err, bad[i].what) != NULL,
			      "bad file %zu: stderr does not mention %s:\n%s", i, bad[i].what, err);
		ck_assert_msg(strstr(err, "nothing imported") != NULL || strstr(err, name) != NULL,
			      "bad file %zu: %s", i, err);
		ck_assert_msg(finds(&op, 0, w1, 0) == 0, "bad file %zu imported 「%s」", i, t1);
		ck_assert_msg(finds(&op, 0, w2, 0) == 0, "bad file %zu imported 「%s」", i, t2);
	}

	/* The good part alone imports, published, and the search shows it
	 * at once: it waits for this node's index to follow the import's
	 * changes, and asks SQL when the index is slower than that. */
	snprintf(xml, sizeof xml, XML_HEAD XML_GOOD("%s", "%s") "</kb>\n", t1, t2);
	temp_file(name, sizeof name, xml);
	int rc = kb_import(name, out, sizeof out, err, sizeof err);
	unlink(name);
	ck_assert_msg(rc == 0, "good file: exit %d\nstdout: %s\nstderr: %s", rc, out, err);
	ck_assert_int_eq(finds(&op, 0, w1, 0), 1);
	ck_assert_msg(results_show(&op, t1), "「%s」 not found after import", t1);
	ck_assert_int_eq(finds(&op, 0, w2, 0), 1);
	ck_assert_msg(results_show(&op, t2), "「%s」 not found after import", t2);

	/* Export: the unit's own published entries, valid against the XSD. */
	char draft_title[128], wd[64];
	snprintf(draft_title, sizeof draft_title, "导出时不应出现的草稿 %s", word(wd, sizeof wd, "expd"));
	struct faq d = { draft_title, "", "public", NULL, "<p>草稿。</p>", NULL, 0 };
	new_faq(&ed, &d);
	char xname[64];
	snprintf(xname, sizeof xname, "/tmp/kbtest-exportXXXXXX");
	int fd = mkstemp(xname);
	ck_assert_int_ge(fd, 0);
	close(fd);
	rc = hotlinectl(out, sizeof out, err, sizeof err, "kb", "export", "--unit", "city-hrss",
			"-o", xname, NULL);
	ck_assert_msg(rc == 0, "export: exit %d: %s", rc, err);
	ck_assert_msg(access("sql/kb.xsd", R_OK) == 0, "run from the repository top: no sql/kb.xsd");
	const char *lint[] = { "xmllint", "--noout", "--schema", "sql/kb.xsd", xname, NULL };
	rc = run_cmd(lint, out, sizeof out, err, sizeof err);
	ck_assert_msg(rc == 0, "export does not validate (xmllint exit %d): %s", rc, err);
	static char x[1 << 21];
	read_file(xname, x, sizeof x);
	unlink(xname);
	ck_assert_msg(strlen(x) + 1 < sizeof x, "export larger than the test's buffer");
	ck_assert_msg(strstr(x, hrss_title) != NULL, "export lacks 人社局's demo entry");
	ck_assert_msg(strstr(x, t1) != NULL && strstr(x, t2) != NULL,
		      "export lacks the imported entries");
	ck_assert_msg(strstr(x, psb_title) == NULL, "export has 户政支队's entry");
	ck_assert_msg(strstr(x, "city-psb-hz") == NULL, "export names 户政支队");
	ck_assert_msg(strstr(x, draft_title) == NULL, "export has a draft");
	int units = 0, own = 0;
	for (const char *p = x; (p = strstr(p, " unit=\"")) != NULL; p++) {
		units++;
		own += strncmp(p, " unit=\"city-hrss\"", 17) == 0;
	}
	ck_assert_msg(units > 0 && units == own, "export: %d entries, %d of city-hrss", units, own);
	web_free(&op);
	web_free(&ed);
}
END_TEST

static Suite *kb_import_suite(void)
{
	Suite *s = suite_create("kb_import");
	TCase *tc = tcase(s, "import", 180);
	tcase_add_test(tc, import_is_one_transaction);
	return s;
}

int main(void)
{
	return suite_main(kb_import_suite(), NULL);
}
