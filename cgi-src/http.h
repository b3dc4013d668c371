/* The request and the response. http.c is the only file that knows
 * libfcgi; everything above it sees a struct req. */
#ifndef HTTP_H
#define HTTP_H
#include <stddef.h>
#include "actor.h"
#include "arena.h"
#include "config.h"
#include "form.h"

enum method { M_GET, M_HEAD, M_POST, M_OTHER };

struct db;
struct route;
struct tdict;
struct kbi_reader;

struct req {
	struct arena *a;
	const struct config *cfg;
	struct db *db;
	struct db *db_read;          /* reads that may come from a replica (public pages) */
	int trips;                   /* >= 0: sent as X-DB-Round-Trips (debug_headers) */
	struct kbi_reader *search;  /* this thread's view of the search index */

	enum method method;
	const char *path;
	const char *query_string;
	const char *content_type;
	const char *cookies;
	const char *client_addr;
	const char *origin;         /* the Origin header, "" if none */
	const char *host;           /* the Host header (nginx passes it without a port) */
	const char *scheme;         /* http or https, as nginx received the request */
	const char *server_port;    /* the port nginx received it on */
	const char *body;
	size_t body_len;
	struct kvlist query;
	struct kvlist form;

	const struct route *route;
	long long id;               /* the {id} of the route pattern, if any */
	const char *ref;            /* the {ref} of the route pattern, if any */
	const char *fmt;            /* the {fmt}: "json" or "xml", if any */
	struct fval f[F__MAX];      /* declared, checked fields */
	struct actor *actor;        /* NULL when not signed in */

	struct tdict *layout;       /* set by view_page */
	const char *layout_file;    /* NULL: the staff layout */
	const char *err_msg;        /* shown on the error page, if set */

	int status;
	int max_age;                /* > 0: a shared cache may keep a 200 this
				     * many seconds; else "no-store" */
	const char *ctype;
	struct buf head;            /* extra header lines */
	struct buf out;             /* the body, sent at the end */
};

/* The request's context for the rules and stores: its connection, arena,
 * actor and client address (a compound literal, valid in the caller's
 * block). */
#define REQ_CTX(r) (&(const struct ctx){ (r)->db, (r)->a, (r)->actor, (r)->client_addr })

/* A declared field's checked text, "" when absent. */
static inline const char *req_str(const struct req *r, enum field f)
{
	return r->f[f].s ? r->f[f].s : "";
}

/* Value of cookie name in a Cookie header, arena-copied, or NULL. */
const char *http_cookie(struct arena *a, const char *header, const char *name);

void http_header(struct req *r, const char *name, const char *value);
/* 303 See Other to a local path. Returns 303 for the handler to return. */
int http_redirect(struct req *r, const char *path);
/* Sets a cookie with the product's flags (HttpOnly, SameSite=Strict, Path=/,
 * Secure when configured); max_age < 0 makes a session cookie, 0 clears. */
void http_set_cookie(struct req *r, const char *name, const char *value,
		     long max_age);
const char *http_status_text(int status);
/* True when the request's Origin header names this site (the Host header
 * with http or https): what a browser sends with a same-site form. */
int http_same_origin(const struct req *r);

#ifdef HOTLINE_FCGI
#include <fcgiapp.h>
/* Reads the request; returns 0, or the HTTP status to answer with. */
int http_read(struct req *r, FCGX_Request *fr);
void http_send(struct req *r, FCGX_Request *fr);
#endif

#endif
