/* Users, memberships and sessions: every SQL statement about them. */
#ifndef USER_STORE_H
#define USER_STORE_H
#include "db.h"

/* A session (sql/001_foundation.sql) with the snapshot of its user:
 * current is 1 while no change to the organisation made it stale. */
#define SESSION_ROW(X, S)                                                    \
	X(S, INT, user_id, "s.user_id")                                      \
	X(S, STR, username, "s.username")                                    \
	X(S, STR, display_name, "s.display_name")                            \
	X(S, STR, csrf, "s.csrf")                                            \
	X(S, INT, idle_s, "TIMESTAMPDIFF(SECOND, s.last_seen, UTC_TIMESTAMP())") \
	X(S, INT, roles, "s.roles")                                          \
	X(S, INT, unit_id, "s.unit_id")                                      \
	X(S, STR, unit_name, "s.unit_name")                                  \
	X(S, INT, jur_id, "s.jurisdiction_id")                               \
	X(S, STR, jur_name, "s.jurisdiction_name")                           \
	X(S, INT, scope_jur, "s.scope_jurisdiction_id")                      \
	X(S, INT, current, "s.snapshot_gen = s.org_gen")                     \
	X(S, INT, org_gen, "s.org_gen")
DB_ROW_STRUCT(session_row, SESSION_ROW);

/* *s NULL: no valid session. */
int session_load(struct db *db, struct arena *a, const unsigned char hash[32],
		 int idle_min, int max_hours, struct session_row **s);

/* What a session remembers about its user (see sql/001_foundation.sql). */
struct actor_snapshot {
	const char *username, *display_name, *unit_name, *jur_name;
	unsigned roles;
	long long unit_id, jur_id, scope_jur;
};

/* The user joined with one of their active memberships: role NULL when
 * they have none; unit_id 0 when its unit is deactivated; jur_parent_id 0
 * for the city. */
#define SNAPSHOT_ROW(X, S)                                                   \
	X(S, STR, username, "u.username")                                    \
	X(S, STR, display_name, "u.display_name")                            \
	X(S, NSTR, role, "m.role")                                           \
	X(S, INT, unit_id, "un.id")                                          \
	X(S, STR, unit_name, "un.name")                                      \
	X(S, INT, jur_id, "j.id")                                            \
	X(S, STR, jur_name, "j.name")                                        \
	X(S, INT, jur_parent_id, "j.parent_id")                              \
	X(S, INT, membership_id, "m.id")
DB_ROW_STRUCT(snapshot_row, SNAPSHOT_ROW);

/* One row per active membership, in no order. None: the user is gone or
 * deactivated. */
int actor_snapshot(struct db *db, struct arena *a, long long user_id,
		   struct snapshot_row **v, size_t *n);
int session_save_snapshot(struct db *db, struct arena *a,
			  const unsigned char hash[32], long long gen,
			  const struct actor_snapshot *s);
/* Marks every session's snapshot stale: call in the transaction of any
 * change to users, units, memberships or jurisdictions. A rebuild that
 * races with it records the older org_gen, so the next request rebuilds
 * again. */
int org_bump(struct db *db, struct arena *a);
int session_touch(struct db *db, struct arena *a, const unsigned char hash[32]);
int session_insert(struct db *db, struct arena *a, const unsigned char hash[32],
		   long long user_id, const char *csrf, const char *addr);
int session_delete(struct db *db, struct arena *a, const unsigned char hash[32]);
/* Ends every session of a user (deactivation, password change). */
int session_delete_user(struct db *db, struct arena *a, long long user_id);
/* Failed logins from client within its window of window_min minutes
 * (0 when none), and one more. */
int login_throttle_get(struct db *db, struct arena *a, const char *client, int window_min,
		       long long *failures);
int login_throttle_fail(struct db *db, struct arena *a, const char *client, int window_min);
/* Every session of the user but the one whose hash is keep. */
int session_delete_others(struct db *db, struct arena *a, long long user_id,
			  const unsigned char keep[32]);
/* Deletes sessions idle longer than idle_min or older than max_hours
 * (session_load already refuses them); *n is how many. */
int session_purge_expired(struct db *db, struct arena *a, int idle_min,
			  int max_hours, long long *n);
/* Deletes addresses' failure counts whose window ended (a new failure
 * starts a new window anyway); *n is how many. */
int login_throttle_prune(struct db *db, struct arena *a, int window_min, long long *n);

/* What signing in needs of an account; locked is 1 while a lockout runs. */
#define LOGIN_ROW(X, S)                                                      \
	X(S, INT, id, "id")                                                  \
	X(S, STR, password_hash, "password_hash")                            \
	X(S, INT, active, "active")                                          \
	X(S, INT, locked, "COALESCE(locked_until > UTC_TIMESTAMP(), 0)")
DB_ROW_STRUCT(login_row, LOGIN_ROW);

/* *u NULL when there is no such user. */
int user_for_login(struct db *db, struct arena *a, const char *username,
		       struct login_row **u);
/* Counts one failed login (a new 15-minute window when the last one has
 * passed). Returns the failures in the window in *count. */
int user_login_failed(struct db *db, struct arena *a, long long id, long long *count);
int user_lock(struct db *db, struct arena *a, long long id, int minutes);
int user_login_ok(struct db *db, struct arena *a, long long id);
int user_set_password(struct db *db, struct arena *a, long long id,
		      const char *hash);
/* *hash NULL when there is no such user. */
int user_password_hash(struct db *db, struct arena *a, long long id,
		       const char **hash);
/* The unit and jurisdiction a user acts for (first active membership);
 * zeros when none. */
int user_home_unit(struct db *db, struct arena *a, long long user_id,
		   long long *unit_id, long long *jur_id);
int user_count(struct db *db, struct arena *a, long long *n);

/* An account as the admin pages show it; locked is 1 while a lockout
 * runs. */
#define USER_ROW(X, S)                                                       \
	X(S, INT, id, "u.id")                                                \
	X(S, STR, username, "u.username")                                    \
	X(S, STR, display_name, "u.display_name")                            \
	X(S, STR, phone, "u.phone")                                          \
	X(S, INT, active, "u.active")                                        \
	X(S, INT, locked, "COALESCE(u.locked_until > UTC_TIMESTAMP(), 0)")
DB_ROW_STRUCT(user_row, USER_ROW);
/* The same with the active memberships, "role@unit; …" by membership,
 * NULL when none. */
#define USER_LIST_ROW(X, S)                                                  \
	USER_ROW(X, S)                                                       \
	X(S, NSTR, roles, "(SELECT GROUP_CONCAT(CONCAT(m.role, '@', un.name) ORDER BY m.id" \
	  " SEPARATOR '; ') FROM memberships m JOIN units un ON un.id = m.unit_id" \
	  " WHERE m.user_id = u.id AND m.active = 1)")
DB_ROW_STRUCT(user_list_row, USER_LIST_ROW);

/* Admin. jur = 0: every user; else the users all of whose memberships
 * are in jur (a county admin never manages a city user, even one with a
 * county membership). By id. */
int user_list(struct db *db, struct arena *a, long long jur, const char *q,
	      struct user_list_row **v, size_t *n);
/* *u NULL when missing or out of scope. */
int user_get(struct db *db, struct arena *a, long long jur, long long id,
	     struct user_row **u);
int user_insert(struct db *db, struct arena *a, const char *username,
		const char *display_name, const char *phone, const char *hash,
		long long *id);
/* Returns DB_OK with *changed 0 when out of scope. */
int user_update(struct db *db, struct arena *a, long long jur, long long id,
		const char *display_name, const char *phone, int active,
		int *changed);
int user_unlock(struct db *db, struct arena *a, long long id);

#define MEMBERSHIP_ROW(X, S)                                                 \
	X(S, INT, id, "m.id")                                                \
	X(S, STR, role, "m.role")                                            \
	X(S, INT, unit_id, "un.id")                                          \
	X(S, STR, unit_name, "un.name")                                      \
	X(S, STR, jur_name, "j.name")                                        \
	X(S, INT, active, "m.active")
DB_ROW_STRUCT(membership_row, MEMBERSHIP_ROW);

/* Every membership of the user, active or not, by id. */
int membership_list(struct db *db, struct arena *a, long long user_id,
		    struct membership_row **v, size_t *n);
int membership_add(struct db *db, struct arena *a, long long user_id,
		   long long unit_id, const char *role, long long *id);
/* The membership's user in *user_id; 0 when the membership is missing or
 * its user is out of scope. */
int membership_get(struct db *db, struct arena *a, long long jur, long long id,
		   long long *user_id);
int membership_set_active(struct db *db, struct arena *a, long long id, int active);

#endif
