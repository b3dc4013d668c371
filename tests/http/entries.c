#include "entries.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* ---- words -------------------------------------------------------------- */

#define SLOT_BASE 0x3400   /* CJK Extension A */
#define SLOT_SIZE 64       /* characters per slot */

const char *word(char *buf, size_t size, const char *tag)
{
	snprintf(buf, size, "%s%s", tag, stamp);
	return buf;
}

/* Appends code point cp (below U+10000) to buf as UTF-8. */
static void put_cp(char *buf, size_t size, unsigned cp)
{
	size_t len = strlen(buf);
	snprintf(buf + len, size - len, "%c%c%c", (char)(0xE0 | (cp >> 12)),
		 (char)(0x80 | ((cp >> 6) & 0x3F)), (char)(0x80 | (cp & 0x3F)));
}

const char *cjk_word(char *buf, size_t size, enum word_slot slot, const char *prefix)
{
	unsigned h = 5381;
	for (const char *p = stamp; *p; p++)
		h = h * 33 + (unsigned char)*p;
	snprintf(buf, size, "%s", prefix);
	for (const char *p = stamp; *p; p++) {
		h = h * 1103515245u + 12345u;
		put_cp(buf, size, SLOT_BASE + (unsigned)slot * SLOT_SIZE + (h >> 16) % SLOT_SIZE);
	}
	return buf;
}

const char *cjk_short(char *buf, size_t size, enum word_slot slot, const char *prefix,
		      size_t n)
{
	char whole[256];
	cjk_word(whole, sizeof whole, slot, prefix);
	size_t plen = strlen(prefix), len = strlen(whole);
	/* Each slot character is 3 bytes of UTF-8. */
	size_t keep = n * 3 < len - plen ? n * 3 : len - plen;
	snprintf(buf, size, "%.*s", (int)(plen + keep), whole);
	return buf;
}

const char *full_width(char *buf, size_t size, const char *s)
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

/* Fills and posts the FAQ form found at form_page to action, as the form
 * would; expects 303 to the version and returns its id. */
static long save_faq(struct web *w, const char *form_page, const char *action,
		     const struct faq *q)
{
	static char body[65536];
	body[0] = '\0';
	form_add(w, body, sizeof body, "csrf", token_from(w, form_page));
	form_add(w, body, sizeof body, "kind", "faq");
	form_add(w, body, sizeof body, "title", q->title);
	form_add(w, body, sizeof body, "keywords", q->keywords ? q->keywords : "");
	form_add(w, body, sizeof body, "visibility", q->visibility ? q->visibility : "public");
	form_add(w, body, sizeof body, "change_date", run_day);
	form_add(w, body, sizeof body, "kb_question", q->question ? q->question : q->title);
	form_add(w, body, sizeof body, "kb_answer", q->answer);
	form_add(w, body, sizeof body, "kb_notes", q->notes ? q->notes : "");
	form_add(w, body, sizeof body, q->submit ? "submit" : "save", "1");
	POST(w, action, body, 303);
	long vid = id_after(web_location(w), "/knowledge/versions/");
	ck_assert_msg(vid > 0, "no version in Location after saving 「%s」: %s",
		      q->title, web_location(w) ? web_location(w) : "(none)");
	return vid;
}

long new_faq(struct web *w, const struct faq *q)
{
	return save_faq(w, "/knowledge/new?kind=faq", "/knowledge/new", q);
}

void edit_faq(struct web *w, long vid, const struct faq *q)
{
	char page[96], action[96];
	pathf(page, sizeof page, "/knowledge/versions/%ld/edit", vid);
	pathf(action, sizeof action, "/knowledge/versions/%ld", vid);
	ck_assert_int_eq(save_faq(w, page, action, q), vid);
}

const char *version_state(struct web *w, long vid)
{
	char path[96];
	GET(w, pathf(path, sizeof path, "/knowledge/versions/%ld", vid), 200);
	return text(w, "//p[@class='meta']/span[contains(@class,'state')]");
}

long entry_of(struct web *w, long vid)
{
	char path[96];
	GET(w, pathf(path, sizeof path, "/knowledge/versions/%ld", vid), 200);
	long eid = id_after(web_xpath_text(w, "//a[text()='查看知识']/@href"),
			    "/knowledge/entries/");
	ck_assert_msg(eid > 0, "no entry link on version %ld", vid);
	return eid;
}

void approve(struct web *ap, long vid)
{
	char page[96], action[96];
	pathf(page, sizeof page, "/knowledge/versions/%ld", vid);
	pathf(action, sizeof action, "/knowledge/versions/%ld/approve", vid);
	token_from(ap, page);
	ck_assert_msg(count(ap, "//form[@action='%s']//button", action) == 1,
		      "no approve button on %s", page);
	long st = web_act_from(ap, page, action, NULL);
	ck_assert_msg(st == 303, "approve %ld: status %ld\n%.600s", vid, st, ap->body);
}

long published_faq(struct web *ed, struct web *ap, const struct faq *q, long *vid)
{
	struct faq f = *q;
	f.submit = 1;
	long v = new_faq(ed, &f);
	approve(ap, v);
	ck_assert_str_eq(version_state(ed, v), "已发布");
	if (vid)
		*vid = v;
	return entry_of(ed, v);
}

long redraft(struct web *ed, long eid)
{
	char page[96], action[96];
	pathf(page, sizeof page, "/knowledge/entries/%ld", eid);
	pathf(action, sizeof action, "/knowledge/entries/%ld/draft", eid);
	ck_assert_int_eq(web_act_from(ed, page, action, NULL), 303);
	long v = id_after(web_location(ed), "/knowledge/versions/");
	ck_assert_msg(v > 0, "no new version after redrafting entry %ld", eid);
	return v;
}

/* ---- search ------------------------------------------------------------- */

int finds(struct web *w, int public, const char *q, long entry)
{
	char path[2048];
	snprintf(path, sizeof path, "%s?q=%s", public ? "/kb" : "/knowledge", web_esc(w, q));
	GET(w, path, 200);
	if (entry == 0)
		return count(w, "//ol[@class='results']/li");
	return count(w, "//ol[@class='results']/li/a[@href='%s%ld']",
		     public ? "/kb/e/" : "/knowledge/entries/", entry);
}

int results_show(struct web *w, const char *s)
{
	return count(w, "//ol[@class='results']/li[contains(., '%s')]", s) > 0;
}

/* ---- the public pages ------------------------------------------------------- */

long public_fresh(struct web *w, const char *path)
{
	/* The wait ends when the cached copy expires (public_max_age); the
	 * bound only keeps a broken cache from hanging the suite. */
	for (int i = 0; i < 600; i++) {
		long st = web_get(w, path);
		const char *cache = web_header(w, "X-Cache");
		if (st == 0 || cache == NULL || strcmp(cache, "HIT") != 0)
			return st;
		usleep(50 * 1000);
	}
	ck_abort_msg("%s came from the cache for 30 s", path);
	return 0;
}

void public_entry(struct web *w, long eid, int want)
{
	char path[96];
	long st = public_fresh(w, pathf(path, sizeof path, "/kb/e/%ld", eid));
	ck_assert_msg(st == want, "GET %s: status %ld, expected %d", path, st, want);
}
