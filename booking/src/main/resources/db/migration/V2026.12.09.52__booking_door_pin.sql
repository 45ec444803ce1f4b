-- スマートロック: a one-time door PIN per booking of a unit with a lock (booking_unit.lock_device),
-- valid only for the booking's period plus a margin, granted at the lock provider shortly before
-- use and revoked there when the booking is cancelled or released.
create table booking_door_pin (
    booking_id  bigint primary key references booking (id) on delete cascade,
    pin         text not null check (pin ~ '^[0-9]{6}$'),
    valid_from  timestamptz not null,
    valid_until timestamptz not null check (valid_until > valid_from),
    access_ref  text not null,
    issued_at   timestamptz not null default now(),
    revoked_at  timestamptz
);
create index booking_door_pin_live_idx on booking_door_pin (booking_id) where revoked_at is null;
