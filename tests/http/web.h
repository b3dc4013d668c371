/* A tiny HTTP client for the HTTP tests: libcurl with an in-memory cookie
 * jar (one per struct web, so one struct web is one browser session), and
 * libxml2's HTML parser with XPath to read pages as a user would see them.
 * Redirects are never followed, so a test can assert 303 and Location. */
#ifndef HOTLINE_TEST_WEB_H
#define HOTLINE_TEST_WEB_H

#include <stddef.h>

#include <curl/curl.h>
#include <libxml/HTMLparser.h>

struct web {
	CURL *curl;
	char base[256];         /* BASE_URL, default http://127.0.0.1:8181 */
	long status;            /* of the last response; 0 if none or failed */
	char *headers;          /* raw header block of the last response */
	size_t headers_len;
	char *body;             /* body of the last response, NUL-terminated */
	size_t body_len;
	htmlDocPtr doc;         /* the body parsed, made on first XPath use */
	char *text;             /* last web_xpath_text/web_header result */
	char csrf[160];         /* last web_csrf result */
	char origin[256];       /* Origin sent with POSTs, as a browser does;
				 * the base URL unless a test changes it ("":
				 * none) */
	char **esc;             /* strings from web_esc, freed by web_free */
	size_t nesc;
	char error[CURL_ERROR_SIZE];
};

/* Sets up w for BASE_URL; 0 or -1. */
int web_init(struct web *w);
/* Frees everything w holds, including strings it handed out. */
void web_free(struct web *w);

/* Each returns the HTTP status of the response, or 0 on a transport error
 * (described in w->error). path starts with '/'. */
long web_get(struct web *w, const char *path);
long web_post(struct web *w, const char *path, const char *urlencoded_body);
long web_post_raw(struct web *w, const char *path, const char *body,
		  size_t len, const char *content_type);

/* The value of the first response header called name (any case), or NULL.
 * Owned by w until the next web_header/web_xpath_text/request. */
const char *web_header(struct web *w, const char *name);
/* The Location header of the last response, or NULL; owned as web_header. */
const char *web_location(struct web *w);
/* Whether some Set-Cookie header of the last response sets cookie name. */
int web_sets_cookie(struct web *w, const char *name);

/* Number of nodes expr selects on the last page (-1 if not HTML or a bad
 * expression). */
int web_xpath_count(struct web *w, const char *expr);
/* Text (trimmed) of the first node expr selects, or NULL. Owned by w until
 * the next web_header/web_xpath_text/request. */
const char *web_xpath_text(struct web *w, const char *expr);
/* The CSRF token of the last page (its first input named csrf), or "" when
 * the page has none; owned by w until the next web_csrf. */
const char *web_csrf(struct web *w);

/* URL-encodes s for a form body or query string; owned by w. */
const char *web_esc(struct web *w, const char *s);

/* Signs in as a real user would: GET /login, then POST the form with its
 * token. Returns the status of the POST (303 on success). */
long web_login(struct web *w, const char *user, const char *password);

#endif
