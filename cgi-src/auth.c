#include "auth.h"

#include <crypt.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "audit_store.h"
#include "digest.h"
#include "roles.h"
#include "user_store.h"

int auth_random_hex(char out[65])
{
	unsigned char raw[32];
	if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw)
		return -1;
	hex_encode(raw, sizeof raw, out);
	return 0;
}

static void token_hash(const char *token, unsigned char out[32])
{
	unsigned int len = 32;
	EVP_Digest(token, strlen(token), out, &len, EVP_sha256(), NULL);
}

static int is_token(const char *s)
{
	if (s == NULL || strlen(s) != 64)
		return 0;
	for (const char *p = s; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return 0;
	return 1;
}

/* Builds the snapshot of a user's name, roles and acting unit (the unit of
 * their oldest active membership). Returns 1 when the user is active, 0
 * when not, or a db_err. */
static int build_snapshot(struct req *r, long long user_id,
			  struct actor_snapshot *sn)
{
	struct snapshot_row *v;
	size_t n;
	int rc = actor_snapshot(r->db, r->a, user_id, &v, &n);
	if (rc != DB_OK)
		return rc;
	if (n == 0)
		return 0;
	memset(sn, 0, sizeof *sn);
	sn->username = v[0].username;
	sn->display_name = v[0].display_name;
	sn->unit_name = sn->jur_name = "";
	long long first = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].role == NULL || v[i].unit_id == 0)
			continue; /* no membership, or its unit is deactivated */
		int ro = role_from_code(v[i].role);
		if (ro < 0)
			continue;
		sn->roles |= 1u << ro;
		if (first != 0 && v[i].membership_id > first)
			continue;
		first = v[i].membership_id;
		sn->unit_id = v[i].unit_id;
		sn->unit_name = v[i].unit_name;
		sn->jur_id = v[i].jur_id;
		sn->jur_name = v[i].jur_name;
		/* The city (no parent) sees everything. */
		sn->scope_jur = v[i].jur_parent_id == 0 ? 0 : sn->jur_id;
	}
	return 1;
}

int auth_load(struct req *r)
{
	const char *token = http_cookie(r->a, r->cookies, AUTH_COOKIE);
	if (!is_token(token))
		return 0;
	unsigned char *hash = arena_alloc(r->a, 32);
	token_hash(token, hash);
	struct session_row *s;
	int rc = session_load(r->db, r->a, hash, r->cfg->session_idle_min,
			      r->cfg->session_max_hours, &s);
	if (rc != DB_OK)
		return rc == DB_DOWN ? DB_DOWN : DB_ERR;
	if (s == NULL)
		return 0;
	long long user_id = s->user_id;
	struct actor_snapshot sn = {
		.username = s->username,
		.display_name = s->display_name,
		.roles = (unsigned)s->roles,
		.unit_id = s->unit_id,
		.unit_name = s->unit_name,
		.jur_id = s->jur_id,
		.jur_name = s->jur_name,
		.scope_jur = s->scope_jur,
	};
	if (!s->current) {
		/* Users, units or roles changed since the snapshot: rebuild it. */
		rc = build_snapshot(r, user_id, &sn);
		if (rc < 0)
			return rc == DB_DOWN ? DB_DOWN : DB_ERR;
		if (rc == 0) {
			session_delete(r->db, r->a, hash);
			return 0;
		}
		rc = session_save_snapshot(r->db, r->a, hash, s->org_gen, &sn);
		if (rc != DB_OK)
			return rc == DB_DOWN ? DB_DOWN : DB_ERR;
	}
	struct actor *ac = arena_zalloc(r->a, sizeof *ac);
	ac->user_id = user_id;
	ac->username = sn.username;
	ac->display_name = sn.display_name;
	ac->csrf = s->csrf;
	ac->roles = sn.roles;
	ac->caps = roles_caps(sn.roles);
	if (sn.unit_id != 0) {
		ac->unit_id = sn.unit_id;
		ac->unit_name = sn.unit_name;
		ac->jur_id = sn.jur_id;
		ac->jur_name = sn.jur_name;
	}
	ac->scope_jur = sn.scope_jur;
	ac->sid_hash = hash;
	r->actor = ac;
	/* Touch at most once a minute: the idle limit is in minutes, and a
	 * write per page view would cost more than the page. */
	if (s->idle_s >= 60)
		session_touch(r->db, r->a, hash);
	return 0;
}

int auth_hash_password(const char *password, char *out, size_t out_size)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt) == NULL)
		return -1;
	struct crypt_data *cd = calloc(1, sizeof *cd);
	if (cd == NULL)
		return -1;
	const char *h = crypt_r(password, salt, cd);
	int rc = -1;
	if (h != NULL && h[0] != '*' && strlen(h) < out_size) {
		memcpy(out, h, strlen(h) + 1);
		rc = 0;
	}
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return rc;
}

/* Compared against when the user does not exist, so that the answer takes
 * as long as for a real account. The password of this hash is unknown. */
static const char dummy_hash[] =
	"$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3";

int auth_check_password(const char *password, const char *hash)
{
	struct crypt_data *cd = calloc(1, sizeof *cd);
	if (cd == NULL)
		return 0;
	const char *h = crypt_r(password, hash, cd);
	int ok = h != NULL && h[0] != '*' && strlen(h) == strlen(hash) &&
		 CRYPTO_memcmp(h, hash, strlen(hash)) == 0;
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return ok;
}

const char *auth_password_problem(const char *pw)
{
	size_t n = strlen(pw);
	if (n < 8)
		return "密码至少需要 8 个字符";
	int letter = 0, digit = 0;
	for (const char *p = pw; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			letter = 1;
		if (*p >= '0' && *p <= '9')
			digit = 1;
	}
	if (!letter || !digit)
		return "密码需同时包含字母和数字";
	return NULL;
}

static int start_session(struct req *r, long long user_id)
{
	char token[65], csrf[65];
	unsigned char hash[32];
	if (auth_random_hex(token) < 0 || auth_random_hex(csrf) < 0)
		return DB_ERR;
	token_hash(token, hash);
	int rc = session_insert(r->db, r->a, hash, user_id, csrf, r->client_addr);
	if (rc == DB_OK)
		http_set_cookie(r, AUTH_COOKIE, token, -1);
	return rc;
}

static enum login_result fail(struct req *r, int rc)
{
	db_rollback(r->db);
	return rc == DB_DOWN ? LOGIN_DOWN : LOGIN_BAD;
}

enum login_result auth_login(struct req *r, const char *username,
			     const char *password)
{
	struct login_row *u;
	long long addr_fails = 0;
	int rc = user_for_login(r->db, r->a, username, &u);
	if (rc == DB_OK)
		rc = login_throttle_get(r->db, r->a, r->client_addr, AUTH_LOCK_MIN, &addr_fails);
	if (rc != DB_OK)
		return rc == DB_DOWN ? LOGIN_DOWN : LOGIN_BAD;
	long long id = u ? u->id : 0;
	int active = u ? (int)u->active : 0;
	int locked = u ? (int)u->locked : 0;
	/* Always pay for one hash, whatever the account's state. */
	int ok = auth_check_password(password, u ? u->password_hash : dummy_hash);
	enum login_result result = LOGIN_BAD;
	if ((rc = db_begin(r->db)) != DB_OK)
		return fail(r, rc);
	const char *detail = arena_printf(r->a, "用户名 %s", username);
	if (addr_fails >= r->cfg->login_addr_max) {
		/* Too many failures from this address: refused, and its tries
		 * count against no account (one address cannot lock any out). */
		rc = audit_add(REQ_CTX(r), id, "login.throttled", "user", id,
			       arena_printf(r->a, "用户名 %s：该地址 %d 分钟内登录失败过多",
					    username, AUTH_LOCK_MIN));
	} else if (id == 0 || !active) {
		rc = login_throttle_fail(r->db, r->a, r->client_addr, AUTH_LOCK_MIN);
		if (rc == DB_OK)
			rc = audit_add(REQ_CTX(r), id, "login.failed", "user", id, detail);
	} else if (locked) {
		result = LOGIN_LOCKED;
		rc = login_throttle_fail(r->db, r->a, r->client_addr, AUTH_LOCK_MIN);
		if (rc == DB_OK)
			rc = audit_add(REQ_CTX(r), id, "login.locked", "user", id, detail);
	} else if (!ok) {
		long long count = 0;
		rc = user_login_failed(r->db, r->a, id, &count);
		if (rc == DB_OK)
			rc = login_throttle_fail(r->db, r->a, r->client_addr, AUTH_LOCK_MIN);
		if (rc == DB_OK)
			rc = audit_add(REQ_CTX(r), id, "login.failed", "user", id, detail);
		if (rc == DB_OK && count >= AUTH_MAX_FAILS) {
			result = LOGIN_LOCKED;
			rc = user_lock(r->db, r->a, id, AUTH_LOCK_MIN);
			if (rc == DB_OK)
				rc = audit_add(REQ_CTX(r), id, "user.lockout", "user", id,
					       arena_printf(r->a, "%s 连续 %d 次登录失败，锁定 %d 分钟",
							    username, AUTH_MAX_FAILS,
							    AUTH_LOCK_MIN));
		}
	} else {
		result = LOGIN_OK;
		rc = user_login_ok(r->db, r->a, id);
		if (rc == DB_OK)
			rc = start_session(r, id);
		if (rc == DB_OK)
			rc = audit_add(REQ_CTX(r), id, "login", "user", id, detail);
	}
	if (rc != DB_OK)
		return fail(r, rc);
	if ((rc = db_commit(r->db)) != DB_OK)
		return fail(r, rc);
	return result;
}

int auth_logout(struct req *r)
{
	if (r->actor == NULL)
		return DB_OK;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = session_delete(r->db, r->a, r->actor->sid_hash);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "logout", "user", r->actor->user_id, "");
	if (rc == DB_OK)
		rc = db_commit(r->db);
	else
		db_rollback(r->db);
	http_set_cookie(r, AUTH_COOKIE, "", 0);
	return rc;
}

const char *auth_csrf_token(struct req *r)
{
	if (r->actor != NULL)
		return r->actor->csrf;
	const char *pre = http_cookie(r->a, r->cookies, AUTH_PRE_COOKIE);
	if (is_token(pre))
		return pre;
	char *t = arena_alloc(r->a, 65);
	if (auth_random_hex(t) < 0)
		return "";
	http_set_cookie(r, AUTH_PRE_COOKIE, t, -1);
	return t;
}

int auth_csrf_ok(struct req *r)
{
	const char *sent = r->f[F_CSRF].s;
	const char *want;
	if (r->actor != NULL)
		want = r->actor->csrf;
	else
		want = http_cookie(r->a, r->cookies, AUTH_PRE_COOKIE);
	if (sent == NULL || !is_token(want) || strlen(sent) != 64)
		return 0;
	return CRYPTO_memcmp(sent, want, 64) == 0;
}
