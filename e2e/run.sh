#!/usr/bin/env bash
# End-to-end tests of `annalist serve` in headless Chromium (issue 9).
#
# Builds the release binary, ingests examples/ and the hostile fixtures into a fresh store,
# starts `annalist serve` on a free loopback port, runs the Playwright tests (playwright-core
# driving Debian's /usr/bin/chromium; no browser download), keeps one screenshot per page in
# target/e2e-screenshots/, runs schemathesis against the OpenAPI document, and stops the
# server. Installs what it needs: Debian chromium when missing (apt-get, as root), the npm
# packages from package-lock.json (npm ci) and schemathesis in a venv under target/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SHOTS="$ROOT/target/e2e-screenshots"

if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
(cd e2e && npm ci --no-audit --no-fund --loglevel=error)
cargo build --release -p annalist
BIN="$ROOT/target/release/annalist"

WORK=$(mktemp -d)
SERVER=""
WRITER=""
STARTED_PID=""
cleanup() {
  for pid in $SERVER $WRITER $STARTED_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

DB="$WORK/e2e.db"
"$BIN" ingest --db "$DB" examples/*.txt examples/*.html e2e/fixtures/*.txt e2e/fixtures/*.html

# Port 0: the server picks a free port and prints the address it bound. Starts `annalist serve`
# with the given arguments, logging to $1; sets STARTED_PID and STARTED_URL (30 s to bind).
start_server() {
  local log=$1
  shift
  "$BIN" serve --listen 127.0.0.1:0 "$@" 2>"$log" &
  STARTED_PID=$!
  STARTED_URL=""
  for _ in $(seq 1 300); do
    STARTED_URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -n1 || true)
    [ -n "$STARTED_URL" ] && return 0
    kill -0 "$STARTED_PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "e2e: server ($*) did not start" >&2
  cat "$log" >&2
  exit 1
}

start_server "$WORK/serve.log" --db "$DB"
SERVER=$STARTED_PID
BASE=$STARTED_URL
echo "e2e: server at $BASE"

# A second, writable server on a copy of the store: POST /api/articles with a token.
cp "$DB" "$WORK/post.db"
TOKEN="e2e-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$TOKEN" > "$WORK/token"
start_server "$WORK/post.log" --db "$WORK/post.db" --token-file "$WORK/token"
WRITER=$STARTED_PID
POST_URL=$STARTED_URL

rm -rf "$SHOTS"
mkdir -p "$SHOTS"
status=0
BASE_URL="$BASE" POST_URL="$POST_URL" TOKEN="$TOKEN" SCREENSHOTS="$SHOTS" \
  node --test --test-reporter=spec e2e/tests/ || status=$?
kill "$WRITER" 2>/dev/null || true
wait "$WRITER" 2>/dev/null || true
[ "$status" -eq 0 ] || exit "$status"
echo "e2e: screenshots in $SHOTS"

# The OpenAPI document against the live server: schemathesis (PyPI, pinned) generates requests
# from it and checks statuses, content types and response schemas (SCHEMATHESIS=0 skips).
if [ "${SCHEMATHESIS:-1}" != "0" ]; then
  VENV="$ROOT/target/e2e-venv"
  [ -x "$VENV/bin/schemathesis" ] || {
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "schemathesis==4.32.5"
  }
  (cd "$WORK" && "$VENV/bin/schemathesis" run "$BASE/api/openapi.json" --checks all -n 50 --seed 1)
fi
