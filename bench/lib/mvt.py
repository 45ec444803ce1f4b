#!/usr/bin/env python3
"""Tile helpers for bench/tiles.sh, with nothing but the standard library (no pip on the machine).

  mvt.py fetch NAME URL_TEMPLATE TILES_FILE OUTDIR   GET every tile once (also the warm-up), keep it,
                                                    write "z x y status bytes features" to OUTDIR/index.txt
  mvt.py unhex OUTDIR                               "z x y hexbytes" lines on stdin (psql) to tile files
  mvt.py compare TILES_FILE EVERY NAME=DIR ...      feature counts of every EVERY-th tile across peers
  mvt.py sizes NAME OUTDIR                          bytes and features per zoom of a fetched tile set

Feature counts, not bytes, are compared: ST_AsMVT's byte order varies between runs.
"""
import gzip, os, sys, urllib.error, urllib.request


def varint(buf, i):
    shift = result = 0
    while True:
        b = buf[i]; i += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, i
        shift += 7


def fields(buf):
    """(field number, value) of a protobuf message; length-delimited values as bytes."""
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(buf, i)
        elif wire == 1:
            value, i = buf[i:i + 8], i + 8
        elif wire == 2:
            n, i = varint(buf, i)
            value, i = buf[i:i + n], i + n
        elif wire == 5:
            value, i = buf[i:i + 4], i + 4
        else:
            raise ValueError(f"unsupported wire type {wire}")
        yield number, value


def features(data):
    """Features per layer name of an MVT (Tile.layers = 3; Layer.name = 1, Layer.features = 2)."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    counts = {}
    for number, layer in fields(data):
        if number == 3:
            name, n = "?", 0
            for f, v in fields(layer):
                if f == 1:
                    name = v.decode()
                elif f == 2:
                    n += 1
            counts[name] = counts.get(name, 0) + n
    return counts


def tiles(path):
    with open(path) as f:
        return [tuple(line.split()) for line in f if line.strip()]


def store(outdir, z, x, y, data):
    os.makedirs(os.path.join(outdir, z, x), exist_ok=True)
    with open(os.path.join(outdir, z, x, y + ".mvt"), "wb") as f:
        f.write(data)


def fetch(name, template, tiles_file, outdir):
    bad = 0
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "index.txt"), "w") as index:
        for z, x, y in tiles(tiles_file):
            url = template.replace("{z}", z).replace("{x}", x).replace("{y}", y)
            try:
                with urllib.request.urlopen(url, timeout=120) as r:
                    status, data = r.status, r.read()
            except urllib.error.HTTPError as e:
                status, data = e.code, b""
            if status not in (200, 204):
                bad += 1
            store(outdir, z, x, y, data)
            index.write(f"{z} {x} {y} {status} {len(data)} {sum(features(data).values()) if data else 0}\n")
    print(f"[{name}] fetched {len(tiles(tiles_file))} tiles, {bad} not 200/204")
    return bad


def unhex(outdir):
    for line in sys.stdin:
        z, x, y, *h = line.split()
        store(outdir, z, x, y, bytes.fromhex(h[0]) if h else b"")


def count_at(outdir, z, x, y):
    path = os.path.join(outdir, z, x, y + ".mvt")
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        data = f.read()
    return sum(features(data).values()) if data else 0


def compare(tiles_file, every, peers):
    sample = tiles(tiles_file)[::every]
    names = [p.split("=", 1)[0] for p in peers]
    dirs = [p.split("=", 1)[1] for p in peers]
    equal = {n: 0 for n in names[1:]}
    lines = []
    for z, x, y in sample:
        counts = [count_at(d, z, x, y) for d in dirs]
        for n, c in zip(names[1:], counts[1:]):
            equal[n] += c == counts[0]
        lines.append(f"  {z}/{x}/{y}: " + " ".join(f"{n}={c}" for n, c in zip(names, counts)))
    print(f"feature counts on {len(sample)} sampled tiles, against {names[0]}: "
          + ", ".join(f"{n} equal on {k}/{len(sample)}" for n, k in equal.items()))
    for line in lines:
        print(line)


def sizes(name, outdir):
    by_zoom = {}
    for line in open(os.path.join(outdir, "index.txt")):
        z, x, y, status, size, n = line.split()
        by_zoom.setdefault(int(z), []).append((int(size), int(n)))
    for z in sorted(by_zoom):
        v = by_zoom[z]
        print(f"{name} z{z} tiles={len(v)} avg_bytes={sum(s for s, _ in v) // len(v)} max_bytes={max(s for s, _ in v)} "
              f"avg_features={sum(n for _, n in v) // len(v)} max_features={max(n for _, n in v)}")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "fetch":
        sys.exit(1 if fetch(*args) else 0)
    elif cmd == "unhex":
        unhex(*args)
    elif cmd == "compare":
        compare(args[0], int(args[1]), args[2:])
    elif cmd == "sizes":
        sizes(*args)
    else:
        sys.exit(__doc__)
