#include "kb_xml.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "kb_store.h"
#include "workdays.h"

#define NS "urn:meizhou-12345:kb:1"

struct problems {
	const char *path;
	int count;
};

static void schema_error(void *ctx, xmlErrorPtr e)
{
	struct problems *p = ctx;
	char msg[512];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "invalid");
	msg[strcspn(msg, "\n")] = '\0';
	fprintf(stderr, "%s:%d: %s\n", p->path, e->line, msg);
	p->count++;
}

static void problem(struct problems *p, long line, const char *msg)
{
	fprintf(stderr, "%s:%ld: %s\n", p->path, line, msg);
	p->count++;
}

static int is_el(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

/* Text of a node, copied into the arena. */
static const char *text_of(struct arena *a, xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	const char *s = arena_strdup(a, t ? (const char *)t : "");
	xmlFree(t);
	return s;
}

static const char *attr(struct arena *a, xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	if (v == NULL)
		return NULL;
	const char *s = arena_strdup(a, (const char *)v);
	xmlFree(v);
	return s;
}

/* One <entry>: its fields checked against its kind. */
static void read_entry(struct arena *a, xmlNodePtr en, const char *unit_code,
		       struct problems *p, struct kb_import_entry *out)
{
	long line = xmlGetLineNo(en);
	const char *kind = attr(a, en, "kind"), *unit = attr(a, en, "unit");
	const char *vis = attr(a, en, "visibility"), *major = attr(a, en, "major");
	const char *change = attr(a, en, "change-date");
	memset(out, 0, sizeof *out);
	out->line = line;
	struct kb_draft *d = &out->draft;
	int k = kb_kind_from_code(kind);
	if (k < 0) {
		problem(p, line, "unknown kind");
		return;
	}
	d->kind = (enum kb_kind)k;
	d->visibility = vis ? vis : "public";
	d->major = major && (strcmp(major, "true") == 0 || strcmp(major, "1") == 0);
	if (change == NULL || wd_parse(change, &d->change_day) < 0)
		problem(p, line, "change-date must be YYYY-MM-DD");
	if (unit_code && unit && strcmp(unit, unit_code) != 0)
		problem(p, line, arena_printf(a, "entry belongs to unit %s, not %s", unit,
					      unit_code));
	const char *raw[KB_MAX_FIELDS] = { 0 };
	for (xmlNodePtr c = en->children; c; c = c->next) {
		if (is_el(c, "title"))
			d->title = text_of(a, c);
		else if (is_el(c, "keywords"))
			d->keywords = text_of(a, c);
		else if (is_el(c, "field")) {
			const char *name = attr(a, c, "name");
			const struct kb_field *f = kb_field_find(d->kind, name);
			if (f == NULL) {
				problem(p, xmlGetLineNo(c),
					arena_printf(a, "kind %s has no field '%s'",
						     kb_kinds[k].code, name ? name : ""));
				continue;
			}
			raw[f - kb_kinds[k].fields] = text_of(a, c);
		}
	}
	const char *msg = kb_draft_check(a, d, raw);
	if (msg != NULL)
		problem(p, line, msg);
}

/* Validates the parsed doc (freed here) against xsd and reads its entries
 * (rules in kb_xml.h); path names it in the problems printed. */
static int read_doc(struct arena *a, xmlDocPtr doc, const char *path, const char *xsd,
		    const char *unit_code, struct kb_import_entry **out, size_t *n)
{
	struct problems p = { path, 0 };
	*out = NULL;
	*n = 0;
	if (doc == NULL) {
		xmlErrorPtr e = xmlGetLastError();
		fprintf(stderr, "%s:%d: %s", path, e ? e->line : 0,
			e && e->message ? e->message : "cannot be parsed\n");
		return -1;
	}
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd);
	xmlSchemaPtr schema = pc ? xmlSchemaParse(pc) : NULL;
	if (schema == NULL) {
		fprintf(stderr, "%s: cannot load the schema\n", xsd);
		if (pc)
			xmlSchemaFreeParserCtxt(pc);
		xmlFreeDoc(doc);
		return -1;
	}
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
	xmlSchemaSetValidStructuredErrors(vc, schema_error, &p);
	xmlSchemaValidateDoc(vc, doc);
	if (p.count == 0) {
		xmlNodePtr root = xmlDocGetRootElement(doc);
		size_t count = 0;
		for (xmlNodePtr c = root->children; c; c = c->next)
			count += is_el(c, "entry");
		*out = arena_zalloc(a, (count + 1) * sizeof **out);
		for (xmlNodePtr c = root->children; c; c = c->next)
			if (is_el(c, "entry"))
				read_entry(a, c, unit_code, &p, &(*out)[(*n)++]);
	}
	xmlSchemaFreeValidCtxt(vc);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pc);
	xmlFreeDoc(doc);
	return p.count;
}

/* No network, no entity expansion: a file can name nothing outside itself. */
#define XML_OPTIONS XML_PARSE_NONET

int kb_xml_read(struct arena *a, const char *path, const char *xsd,
		const char *unit_code, struct kb_import_entry **out, size_t *n)
{
	return read_doc(a, xmlReadFile(path, NULL, XML_OPTIONS), path, xsd, unit_code, out, n);
}

int kb_xml_read_memory(struct arena *a, const char *name, const char *data, size_t len,
		       const char *xsd, const char *unit_code,
		       struct kb_import_entry **out, size_t *n)
{
	if (len > 0x7fffffff)
		return -1;
	return read_doc(a, xmlReadMemory(data, (int)len, name, NULL, XML_OPTIONS), name, xsd,
			unit_code, out, n);
}

static int write_unit(xmlTextWriterPtr w, struct db *db, struct arena *a,
		      long long unit_id)
{
	struct kb_export_row *r;
	size_t n;
	int rc = kb_export(db, a, unit_id, &r, &n);
	if (rc != DB_OK)
		return rc;
	long long open_id = 0;   /* the entry whose element is open */
	for (size_t i = 0; i < n; i++) {
		if (open_id != r[i].entry_id) {
			if (open_id != 0)
				xmlTextWriterEndElement(w);
			open_id = r[i].entry_id;
			xmlTextWriterStartElement(w, BAD_CAST "entry");
			xmlTextWriterWriteAttribute(w, BAD_CAST "kind", BAD_CAST r[i].kind);
			xmlTextWriterWriteAttribute(w, BAD_CAST "unit", BAD_CAST r[i].unit_code);
			xmlTextWriterWriteAttribute(w, BAD_CAST "visibility", BAD_CAST r[i].visibility);
			xmlTextWriterWriteAttribute(w, BAD_CAST "major",
						    BAD_CAST(r[i].major ? "true" : "false"));
			xmlTextWriterWriteAttribute(w, BAD_CAST "change-date", BAD_CAST r[i].change_date);
			xmlTextWriterWriteElement(w, BAD_CAST "title", BAD_CAST r[i].title);
			xmlTextWriterWriteElement(w, BAD_CAST "keywords", BAD_CAST r[i].keywords);
		}
		const char *name = r[i].field;
		if (name == NULL)
			continue;
		int k = kb_kind_from_code(r[i].kind);
		const struct kb_field *f = k >= 0 ? kb_field_find((enum kb_kind)k, name) : NULL;
		xmlTextWriterStartElement(w, BAD_CAST "field");
		xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST name);
		if (f && f->type == KBF_HTML)
			xmlTextWriterWriteAttribute(w, BAD_CAST "format", BAD_CAST "html");
		xmlTextWriterWriteString(w, BAD_CAST r[i].value);
		xmlTextWriterEndElement(w);
	}
	if (open_id != 0)
		xmlTextWriterEndElement(w);
	return DB_OK;
}

int kb_xml_write(struct db *db, struct arena *a, const long long *unit_ids,
		 size_t n, struct buf *out)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = xmlNewTextWriterMemory(buf, 0);
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "kb");
	xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST NS);
	int rc = DB_OK;
	for (size_t i = 0; rc == DB_OK && i < n; i++)
		rc = write_unit(w, db, a, unit_ids[i]);
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	if (rc == DB_OK)
		buf_add(out, xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
	xmlBufferFree(buf);
	return rc;
}
