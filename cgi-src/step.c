#include "step.h"

#include <string.h>

#include "arena.h"
#include "audit_store.h"
#include "db.h"

/* Whether in lacks need n. */
static int lacks(const struct step_need *n, const void *in)
{
	const char *p = (const char *)in + n->off;
	if (n->type == NEED_TEXT) {
		const char *v;
		memcpy(&v, p, sizeof v);
		return v == NULL || *v == '\0';
	}
	long long v;
	memcpy(&v, p, sizeof v);
	return v == 0;
}

const char *step_missing(const struct step_need *n, int action, const void *in)
{
	for (; n != NULL && n->action >= 0; n++)
		if (n->action == action && lacks(n, in))
			return n->msg;
	return NULL;
}

size_t step_missing_fields(const struct step_need *n, int action, const void *in,
			   const char **out, size_t max)
{
	size_t k = 0;
	for (; n != NULL && n->action >= 0 && k < max; n++)
		if (n->action == action && lacks(n, in))
			out[k++] = n->field;
	return k;
}

int step_check(const struct step_rules *k, struct step *s)
{
	s->row = NULL;
	s->note = "";
	s->target = 0;
	s->msg = NULL;
	int rc = k->lock(s);
	if (rc != DB_OK)
		return db_status(rc);
	if (s->row == NULL || !k->visible(s))
		return 404;
	s->to = k->next(s);
	if (s->to < 0) {
		int may = k->ever(s);
		s->msg = may ? k->wrong_state(s) : k->forbidden;
		return may ? 409 : 403;
	}
	s->msg = step_missing(k->needs, s->action, s->in);
	if (s->msg != NULL)
		return 400;
	return k->check ? k->check(s) : 0;
}

int step_in_tx(const struct step_rules *k, struct step *s)
{
	int st = step_check(k, s);
	if (st)
		return st;
	int rc = k->apply(s);
	if (rc > 0)
		return rc;
	if (rc == DB_OK)
		rc = k->event(s);
	if (rc == DB_OK)
		rc = audit_add(s->c, 0, arena_printf(s->c->a, "%s%s", k->audit_prefix,
						     k->action_codes[s->action]),
			       k->object, s->id, s->note);
	if (rc == DB_CONFLICT && s->msg == NULL)
		s->msg = k->conflict;
	return rc == DB_OK ? 0 : db_status(rc);
}

int step_run(const struct step_rules *k, struct step *s)
{
	int rc = db_begin(s->c->db);
	if (rc != DB_OK)
		return db_status(rc);
	int st = step_in_tx(k, s);
	if (st == 0 && (rc = db_commit(s->c->db)) != DB_OK) {
		st = db_status(rc);
		if (rc == DB_CONFLICT && s->msg == NULL)
			s->msg = k->conflict;
	}
	if (st != 0)
		db_rollback(s->c->db);
	return st;
}
