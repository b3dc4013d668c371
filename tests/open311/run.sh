#!/usr/bin/env bash
# Open311 GeoReport v2 conformance run against a running server.
#
#   BASE_URL=http://127.0.0.1:8181 HOTLINECTL=/path/to/hotlinectl tests/open311/run.sh
#
# Makes the client's API keys with the server's tool
# ("$HOTLINECTL" open311 key SOURCE [CATEGORY_ID...] prints "ID KEY";
#  "$HOTLINECTL" open311 revoke ID revokes one):
#   KEY_ALL      source open311-client-$$, every category
#   KEY_LIMITED  source open311-client-limited-$$, only LIMITED_CODE, the
#                first service_code of services.json
#   KEY_REVOKED  made and revoked at once
# then runs tests/open311/client.mjs and exits with its status. KEY_ALL and
# KEY_LIMITED are revoked again on the way out. The requests the client files
# stay in the database (the API has no way to delete them).
set -euo pipefail

: "${BASE_URL:?set BASE_URL, e.g. http://127.0.0.1:8181}"
: "${HOTLINECTL:?set HOTLINECTL to the path of the server command-line tool}"
# A relative path to the tool stays valid after the cd below.
case $HOTLINECTL in
/*) ;;
*/*) HOTLINECTL=$PWD/$HOTLINECTL ;;
esac

# The tool reads the stack's configuration when VAR names the stack
# (tests/stack-tests.sh sets it), else its default.
ctl() {
	if [ -n "${VAR:-}" ]; then
		"$HOTLINECTL" -c "$VAR/hotline.conf" "$@"
	else
		"$HOTLINECTL" "$@"
	fi
}
cd "$(dirname "$0")/../.."

# make_key SOURCE [CATEGORY_ID...]: sets KEY_ID and KEY from the tool's "ID KEY" line.
make_key() {
	local line rest
	line=$(ctl open311 key "$@") || {
		echo "run.sh: '$HOTLINECTL open311 key $*' failed" >&2
		exit 1
	}
	read -r KEY_ID KEY rest <<<"$line"
	if [ -z "${KEY_ID:-}" ] || [ -z "${KEY:-}" ] || [ -n "${rest:-}" ]; then
		echo "run.sh: '$HOTLINECTL open311 key $*' printed '$line', expected 'ID KEY'" >&2
		exit 1
	fi
	echo "# made key $KEY_ID for source $1${2:+ (category ${*:2})}" >&2
}

REVOKE_IDS=()
# shellcheck disable=SC2317 # called by the EXIT trap
revoke_all() {
	local id
	for id in ${REVOKE_IDS[@]+"${REVOKE_IDS[@]}"}; do
		ctl open311 revoke "$id" >/dev/null || echo "run.sh: could not revoke key $id" >&2
	done
}
trap revoke_all EXIT

make_key "open311-client-$$"
KEY_ALL=$KEY
REVOKE_IDS+=("$KEY_ID")

# The first service_code of the service list (the client checks the list itself).
LIMITED_CODE=$(curl -fsS "$BASE_URL/open311/v2/services.json" | node -e '
	let s = "";
	process.stdin.on("data", (d) => (s += d)).on("end", () => {
		const list = JSON.parse(s);
		if (!Array.isArray(list) || !list.length || list[0].service_code == null) process.exit(1);
		console.log(String(list[0].service_code));
	});')
if [ -z "$LIMITED_CODE" ]; then
	echo "run.sh: no service_code in $BASE_URL/open311/v2/services.json" >&2
	exit 1
fi

make_key "open311-client-limited-$$" "$LIMITED_CODE"
KEY_LIMITED=$KEY
REVOKE_IDS+=("$KEY_ID")

make_key "open311-client-revoked-$$"
KEY_REVOKED=$KEY
ctl open311 revoke "$KEY_ID" >/dev/null

status=0
BASE_URL=$BASE_URL KEY_ALL=$KEY_ALL KEY_LIMITED=$KEY_LIMITED LIMITED_CODE=$LIMITED_CODE \
	KEY_REVOKED=$KEY_REVOKED node tests/open311/client.mjs || status=$?
exit "$status"
