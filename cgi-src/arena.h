/* Per-request memory: a bump allocator whose blocks are all freed at once,
 * with cleanup callbacks for library handles (nginx's pool, in small). */
#ifndef ARENA_H
#define ARENA_H
#include <stddef.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

struct arena_block;
struct arena_cleanup;

struct arena {
	struct arena_block *blocks;
	struct arena_cleanup *cleanups;
	size_t block_size;
};

void arena_init(struct arena *a, size_t block_size);
/* Runs the cleanups (newest first) and frees every block but the first. */
void arena_reset(struct arena *a);
/* Runs the cleanups and frees everything. */
void arena_free(struct arena *a);

/* All return arena memory (never NULL: allocation failure aborts, as an
 * out-of-memory request cannot be answered sensibly anyway). */
void *arena_alloc(struct arena *a, size_t n);
void *arena_zalloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Registers fn(arg) to run at the next reset or free. */
void arena_on_reset(struct arena *a, void (*fn)(void *), void *arg);

/* A growable byte buffer living in an arena. */
struct buf {
	struct arena *a;
	char *p;
	size_t len, cap;
};
void buf_init(struct buf *b, struct arena *a);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* NUL-terminates and returns the contents (arena memory). */
char *buf_str(struct buf *b);

#ifdef __cplusplus
}
#endif
#endif
