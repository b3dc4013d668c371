/* The C face of ctemplate: dictionaries and rendering. Every template
 * starts with {{%AUTOESCAPE context="HTML"}}, so every value set here is
 * escaped on output unless the template says :none. */
#ifndef TMPL_H
#define TMPL_H
#include "arena.h"

#ifdef __cplusplus
extern "C" {
#endif

struct tdict;

/* Sets the template root directory. Call once before threads start. */
void tmpl_init(const char *root);
/* Re-reads templates whose files changed (on SIGHUP). */
void tmpl_reload(void);

/* A root dictionary, deleted when the arena is reset. */
struct tdict *tmpl_dict(struct arena *a);
/* Values are copied into the dictionary. */
void tmpl_set(struct tdict *d, const char *key, const char *val);
void tmpl_set_int(struct tdict *d, const char *key, long long v);
void tmpl_setf(struct tdict *d, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Adds one repetition of section name (and shows it). */
struct tdict *tmpl_section(struct tdict *d, const char *name);
void tmpl_show(struct tdict *d, const char *name);
/* Includes file at {{>name}}; the returned dictionary does not inherit. */
struct tdict *tmpl_include(struct tdict *d, const char *name, const char *file);

/* Expands file (relative to the root) with d, appending to out.
 * Returns 0, or -1 when the template is missing or broken. */
int tmpl_render(const char *file, struct tdict *d, struct buf *out);

#ifdef __cplusplus
}
#endif
#endif
