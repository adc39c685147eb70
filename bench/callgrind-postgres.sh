#!/usr/bin/env bash
# bench/callgrind-postgres.sh SOURCE_DATABASE_URL [PORT]
#
# A throwaway PostgreSQL (this machine's version) running under valgrind's callgrind, holding a
# copy of SOURCE_DATABASE_URL as database "bench", for bench/rollup-instructions.ts: it counts
# the instructions each backend executes, which, unlike CPU time, hardly depend on what else the
# machine is doing (within 0.2 % on a loaded machine). Every backend writes a profile
# each time it calls pg_sleep (callgrind's --dump-before), so a client marks where a piece of
# work ends with `SELECT pg_sleep(0)`. Everything lives in BENCH_CALLGRIND_DIR
# (/tmp/cascade-callgrind); stop it with `pg_ctl -D $BENCH_CALLGRIND_DIR/data stop` as the
# postgres user. Runs ~50× slower than a native server: scale 10 is about as far as it is practical.
set -euo pipefail

source_url=${1:?usage: bench/callgrind-postgres.sh SOURCE_DATABASE_URL [PORT]}
port=${2:-5499}
dir=${BENCH_CALLGRIND_DIR:-/tmp/cascade-callgrind}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 1; }

# PostgreSQL refuses to run as root: the cluster belongs to the postgres user then.
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi; }

if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl -D $dir/data stop -m fast" >/dev/null 2>&1 || true; fi
rm -rf "$dir" && mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_owner "$bin/initdb -D $dir/data -A trust -U postgres" >"$dir/initdb.log"
# The settings of this machine's server that the benchmarks rely on; autovacuum off as there.
as_owner "cd $dir && nohup valgrind --tool=callgrind --dump-before=pg_sleep --callgrind-out-file=$dir/cg.%p \
  $bin/postgres -D $dir/data -p $port -c autovacuum=off -c listen_addresses=127.0.0.1 \
  -c unix_socket_directories=$dir -c shared_buffers=128MB >$dir/postgres.log 2>&1 &"
for _ in $(seq 1 120); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
pg_isready -q -h 127.0.0.1 -p "$port" || { echo "the server did not start: $dir/postgres.log" >&2; exit 1; }

url=postgres://postgres@127.0.0.1:$port/bench
psql -q "postgres://postgres@127.0.0.1:$port/postgres" -c 'CREATE DATABASE bench'
pg_dump "$source_url" | psql -q "$url" >"$dir/restore.log"
psql -q "$url" -c 'VACUUM ANALYZE'
echo "$url"
