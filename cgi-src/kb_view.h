/* Pieces of knowledge pages shared by the staff pages (h_kb.c), the public
 * page (h_public.c) and the order intake (h_orders.c). */
#ifndef KB_VIEW_H
#define KB_VIEW_H
#include <stddef.h>

struct req;
struct tdict;

/* Searches published entries for ?q= (kb_find) and fills the SEARCHED
 * section of d: results linked as href + entry id, the synonyms also
 * searched, paging; public_only: public entries and fields only. Records
 * a gap when the first page is empty (K9.1). Nothing without ?q=.
 * Returns 0 or a status. */
int kb_search_page(struct req *r, struct tdict *d, int public_only,
		   const char *href);
/* Fills FIELD sections of d with the fields of version_id, of kind (an
 * index of kb_kinds), in the kind's order; public_only leaves out the
 * internal ones. Returns 0 or a status. */
/* 质量检查 (K10.2): the lint's findings on a version (its title, keywords
 * and fields), as LINT with a FINDING section each, or CLEAN. */
struct kb_field_row;
int kb_lint_section(struct req *r, struct tdict *d, int kind, const char *title,
		    const char *keywords, const struct kb_field_row *f, size_t n);
/* kb_show_fields on fields already read. */
void kb_fill_fields(struct tdict *d, int kind, const struct kb_field_row *f, size_t n,
		    int public_only);
int kb_show_fields(struct req *r, struct tdict *d, int kind, long long version_id,
		   int public_only);

#endif
