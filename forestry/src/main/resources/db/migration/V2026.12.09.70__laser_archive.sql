-- The laser-survey archive (航空レーザ計測). A survey is one campaign of one surveying body
-- (測量計画機関): re-using its results needs that body's approval under 測量法, so every tile names it.
create table laser_survey (
    id              bigint generated always as identity primary key,
    name            text not null unique check (length(name) between 1 and 200),
    surveying_body  text not null check (length(surveying_body) between 1 and 200),
    created_at      timestamptz not null default now()
);

-- One LAS or LAZ file of a survey, as ingested: what its header says and what reading every point
-- found. The file itself is kept in the archive directory under its SHA-256, which makes a second
-- ingest of the same bytes a no-op.
create table laser_tile (
    id              bigint generated always as identity primary key,
    survey_id       bigint not null references laser_survey (id),
    file_name       text not null,
    sha256          text not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
    byte_size       bigint not null check (byte_size > 0),
    compressed      boolean not null,
    las_version     text not null,
    point_format    smallint not null,
    point_count     bigint not null check (point_count >= 0),
    -- the file's own coordinate system and extent in it (x, y, z)
    srid            integer not null,
    crs_source      text not null check (crs_source in ('wkt', 'geotiff', 'declared')),
    min_x double precision not null, min_y double precision not null, min_z double precision not null,
    max_x double precision not null, max_y double precision not null, max_z double precision not null,
    -- the extent on the map, in JGD2011 longitude/latitude like every layer
    footprint       geometry(Polygon, 6668) not null,
    points_per_m2   double precision not null,
    -- points per ASPRS class ("2" ground, "5" high vegetation …) and per return kind
    class_counts    jsonb not null,
    first_returns   bigint not null,
    last_returns    bigint not null,
    ingested_at     timestamptz not null default now()
);
create index laser_tile_footprint on laser_tile using gist (footprint);
create index laser_tile_survey on laser_tile (survey_id);
