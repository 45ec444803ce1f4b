-- 利用後内容確定: after a confirmed booking ends, its owner or staff confirm once how many people came
-- and which extras (冷暖房・照明 …) were actually used, or staff record a no-show (無断キャンセル).
-- The fee is recomputed by the same rules; what it exceeds the fee fixed at booking is owed on top,
-- paid at the counter (extra_paid_at). Using less than booked is not refunded: the booked fee stands.
create table booking_after_use (
    booking_id     bigint primary key references booking (id) on delete cascade,
    no_show        boolean not null,
    headcount      integer check (headcount > 0),
    extras         text[] not null default '{}',
    final_fee_yen  integer not null check (final_fee_yen >= 0),
    extra_yen      integer not null default 0 check (extra_yen >= 0),
    extra_paid_at  timestamptz check (extra_paid_at is null or extra_yen > 0),
    quote          jsonb,
    confirmed_by   text not null,
    confirmed_at   timestamptz not null default now(),
    check (no_show = (headcount is null)),
    check (not no_show or extra_yen = 0)
);
