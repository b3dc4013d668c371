/* libFuzzer target for the HTML sanitiser (sanitize.c): whatever goes in,
 * what comes out parses to elements and attributes of the allow-list only
 * (sanitize.h), and a link only ever points where it may. */
#include <libxml/HTMLparser.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const kept[] = {
	"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "table", "thead",
	"tbody", "tr", "th", "td", "a", "h3", "h4", "blockquote", "span",
	/* the parser's own wrapping of the fragment */
	"html", "body",
};

static int is_kept(const char *name)
{
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
		if (strcmp(kept[i], name) == 0)
			return 1;
	return 0;
}

static int href_ok(const char *v)
{
	if (strpbrk(v, " \t\r\n\f\v") != NULL)
		return 0;
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	/* Schemes are case-insensitive (RFC 3986): "Https://" is https. */
	return strncasecmp(v, "http://", 7) == 0 || strncasecmp(v, "https://", 8) == 0 ||
	       strncasecmp(v, "mailto:", 7) == 0 || strncasecmp(v, "tel:", 4) == 0 ||
	       (v[0] == '/' && v[1] != '/');
}

static void check(xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
			__builtin_trap();
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		if (!is_kept(name))
			__builtin_trap();
		for (xmlAttrPtr at = n->properties; at != NULL; at = at->next) {
			const char *an = (const char *)at->name;
			xmlChar *v = xmlGetProp(n, at->name);
			int ok = 0;
			if (strcmp(name, "a") == 0 && strcmp(an, "href") == 0)
				ok = v && href_ok((const char *)v);
			else if (strcmp(name, "a") == 0 && strcmp(an, "rel") == 0)
				ok = v && strcmp((const char *)v, "noopener noreferrer") == 0;
			else if ((strcmp(name, "td") == 0 || strcmp(name, "th") == 0) &&
				 (strcmp(an, "colspan") == 0 || strcmp(an, "rowspan") == 0))
				ok = v && strlen((const char *)v) <= 3 &&
				     strspn((const char *)v, "0123456789") == strlen((const char *)v);
			xmlFree(v);
			if (!ok)
				__builtin_trap();
		}
		check(n->children);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a, 4096);
	char *out = san_html(&a, (const char *)data, size);
	if (out != NULL && *out != '\0') {
		htmlDocPtr doc = htmlReadMemory(out, (int)strlen(out), NULL, "UTF-8",
						HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
							HTML_PARSE_NONET);
		if (doc != NULL) {
			check(xmlDocGetRootElement(doc));
			xmlFreeDoc(doc);
		}
	}
	arena_free(&a);
	return 0;
}
