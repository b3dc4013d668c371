#!/bin/bash
# Backups that restore (issue 15): a consistent online copy with
# mariadb-backup, plus the binary log for point-in-time recovery.
#
# usage:
#   scripts/backup.sh take DIR     a full backup into DIR (new), prepared and
#                                  ready to restore; DIR/binlog_info names the
#                                  binary log file and position it matches
#   scripts/backup.sh restore DIR DATADIR
#                                  copies the backup into the empty DATADIR of
#                                  a server that is not running
#   scripts/backup.sh replay DIR SOCKET [UNTIL]
#                                  applies the binary log from the backup's
#                                  position (up to UNTIL, "YYYY-MM-DD HH:MM:SS"
#                                  UTC, exclusive) to the restored server on
#                                  SOCKET: point-in-time recovery
#
# Environment: MYCNF, the live server's option file (default
# $VAR/my.cnf, VAR default <repo>/var); BINLOG_DIR, where its binary logs
# are (default its datadir). Run as the server's user. Search indexes are
# not backed up: each node rebuilds its own from the restored database.
#
# Production, from cron (see README): a full backup nightly, the binary
# logs copied off the machine as they close, e.g.
#   15 2 * * *  scripts/backup.sh take /backup/$(date +\%F)
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
VAR=${VAR:-$TOP/var}
MYCNF=${MYCNF:-$VAR/my.cnf}
die() { echo "backup: $*" >&2; exit 1; }

datadir_of() {
	sed -n 's/^datadir *= *//p' "$MYCNF" | head -1
}

take() {
	local dir=$1
	[ ! -e "$dir" ] || die "$dir exists"
	mariadb-backup --defaults-file="$MYCNF" --backup --target-dir="$dir" \
		--user=root >"$dir.log" 2>&1 || die "backup failed; see $dir.log"
	mariadb-backup --prepare --target-dir="$dir" >>"$dir.log" 2>&1 ||
		die "prepare failed; see $dir.log"
	# "binlog.000002	1234	0-1-56": the file and position the copy is
	# consistent with; the replay starts there.
	local info=$dir/mariadb_backup_binlog_info
	[ -f "$info" ] || info=$dir/xtrabackup_binlog_info   # its name in 10.11
	[ -f "$info" ] || die "no binary log position in $dir (is log_bin on?)"
	cp "$info" "$dir/binlog_info"
	echo "backup: $dir ($(du -sh "$dir" | cut -f1)), binary log from $(cut -f1,2 "$dir/binlog_info" | tr '\t' ' ')"
}

restore() {
	local dir=$1 datadir=$2
	[ -f "$dir/binlog_info" ] || die "$dir is not a prepared backup"
	mkdir -p "$datadir"
	[ -z "$(ls -A "$datadir")" ] || die "$datadir is not empty"
	mariadb-backup --copy-back --target-dir="$dir" --datadir="$datadir" \
		>"$datadir.restore.log" 2>&1 || die "copy-back failed; see $datadir.restore.log"
	echo "backup: restored $dir into $datadir"
}

replay() {
	local dir=$1 sock=$2 until=${3:-}
	local file pos logdir files=()
	read -r file pos _ <"$dir/binlog_info"
	logdir=${BINLOG_DIR:-$(datadir_of)}
	[ -f "$logdir/$file" ] || die "no binary log $logdir/$file"
	# the backup's file and every later one, in order
	for f in "$logdir"/binlog.[0-9]*; do
		[[ "$f" < "$logdir/$file" ]] || files+=("$f")
	done
	local stop=()
	[ -n "$until" ] && stop=(--stop-datetime="$until")
	# Times in the log are UTC; so is UNTIL.
	TZ=UTC mariadb-binlog --start-position="$pos" "${stop[@]}" "${files[@]}" |
		mariadb --socket="$sock" --user=root || die "replay failed"
	echo "backup: replayed ${#files[@]} binary log file(s) from $file:$pos${until:+ to $until UTC}"
}

case ${1:-} in
take) [ $# -eq 2 ] || die "usage: take DIR"; take "$2" ;;
restore) [ $# -eq 3 ] || die "usage: restore DIR DATADIR"; restore "$2" "$3" ;;
replay) [ $# -ge 3 ] || die "usage: replay DIR SOCKET [UNTIL]"; replay "$2" "$3" "${4:-}" ;;
*) die "usage: $0 take DIR | restore DIR DATADIR | replay DIR SOCKET [UNTIL]" ;;
esac
