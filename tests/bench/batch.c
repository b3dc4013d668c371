#include "batch.h"

#include <string.h>

/* head and then rows groups of cols "?", each group in parentheses. */
static const char *values_sql(struct arena *a, const char *head, int cols, int rows)
{
	struct buf b;
	buf_init(&b, a);
	buf_puts(&b, head);
	for (int r = 0; r < rows; r++) {
		buf_puts(&b, r ? ",(" : " VALUES (");
		for (int c = 0; c < cols; c++)
			buf_puts(&b, c ? ",?" : "?");
		buf_puts(&b, ")");
	}
	return buf_str(&b);
}

static const char *in_sql(struct arena *a, const char *head, int n)
{
	struct buf b;
	buf_init(&b, a);
	buf_puts(&b, head);
	for (int i = 0; i < n; i++)
		buf_puts(&b, i ? ",?" : " (?");
	buf_puts(&b, ")");
	return buf_str(&b);
}

static void init(struct batch *b, struct arena *a, int cols, int rows)
{
	b->cols = cols;
	b->rows = rows;
	b->n = 0;
	b->cap = 2 * rows;
	b->p = arena_alloc(a, (size_t)(b->cap * cols) * sizeof *b->p);
	b->a = a;
}

void batch_init(struct batch *b, struct arena *a, const char *head, int cols, int rows)
{
	init(b, a, cols, rows);
	b->multi = values_sql(a, head, cols, rows);
	b->single = values_sql(a, head, cols, 1);
}

void batch_init_in(struct batch *b, struct arena *a, const char *head, int rows)
{
	init(b, a, 1, rows);
	b->multi = in_sql(a, head, rows);
	b->single = in_sql(a, head, 1);
}

struct db_param *batch_row(struct batch *b)
{
	if (b->n == b->cap) {
		struct db_param *bigger =
			arena_alloc(b->a, (size_t)(2 * b->cap * b->cols) * sizeof *bigger);
		memcpy(bigger, b->p, (size_t)(b->n * b->cols) * sizeof *bigger);
		b->p = bigger;
		b->cap *= 2;
	}
	return &b->p[b->n++ * b->cols];
}

int batch_send(struct db *db, struct arena *a, struct batch *b)
{
	int rc = DB_OK, sent = 0;
	for (; rc == DB_OK && b->n - sent >= b->rows; sent += b->rows)
		rc = db_run_params(db, a, b->multi, NULL, &b->p[sent * b->cols],
				   (size_t)(b->rows * b->cols));
	if (rc != DB_OK)
		return rc;
	memmove(b->p, &b->p[sent * b->cols], (size_t)((b->n - sent) * b->cols) * sizeof *b->p);
	b->n -= sent;
	return DB_OK;
}

int batch_flush(struct db *db, struct arena *a, struct batch *b)
{
	int rc = batch_send(db, a, b);
	for (int r = 0; rc == DB_OK && r < b->n; r++)
		rc = db_run_params(db, a, b->single, NULL, &b->p[r * b->cols], (size_t)b->cols);
	b->n = 0;
	return rc;
}
