-- :rows road segments on a regular grid around Masuda with Japanese names, deterministic, written
-- into Chizu's own roads table. The history trigger is off while generating: the export bench
-- records the generated rows as one version itself, the features bench needs no history.
truncate roads restart identity;
delete from feature_history where layer_table = 'roads';
alter table roads disable trigger roads_history;
insert into roads (route_no, name, road_class, administrator, width_m, surface, geom)
select 'R' || (i % 500), '市道' || i || '号線', (array['national','prefectural','municipal'])[1 + i % 3],
       '益田市', 3 + (i % 90) / 10.0, (array['asphalt','concrete','gravel','unpaved'])[1 + i % 4],
       ST_Multi(ST_MakeLine(ARRAY[
         ST_MakePoint(131.5 + (i % 1000) * 0.0008, 34.4 + (i / 1000) * 0.0008),
         ST_MakePoint(131.5 + (i % 1000) * 0.0008 + 0.0003, 34.4 + (i / 1000) * 0.0008 + 0.0002),
         ST_MakePoint(131.5 + (i % 1000) * 0.0008 + 0.0006, 34.4 + (i / 1000) * 0.0008 + 0.0001)]))::geometry(MultiLineString, 6668)
from generate_series(1, :rows) i;
alter table roads enable trigger roads_history;
