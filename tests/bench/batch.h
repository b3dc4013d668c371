/* Multi-row statements for the bench's generators: rows are gathered with
 * their parameters and sent a hundred or so at a time through
 * db_run_params, in the order they were added (auto-increment ids come
 * out as if inserted one by one). */
#ifndef BATCH_H
#define BATCH_H
#include "db.h"

struct batch {
	const char *multi;   /* the statement for `rows` rows */
	const char *single;  /* the same for one row, for what is left over */
	int cols, rows;      /* parameters per row, rows per multi statement */
	int n, cap;          /* rows waiting, room in p */
	struct db_param *p;  /* n * cols parameters */
	struct arena *a;     /* where p lives and grows */
};

/* "head VALUES (?,..),(?,..)...": rows of cols parameters each. The
 * statement texts and the rows are kept in a, which must live as long as
 * db: db's statement cache knows a statement by the address of its text. */
void batch_init(struct batch *b, struct arena *a, const char *head, int cols, int rows);
/* "head (?,?,...)": one parameter per row, for "... WHERE id IN". */
void batch_init_in(struct batch *b, struct arena *a, const char *head, int rows);

/* The parameters of a new row at the end (cols of them, to be filled). */
struct db_param *batch_row(struct batch *b);
/* Sends every full multi-row statement and keeps the rest. Row strings
 * must stay valid until their row is sent. Returns 0 or a db_err. */
int batch_send(struct db *db, struct arena *a, struct batch *b);
/* batch_send, then each row left over on its own: every row is sent. */
int batch_flush(struct db *db, struct arena *a, struct batch *b);

/* A row's parameters are db.h's DB_I and DB_S, and this: an id, or SQL
 * NULL for 0. */
static inline struct db_param batch_id(long long v)
{
	return v ? DB_I(v) : DB_S(NULL);
}

#endif
