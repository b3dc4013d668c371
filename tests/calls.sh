# Sourced by the shell tests that record calls through nginx
# (tests/restore/run.sh, tests/cluster/run.sh): an operator's session and
# one recorded call at a time.

# operator_session JAR BASE: signs the operator in (cookies in JAR) and
# sets CSRF (the session's token) and CATEGORY (a leaf of the intake form).
operator_session() {
	local jar=$1 base=$2 token form
	token=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$token" \
		--data-urlencode username=operator --data-urlencode password=Demo@12345 "$base/login"
	form=$(curl -s -b "$jar" "$base/orders/new")
	CSRF=$(printf '%s' "$form" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	CATEGORY=$(printf '%s' "$form" | tr '>' '\n' | sed -n '/name="category_id"/,/<\/select/s/^<option value="\([0-9][0-9]*\)".*/\1/p' | head -1)
	[ -n "$CSRF" ] && [ -n "$CATEGORY" ]
}

# post_call JAR BASE PHONE: records a call dispatched to 医保局 (unit 15);
# prints the status and, when acknowledged (303), the new order's id.
post_call() {
	local st loc
	read -r st loc < <(curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' -b "$1" \
		--data "csrf=$CSRF&caller_phone=$3&channel=phone&category_id=$CATEGORY&jurisdiction_id=1&content=%E6%B5%8B%E8%AF%95%E6%9D%A5%E7%94%B5&demand=d&outcome=dispatch&unit_id=15" \
		"$2/orders")
	loc=${loc##*/orders/}
	echo "$st ${loc%%\?*}"
}
