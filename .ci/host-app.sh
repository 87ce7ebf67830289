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
  if [ -z "${KEEP_HOST_APP:-}" ]; then rm -rf "${WORK}"; else echo "kept: ${WORK}"; fi
}
trap cleanup EXIT

# bundle ENTRY OUT: the host's TypeScript entry as one ES module (packages stay imports), written
# into the host's root so that paths the config derives from import.meta.url stay the same.
bundle() {
  "${ROOT}/node_modules/.bin/esbuild" "$1" --bundle --platform=node --format=esm --target=node20 \
    --packages=external --log-level=warning --outfile="$2"
}

# Every Payload process here first loads Lexical's packages one by one (scripts/preloadLexical.mjs:
# loaded all at once, Node 20 now and then never finishes evaluating them and the process exits
# having done nothing). The preload lives in the host so that it loads the host's copies.
preload_lexical() {
  printf "import { preloadLexical } from '%s'\nawait preloadLexical(process.cwd(), (name) => import(name))\n" \
    "${ROOT}/scripts/preloadLexical.mjs" >.preload-lexical.mjs
}

# payload_cli CHECK ARGS...: `payload ARGS` on the host's config compiled to JavaScript first,
# with Payload's `--disable-transpile` (no TypeScript loader hooks at run time). The shell
# function CHECK then confirms the effect; a run that did nothing fails at once.
payload_cli() {
  local check="$1"
  shift
  local log="${WORK}/payload-cli.log"
  bundle payload.config.ts payload.config.bundled.mjs || return 1
  if ! PAYLOAD_CONFIG_PATH=payload.config.bundled.mjs node --import ./.preload-lexical.mjs \
    node_modules/payload/bin.js "$@" --disable-transpile >"${log}" 2>&1; then
    cat "${log}" >&2
    return 1
  fi
  if ! "${check}"; then
    echo "payload $* exited without doing its work:" >&2
    tail -20 "${log}" >&2
    return 1
  fi
}

# payload_migrate CHECK: `payload migrate`. Payload imports every migration file itself, and the
# migrations are TypeScript, so this call keeps Payload's TypeScript loader (tsx). A run that
# exits without doing its work is repeated, at most three times, and says so.
payload_migrate() {
  local check="$1" attempt log="${WORK}/payload-migrate.log"
  for attempt in 1 2 3; do
    if ! node --import ./.preload-lexical.mjs node_modules/payload/bin.js migrate >"${log}" 2>&1; then
      cat "${log}" >&2
      return 1
    fi
    if "${check}"; then return 0; fi
    echo "payload migrate exited without doing its work (attempt ${attempt}); again." >&2
    tail -5 "${log}" >&2
  done
  return 1
}

# run_script CHECK FILE: a host script (Local API) compiled to JavaScript and run with node.
run_script() {
  local check="$1" out
  out="$(basename "${2%.ts}").bundled.mjs"
  bundle "$2" "${out}" && node --import ./.preload-lexical.mjs "${out}" && "${check}"
}

# Checks of what the CLI calls must have done.
migration_count() { find migrations -maxdepth 1 -name '2*.ts' 2>/dev/null | wc -l; }
MIGRATIONS_BEFORE=0
remember_migrations() { MIGRATIONS_BEFORE="$(migration_count)"; }
one_more_migration() { [ "$(migration_count)" -eq $((MIGRATIONS_BEFORE + 1)) ]; }
all_migrated() {
  local applied
  applied="$(query "SELECT count(*) FROM payload_migrations WHERE batch > 0")"
  [ "${applied}" -eq "$(migration_count)" ]
}
host_content_exists() { [ "$(query "SELECT count(*) FROM pages")" -ge 1 ]; }
types_written() { grep -q "algorithms: Algorithm" payload-types.ts 2>/dev/null; }
import_map_written() { grep -q "@algoritmeregister/payload-plugin/client" "src/app/(payload)/admin/importMap.js" 2>/dev/null; }

# query SQL: one value from the host's database.
query() {
  node -e "
    const pg = require('pg')
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL })
    c.connect().then(() => c.query(process.argv[1])).then((r) => {
      console.log(Object.values(r.rows[0])[0]); return c.end() })
      .catch(() => { console.log(-1); process.exit(0) })
  " "$1"
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

preload_lexical
# The host as it was before the register: its own schema, its admin and a page.
host_without_register() {
  remember_migrations
  HOST_WITHOUT_REGISTER=1 payload_cli one_more_migration migrate:create host --force-accept-warning &&
    HOST_WITHOUT_REGISTER=1 payload_migrate all_migrated &&
    HOST_WITHOUT_REGISTER=1 run_script host_content_exists scripts/createHostContent.ts
}
part "host without register: migrate + content" host_without_register
register_schema() {
  remember_migrations
  payload_cli one_more_migration migrate:create register_schema
}
part "payload migrate:create (register schema)" register_schema
register_objects() {
  remember_migrations
  payload_cli one_more_migration migrate:create register \
    --file @algoritmeregister/payload-plugin/migration
}
part "payload migrate:create --file (register objects)" register_objects
part "payload migrate" payload_migrate all_migrated
generate() {
  payload_cli types_written generate:types && payload_cli import_map_written generate:importmap
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
