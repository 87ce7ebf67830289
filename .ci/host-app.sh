#!/usr/bin/env bash
# The plugin in someone else's project: packs it, copies the host fixture (test/fixtures/host-app:
# an ordinary Payload 3 project with its own users, an admin and pages) into a temporary folder,
# migrates the host as it was without the register, installs the tarball, runs the host's
# `payload migrate:create` (its schema) and the register's predefined migration, type-checks and
# builds the host (next build), starts it and walks the register through it
# (test/fixtures/host-app/scripts/journey.mjs). Uses a fresh database on the PostgreSQL server in
# CI_DATABASE_URL and drops it afterwards. Prints how long every part took.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

SERVER_DATABASE_URL="${CI_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
DATABASE_NAME="register_host_$(date +%s)_$$"
DATABASE_URL="${SERVER_DATABASE_URL%/*}/${DATABASE_NAME}"
PORT="${HOST_APP_PORT:-3917}"
WORK="$(mktemp -d)"
HOST="${WORK}/host"
SERVER_PID=""

# sql STATEMENT: runs one statement on the server's maintenance database (node + pg, no psql).
sql() {
  node -e "
    const pg = require('pg')
    const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 5000 })
    c.connect().then(() => c.query(process.argv[2])).then(() => c.end())
      .catch((e) => { console.error(e.message); process.exit(1) })
  " "${SERVER_DATABASE_URL}" "$1"
}

cleanup() {
  if [ -n "${SERVER_PID}" ]; then kill "${SERVER_PID}" 2>/dev/null || true; fi
  (cd "${ROOT}" && sql "DROP DATABASE IF EXISTS \"${DATABASE_NAME}\" WITH (FORCE)") || true
  rm -rf "${WORK}"
}
trap cleanup EXIT

# payload_cli EXPECTED ARGS...: `npx payload ARGS`, which must print EXPECTED. Payload's CLI loads
# the TypeScript config through tsx's off-thread module hooks; on a busy machine Node 20 now and
# then never finishes loading and the process exits 0 having done nothing (see scripts/run.mjs).
# Such a run is detected by the missing line and repeated, at most three times.
payload_cli() {
  local expected="$1"
  shift
  local attempt output
  for attempt in 1 2 3; do
    output="$(npx payload "$@" 2>&1)" || {
      echo "${output}" >&2
      return 1
    }
    echo "${output}" | tail -3
    if echo "${output}" | grep -q "${expected}"; then return 0; fi
    echo "payload $* exited without finishing (attempt ${attempt}); again." >&2
  done
  return 1
}

TIMES=()
# part NAME COMMAND...: runs the command and records how long it took.
part() {
  local name="$1"
  shift
  local started
  started=$(date +%s)
  echo "--- ${name}"
  if ! "$@"; then
    echo "--- ${name}: FAILED after $(($(date +%s) - started)) s" >&2
    return 1
  fi
  TIMES+=("$(printf '%-44s %4d s' "${name}" "$(($(date +%s) - started))")")
}

part "pack the plugin" npm pack --silent --pack-destination "${WORK}"
TARBALL="$(ls "${WORK}"/algoritmeregister-payload-plugin-*.tgz)"
echo "tarball: $(basename "${TARBALL}"), $(tar tzf "${TARBALL}" | wc -l) files"
cp -R test/fixtures/host-app "${HOST}"
part "create database ${DATABASE_NAME}" sql "CREATE DATABASE \"${DATABASE_NAME}\""

cd "${HOST}"
export DATABASE_URL PAYLOAD_SECRET="host-fixture-secret" SERVER_URL="http://127.0.0.1:${PORT}"
export NEXT_TELEMETRY_DISABLED=1
part "npm install (host, then the tarball)" \
  npm install --prefer-offline --no-audit --no-fund --loglevel=error "${TARBALL}"

# The host as it was before the register: its own schema, its admin and a page.
host_without_register() {
  HOST_WITHOUT_REGISTER=1 payload_cli "Migration created" migrate:create host --force-accept-warning &&
    HOST_WITHOUT_REGISTER=1 payload_cli "Done" migrate &&
    HOST_WITHOUT_REGISTER=1 payload_cli "Host admin and page" run scripts/createHostContent.ts
}
part "host without register: migrate + content" host_without_register
part "payload migrate:create (register schema)" \
  payload_cli "Migration created" migrate:create register_schema
part "payload migrate:create --file (register objects)" \
  payload_cli "Migration created" migrate:create register \
  --file @algoritmeregister/payload-plugin/migration
part "payload migrate" payload_cli "Done" migrate
generate() {
  payload_cli "Compiling TS types" generate:types &&
    payload_cli "Writing import map" generate:importmap
}
part "generate types + import map" generate
if grep -rq "/src/admin/" "src/app/(payload)/admin/importMap.js"; then
  echo "The host's import map points at repository paths." >&2
  exit 1
fi
part "type-check the host (tsc --noEmit)" npx tsc --noEmit
part "next build" npx next build
part "next start" bash -c "
  ./node_modules/.bin/next start -p ${PORT} -H 127.0.0.1 > '${WORK}/server.log' 2>&1 &
  echo \$! > '${WORK}/server.pid'
  for _ in \$(seq 1 120); do
    if curl -fsS -o /dev/null 'http://127.0.0.1:${PORT}/api/users/me'; then exit 0; fi
    sleep 0.5
  done
  cat '${WORK}/server.log' >&2
  exit 1"
SERVER_PID="$(cat "${WORK}/server.pid")"
part "journey through the host" node scripts/journey.mjs "http://127.0.0.1:${PORT}" "${DATABASE_URL}" ||
  {
    tail -50 "${WORK}/server.log" >&2
    exit 1
  }

echo
for line in "${TIMES[@]}"; do echo "  ${line}"; done
