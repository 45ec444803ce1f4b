-- Rasters Chizu computed from a survey's points (DEM, DSM, CHM, slope, hillshade, CS relief), one
-- mosaic per kind and survey, kept as Cloud-Optimized GeoTIFF files in the archive directory.
create table laser_product (
    survey_id   bigint not null references laser_survey (id),
    kind        text not null check (kind in ('dem', 'dsm', 'chm', 'slope', 'hillshade', 'cs-relief')),
    file_name   text not null,
    srid        integer not null,
    cell_metres double precision not null check (cell_metres > 0),
    width       integer not null,
    height      integer not null,
    footprint   geometry(Polygon, 6668) not null,
    made_at     timestamptz not null default now(),
    primary key (survey_id, kind)
);
