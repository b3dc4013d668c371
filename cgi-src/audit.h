/* The audit log's hash chain (pure): each row's hash covers its fields and
 * the previous row's hash, so an edited or removed row breaks the chain. */
#ifndef AUDIT_H
#define AUDIT_H
#include <stddef.h>

#define AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

struct audit_rec {
	long long id;
	const char *at;           /* UTC, "YYYY-MM-DD HH:MM:SS.ffffff" */
	long long actor_user_id;  /* 0 when none (e.g. unknown user) */
	long long actor_unit_id;  /* 0 when none */
	long long actor_jur_id;   /* the actor unit's jurisdiction, 0 when none */
	const char *client_addr;
	const char *action;       /* e.g. "login", "unit.create" */
	const char *object_type;
	long long object_id;
	const char *detail;
	const char *prev_hash;    /* 64 hex digits; NULL until sealed */
	const char *hash;         /* 64 hex digits; NULL until sealed */
	long long seq;            /* the place in the chain (not hashed); 0 until sealed */
};

/* The Chinese name of an action code of the log ("kb.submit" → 提交知识审核),
 * or the code itself when it has none. The log stores codes; only the page
 * shows names. */
const char *audit_action_label(const char *code);

/* Computes the hash of rec (ignoring rec->hash) into out (65 bytes). */
void audit_hash(const struct audit_rec *rec, char out[65]);

/* Seals rows[0..n) (in id order, unsealed) after the chain's end (its
 * place last_seq and hash last_hash): numbers them last_seq + 1 ..., and
 * sets each prev_hash and hash, the hashes written into hashes[i]. */
void audit_chain(struct audit_rec *rows, size_t n, long long last_seq,
		 const char *last_hash, char (*hashes)[65]);

/* Checks rows[0..n) in chain (seq) order, the first of which must follow prev_hash.
 * Returns the index of the first broken row, or -1 when all hold. */
long audit_verify(const struct audit_rec *rows, size_t n, const char *prev_hash);

#endif
