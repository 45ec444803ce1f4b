-- Versions of layer data, for downloads pinned to a version and for the changes feed.
--
-- feature_history is a system-versioned copy of every row of the tables it is attached to: each
-- state a feature has had is one row, valid from the transaction that wrote it until the
-- transaction that changed or deleted it (valid_to null: the current state). A layer's versions
-- are the distinct transaction times in it, so all changes made by one transaction form one
-- version. Keeping the current state here too costs a second copy of each row but makes "the layer
-- as of T" one indexed query with no merging of tables.
create table feature_history (
    layer_table  text        not null,
    feature_id   bigint      not null,
    valid_from   timestamptz not null,
    valid_to     timestamptz,
    properties   jsonb       not null,
    geom         geometry    not null,
    check (valid_to is null or valid_to >= valid_from)
);
create index feature_history_current_idx on feature_history (layer_table, feature_id) where valid_to is null;
create index feature_history_from_idx on feature_history (layer_table, valid_from);
create index feature_history_to_idx on feature_history (layer_table, valid_to);
create index feature_history_geom_idx on feature_history using gist (geom);

-- One trigger function for every layer table. Arguments: the id column, the geometry column, then
-- columns to leave out of the properties (generated copies of the geometry).
create function record_feature_history() returns trigger language plpgsql as $$
declare
    id_column   text := tg_argv[0];
    geom_column text := tg_argv[1];
    row_json    jsonb;
    geometry_value geometry;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        row_json := to_jsonb(old);
        update feature_history set valid_to = now()
         where layer_table = tg_table_name and feature_id = (row_json ->> id_column)::bigint and valid_to is null;
        -- Several changes to one feature in one transaction leave a single state for it.
        delete from feature_history
         where layer_table = tg_table_name and feature_id = (row_json ->> id_column)::bigint
           and valid_from = now() and valid_to = now();
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        row_json := to_jsonb(new);
        -- Read the geometry itself: in JSON it would be GeoJSON, rounded and without its SRID.
        execute format('select ($1).%I', geom_column) using new into geometry_value;
        insert into feature_history (layer_table, feature_id, valid_from, properties, geom)
        values (tg_table_name, (row_json ->> id_column)::bigint, now(),
                row_json - tg_argv::text[], geometry_value);
    end if;
    return null;
end
$$;

create trigger roads_history after insert or update or delete on roads
    for each row execute function record_feature_history('id', 'geom', 'geom_3857');
create trigger forests_history after insert or update or delete on forests
    for each row execute function record_feature_history('id', 'geom', 'geom_3857');
create trigger water_pipes_history after insert or update or delete on water_pipes
    for each row execute function record_feature_history('id', 'geom', 'geom_3857');
create trigger hazard_zones_history after insert or update or delete on hazard_zones
    for each row execute function record_feature_history('id', 'geom', 'geom_3857');
create trigger facilities_history after insert or update or delete on facilities
    for each row execute function record_feature_history('id', 'geom', 'geom_3857');

-- Rows that existed before versions were kept form the first version.
insert into feature_history (layer_table, feature_id, valid_from, properties, geom)
select 'roads', id, now(), to_jsonb(t) - array['id', 'geom', 'geom_3857'], geom from roads t
union all
select 'forests', id, now(), to_jsonb(t) - array['id', 'geom', 'geom_3857'], geom from forests t
union all
select 'water_pipes', id, now(), to_jsonb(t) - array['id', 'geom', 'geom_3857'], geom from water_pipes t
union all
select 'hazard_zones', id, now(), to_jsonb(t) - array['id', 'geom', 'geom_3857'], geom from hazard_zones t
union all
select 'facilities', id, now(), to_jsonb(t) - array['id', 'geom', 'geom_3857'], geom from facilities t;

-- Downloads per layer, month and format: the open-data KPI.
create table download_count (
    layer_id  text   not null,
    month     date   not null check (extract(day from month) = 1),
    format    text   not null,
    count     bigint not null check (count >= 0),
    primary key (layer_id, month, format)
);
