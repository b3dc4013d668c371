#!/bin/bash
# Starts and stops the private development/test stack: MariaDB, hotlined
# (FastCGI) and nginx, all bound to loopback and kept under $VAR.
#
# usage: scripts/stack.sh {start|stop|restart-app|node1-start|node1-stop|node2-start|node2-stop|db-start|db-stop|replica-start|replica-stop|status}
#
# Environment:
#   VAR    state directory (default: <repo>/var); made absolute
#   PORT   nginx HTTP port on 127.0.0.1 (default 8080); MariaDB listens on
#          127.0.0.1:(13306 + PORT - 8080)
#   BUILD  directory holding hotlined and hotlinectl (default: <repo>/build;
#          a relative name such as build-asan is taken from the repo top)
#   HOTLINE_CONF_EXTRA  text appended to the generated hotline.conf (later
#          keys override earlier ones)
#   DB_POOL  the primary's InnoDB buffer pool (default 256M; the 10,000,000
#          orders of the bench's stretch want gigabytes)
#   SWEEP_INTERVAL  seconds between runs of `hotlinectl sweep` (the deadline
#          sweep cron runs in production); default 60, 0 runs none
#   NODES  1 (default) or 2: a second hotlined, as on a second machine, with
#          its own search index (search2/), socket, pid file and log
#          (hotlined2.*), served by nginx alone on PORT + 1; both nodes share
#          the database
#   TOPOLOGY  single (default) or cluster: both nodes behind one nginx
#          upstream (a node that fails is skipped, idempotent requests retried
#          on the other), and a MariaDB replica (MariaDB's own replication,
#          seeded with mariadb-backup) that the public /kb pages and
#          published bulletins read; NODES is then 2
#
# Layout under $VAR: db/ (datadir), db.sock, my.cnf, hotline.conf, search/
# (the node's search index),
# run/ (pid files, hotlined.sock), log/, nginx/ (config and temp dirs).
# The sweep loop's pid is run/sweep.pid, its output log/sweep.log.
set -eu

TOP=$(cd "$(dirname "$0")/.." && pwd)

VAR=${VAR:-$TOP/var}
mkdir -p "$VAR"
VAR=$(cd "$VAR" && pwd)

PORT=${PORT:-8080}
case $PORT in
'' | *[!0-9]*) echo "stack: PORT must be a number, got '$PORT'" >&2; exit 2 ;;
esac
if [ "$PORT" -lt 1024 ] || [ "$PORT" -gt 52000 ]; then
	echo "stack: PORT must be between 1024 and 52000, got $PORT" >&2
	exit 2
fi
DB_PORT=$((13306 + PORT - 8080))

BUILD=${BUILD:-$TOP/build}
case $BUILD in
/*) ;;
*) BUILD=$TOP/$BUILD ;;
esac

RUN=$VAR/run
LOG=$VAR/log
MYCNF=$VAR/my.cnf
DBSOCK=$VAR/db.sock
NODES=${NODES:-1}
case $NODES in
1 | 2) ;;
*) echo "stack: NODES must be 1 or 2, got '$NODES'" >&2; exit 2 ;;
esac
TOPOLOGY=${TOPOLOGY:-single}
case $TOPOLOGY in
single) ;;
cluster) NODES=2 ;;
*) echo "stack: TOPOLOGY must be single or cluster, got '$TOPOLOGY'" >&2; exit 2 ;;
esac
PORT2=$((PORT + 1))
APPCONF=$VAR/hotline.conf
APPSOCK=$RUN/hotlined.sock
DB_PID=$RUN/mariadb.pid
# The replica (TOPOLOGY=cluster).
DB2_PORT=$((DB_PORT + 2000))
DB2SOCK=$VAR/db2.sock
DB2_PID=$RUN/mariadb2.pid
MYCNF2=$VAR/my2.cnf
APP_PID=$RUN/hotlined.pid
APPLOG=$LOG/hotlined
SEARCH_DIR=$VAR/search
NGX_PID=$RUN/nginx.pid
SWEEP_PID=$RUN/sweep.pid
NGX_DIR=$VAR/nginx

# Unix socket paths are limited to 107 bytes.
for s in "$DBSOCK" "$APPSOCK"; do
	if [ ${#s} -gt 100 ]; then
		echo "stack: socket path too long (${#s} bytes): $s; use a shorter VAR" >&2
		exit 2
	fi
done

mkdir -p "$RUN" "$LOG" "$NGX_DIR"

msg() { echo "stack: $*"; }
die() { echo "stack: error: $*" >&2; exit 1; }

# Serialise concurrent invocations on the same VAR. Daemons are started with
# every descriptor above 2 closed (see launch), so none of them holds the lock.
exec 9>"$RUN/stack.lock"
if ! flock -w 120 9; then
	die "another scripts/stack.sh holds $RUN/stack.lock"
fi

# ---------------------------------------------------------------- helpers

# pid_alive PID: the process exists and is not a zombie (PID 1 here may not
# reap orphans).
pid_alive() {
	local pid=$1 state
	kill -0 "$pid" 2>/dev/null || return 1
	state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$pid/status" 2>/dev/null) || return 1
	[ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# read_pid FILE: prints the pid in FILE if it is a number.
read_pid() {
	local pid
	[ -f "$1" ] || return 1
	pid=$(head -n1 "$1" 2>/dev/null | tr -d ' \t\r') || return 1
	case $pid in
	'' | *[!0-9]*) return 1 ;;
	esac
	echo "$pid"
}

# running FILE NAME: prints the pid from FILE if that process is alive and its
# command name contains NAME (guards against a recycled pid).
running() {
	local pid comm
	pid=$(read_pid "$1") || return 1
	pid_alive "$pid" || return 1
	comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
	case $comm in
	*"$2"*) echo "$pid" ;;
	*) return 1 ;;
	esac
}

# wait_gone PID SECONDS: waits for the process to end.
wait_gone() {
	local pid=$1 n=$(($2 * 10))
	while [ "$n" -gt 0 ]; do
		pid_alive "$pid" || return 0
		sleep 0.1
		n=$((n - 1))
	done
	! pid_alive "$pid"
}

# close_fds: closes every descriptor above 2 in the current (sub)shell, so a
# daemon holds neither the lock nor a caller's pipe.
close_fds() {
	local fd
	for fd in "/proc/$BASHPID/fd/"*; do
		fd=${fd##*/}
		if [ "$fd" -gt 2 ] 2>/dev/null; then
			eval "exec $fd>&-"
		fi
	done
}

# launch LOGFILE CMD...: starts CMD in the background with nohup, stdin from
# /dev/null, output appended to LOGFILE and all other descriptors closed.
# Sets LAUNCHED to its pid.
launch() {
	local log=$1
	shift
	(
		close_fds
		# A session of its own: whoever started the stack (a test runner
		# that kills its process group when a test ends) does not stop it.
		exec setsid nohup "$@" </dev/null >>"$log" 2>&1
	) &
	LAUNCHED=$!
}

# closefds CMD...: runs CMD in the foreground with descriptors above 2 closed.
closefds() {
	(
		close_fds
		exec "$@"
	)
}

show_log() {
	if [ -s "$1" ]; then
		echo "---- last lines of $1:" >&2
		tail -n 20 "$1" >&2
		echo "----" >&2
	fi
}

# ---------------------------------------------------------------- MariaDB

# write_cnf FILE DATADIR SOCKET PIDFILE ERRLOG PORT POOL [LINE...]: a
# MariaDB option file; the LINEs are the server's own (binary log, replica).
write_cnf() {
	local file=$1 datadir=$2 sock=$3 pidf=$4 errlog=$5 port=$6 pool=$7
	shift 7
	{
		cat <<EOF
# Generated by scripts/stack.sh; changes are overwritten.
[mysqld]
user = $(id -un)
datadir = $datadir
socket = $sock
pid-file = $pidf
log-error = $errlog
bind-address = 127.0.0.1
port = $port
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
innodb_ft_min_token_size = 1
innodb_ft_enable_stopword = OFF
innodb_buffer_pool_size = $pool
skip-name-resolve
max_connections = 200
EOF
		printf '%s\n' "$@"
		cat <<EOF

[client]
socket = $sock
port = $port
default-character-set = utf8mb4
EOF
	} >"$file.tmp"
	mv "$file.tmp" "$file"
}

# The primary keeps the binary log, for point-in-time recovery after a
# restore (scripts/backup.sh) and for the replica: every committed write,
# durable at commit.
write_mycnf() {
	write_cnf "$MYCNF" "$VAR/db" "$DBSOCK" "$DB_PID" "$LOG/mariadb.err" "$DB_PORT" "${DB_POOL:-256M}" \
		"server_id = 1" "log_bin = binlog" "binlog_format = ROW" "sync_binlog = 1" \
		"expire_logs_days = 14"
}

# ping_cnf FILE: whether the server of that option file answers.
ping_cnf() {
	mariadb-admin --defaults-file="$1" --connect-timeout=2 ping >/dev/null 2>&1
}

db_ping() {
	ping_cnf "$MYCNF"
}

# launch_mariadbd CNF OUT ERRLOG: starts a server and waits up to 30 s for
# it to answer. 0 once it does; 1 (its log shown) when it exited; 2 when
# it did not answer in time (then it is stopped).
launch_mariadbd() {
	local pid n=300
	launch "$2" mariadbd --defaults-file="$1"
	pid=$LAUNCHED
	while ! ping_cnf "$1"; do
		if ! pid_alive "$pid"; then
			show_log "$3"
			return 1
		fi
		n=$((n - 1))
		if [ "$n" -le 0 ]; then
			show_log "$3"
			kill -TERM "$pid" 2>/dev/null || true
			wait_gone "$pid" 30 || kill -KILL "$pid" 2>/dev/null || true
			return 2
		fi
		sleep 0.1
	done
}

db_start() {
	local pid fresh=0
	write_mycnf
	if pid=$(running "$DB_PID" mariadbd); then
		if db_ping; then
			msg "mariadb already running (pid $pid, socket $DBSOCK)"
			return 0
		fi
		die "mariadb pid $pid is alive but does not answer ping; see $LOG/mariadb.err"
	fi
	rm -f "$DB_PID"
	if [ -S "$DBSOCK" ] && db_ping; then
		die "something else answers on $DBSOCK without $DB_PID; stop it first"
	fi
	rm -f "$DBSOCK"

	if [ ! -d "$VAR/db/mysql" ]; then
		msg "initialising MariaDB data directory $VAR/db"
		rm -rf "$VAR/db"
		mkdir -p "$VAR/db"
		if ! closefds mariadb-install-db --defaults-file="$MYCNF" \
			--auth-root-authentication-method=normal --skip-test-db \
			>"$LOG/mariadb-install.log" 2>&1; then
			show_log "$LOG/mariadb-install.log"
			rm -rf "$VAR/db"
			die "mariadb-install-db failed (half-built datadir removed)"
		fi
		fresh=1
	fi

	msg "starting mariadb on $DBSOCK and 127.0.0.1:$DB_PORT"
	local st=0
	launch_mariadbd "$MYCNF" "$LOG/mariadb.out" "$LOG/mariadb.err" || st=$?
	if [ "$st" = 1 ]; then
		[ "$fresh" = 1 ] && rm -rf "$VAR/db"
		die "mariadbd exited during start-up"
	fi
	[ "$st" = 0 ] || die "mariadb did not answer ping within 30 s"

	# Idempotent, so a start interrupted after initialisation repairs itself.
	if ! mariadb --defaults-file="$MYCNF" -uroot <<'EOF'; then
CREATE DATABASE IF NOT EXISTS hotline CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'hotline'@'localhost' IDENTIFIED BY 'hotline';
CREATE USER IF NOT EXISTS 'hotline'@'127.0.0.1' IDENTIFIED BY 'hotline';
GRANT ALL PRIVILEGES ON hotline.* TO 'hotline'@'localhost';
GRANT ALL PRIVILEGES ON hotline.* TO 'hotline'@'127.0.0.1';
CREATE USER IF NOT EXISTS 'repl'@'127.0.0.1' IDENTIFIED BY 'repl';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';
EOF
		die "creating database/user hotline failed"
	fi
	[ "$fresh" = 1 ] && msg "created database hotline and user hotline"
	msg "mariadb ready (pid $(read_pid "$DB_PID" || echo "$pid"))"
}

# mariadb_stop PIDFILE SOCKET NAME: stops that server (TERM, then KILL
# after 30 s).
mariadb_stop() {
	local pidf=$1 sock=$2 name=$3 pid n=300
	if ! pid=$(running "$pidf" mariadbd); then
		rm -f "$pidf"
		msg "$name not running"
		return 0
	fi
	msg "stopping $name (pid $pid)"
	kill -TERM "$pid" 2>/dev/null || true
	while [ -e "$pidf" ] || pid_alive "$pid"; do
		n=$((n - 1))
		if [ "$n" -le 0 ]; then
			echo "stack: WARNING: $name (pid $pid) did not stop within 30 s; sending SIGKILL" >&2
			kill -KILL "$pid" 2>/dev/null || true
			wait_gone "$pid" 5 || true
			rm -f "$pidf" "$sock"
			STOP_FAILED=1
			return 0
		fi
		sleep 0.1
	done
	msg "$name stopped"
}

db_stop() {
	mariadb_stop "$DB_PID" "$DBSOCK" mariadb
}

# ---------------------------------------------------------------- replica

write_mycnf2() {
	write_cnf "$MYCNF2" "$VAR/db2" "$DB2SOCK" "$DB2_PID" "$LOG/mariadb2.err" "$DB2_PORT" 128M \
		"server_id = 2" "read_only = ON" "relay_log = relay"
}

# replica_start: a replica of the primary, seeded once from a backup of it
# (scripts/backup.sh) and following its binary log by GTID from there.
replica_start() {
	local pid gtid seed=0
	write_mycnf2
	if pid=$(running "$DB2_PID" mariadbd); then
		msg "replica already running (pid $pid, socket $DB2SOCK)"
		return 0
	fi
	rm -f "$DB2_PID" "$DB2SOCK"
	if [ ! -d "$VAR/db2/mysql" ]; then
		msg "seeding the replica from a backup of the primary"
		rm -rf "$VAR/db2" "$VAR/replica-seed" "$VAR/replica-seed.log"
		MYCNF=$MYCNF bash "$TOP/scripts/backup.sh" take "$VAR/replica-seed" >/dev/null ||
			die "backup for the replica failed; see $VAR/replica-seed.log"
		bash "$TOP/scripts/backup.sh" restore "$VAR/replica-seed" "$VAR/db2" >/dev/null ||
			die "restoring the replica failed"
		seed=1
	fi
	msg "starting the replica on $DB2SOCK and 127.0.0.1:$DB2_PORT"
	local st=0
	launch_mariadbd "$MYCNF2" "$LOG/mariadb2.out" "$LOG/mariadb2.err" || st=$?
	[ "$st" = 1 ] && die "the replica exited during start-up"
	[ "$st" = 0 ] || die "the replica did not answer ping within 30 s"
	if [ "$seed" = 1 ]; then
		gtid=$(cut -f3 "$VAR/replica-seed/binlog_info")
		mariadb --defaults-file="$MYCNF2" -uroot <<EOF || die "starting replication failed"
SET GLOBAL gtid_slave_pos = '$gtid';
CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = $DB_PORT,
  MASTER_USER = 'repl', MASTER_PASSWORD = 'repl', MASTER_USE_GTID = slave_pos;
START SLAVE;
EOF
		rm -rf "$VAR/replica-seed"
	fi
	msg "replica ready (pid $(read_pid "$DB2_PID" || echo "$pid")), replicating from 127.0.0.1:$DB_PORT"
}

replica_stop() {
	mariadb_stop "$DB2_PID" "$DB2SOCK" replica
}

# ---------------------------------------------------------------- hotlined

need_binaries() {
	local b
	for b in hotlined hotlinectl; do
		if [ ! -x "$BUILD/$b" ]; then
			die "$BUILD/$b is missing or not executable (build it first: make)"
		fi
	done
}

write_appconf() {
	cat >"$APPCONF.tmp" <<EOF
# Generated by scripts/stack.sh; changes are overwritten.
# Documented in conf/hotline.conf.example.
listen = $APPSOCK
threads = 8
db_socket = $DBSOCK
db_user = hotline
db_password = hotline
db_name = hotline
templates = $TOP/templates
sql_dir = $TOP/sql
body_limit = 1048576
session_idle_min = 30
session_max_hours = 12
cookie_secure = 0
public_max_age = 5
debug_headers = 1
search_index = $SEARCH_DIR
log = $APPLOG.log
pid_file = $APP_PID
EOF
	if [ "$TOPOLOGY" = cluster ]; then
		echo "db_read_socket = $DB2SOCK" >>"$APPCONF.tmp"
	fi
	if [ -n "${HOTLINE_CONF_EXTRA:-}" ]; then
		{
			echo "# From HOTLINE_CONF_EXTRA:"
			printf '%s\n' "$HOTLINE_CONF_EXTRA"
		} >>"$APPCONF.tmp"
	fi
	mv "$APPCONF.tmp" "$APPCONF"
}

migrate_and_demo() {
	local rc
	msg "running migrations"
	closefds "$BUILD/hotlinectl" -c "$APPCONF" migrate ||
		die "hotlinectl migrate failed"
	if closefds "$BUILD/hotlinectl" -c "$APPCONF" has-users; then
		rc=0
	else
		rc=$?
	fi
	case $rc in
	0) msg "users present; demo data not loaded" ;;
	1)
		msg "no users yet: loading demo data"
		closefds "$BUILD/hotlinectl" -c "$APPCONF" demo-load ||
			die "hotlinectl demo-load failed"
		;;
	*) die "hotlinectl has-users failed (exit $rc)" ;;
	esac
}

# node N: the app variables of node N (1 or 2). Node 2 is a second machine
# sharing the database: its own index, socket, pid file and logs.
node() {
	if [ "$1" = 2 ]; then
		APPCONF=$VAR/hotline2.conf APPSOCK=$RUN/hotlined2.sock APP_PID=$RUN/hotlined2.pid
		APPLOG=$LOG/hotlined2 SEARCH_DIR=$VAR/search2
	else
		APPCONF=$VAR/hotline.conf APPSOCK=$RUN/hotlined.sock APP_PID=$RUN/hotlined.pid
		APPLOG=$LOG/hotlined SEARCH_DIR=$VAR/search
	fi
}

app_stop() {
	local pid
	if ! pid=$(running "$APP_PID" hotlined); then
		rm -f "$APP_PID" "$APPSOCK"
		msg "hotlined not running"
		return 0
	fi
	msg "stopping hotlined (pid $pid)"
	kill -TERM "$pid" 2>/dev/null || true
	if ! wait_gone "$pid" 15; then
		echo "stack: WARNING: hotlined (pid $pid) ignored SIGTERM for 15 s; sending SIGKILL" >&2
		kill -KILL "$pid" 2>/dev/null || true
		wait_gone "$pid" 5 || true
		STOP_FAILED=1
	fi
	rm -f "$APP_PID" "$APPSOCK"
	msg "hotlined stopped"
}

app_start() {
	local pid n
	need_binaries
	write_appconf
	if running "$APP_PID" hotlined >/dev/null; then
		app_stop
	fi
	rm -f "$APP_PID" "$APPSOCK"
	msg "starting hotlined ($BUILD/hotlined) on $APPSOCK"
	launch "$APPLOG.out" "$BUILD/hotlined" -c "$APPCONF"
	pid=$LAUNCHED
	n=100
	while [ ! -S "$APPSOCK" ] || [ ! -s "$APP_PID" ]; do
		if ! pid_alive "$pid"; then
			show_log "$APPLOG.out"
			show_log "$APPLOG.log"
			rm -f "$APP_PID"
			die "hotlined exited during start-up"
		fi
		n=$((n - 1))
		if [ "$n" -le 0 ]; then
			if [ -S "$APPSOCK" ]; then
				echo "stack: WARNING: hotlined did not write $APP_PID; writing it" >&2
				echo "$pid" >"$APP_PID"
				break
			fi
			show_log "$APPLOG.out"
			show_log "$APPLOG.log"
			kill -KILL "$pid" 2>/dev/null || true
			rm -f "$APP_PID"
			die "hotlined did not create $APPSOCK within 10 s"
		fi
		sleep 0.1
	done
	msg "hotlined ready (pid $(read_pid "$APP_PID" || echo "$pid"))"
}

# app_restart: a new hotlined takes over the socket before the old one is
# told to stop; the old one finishes what it accepted (a restart under load
# answers every request).
app_restart() {
	local old pid n
	need_binaries
	write_appconf
	if ! old=$(running "$APP_PID" hotlined); then
		app_start
		return
	fi
	msg "starting hotlined ($BUILD/hotlined) beside pid $old"
	launch "$APPLOG.out" "$BUILD/hotlined" -c "$APPCONF"
	pid=$LAUNCHED
	n=100
	while [ "$(read_pid "$APP_PID" || true)" = "$old" ]; do
		if ! pid_alive "$pid"; then
			show_log "$APPLOG.out"
			die "the new hotlined exited during start-up; pid $old still serves"
		fi
		n=$((n - 1))
		[ "$n" -gt 0 ] || die "the new hotlined did not start within 10 s"
		sleep 0.1
	done
	# Connections nginx made to the old socket just before the handover
	# are accepted by the old process's idle threads within this pause.
	sleep 0.3
	msg "stopping the old hotlined (pid $old)"
	kill -TERM "$old" 2>/dev/null || true
	if ! wait_gone "$old" 15; then
		echo "stack: WARNING: hotlined (pid $old) ignored SIGTERM for 15 s; sending SIGKILL" >&2
		kill -KILL "$old" 2>/dev/null || true
	fi
	msg "hotlined ready (pid $(read_pid "$APP_PID" || echo "$pid"))"
}

# ---------------------------------------------------------------- nginx

ngx() {
	closefds nginx -p "$NGX_DIR/" -c "$NGX_DIR/nginx.conf" -e "$LOG/nginx-error.log" "$@"
}

sed_escape() {
	printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'
}

write_nginx_conf() {
	local v t
	v=$(sed_escape "$VAR")
	t=$(sed_escape "$TOP")
	mkdir -p "$NGX_DIR/client_body_temp" "$NGX_DIR/proxy_temp" \
		"$NGX_DIR/fastcgi_temp" "$NGX_DIR/uwsgi_temp" "$NGX_DIR/scgi_temp" \
		"$NGX_DIR/cache"
	mkdir -p "$NGX_DIR/nodes"
	rm -f "$NGX_DIR/nodes/"*.conf
	# The application: node 1, and node 2 too in a cluster. A node that
	# refuses or fails is skipped for 3 s; nginx passes a request to the
	# next node when it could not be sent (and retries idempotent ones).
	{
		echo "upstream hotline_app {"
		echo "    server unix:$RUN/hotlined.sock max_fails=1 fail_timeout=3s;"
		if [ "$TOPOLOGY" = cluster ]; then
			echo "    server unix:$RUN/hotlined2.sock max_fails=1 fail_timeout=3s;"
		fi
		echo "}"
	} >"$NGX_DIR/nodes/upstream.conf"
	if [ "$NODES" = 2 ]; then
		# Node 2 alone, on its own port: a test can ask either machine.
		cat >"$NGX_DIR/nodes/node2.conf" <<EOF
server {
    listen 127.0.0.1:$PORT2;
    server_name localhost;
    client_max_body_size 2m;
    error_page 502 504 =503 /static/errors/503.html;
    location /static/ { alias $TOP/static/; }
    location = /static/errors/503.html {
        alias $TOP/static/errors/503.html;
        add_header Retry-After 5 always;
        add_header Cache-Control no-store always;
    }
    location / {
        include /etc/nginx/fastcgi_params;
        fastcgi_pass unix:$RUN/hotlined2.sock;
        fastcgi_keep_conn off;
    }
}
EOF
	fi
	sed -e "s|@VAR@|$v|g" -e "s|@TOP@|$t|g" -e "s|@PORT@|$PORT|g" \
		-e "s|@USER@|$(id -un)|g" -e "s|@GROUP@|$(id -gn)|g" \
		"$TOP/conf/nginx.conf.in" >"$NGX_DIR/nginx.conf.tmp"
	mv "$NGX_DIR/nginx.conf.tmp" "$NGX_DIR/nginx.conf"
}

nginx_start() {
	local pid n
	write_nginx_conf
	if ! ngx -t -q >"$LOG/nginx.out" 2>&1; then
		cat "$LOG/nginx.out" >&2
		die "nginx configuration test failed ($NGX_DIR/nginx.conf)"
	fi
	if pid=$(running "$NGX_PID" nginx); then
		msg "nginx already running (pid $pid): reloading configuration"
		kill -HUP "$pid"
		return 0
	fi
	rm -f "$NGX_PID"
	msg "starting nginx on http://127.0.0.1:$PORT/"
	if ! ngx >>"$LOG/nginx.out" 2>&1; then
		show_log "$LOG/nginx.out"
		show_log "$LOG/nginx-error.log"
		die "nginx failed to start"
	fi
	n=50
	until pid=$(running "$NGX_PID" nginx); do
		n=$((n - 1))
		if [ "$n" -le 0 ]; then
			show_log "$LOG/nginx-error.log"
			die "nginx did not write $NGX_PID"
		fi
		sleep 0.1
	done
	msg "nginx ready (pid $pid)"
}

nginx_stop() {
	local pid
	if ! pid=$(running "$NGX_PID" nginx); then
		rm -f "$NGX_PID"
		msg "nginx not running"
		return 0
	fi
	msg "stopping nginx (pid $pid)"
	kill -QUIT "$pid" 2>/dev/null || true
	local n=150
	while [ -e "$NGX_PID" ] || pid_alive "$pid"; do
		n=$((n - 1))
		if [ "$n" -le 0 ]; then
			echo "stack: WARNING: nginx (pid $pid) did not quit within 15 s; sending SIGTERM" >&2
			kill -TERM "$pid" 2>/dev/null || true
			wait_gone "$pid" 5 || kill -KILL "$pid" 2>/dev/null || true
			rm -f "$NGX_PID"
			STOP_FAILED=1
			return 0
		fi
		sleep 0.1
	done
	msg "nginx stopped"
}

# ---------------------------------------------------------------- sweep

SWEEP_INTERVAL=${SWEEP_INTERVAL:-60}
case $SWEEP_INTERVAL in
'' | *[!0-9]*) echo "stack: SWEEP_INTERVAL must be a number of seconds, got '$SWEEP_INTERVAL'" >&2; exit 2 ;;
esac

# The loop's command line carries this tag: its comm is only "bash".
SWEEP_TAG=hotline-sweep-loop

sweep_running() {
	local pid
	pid=$(read_pid "$SWEEP_PID") || return 1
	pid_alive "$pid" || return 1
	tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$SWEEP_TAG" || return 1
	echo "$pid"
}

sweep_stop() {
	local pid
	if ! pid=$(sweep_running); then
		rm -f "$SWEEP_PID"
		return 0
	fi
	msg "stopping the sweep loop (pid $pid)"
	kill -TERM "$pid" 2>/dev/null || true
	if ! wait_gone "$pid" 15; then
		echo "stack: WARNING: sweep loop (pid $pid) ignored SIGTERM; sending SIGKILL" >&2
		kill -KILL "$pid" 2>/dev/null || true
		STOP_FAILED=1
	fi
	rm -f "$SWEEP_PID"
}

# Runs `hotlinectl sweep` now and then every SWEEP_INTERVAL seconds, as cron
# does in production. On TERM the loop ends its sleep and exits (a sweep
# in progress finishes first: it takes milliseconds).
sweep_start() {
	sweep_stop
	if [ "$SWEEP_INTERVAL" -eq 0 ]; then
		msg "sweep loop off (SWEEP_INTERVAL=0)"
		return 0
	fi
	launch "$LOG/sweep.log" bash -c '
		trap "kill \$s 2>/dev/null; exit 0" TERM
		while :; do
			echo "$(date "+%F %T") $("$1" -c "$2" sweep 2>&1)"
			sleep "$3" & s=$!
			wait $s
		done' "$SWEEP_TAG" "$BUILD/hotlinectl" "$APPCONF" "$SWEEP_INTERVAL"
	echo "$LAUNCHED" >"$SWEEP_PID"
	msg "sweep loop started (pid $LAUNCHED, every $SWEEP_INTERVAL s, log $LOG/sweep.log)"
}

# ---------------------------------------------------------------- status

status() {
	local pid all=0
	if pid=$(running "$DB_PID" mariadbd); then
		echo "mariadb:  running (pid $pid, socket $DBSOCK, 127.0.0.1:$DB_PORT)"
	else
		echo "mariadb:  stopped"
		all=3
	fi
	if pid=$(running "$APP_PID" hotlined); then
		echo "hotlined: running (pid $pid, socket $APPSOCK)"
	else
		echo "hotlined: stopped"
		all=3
	fi
	if pid=$(running "$NGX_PID" nginx); then
		echo "nginx:    running (pid $pid, http://127.0.0.1:$PORT/)"
	else
		echo "nginx:    stopped"
		all=3
	fi
	# Optional: not counted in the exit status.
	if pid=$(sweep_running); then
		echo "sweep:    running (pid $pid, log $LOG/sweep.log)"
	else
		echo "sweep:    stopped"
	fi
	return $all
}

# ---------------------------------------------------------------- main

STOP_FAILED=0
cmd=${1:-}
case $cmd in
start)
	need_binaries
	db_start
	write_appconf
	migrate_and_demo
	[ "$TOPOLOGY" = cluster ] && replica_start
	app_start
	if [ "$NODES" = 2 ]; then
		node 2
		app_start
		node 1
	fi
	nginx_start
	sweep_start
	msg "up: http://127.0.0.1:$PORT/ (VAR=$VAR)"
	;;
stop)
	sweep_stop
	app_stop
	node 2
	app_stop
	node 1
	nginx_stop
	replica_stop
	db_stop
	;;
restart-app)
	app_restart
	;;
node1-start)
	app_start
	;;
node1-stop)
	app_stop
	;;
node2-start)
	node 2
	app_start
	;;
node2-stop)
	node 2
	app_stop
	;;
db-start)
	db_start
	;;
db-stop)
	db_stop
	;;
replica-start)
	replica_start
	;;
replica-stop)
	replica_stop
	;;
status)
	# Exit status 0 when all three run, 3 otherwise.
	status
	exit $?
	;;
*)
	echo "usage: $0 {start|stop|restart-app|node1-start|node1-stop|node2-start|node2-stop|db-start|db-stop|replica-start|replica-stop|status}" >&2
	exit 2
	;;
esac
exit $STOP_FAILED
