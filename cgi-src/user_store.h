/* Users, memberships and sessions: every SQL statement about them. */
#ifndef USER_STORE_H
#define USER_STORE_H
#include "db.h"

/* The session's row. Columns: user id, username, display name, csrf,
 * seconds since last seen, roles bitmask, unit id, unit name,
 * jurisdiction id, jurisdiction name, scope jurisdiction id, whether the
 * snapshot is current (1/0), org_gen. No rows: no valid session. */
int session_load(struct db *db, struct arena *a, const unsigned char hash[32],
		 int idle_min, int max_hours, struct dbres *out);

/* What a session remembers about its user (see sql/001_foundation.sql). */
struct actor_snapshot {
	const char *username, *display_name, *unit_name, *jur_name;
	unsigned roles;
	long long unit_id, jur_id, scope_jur;
};

/* The user joined with each active membership, in no order. Columns:
 * username, display name, role, unit id, unit name, jurisdiction id,
 * jurisdiction name, jurisdiction parent id, membership id. No rows: the
 * user is gone or deactivated. */
int actor_snapshot(struct db *db, struct arena *a, long long user_id,
		   struct dbres *out);
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
int session_purge_expired(struct db *db, struct arena *a, int idle_min,
			  int max_hours);

/* Columns: id, password_hash, active, locked (0/1). */
int user_for_login(struct db *db, struct arena *a, const char *username,
		   struct dbres *out);
/* Counts one failed login (a new 15-minute window when the last one has
 * passed). Returns the failures in the window in *count. */
int user_login_failed(struct db *db, struct arena *a, long long id, long long *count);
int user_lock(struct db *db, struct arena *a, long long id, int minutes);
int user_login_ok(struct db *db, struct arena *a, long long id);
int user_set_password(struct db *db, struct arena *a, long long id,
		      const char *hash);
/* Columns: password_hash. */
int user_password_hash(struct db *db, struct arena *a, long long id,
		       struct dbres *out);
/* The unit and jurisdiction a user acts for (first active membership);
 * zeros when none. */
int user_home_unit(struct db *db, struct arena *a, long long user_id,
		   long long *unit_id, long long *jur_id);
int user_count(struct db *db, struct arena *a, long long *n);

/* Admin. jur = 0: every user; else the users all of whose memberships
 * are in jur (a county admin never manages a city user, even one with a
 * county membership). Columns: id, username, display name, phone,
 * active, locked (0/1), roles summary ("角色@单位; …"). */
int user_list(struct db *db, struct arena *a, long long jur, const char *q,
	      struct dbres *out);
/* Columns: id, username, display name, phone, active, locked. No row when
 * out of scope. */
int user_get(struct db *db, struct arena *a, long long jur, long long id,
	     struct dbres *out);
int user_insert(struct db *db, struct arena *a, const char *username,
		const char *display_name, const char *phone, const char *hash,
		long long *id);
/* Returns DB_OK with *changed 0 when out of scope. */
int user_update(struct db *db, struct arena *a, long long jur, long long id,
		const char *display_name, const char *phone, int active,
		int *changed);
int user_unlock(struct db *db, struct arena *a, long long id);

/* Columns: membership id, role, unit id, unit name, jurisdiction name, active. */
int membership_list(struct db *db, struct arena *a, long long user_id,
		    struct dbres *out);
int membership_add(struct db *db, struct arena *a, long long user_id,
		   long long unit_id, const char *role, long long *id);
/* Columns: user id. No row when its user is out of scope. */
int membership_get(struct db *db, struct arena *a, long long jur, long long id,
		   struct dbres *out);
int membership_set_active(struct db *db, struct arena *a, long long id, int active);

#endif
