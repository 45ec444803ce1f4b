-- Every position the van's device or staff posted, for staff's day track and its CSV; rows older than
-- chizu.counters.van-track-days (90) are deleted as new positions come in.
create table counter_van_track (
    id         bigint generated always as identity primary key,
    route_id   bigint not null references counter_van_route (id) on delete cascade,
    geom       geometry(Point, 6668) not null,
    at         timestamptz not null,
    posted_by  text not null
);
create index counter_van_track_route_at on counter_van_track (route_id, at);
create index counter_van_track_at on counter_van_track (at);
