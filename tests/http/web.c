#include "web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xpath.h>

/* Appends n bytes to a malloc'd, NUL-terminated buffer; aborts on OOM
 * (a test cannot go on without memory anyway). */
static void append(char **p, size_t *len, const char *s, size_t n)
{
	char *q = realloc(*p, *len + n + 1);
	if (q == NULL)
		abort();
	memcpy(q + *len, s, n);
	*len += n;
	q[*len] = '\0';
	*p = q;
}

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
	struct web *w = arg;
	append(&w->body, &w->body_len, data, size * n);
	return size * n;
}

/* An interim response (100 Continue) is followed by the real one: keep only
 * the headers of the last. */
static size_t on_header(char *data, size_t size, size_t n, void *arg)
{
	struct web *w = arg;
	if (size * n >= 5 && strncmp(data, "HTTP/", 5) == 0)
		w->headers_len = 0;
	append(&w->headers, &w->headers_len, data, size * n);
	return size * n;
}

int web_init(struct web *w)
{
	memset(w, 0, sizeof *w);
	const char *base = getenv("BASE_URL");
	if (base == NULL || *base == '\0')
		base = "http://127.0.0.1:8181";
	snprintf(w->base, sizeof w->base, "%s", base);
	size_t bl = strlen(w->base);
	if (bl > 0 && w->base[bl - 1] == '/')
		w->base[bl - 1] = '\0';
	snprintf(w->origin, sizeof w->origin, "%s", w->base);
	w->curl = curl_easy_init();
	if (w->curl == NULL)
		return -1;
	curl_easy_setopt(w->curl, CURLOPT_COOKIEFILE, "");
	curl_easy_setopt(w->curl, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(w->curl, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(w->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(w->curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(w->curl, CURLOPT_WRITEDATA, w);
	curl_easy_setopt(w->curl, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(w->curl, CURLOPT_HEADERDATA, w);
	curl_easy_setopt(w->curl, CURLOPT_ERRORBUFFER, w->error);
	return 0;
}

static void forget_response(struct web *w)
{
	if (w->doc != NULL)
		xmlFreeDoc(w->doc);
	w->doc = NULL;
	free(w->text);
	w->text = NULL;
	w->headers_len = 0;
	w->body_len = 0;
	if (w->headers != NULL)
		w->headers[0] = '\0';
	if (w->body != NULL)
		w->body[0] = '\0';
	w->status = 0;
	w->error[0] = '\0';
}

void web_free(struct web *w)
{
	forget_response(w);
	free(w->headers);
	free(w->body);
	for (size_t i = 0; i < w->nesc; i++)
		free(w->esc[i]);
	free(w->esc);
	if (w->curl != NULL)
		curl_easy_cleanup(w->curl);
	memset(w, 0, sizeof *w);
}

static long perform(struct web *w, const char *path)
{
	char url[2048];
	snprintf(url, sizeof url, "%s%s", w->base, path);
	curl_easy_setopt(w->curl, CURLOPT_URL, url);
	/* Keep body and headers non-NULL even when the response has none. */
	append(&w->body, &w->body_len, "", 0);
	append(&w->headers, &w->headers_len, "", 0);
	if (curl_easy_perform(w->curl) != CURLE_OK)
		return w->status = 0;
	curl_easy_getinfo(w->curl, CURLINFO_RESPONSE_CODE, &w->status);
	return w->status;
}

long web_get(struct web *w, const char *path)
{
	forget_response(w);
	curl_easy_setopt(w->curl, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(w->curl, CURLOPT_HTTPHEADER, NULL);
	return perform(w, path);
}

long web_post_raw(struct web *w, const char *path, const char *body,
		  size_t len, const char *content_type)
{
	forget_response(w);
	char ct[256];
	snprintf(ct, sizeof ct, "Content-Type: %s", content_type);
	struct curl_slist *h = curl_slist_append(NULL, ct);
	char origin[300];
	if (w->origin[0] != '\0') {
		snprintf(origin, sizeof origin, "Origin: %s", w->origin);
		h = curl_slist_append(h, origin);
	}
	curl_easy_setopt(w->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(w->curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(w->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(w->curl, CURLOPT_HTTPHEADER, h);
	long st = perform(w, path);
	curl_easy_setopt(w->curl, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(w->curl, CURLOPT_POSTFIELDS, NULL);
	curl_slist_free_all(h);
	return st;
}

long web_post(struct web *w, const char *path, const char *urlencoded_body)
{
	return web_post_raw(w, path, urlencoded_body, strlen(urlencoded_body),
			    "application/x-www-form-urlencoded");
}

/* Replaces w->text with a trimmed copy of s[0..n). */
static const char *keep_text(struct web *w, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
			 s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	free(w->text);
	w->text = strndup(s, n);
	if (w->text == NULL)
		abort();
	return w->text;
}

const char *web_header(struct web *w, const char *name)
{
	size_t nl = strlen(name);
	const char *p = w->headers;
	while (p != NULL && *p != '\0') {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len > nl && strncasecmp(p, name, nl) == 0 && p[nl] == ':')
			return keep_text(w, p + nl + 1, len - nl - 1);
		p = eol ? eol + 1 : NULL;
	}
	return NULL;
}

const char *web_location(struct web *w)
{
	return web_header(w, "Location");
}

int web_sets_cookie(struct web *w, const char *name)
{
	size_t nl = strlen(name);
	const char *p = w->headers;
	while (p != NULL && *p != '\0') {
		const char *eol = strchr(p, '\n');
		if (strncasecmp(p, "Set-Cookie:", 11) == 0) {
			const char *v = p + 11;
			while (*v == ' ')
				v++;
			if (strncmp(v, name, nl) == 0 && v[nl] == '=')
				return 1;
		}
		p = eol ? eol + 1 : NULL;
	}
	return 0;
}

static htmlDocPtr page(struct web *w)
{
	if (w->doc == NULL && w->body_len > 0)
		w->doc = htmlReadMemory(w->body, (int)w->body_len, w->base, "UTF-8",
					HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					HTML_PARSE_NONET);
	return w->doc;
}

/* Evaluates expr on the last page; the caller frees the result. */
static xmlXPathObjectPtr eval(struct web *w, const char *expr)
{
	htmlDocPtr doc = page(w);
	if (doc == NULL)
		return NULL;
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	if (ctx == NULL)
		return NULL;
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	xmlXPathFreeContext(ctx);
	if (o != NULL && o->type != XPATH_NODESET) {
		xmlXPathFreeObject(o);
		return NULL;
	}
	return o;
}

int web_xpath_count(struct web *w, const char *expr)
{
	xmlXPathObjectPtr o = eval(w, expr);
	if (o == NULL)
		return -1;
	int n = o->nodesetval ? o->nodesetval->nodeNr : 0;
	xmlXPathFreeObject(o);
	return n;
}

const char *web_xpath_text(struct web *w, const char *expr)
{
	xmlXPathObjectPtr o = eval(w, expr);
	if (o == NULL)
		return NULL;
	const char *out = NULL;
	if (o->nodesetval != NULL && o->nodesetval->nodeNr > 0) {
		xmlChar *s = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
		out = keep_text(w, s ? (const char *)s : "", s ? strlen((char *)s) : 0);
		xmlFree(s);
	}
	xmlXPathFreeObject(o);
	return out;
}

const char *web_csrf(struct web *w)
{
	xmlXPathObjectPtr o = eval(w, "//input[@name='csrf']/@value");
	w->csrf[0] = '\0';
	if (o != NULL && o->nodesetval != NULL && o->nodesetval->nodeNr > 0) {
		xmlChar *s = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
		if (s != NULL)
			snprintf(w->csrf, sizeof w->csrf, "%s", (const char *)s);
		xmlFree(s);
	}
	if (o != NULL)
		xmlXPathFreeObject(o);
	return w->csrf;
}

const char *web_esc(struct web *w, const char *s)
{
	char **more = realloc(w->esc, (w->nesc + 1) * sizeof *more);
	if (more == NULL)
		abort();
	w->esc = more;
	char *e = curl_easy_escape(w->curl, s, 0);
	char *copy = e ? strdup(e) : NULL;
	curl_free(e);
	if (copy == NULL)
		abort();
	w->esc[w->nesc++] = copy;
	return copy;
}

long web_login(struct web *w, const char *user, const char *password)
{
	if (web_get(w, "/login") != 200)
		return w->status;
	char body[1024];
	snprintf(body, sizeof body, "csrf=%s&username=%s&password=%s",
		 web_esc(w, web_csrf(w)), web_esc(w, user), web_esc(w, password));
	return web_post(w, "/login", body);
}
