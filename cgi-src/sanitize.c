/*
 * sanitize.c - parse with libxml2, write back an allow-list (sanitize.h).
 */
#include "sanitize.h"

#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/* Elements written back; every other one is dropped or unwrapped. */
static const char *const keep_tags[] = {
	"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li",
	"table", "thead", "tbody", "tr", "th", "td", "a", "h3", "h4",
	"blockquote", "span",
};

/* Elements dropped with their content: active content, embedded
 * documents, forms, images, and anything whose text is not text. */
static const char *const drop_tags[] = {
	"script", "style", "iframe", "object", "embed", "svg", "math",
	"form", "input", "button", "textarea", "select", "img", "link",
	"meta", "base", "template", "noscript",
	"frame", "frameset", "noframes", "noembed", "applet", "param",
	"audio", "video", "source", "track", "canvas", "picture", "map",
	"area", "xmp", "plaintext", "title", "option", "optgroup",
	"datalist", "keygen", "portal", "dialog",
};

/* Deeper allowed elements are unwrapped: bounds what a browser meets. */
#define MAX_DEPTH 64
#define MAX_HREF 2048

/* Index in keep_tags of an element we write back, KEEP_DROP for one
 * dropped with its content, KEEP_UNWRAP for one whose children stay. */
#define KEEP_DROP   (-1)
#define KEEP_UNWRAP (-2)

static int find(const char *name, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(name, v[i]) == 0)
			return (int)i;
	return -1;
}

static int keep_of(const xmlNode *n)
{
	const char *name = (const char *)n->name;
	int k;

	/* A namespaced element (from svg or math, or an XML island) is not
	 * one of ours even if its local name is. */
	if (n->ns != NULL)
		return KEEP_DROP;
	if (find(name, drop_tags, sizeof drop_tags / sizeof *drop_tags) >= 0)
		return KEEP_DROP;
	k = find(name, keep_tags, sizeof keep_tags / sizeof *keep_tags);
	return k >= 0 ? k : KEEP_UNWRAP;
}

/* s[0..n) with &, <, > (and in an attribute ") as references. */
static void put_escaped(struct buf *b, const char *s, size_t n, int attr)
{
	const char *run = s, *end = s + n;

	for (; s < end; s++) {
		const char *e;
		switch (*s) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = attr ? "&quot;" : NULL; break;
		default: e = NULL; break;
		}
		if (e == NULL)
			continue;
		buf_add(b, run, (size_t)(s - run));
		buf_puts(b, e);
		run = s + 1;
	}
	buf_add(b, run, (size_t)(end - run));
}

/*
 * 1 if an href (as decoded by the parser: entities already resolved) is
 * one we link to: http, https, mailto (without a further ':'), tel
 * (digits and +-().) or a site path. Any control character or
 * whitespace anywhere rejects it: browsers strip some of them before
 * reading the scheme, which is how "jav&#x09;ascript:" and
 * " javascript:" slip past naive filters.
 */
static int href_ok(const char *v)
{
	size_t n = strlen(v);

	if (n == 0 || n > MAX_HREF)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c <= 0x20 || c == 0x7F)
			return 0;
	}
	if (v[0] == '/')   /* not "//host" or "/\host": those leave the site */
		return v[1] != '/' && v[1] != '\\';
	if (strncasecmp(v, "http://", 7) == 0 ||
	    strncasecmp(v, "https://", 8) == 0)
		return 1;
	/* No second scheme hiding behind these: "tel:javascript:..." */
	if (strncasecmp(v, "mailto:", 7) == 0)
		return v[7] != '\0' && strchr(v + 7, ':') == NULL;
	if (strncasecmp(v, "tel:", 4) == 0)
		return v[4] != '\0' && strspn(v + 4, "0123456789+-().") == n - 4;
	return 0;
}

static int span_ok(const char *v)
{
	size_t n = strlen(v);

	if (n == 0 || n > 3)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return 1;
}

/* The start tag of kept element n (keep_tags[k]) with its allowed
 * attributes; each at most once, the first valid one winning. */
static void start_tag(struct buf *b, xmlNode *n, int k)
{
	const char *name = keep_tags[k];
	int is_a = strcmp(name, "a") == 0;
	int is_cell = strcmp(name, "td") == 0 || strcmp(name, "th") == 0;
	int href_done = 0, col_done = 0, row_done = 0;

	buf_printf(b, "<%s", name);
	for (xmlAttr *at = n->properties; at != NULL; at = at->next) {
		const char *an = (const char *)at->name;
		int *done;
		int (*ok)(const char *);
		if (at->ns != NULL)
			continue;
		if (is_a && strcasecmp(an, "href") == 0) {
			done = &href_done;
			ok = href_ok;
			an = "href";
		} else if (is_cell && strcasecmp(an, "colspan") == 0) {
			done = &col_done;
			ok = span_ok;
			an = "colspan";
		} else if (is_cell && strcasecmp(an, "rowspan") == 0) {
			done = &row_done;
			ok = span_ok;
			an = "rowspan";
		} else {
			continue;
		}
		if (*done)
			continue;
		xmlChar *v = xmlNodeListGetString(n->doc, at->children, 1);
		const char *sv = v != NULL ? (const char *)v : "";
		if (ok(sv)) {
			*done = 1;
			buf_printf(b, " %s=\"", an);
			put_escaped(b, sv, strlen(sv), 1);
			buf_puts(b, "\"");
		}
		xmlFree(v);
	}
	if (href_done)
		buf_puts(b, " rel=\"noopener noreferrer\"");
	buf_puts(b, ">");
}

/* Where walk() stands: kept elements open, and kept ones past MAX_DEPTH
 * that were not written (always the deepest kept ones). */
struct walk {
	struct buf *b;
	int depth, over;
};

static int is_void(int k)
{
	return k >= 0 && strcmp(keep_tags[k], "br") == 0;
}

/* Entering element n: returns 1 if its children are to be walked. */
static int enter(struct walk *w, xmlNode *n)
{
	int k = keep_of(n);

	if (k == KEEP_DROP)
		return 0;
	if (k == KEEP_UNWRAP)
		return 1;
	if (is_void(k)) {
		buf_printf(w->b, "<%s>", keep_tags[k]);
		return 0;
	}
	if (w->depth < MAX_DEPTH) {
		start_tag(w->b, n, k);
		w->depth++;
	} else {
		w->over++;
	}
	return 1;
}

/* Leaving element n whose children were walked. */
static void leave(struct walk *w, xmlNode *n)
{
	int k = keep_of(n);

	if (k < 0)
		return;
	if (w->over > 0) {
		w->over--;
	} else {
		buf_printf(w->b, "</%s>", keep_tags[k]);
		w->depth--;
	}
}

/*
 * Writes the allowed part of the tree under root (not root itself).
 * Iterative, so a hostile nesting depth cannot exhaust the stack; an
 * element's decision depends only on its name, so leave() can recompute
 * it on the way back up.
 */
static void walk(struct buf *b, xmlNode *root)
{
	struct walk w = { b, 0, 0 };
	xmlNode *n = root->children;

	while (n != NULL) {
		int descend = 0;
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content != NULL)
				put_escaped(b, (const char *)n->content,
					    strlen((const char *)n->content), 0);
			break;
		case XML_ELEMENT_NODE:
			descend = enter(&w, n);
			break;
		default:    /* comments, PIs, entity refs, DTDs */
			break;
		}
		if (descend && n->children != NULL) {
			n = n->children;
			continue;
		}
		if (descend)
			leave(&w, n);
		/* Next sibling, or climb, closing the elements we leave. */
		while (n->next == NULL) {
			n = n->parent;
			if (n == NULL || n == root)
				return;
			leave(&w, n);
		}
		n = n->next;
	}
}

char *san_html(struct arena *a, const char *html, size_t len)
{
	static const char pre[] = "<html><body>";
	struct buf in, out;

	if (len == 0)
		return arena_strdup(a, "");
	if (len > (size_t)(1 << 30))    /* libxml2 takes an int length */
		return NULL;
	buf_init(&in, a);
	buf_add(&in, pre, sizeof pre - 1);
	buf_add(&in, html, len);
	/* Never XML_PARSE_NOENT; the declared encoding is ours, not a
	 * <meta charset> in the fragment. */
	htmlDocPtr doc = htmlReadMemory(in.p, (int)in.len, NULL, "UTF-8",
					HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
	if (doc == NULL)
		return NULL;
	buf_init(&out, a);
	walk(&out, (xmlNode *)doc);
	xmlFreeDoc(doc);
	return buf_str(&out);
}

char *san_text_to_html(struct arena *a, const char *text)
{
	struct buf b;
	const char *run = text;

	buf_init(&b, a);
	for (const char *s = text;; s++) {
		if (*s != '\0' && *s != '\n' && *s != '\r')
			continue;
		put_escaped(&b, run, (size_t)(s - run), 1);
		if (*s == '\0')
			break;
		buf_puts(&b, "<br>");
		if (*s == '\r' && s[1] == '\n')
			s++;
		run = s + 1;
	}
	return buf_str(&b);
}
