/* Who acts: the signed-in user as the session holds them, and the context
 * every rule and store call is made in (the rules take a struct ctx, never
 * a request). */
#ifndef ACTOR_H
#define ACTOR_H

struct arena;
struct db;

/* The signed-in user, loaded from the session on each request. */
struct actor {
	long long user_id;
	const char *username;
	const char *display_name;
	long long unit_id;          /* the first active membership's unit */
	const char *unit_name;
	long long jur_id;           /* that unit's jurisdiction */
	const char *jur_name;
	long long scope_jur;        /* 0: whole city; else this jurisdiction only */
	unsigned roles;             /* bit n = enum role n, over all memberships */
	unsigned long long caps;
	const char *csrf;           /* the session's CSRF token */
	const unsigned char *sid_hash; /* the stored session hash, 32 bytes */
};

struct ctx {
	struct db *db;
	struct arena *a;
	const struct actor *actor;  /* NULL before sign-in */
	const char *client_addr;
};

#endif
