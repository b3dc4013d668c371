/* libFuzzer target for the boundary parsers: urlencoded forms, field
 * validators, Open311's attribute[CODE] pairs and cookie headers. `make fuzz` builds it with clang; run
 * build-fuzz/fuzz_form -max_total_time=60. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "form.h"
#include "http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a, 4096);
	const char *s = (const char *)data;
	struct kvlist l;
	if (form_parse_urlencoded(&a, s, size, &l) == 0) {
		for (size_t i = 0; i < l.n; i++) {
			/* Every parsed value is valid UTF-8 without NULs. */
			if (!utf8_valid(l.v[i].val, l.v[i].val_len) ||
			    strlen(l.v[i].val) != l.v[i].val_len)
				__builtin_trap();
			for (int f = 0; f < F__MAX; f++) {
				struct fval v;
				field_check((enum field)f, l.v[i].val, l.v[i].val_len, &v);
			}
		}
		/* Every attribute accepted has a code of its own syntax, at
		 * most 40 bytes, and appears once. */
		struct kv *attrs;
		size_t n;
		if (form_attributes(&a, &l, &attrs, &n) == 0)
			for (size_t i = 0; i < n; i++) {
				size_t len = strlen(attrs[i].key);
				if (len == 0 || len > 40 || strpbrk(attrs[i].key, "[]=& ") != NULL)
					__builtin_trap();
				for (size_t j = 0; j < i; j++)
					if (strcmp(attrs[i].key, attrs[j].key) == 0)
						__builtin_trap();
			}
	}
	char *hdr = arena_strndup(&a, s, size);
	http_cookie(&a, hdr, "hl_sid");
	arena_free(&a);
	return 0;
}
