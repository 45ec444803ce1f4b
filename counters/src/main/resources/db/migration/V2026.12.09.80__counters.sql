-- Service counters (窓口): offices on facilities of the facilities layer, the services each handles,
-- queue tickets numbered without gaps per office, service and day, and the road network that
-- orders counters by travel time (pgRouting).
create extension if not exists pgrouting;

-- A service (手続き) and what a resident brings for it. prefix starts its ticket numbers (A12).
create table counter_service (
    id               bigint generated always as identity primary key,
    code             text not null unique check (code ~ '^[a-z0-9-]+$'),
    prefix           text not null unique check (prefix ~ '^[A-Z]$'),
    name_ja          text not null,
    name_en          text,
    typical_minutes  integer not null default 10 check (typical_minutes between 1 and 240)
);

create table counter_service_document (
    service_id  bigint not null references counter_service (id) on delete cascade,
    position    integer not null,
    name_ja     text not null,
    name_en     text,
    primary key (service_id, position)
);

-- An office or branch (本庁・支所) at a feature of the facilities layer (facility_id, read through
-- the layer registry). remote_tickets: residents may take a ticket from their phone, away from it.
create table counter_office (
    id                 bigint generated always as identity primary key,
    code               text not null unique check (code ~ '^[a-z0-9-]+$'),
    facility_id        bigint not null,
    name_ja            text not null,
    name_en            text,
    remote_tickets     boolean not null default false,
    closed_on_holidays boolean not null default true
);

-- Opening hours per ISO weekday (1 Monday … 7 Sunday) in the town's time; no row: closed that day.
create table counter_office_hours (
    office_id  bigint not null references counter_office (id) on delete cascade,
    weekday    smallint not null check (weekday between 1 and 7),
    opens      time not null,
    closes     time not null check (closes > opens),
    primary key (office_id, weekday)
);

create table counter_office_service (
    office_id   bigint not null references counter_office (id) on delete cascade,
    service_id  bigint not null references counter_service (id) on delete cascade,
    primary key (office_id, service_id)
);

-- The last number given per office, service and day. Taking a ticket increments its row in the
-- transaction that stores the ticket, so concurrent takers wait for each other's commit: a number
-- is never given twice, and a rolled-back take gives its number back (no gaps).
create table counter_ticket_sequence (
    office_id    bigint not null references counter_office (id) on delete cascade,
    service_id   bigint not null references counter_service (id) on delete cascade,
    day          date not null,
    last_number  integer not null check (last_number > 0),
    primary key (office_id, service_id, day)
);

-- waiting → called (at a desk) → served, or absent when called and not there.
-- token: the unguessable part of the ticket's follow address.
create table counter_ticket (
    id           bigint generated always as identity primary key,
    office_id    bigint not null references counter_office (id) on delete cascade,
    service_id   bigint not null references counter_service (id) on delete cascade,
    day          date not null,
    number       integer not null check (number > 0),
    token        text not null unique,
    channel      text not null check (channel in ('kiosk', 'remote')),
    state        text not null check (state in ('waiting', 'called', 'served', 'absent')),
    desk         text check (state = 'waiting' or desk is not null),
    taken_at     timestamptz not null,
    called_at    timestamptz check ((state = 'waiting') = (called_at is null)),
    finished_at  timestamptz check ((state in ('served', 'absent')) = (finished_at is not null)),
    unique (office_id, service_id, day, number)
);
create index counter_ticket_open_idx on counter_ticket (office_id, day, taken_at, id) where state in ('waiting', 'called');
-- A service's calls at an office over past weeks: the history the wait estimate reads.
create index counter_ticket_calls_idx on counter_ticket (office_id, service_id, called_at) where called_at is not null;

-- The road network built from the roads layer: lines noded where they cross, one edge per piece,
-- its cost in seconds at the road class's speed. Rebuilt whole when the roads change.
create table counter_road_vertex (
    id    bigint primary key,
    geom  geometry(Point, 6668) not null
);
create index counter_road_vertex_geom_idx on counter_road_vertex using gist (geom);

create table counter_road_edge (
    id        bigint primary key,
    road_id   bigint not null,
    source    bigint not null,
    target    bigint not null,
    length_m  double precision not null,
    cost      double precision not null,
    geom      geometry(LineString, 6668) not null
);
create index counter_road_edge_geom_idx on counter_road_edge using gist (geom);
