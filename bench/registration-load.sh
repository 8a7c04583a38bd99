#!/bin/bash
# Participant registration over the REST API at 32 concurrent clients on PostgreSQL (docs/benchmarks.md).
# Needs PostgreSQL on 127.0.0.1:5432 with trust authentication and the jar (mvn -B -q -pl server -am package
# -DskipTests). Creates a fresh database, a site and a coordinator, starts the server on port 18081, warms it up
# (see below), then measures back to back and at the offered rates given as arguments (default 150 250 350
# requests/s), each run 30 s after its own warm-up (20 s back to back, 5 s at a rate), prints the CPU used by
# server, PostgreSQL, the load driver (with /usr/bin/time) and the whole machine (user, system and interrupt time;
# the hypervisor's steal apart) and the WAL written, stops the server and drops the database. SERVER_JAVA_OPTS passes JVM options to the server alone,
# DRIVER_JAVA_OPTS to the load driver (default -XX:TieredStopAtLevel=1), LOAD_TEST_OPTS more options to the driver
# (--per-second prints each measured second), SECONDS_BACK_TO_BACK the measured length of the back-to-back run (default
# 30, at most 120).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=server/target/oligotrial.jar
RATES=("${@:-150 250 350}")
DB=oligotrial_bench_$$
PASS=bench-password-123
if curl -s -o /dev/null http://127.0.0.1:18081/; then echo "port 18081 is in use" >&2; exit 1; fi
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DB" postgres
export OLIGOTRIAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"
cleanup() {
  [ -n "${SPID:-}" ] && kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" postgres
}
trap cleanup EXIT
java -jar $JAR sites add --code BENCH --name 'Benchmark site' >/dev/null
echo $PASS | java -jar $JAR users add --username bench --role coordinator --site BENCH --password-stdin >/dev/null
# shellcheck disable=SC2086 # SERVER_JAVA_OPTS: JVM options for the server only (several, split on spaces)
java ${SERVER_JAVA_OPTS:-} -jar $JAR serve --port 18081 > "${TMPDIR:-/tmp}/oligotrial-bench-server.log" 2>&1 &
SPID=$!
for _ in $(seq 60); do curl -s -o /dev/null http://127.0.0.1:18081/ && break; sleep 1; done

cpu() { awk '{print $14+$15}' /proc/"$1"/stat; }
# a process may end between the glob and the read: cat then fails, which is no error here
pgcpu() { { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '$2 ~ /postgres/ {s+=$14+$15} END {print s}'; }
wal() { psql -Atq -h 127.0.0.1 -U postgres -c "SELECT pg_current_wal_lsn()" postgres; }
drive() { # drive SECONDS WARMUP [--rate R]
  local s0 p0 c0 t0 w0 s1 p1 c1 t1 w1 out n tf timer=() dcpu="n/a"
  # the driver's own CPU (user and system), when /usr/bin/time is there
  tf=$(mktemp); [ -x /usr/bin/time ] && timer=(/usr/bin/time -o "$tf" -f "%U %S")
  s0=$(cpu $SPID); p0=$(pgcpu); c0=$(awk '/^cpu / {print $2+$3+$4+$7+$8}' /proc/stat); w0=$(wal)
  t0=$(awk '/^cpu / {print $9}' /proc/stat)
  # the driver JVM starts afresh for each run: its own C2 compiler took 7% of the machine during the measured 30 s
  # (perf), so it runs on the quick C1 compiler alone (with C2 and 20 s warm-up: 1075 req/s, p99 51.6 ms, within
  # the noise of C1's runs)
  # shellcheck disable=SC2086 # DRIVER_JAVA_OPTS, LOAD_TEST_OPTS: options (several, split on spaces)
  out=$(echo $PASS | "${timer[@]}" java ${DRIVER_JAVA_OPTS--XX:TieredStopAtLevel=1} -jar $JAR load-test --url http://127.0.0.1:18081 --username bench --site BENCH \
    --clients 32 --seconds "$1" --warmup "$2" "${@:3}" ${LOAD_TEST_OPTS:-} --password-stdin)
  s1=$(cpu $SPID); p1=$(pgcpu); c1=$(awk '/^cpu / {print $2+$3+$4+$7+$8}' /proc/stat); w1=$(wal)
  t1=$(awk '/^cpu / {print $9}' /proc/stat)
  echo "$out"
  [ -s "$tf" ] && dcpu=$(awk '{printf "%.0f", $1 + $2}' "$tf"); rm -f "$tf"
  n=$(echo "$out" | awk '/^requests/ {gsub(",", "", $2); print $2}')
  # CPU over the whole driver run (warm-up included), per measured request when the load is steady
  echo "cpu s over the run: server $(( (s1-s0)/100 )), postgresql $(( (p1-p0)/100 )), load driver $dcpu," \
    "whole machine $(( (c1-c0)/100 ))" \
    "of $(( 2*($1+$2) )) available (taken by the hypervisor: $(( (t1-t0)/100 ))); $n measured requests;" \
    "WAL written $(psql -Atq -h 127.0.0.1 -U postgres -c "SELECT round(pg_wal_lsn_diff('$w1', '$w0') / 1048576)" postgres) MB"
}
# JIT warm-up: under full load the two cores leave the C2 compiler little time, so hot code runs for minutes in
# its slower profiling tier; a moderate load, then a pause until the compile queue is empty, gets the steady state
echo "== warm-up at 150 req/s, 60 s (not reported)"; w=$(drive 55 5 --rate 150); echo "$w" | sed -n 2p
for _ in $(seq 30); do
  [ "$(jcmd $SPID Compiler.queue 2>/dev/null | grep -c '^ *[0-9]')" = 0 ] && break
  sleep 1
done
echo "== back to back (20 s warm-up)"; drive "${SECONDS_BACK_TO_BACK:-30}" 20
for r in ${RATES[@]}; do echo "== offered $r req/s"; drive 30 5 --rate "$r"; done
java -jar $JAR audit verify || true
