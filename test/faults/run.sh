#!/usr/bin/env bash
# pnpm test:faults: starts a private PostgreSQL cluster and a private Redis on free ports (never the
# shared ones), runs the fault suite against them — the suite restarts them — and removes them.
set -euo pipefail
cd "$(dirname "$0")/../.."

PG_BIN=${FAULT_PG_BIN:-/usr/lib/postgresql/15/bin}
DIR=$(mktemp -d /tmp/nonrecours-faults.XXXXXX)
mkdir -p "$DIR/redis"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown -R postgres "$DIR"; fi
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
PG_PORT=$(free_port)
REDIS_PORT=$(free_port)

cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -m immediate -w stop >/dev/null 2>&1 || true
  if [ -f "$DIR/redis.pid" ]; then kill -9 "$(cat "$DIR/redis.pid")" 2>/dev/null || true; fi
  rm -rf "$DIR"
}
trap cleanup EXIT

as_pg "$PG_BIN/initdb" -D "$DIR/pg" -A trust -U postgres --no-sync >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg.log" -w start \
  -o "-p $PG_PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" >/dev/null
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --pidfile "$DIR/redis.pid" \
  --dir "$DIR/redis" --logfile "$DIR/redis.log" --save "" --appendonly no --maxmemory-policy noeviction
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
echo "fault suite: private PostgreSQL on $PG_PORT, private Redis on $REDIS_PORT, in $DIR"

export FAULT_DIR=$DIR FAULT_PG_PORT=$PG_PORT FAULT_REDIS_PORT=$REDIS_PORT FAULT_PG_BIN=$PG_BIN
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
export TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
status=0
pnpm exec vitest run --config test/faults/vitest.config.ts "$@" || status=$?
if [ "$status" != 0 ] && [ -n "${FAULT_KEEP_LOGS:-}" ]; then cp "$DIR"/*.log "$FAULT_KEEP_LOGS"/ || true; fi
exit "$status"
