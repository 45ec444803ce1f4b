-- The real map's tile list: up to a quota of tiles per zoom from z10 to z16 that hold roads,
-- chosen by md5 order so every run asks for the same tiles.
select z || ' ' || x || ' ' || y from (
  select z, x, y, row_number() over (partition by z order by md5(z || '/' || x || '/' || y)) as r, quota
  from (select e.*, st_extent(geom_3857) as ext from roads,
          (values (10, 9), (11, 20), (12, 30), (13, 30), (14, 30), (15, 30), (16, 30)) e(z, quota)
        group by z, quota) b,
       lateral (select 2 * 20037508.342789244 / 2 ^ z as sz) s,
       lateral generate_series(floor((st_xmin(ext) + 20037508.342789244) / sz)::int,
                               floor((st_xmax(ext) + 20037508.342789244) / sz)::int) x,
       lateral generate_series(floor((20037508.342789244 - st_ymax(ext)) / sz)::int,
                               floor((20037508.342789244 - st_ymin(ext)) / sz)::int) y
  where exists (select 1 from roads r where r.geom_3857 && st_tileenvelope(z, x, y))
) c where r <= quota order by z, r;
