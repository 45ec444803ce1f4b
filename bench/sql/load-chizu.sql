-- Fills Chizu's own roads and hazard_zones from the synthetic rows staged in schema bench, keeping
-- their ids. :'size' is 'full' (every row, ~200,000 segments) or 'town' (the rows in the central
-- tenth of the area each way: a hundredth of the data, at the same density).
\set ON_ERROR_STOP on
create temp table area as
select case when :'size' = 'full' then st_expand(c, 1e7)
            else st_expand(c, 20000 / cos(radians(34.67)) / 10) end as box
from (select st_transform(st_setsrid(st_makepoint(131.84, 34.67), 4326), 3857) as c) centre;

truncate roads, hazard_zones;

-- The anchor's classes as a road ledger has them: motorway and trunk are national, primary and
-- secondary prefectural, the rest municipal; administrator, width and surface follow the class.
insert into roads (id, route_no, name, road_class, administrator, width_m, surface, geom) overriding system value
select s.id, s.route, s.route || ' 線', c.road_class,
       case c.road_class when 'national' then '国土交通省' when 'prefectural' then '島根県' else '益田市' end,
       case c.road_class when 'national' then 12.5 when 'prefectural' then 8.0 else 4.0 + s.id % 4 end,
       (array['asphalt', 'asphalt', 'asphalt', 'concrete', 'gravel', 'unpaved'])[1 + s.id % 6],
       st_multi(st_transform(s.geom, 6668))
from bench.src_roads s, area,
     lateral (select case when s.class in ('motorway', 'trunk') then 'national'
                          when s.class in ('primary', 'secondary') then 'prefectural'
                          else 'municipal' end as road_class) c
where s.geom && area.box;

insert into hazard_zones (id, kind, flood_depth_class, name, source, designated_on, geom) overriding system value
select s.id,
       case s.kind when 'flood' then 'flood' when 'landslide' then 'landslide_warning'
                   else 'landslide_special_warning' end,
       case when s.kind = 'flood' then (array['under_0_5m', '0_5_to_3m', '3_to_5m'])[s.level] end,
       s.name, '合成データ (synthetic)', date '2015-04-01' + s.id % 3000,
       st_multi(st_transform(s.geom, 6668))
from bench.src_hazards s, area
where s.geom && area.box;

vacuum analyze roads;
vacuum analyze hazard_zones;
select 'loaded ' || (select count(*) from roads) || ' road segments and '
       || (select count(*) from hazard_zones) || ' hazard zones (' || :'size' || ')';
