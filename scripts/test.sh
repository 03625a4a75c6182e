#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it on a fresh machine:
#   1. installs Debian's chromium and postgresql when they are missing;
#   2. starts a throwaway PostgreSQL server on loopback;
#   3. type checks, lints, builds the web interface;
#   4. runs unit, integration (PGlite and PostgreSQL) and end-to-end tests;
#   5. ends with the line "N passed, N failed" (type check and lint count as one test each).
set -uo pipefail
cd "$(dirname "$0")/.."
WORK="$PWD/.test-work"
mkdir -p "$WORK"
failed_checks=0
passed_checks=0

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_ready=0
apt_install() {
  if [ "$apt_ready" = 0 ]; then as_root apt-get update -qq >/dev/null; apt_ready=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- 1. What the machine is missing ---------------------------------------
CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || true)}"
if [ -z "$CHROMIUM_PATH" ]; then
  echo "test: installing Debian's chromium"
  apt_install chromium fonts-liberation || { echo "test: could not install chromium"; exit 1; }
  CHROMIUM_PATH=$(command -v chromium)
fi
export CHROMIUM_PATH

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PG_BIN=$(find_pg_bin)
if [ -z "$PG_BIN" ]; then
  echo "test: installing Debian's postgresql"
  apt_install postgresql || { echo "test: could not install postgresql"; exit 1; }
  PG_BIN=$(find_pg_bin)
fi

# --- 2. A throwaway PostgreSQL server on loopback -------------------------
PG_DIR=$(mktemp -d /tmp/samenspel-pg.XXXXXX)
PG_PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DIR"; fi
stop_pg() { run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1; rm -rf "$PG_DIR"; }
trap stop_pg EXIT
run_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
  || { cat "$PG_DIR/initdb.log"; echo "test: initdb failed"; exit 1; }
run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null \
  || { cat "$PG_DIR/server.log"; echo "test: PostgreSQL did not start"; exit 1; }
export TEST_PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
echo "test: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

# --- 3. Static checks and the web build ----------------------------------
check() {
  local name=$1; shift
  if "$@"; then echo "test: $name ok"; passed_checks=$((passed_checks + 1));
  else echo "test: $name FAILED"; failed_checks=$((failed_checks + 1)); fi
}
check typecheck npx tsc -p tsconfig.json --noEmit
check lint npx eslint . --max-warnings=0
npx vite build --config web/vite.config.ts --logLevel warn || { echo "test: web build FAILED"; failed_checks=$((failed_checks + 1)); }

# --- 4. Tests --------------------------------------------------------------
rm -f "$WORK/vitest.json"
npx vitest run --reporter=default --reporter=json --outputFile.json="$WORK/vitest.json"
vitest_rc=$?

# --- 5. The closing line ---------------------------------------------------
read -r passed failed < <(node -e '
  const fs = require("fs");
  let p = 0, f = 0;
  try { const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); p = r.numPassedTests; f = r.numFailedTests + (r.numTotalTestSuites && !r.success && r.numFailedTests === 0 ? 1 : 0); } catch { f = 1; }
  console.log(p, f);' "$WORK/vitest.json")
passed=$((passed + passed_checks))
failed=$((failed + failed_checks))
if [ "$vitest_rc" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
