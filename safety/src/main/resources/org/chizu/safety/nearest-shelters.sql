-- The nearest shelters to a point, those designated for the point's hazards first.
-- Both candidate sets are K-nearest-neighbour scans (<->) on the Web Mercator GiST index, whose
-- ranking is true to ground distance within a town (the projection is conformal); the answer is
-- then ordered by geodesic metres on the spheroid.
with here as (
    select st_transform(st_setsrid(st_makepoint(:lon, :lat), 4326), 6668) as point
), shelters as not materialized (
    select f.*, o.facility_id is not null as is_open,
           (not :landslide or coalesce(f.for_landslide, false))
           and (not :flood or coalesce(f.for_flood, false))
           and (not :tsunami or coalesce(f.for_tsunami, false)) as suitable
    from facilities f
    left join shelter_opening o on o.facility_id = f.id
    where f.kind in ('designated_shelter', 'emergency_evacuation_site')
      and (o.facility_id is not null or not :openOnly)
), candidates as (
    (select id from shelters where suitable
     order by geom_3857 <-> (select st_transform(point, 3857) from here) limit :limit)
    union
    (select id from shelters
     order by geom_3857 <-> (select st_transform(point, 3857) from here) limit :limit)
)
select s.id, s.name, s.kind, s.address, s.capacity, s.is_open, s.suitable,
       st_distance(s.geom::geography, here.point::geography) as distance_m,
       st_x(s.geom) as lon, st_y(s.geom) as lat
from shelters s join candidates using (id), here
order by s.suitable desc, distance_m, s.id
limit :limit
