#include "csv.h"

#include <string.h>

void csv_cell(struct buf *b, const char *s, int last)
{
	buf_add(b, "\"", 1);
	if (s != NULL && *s != '\0' && strchr("=+-@\t\r", *s) != NULL)
		buf_add(b, "'", 1);
	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == '"')
			buf_add(b, "\"", 1);
		buf_add(b, p, 1);
	}
	buf_add(b, last ? "\"\r\n" : "\",", last ? 3 : 2);
}

void csv_phone(struct buf *b, const char *s, int last)
{
	if (s == NULL || *s < '0' || *s > '9' || s[strspn(s, "0123456789-")] != '\0') {
		csv_cell(b, s, last);
		return;
	}
	buf_printf(b, "\"\t%s\"%s", s, last ? "\r\n" : ",");
}
