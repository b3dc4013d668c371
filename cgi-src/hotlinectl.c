/* hotlinectl: what is not a web page — migrations, users, the calendar
 * import and the audit chain check. Every change it makes is audit-logged
 * with the client address "hotlinectl". Its commands are the table
 * commands[] at the end, as the pages are the route table. */
#include <dirent.h>
#include <errno.h>
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "assess.h"
#include "assess_run.h"
#include "assess_store.h"
#include "audit_store.h"
#include "auth.h"
#include "bulletin_store.h"
#include "calendar_store.h"
#include "config.h"
#include "db.h"
#include "kb_index.h"
#include "kb_ops.h"
#include "kb_search.h"
#include "search_store.h"
#include "kb_store.h"
#include "kb_xml.h"
#include "open311.h"
#include "open311_store.h"
#include "order_sweep.h"
#include "org_store.h"
#include "roles.h"
#include "score_store.h"
#include "status_store.h"
#include "user_store.h"
#include "workdays.h"

enum stmt {
	STMT_MIGRATIONS_TABLE,
	STMT_MIGRATION_APPLIED,
	STMT_MIGRATION_RECORD,
	STMT__MAX
};

/* Whether a migration is recorded as applied. */
#define APPLIED_ROW(X, S) X(S, INT, n, "COUNT(*)")
DB_ROW_STRUCT(applied_row, APPLIED_ROW);
DB_ROW_COLS(applied_row, APPLIED_ROW);

static const char *const sql[STMT__MAX] = {
	[STMT_MIGRATIONS_TABLE] = "CREATE TABLE IF NOT EXISTS schema_migrations ("
	" version INT UNSIGNED NOT NULL PRIMARY KEY,"
	" name VARCHAR(200) NOT NULL,"
	" applied_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP()"
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
	[STMT_MIGRATION_APPLIED] = "SELECT " DB_COLS(APPLIED_ROW)
	" FROM schema_migrations WHERE version = ?",
	[STMT_MIGRATION_RECORD] = "INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
};

static struct config cfg;
static struct arena arena;
static struct db *db;

/* What a command's handler returns when its arguments have the right
 * count but not the right form: main prints the usage, exit 2. */
#define USAGE (-1)

static int die_db(const char *what, int rc)
{
	fprintf(stderr, "hotlinectl: %s: %s%s\n", what, db_error(db),
		rc == DB_DOWN ? " (database unreachable)" : "");
	return 2;
}

/* Reads a whole file into the arena; NULL (with a message) on failure. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		fprintf(stderr, "hotlinectl: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	struct buf b;
	buf_init(&b, &arena);
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_str(&b);
}

/* Runs the statements of an SQL file: each ends with ';' at the end of a
 * line; lines starting with "--" are comments. Returns 0 or a db_err. */
static int run_sql_file(const char *path, int *count)
{
	char *text = slurp(path);
	if (text == NULL)
		return DB_ERR;
	struct buf stmt;
	buf_init(&stmt, &arena);
	int lineno = 0;
	*count = 0;
	for (char *line = text; *line != '\0';) {
		char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		lineno++;
		char *l = arena_strndup(&arena, line, len);
		line += len + (nl ? 1 : 0);
		size_t k = strlen(l);
		while (k > 0 && (l[k - 1] == ' ' || l[k - 1] == '\r' || l[k - 1] == '\t'))
			l[--k] = '\0';
		const char *t = l;
		while (*t == ' ' || *t == '\t')
			t++;
		if (strncmp(t, "--", 2) == 0 || (*t == '\0' && stmt.len == 0))
			continue;
		if (k > 0 && l[k - 1] == ';') {
			l[k - 1] = '\0';
			buf_puts(&stmt, l);
			int rc = db_exec_text(db, buf_str(&stmt));
			if (rc != DB_OK) {
				fprintf(stderr, "hotlinectl: %s:%d: %s\n", path, lineno,
					db_error(db));
				return rc;
			}
			(*count)++;
			stmt.len = 0;
		} else {
			buf_puts(&stmt, l);
			buf_puts(&stmt, "\n");
		}
	}
	/* A statement whose ';' is not at the end of its line (a comment
	 * after it) would otherwise be dropped without a word. */
	const char *rest = buf_str(&stmt);
	if (rest[strspn(rest, " \t\n")] != '\0') {
		fprintf(stderr, "hotlinectl: %s: a statement does not end with ';' at the end"
			" of a line\n", path);
		return DB_ERR;
	}
	return DB_OK;
}

static int is_migration(const struct dirent *e)
{
	const char *n = e->d_name;
	size_t len = strlen(n);
	return len > 8 && n[0] >= '0' && n[0] <= '9' && n[1] >= '0' &&
	       n[1] <= '9' && n[2] >= '0' && n[2] <= '9' && n[3] == '_' &&
	       strcmp(n + len - 4, ".sql") == 0;
}

/* Fills the lint's list of misused words from sql/lint/typos.tsv
 * (wrong<TAB>right per line) while the list is empty: after that it is the
 * office's. */
static int load_typos(void)
{
	long long have = 0;
	int rc = kb_typos_count(db, &arena, &have);
	if (rc != DB_OK)
		return die_db("migrate", rc);
	if (have > 0)
		return 0;
	char *path = arena_printf(&arena, "%s/lint/typos.tsv", cfg.sql_dir);
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		fprintf(stderr, "hotlinectl: %s: %s\n", path, strerror(errno));
		return 2;
	}
	char line[256];
	int added = 0;
	rc = db_begin(db);
	while (rc == DB_OK && fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		char *tab = strchr(line, '\t');
		if (line[0] == '#' || tab == NULL)
			continue;
		*tab = '\0';
		rc = kb_typo_add(db, &arena, line, tab + 1);
		added++;
	}
	fclose(f);
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK) {
		db_rollback(db);
		return die_db("migrate", rc);
	}
	printf("loaded %d misused words for the knowledge lint\n", added);
	return 0;
}

static int cmd_migrate(char **args)
{
	(void)args;
	int rc = db_exec0(db, &arena, sql[STMT_MIGRATIONS_TABLE], NULL);
	if (rc != DB_OK)
		return die_db("migrate", rc);
	struct dirent **list;
	int n = scandir(cfg.sql_dir, &list, is_migration, alphasort);
	if (n < 0) {
		fprintf(stderr, "hotlinectl: %s: %s\n", cfg.sql_dir, strerror(errno));
		return 2;
	}
	int status = 0, applied = 0;
	for (int i = 0; i < n; i++) {
		const char *name = list[i]->d_name;
		long long version = strtoll(name, NULL, 10);
		struct dbres res;
		struct applied_row *done = NULL;
		if (status == 0 &&
		    (rc = db_exec(db, &arena, sql[STMT_MIGRATION_APPLIED], &res, DB_I(version))) != DB_OK)
			status = die_db("migrate", rc);
		if (status == 0)
			done = db_rows(&res, applied_row, &arena);
		if (status == 0 && done->n == 0) {
			char *path = arena_printf(&arena, "%s/%s", cfg.sql_dir, name);
			int count;
			if (run_sql_file(path, &count) != DB_OK ||
			    db_exec(db, &arena, sql[STMT_MIGRATION_RECORD], NULL,
				    DB_I(version), DB_S(name)) != DB_OK) {
				fprintf(stderr, "hotlinectl: migration %s failed\n", name);
				status = 2;
			} else {
				printf("applied %s (%d statements)\n", name, count);
				applied++;
			}
		}
		free(list[i]);
	}
	free(list);
	if (status == 0 && applied == 0)
		printf("schema is up to date\n");
	return status ? status : load_typos();
}

static int cmd_has_users(char **args)
{
	(void)args;
	long long n = 0;
	int rc = user_count(db, &arena, &n);
	if (rc != DB_OK)
		return die_db("has-users", rc);
	return n > 0 ? 0 : 1;
}

static int wrote_audit;

static int tool_audit(const char *action, const char *otype, long long oid,
		      const char *detail)
{
	struct audit_rec rec;
	memset(&rec, 0, sizeof rec);
	rec.client_addr = "hotlinectl";
	rec.action = action;
	rec.object_type = otype;
	rec.object_id = oid;
	rec.detail = detail;
	wrote_audit = 1;
	return audit_append(db, &arena, &rec);
}

/* open311 key SOURCE [CATEGORY_ID...]: a new API key for another system,
 * printed once as "ID KEY"; only its hash is stored. */
static int cmd_open311_key(char **args)
{
	const char *source = args[0];
	struct fval fv;
	if (field_check(F_SOURCE, source, strlen(source), &fv) < 0 || !fv.present) {
		fprintf(stderr, "hotlinectl: bad source name\n");
		return 2;
	}
	struct buf cats;
	buf_init(&cats, &arena);
	for (char **a = args + 1; *a; a++) {
		if (field_check(F_CATEGORY_ID, *a, strlen(*a), &fv) < 0 || !fv.present) {
			fprintf(stderr, "hotlinectl: bad category id %s\n", *a);
			return 2;
		}
		buf_printf(&cats, "%s%lld", cats.len ? "," : "", fv.i);
	}
	char key[65], hash[65];
	if (auth_random_hex(key) < 0)
		return 1;
	o311_key_hash(key, hash);
	long long id = 0;
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = o311_key_add(db, &arena, source, hash, buf_str(&cats), 0, &id);
	if (rc == DB_OK)
		rc = tool_audit("open311.key", "open311_key", id,
				arena_printf(&arena, "来源系统 %s，分类 %s", source,
					     cats.len ? buf_str(&cats) : "全部"));
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK) {
		db_rollback(db);
		return die_db("open311 key", rc);
	}
	printf("%lld %s\n", id, key);
	return 0;
}

static int cmd_open311_revoke(char **args)
{
	struct fval fv;
	if (field_check(F_USER_ID, args[0], strlen(args[0]), &fv) < 0 || !fv.present) {
		fprintf(stderr, "hotlinectl: bad key id\n");
		return 2;
	}
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = o311_key_revoke(db, &arena, fv.i, 0);
	if (rc == DB_OK)
		rc = tool_audit("open311.revoke", "open311_key", fv.i, "撤销");
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK) {
		db_rollback(db);
		if (rc == DB_CONFLICT) {
			fprintf(stderr, "hotlinectl: no live key %lld\n", fv.i);
			return 1;
		}
		return die_db("open311 revoke", rc);
	}
	printf("revoked key %lld\n", fv.i);
	return 0;
}


/* Seals what this command appended (hotlined's sealer would within a
 * second; a command run alone, e.g. before hotlined starts, seals its
 * own). */
static int seal_all(void)
{
	long long n;
	int rc;
	do {
		rc = audit_seal(db, &arena, 1000, &n);
		arena_reset(&arena);
	} while (rc == DB_OK && n > 0);
	return rc;
}

/* Parses and checks the whole CSV before it changes anything. */
struct cal_row {
	char day[11];
	const char *kind;
	const char *name;
};

static int parse_calendar_csv(const char *path, struct cal_row **rows, size_t *n)
{
	char *text = slurp(path);
	if (text == NULL)
		return -1;
	size_t cap = 16, errors = 0;
	*rows = arena_alloc(&arena, cap * sizeof **rows);
	*n = 0;
	int lineno = 0;
	for (char *save = NULL, *line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		lineno++;
		size_t len = strlen(line);
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if (len == 0 || line[0] == '#' || strncmp(line, "date,", 5) == 0)
			continue;
		char *c1 = strchr(line, ',');
		char *c2 = c1 ? strchr(c1 + 1, ',') : NULL;
		if (c1 == NULL) {
			fprintf(stderr, "%s:%d: expected date,kind,name\n", path, lineno);
			errors++;
			continue;
		}
		*c1 = '\0';
		if (c2)
			*c2 = '\0';
		int day;
		const char *kind = c1 + 1;
		if (wd_parse(line, &day) < 0) {
			fprintf(stderr, "%s:%d: bad date '%s'\n", path, lineno, line);
			errors++;
			continue;
		}
		if (strcmp(kind, "holiday") != 0 && strcmp(kind, "workday") != 0 &&
		    strcmp(kind, "normal") != 0) {
			fprintf(stderr, "%s:%d: kind must be holiday, workday or normal\n",
				path, lineno);
			errors++;
			continue;
		}
		const char *name = c2 ? c2 + 1 : "";
		struct fval fv;
		if (field_check(F_NAME, name, strlen(name), &fv) < 0) {
			fprintf(stderr, "%s:%d: name is not one line of UTF-8 of at most %zu characters\n",
				path, lineno, field_defs[F_NAME].max_len);
			errors++;
			continue;
		}
		if (*n == cap) {
			struct cal_row *bigger = arena_alloc(&arena, 2 * cap * sizeof *bigger);
			memcpy(bigger, *rows, cap * sizeof *bigger);
			*rows = bigger;
			cap *= 2;
		}
		wd_format(day, (*rows)[*n].day);
		(*rows)[*n].kind = kind;
		(*rows)[*n].name = name;
		(*n)++;
	}
	return errors ? -1 : 0;
}

static int import_calendar(const char *path, int quiet)
{
	struct cal_row *rows;
	size_t n;
	if (parse_calendar_csv(path, &rows, &n) < 0) {
		fprintf(stderr, "hotlinectl: %s: nothing imported\n", path);
		return 1;
	}
	int rc = db_begin(db);
	for (size_t i = 0; rc == DB_OK && i < n; i++)
		rc = calendar_set(db, &arena, rows[i].day, rows[i].kind, rows[i].name);
	if (rc == DB_OK)
		rc = tool_audit("calendar.import", "calendar", 0,
				arena_printf(&arena, "导入 %s，%zu 天", path, n));
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK) {
		db_rollback(db);
		return die_db("calendar import", rc);
	}
	if (!quiet)
		printf("imported %zu calendar days from %s\n", n, path);
	return 0;
}

static int cmd_calendar_import(char **args)
{
	return import_calendar(args[0], 0);
}

/* hotlinectl kb import FILE --unit CODE [--draft]: the whole file in one
 * transaction; a file with any error changes nothing. */
static int import_file(const char *path, const char *code, int as_draft, int quiet)
{
	struct unit_row *unit;
	int rc = unit_by_code(db, &arena, code, &unit);
	if (rc != DB_OK)
		return die_db("kb import", rc);
	if (unit == NULL) {
		fprintf(stderr, "hotlinectl: no unit with code %s\n", code);
		return 2;
	}
	long long unit_id = unit->id;
	struct kb_import_entry *entries;
	size_t n;
	char *xsd = arena_printf(&arena, "%s/kb.xsd", cfg.sql_dir);
	int problems = kb_xml_read(&arena, path, xsd, code, &entries, &n);
	if (problems != 0) {
		fprintf(stderr, "hotlinectl: %s: %d problem(s); nothing imported\n", path,
			problems < 0 ? 1 : problems);
		return 1;
	}
	struct wd_calendar cal;
	rc = calendar_load(db, &arena, &cal);
	if (rc == DB_OK)
		rc = db_begin(db);
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		long long eid, vid;
		rc = kb_create(db, &arena, &cal, unit_id, &entries[i].draft, 0, &eid, &vid);
		if (rc == DB_OK && !as_draft)
			rc = kb_publish(db, &arena, eid, vid, "draft", 0, 0);
		if (rc != DB_OK)
			fprintf(stderr, "%s:%ld: %s\n", path, entries[i].line, db_error(db));
	}
	if (rc == DB_OK)
		rc = tool_audit("kb.import", "unit", unit_id,
				arena_printf(&arena, "导入 %s：%zu 条%s", path, n,
					     as_draft ? "（草稿）" : "（发布）"));
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK) {
		db_rollback(db);
		fprintf(stderr, "hotlinectl: %s: nothing imported\n", path);
		return die_db("kb import", rc);
	}
	if (!quiet)
		printf("imported %zu entries from %s into %s\n", n, path, code);
	return 0;
}

static int cmd_kb_import(char **args)
{
	if (strcmp(args[1], "--unit") != 0 || (args[3] != NULL && strcmp(args[3], "--draft") != 0))
		return USAGE;
	return import_file(args[0], args[2], args[3] != NULL, 0);
}

/* hotlinectl kb export --unit CODE: the unit's own entries and those of
 * units that granted it use (K6). */
static int export_unit(const char *code, const char *out_path)
{
	struct unit_row *unit;
	struct kb_grantor_row *granted;
	size_t ngranted = 0;
	int rc = unit_by_code(db, &arena, code, &unit);
	if (rc != DB_OK)
		return die_db("kb export", rc);
	if (unit == NULL) {
		fprintf(stderr, "hotlinectl: no unit with code %s\n", code);
		return 2;
	}
	char day[11];
	calendar_today(day);
	rc = kb_grantors(db, &arena, unit->id, day, &granted, &ngranted);
	if (rc != DB_OK)
		return die_db("kb export", rc);
	long long *ids = arena_alloc(&arena, (ngranted + 1) * sizeof *ids);
	ids[0] = unit->id;
	for (size_t i = 0; i < ngranted; i++)
		ids[i + 1] = granted[i].unit_id;
	struct buf xml;
	buf_init(&xml, &arena);
	rc = kb_xml_write(db, &arena, ids, ngranted + 1, &xml);
	if (rc != DB_OK)
		return die_db("kb export", rc);
	FILE *f = out_path ? fopen(out_path, "w") : stdout;
	if (f == NULL) {
		fprintf(stderr, "hotlinectl: %s: %s\n", out_path, strerror(errno));
		return 2;
	}
	fwrite(xml.p, 1, xml.len, f);
	if (out_path)
		fclose(f);
	rc = db_begin(db);
	if (rc == DB_OK)
		rc = tool_audit("kb.export", "unit", ids[0],
				arena_printf(&arena, "导出 %s 及 %zu 个授权单位的知识", code,
					     ngranted));
	if (rc == DB_OK)
		rc = db_commit(db);
	return rc == DB_OK ? 0 : die_db("kb export", rc);
}

static int cmd_kb_export(char **args)
{
	if (strcmp(args[0], "--unit") != 0 ||
	    (args[2] != NULL && (strcmp(args[2], "-o") != 0 || args[3] == NULL)))
		return USAGE;
	return export_unit(args[1], args[2] != NULL ? args[3] : NULL);
}

static int is_xml(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0;
}

/* hotlinectl kb synonyms FILE.tsv: "word<TAB>word" lines (# comments),
 * in one transaction; pairs already there are skipped. */
static int import_synonyms(const char *path)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		fprintf(stderr, "hotlinectl: %s: %s\n", path, strerror(errno));
		return 2;
	}
	char line[512];
	int lineno = 0, added = 0, status = 0;
	int rc = db_begin(db);
	while (rc == DB_OK && status == 0 && fgets(line, sizeof line, f) != NULL) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *tab = strchr(line, '\t');
		const char *msg;
		long long id;
		if (tab == NULL) {
			fprintf(stderr, "%s:%d: expected two words separated by a tab\n", path, lineno);
			status = 2;
			break;
		}
		*tab = '\0';
		rc = kb_synonym_add(db, &arena, line, tab + 1, 0, &id, &msg);
		if (rc == DB_DUP) {
			rc = DB_OK;
		} else if (rc == DB_OK) {
			added++;
		} else if (msg != NULL) {
			fprintf(stderr, "%s:%d: %s\n", path, lineno, msg);
			status = 2;
			rc = DB_OK;
		}
	}
	fclose(f);
	if (rc == DB_OK && status == 0)
		rc = tool_audit("kb.synonyms.import", "", 0,
				arena_printf(&arena, "导入同义词 %d 对", added));
	if (rc == DB_OK && status == 0)
		rc = db_commit(db);
	if (rc != DB_OK || status != 0) {
		db_rollback(db);
		return status ? status : die_db("kb synonyms", rc);
	}
	printf("imported %d synonym pairs\n", added);
	return 0;
}

static int cmd_kb_synonyms(char **args)
{
	return import_synonyms(args[0]);
}

/* hotlinectl kb index-status: how current this node's index is. Exit 1
 * when it is missing, of another format, or behind the database. */
static int cmd_kb_index_status(char **args)
{
	(void)args;
	struct kbi_status st;
	unsigned long long last = 0;
	int rc = search_change_last(db, &arena, &last);
	if (rc != DB_OK)
		return die_db("kb index-status", rc);
	if (kbi_status(cfg.search_index, &st) < 0) {
		printf("search index: none under %s; database at change %llu\n",
		       cfg.search_index, last);
		return 1;
	}
	printf("search index: %s/%s format %s, %lu entries, at change %llu of %llu%s\n",
	       cfg.search_index, st.name, st.format, st.docs, st.seq, last,
	       strcmp(st.format, KBI_FORMAT) != 0 ? " (another format: rebuilt at start)" :
	       st.seq < last ? " (behind)" : "");
	return strcmp(st.format, KBI_FORMAT) == 0 && st.seq >= last ? 0 : 1;
}

/* hotlinectl kb reindex: a new search index of this node, made current. */
static int cmd_kb_reindex(char **args)
{
	(void)args;
	struct kbi_stats st;
	char err[256];
	if (cfg.search_index[0] == '\0') {
		fprintf(stderr, "hotlinectl: kb reindex: search_index is not set\n");
		return 2;
	}
	db_allow_long_ops(db);
	if (kbi_rebuild(db, cfg.search_index, NULL, &st, err, sizeof err) < 0) {
		fprintf(stderr, "hotlinectl: kb reindex: %s\n", err);
		return 2;
	}
	printf("search index: %lld entries in %.1f s, %.1f MB, at change %llu\n", st.docs,
	       st.seconds, (double)st.bytes / 1e6, st.seq);
	return 0;
}

/* hotlinectl kb search [--public] QUESTION: what the search makes of a
 * question - its words and their weights, the synonyms applied, and the
 * results with how much of the question each holds. */
static int cmd_kb_search(char **args)
{
	int public_only = args[1] != NULL;
	if (public_only && strcmp(args[0], "--public") != 0)
		return USAGE;
	const char *q = args[public_only];
	struct kbi_reader *rd = cfg.search_index[0] ? kbi_reader_new(cfg.search_index) : NULL;
	struct kb_found f;
	int rc = kb_find(db, &arena, rd, KB_ENGINE_INDEX, q, public_only, 1, &f);
	if (rc != DB_OK) {
		kbi_reader_free(rd);
		return die_db("kb search", rc);
	}
	printf("engine: %s\n", f.engine == KB_ENGINE_INDEX ? "index" : "sql (no index fit to search)");
	if (f.query != NULL) {
		const struct kq *k = f.query;
		printf("words:");
		for (size_t u = 0; u < k->nu; u++)
			printf(" %.*s%s=%.2f", (int)k->u[u].len, k->u[u].p,
			       k->u[u].stop ? "(stop)" : k->u[u].unknown ? "(unknown)" : "",
			       k->u[u].w);
		printf("\nterms:");
		for (size_t t = 0; t < k->nt; t++)
			if (k->t[t].weight > 0)
				printf(" %s%s", k->t[t].term, t >= k->norig ? "(synonym)" : "");
		printf("\n");
	}
	for (size_t i = 0; i < f.n; i++)
		printf("%2zu. #%lld %s [%s] coverage %.2f prominence %.2f%s\n", i + 1,
		       f.hits[i].entry_id, f.hits[i].title, f.hits[i].unit, f.hits[i].coverage,
		       f.hits[i].prominence, f.hits[i].learned ? " learned" : "");
	if (f.n == 0)
		printf("没有找到 (a gap would be recorded as \"%s\")\n", f.gap_key);
	kbi_reader_free(rd);
	return 0;
}

/* Every sql/demo/kb/CODE.xml, into unit CODE. */
static int demo_kb(void)
{
	char *dir = arena_printf(&arena, "%s/demo/kb", cfg.sql_dir);
	struct dirent **list;
	int n = scandir(dir, &list, is_xml, alphasort);
	if (n < 0)
		return 0;
	int status = 0, total = 0;
	for (int i = 0; i < n; i++) {
		char *code = arena_strndup(&arena, list[i]->d_name,
					   strlen(list[i]->d_name) - 4);
		if (status == 0 &&
		    (status = import_file(arena_printf(&arena, "%s/%s", dir, list[i]->d_name),
					code, 0, 1)) == 0)
			total++;
		free(list[i]);
	}
	free(list);
	if (status == 0)
		printf("imported the demo knowledge of %d units\n", total);
	return status;
}

/* One month's assessment (K10) in its own transaction, under the current
 * formula; refused once a bulletin of the month is published. */
static int assess_month(const char *month)
{
	struct wd_calendar cal;
	struct assess_formula f;
	struct assess_run_stats st;
	int frozen = 0;
	int rc = bulletin_month_published(db, &arena, month, &frozen);
	if (rc == DB_OK && frozen) {
		fprintf(stderr, "hotlinectl: %s: its bulletin is published; the scores are frozen\n",
			month);
		return 2;
	}
	if (rc == DB_OK)
		rc = calendar_load(db, &arena, &cal);
	if (rc == DB_OK)
		rc = db_begin(db);
	if (rc == DB_OK)
		rc = score_formula_current(db, &arena, &f);
	if (rc == DB_OK)
		rc = assess_run(db, &arena, &cal, month, &f, &st);
	if (rc == DB_OK)
		rc = tool_audit("assess.compute", "", 0,
				arena_printf(&arena, "%s：%ld 个单位，%ld 条知识，%ld 项问题，公式第 %lld 版",
					     month, st.units, st.entries, st.findings, f.version));
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK) {
		db_rollback(db);
		return die_db("assess", rc);
	}
	printf("assess %s units=%ld entries=%ld findings=%ld duplicates=%ld lint_ms=%ld "
	       "dupes_ms=%ld total_ms=%ld\n", month, st.units, st.entries, st.findings,
	       st.duplicates, st.lint_ms, st.dupes_ms, st.total_ms);
	return 0;
}

static int cmd_assess_run(char **args)
{
	int y, m;
	if (assess_month_parse(args[0], &y, &m) != 0) {
		fprintf(stderr, "hotlinectl: %s: not a month (YYYY-MM)\n", args[0]);
		return 2;
	}
	db_allow_long_ops(db);
	return assess_month(args[0]);
}

/* The demo's year (sql/demo/history.sql): its twelve months assessed, and
 * last month's bulletin drafted by the coordinator, approved by the
 * office's lead and published, as the office would. */
static int demo_history(void)
{
	int count = 0;
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = run_sql_file(arena_printf(&arena, "%s/demo/history.sql", cfg.sql_dir), &count);
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK) {
		db_rollback(db);
		return die_db("demo history", rc);
	}
	char today[11], month[8];
	calendar_today(today);
	today[7] = '\0';
	int y, m, st = 0;
	assess_month_parse(today, &y, &m);
	assess_month_add(&y, &m, -13);
	for (int i = 0; i < 12 && st == 0; i++) {
		assess_month_add(&y, &m, 1);
		assess_month_format(y, m, month);
		st = assess_month(month);
	}
	if (st)
		return st;
	struct assess_formula f;
	long long id = 0;
	rc = db_begin(db);
	if (rc == DB_OK)
		rc = score_formula_current(db, &arena, &f);
	if (rc == DB_OK)
		rc = bulletin_create(db, &arena, month, 0,
				     arena_printf(&arena, "%d年%d月知识库维护考核通报", y, m),
				     "根据《梅州市12345热线知识库管理办法》，市政务服务中心管理办公室对各成员单位上月"
				     "知识库维护情况进行了考核。\n"
				     "请被点名单位对照本单位考核页面列出的问题逐项整改，并于本月 10 日前完成。",
				     f.version, 4, &id);
	if (rc == DB_OK)
		rc = bulletin_advance(db, &arena, id, "draft", 19);
	if (rc == DB_OK)
		rc = bulletin_advance(db, &arena, id, "approved", 4);
	if (rc == DB_OK)
		rc = tool_audit("bulletin.publish", "bulletin", id, "演示数据：上月通报");
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK) {
		db_rollback(db);
		return die_db("demo bulletin", rc);
	}
	printf("loaded a year of demo activity; published the %s bulletin\n", month);
	return 0;
}

static int cmd_demo_load(char **args)
{
	(void)args;
	int count = 0;
	char *path = arena_printf(&arena, "%s/demo/demo.sql", cfg.sql_dir);
	int rc = db_begin(db);
	if (rc == DB_OK)
		rc = run_sql_file(path, &count);
	if (rc == DB_OK)
		rc = tool_audit("demo.load", "", 0,
				arena_printf(&arena, "载入演示数据 %d 条语句", count));
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK) {
		db_rollback(db);
		return die_db("demo-load", rc);
	}
	printf("loaded demo data (%d statements)\n", count);
	int st = import_calendar(arena_printf(&arena, "%s/demo/calendar-2026.csv",
					      cfg.sql_dir), 0);
	if (st == 0)
		st = demo_kb();
	if (st == 0)
		st = import_synonyms(arena_printf(&arena, "%s/demo/synonyms.tsv", cfg.sql_dir));
	return st ? st : demo_history();
}

/* Reads a password from standard input (one line), without echo on a
 * terminal being our business: pipe it in. */
static int read_password(char *out, size_t size)
{
	if (isatty(STDIN_FILENO))
		fprintf(stderr, "password: ");
	if (fgets(out, (int)size, stdin) == NULL)
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	const char *problem = auth_password_problem(out);
	if (problem != NULL) {
		fprintf(stderr, "hotlinectl: %s\n", problem);
		return -1;
	}
	return 0;
}

static int cmd_create_user(char **args)
{
	const char *username = args[0], *display = args[1], *code = args[2],
		   *role = args[3];
	struct fval fv;
	if (field_check(F_USERNAME, username, strlen(username), &fv) < 0 || !fv.present) {
		fprintf(stderr, "hotlinectl: bad username\n");
		return 2;
	}
	int ro = role_from_code(role);
	if (ro < 0) {
		fprintf(stderr, "hotlinectl: unknown role %s\n", role);
		return 2;
	}
	struct unit_row *unit;
	int rc = unit_by_code(db, &arena, code, &unit);
	if (rc != DB_OK)
		return die_db("create-user", rc);
	if (unit == NULL) {
		fprintf(stderr, "hotlinectl: no unit with code %s\n", code);
		return 2;
	}
	char pw[256], hash[256];
	if (read_password(pw, sizeof pw) < 0 ||
	    auth_hash_password(pw, hash, sizeof hash) < 0)
		return 2;
	long long id = 0, mid = 0;
	rc = db_begin(db);
	if (rc == DB_OK)
		rc = user_insert(db, &arena, username, display, "", hash, &id);
	if (rc == DB_OK)
		rc = membership_add(db, &arena, id, unit->id, role, &mid);
	if (rc == DB_OK)
		rc = tool_audit("user.create", "user", id,
				arena_printf(&arena, "%s %s，%s，%s", username, display,
					     role_defs[ro].label, unit->name));
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK) {
		db_rollback(db);
		return die_db("create-user", rc);
	}
	printf("created user %s (id %lld)\n", username, id);
	return 0;
}

static int cmd_set_password(char **args)
{
	const char *username = args[0];
	struct login_row *u;
	int rc = user_for_login(db, &arena, username, &u);
	if (rc != DB_OK)
		return die_db("set-password", rc);
	if (u == NULL) {
		fprintf(stderr, "hotlinectl: no user %s\n", username);
		return 2;
	}
	long long id = u->id;
	char pw[256], hash[256];
	if (read_password(pw, sizeof pw) < 0 ||
	    auth_hash_password(pw, hash, sizeof hash) < 0)
		return 2;
	rc = db_begin(db);
	if (rc == DB_OK)
		rc = user_set_password(db, &arena, id, hash);
	if (rc == DB_OK)
		rc = user_unlock(db, &arena, id);
	if (rc == DB_OK)
		rc = session_delete_user(db, &arena, id);
	if (rc == DB_OK)
		rc = tool_audit("user.password_reset", "user", id,
				arena_printf(&arena, "重置 %s 的密码", username));
	if (rc == DB_OK)
		rc = db_commit(db);
	if (rc != DB_OK) {
		db_rollback(db);
		return die_db("set-password", rc);
	}
	printf("password of %s changed\n", username);
	return 0;
}

static int cmd_audit_verify(char **args)
{
	(void)args;
	long long bad = 0, rows = 0, unsealed = 0;
	int rc = seal_all();
	if (rc == DB_OK)
		rc = audit_verify_db(db, &bad, &rows, &unsealed);
	if (rc < 0)
		return die_db("audit verify", rc);
	if (rc == 1 && bad == 0) {
		printf("audit chain broken: its end does not match the head (rows removed)\n");
		return 1;
	}
	if (rc == 1) {
		printf("audit chain broken at row %lld\n", bad);
		return 1;
	}
	printf("audit chain intact: %lld rows", rows);
	if (unsealed > 0)
		printf(" (%lld written since, not yet sealed)", unsealed);
	printf("\n");
	return 0;
}

/* What the sweep clears besides orders: sessions past their lifetime
 * (refused already, but their rows would stay for ever) and the login and
 * /status failure counts of ended windows. */
static int sweep_housekeeping(void)
{
	long long sessions = 0, logins = 0, lookups = 0;
	int rc = session_purge_expired(db, &arena, cfg.session_idle_min, cfg.session_max_hours,
				       &sessions);
	if (rc == DB_OK)
		rc = login_throttle_prune(db, &arena, AUTH_LOCK_MIN, &logins);
	if (rc == DB_OK)
		rc = status_throttle_prune(db, &arena, STATUS_WINDOW_MIN, &lookups);
	if (rc == DB_OK)
		printf("sweep: %lld expired sessions, %lld ended failure windows cleared\n",
		       sessions, logins + lookups);
	return rc;
}

/* hotlinectl sweep: from cron every minute. One audit row per run that
 * changed something; the orders' own events say which. */
static int cmd_sweep(char **args)
{
	(void)args;
	char today[11];
	calendar_today(today);
	struct sweep_counts n;
	int rc = order_sweep(db, today, &n);
	if (rc == DB_OK && (n.overdue > 0 || n.reminders > 0 || n.anonymised > 0)) {
		rc = db_begin(db);
		if (rc == DB_OK)
			rc = tool_audit("order.sweep", "", 0,
					arena_printf(&arena, "期限巡查：%lld 件超期，%lld 条提醒，"
						     "%lld 件来电人信息超过保存期限已清除",
						     n.overdue, n.reminders, n.anonymised));
		if (rc == DB_OK)
			rc = db_commit(db);
		if (rc != DB_OK)
			db_rollback(db);
	}
	if (n.busy)
		printf("sweep: another sweep is running; nothing done\n");
	else
		printf("sweep: %lld overdue, %lld reminders, %lld anonymised\n", n.overdue,
		       n.reminders, n.anonymised);
	if (rc == DB_OK && !n.busy)
		rc = sweep_housekeeping();
	return rc == DB_OK ? 0 : die_db("sweep", rc);
}

/* A command: its words, the arguments after them (at least min_args,
 * at most max_args; handlers check the form of optional ones), what the
 * usage shows, and its handler. args holds the arguments, NULL-ended; the
 * handler returns the exit status, or USAGE. */
struct command {
	const char *name, *sub;   /* sub: NULL for a command of one word */
	int min_args, max_args;
	const char *synopsis;     /* the arguments, as the usage shows them */
	const char *help;
	int (*run)(char **args);
};

static const struct command commands[] = {
	{ "migrate", NULL, 0, 0, "", "apply new sql/NNN_*.sql files", cmd_migrate },
	{ "create-user", NULL, 4, 4, "USER NAME UNIT_CODE ROLE", "password on standard input",
	  cmd_create_user },
	{ "set-password", NULL, 1, 1, "USER", "password on standard input", cmd_set_password },
	{ "audit", "verify", 0, 0, "", "check the audit hash chain", cmd_audit_verify },
	{ "calendar", "import", 1, 1, "FILE.csv", "date,kind,name (holiday|workday|normal)",
	  cmd_calendar_import },
	{ "kb", "import", 3, 4, "FILE.xml --unit CODE [--draft]",
	  "one transaction; any error imports nothing", cmd_kb_import },
	{ "kb", "export", 2, 4, "--unit CODE [-o FILE]",
	  "the unit's entries and those granted to it", cmd_kb_export },
	{ "kb", "reindex", 0, 0, "", "rebuild this node's search index (search_index)",
	  cmd_kb_reindex },
	{ "kb", "synonyms", 1, 1, "FILE.tsv", "add synonym pairs (word<TAB>word per line)",
	  cmd_kb_synonyms },
	{ "kb", "search", 1, 2, "[--public] QUESTION", "what the search makes of a question",
	  cmd_kb_search },
	{ "kb", "index-status", 0, 0, "", "this node's search index against the database",
	  cmd_kb_index_status },
	{ "has-users", NULL, 0, 0, "", "exit 0 if any user exists, 1 if none", cmd_has_users },
	{ "open311", "key", 1, 50, "SOURCE [CATEGORY_ID...]",
	  "a new Open311 api_key for another system; prints ID KEY", cmd_open311_key },
	{ "open311", "revoke", 1, 1, "ID", "revoke an Open311 api_key", cmd_open311_revoke },
	{ "demo-load", NULL, 0, 0, "", "load sql/demo into an empty database", cmd_demo_load },
	{ "assess", "run", 1, 1, "YYYY-MM",
	  "compute a month's unit scores, findings and lint (K10; cron, on the 1st)",
	  cmd_assess_run },
	{ "sweep", NULL, 0, 0, "",
	  "mark overdue orders, write due/overdue reminders (cron, every minute)", cmd_sweep },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* "kb import FILE.xml --unit CODE [--draft]" into line. */
static void command_line(const struct command *c, char *line, size_t size)
{
	snprintf(line, size, "%s%s%s%s%s", c->name, c->sub ? " " : "", c->sub ? c->sub : "",
		 c->synopsis[0] ? " " : "", c->synopsis);
}

/* Prints the usage from the table; returns the exit status 2. */
static int usage(void)
{
	char line[128];
	int width = 0;
	for (size_t i = 0; i < NCOMMANDS; i++) {
		command_line(&commands[i], line, sizeof line);
		if ((int)strlen(line) > width)
			width = (int)strlen(line);
	}
	fprintf(stderr, "usage: hotlinectl [-c CONFIG] COMMAND\n");
	for (size_t i = 0; i < NCOMMANDS; i++) {
		command_line(&commands[i], line, sizeof line);
		fprintf(stderr, "  %-*s  %s\n", width, line, commands[i].help);
	}
	return 2;
}

/* The command that argv (argc words) names with an allowed number of
 * arguments, and in *args its arguments; NULL if none. */
static const struct command *find_command(int argc, char **argv, char ***args)
{
	for (size_t i = 0; i < NCOMMANDS; i++) {
		const struct command *c = &commands[i];
		int words = c->sub ? 2 : 1;
		if (argc < words || strcmp(argv[0], c->name) != 0 ||
		    (c->sub && strcmp(argv[1], c->sub) != 0))
			continue;
		if (argc - words < c->min_args || argc - words > c->max_args)
			continue;
		*args = argv + words;
		return c;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	const char *conf = "/etc/hotline/hotline.conf";
	int opt;
	while ((opt = getopt(argc, argv, "+c:")) != -1) {
		if (opt == 'c')
			conf = optarg;
		else
			return usage();
	}
	char **args;
	const struct command *cmd = find_command(argc - optind, argv + optind, &args);
	if (cmd == NULL)
		return usage();
	if (config_load(&cfg, conf) < 0)
		return 2;
	if (mysql_library_init(0, NULL, NULL) != 0)
		return 2;
	arena_init(&arena, 1 << 20);
	db = db_new(&cfg);
	db_allow_long_ops(db);
	int status = cmd->run(args);
	if (wrote_audit && seal_all() != DB_OK)
		fprintf(stderr, "hotlinectl: the audit rows written are left for hotlined's sealer\n");
	db_free(db);
	arena_free(&arena);
	mysql_library_end();
	return status == USAGE ? usage() : status;
}
