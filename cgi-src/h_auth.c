/* 登录、退出、修改密码 */
#include <string.h>

#include "audit_store.h"
#include "auth.h"
#include "handlers.h"
#include "user_store.h"
#include "view.h"

/* Only a local path may be a "next" target: never another host. */
static const char *safe_next(const char *next)
{
	if (next == NULL || next[0] != '/' || next[1] == '/' || next[1] == '\\' ||
	    strncmp(next, "/login", 6) == 0)
		return "/";
	return next;
}

static int login_page(struct req *r, int status, const char *alert,
		      const char *username)
{
	struct tdict *d = view_page(r, "登录", "auth/login.tpl");
	tmpl_set(d, "NEXT", safe_next(r->f[F_NEXT].s));
	tmpl_set(d, "USERNAME", username ? username : "");
	if (alert != NULL)
		view_alert(r, alert);
	return view_finish(r, status);
}

int h_login_form(struct req *r)
{
	if (r->actor != NULL)
		return http_redirect(r, safe_next(r->f[F_NEXT].s));
	return login_page(r, 200, NULL, NULL);
}

int h_login(struct req *r)
{
	const char *user = r->f[F_USERNAME].s;
	/* An unknown name, a wrong password, a locked account and a refused
	 * address all get the same answer: the page tells an attacker
	 * nothing (the audit log says which it was). */
	switch (auth_login(r, user, r->f[F_PASSWORD].s)) {
	case LOGIN_OK:
		return http_redirect(r, safe_next(r->f[F_NEXT].s));
	case LOGIN_DOWN:
		return 503;
	case LOGIN_LOCKED:
	case LOGIN_BAD:
	default:
		return login_page(r, 403, "用户名或密码错误。连续多次失败后需等待 15 分钟再试，"
				  "如有疑问请联系系统管理员。", user);
	}
}

int h_logout(struct req *r)
{
	if (auth_logout(r) == DB_DOWN)
		return 503;
	return http_redirect(r, "/login");
}

static int password_page(struct req *r, int status, const char *alert)
{
	view_page(r, "修改密码", "auth/password.tpl");
	if (alert != NULL)
		view_alert(r, alert);
	return view_finish(r, status);
}

int h_password_form(struct req *r)
{
	return password_page(r, 200, NULL);
}

int h_password(struct req *r)
{
	const char *cur = r->f[F_PASSWORD].s, *pw = r->f[F_NEW_PASSWORD].s;
	if (strcmp(pw, r->f[F_NEW_PASSWORD2].s) != 0)
		return password_page(r, 400, "两次输入的新密码不一致。");
	const char *problem = auth_password_problem(pw);
	if (problem != NULL)
		return password_page(r, 400, problem);
	const char *stored;
	int rc = user_password_hash(r->db, r->a, r->actor->user_id, &stored);
	if (rc != DB_OK)
		return rc == DB_DOWN ? 503 : 500;
	if (stored == NULL || !auth_check_password(cur, stored))
		return password_page(r, 403, "当前密码不正确。");
	char hash[256];
	if (auth_hash_password(pw, hash, sizeof hash) < 0)
		return 500;
	rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = user_set_password(r->db, r->a, r->actor->user_id, hash);
	/* Whoever else holds a session of this account (a stolen password's
	 * session, a forgotten browser) is signed out; this one stays. */
	if (rc == DB_OK)
		rc = session_delete_others(r->db, r->a, r->actor->user_id, r->actor->sid_hash);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "user.password", "user", r->actor->user_id,
			       "本人修改密码，其他会话已退出");
	if (rc == DB_OK)
		rc = db_commit(r->db);
	if (rc != DB_OK)
		return rc == DB_DOWN ? 503 : 500;
	view_page(r, "修改密码", "auth/password.tpl");
	view_notice(r, "密码已修改，该账户在其他地方的登录已退出。");
	return view_finish(r, 200);
}
