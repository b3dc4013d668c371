/* The configuration file: "key = value" lines, read once at start and
 * shared read-only by all threads. */
#ifndef CONFIG_H
#define CONFIG_H

struct config {
	char listen[256];
	int threads;
	char db_host[128];
	int db_port;
	char db_socket[256];
	char db_read_socket[256]; /* a replica for the public pages' reads; "": none */
	int db_read_max_lag;  /* seconds a replica may be behind before it is skipped */
	char db_user[64];
	char db_password[128];
	char db_name[64];
	char templates[256];
	char sql_dir[256];
	long body_limit;
	int session_idle_min;
	int session_max_hours;
	int cookie_secure;
	int public_max_age;   /* seconds nginx may keep a public page */
	int debug_headers;    /* 1: answers carry X-DB-Round-Trips (tests, bench) */
	char search_index[256]; /* this node's search index (kb_index.h); "" none */
	char search[16];      /* "index" (default) or "sql": the engine searches use */
	int search_poll_ms;   /* how often the index looks for changes */
	int login_addr_max;   /* failed logins from one address per 15 minutes */
	char public_origin[256]; /* e.g. https://12345.example.gov.cn; "": the request's */
	char log[256];
	char pid_file[256];
};

/* Fills c with defaults, then reads path. Returns 0, or -1 after printing
 * the file, line and reason to stderr. */
int config_load(struct config *c, const char *path);

#endif
