-- The mobile counter van (移動窓口車・マルチタスク車両): routes that run on some weekdays, their stops
-- (a facility of the facilities layer, a time window, the services offered there), the van's last
-- position, and its visits to stops (the KPI "van visits and people served per stop").

-- weekdays: ISO weekdays (1 Monday … 7 Sunday) the route runs on, in the town's time.
create table counter_van_route (
    id                 bigint generated always as identity primary key,
    code               text not null unique check (code ~ '^[a-z0-9-]+$'),
    name_ja            text not null,
    name_en            text,
    weekdays           smallint[] not null check (cardinality(weekdays) > 0 and weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[]),
    closed_on_holidays boolean not null default true
);

-- A stop in the route's order (position), named as residents know it (name_ja; the facility's name
-- when null, which in shelter lists carries notes such as 【土砂災害注意】). booking_unit_id: the unit booking keeps for the stop's
-- slots (made through booking's published API, so booking's exclusion constraint guards them).
create table counter_van_stop (
    id               bigint generated always as identity primary key,
    route_id         bigint not null references counter_van_route (id) on delete cascade,
    position         integer not null,
    facility_id      bigint not null,
    name_ja          text,
    name_en          text,
    arrives          time not null,
    departs          time not null check (departs > arrives),
    slot_minutes     integer not null default 15 check (slot_minutes between 15 and 60),
    booking_unit_id  bigint,
    unique (route_id, position)
);

create table counter_van_stop_service (
    stop_id     bigint not null references counter_van_stop (id) on delete cascade,
    service_id  bigint not null references counter_service (id) on delete cascade,
    primary key (stop_id, service_id)
);

-- The van's last known position per route, as its device or staff posted it.
create table counter_van_position (
    route_id   bigint primary key references counter_van_route (id) on delete cascade,
    geom       geometry(Point, 6668) not null,
    at         timestamptz not null,
    posted_by  text not null
);

-- A stop the van reached on a day (its first position within reach of the stop), and how many
-- people staff served there.
create table counter_van_visit (
    stop_id     bigint not null references counter_van_stop (id) on delete cascade,
    day         date not null,
    arrived_at  timestamptz not null,
    served      integer not null default 0 check (served >= 0),
    primary key (stop_id, day)
);
