-- The five core layers. Geometry is stored in JGD2011 (EPSG:6668), the datum Japanese survey
-- data arrives in; each table also keeps a generated Web Mercator copy so that map tiles need no
-- per-request reprojection. Lines and polygons are multi-part so one column takes both forms.

create table roads (
    id            bigint generated always as identity primary key,
    route_no      text,
    name          text,
    road_class    text not null check (road_class in ('national', 'prefectural', 'municipal')),
    administrator text,
    width_m       numeric(5, 2) check (width_m > 0),
    surface       text check (surface in ('asphalt', 'concrete', 'gravel', 'unpaved')),
    updated_at    timestamptz not null default now(),
    geom          geometry(MultiLineString, 6668) not null,
    geom_3857     geometry(MultiLineString, 3857) generated always as (st_transform(geom, 3857)) stored
);
create index roads_geom_idx on roads using gist (geom);
create index roads_geom_3857_idx on roads using gist (geom_3857);

-- Forest compartments: 林班 (compartment) and 小班 (sub-compartment).
create table forests (
    id              bigint generated always as identity primary key,
    compartment     text not null,
    subcompartment  text,
    species         text,
    planting_year   integer check (planting_year between 1600 and 2200),
    area_ha         numeric(10, 2) check (area_ha >= 0),
    ownership       text check (ownership in ('national', 'public', 'private')),
    updated_at      timestamptz not null default now(),
    geom            geometry(MultiPolygon, 6668) not null,
    geom_3857       geometry(MultiPolygon, 3857) generated always as (st_transform(geom, 3857)) stored
);
create index forests_geom_idx on forests using gist (geom);
create index forests_geom_3857_idx on forests using gist (geom_3857);

create table water_pipes (
    id              bigint generated always as identity primary key,
    pipe_id         text,
    material        text,
    diameter_mm     integer check (diameter_mm > 0),
    installed_year  integer check (installed_year between 1850 and 2200),
    updated_at      timestamptz not null default now(),
    geom            geometry(MultiLineString, 6668) not null,
    geom_3857       geometry(MultiLineString, 3857) generated always as (st_transform(geom, 3857)) stored
);
create index water_pipes_geom_idx on water_pipes using gist (geom);
create index water_pipes_geom_3857_idx on water_pipes using gist (geom_3857);

create table hazard_zones (
    id                 bigint generated always as identity primary key,
    kind               text not null check (kind in ('landslide_warning', 'landslide_special_warning', 'flood', 'tsunami')),
    flood_depth_class  text check (flood_depth_class in ('under_0_5m', '0_5_to_3m', '3_to_5m', '5_to_10m', 'over_10m')),
    name               text,
    source             text,
    designated_on      date,
    updated_at         timestamptz not null default now(),
    geom               geometry(MultiPolygon, 6668) not null,
    geom_3857          geometry(MultiPolygon, 3857) generated always as (st_transform(geom, 3857)) stored
);
create index hazard_zones_geom_idx on hazard_zones using gist (geom);
create index hazard_zones_geom_3857_idx on hazard_zones using gist (geom_3857);

-- Facilities, shelters among them. The for_* flags are the hazards an emergency evacuation site
-- (指定緊急避難場所) is designated for, as in the GSI shelter data.
create table facilities (
    id                bigint generated always as identity primary key,
    kind              text not null check (kind in ('designated_shelter', 'emergency_evacuation_site',
                          'hall', 'sports', 'office', 'school', 'other')),
    name              text not null,
    address           text,
    capacity          integer check (capacity >= 0),
    for_flood         boolean,
    for_landslide     boolean,
    for_storm_surge   boolean,
    for_earthquake    boolean,
    for_tsunami       boolean,
    for_large_fire    boolean,
    for_inland_flood  boolean,
    for_volcano       boolean,
    source_id         text,
    updated_at        timestamptz not null default now(),
    geom              geometry(Point, 6668) not null,
    geom_3857         geometry(Point, 3857) generated always as (st_transform(geom, 3857)) stored
);
create index facilities_geom_idx on facilities using gist (geom);
create index facilities_geom_3857_idx on facilities using gist (geom_3857);

-- Where each layer's data came from: shown with the layer, and the mark of generated sample data.
create table layer_source (
    id           bigint generated always as identity primary key,
    layer_id     text not null,
    title_ja     text not null,
    title_en     text not null,
    attribution  text,
    sample       boolean not null,
    recorded_at  timestamptz not null default now()
);
create index layer_source_layer_idx on layer_source (layer_id);

-- Municipal boundaries (行政区域): the area a town serves, for clipping downloads and for
-- telling whether a place lies inside the town.
create table municipalities (
    code     text primary key check (code ~ '^[0-9]{5}$'),
    name_ja  text not null,
    name_en  text,
    geom     geometry(MultiPolygon, 6668) not null
);
create index municipalities_geom_idx on municipalities using gist (geom);
