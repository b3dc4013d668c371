#!/bin/bash
# Runs every browser flow against BASE_URL with node's test runner.
set -euo pipefail
cd "$(dirname "$0")"
exec node --test --test-concurrency=1 ./*.test.mjs
