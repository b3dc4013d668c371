/* hotlined: the FastCGI server. Worker threads accept requests on the
 * listening socket; the main thread only waits for signals. */
#define HOTLINE_FCGI
#include <errno.h>
#include <fcgiapp.h>
#include <libxml/parser.h>
#include <malloc.h>
#include <mysql.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "audit_store.h"
#include "config.h"
#include "db.h"
#include "http.h"
#include "kb_index.h"
#include "route.h"
#include "tmpl.h"
#include "view.h"

static struct config cfg;
static int listen_fd = -1;
static ino_t listen_ino;

static void sealer_kick(void);

static void log_request(const struct req *r, struct db *db)
{
	if (r->status < 500)
		return;
	time_t now = time(NULL);
	struct tm tm;
	char ts[32];
	gmtime_r(&now, &tm);
	strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(stderr, "%s %d %s: %s\n", ts, r->status, r->path ? r->path : "-",
		db_error(db));
}

static void handle(FCGX_Request *fr, struct arena *a, struct db *db, struct db *ro,
		   struct kbi_reader *search)
{
	struct req r;
	memset(&r, 0, sizeof r);
	r.a = a;
	r.cfg = &cfg;
	r.db = db;
	r.db_read = ro ? ro : db;
	r.search = search;
	buf_init(&r.head, a);
	buf_init(&r.out, a);
	db_trips_reset(db);
	if (ro)
		db_trips_reset(ro);
	int status = http_read(&r, fr);
	if (status == 0)
		status = route_dispatch(&r);
	/* A transaction a handler left open (an early error) ends here. */
	db_rollback(db);
	if (status >= 400 && (r.status != status || r.out.len == 0))
		view_error(&r, status);
	r.status = status;
	r.trips = cfg.debug_headers ? (int)(db_trips(db) + (ro ? db_trips(ro) : 0)) : -1;
	http_send(&r, fr);
	log_request(&r, db);
	/* A write may have appended audit rows: have them chained now. */
	if (r.method != M_GET && r.method != M_HEAD)
		sealer_kick();
}

static void *worker(void *arg)
{
	(void)arg;
	FCGX_Request fr;
	struct arena a;
	struct db *db = db_new(&cfg);
	struct db *ro = cfg.db_read_socket[0] ? db_new_replica(&cfg, db) : NULL;
	struct kbi_reader *search = strcmp(cfg.search, "index") == 0 && cfg.search_index[0]
				    ? kbi_reader_new(cfg.search_index) : NULL;
	arena_init(&a, 64 * 1024);
	if (FCGX_InitRequest(&fr, listen_fd, 0) != 0) {
		fprintf(stderr, "FCGX_InitRequest failed\n");
		return NULL;
	}
	while (FCGX_Accept_r(&fr) >= 0) {
		handle(&fr, &a, db, ro, search);
		FCGX_Finish_r(&fr);
		arena_reset(&a);
	}
	FCGX_Free(&fr, 1);
	arena_free(&a);
	kbi_reader_free(search);
	if (ro)
		db_free(ro);
	db_free(db);
	mysql_thread_end();
	return NULL;
}

/* ---- the search index's follower ---------------------------------- */

static _Atomic int indexer_stop;
static pthread_mutex_t indexer_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t indexer_cv = PTHREAD_COND_INITIALIZER;

/* The moment ms milliseconds from now, for pthread_cond_timedwait. */
static struct timespec deadline_after(int ms)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

/* A line in the log, with the time. */
static void log_line(const char *msg)
{
	time_t now = time(NULL);
	struct tm tm;
	char ts[32];
	gmtime_r(&now, &tm);
	strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(stderr, "%s %s\n", ts, msg);
}

/* Sleeps ms milliseconds, or less when told to stop. */
static void indexer_sleep(int ms)
{
	struct timespec t = deadline_after(ms);
	pthread_mutex_lock(&indexer_mu);
	if (!indexer_stop)
		pthread_cond_timedwait(&indexer_cv, &indexer_mu, &t);
	pthread_mutex_unlock(&indexer_mu);
}

/* A search found the index behind the database: look for changes now. */
static void indexer_wake(void)
{
	pthread_mutex_lock(&indexer_mu);
	pthread_cond_signal(&indexer_cv);
	pthread_mutex_unlock(&indexer_mu);
}

/* Keeps this node's search index current (kb_index.h): the one thread
 * that writes it, with its own database connection. */
static void *indexer(void *arg)
{
	(void)arg;
	struct db *db = db_new(&cfg);
	struct kbi_follower *f = kbi_follower_new(cfg.search_index);
	while (f != NULL && !indexer_stop) {
		enum kbi_step s = kbi_follow(f, db, &indexer_stop, log_line);
		if (s == KBI_APPLIED || s == KBI_REBUILT)
			continue;
		indexer_sleep(s == KBI_IDLE ? cfg.search_poll_ms : 5000);
	}
	kbi_follower_free(f);
	db_free(db);
	mysql_thread_end();
	return NULL;
}

/* ---- the audit chain's sealer --------------------------------------- */

/* Writes append audit rows unsealed (audit_store.h); this thread chains
 * them after their commit, when a write request ends and each second
 * (rows of another node or of hotlinectl). The one lock on the chain's
 * head is taken here, never across a request's commit. */
static pthread_mutex_t sealer_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sealer_cv = PTHREAD_COND_INITIALIZER;
static int sealer_pending, sealer_stop;
static pthread_cond_t heartbeat_cv = PTHREAD_COND_INITIALIZER;   /* under sealer_mu */

static void sealer_kick(void)
{
	pthread_mutex_lock(&sealer_mu);
	sealer_pending = 1;
	pthread_cond_signal(&sealer_cv);
	pthread_mutex_unlock(&sealer_mu);
}

/* Waits up to ms for a kick; returns whether to stop. */
static int sealer_wait(int ms)
{
	struct timespec t = deadline_after(ms);
	pthread_mutex_lock(&sealer_mu);
	while (!sealer_pending && !sealer_stop)
		if (pthread_cond_timedwait(&sealer_cv, &sealer_mu, &t) != 0)
			break;
	sealer_pending = 0;
	int stop = sealer_stop;
	pthread_mutex_unlock(&sealer_mu);
	return stop;
}

static void *sealer(void *arg)
{
	(void)arg;
	struct db *db = db_new(&cfg);
	struct arena a;
	arena_init(&a, 256 * 1024);
	int stop = 0, failing = 0;
	for (;;) {
		long long n = 0;
		int rc = audit_seal(db, &a, 1000, &n);
		arena_reset(&a);
		if (rc != DB_OK && !failing)
			log_line("audit sealer: the database failed; retrying each second");
		failing = rc != DB_OK;
		if (rc == DB_OK && n == 1000)
			continue;  /* more are waiting */
		if (stop)
			break;     /* the last pass after the workers ended */
		stop = sealer_wait(1000);
		/* Let the writes of the next few milliseconds join the batch:
		 * one commit seals them all. */
		struct timespec gather = { 0, 5 * 1000000L };
		nanosleep(&gather, NULL);
	}
	arena_free(&a);
	db_free(db);
	mysql_thread_end();
	return NULL;
}

/* ---- the replica's heartbeat ----------------------------------------- */

/* With a replica to read, the primary's time goes into the heartbeat row
 * every second (db_heartbeat); workers read the replica's copy to know
 * how far behind it is. Stops with the sealer. */
static void *heartbeat(void *arg)
{
	(void)arg;
	struct db *db = db_new(&cfg);
	struct arena a;
	arena_init(&a, 4096);
	int stop = 0;
	while (!stop) {
		db_heartbeat(db, &a);
		arena_reset(&a);
		struct timespec t = deadline_after(1000);
		pthread_mutex_lock(&sealer_mu);
		if (!sealer_stop)
			pthread_cond_timedwait(&heartbeat_cv, &sealer_mu, &t);
		stop = sealer_stop;
		pthread_mutex_unlock(&sealer_mu);
	}
	arena_free(&a);
	db_free(db);
	mysql_thread_end();
	return NULL;
}

static int write_pid(const char *path)
{
	if (path[0] == '\0')
		return 0;
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return -1;
	fprintf(f, "%ld\n", (long)getpid());
	return fclose(f);
}

static long read_pid(const char *path)
{
	long pid = -1;
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return -1;
	if (fscanf(f, "%ld", &pid) != 1)
		pid = -1;
	fclose(f);
	return pid;
}

/* Listens on a fresh socket and renames it over PATH, so that a process
 * started while another still serves takes the new connections at once
 * and the old one drains what it accepted (a restart drops nothing). */
static int open_listener(const char *path, ino_t *ino)
{
	char tmp[sizeof cfg.listen + 32];
	snprintf(tmp, sizeof tmp, "%s.%ld", path, (long)getpid());
	unlink(tmp);
	int fd = FCGX_OpenSocket(tmp, 128);
	if (fd < 0) {
		fprintf(stderr, "cannot listen on %s\n", tmp);
		return -1;
	}
	/* nginx's workers run as another user; the socket's directory is
	 * what restricts access. */
	struct stat st;
	if (chmod(tmp, 0666) != 0 || stat(tmp, &st) != 0 || rename(tmp, path) != 0) {
		fprintf(stderr, "cannot place %s: %s\n", path, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	*ino = st.st_ino;
	return fd;
}

static void usage(void)
{
	fprintf(stderr, "usage: hotlined -c CONFIG\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *conf = NULL;
	int opt;
	/* Keep freed memory for the next request rather than give it back to
	 * the kernel and fault it in again: on a 100 KB page (a bulletin) the
	 * page faults of fresh memory took a third of the time. */
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	mallopt(M_TRIM_THRESHOLD, 8 << 20);
	while ((opt = getopt(argc, argv, "c:")) != -1) {
		if (opt == 'c')
			conf = optarg;
		else
			usage();
	}
	if (conf == NULL)
		usage();
	if (config_load(&cfg, conf) < 0)
		return 1;
	if (cfg.log[0] != '\0' && freopen(cfg.log, "a", stderr) == NULL)
		return 1;
	setvbuf(stderr, NULL, _IOLBF, 0);

	if (mysql_library_init(0, NULL, NULL) != 0 || FCGX_Init() != 0) {
		fprintf(stderr, "library initialisation failed\n");
		return 1;
	}
	/* libxml2 must set itself up before two threads parse at once. */
	xmlInitParser();
	tmpl_init(cfg.templates);
	listen_fd = open_listener(cfg.listen, &listen_ino);
	if (listen_fd < 0)
		return 1;
	if (write_pid(cfg.pid_file) < 0) {
		fprintf(stderr, "cannot write %s: %s\n", cfg.pid_file, strerror(errno));
		return 1;
	}

	/* libfcgi installs its own handlers; block the signals everywhere and
	 * take them here with sigwait. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	pthread_t *threads = calloc((size_t)cfg.threads, sizeof *threads);
	if (threads == NULL)
		return 1;
	for (int i = 0; i < cfg.threads; i++)
		if (pthread_create(&threads[i], NULL, worker, NULL) != 0) {
			fprintf(stderr, "pthread_create failed\n");
			return 1;
		}
	pthread_t indexer_thread;
	int indexing = strcmp(cfg.search, "index") == 0 && cfg.search_index[0] != '\0';
	if (indexing)
		kbi_set_waker(indexer_wake);
	if (indexing && pthread_create(&indexer_thread, NULL, indexer, NULL) != 0) {
		fprintf(stderr, "pthread_create failed\n");
		return 1;
	}
	pthread_t sealer_thread, heartbeat_thread;
	int beating = cfg.db_read_socket[0] != '\0';
	if (pthread_create(&sealer_thread, NULL, sealer, NULL) != 0 ||
	    (beating && pthread_create(&heartbeat_thread, NULL, heartbeat, NULL) != 0)) {
		fprintf(stderr, "pthread_create failed\n");
		return 1;
	}
	fprintf(stderr, "hotlined: listening on %s with %d threads; search: %s\n",
		cfg.listen, cfg.threads, indexing ? cfg.search_index : "sql");
	for (;;) {
		int sig = 0;
		if (sigwait(&set, &sig) != 0)
			continue;
		if (sig == SIGHUP) {
			tmpl_reload();
			fprintf(stderr, "hotlined: templates reloaded\n");
			continue;
		}
		break;
	}
	/* Let in-flight requests finish; wake the threads blocked in accept. */
	FCGX_ShutdownPending();
	shutdown(listen_fd, SHUT_RDWR);
	pthread_mutex_lock(&indexer_mu);
	indexer_stop = 1;
	pthread_cond_signal(&indexer_cv);
	pthread_mutex_unlock(&indexer_mu);
	for (int i = 0; i < cfg.threads; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	pthread_mutex_lock(&sealer_mu);
	sealer_stop = 1;
	pthread_cond_signal(&sealer_cv);
	pthread_cond_signal(&heartbeat_cv);
	pthread_mutex_unlock(&sealer_mu);
	pthread_join(sealer_thread, NULL);
	if (beating)
		pthread_join(heartbeat_thread, NULL);
	if (indexing)
		pthread_join(indexer_thread, NULL);
	close(listen_fd);
	/* A successor may already own the path and the pid file. */
	struct stat st;
	if (stat(cfg.listen, &st) == 0 && st.st_ino == listen_ino)
		unlink(cfg.listen);
	if (cfg.pid_file[0] != '\0' && read_pid(cfg.pid_file) == (long)getpid())
		unlink(cfg.pid_file);
	mysql_library_end();
	xmlCleanupParser();
	fprintf(stderr, "hotlined: stopped\n");
	return 0;
}
