#!/usr/bin/env bash
# Time of `./chizu import` of a 500-feature GeoJSON end to end (the launcher's checks, the private
# cluster's start and stop, the JVM, migrations, the import) beside GDAL's ogr2ogr loading the same
# file into the same database, the tool a GIS engineer would otherwise reach for. Runs on a scratch
# CHIZU_HOME that it deletes; the first import creates the cluster and the schema (and, after a build,
# the commands' class-data archive) and is reported apart.
#   bench/import.sh [RUNS]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${1:-5}
SCRATCH=$(mktemp -d /tmp/chizu-bench-import.XXXXXX)
chmod 755 "$SCRATCH"
trap 'rm -rf "$SCRATCH"' EXIT
export CHIZU_HOME=$SCRATCH/home
command -v ogr2ogr >/dev/null || { echo "bench: ogr2ogr (gdal-bin) is needed" >&2; exit 1; }

# 500 short municipal road segments around Masuda, with every declared attribute.
python3 - "$SCRATCH/roads500.geojson" <<'PY'
import json, random, sys
random.seed(1)
features = []
for i in range(500):
    x, y = 131.80 + random.random() * 0.1, 34.64 + random.random() * 0.06
    features.append({"type": "Feature", "properties": {
        "route_no": str(100 + i % 40), "name": f"市道{i}号線", "road_class": "municipal",
        "administrator": "益田市", "width_m": round(3 + random.random() * 6, 1), "surface": "asphalt"},
        "geometry": {"type": "LineString", "coordinates": [[x, y], [x + 0.001, y + 0.0005], [x + 0.002, y + 0.0003]]}})
json.dump({"type": "FeatureCollection", "features": features}, open(sys.argv[1], "w"), ensure_ascii=False)
PY

seconds() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

first=$(seconds "$ROOT/chizu" import "$SCRATCH/roads500.geojson" --layer roads --replace)
chizu_ms=$(for _ in $(seq "$RUNS"); do seconds "$ROOT/chizu" import "$SCRATCH/roads500.geojson" --layer roads --replace; done | median)

# ogr2ogr into the same cluster, started and stopped around each run as ./chizu does.
source "$ROOT/chizu"
ensure_postgis
cluster_init "$CHIZU_HOME/postgres"
ogr_once() {
  cluster_start && cluster_connect >/dev/null
  local url=${CHIZU_DATABASE_URL#jdbc:postgresql://}
  PGPASSWORD=$CHIZU_DATABASE_PASSWORD ogr2ogr -f PostgreSQL \
    "PG:host=${url%%:*} port=$(cluster_port) dbname=chizu user=chizu" "$SCRATCH/roads500.geojson" \
    -nln bench_roads -overwrite -t_srs EPSG:6668 -lco GEOMETRY_NAME=geom
  cluster_stop
}
ogr_ms=$(for _ in $(seq "$RUNS"); do seconds ogr_once; done | median)

echo "500-feature GeoJSON, median of $RUNS runs, each with the private cluster started and stopped:"
echo "  ./chizu import   ${chizu_ms} ms   (the first, creating the cluster and the schema, and after a build the class-data archive: ${first} ms)"
echo "  ogr2ogr          ${ogr_ms} ms"
awk -v c="$chizu_ms" -v o="$ogr_ms" 'BEGIN { printf "  ratio            %.2f (Chizu / ogr2ogr)\n", c / o }'
