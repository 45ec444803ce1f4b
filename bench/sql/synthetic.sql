-- From the anchor benchmark harness (../shared/anchor-bench/data.sql), unchanged apart from this line, so the
-- peers are measured on the data the issue's figures were taken on.
-- Deterministic synthetic data around Masuda, Shimane (lon 131.84, lat 34.67): ~40 km x 40 km ground, EPSG:3857.
-- All "randomness" comes from md5 of integers, so every run yields identical rows and ids.
\timing off
DROP TABLE IF EXISTS roads, hazard_zones, bench_tiles, ab_nodes;
CREATE OR REPLACE FUNCTION ab_h(a bigint, salt int) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT (('x' || substr(md5(a::text || ':' || salt::text), 1, 13))::bit(52)::bigint)::double precision / 4503599627370496.0 $$;

-- centre and half-size in 3857 units (40 km ground / cos(lat))
CREATE TEMP TABLE ab_p AS
SELECT ST_X(c) AS cx, ST_Y(c) AS cy, 20000 / cos(radians(34.67)) AS half, 309 AS n
FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(131.84, 34.67), 4326), 3857) AS c) s;

CREATE TABLE roads(id serial PRIMARY KEY, route text, class text, geom geometry(LineString,3857));

-- jittered grid nodes (n x n), +-30 % of the spacing
CREATE TEMP TABLE ab_nodes AS
SELECT i, j,
       cx - half + i * sp + (ab_h(i * 1000 + j, 1) - 0.5) * 0.6 * sp AS x,
       cy - half + j * sp + (ab_h(i * 1000 + j, 2) - 0.5) * 0.6 * sp AS y
FROM ab_p, LATERAL (SELECT 2 * half / (n - 1) AS sp) s,
     generate_series(0, n - 1) i, generate_series(0, n - 1) j;
CREATE INDEX ON ab_nodes(i, j);

INSERT INTO roads(route, class, geom)
SELECT route, class, geom FROM (
  SELECT 0 AS o, a.j AS k, a.i AS m, 'H-' || a.j AS route,
         CASE WHEN a.j % 20 = 0 THEN 'primary' WHEN a.j % 5 = 0 THEN 'secondary' ELSE 'residential' END AS class,
         ST_SetSRID(ST_MakeLine(ST_MakePoint(a.x, a.y), ST_MakePoint(b.x, b.y)), 3857) AS geom
  FROM ab_nodes a JOIN ab_nodes b ON b.i = a.i + 1 AND b.j = a.j
  UNION ALL
  SELECT 1, a.i, a.j, 'V-' || a.i,
         CASE WHEN a.i % 20 = 0 THEN 'primary' WHEN a.i % 5 = 0 THEN 'secondary' ELSE 'residential' END,
         ST_SetSRID(ST_MakeLine(ST_MakePoint(a.x, a.y), ST_MakePoint(b.x, b.y)), 3857)
  FROM ab_nodes a JOIN ab_nodes b ON b.i = a.i AND b.j = a.j + 1
) g ORDER BY o, k, m;

-- 40 long curvy roads, 240 segments each, 5 vertices per segment
CREATE TEMP TABLE ab_curvy AS
SELECT k,
       CASE WHEN k % 2 = 0 THEN cx - half ELSE cx - half + 2 * half * ab_h(k, 11) END AS x0,
       CASE WHEN k % 2 = 0 THEN cy - half + 2 * half * ab_h(k, 12) ELSE cy - half END AS y0,
       CASE WHEN k % 2 = 0 THEN cx + half ELSE cx - half + 2 * half * ab_h(k, 13) END AS x1,
       CASE WHEN k % 2 = 0 THEN cy - half + 2 * half * ab_h(k, 14) ELSE cy + half END AS y1,
       600 + 3000 * ab_h(k, 15) AS amp, 2 + floor(5 * ab_h(k, 16)) AS f, 2 * pi() * ab_h(k, 17) AS ph,
       1 + floor(9 * ab_h(k, 18)) AS f2
FROM ab_p, generate_series(0, 39) k;

INSERT INTO roads(route, class, geom)
SELECT 'National-' || (k + 1), CASE WHEN k % 4 = 0 THEN 'motorway' ELSE 'trunk' END,
       ST_SetSRID(ST_MakeLine(array_agg(ST_MakePoint(px, py) ORDER BY u)), 3857)
FROM (
  SELECT c.k, s, u,
         c.x0 + (c.x1 - c.x0) * t + nx * (amp * sin(2 * pi() * f * t + ph) + 0.15 * amp * sin(2 * pi() * f2 * 7 * t)) AS px,
         c.y0 + (c.y1 - c.y0) * t + ny * (amp * sin(2 * pi() * f * t + ph) + 0.15 * amp * sin(2 * pi() * f2 * 7 * t)) AS py
  FROM ab_curvy c,
       LATERAL (SELECT -(c.y1 - c.y0) / sqrt((c.x1 - c.x0)^2 + (c.y1 - c.y0)^2) AS nx,
                        (c.x1 - c.x0) / sqrt((c.x1 - c.x0)^2 + (c.y1 - c.y0)^2) AS ny) nrm,
       generate_series(0, 239) s, generate_series(0, 4) u,
       LATERAL (SELECT (s * 4 + u) / 960.0 AS t) tt
) p GROUP BY k, s ORDER BY k, s;

CREATE INDEX roads_geom_idx ON roads USING gist(geom);

-- ~5,000 irregular hazard polygons (24 vertices each)
CREATE TABLE hazard_zones(id serial PRIMARY KEY, kind text, level int, name text, geom geometry(Polygon,3857));
INSERT INTO hazard_zones(kind, level, name, geom)
SELECT (ARRAY['landslide','flood','debris_flow','steep_slope'])[1 + floor(4 * ab_h(z, 21))::int],
       1 + floor(3 * ab_h(z, 22))::int, 'zone-' || z,
       ST_SetSRID(ST_MakePolygon(ST_MakeLine(array_agg(ST_MakePoint(
          hx + r * (1 + 0.3 * sin(3 * th + p1) + 0.15 * sin(5 * th + p2)) * cos(th),
          hy + r * (1 + 0.3 * sin(3 * th + p1) + 0.15 * sin(5 * th + p2)) * sin(th)) ORDER BY v))), 3857)
FROM (
  SELECT z, v, 2 * pi() * (v % 24) / 24.0 AS th,
         cx - half + 2 * half * ab_h(z, 23) AS hx, cy - half + 2 * half * ab_h(z, 24) AS hy,
         (80 + 520 * ab_h(z, 25)) / cos(radians(34.67)) AS r, 2 * pi() * ab_h(z, 26) AS p1, 2 * pi() * ab_h(z, 27) AS p2
  FROM ab_p, generate_series(1, 5000) z, generate_series(0, 24) v
) q GROUP BY z, hx, hy ORDER BY z;
CREATE INDEX hazard_zones_geom_idx ON hazard_zones USING gist(geom);

-- fixed tile list: 200 tiles at z12-16 that intersect roads, chosen by md5 order
CREATE TABLE bench_tiles(n int PRIMARY KEY, z int, x int, y int);
INSERT INTO bench_tiles
SELECT row_number() OVER (ORDER BY z, md5(z || '/' || x || '/' || y)), z, x, y FROM (
  SELECT z, x, y, row_number() OVER (PARTITION BY z ORDER BY md5(z || '/' || x || '/' || y)) AS r, quota
  FROM (SELECT e.*, ST_Extent(geom) AS ext FROM roads,
          (VALUES (12, 20), (13, 40), (14, 50), (15, 50), (16, 40)) e(z, quota) GROUP BY z, quota) b,
       LATERAL (SELECT 2 * 20037508.342789244 / 2 ^ z AS sz) s,
       LATERAL generate_series(floor((ST_XMin(ext) + 20037508.342789244) / sz)::int,
                               floor((ST_XMax(ext) + 20037508.342789244) / sz)::int) x,
       LATERAL generate_series(floor((20037508.342789244 - ST_YMax(ext)) / sz)::int,
                               floor((20037508.342789244 - ST_YMin(ext)) / sz)::int) y
  WHERE EXISTS (SELECT 1 FROM roads r WHERE r.geom && ST_TileEnvelope(z, x, y))
) c WHERE r <= quota;

VACUUM ANALYZE roads; VACUUM ANALYZE hazard_zones; VACUUM ANALYZE bench_tiles;
