/* The knowledge-base exchange format (sql/kb.xsd): reading a file into
 * checked drafts, and writing entries out. */
#ifndef KB_XML_H
#define KB_XML_H
#include <stdio.h>

#include "arena.h"
#include "db.h"
#include "kb_ops.h"

struct kb_import_entry {
	struct kb_draft draft;
	long line;
};

/* Parses and validates path against the schema xsd, then checks every
 * entry's fields for its kind and, when unit_code is set, that the entry's
 * unit attribute (if any) names it. Every problem is printed to stderr as
 * "FILE:LINE: message". Returns the number of problems (0: *out holds *n
 * checked entries in arena memory), or -1 when the file cannot be read. */
int kb_xml_read(struct arena *a, const char *path, const char *xsd,
		const char *unit_code, struct kb_import_entry **out, size_t *n);

/* The same for a document in memory, named name in the problems. */
int kb_xml_read_memory(struct arena *a, const char *name, const char *data, size_t len,
		       const char *xsd, const char *unit_code,
		       struct kb_import_entry **out, size_t *n);

/* Appends the published, non-obsolete entries of the units in unit_ids
 * (n of them) as one <kb> document to out. Returns 0 or a db_err. */
int kb_xml_write(struct db *db, struct arena *a, const long long *unit_ids,
		 size_t n, struct buf *out);

#endif
