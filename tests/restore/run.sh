#!/bin/bash
# Backups that restore (issue 15), against the running test stack: an
# operator records calls through nginx without pause while
# scripts/backup.sh takes a backup; the calls go on, pause, a moment T
# is chosen, and they go on again. The backup is restored into a fresh
# MariaDB, the binary log replayed up to T, and then every call the
# application acknowledged before T must be there, none after it, and
# `hotlinectl audit verify` must pass on the restored database.
#
# Environment (tests/stack-tests.sh sets them): VAR, BASE_URL, HOTLINECTL.
set -euo pipefail
TOP=$(cd "$(dirname "$0")/../.." && pwd)
: "${VAR:?}" "${BASE_URL:?}"
HOTLINECTL=${HOTLINECTL:-$TOP/build/hotlinectl}
W=$VAR/restore-test
rm -rf "$W"
mkdir -p "$W"
fail() { echo "restore: FAIL: $*" >&2; exit 1; }

source "$TOP/tests/calls.sh"
jar=$W/jar
operator_session "$jar" "$BASE_URL" || fail "no intake form"

# The calls: one after another until $W/stop, holding while $W/pause
# exists; each acknowledged one (303 to its order) is logged with the
# second it was acknowledged in (UTC epoch) and its id.
calls() {
	local i=0 st id
	while [ ! -e "$W/stop" ]; do
		if [ -e "$W/pause" ]; then
			touch "$W/paused"
			sleep 0.05
			continue
		fi
		rm -f "$W/paused"
		i=$((i + 1))
		read -r st id < <(post_call "$jar" "$BASE_URL" "1390000$(printf %04d $i)")
		[ "$st" = 303 ] && echo "$(date -u +%s) $id" >>"$W/acks"
	done
}
calls &
caller=$!
trap 'touch "$W/stop"; wait $caller 2>/dev/null || true; [ -f "$W/db.pid" ] && kill "$(cat "$W/db.pid")" 2>/dev/null || true' EXIT

sleep 1
bash "$TOP/scripts/backup.sh" take "$W/backup" || fail "backup"
during=$(wc -l <"$W/acks")
sleep 1
# The moment: no call in flight for a second either side of it.
touch "$W/pause"
while [ ! -e "$W/paused" ]; do sleep 0.05; done
sleep 1.2
T=$(date -u '+%Y-%m-%d %H:%M:%S')
t=$(date -u -d "$T" +%s)
sleep 1.2
rm -f "$W/pause"
sleep 1.5
touch "$W/stop"
wait $caller || true
before=$(awk -v t="$t" '$1 < t { print $2 }' "$W/acks")
after=$(awk -v t="$t" '$1 >= t { print $2 }' "$W/acks")
nb=$(printf '%s\n' "$before" | grep -c . || true)
na=$(printf '%s\n' "$after" | grep -c . || true)
[ "$nb" -gt 0 ] && [ "$na" -gt 0 ] || fail "calls before ($nb) and after ($na) the moment"

# A fresh server on the restored copy, on its own socket, no network.
bash "$TOP/scripts/backup.sh" restore "$W/backup" "$W/db" || fail "restore"
mariadbd --no-defaults --datadir="$W/db" --socket="$W/db.sock" --pid-file="$W/db.pid" \
	--skip-networking --log-error="$W/mariadb.err" --innodb-buffer-pool-size=64M \
	--user="$(id -un)" >/dev/null 2>&1 &
for _ in $(seq 1 100); do
	mariadb-admin --socket="$W/db.sock" --user=root ping >/dev/null 2>&1 && break
	sleep 0.1
done
mariadb-admin --socket="$W/db.sock" --user=root ping >/dev/null 2>&1 || fail "restored server did not start"
MYCNF=$VAR/my.cnf bash "$TOP/scripts/backup.sh" replay "$W/backup" "$W/db.sock" "$T" || fail "replay"

q() { mariadb --socket="$W/db.sock" --user=root -N hotline -e "$1"; }
ids=$(printf '%s\n' "$before" | paste -sd, -)
got=$(q "SELECT COUNT(*) FROM orders WHERE id IN ($ids)")
[ "$got" = "$nb" ] || fail "$got of the $nb calls acknowledged before $T are in the restored database"
ids=$(printf '%s\n' "$after" | paste -sd, -)
got=$(q "SELECT COUNT(*) FROM orders WHERE id IN ($ids)")
[ "$got" = 0 ] || fail "$got calls acknowledged after $T are in the database restored to $T"

# The audit chain of the restored database holds.
sed -e "s|^db_socket *=.*|db_socket = $W/db.sock|" -e "s|^db_host *=.*|db_host = localhost|" \
	-e "s|^db_port *=.*|db_port = 0|" "$VAR/hotline.conf" >"$W/hotline.conf"
"$HOTLINECTL" -c "$W/hotline.conf" audit verify >"$W/verify.out" 2>&1 ||
	fail "audit verify on the restored database: $(cat "$W/verify.out")"
echo "restore: backup taken during $during acknowledged calls; restored to $T: $nb calls acknowledged before are there, $na after are not; audit chain verified"
