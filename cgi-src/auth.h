/* Sign-in, sessions, CSRF and passwords. */
#ifndef AUTH_H
#define AUTH_H
#include <stddef.h>
#include "http.h"

#define AUTH_COOKIE "hl_sid"
#define AUTH_PRE_COOKIE "hl_pre"    /* CSRF token before sign-in */
#define AUTH_MAX_FAILS 5            /* failures within the window lock */
#define AUTH_LOCK_MIN 15

enum login_result { LOGIN_OK, LOGIN_BAD, LOGIN_LOCKED, LOGIN_DOWN };

/* Loads r->actor from the session cookie (NULL when there is none or it
 * expired). Returns 0 or DB_DOWN. */
int auth_load(struct req *r);
/* Checks the password, counts failures and locks; on success starts a
 * session and sets its cookie. Every outcome is audit-logged. */
enum login_result auth_login(struct req *r, const char *username,
			     const char *password);
int auth_logout(struct req *r);

/* The CSRF token a form of this request must carry: the session's, or for
 * an anonymous visitor a fresh token also set as a cookie. */
const char *auth_csrf_token(struct req *r);
/* Whether the POSTed csrf field matches. */
int auth_csrf_ok(struct req *r);

/* Hashes a password with yescrypt into out (CRYPT_OUTPUT_SIZE bytes).
 * Returns 0 or -1. */
int auth_hash_password(const char *password, char *out, size_t out_size);
/* 1 when password matches hash; constant-time comparison. */
int auth_check_password(const char *password, const char *hash);
/* Minimum rules for a new password; NULL when fine, else the reason. */
const char *auth_password_problem(const char *password);

/* Random token as 64 hex digits (32 bytes); 0 or -1. */
int auth_random_hex(char out[65]);

#endif
