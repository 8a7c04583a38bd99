#!/bin/bash
# Population pre-screening at scale (docs/benchmarks.md, "Population pre-screening on Spark at 1M patients"):
#   bench/spark-population.sh N [WORK_DIR]
# 1. builds the Spark module's class path (Maven, offline when it can) and copies the project's classes aside, so that
#    a rebuild of the working tree cannot change them under a running job;
# 2. writes N synthetic patients (seed 1) as gzip FHIR Bulk Data NDJSON into WORK_DIR/bulk-N.whole (kept, and not
#    written again when it is complete),
#    then splits every file into PARTS gzip files (default 4; round robin by line), as a bulk export delivers a large
#    type in several files: Spark reads a gzip file in one task, so one file per type would leave the largest type
#    (Observation) on one core;
# 3. writes the same N patients as flattened screening records (NDJSON) for `screen --batch`;
# 4. runs the Spark job on local[1] and local[2] (MASTERS, default "local[1] local[2]"; -Xmx JOB_HEAP, default 2g,
#    a G1 log per run), then `screen --batch` with 1 and 2 threads, each under /usr/bin/time -v, and prints per run the
#    wall time, CPU time, peak RSS, largest heap occupancy after a collection, and the load average before and after.
# Needs a JDK 17+, Maven, GNU time and coreutils; WORK_DIR (default /tmp/oligotrial-spark-bench) needs about 0.3 GB
# per 1M patients for the gzip bulk files, 1 GB for the records and room for Spark's shuffle files.
set -euo pipefail
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ] || [ -z "${1:-}" ]; then
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
  [ -n "${1:-}" ] && exit 0 || exit 1
fi
N=$1
WORK=${2:-/tmp/oligotrial-spark-bench}
PARTS=${PARTS:-4}
MASTERS=${MASTERS:-"local[1] local[2]"}
JOB_HEAP=${JOB_HEAP:-2g}
DATE=2026-12-01
cd "$(dirname "$0")/.."
mkdir -p "$WORK"

# 1. class paths, the project's classes frozen in WORK/classes
mvn -B -q -o -Pspark -pl spark -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null 2>&1 \
  || mvn -B -q -Pspark -pl spark -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
frozen=""
for d in core/target/classes fhir/target/classes cdisc/target/classes fhir/target/test-classes cli/target/classes \
    spark/target/classes; do
  name=$(echo "$d" | tr '/' '-')
  cp -r "$d" "$WORK/classes/$name"
  frozen="$frozen:$WORK/classes/$name"
done
CP="$(tr ':' '\n' < "$WORK/cp.txt" | grep -v '/target/' | paste -sd:)$frozen"
OPENS=$(sed -n '/<spark.add-opens>/,/<\/spark.add-opens>/p' spark/pom.xml | sed 's/<[^>]*>//g' | tr -s ' \n' ' ')
CLI=(java -cp "$CP" org.oligotrial.cli.OligoTrialCommand)
timed() { # timed NAME COMMAND...: runs it under /usr/bin/time -v, keeps the report in WORK/NAME.time
  local name=$1; shift
  local before; before=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2>&1
  local after; after=$(cut -d' ' -f1 /proc/loadavg)
  local wall cpu rss heap=""
  wall=$(grep 'Elapsed (wall' "$WORK/$name.time" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$WORK/$name.time")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$WORK/$name.time")
  if [ -f "$WORK/$name.gc" ]; then
    heap=$(grep -o 'Pause[^>]*->[0-9]*M' "$WORK/$name.gc" | sed 's/.*->//; s/M//' | sort -n | tail -1)
  fi
  printf '%-34s wall %9s  CPU %8s s  peak RSS %6s MB  heap after GC max %5s MB  load %s -> %s\n' \
    "$name" "$wall" "$cpu" "$rss" "${heap:--}" "$before" "$after"
}

# 2. the population as bulk NDJSON, split into PARTS files per type
BULK="$WORK/bulk-$N"
if [ ! -f "$BULK/.complete" ]; then
  if [ ! -f "$BULK.whole/.complete" ]; then
    rm -rf "$BULK.whole"
    timed "generate-fhir-bulk-$N" "${CLI[@]}" screen generate --n "$N" --seed 1 --format fhir-bulk --gzip --threads 2 \
      --out "$BULK.whole"
    touch "$BULK.whole/.complete"
  fi
  rm -rf "$BULK" && mkdir -p "$BULK"
  for f in "$BULK.whole"/*.ndjson.gz; do
    type=$(basename "$f" .ndjson.gz)
    zcat "$f" | split -n "r/$PARTS" -d --additional-suffix=.ndjson --filter='gzip -1 > $FILE.gz' - "$BULK/$type."
  done
  touch "$BULK/.complete"
fi
du -shL "$BULK" | awk '{print "bulk files: " $1}'

# 3. the same patients flattened
RECORDS="$WORK/records-$N.ndjson"
[ -f "$RECORDS" ] || "${CLI[@]}" screen generate --n "$N" --seed 1 --out "$RECORDS" >/dev/null

# 4. the runs
for master in $MASTERS; do
  name="spark-$(echo "$master" | tr -d '[]*')-$N"
  rm -rf "$WORK/$name-out" "$WORK/$name.gc"
  # shellcheck disable=SC2086 # OPENS: several JVM options
  timed "$name" java $OPENS -Xmx"$JOB_HEAP" -Xlog:gc:file="$WORK/$name.gc" -Dspark.master="$master" \
    -Dspark.driver.bindAddress=127.0.0.1 -Dspark.driver.host=127.0.0.1 -Dspark.ui.enabled=false \
    -Dspark.sql.shuffle.partitions=8 -Dspark.local.dir="$WORK/spark-tmp" -cp "$CP" \
    org.oligotrial.spark.PopulationScreening --input "$BULK" --out "$WORK/$name-out" --date "$DATE"
  grep -iE 'patients|eligible|seconds' "$WORK/$name.out" | tail -4 | sed 's/^/    /'
  rm -rf "$WORK/spark-tmp"
done
for threads in 1 2; do
  name="batch-threads$threads-$N"
  timed "$name" "${CLI[@]}" screen --batch "$RECORDS" --out "$WORK/$name.csv" --threads "$threads"
  tail -3 "$WORK/$name.out" | sed 's/^/    /'
done
