#!/usr/bin/env bash
# Whole-process comparison of `oligotrial analyze cox|km|logrank` with R (data.table::fread + survival) on the same
# CSV: each run starts a fresh process on each side, alternating which goes first, timed by /usr/bin/time -v
# (elapsed wall time, user + system CPU, maximum resident set size). Prints one line per run and a summary table.
#
#   bench/analysis-vs-r.sh [ROWS] [RUNS] [FILE]     (defaults: 1000000 5 bench/target/analysis-<ROWS>.csv)
#   ANALYSES="cox" bench/analysis-vs-r.sh 10000000 1  # only some analyses; R can be skipped with NO_R=1
#
# Needs: a built bench jar (mvn -B -q -pl core,cli,bench -am package -DskipTests), Rscript with data.table and
# survival. Output of both sides goes to /dev/null; R prints its summary(coxph) / survfit / survdiff table, ours
# the full table of the command (for km: every distinct time of each curve).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
runs="${2:-5}"
file="${3:-$here/bench/target/analysis-$rows.csv}"
analyses="${ANALYSES:-cox km logrank}"
log="$(mktemp -d)"
trap 'rm -rf "$log"' EXIT

if [ ! -f "$file" ]; then
  echo "writing $file ($rows rows)..." >&2
  java -cp "$here/bench/target/benchmarks.jar" org.oligotrial.bench.AnalysisDataGenerator "$file" "$rows" 20261206
fi

ours() {
  case "$1" in
    cox) "$here/oligotrial" analyze cox --data "$file" --time time --event status --covariates x1,x2,x3,x4,x5 ;;
    km) "$here/oligotrial" analyze km --data "$file" --time time --event status --group arm ;;
    logrank) "$here/oligotrial" analyze logrank --data "$file" --time time --event status --group arm ;;
  esac
}
theirs() {
  Rscript "$here/bench/r/whole-process.R" "$1" "$file"
}

# one timed run: side analysis run -> "side analysis run wall cpu maxrss_kB" in $log/all
timed() {
  local side="$1" a="$2" run="$3" out="$log/$1-$2-$3"
  if [ "$side" = R ]; then
    /usr/bin/time -v -o "$out" bash -c "$(declare -f theirs); here='$here' file='$file' theirs $a" >/dev/null 2>&1
  else
    /usr/bin/time -v -o "$out" bash -c "$(declare -f ours); here='$here' file='$file' ours $a" >/dev/null 2>&1
  fi
  awk -v s="$side" -v a="$a" -v r="$run" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    /User time/ { u = $2 } /System time/ { sy = $2 } /Maximum resident/ { m = $2 } /Exit status/ { x = $2 }
    END { printf "%s %s %d %.2f %.2f %d %d\n", s, a, r, w, u + sy, m, x }' "$out" | tee -a "$log/all"
}

echo "warm-up (page cache, the launcher's unpacked jar and class archive; not counted)" >&2
for a in $analyses; do
  ours "$a" >/dev/null 2>&1 || { echo "oligotrial analyze $a failed" >&2; exit 1; }
  [ -n "${NO_R:-}" ] || theirs "$a" >/dev/null 2>&1 || { echo "R $a failed" >&2; exit 1; }
done
echo "load before: $(uptime)"
echo "side analysis run wall_s cpu_s maxrss_kB exit"
for run in $(seq 1 "$runs"); do
  for a in $analyses; do
    if [ $((run % 2)) -eq 1 ]; then
      [ -n "${NO_R:-}" ] || timed R "$a" "$run"
      timed OligoTrial "$a" "$run"
    else
      timed OligoTrial "$a" "$run"
      [ -n "${NO_R:-}" ] || timed R "$a" "$run"
    fi
  done
done
echo "load after: $(uptime)"
echo
echo "$(wc -l < "$file") lines in $file, $runs runs; medians (min-max):"
awk '
  function median(arr, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (arr[j] < arr[i]) { t = arr[i]; arr[i] = arr[j]; arr[j] = t }
    return n % 2 ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2
  }
  { k = $2 SUBSEP $1; n[k]++; W[k, n[k]] = $4; C[k, n[k]] = $5; M[k, n[k]] = $6; seen[$2] = 1; if ($7 != 0) bad = 1 }
  END {
    printf "| analysis | side | wall s | CPU s | max RSS MB |\n|---|---|---|---|---|\n"
    split("cox km logrank", order, " ")
    for (o = 1; o <= 3; o++) {
      a = order[o]; if (!(a in seen)) continue
      for (s = 1; s <= 2; s++) {
        side = s == 1 ? "R" : "OligoTrial"; k = a SUBSEP side; if (!(k in n)) continue
        lo = 1e9; hi = 0; ml = 1e12; mh = 0
        for (i = 1; i <= n[k]; i++) {
          w[i] = W[k, i]; c[i] = C[k, i]; m[i] = M[k, i]
          if (w[i] < lo) lo = w[i]; if (w[i] > hi) hi = w[i]; if (m[i] < ml) ml = m[i]; if (m[i] > mh) mh = m[i]
        }
        mw[a, side] = median(w, n[k]); mm[a, side] = median(m, n[k])
        printf "| %s | %s | %.2f (%.2f-%.2f) | %.2f | %.0f (%.0f-%.0f) |\n", a, side, mw[a, side], lo, hi,
            median(c, n[k]), mm[a, side] / 1024, ml / 1024, mh / 1024
      }
    }
    print ""
    for (o = 1; o <= 3; o++) {
      a = order[o]
      if ((a, "R") in mw && (a, "OligoTrial") in mw)
        printf "%s: R / OligoTrial wall time %.1fx, max RSS %.2fx of R\n", a, mw[a, "R"] / mw[a, "OligoTrial"],
            mm[a, "OligoTrial"] / mm[a, "R"]
    }
    if (bad) print "WARNING: some run exited with a non-zero status"
  }' "$log/all"
