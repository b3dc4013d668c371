#!/bin/bash
# make relevance: asks the questions of tests/relevance/questions.tsv of the
# index engine and of the SQL search, on the demo data of a fresh private
# stack (var/relevance, port 8383), and prints one line per engine:
#   relevance engine=E hit@3=N% mrr=N no_answer_correct=N% questions=N none=N
# RELEVANCE_ARGS passes options to the tool (-v: every question missed).
set -euo pipefail
TOP=$(cd "$(dirname "$0")/../.." && pwd)
export VAR=${VAR:-$TOP/var/relevance} PORT=${PORT:-8383}
BUILD=${BUILD:-$TOP/build}
STACK="$TOP/scripts/stack.sh"

trap 'bash "$STACK" stop >/dev/null 2>&1 || true' EXIT
if [ -d "$VAR" ]; then
	bash "$STACK" stop >/dev/null 2>&1 || true
	rm -rf "$VAR"
fi
SWEEP_INTERVAL=0 bash "$STACK" start >/dev/null
# shellcheck disable=SC2086
"$BUILD/tests/relevance" -c "$VAR/hotline.conf" -q "$TOP/tests/relevance/questions.tsv" \
	-i "$VAR/relevance-index" ${RELEVANCE_ARGS:-}
