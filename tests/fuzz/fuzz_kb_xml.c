/* libFuzzer target for the knowledge-base XML import (kb_xml.c): any file
 * is read, checked against sql/kb.xsd and its entries' fields, or refused;
 * never a crash, a leak or a read outside itself (no network, no entity
 * expansion). Run from the top of the repository (it reads sql/kb.xsd). */
#include <libxml/parser.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include "arena.h"
#include "kb_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	/* The problems it prints would drown libFuzzer's own output. */
	xmlSetGenericErrorFunc(NULL, NULL);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a, 4096);
	struct kb_import_entry *e;
	size_t n;
	kb_xml_read_memory(&a, "fuzz.xml", (const char *)data, size, "sql/kb.xsd", "city-hrss",
			   &e, &n);
	arena_free(&a);
	return 0;
}
