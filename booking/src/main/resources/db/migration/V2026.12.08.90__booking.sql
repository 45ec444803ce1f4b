-- Facility booking (施設予約). The database, not the application, guarantees that a unit is never
-- booked twice: an exclusion constraint refuses any second live booking whose period overlaps.
create extension if not exists btree_gist;

-- A bookable unit (予約単位) in a facility of the facilities layer: a hall, a room, half a pitch.
-- It is booked in whole slots of slot_minutes from its opening time, at most max_slots in a row.
create table booking_unit (
    id                 bigint generated always as identity primary key,
    facility_id        bigint not null references facilities (id) on delete cascade,
    kind               text not null check (kind in ('hall', 'room', 'gym', 'pitch', 'court')),
    name_ja            text not null,
    name_en            text,
    capacity           integer not null check (capacity > 0),
    slot_minutes       integer not null check (slot_minutes between 15 and 720),
    max_slots          integer not null default 4 check (max_slots >= 1),
    closed_on_holidays boolean not null default true,
    needs_approval     boolean not null default false,
    unique (facility_id, name_ja)
);

-- Opening hours per ISO weekday (1 Monday … 7 Sunday), in the town's time (Asia/Tokyo);
-- a weekday without a row is a closed day.
create table booking_unit_hours (
    unit_id  bigint not null references booking_unit (id) on delete cascade,
    weekday  smallint not null check (weekday between 1 and 7),
    opens    time not null,
    closes   time not null check (closes > opens),
    primary key (unit_id, weekday)
);

-- held: kept for a resident for a few minutes while they confirm (held_until);
-- applied: confirmed by the resident, waiting for staff's approval (units that need it);
-- confirmed: booked; cancelled and expired: free again, kept for the record.
create table booking (
    id          bigint generated always as identity primary key,
    unit_id     bigint not null references booking_unit (id) on delete cascade,
    account_id  bigint not null,
    period      tstzrange not null check (not isempty(period) and lower_inc(period) and not upper_inc(period)),
    state       text not null check (state in ('held', 'applied', 'confirmed', 'cancelled', 'expired')),
    held_until  timestamptz check ((state = 'held') = (held_until is not null)),
    created_at  timestamptz not null default now(),
    changed_at  timestamptz not null default now(),
    constraint booking_no_overlap exclude using gist (unit_id with =, period with &&)
        where (state in ('held', 'applied', 'confirmed'))
);
create index booking_account_idx on booking (account_id, lower(period));
-- A unit's live bookings in a month (availability): GiST on (unit, period) prunes poorly by unit.
create index booking_live_unit_idx on booking (unit_id, upper(period)) where state in ('held', 'applied', 'confirmed');
create index booking_held_idx on booking (held_until) where state = 'held';
