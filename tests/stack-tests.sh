#!/bin/bash
# Runs the HTTP tests, then the browser tests when present, against a fresh
# private stack: its own state directory (var/test), its own port (8181) and
# a new database every run. The stack is stopped however this script ends.
#
# Environment: BUILD (default build) names the directory holding hotlined,
# hotlinectl, tests/test_http, tests/test_http_kb, tests/test_http_orders,
# tests/test_http_disputes, tests/test_http_search, tests/test_http_access and
# tests/test_http_faults,
# as for scripts/stack.sh.
set -euo pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"

export VAR=$TOP/var/test
export PORT=${PORT:-8181}
# A second node (its own hotlined and search index, sharing the database)
# on PORT + 1, for the tests of what every node must see.
export NODES=2
BUILD=${BUILD:-build}
case $BUILD in
/*) ;;
*) BUILD=$TOP/$BUILD ;;
esac
export BUILD
export STACK=$TOP/scripts/stack.sh
export HOTLINECTL=$BUILD/hotlinectl
export BASE_URL=http://127.0.0.1:$PORT
export BASE_URL2=http://127.0.0.1:$((PORT + 1))
# The suites sign in hundreds of times from 127.0.0.1, some of them wrongly
# on purpose: the per-address limit of failed sign-ins (login_addr_max) is
# tested from addresses of its own (127.x.y.z), so here it may be high.
export HOTLINE_CONF_EXTRA="login_addr_max = 500"

stop_stack() {
	bash "$STACK" stop || echo "stack-tests: stopping the stack failed" >&2
}

# A stack left running on this VAR by an interrupted run must not lose its
# data directory under its feet: stop it before removing it.
if [ -d "$VAR" ]; then
	stop_stack
fi
rm -rf "$VAR"

trap stop_stack EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bash "$STACK" start

failed=0
echo "== HTTP tests ($BUILD/tests/test_http against $BASE_URL)"
"$BUILD/tests/test_http" || failed=1

echo "== knowledge-base HTTP tests ($BUILD/tests/test_http_kb against $BASE_URL)"
"$BUILD/tests/test_http_kb" || failed=1

echo "== work-order HTTP tests ($BUILD/tests/test_http_orders against $BASE_URL)"
"$BUILD/tests/test_http_orders" || failed=1

echo "== disputes HTTP tests ($BUILD/tests/test_http_disputes against $BASE_URL)"
"$BUILD/tests/test_http_disputes" || failed=1

echo "== search HTTP tests ($BUILD/tests/test_http_search against $BASE_URL and $BASE_URL2)"
"$BUILD/tests/test_http_search" || failed=1

echo "== access HTTP tests ($BUILD/tests/test_http_access against $BASE_URL)"
"$BUILD/tests/test_http_access" || failed=1

# Last of the HTTP suites: it stops the database and restarts the app.
echo "== fault HTTP tests ($BUILD/tests/test_http_faults against $BASE_URL)"
"$BUILD/tests/test_http_faults" || failed=1

if [ -f tests/browser/run.sh ]; then
	echo "== browser tests (tests/browser/run.sh against $BASE_URL)"
	bash tests/browser/run.sh || failed=1
fi

if [ "$failed" != 0 ]; then
	echo "stack-tests: FAILED" >&2
	exit 1
fi
echo "stack-tests: all passed"
