/* Pages: the shared layout (header, navigation built from the user's
 * capabilities), the page body, and the one error page. */
#ifndef VIEW_H
#define VIEW_H
#include "http.h"
#include "tmpl.h"

/* Starts a page titled title whose body is template tpl; returns the body's
 * dictionary (already holding CSRF) for the handler to fill. */
struct tdict *view_page(struct req *r, const char *title, const char *tpl);
/* The same for the public pages: their own layout, no staff navigation. */
struct tdict *view_public_page(struct req *r, const char *title, const char *tpl);
/* Renders the page started by view_page into r->out with status. Returns
 * status, or 500 when the template fails. */
int view_finish(struct req *r, int status);
/* Renders the error page for status (message: r->err_msg or a default). */
void view_error(struct req *r, int status);
/* Shows a one-line notice (e.g. "已保存") at the top of the page. */
void view_notice(struct req *r, const char *msg);
/* Shows a one-line error above the page's form. */
void view_alert(struct req *r, const char *msg);

/* A refused form, shown again in its section d of the page. Its keys are
 * prefixed "<FORM>_" (none when form is ""), in capitals: REFUSED (with
 * MSG, the refusal), V_<FIELD> (what was typed in each of typed[]) and
 * ERR_<FIELD> beside each field it lacked (MSG "请填写此项。", or
 * "请选择此项。" for a choice: a *_id field, principle, satisfaction). */
/* One field of a refused form marked with msg: section [<FORM>_]ERR_<FIELD>. */
void view_mark_field(struct req *r, struct tdict *d, const char *form, const char *field,
		     const char *msg);
void view_refused_form(struct req *r, struct tdict *d, const char *form, const char *msg,
		       const enum field *typed, size_t ntyped, const char *const *missing,
		       size_t nmissing);

#endif
