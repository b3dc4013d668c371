/* Pieces of the order pages that several page families share (the
 * order, its lists, the dispute and meeting pages). */
#ifndef ORDER_VIEW_H
#define ORDER_VIEW_H
#include <stddef.h>
#include "http.h"
#include "order_store.h"

/* order_units rows as option sections: ID, NAME (with the unit's
 * jurisdiction when with_jur), SELECTED on pick; except left out. */
void order_unit_options(struct req *r, struct tdict *d, const struct order_unit_row *u,
			size_t n, const char *section, long long pick, long long except,
			int with_jur);

#endif
