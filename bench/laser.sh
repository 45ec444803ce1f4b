#!/usr/bin/env bash
# The laser archive's speed and accuracy, side by side in one run:
#  1. Ingest: ./chizu laser ingest of one synthetic survey tile (SIDE × SIDE m at 8 pulses/m², about
#     9.5 points/m²: 10 million points at the default 1,030 m) and two copies of it that differ in their
#     creation day, in one command, against laszip4j's own decode of the same file: best of three
#     against best of three, and the first (in a cold JVM, as a command's first file is) against first.
#     Ingest copies, hashes and sums the file in one read (counts, classes, extent, from the LAS records'
#     bytes; a LAZ is decoded by laszip4j after the copy); target: at least 0.5× laszip4j's decode rate.
#  2. Clip: the clip job's point-cloud step on the same tile (every point read, those inside a twelve-sided
#     area over about two thirds of it written as LAS, their records copied byte for byte, the file's SHA-256
#     for the manifest) in a JVM whose heap is bounded (CLIP_HEAP, 256 MB by default), taking turns three
#     times with laszip4j's decode in the same JVM (so that the shared machine's load weighs on both
#     alike): best against best, first against first; targets: at least 0.5× laszip4j's decode rate and
#     the first clip under 60 s for 10 million points.
#  3. Products: a synthetic survey of PRODUCTS_SIDE × PRODUCTS_SIDE m (1,000 m by default) in four tiles, its
#     DEM, DSM, CHM, slope, hillshade and CS relief made as COGs in 500 m blocks (and its trees found), taking
#     turns twice with laszip4j's decode of every tile once: the ratio says how many decodes' worth a product
#     run costs (in wall time, and in the CPU time of the JVM's thread, which the shared machine's load
#     sways less); the points a run decoded show each tile read once.
#  4. Tree detection on a synthetic forest against its known trees: found within 1.5 m (target ≥ 90 %),
#     height RMSE (≤ 0.5 m), false positives (≤ 10 %), F-score.
# Everything runs on a scratch CHIZU_HOME and is deleted after.
#   bench/laser.sh [SIDE_METRES] [TREES_SIDE_METRES]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIDE=${1:-1030}
TREES_SIDE=${2:-300}
PRODUCTS_SIDE=${PRODUCTS_SIDE:-1000}
CLIP_HEAP=${CLIP_HEAP:-256m}
BENCH_NAME=laser
source "$ROOT/bench/lib/scratch.sh"
export JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | sort -V | tail -1)}
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
JAVA=$JAVA_HOME/bin/java

say "load before: $(uptime | sed 's/.*load average: //')"
say "building forestry and its classpath"
(cd "$ROOT" && mvn -q -pl forestry -am package -DskipTests dependency:build-classpath -Dmdep.outputFile="$SCRATCH/cp.txt" >&2)
CP="$ROOT/forestry/target/classes:$ROOT/gis-core/target/classes:$ROOT/platform/target/classes:$(cat "$SCRATCH/cp.txt")"
bench_java() { "$JAVA" -Xmx2g -cp "$CP" "$ROOT/bench/LaserBench.java" "$@"; }

mkdir -p "$SCRATCH/survey"
TILE=$(bench_java write "$SCRATCH/survey" "$SIDE")
say "survey tile: $(du -h "$TILE" | cut -f1)"
read -r POINTS DECODE_RATE COLD_RATE < <(bench_java decode "$TILE")
say "laszip4j decode: $POINTS points at $DECODE_RATE points/s (best of three), $COLD_RATE points/s (first, cold)"
say "clip job's point-cloud step with -Xmx$CLIP_HEAP"
CLIP_STARTED=$(date +%s.%N)
read -r CLIP_READ CLIP_WRITTEN CLIP_FIRST CLIP_HASHING CLIP_RATE CLIP_COLD_RATE CLIP_DECODE_RATE CLIP_DECODE_FIRST < <("$JAVA" -Xmx"$CLIP_HEAP" -cp "$CP" "$ROOT/bench/LaserBench.java" clip "$TILE" "$SCRATCH/clip.las")
CLIP_SECONDS=$(awk -v a="$CLIP_STARTED" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
say "clip: $CLIP_READ points read, $CLIP_WRITTEN written ($(du -h "$SCRATCH/clip.las" | cut -f1)); first run $CLIP_FIRST s \
($CLIP_HASHING s of it the SHA-256); $CLIP_RATE points/s best of three, $CLIP_COLD_RATE first; laszip4j's decode taking \
turns with it $CLIP_DECODE_RATE best, $CLIP_DECODE_FIRST first; $CLIP_SECONDS s for the JVM (start and compiling the bench source included)"

# two more files of the same points, told apart by the header's creation day (byte 90) so that each is
# archived: one command ingests all three, the first in a cold JVM, as the decode's first run is
for day in 2 3; do
  cp "$TILE" "${TILE%.las}-day$day.las"
  printf "\\x0$day" | dd of="${TILE%.las}-day$day.las" bs=1 seek=90 conv=notrunc status=none
done
INGEST_LINES=$(CHIZU_HOME=$SCRATCH "$ROOT/chizu" laser ingest "$SCRATCH/survey" --survey bench --body bench 2>>"$LOG" | grep 'archived as tile')
INGEST_RATES=$(sed -n 's/.*(\([0-9,]*\) points\/s).*/\1/p' <<<"$INGEST_LINES" | tr -d ,)
INGEST_FIRST=$(head -1 <<<"$INGEST_RATES")
INGEST_RATE=$(sort -n <<<"$INGEST_RATES" | tail -1)
while read -r line; do say "chizu laser ingest: $line"; done <<<"$INGEST_LINES"

say "products of ${PRODUCTS_SIDE} m × ${PRODUCTS_SIDE} m in four tiles"
mkdir -p "$SCRATCH/products"
read -r PRODUCTS_POINTS PRODUCTS_DECODED PRODUCTS_BEST PRODUCTS_FIRST PRODUCTS_DECODE_BEST PRODUCTS_DECODE_FIRST PRODUCTS_CPU PRODUCTS_DECODE_CPU < <(bench_java products \
  "$SCRATCH/products" "$PRODUCTS_SIDE" "$(awk -v s="$PRODUCTS_SIDE" 'BEGIN { print s / 2 }')")
say "products: $PRODUCTS_POINTS points, $PRODUCTS_DECODED decoded by a run; $PRODUCTS_BEST s best of two, $PRODUCTS_FIRST s first; laszip4j's decode of the \
same tiles taking turns with it $PRODUCTS_DECODE_BEST s best, $PRODUCTS_DECODE_FIRST s first; CPU of the JVM's thread (GDAL's \
processes left out) $PRODUCTS_CPU s for the products, $PRODUCTS_DECODE_CPU s for the decode"
rm -rf "$SCRATCH/products"

say "tree detection on ${TREES_SIDE} m × ${TREES_SIDE} m of synthetic forest"
TREES=$(bench_java trees "$TREES_SIDE")

printf '\n%-34s %14s %14s %8s\n' "laser ($POINTS points)" "Chizu" "peer" "ratio"
# one row of the table: what, Chizu's figure, the peer's, and Chizu's over the peer's
row() { printf '%-34s %14s %14s %8s\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f×", a / b }')"; }
row "ingest vs decode, best of 3 (pts/s)" "$INGEST_RATE" "$DECODE_RATE"
row "ingest vs decode, first (pts/s)" "$INGEST_FIRST" "$COLD_RATE"
row "clip vs decode, best of 3 (pts/s)" "$CLIP_RATE" "$CLIP_DECODE_RATE"
row "clip vs decode, first (pts/s)" "$CLIP_COLD_RATE" "$CLIP_DECODE_FIRST"
row "clip of 10^7 points, first (s)" "$CLIP_FIRST" "60"
row "products vs decode, best of 2 (s)" "$PRODUCTS_BEST" "$PRODUCTS_DECODE_BEST"
row "products vs decode, first (s)" "$PRODUCTS_FIRST" "$PRODUCTS_DECODE_FIRST"
row "products vs decode, thread CPU (s)" "$PRODUCTS_CPU" "$PRODUCTS_DECODE_CPU"
printf '%s\n' "tree detection: $TREES"
say "load after: $(uptime | sed 's/.*load average: //')"
