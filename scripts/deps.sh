#!/bin/bash
# Installs the build/run dependencies that are missing. Idempotent and fast
# when everything is already present. Run from anywhere (as root).
set -eu

TOP=$(cd "$(dirname "$0")/.." && pwd)

PKGS="libfcgi-dev libctemplate-dev default-libmysqlclient-dev mariadb-server
mariadb-client mariadb-backup libxml2-dev check nginx wrk pkg-config g++ make
libcurl4-openssl-dev libcrypt-dev libssl-dev chromium fonts-wqy-microhei
libxapian-dev clang libclang-rt-14-dev libjson-c-dev"

missing=""
for p in $PKGS; do
	if ! dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed'; then
		missing="$missing $p"
	fi
done

if [ -n "$missing" ]; then
	echo "deps: installing:$missing"
	SUDO=""
	if [ "$(id -u)" -ne 0 ]; then
		SUDO="sudo"
	fi
	$SUDO apt-get update -q
	# shellcheck disable=SC2086
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
else
	echo "deps: Debian packages present"
fi

B="$TOP/tests/browser"
if [ -f "$B/package.json" ]; then
	if [ ! -d "$B/node_modules/playwright-core" ]; then
		if ! command -v npm >/dev/null 2>&1; then
			echo "deps: installing Debian's nodejs and npm for tests/browser"
			apt-get update -q
			DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm
		fi
		echo "deps: installing node modules in tests/browser"
		if [ -f "$B/package-lock.json" ]; then
			(cd "$B" && npm ci --no-audit --no-fund)
		else
			(cd "$B" && npm install --no-audit --no-fund)
		fi
	else
		echo "deps: node modules present"
	fi
fi
