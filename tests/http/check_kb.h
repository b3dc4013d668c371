/* Helpers of the HTTP suites that make knowledge entries and search them
 * (test_kb.c, test_search.c): a stamp unique to the run, FAQ entries
 * drafted, submitted and published through the forms, and the searches.
 * Include after check_web.h; call kb_test_init() in main, before Check
 * forks. */
#ifndef CHECK_KB_H
#define CHECK_KB_H
#include <time.h>
#include <unistd.h>

#include "check_web.h"

/* Makes what this run creates unique. Set by kb_test_init. */
static char stamp[24];
/* Today in Asia/Shanghai, the change date of every entry made here. */
static char today[11];

/* ---- helpers ------------------------------------------------------------ */

/* A word no demo entry and no other run contains: tag and the stamp. */
static inline const char *word(char *buf, size_t size, const char *tag)
{
	snprintf(buf, size, "%s%s", tag, stamp);
	return buf;
}

/* The same in Chinese characters: prefix, then as many rare characters
 * (U+9F00..U+9F9F: 鼀 .. 龟) as the stamp has digits, drawn from the
 * prefix and the stamp, so that no bigram of one word is in another word
 * of this run or of an earlier one, or in any text the search holds (the
 * search ranks by how many of them an entry has). */
static inline const char *cjk_word(char *buf, size_t size, const char *prefix)
{
	unsigned h = 5381;
	for (const char *p = prefix; *p; p++)
		h = h * 33 + (unsigned char)*p;
	for (const char *p = stamp; *p; p++)
		h = h * 33 + (unsigned char)*p;
	snprintf(buf, size, "%s", prefix);
	for (const char *p = stamp; *p; p++) {
		h = h * 1103515245u + 12345u;
		unsigned cp = 0x9F00 + (h >> 16) % 160;
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%c%c%c", (char)(0xE0 | (cp >> 12)),
			 (char)(0x80 | ((cp >> 6) & 0x3F)), (char)(0x80 | (cp & 0x3F)));
	}
	return buf;
}

/* A short word the same way (for synonyms, at most 8 characters): prefix
 * and the first n rare characters. */
static inline const char *cjk_short(char *buf, size_t size, const char *prefix, size_t n)
{
	char whole[256];
	cjk_word(whole, sizeof whole, prefix);
	size_t plen = strlen(prefix), len = strlen(whole);
	/* Each rare character is 3 bytes of UTF-8. */
	size_t keep = n * 3 < len - plen ? n * 3 : len - plen;
	snprintf(buf, size, "%.*s", (int)(plen + keep), whole);
	return buf;
}

/* ASCII turned into its full-width forms (U+FF01..U+FF5E). */
static inline const char *full_width(char *buf, size_t size, const char *s)
{
	size_t o = 0;
	for (; *s && o + 4 < size; s++) {
		unsigned c = (unsigned char)*s;
		if (c > 0x20 && c < 0x7f) {
			unsigned cp = c + 0xFEE0;
			buf[o++] = (char)(0xE0 | (cp >> 12));
			buf[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			buf[o++] = (char)(0x80 | (cp & 0x3F));
		} else {
			buf[o++] = (char)c;
		}
	}
	buf[o] = '\0';
	return buf;
}

/* ---- entries ------------------------------------------------------------ */

struct faq {
	const char *title, *keywords, *visibility, *question, *answer, *notes;
	int submit;
};

/* Fills and posts the FAQ form found at form_page to action, as the form
 * would; expects 303 to the version and returns its id. */
static inline long save_faq(struct web *w, const char *form_page, const char *action,
		     const struct faq *q)
{
	static char body[65536];
	body[0] = '\0';
	const char *csrf = token_from(w, form_page);
	form_add(w, body, sizeof body, "csrf", csrf);
	form_add(w, body, sizeof body, "kind", "faq");
	form_add(w, body, sizeof body, "title", q->title);
	form_add(w, body, sizeof body, "keywords", q->keywords ? q->keywords : "");
	form_add(w, body, sizeof body, "visibility", q->visibility ? q->visibility : "public");
	form_add(w, body, sizeof body, "change_date", today);
	form_add(w, body, sizeof body, "kb_question", q->question ? q->question : q->title);
	form_add(w, body, sizeof body, "kb_answer", q->answer);
	form_add(w, body, sizeof body, "kb_notes", q->notes ? q->notes : "");
	if (q->submit)
		form_add(w, body, sizeof body, "submit", "1");
	else
		form_add(w, body, sizeof body, "save", "1");
	POST(w, action, body, 303);
	long vid = id_after(web_location(w), "/knowledge/versions/");
	ck_assert_msg(vid > 0, "no version in Location after saving 「%s」: %s",
		      q->title, web_location(w) ? web_location(w) : "(none)");
	return vid;
}

/* A new FAQ by the editor w; returns its first version. */
static inline long new_faq(struct web *w, const struct faq *q)
{
	return save_faq(w, "/knowledge/new?kind=faq", "/knowledge/new", q);
}

/* Changes the open version vid through its edit form. */
static inline void edit_faq(struct web *w, long vid, const struct faq *q)
{
	char page[96], action[96];
	snprintf(page, sizeof page, "/knowledge/versions/%ld/edit", vid);
	snprintf(action, sizeof action, "/knowledge/versions/%ld", vid);
	long got = save_faq(w, page, action, q);
	ck_assert_int_eq(got, vid);
}

/* Posts a form with only the CSRF token of page (and extra, already
 * encoded, if any) to action; returns the status. */
static inline long post_from(struct web *w, const char *page, const char *action,
		      const char *extra)
{
	char body[4096];
	const char *csrf = token_from(w, page);
	snprintf(body, sizeof body, "csrf=%s%s%s", web_esc(w, csrf),
		 extra && *extra ? "&" : "", extra ? extra : "");
	return web_post(w, action, body);
}

/* The state label a version page shows (待审核, 已发布 …). */
static inline const char *state_of(struct web *w, long vid)
{
	char path[96];
	snprintf(path, sizeof path, "/knowledge/versions/%ld", vid);
	GET(w, path, 200);
	return text(w, "//p[@class='meta']/span[contains(@class,'state')]");
}

/* The entry a version belongs to, from its page's link. */
static inline long entry_of(struct web *w, long vid)
{
	char path[96];
	snprintf(path, sizeof path, "/knowledge/versions/%ld", vid);
	GET(w, path, 200);
	long eid = id_after(web_xpath_text(w, "//a[text()='查看知识']/@href"),
			    "/knowledge/entries/");
	ck_assert_msg(eid > 0, "no entry link on version %ld", vid);
	return eid;
}

static inline void approve(struct web *ap, long vid)
{
	char page[96], action[96];
	snprintf(page, sizeof page, "/knowledge/versions/%ld", vid);
	snprintf(action, sizeof action, "/knowledge/versions/%ld/approve", vid);
	token_from(ap, page);
	ck_assert_msg(count(ap, "//form[@action='%s']//button[text()='审核通过并发布']",
			    action) == 1, "no approve button on %s", page);
	long st = post_from(ap, page, action, NULL);
	ck_assert_msg(st == 303, "approve %ld: status %ld\n%.600s", vid, st, ap->body);
}

/* A new FAQ submitted by ed and published by ap; returns the entry and
 * stores the version in *vid when asked. */
static inline long published_faq(struct web *ed, struct web *ap, const struct faq *q,
			  long *vid)
{
	struct faq f = *q;
	f.submit = 1;
	long v = new_faq(ed, &f);
	approve(ap, v);
	ck_assert_str_eq(state_of(ed, v), "已发布");
	if (vid)
		*vid = v;
	return entry_of(ed, v);
}

/* Searches as w, on the public page (/kb) or the staff one (/knowledge),
 * and returns whether a result links to entry (entry 0: how many results). */
static inline int finds(struct web *w, int public, const char *q, long entry)
{
	char path[2048];
	snprintf(path, sizeof path, "%s?q=%s", public ? "/kb" : "/knowledge",
		 web_esc(w, q));
	GET(w, path, 200);
	if (entry == 0)
		return count(w, "//ol[@class='results']/li");
	return count(w, "//ol[@class='results']/li/a[@href='%s%ld']",
		     public ? "/kb/e/" : "/knowledge/entries/", entry);
}

/* Whether the results list on the last page shows s anywhere. */
static inline int results_show(struct web *w, const char *s)
{
	return count(w, "//ol[@class='results']/li[contains(., '%s')]", s) > 0;
}

/* The public pages come through nginx's micro-cache (public_max_age, 5 s
 * in the test stack): a change shows there within that time, so a check
 * of the public side after a change retries for up to 8 s. */
#define PUBLIC_EVENTUALLY(cond) \
	do { \
		for (int try_ = 0; try_ < 80 && !(cond); try_++) \
			usleep(100 * 1000); \
	} while (0)

static inline void public_entry(struct web *w, long eid, int want)
{
	char path[96];
	snprintf(path, sizeof path, "/kb/e/%ld", eid);
	GET(w, path, want);
}

/* The run's stamp and today's date in Asia/Shanghai. */
static inline void kb_test_init(void)
{
	snprintf(stamp, sizeof stamp, "%lx%x", (unsigned long)time(NULL) & 0xffffff,
		 (unsigned)getpid() & 0xfff);
	time_t now = time(NULL) + 8 * 3600;
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
}

#endif
