/* Pieces of the dispute pages that the page, the printed form and the
 * meetings share. */
#ifndef DISPUTE_VIEW_H
#define DISPUTE_VIEW_H
#include "dispute_ops.h"
#include "http.h"

/* The dispute's fields, its units and its sealed opinions as OPINION
 * sections. */
void dispute_fill_head(struct req *r, struct tdict *d, const struct dispute_page *p);
/* A step's form: its fields and the repeated cooperating units. */
struct dispute_input dispute_input_of(struct req *r);

#endif
