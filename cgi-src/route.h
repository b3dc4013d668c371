/* The route table: method, path pattern, handler, capability and the form
 * fields each route accepts. A path not in the table does not exist. */
#ifndef ROUTE_H
#define ROUTE_H
#include "form.h"
#include "http.h"
#include "roles.h"

enum fdecl_flag {
	FD_REQUIRED = 1,   /* missing or blank: 400 naming it */
	FD_REPEAT = 2,     /* may be given more than once (checkboxes, a
			    * multi-select): every value is checked and kept
			    * in the field's list (struct fval); any other
			    * field given twice is refused */
};

struct fdecl {
	enum field f;
	unsigned flags;    /* enum fdecl_flag */
	unsigned max;      /* FD_REPEAT: at most this many values (numbers,
			    * read into the field's list) */
};

enum route_flag {
	ROUTE_NO_SESSION = 1,  /* never looks at the session (static pages) */
	/* An anonymous POST from a page that shared caches keep, so it carries
	 * no per-client token: the browser's Origin header must name this
	 * site instead (the public vote; rate-limited per client). */
	ROUTE_SAME_ORIGIN = 2,
	/* Another system's call (Open311): no session, no CSRF token, no
	 * Origin; the handler checks the request's api_key itself. */
	ROUTE_API = 4,
};

struct route {
	enum method method;
	const char *pattern;   /* "/admin/users/{id}": {id} is 1-18 digits;
				* {ref} 1-48 of [A-Za-z0-9_-]; {fmt} json or xml */
	int (*handler)(struct req *);
	enum cap cap;
	const struct fdecl *fields;  /* ends with F__MAX; NULL for none */
	unsigned flags;
};

extern const struct route routes[];
extern const size_t routes_count;

/* Finds the route for r->method and r->path, setting r->route and r->id.
 * Returns 0, 404 when no pattern matches, 405 when only the method does
 * not. Pure: no session, no database. */
int route_match(struct req *r);
/* Matches, loads the session, checks the capability and the CSRF token,
 * validates the declared fields and runs the handler. Returns the status. */
int route_dispatch(struct req *r);

#endif
