-- Forest resources read off a laser survey (森林資源データ): single tree tops (樹頂点) and their sums
-- per 20 m mesh (資源量メッシュ) of the survey's plane rectangular zone. Volumes are estimates from
-- declared height–volume relations, never measurements.
create table forest_tree_point (
    id             bigint generated always as identity primary key,
    survey_id      bigint not null references laser_survey (id),
    tree_no        integer not null,
    height_m       real not null check (height_m > 0),
    crown_area_m2  real not null check (crown_area_m2 >= 0),
    species        text,
    volume_m3      real not null,
    geom           geometry(Point, 6668) not null,
    -- the tile server's copy in Web Mercator, as every layer table has
    geom_3857      geometry(Point, 3857) generated always as (ST_Transform(geom, 3857)) stored,
    unique (survey_id, tree_no)
);
create index forest_tree_point_geom on forest_tree_point using gist (geom);
create index forest_tree_point_geom_3857 on forest_tree_point using gist (geom_3857);

create table forest_mesh20m (
    id               bigint generated always as identity primary key,
    survey_id        bigint not null references laser_survey (id),
    mesh_code        text not null,
    tree_count       integer not null,
    trees_per_ha     real not null,
    mean_height_m    real not null,
    top_height_m     real not null,
    volume_m3        real not null,
    volume_m3_per_ha real not null,
    main_species     text,
    geom             geometry(MultiPolygon, 6668) not null,
    geom_3857        geometry(MultiPolygon, 3857) generated always as (ST_Transform(geom, 3857)) stored,
    unique (survey_id, mesh_code)
);
create index forest_mesh20m_geom on forest_mesh20m using gist (geom);
create index forest_mesh20m_geom_3857 on forest_mesh20m using gist (geom_3857);
