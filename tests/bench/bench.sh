#!/bin/bash
# make bench: drives the running stack with wrk at 50 connections and prints
# one line per page, "bench NAME rps=N p99_ms=N ratio=R", the ratio being
# against the bare FastCGI route (hello) measured in the same run; then the
# resident memory of hotlined. Usage: tests/bench/bench.sh [NAME ...]
# Names: static hello login home kb_search_public kb_search_operator kb_entry
# order_intake order_queue dispute_list dispute_form. BENCH_SECONDS sets each
# run's length.
set -euo pipefail
TOP=$(cd "$(dirname "$0")/../.." && pwd)
export VAR=${VAR:-$TOP/var/bench} PORT=${PORT:-8282}
BASE=http://127.0.0.1:$PORT
SECONDS_EACH=${BENCH_SECONDS:-10}
STACK="$TOP/scripts/stack.sh"

trap 'bash "$STACK" stop >/dev/null 2>&1 || true' EXIT
# A fresh database every run (BENCH_KEEP=1 keeps the last one): the loads
# below are timed from empty, and nothing left by an earlier run counts.
if [ "${BENCH_KEEP:-0}" != 1 ] && [ -d "$VAR" ]; then
	bash "$STACK" stop >/dev/null 2>&1 || true
	rm -rf "$VAR"
fi
bash "$STACK" start >/dev/null

# Signed-in sessions for the pages behind the login: the admin's home page,
# an operator for the staff search and the intake, a clerk of 人社局 (unit
# 14) for its queue, the city office's coordinator for the disputes.
jar=$(mktemp)
trap 'rm -f "$jar"; bash "$STACK" stop >/dev/null 2>&1 || true' EXIT
signin() {
	rm -f "$jar"
	local csrf
	csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" \
		--data-urlencode "username=$1" --data-urlencode password=Demo@12345 "$BASE/login"
	awk '$6 == "hl_sid" { print $7 }' "$jar"
}
sid=$(signin admin)
op_sid=$(signin operator)
clerk_sid=$(signin clerk_hrss)
coord_sid=$(signin coordinator)
[ -n "$sid" ] && [ -n "$op_sid" ] && [ -n "$clerk_sid" ] && [ -n "$coord_sid" ] ||
	{ echo "bench: could not sign in" >&2; exit 1; }

declare -A URL=(
	[static]=/static/style.css
	[hello]=/hello
	[login]=/login
	[home]=/
	[kb_search_public]=/kb?q=%E7%A4%BE%E4%BF%9D
	[kb_search_operator]=/knowledge?q=%E7%A4%BE%E4%BF%9D
	[kb_entry]=/kb/e/1000001
	[order_intake]=/orders
	[order_queue]=/orders/queue
	[dispute_list]=/disputes
	[dispute_form]=/disputes/1000000/form
)
declare -A AUTH=([home]=admin [kb_search_operator]=operator [order_intake]=operator
	[order_queue]=clerk [dispute_list]=coordinator [dispute_form]=coordinator)
# Forms posted with tests/bench/post.lua (bodies built below, once signed
# in): success is the redirect to the new order, anything else a failure.
declare -A BODY=()
declare -A EXPECT=([order_intake]=303)
declare -A LOCATION=([order_intake]=/orders/)
# Pages driven with a mix of paths (tests/bench/mix.lua) rather than one URL.
declare -A MIX=([kb_search_public]=/kb [kb_search_operator]=/knowledge [kb_entry]=/kb/e/
	[dispute_form]=/disputes/form)

# The searches of the mix: common words, rarer pairs, and queries that find
# nothing; percent-encoded UTF-8.
enc() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g'; }
mix_file() {
	local base=$1 f
	f=$(mktemp)
	if [ "$base" = /kb/e/ ]; then
		# Generated entries from 1000000 on; every tenth is internal.
		for i in $(seq 1000001 997 1099000); do
			[ $(((i - 1000000) % 10)) -ne 0 ] && echo "/kb/e/$i"
		done >"$f"
	elif [ "$base" = /disputes/form ]; then
		# The printable forms of the generated disputes (ids from 1000000
		# on), in every state.
		for i in $(seq 1000000 97 1009999); do
			echo "/disputes/$i/form"
		done >"$f"
	else
		for q in 社保 医保 公积金 户口 "社保 转移" "驾驶证 补办" "不动产 登记" \
			"护照 换领" "低保 证明" 营业执照 "燃气 缴费" "火星移民" "量子纠缠" \
			"违章 罚款 查询" 出生证明 "港澳通行证"; do
			echo "$base?q=$(enc "$q")"
		done >"$f"
	fi
	echo "$f"
}

# run NAME: prints "rps p99_ms" for one page.
run() {
	local name=$1 args=()
	case "${AUTH[$name]:-}" in
	admin) args=(-H "Cookie: hl_sid=$sid") ;;
	operator) args=(-H "Cookie: hl_sid=$op_sid") ;;
	clerk) args=(-H "Cookie: hl_sid=$clerk_sid") ;;
	coordinator) args=(-H "Cookie: hl_sid=$coord_sid") ;;
	esac
	# Every page must answer as it should (200, or a form's redirect) before
	# it is timed.
	local code want=${EXPECT[$name]:-200} data=()
	[ -n "${BODY[$name]:-}" ] && data=(--data "${BODY[$name]}")
	code=$(curl -s -o /dev/null -w '%{http_code}' "${args[@]}" "${data[@]}" "$BASE${URL[$name]}")
	[ "$code" = "$want" ] || { echo "bench: $name answered $code" >&2; exit 1; }
	local script=()
	if [ -n "${BODY[$name]:-}" ]; then
		export BENCH_BODY=${BODY[$name]} BENCH_EXPECT=$want BENCH_LOCATION=${LOCATION[$name]:-}
		script=(-s "$TOP/tests/bench/post.lua")
	elif [ -n "${MIX[$name]:-}" ]; then
		BENCH_PATHS=$(mix_file "${MIX[$name]}")
		export BENCH_PATHS
		script=(-s "$TOP/tests/bench/mix.lua")
		# Each path once, unhurried, before the clock starts: the public
		# pages are timed with nginx's micro-cache warm, as they run. A
		# cold start (every page a miss at once under full load) costs
		# seconds per search on two cores and is not what this measures.
		local p
		while read -r p; do
			curl -s -o /dev/null "${args[@]}" "$BASE$p"
		done <"$BENCH_PATHS"
	fi
	wrk -t2 -c50 -d"${SECONDS_EACH}s" --latency "${script[@]}" "${args[@]}" "$BASE${URL[$name]}" |
		awk '/Requests\/sec/ { rps = $2 }
		     /^ +99%/ { v = $2; ms = v + 0;
		                if (v ~ /us$/) ms = ms / 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) ms = ms * 1000;
		                p99 = ms }
		     /Non-2xx/ { bad = $NF }
		     /^Bad answers:/ { wrong = $NF }
		     END { if (bad) { print "bench: non-2xx answers: " bad > "/dev/stderr"; exit 1 }
		           if (wrong) { print "bench: failed form posts: " wrong > "/dev/stderr"; exit 1 }
		           printf "%d %.2f\n", rps, p99 }'
}

names=("$@")
[ ${#names[@]} -gt 0 ] ||
	names=(static hello login home kb_search_public kb_search_operator kb_entry order_intake
		order_queue dispute_list dispute_form)
for n in "${names[@]}"; do
	[ -n "${URL[$n]:-}" ] || { echo "bench: unknown page $n (known: ${!URL[*]})" >&2; exit 2; }
done

# The knowledge-base pages need the 100,000 generated entries; loading them
# (and building their full-text indexes) is timed once.
case " ${names[*]} " in
*" kb_"*)
	t0=$(date +%s.%N)
	"$TOP/build/hotlinectl" -c "$VAR/hotline.conf" kb bench-load 100000 >/dev/null
	awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "bench kb_load_s=%.1f\n", b - a }'
	;;
esac

# The order pages need the 100,000 generated orders (the clerk's queue
# holds some 75 open ones), timed once; then one sweep writes their
# reminders, so that the stack's sweep loop finds little to do in a timed
# run. The intake posts a dispatch as the operator would: a leaf category
# of the intake form, the city, its CSRF token from the form; to unit 15
# (医保局), not 14, so that the orders it adds on every run do not grow the
# queue that order_queue reads. The dispute pages need the orders too.
case " ${names[*]} " in
*" order_"* | *" dispute_"*)
	t0=$(date +%s.%N)
	"$TOP/build/hotlinectl" -c "$VAR/hotline.conf" order bench-load 100000 >/dev/null
	awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "bench order_load_s=%.1f\n", b - a }'
	"$TOP/build/hotlinectl" -c "$VAR/hotline.conf" sweep >/dev/null
	form=$(curl -s -H "Cookie: hl_sid=$op_sid" "$BASE/orders/new")
	csrf=$(printf '%s' "$form" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	category=$(printf '%s' "$form" | tr '>' '\n' | sed -n '/name="category_id"/,/<\/select/s/^<option value="\([0-9][0-9]*\)".*/\1/p' | head -1)
	[ -n "$csrf" ] && [ -n "$category" ] ||
		{ echo "bench: no CSRF token or category on /orders/new" >&2; exit 1; }
	BODY[order_intake]="csrf=$csrf&caller_phone=13800138000&caller_name=$(enc 陈先生)&channel=phone"
	BODY[order_intake]+="&category_id=$category&jurisdiction_id=1&place=$(enc 梅江区江南路18号)"
	BODY[order_intake]+="&content=$(enc 来电反映异地就医已备案，回来报销仍被告知材料不全。)"
	BODY[order_intake]+="&demand=$(enc 希望一次性告知所需材料并尽快报销)&cause=$(enc 备案信息未同步)"
	BODY[order_intake]+="&contradiction=$(enc 办理时限与群众期望不符)&outcome=dispatch&unit_id=15"
	;;
esac

# The dispute pages read 10,000 generated disputes (ids 1000000 on) opened
# on closed generated orders, in every state, timed once.
case " ${names[*]} " in
*" dispute_"*)
	t0=$(date +%s.%N)
	"$TOP/build/hotlinectl" -c "$VAR/hotline.conf" dispute bench-load 10000 >/dev/null
	awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "bench dispute_load_s=%.1f\n", b - a }'
	;;
esac

read -r base_rps base_p99 < <(run hello)
for n in "${names[@]}"; do
	if [ "$n" = hello ]; then
		rps=$base_rps p99=$base_p99
	else
		read -r rps p99 < <(run "$n")
	fi
	awk -v n="$n" -v r="$rps" -v p="$p99" -v b="$base_rps" \
		'BEGIN { printf "bench %s rps=%d p99_ms=%.2f ratio=%.2f\n", n, r, p, r / b }'
done
pid=$(cat "$VAR/run/hotlined.pid")
awk '/^VmRSS/ { printf "bench rss_mb=%.1f\n", $2 / 1024 }' "/proc/$pid/status"
