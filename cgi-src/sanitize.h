/*
 * sanitize.h - the HTML sanitiser (富文本过滤): the only way formatted
 * text from an editor reaches a page unescaped.
 *
 * libxml2's HTML parser builds a tree; we write back only an allow-list
 * of elements and attributes, escaping all text ourselves, so what a
 * template prints with :none is HTML we produced, not HTML we received.
 *
 *   kept       p br strong b em i u ul ol li table thead tbody tr th td
 *              a h3 h4 blockquote span  (without attributes, except:)
 *              a: href, if http://, https://, mailto:, tel: or a path
 *                 "/x" (not "//"), with no whitespace or control
 *                 character anywhere; then rel="noopener noreferrer"
 *              td, th: colspan, rowspan of 1-3 digits
 *   dropped    with everything inside: script style iframe object embed
 *              svg math form input button textarea select img link meta
 *              base template noscript, and their kin (frame, audio ...)
 *   unwrapped  every other element: its children stay (div, font ...)
 *   removed    comments, processing instructions, doctype
 * libxml2 stops parsing at nesting depth 256 (what lies deeper is lost);
 * we write at most 64 nested kept elements and unwrap deeper ones.
 * libxml2 must have been initialised (xmlInitParser) before threads.
 */
#ifndef SANITIZE_H
#define SANITIZE_H
#include <stddef.h>
#include "arena.h"

/*
 * The allow-listed fragment of html[0..len) (UTF-8), with no html or
 * body element. Returns arena memory; "" for empty input; NULL only if
 * libxml2 could not build a tree at all.
 */
char *san_html(struct arena *a, const char *html, size_t len);

/*
 * Plain text as HTML: &, <, >, " escaped, each line break (\n, \r\n or
 * \r) as <br>. Returns arena memory.
 */
char *san_text_to_html(struct arena *a, const char *text);

#endif
