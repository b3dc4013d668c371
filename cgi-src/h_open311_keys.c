/* 开放接口密钥: the admin makes an API key for another system (named by
 * its source, optionally limited to categories), sees it once, and
 * revokes it. Keys are stored as SHA-256 (open311.c). */
#include <stdio.h>
#include <string.h>

#include "audit_store.h"
#include "auth.h"
#include "handlers.h"
#include "open311.h"
#include "open311_store.h"
#include "order_store.h"
#include "view.h"

static int keys_page(struct req *r, const char *new_key, const char *source)
{
	struct tdict *d = view_page(r, "开放接口密钥", "admin/open311.tpl");
	struct o311_keys_row *k;
	struct order_category_row *c;
	size_t n, nc;
	int rc = o311_keys(r->db, r->a, &k, &n);
	if (rc == DB_OK)
		rc = order_categories(r->db, r->a, &c, &nc);
	if (rc != DB_OK)
		return db_status(rc);
	if (new_key) {
		struct tdict *s = tmpl_section(d, "NEW_KEY");
		tmpl_set(s, "KEY", new_key);
		tmpl_set(s, "SOURCE", source);
	}
	for (size_t i = 0; i < n; i++) {
		struct tdict *s = tmpl_section(d, "KEY_ROW");
		tmpl_set_int(s, "ID", k[i].id);
		tmpl_set(s, "SOURCE", k[i].source);
		tmpl_set(s, "CATEGORIES", *k[i].categories ? k[i].categories : "全部");
		tmpl_set(s, "CREATED", k[i].created);
		tmpl_set_int(s, "REQUESTS", k[i].requests);
		if (*k[i].revoked)
			tmpl_set(tmpl_section(s, "REVOKED"), "AT", k[i].revoked);
		else
			tmpl_show(s, "LIVE");
	}
	for (size_t i = 0; i < nc; i++) {
		struct tdict *o = tmpl_section(d, "CATEGORY");
		tmpl_set_int(o, "ID", c[i].id);
		tmpl_set(o, "NAME", c[i].label);
	}
	return view_finish(r, 200);
}

int h_o311_keys(struct req *r)
{
	return keys_page(r, NULL, NULL);
}

int h_o311_key_create(struct req *r)
{
	const char *source = r->f[F_SOURCE].s;
	struct buf cats;
	buf_init(&cats, r->a);
	for (size_t i = 0; i < r->f[F_CATEGORY_ID].nlist; i++)
		buf_printf(&cats, "%s%lld", i ? "," : "", r->f[F_CATEGORY_ID].list[i]);
	char key[65], hash[65];
	if (auth_random_hex(key) < 0)
		return 500;
	o311_key_hash(key, hash);
	long long id = 0;
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = o311_key_add(r->db, r->a, source, hash, buf_str(&cats), r->actor->user_id, &id);
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "open311.key", "open311_key", id,
			       arena_printf(r->a, "来源系统 %s，分类 %s", source,
					    cats.len ? buf_str(&cats) : "全部"));
	int st = end_tx(r, rc);
	/* The key is shown this once; only its hash is kept. */
	return st ? st : keys_page(r, key, source);
}

int h_o311_key_revoke(struct req *r)
{
	int rc = db_begin(r->db);
	if (rc == DB_OK)
		rc = o311_key_revoke(r->db, r->a, r->id, r->actor->user_id);
	if (rc == DB_CONFLICT) {
		db_rollback(r->db);
		r->err_msg = "该密钥不存在或已撤销。";
		return 404;
	}
	if (rc == DB_OK)
		rc = audit_add(REQ_CTX(r), 0, "open311.revoke", "open311_key", r->id, "撤销");
	int st = end_tx(r, rc);
	return st ? st : http_redirect(r, "/admin/open311?done=revoked");
}
