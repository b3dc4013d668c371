#!/bin/bash
# The cluster topology (issue 15): two hotlined nodes behind one nginx
# upstream and a MariaDB primary with a replica, all on loopback under
# var/cluster-test (scripts/stack.sh, TOPOLOGY=cluster). While an operator
# records calls and the public searches, node 1 is killed: every search
# still answers (nginx retries it on node 2), no acknowledged call is
# lost, and node 1 serves again once restarted. Stopping the replica sends
# the public pages to the primary at once; restarted, it catches up. A
# replica that stops applying changes is skipped once it is further behind
# than db_read_max_lag.
set -euo pipefail
TOP=$(cd "$(dirname "$0")/../.." && pwd)
export VAR=$TOP/var/cluster-test PORT=${CLUSTER_PORT:-8391} TOPOLOGY=cluster
export SWEEP_INTERVAL=0
# A replica more than 2 s behind is skipped (the default is 30).
export HOTLINE_CONF_EXTRA="${HOTLINE_CONF_EXTRA:-}
db_read_max_lag = 2"
STACK=$TOP/scripts/stack.sh
B=http://127.0.0.1:$PORT
fail() { echo "cluster: FAIL: $*" >&2; exit 1; }
bash "$STACK" stop >/dev/null 2>&1 || true
rm -rf "$VAR"
trap 'touch "$VAR/stop"; wait 2>/dev/null || true; bash "$STACK" stop >/dev/null 2>&1 || true' EXIT
bash "$STACK" start >"$TOP/var/cluster-test.log" 2>&1 || { cat "$TOP/var/cluster-test.log" >&2; fail "start"; }
W=$VAR/work
mkdir -p "$W"
q() { mariadb --defaults-file="$VAR/my.cnf" -uroot -N hotline -e "$1"; }
q2() { mariadb --defaults-file="$VAR/my2.cnf" -uroot -N hotline -e "$1"; }

source "$TOP/tests/calls.sh"
jar=$W/jar
operator_session "$jar" "$B" || fail "no intake form"

calls() {
	local i=0
	while [ ! -e "$W/stop" ]; do
		i=$((i + 1))
		post_call "$jar" "$B" "1370000$(printf %04d $i)" >>"$W/calls"
	done
}
searches() {
	local words=(社保 户口 公积金 医保 驾驶证 低保 入学 燃气 停水 发票) i=0 w
	while [ ! -e "$W/stop" ]; do
		w=${words[$((i % 10))]}
		i=$((i + 1))
		curl -s -o /dev/null -w '%{http_code}\n' -G --data-urlencode "q=$w $i" "$B/kb" >>"$W/searches"
	done
}
calls &
searches &
sleep 2
# Node 1 dies mid-request (no drain); later it is started again.
kill -KILL "$(cat "$VAR/run/hotlined.pid")"
sleep 3
bash "$STACK" node1-start >/dev/null
sleep 3
touch "$W/stop"
wait
acked=$(awk '$1 == 303 { print $2 }' "$W/calls")
na=$(printf '%s\n' "$acked" | grep -c . || true)
nf=$(awk '$1 != 303' "$W/calls" | wc -l)
[ "$na" -gt 0 ] || fail "no call was acknowledged"
got=$(q "SELECT COUNT(*) FROM orders WHERE id IN ($(printf '%s\n' "$acked" | paste -sd, -))")
[ "$got" = "$na" ] || fail "$got of $na acknowledged calls are stored"
ns=$(wc -l <"$W/searches")
bad=$(grep -vc '^200$' "$W/searches" || true)
[ "$bad" = 0 ] || fail "$bad of $ns searches did not answer 200 across the node's death: $(sort "$W/searches" | uniq -c | tr '\n' ' ')"

# Node 1 serves again: with node 2 stopped, everything goes to it (nginx
# tries a node it marked failed again after fail_timeout, 3 s).
bash "$STACK" node2-stop >/dev/null
for _ in $(seq 1 50); do
	st=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$B/orders/mine")
	[ "$st" = 200 ] && break
	sleep 0.1
done
[ "$st" = 200 ] || fail "node 1 does not serve within 5 s of being alone ($st)"
bash "$STACK" node2-start >/dev/null

# The replica: the public pages read it; stopped, they read the primary.
before=$(mariadb --defaults-file="$VAR/my2.cnf" -uroot -N -e "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" | cut -f2)
curl -s -o /dev/null -G --data-urlencode "q=社保 replica" "$B/kb"
after=$(mariadb --defaults-file="$VAR/my2.cnf" -uroot -N -e "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" | cut -f2)
[ "$after" -gt "$before" ] || fail "the public search did not read the replica"
bash "$STACK" replica-stop >/dev/null
t0=$(date +%s.%N)
st=$(curl -s -o /dev/null -w '%{http_code}' -G --data-urlencode "q=户口 primary" "$B/kb")
[ "$st" = 200 ] || fail "with the replica stopped the public search answered $st"
st=$(curl -s -o /dev/null -w '%{http_code}' "$B/kb/e/$(q 'SELECT MIN(entry_id) FROM kb_search WHERE visibility = "public"')")
[ "$st" = 200 ] || fail "with the replica stopped an entry page answered $st"
took=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
bash "$STACK" replica-start >/dev/null
# a call recorded now reaches the restarted replica
read -r st _ < <(post_call "$jar" "$B" 13799999999)
[ "$st" = 303 ] || fail "a call after the replica restarted answered $st"
for _ in $(seq 1 100); do
	[ "$(q2 "SELECT COUNT(*) FROM orders WHERE caller_phone = '13799999999'")" = 1 ] && break
	sleep 0.1
done
[ "$(q2 "SELECT COUNT(*) FROM orders WHERE caller_phone = '13799999999'")" = 1 ] ||
	fail "the restarted replica did not catch up within 10 s"

# A replica whose SQL thread stops falls behind: past db_read_max_lag the
# public pages read the primary, and show what changed since. First every
# worker's 5 s pause after the replica's stop ends, so that the public
# pages read the replica again (without the lag check they would now show
# its stale rows for good).
sleep 6
before=$(q2 "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" | cut -f2)
curl -s -o /dev/null -G --data-urlencode "q=医保 replica again" "$B/kb"
after=$(q2 "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" | cut -f2)
[ "$after" -gt "$before" ] || { grep -i replica "$VAR"/log/*.log | tail -5; tail -5 "$VAR"/log/mariadb2.err; q2 "SELECT * FROM replica_heartbeat"; q2 "SHOW REPLICA STATUS\\G" | grep -i "running|error|behind"; fail "the public search did not read the restarted replica"; }
entry=$(q 'SELECT MIN(entry_id) FROM kb_search WHERE visibility = "public"')
q2 "STOP REPLICA SQL_THREAD"
q "UPDATE kb_search SET title = CONCAT(title, '（已更新）') WHERE entry_id = $entry"
t0=$(date +%s.%N) fresh=
for _ in $(seq 1 40); do
	curl -s "$B/kb/e/$entry" | grep -q '（已更新）' && { fresh=1; break; }
	sleep 0.5
done
lagged=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
q2 "START REPLICA SQL_THREAD"
[ -n "$fresh" ] || fail "a replica that stopped applying still served the public pages after 20 s"
echo "cluster: node 1 killed under load: $na calls acknowledged and stored ($nf refused while it died), $ns searches all answered; node 1 serves again; replica stopped: public pages from the primary in ${took} s; restarted, it caught up; a replica that stopped applying was skipped, the change shown after ${lagged} s (bound 2 s, nginx keeps public pages 5 s)"
