-- Citizen reports (市民通報): residents pin road and water damage with photos; staff triage them.

-- What a resident can report. Each category is also an Open311 service (service_code = code).
-- snap_layer names the layer a pin is snapped to; duplicate_radius_m is how far the report page
-- looks for open reports of the same category before a resident files another.
create table report_category (
    code                text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
    name_ja             text not null,
    name_en             text not null,
    description_ja      text not null,
    description_en      text not null,
    service_group       text not null,
    keywords            text not null,
    snap_layer          text not null check (snap_layer in ('roads', 'water_pipes')),
    snap_tolerance_m    double precision not null check (snap_tolerance_m > 0),
    duplicate_radius_m  double precision not null check (duplicate_radius_m > 0),
    sort_order          integer not null
);

insert into report_category values
  ('pothole', '道路の穴・陥没', 'Pothole', '舗装の穴、陥没、段差', 'Holes, sinking or steps in the road surface',
   'road', 'pothole, road, asphalt', 'roads', 30, 50, 1),
  ('fallen_tree', '倒木・枝の落下', 'Fallen tree', '道路をふさぐ倒木や落ちた枝', 'Trees or branches blocking a road',
   'road', 'tree, branch, blocked road', 'roads', 30, 100, 2),
  ('street_light', '街灯の故障', 'Broken street light', '点かない、点滅する、傾いた街灯', 'Street lights that are out, flicker or lean',
   'road', 'street light, lamp', 'roads', 30, 30, 3),
  ('guardrail', 'ガードレールの破損', 'Damaged guardrail', '曲がった、外れたガードレールや防護柵', 'Bent or detached guardrails and barriers',
   'road', 'guardrail, barrier', 'roads', 30, 50, 4),
  ('water_leak', '漏水', 'Water leak', '道路や地面からの水の噴き出し・しみ出し', 'Water gushing or seeping from a road or the ground',
   'water', 'water, leak, pipe', 'water_pipes', 50, 80, 5);

-- The extra questions a category asks; published as the Open311 service definition. Values of a
-- list are "key=name" pairs in order.
create table report_category_attribute (
    category        text not null references report_category (code),
    code            text not null check (code ~ '^[A-Za-z][A-Za-z0-9_]*$'),
    datatype        text not null check (datatype in ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
    required        boolean not null default false,
    description_ja  text not null,
    description_en  text not null,
    sort_order      integer not null,
    value_list      text[] not null default '{}',
    primary key (category, code)
);

insert into report_category_attribute values
  ('pothole', 'SIZE', 'singlevaluelist', false, '穴の大きさ', 'How big is the hole?', 1,
   '{"small=手のひらほど / Palm-sized", "medium=タイヤがはまるほど / Wheel-sized", "large=車線をふさぐほど / Blocks a lane"}'),
  ('street_light', 'POLE_NUMBER', 'string', false, '電柱・灯柱の番号（分かれば）', 'Pole number, if you can see one', 1, '{}'),
  ('water_leak', 'FLOW', 'singlevaluelist', false, '水の出方', 'How is the water coming out?', 1,
   '{"seeping=しみ出している / Seeping", "flowing=流れている / Flowing", "gushing=噴き出している / Gushing"}');

-- Who handles a report: the first rule (lowest priority number) whose category and condition
-- match. Conditions: 'road_class' (the snapped road's class equals condition_value), 'pipe' (a
-- water pipe was snapped), 'any'. With use_road_administrator the body is the road's own
-- administrator (a prefecture's or the state's road office), shown to the resident.
create table report_routing_rule (
    id                      bigint generated always as identity primary key,
    priority                integer not null,
    category                text references report_category (code),
    condition               text not null check (condition in ('road_class', 'pipe', 'any')),
    condition_value         text,
    body_code               text not null,
    body_name_ja            text not null,
    body_name_en            text not null,
    contact                 text,
    use_road_administrator  boolean not null default false,
    check ((condition = 'road_class') = (condition_value is not null))
);

insert into report_routing_rule
  (priority, category, condition, condition_value, body_code, body_name_ja, body_name_en, contact, use_road_administrator) values
  (10, 'water_leak', 'pipe', null, 'waterworks', '上下水道部 水道課', 'Waterworks Division', '水道課 (代表)', false),
  (20, 'water_leak', 'any', null, 'waterworks', '上下水道部 水道課', 'Waterworks Division', '水道課 (代表)', false),
  (30, null, 'road_class', 'municipal', 'city_roads', '建設部 道路河川課', 'City Road and River Section', '道路河川課 (代表)', false),
  (40, null, 'road_class', 'prefectural', 'prefecture_roads', '県 土木事務所', 'Prefectural road office', null, true),
  (50, null, 'road_class', 'national', 'national_roads', '国道事務所', 'National road office', null, true),
  (90, null, 'any', null, 'city_roads', '建設部 道路河川課', 'City Road and River Section', '道路河川課 (代表)', false);

-- A report. Personal data (reporter_name, reporter_email) never leaves through a public view.
-- submission_key is generated by the client, so a retried POST finds its first report instead of
-- filing a second one. Photos are stored in the same database, in the same transaction.
create table report (
    id                 bigint generated always as identity primary key,
    token              uuid not null unique default gen_random_uuid(),
    submission_key     text not null unique check (length(submission_key) between 8 and 100),
    category           text not null references report_category (code),
    description        text not null check (length(description) between 1 and 2000),
    status             text not null default 'open'
                           check (status in ('open', 'acknowledged', 'in_progress', 'closed')),
    moderation         text not null default 'new' check (moderation in ('new', 'accepted', 'rejected')),
    reporter_name      text,
    reporter_email     text,
    reporter_phone     text,
    channel            text not null check (channel in ('web', 'open311')),
    open311_client     text,
    attributes         jsonb not null default '{}',
    municipality_code  text,
    road_id            bigint,
    route_no           text,
    road_name          text,
    pipe_id            text,
    snapped_m          double precision,
    body_code          text not null,
    body_name_ja       text not null,
    body_name_en       text not null,
    body_contact       text,
    supporters         integer not null default 0,
    reported_at        timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    geom               geometry(Point, 6668) not null,
    geom_3857          geometry(Point, 3857) generated always as (st_transform(geom, 3857)) stored
);
create index report_geom_idx on report using gist (geom);
create index report_geom_3857_idx on report using gist (geom_3857);
create index report_reported_at_idx on report (reported_at);

-- Photos as stored: re-encoded JPEG without any metadata, and a thumbnail. The upload itself is
-- never kept.
create table report_photo (
    report_id   bigint not null references report (id) on delete cascade,
    position    smallint not null check (position between 1 and 3),
    jpeg        bytea not null,
    thumbnail   bytea not null,
    width       integer not null,
    height      integer not null,
    primary key (report_id, position)
);

-- The public history of a report: every status change with the note staff wrote for the resident.
create table report_update (
    id          bigint generated always as identity primary key,
    report_id   bigint not null references report (id) on delete cascade,
    status      text not null,
    note        text,
    changed_by  text,
    changed_at  timestamptz not null default now()
);
create index report_update_report_idx on report_update (report_id);
create index report_update_changed_at_idx on report_update (changed_at);

-- Residents who "+1" a report instead of filing a duplicate; with an e-mail they get its updates.
create table report_follower (
    id          bigint generated always as identity primary key,
    report_id   bigint not null references report (id) on delete cascade,
    email       text,
    followed_at timestamptz not null default now()
);
create index report_follower_report_idx on report_follower (report_id);

-- Open311 clients that may POST requests; only a SHA-256 hash of each key is kept.
create table open311_api_key (
    key_hash    text primary key,
    client      text not null,
    created_at  timestamptz not null default now(),
    revoked     boolean not null default false
);

-- The public map layer: accepted reports only, and nothing that names or reaches a resident.
create view public_reports as
select id, category, status, route_no, supporters,
       (reported_at at time zone 'Asia/Tokyo')::date as reported_on,
       geom::geometry(Point, 6668) as geom,
       geom_3857::geometry(Point, 3857) as geom_3857
from report
where moderation = 'accepted';
