#define HOTLINE_FCGI
#include "http.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *env(FCGX_Request *fr, const char *name)
{
	const char *v = FCGX_GetParam(name, fr->envp);
	return v != NULL ? v : "";
}

static enum method parse_method(const char *m)
{
	if (strcmp(m, "GET") == 0)
		return M_GET;
	if (strcmp(m, "HEAD") == 0)
		return M_HEAD;
	if (strcmp(m, "POST") == 0)
		return M_POST;
	return M_OTHER;
}

static int read_body(struct req *r, FCGX_Request *fr)
{
	const char *cl = env(fr, "CONTENT_LENGTH");
	if (*cl == '\0')
		return 0;
	char *end;
	errno = 0;
	long long n = strtoll(cl, &end, 10);
	if (errno != 0 || *end != '\0' || n < 0)
		return 400;
	if (n > r->cfg->body_limit)
		return 413;
	char *body = arena_alloc(r->a, (size_t)n + 1);
	size_t got = 0;
	while (got < (size_t)n) {
		int k = FCGX_GetStr(body + got, (int)((size_t)n - got), fr->in);
		if (k <= 0)
			return 400;
		got += (size_t)k;
	}
	body[got] = '\0';
	r->body = body;
	r->body_len = got;
	return 0;
}

int http_read(struct req *r, FCGX_Request *fr)
{
	r->method = parse_method(env(fr, "REQUEST_METHOD"));
	r->client_addr = arena_strdup(r->a, env(fr, "REMOTE_ADDR"));
	r->cookies = env(fr, "HTTP_COOKIE");
	r->origin = env(fr, "HTTP_ORIGIN");
	r->host = env(fr, "HTTP_HOST");
	r->scheme = env(fr, "REQUEST_SCHEME");
	r->server_port = env(fr, "SERVER_PORT");
	r->content_type = env(fr, "CONTENT_TYPE");
	/* DOCUMENT_URI is nginx's normalised, decoded path. */
	const char *path = env(fr, "DOCUMENT_URI");
	if (*path == '\0')
		path = env(fr, "SCRIPT_NAME");
	if (!utf8_valid(path, strlen(path)))
		return 400;
	r->path = arena_strdup(r->a, path);
	const char *qs = env(fr, "QUERY_STRING");
	r->query_string = qs;
	if (form_parse_urlencoded(r->a, qs, strlen(qs), &r->query) < 0)
		return 400;
	int rc = read_body(r, fr);
	if (rc != 0)
		return rc;
	if (r->method == M_POST) {
		const char *ct = r->content_type;
		const char *want = "application/x-www-form-urlencoded";
		if (r->body_len > 0 && strncmp(ct, want, strlen(want)) != 0)
			return 415;
		if (form_parse_urlencoded(r->a, r->body ? r->body : "",
					  r->body_len, &r->form) < 0)
			return 400;
	}
	return 0;
}

/* The port of an origin's authority (after the host), or the scheme's
 * default when none is written. */
static long origin_port(const char *scheme, const char *port)
{
	if (port == NULL || *port == '\0')
		return strcmp(scheme, "https") == 0 ? 443 : 80;
	char *end;
	long p = strtol(port, &end, 10);
	return *end == '\0' && p > 0 && p < 65536 ? p : -1;
}

int http_same_origin(const struct req *r)
{
	const char *o = r->origin;
	if (o == NULL || *o == '\0')
		return 0;
	/* Configured: the site's one public origin, as browsers write it. */
	if (r->cfg != NULL && r->cfg->public_origin[0] != '\0')
		return strcmp(o, r->cfg->public_origin) == 0;
	/* Else the request's own: scheme, host and port must all match. */
	const char *scheme = r->scheme && *r->scheme ? r->scheme : "http";
	size_t sl = strlen(scheme);
	if (strncmp(o, scheme, sl) != 0 || strncmp(o + sl, "://", 3) != 0)
		return 0;
	const char *h = o + sl + 3;
	const char *colon = strrchr(h, ':');
	if (colon != NULL && strchr(colon, ']') != NULL)
		colon = NULL;  /* an IPv6 literal without a port */
	size_t hl = colon ? (size_t)(colon - h) : strlen(h);
	if (r->host == NULL || strlen(r->host) != hl || strncasecmp(h, r->host, hl) != 0)
		return 0;
	long want = origin_port(scheme, r->server_port);
	return want > 0 && origin_port(scheme, colon ? colon + 1 : NULL) == want;
}

const char *http_status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 204: return "No Content";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return status >= 500 ? "Internal Server Error" : "Error";
	}
}

/* One place sets the security headers of every response. */
static const char security_headers[] =
	"X-Content-Type-Options: nosniff\r\n"
	"X-Frame-Options: DENY\r\n"
	"Referrer-Policy: same-origin\r\n"
	"Content-Security-Policy: default-src 'self'; img-src 'self' data:; "
	"style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
	"form-action 'self'; base-uri 'none'\r\n";

void http_send(struct req *r, FCGX_Request *fr)
{
	/* libfcgi's own printf knows no %zu: format here. */
	char head[256];
	int n = snprintf(head, sizeof head,
			 "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n",
			 r->status, http_status_text(r->status),
			 r->ctype ? r->ctype : "text/html; charset=utf-8", r->out.len);
	if (n > 0 && (size_t)n < sizeof head)
		FCGX_PutStr(head, n, fr->out);
	FCGX_PutStr(security_headers, (int)sizeof security_headers - 1, fr->out);
	/* Only a 200 that sets no cookie may be shared (nginx's micro-cache). */
	if (r->max_age > 0 && r->status == 200 && r->head.len == 0)
		n = snprintf(head, sizeof head, "Cache-Control: public, max-age=%d\r\n",
			     r->max_age);
	else
		n = snprintf(head, sizeof head, "Cache-Control: no-store\r\n");
	if (n > 0 && (size_t)n < sizeof head)
		FCGX_PutStr(head, n, fr->out);
	if (r->trips >= 0) {
		n = snprintf(head, sizeof head, "X-DB-Round-Trips: %d\r\n", r->trips);
		if (n > 0 && (size_t)n < sizeof head)
			FCGX_PutStr(head, n, fr->out);
	}
	/* The database away: a client may try again shortly. */
	if (r->status == 503)
		FCGX_PutS("Retry-After: 5\r\n", fr->out);
	if (r->head.len > 0)
		FCGX_PutStr(r->head.p, (int)r->head.len, fr->out);
	FCGX_PutStr("\r\n", 2, fr->out);
	if (r->method != M_HEAD && r->out.len > 0)
		FCGX_PutStr(r->out.p, (int)r->out.len, fr->out);
}

const char *http_cookie(struct arena *a, const char *header, const char *name)
{
	size_t nl = strlen(name);
	const char *p = header;
	while (p != NULL && *p != '\0') {
		while (*p == ' ' || *p == ';')
			p++;
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len > nl && strncmp(p, name, nl) == 0 && p[nl] == '=')
			return arena_strndup(a, p + nl + 1, len - nl - 1);
		p = end;
	}
	return NULL;
}

void http_header(struct req *r, const char *name, const char *value)
{
	/* Values come from our own code; refuse to split a header anyway. */
	if (strpbrk(value, "\r\n") != NULL)
		return;
	buf_printf(&r->head, "%s: %s\r\n", name, value);
}

int http_redirect(struct req *r, const char *path)
{
	if (path[0] != '/' || path[1] == '/' || path[1] == '\\')
		path = "/";
	http_header(r, "Location", path);
	r->status = 303;
	return 303;
}

void http_set_cookie(struct req *r, const char *name, const char *value,
		     long max_age)
{
	char age[48] = "";
	if (max_age >= 0)
		snprintf(age, sizeof age, "; Max-Age=%ld", max_age);
	char *v = arena_printf(r->a, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s%s",
			       name, value, age,
			       r->cfg->cookie_secure ? "; Secure" : "");
	http_header(r, "Set-Cookie", v);
}
