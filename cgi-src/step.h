/* One step of a workflow on one row, the same for every workflow (work
 * orders, disputes, knowledge-update orders): begin, lock the row, check
 * who may see it and take the action from its state, check the input,
 * apply (the update names the state it expects), write the event and the
 * audit row, commit. A workflow gives its rules as hooks; step_run gives
 * the order of the checks and the answers:
 *
 *   404  no such row, or the actor may not see it (whatever the input);
 *   403  the actor may never take this action on this row;
 *   409  the action does not apply in the row's state, or the row changed
 *        under us (another user was first);
 *   400  the input the action needs is missing or wrong;
 *   503  the database is away; 500 a bug.
 */
#ifndef STEP_H
#define STEP_H
#include <stddef.h>
#include "actor.h"

/* A field of the action's input that must be given, with the message
 * that says so (offset into the workflow's input struct). */
enum need_type { NEED_TEXT, NEED_ID };
struct step_need {
	int action;              /* -1 ends the list */
	size_t off;
	enum need_type type;
	const char *msg;
	const char *field;       /* the form field that carries it */
};

/* The message of the first need of action that in lacks, or NULL. */
const char *step_missing(const struct step_need *needs, int action, const void *in);
/* The form fields of every need of action that in lacks, at most max of
 * them into out; how many. */
size_t step_missing_fields(const struct step_need *needs, int action, const void *in,
			   const char **out, size_t max);

struct step {
	const struct ctx *c;
	long long id;            /* the row */
	int action;
	const void *in;          /* the action's input (the workflow's struct) */
	/* Set by the hooks. */
	const void *row;         /* the locked row, NULL when none */
	int from, to;            /* states */
	const char *note;        /* the event's and the audit row's text */
	long long target;        /* a unit the event names, 0 for none */
	const char *msg;         /* why the step was refused */
	void *own;               /* the workflow's own state between hooks */
};

struct step_rules {
	const char *object;                      /* audit object type: "order" */
	const char *audit_prefix;                /* "order." + action code */
	const char *const *action_codes;
	const char *conflict;                    /* the 409 when another was first */
	const char *forbidden;                   /* the 403 */
	const struct step_need *needs;
	/* Locks row s->id (s->row NULL when there is none): a db_err. */
	int (*lock)(struct step *s);
	/* Whether the actor may see the locked row. */
	int (*visible)(const struct step *s);
	/* The state after the action from s->from for this actor, or -1;
	 * and whether the actor could take the action from some state. */
	int (*next)(const struct step *s);
	int (*ever)(const struct step *s);
	/* The refusal for a state the action does not apply in (409). */
	const char *(*wrong_state)(const struct step *s);
	/* Checks after the needs: 0, or a status with s->msg (may be NULL). */
	int (*check)(struct step *s);
	/* The change, in the transaction: a db_err (DB_CONFLICT when the row
	 * is no longer in the state it was locked in), or a status > 0 with
	 * s->msg. Sets s->note and s->target when it has more to say. */
	int (*apply)(struct step *s);
	/* The event on the row's timeline: a db_err. */
	int (*event)(struct step *s);
};

/* Runs one step; 0 when done and committed, else the status (s->msg says
 * why when it is a refusal), after rolling back. */
int step_run(const struct step_rules *k, struct step *s);
/* The checks of step_run alone, in the caller's transaction (a step that
 * is part of a larger change): 0 or the status. */
int step_check(const struct step_rules *k, struct step *s);
/* step_run in the caller's transaction: checks, change, event, audit;
 * neither commits nor rolls back. 0 or the status. */
int step_in_tx(const struct step_rules *k, struct step *s);

#endif
