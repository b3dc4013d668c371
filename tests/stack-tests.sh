#!/bin/bash
# Runs the HTTP suites (tests/http/test_*.c, one binary per feature), then
# the browser tests when present, against a fresh private stack: its own
# state directory (var/test), its own port (8181) and a new database every
# run. The stack is stopped however this script ends.
#
# Environment: BUILD (default build) names the directory holding hotlined,
# hotlinectl and tests/http/test_*, as for scripts/stack.sh; PORT (8181)
# the stack's port.
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

# The suites in the order they run. Each makes its own data (named with a
# stamp of its run) on the one stack; the order matters only where a suite
# changes what others rely on:
# - kb_import exports 人社局's entries before grants gives it another unit's;
# - search_nodes stops node 2 and rebuilds its index: after the suites that
#   search there;
# - outage stops the database and tampers with the audit log (and puts it
#   back): after every suite that needs them;
# - faults stops the database and restarts the application: last.
SUITES="auth admin calendar audit categories routing procedures input
	kb_editing kb_public kb_search kb_updates kb_review kb_import grants kb_people assessment
	order_intake order_handling order_returns order_search retention citizens
	dispute_referral dispute_review meetings determination accountability
	dispute_counties dispute_form
	search_synonyms search_learned search_public search_nodes
	access csrf scope
	outage faults"

failed=0
for suite in $SUITES; do
	echo "== $suite ($BUILD/tests/http/test_$suite against $BASE_URL)"
	"$BUILD/tests/http/test_$suite" || { failed=1; echo "stack-tests: $suite FAILED" >&2; }
done

echo "== open311 (tests/open311/run.sh: a GeoReport v2 client written from the specification)"
bash tests/open311/run.sh || { failed=1; echo "stack-tests: open311 FAILED" >&2; }
echo "== restore (tests/restore/run.sh: a backup taken while calls come in, restored to a moment)"
bash tests/restore/run.sh || { failed=1; echo "stack-tests: restore FAILED" >&2; }
echo "== cluster (tests/cluster/run.sh: two nodes and a replica of their own, port 8391)"
bash tests/cluster/run.sh || { failed=1; echo "stack-tests: cluster FAILED" >&2; }

if [ -f tests/browser/run.sh ]; then
	echo "== browser tests (tests/browser/run.sh against $BASE_URL)"
	bash tests/browser/run.sh || failed=1
fi

if [ "$failed" != 0 ]; then
	echo "stack-tests: FAILED" >&2
	exit 1
fi
echo "stack-tests: all passed"
