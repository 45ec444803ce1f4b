#!/usr/bin/env python3
"""Prints the tables of bench/tiles.sh from its results folder: tiles/s per concurrency, the ratios
issue 3 names with their targets, the real map's latency and tile sizes per zoom."""
import os, sys

res = sys.argv[1]
cells, zooms = {}, {}
for line in open(os.path.join(res, "cells.txt")):
    p = line.split()
    kv = dict(f.split("=") for f in p[3:])
    row = {"rps": float(p[2] or 0), **{k: float(v) for k, v in kv.items()}}
    cells.setdefault(p[0], {})[int(p[1])] = row
machine = dict(l.rstrip("\n").split(" ", 1) for l in open(os.path.join(res, "machine.txt")))
conns = sorted({c for name, v in cells.items() if "-z" not in name for c in v})

print(f"\nTile benchmark, {machine['date']}, {machine['cpus']} CPUs, {machine['duration']} s per cell, "
      f"load {machine['load_before']} before / {machine.get('load_after', '?')} after")
if any(key in cells for key in ("raw", "mapserver", "chizu", "static", "chizu-cached")):  # not with MAP_ONLY=1
    print("\n200 tiles z12-z16, ~200,000 road segments, same attributes (bench_roads); tiles/s and x the bare query")
    labels = [("raw", "bare ST_AsMVT (pgbench -M prepared)"), ("raw-simple", "bare ST_AsMVT (pgbench -M simple)"), ("mapserver", "MapServer 8 MVT (FastCGI+nginx)"),
              ("chizu", "Chizu, no tile cache"), ("static", "nginx, static files"), ("chizu-cached", "Chizu, warm tile cache")]
    print(f"{'':38}" + "".join(f"{'c=' + str(c):>12}{'x raw':>8}{'p99 ms':>8}" for c in conns))
    rate = lambda n, c: cells.get(n, {}).get(c, {}).get("rps")
    for key, label in labels:
        if key not in cells:
            continue
        row = f"{label:38}"
        for c in conns:
            r, raw = rate(key, c), rate("raw", c)
            p99 = cells[key].get(c, {}).get("p99")
            row += f"{r:>12.1f}{(r / raw if r and raw else 0):>8.2f}{(p99 if p99 is not None else float('nan')):>8.1f}" if r else f"{'-':>28}"
        print(row)

    print("\nTargets (issue 3)")
    def ratio(a, b, c):
        return rate(a, c) / rate(b, c) if rate(a, c) and rate(b, c) else None
    checks = [("Chizu uncached / bare query -M simple (as the anchor)", "chizu", "raw-simple", 0.9),
              ("Chizu uncached / bare query prepared (stricter)", "chizu", "raw", 0.9),
              ("Chizu uncached / MapServer 8", "chizu", "mapserver", 1.2),
              ("MapServer 8 / bare query", "mapserver", "raw", None),
              ("MapServer 8 / bare query -M simple (anchor 0.72-0.74)", "mapserver", "raw-simple", None),
              ("nginx static / bare query -M simple (anchor 160-230)", "static", "raw-simple", None),
              ("Chizu cached / nginx static", "chizu-cached", "static", 0.5)]
    for label, a, b, target in checks:
        vals = [ratio(a, b, c) for c in conns]
        shown = "  ".join(f"c={c}: {v:.2f}" if v else f"c={c}: -" for c, v in zip(conns, vals))
        verdict = "" if target is None else ("  met" if all(v and v >= target for v in vals) else "  NOT met") + f" (target >= {target})"
        print(f"  {label:54} {shown}{verdict}")

for size in ("full", "town"):
    title = "100x (~200,000 segments)" if size == "full" else "town (central 1/100 of the synthetic data)"
    print(f"\nReal map, uncached, z10-z16, {title}: declared roads and hazard_zones layers")
    for layer in ("roads", "hazard_zones"):
        name = f"map-{size}-{layer}"
        if name not in cells:
            continue
        overall = "  ".join(f"c={c}: {cells[name][c]['rps']:.0f} tiles/s p99 {cells[name][c]['p99']:.1f} ms" for c in conns if c in cells[name])
        print(f"  {layer} all zooms: {overall}")
        sizes = {}
        for l in open(os.path.join(res, "sizes.txt")):
            p = l.split()
            if p[0] == size and p[1] == layer:
                sizes[p[2]] = dict(f.split("=") for f in p[3:])
        print(f"    {'zoom':>6}{'tiles/s':>9}{'p50 ms':>8}{'p99 ms':>8}{'tiles':>7}{'avg KB':>8}{'max KB':>8}{'avg feat':>9}{'max feat':>9}")
        for z in range(10, 17):
            cell = cells.get(f"{name}-z{z}", {}).get(2)
            s = sizes.get(f"z{z}")
            if not cell or not s:
                continue
            print(f"    {'z' + str(z):>6}{cell['rps']:>9.0f}{cell['p50']:>8.1f}{cell['p99']:>8.1f}{s['tiles']:>7}"
                  f"{int(s['avg_bytes']) / 1024:>8.1f}{int(s['max_bytes']) / 1024:>8.1f}{s['avg_features']:>9}{s['max_features']:>9}")
    full_p99 = [c.get(2, {}).get("p99") for n, c in cells.items() if n.startswith(f"map-{size}-") and "-z" in n]
    if size == "full" and full_p99:
        worst = max(v for v in full_p99 if v is not None)
        print(f"  worst p99 of any zoom at 2 connections: {worst:.1f} ms  " + ("met" if worst < 50 else "NOT met") + " (target < 50 ms)")

if os.path.exists(os.path.join(res, "compare.txt")):
    print()
    print(open(os.path.join(res, "compare.txt")).read().split("\n")[0])
