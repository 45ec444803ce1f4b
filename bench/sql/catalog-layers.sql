-- Layer tables :first to :last of the generated catalog of bench/catalog.sh, in one transaction (so
-- the layers of one batch share a version, and batches differ). Each is a real layer table as the
-- core layers are: MultiPolygon in EPSG:6668, a generated Web Mercator copy, GiST indexes on both,
-- the feature-history trigger, and one to three features in a box somewhere in Japan whose place
-- and size follow from the layer number, so extents vary.
select set_config('bench.first', :'first', false), set_config('bench.last', :'last', false);
do $$
declare
  n int;
  t text;
  lon float8;
  lat float8;
  size float8;
begin
  for n in current_setting('bench.first')::int .. current_setting('bench.last')::int loop
    t := format('cat_%s', lpad(n::text, 5, '0'));
    execute format('create table %I (id bigint generated always as identity primary key, name text not null, '
      'geom geometry(MultiPolygon, 6668) not null, '
      'geom_3857 geometry(MultiPolygon, 3857) generated always as (st_transform(geom, 3857)) stored)', t);
    execute format('create index on %I using gist (geom)', t);
    execute format('create index on %I using gist (geom_3857)', t);
    execute format('create trigger %I after insert or update or delete on %I for each row '
      'execute function record_feature_history(''id'', ''geom'', ''geom_3857'')', t || '_history', t);
    -- Deterministic scatter over lon 129-145, lat 31-45; boxes from about 1 km to 50 km.
    lon := 129 + ((n * 7919) % 16000) / 1000.0;
    lat := 31 + ((n * 104729) % 14000) / 1000.0;
    size := 0.01 + ((n * 31) % 50) / 100.0;
    execute format('insert into %I (name, geom) select %L || k, st_multi(st_makeenvelope($1 + k * $3 / 3, $2, '
      '$1 + (k + 1) * $3 / 3, $2 + $3, 6668)) from generate_series(0, $4) k', t, 'feature ')
      using lon, lat, size, n % 3;
  end loop;
end
$$;
