-- Fees, payments and who counts as a resident (issue 17). Every rule is a row staff can change:
-- fee bands per unit and residency, extras, reductions (減免), cancellation fees, booking windows.

-- 利用者登録: how a booking user lives in the town. Workers (在勤者) count as residents on units
-- whose rules say so (booking_unit.workers_as_residents). Staff verify the declaration (verified_at).
create table booking_user (
    account_id    bigint primary key,
    residency     text not null check (residency in ('resident', 'worker', 'non-resident')),
    verified_at   timestamptz,
    registered_at timestamptz not null default now()
);

-- Booking windows: residents may book further ahead than non-residents (days from today).
alter table booking_unit
    add column resident_days_ahead     integer not null default 180 check (resident_days_ahead >= 0),
    add column non_resident_days_ahead integer not null default 90 check (non_resident_days_ahead >= 0),
    add column workers_as_residents    boolean not null default true,
    add column by_lottery              boolean not null default false,
    add column lock_device             text,
    add constraint booking_unit_residents_earlier check (resident_days_ahead >= non_resident_days_ahead);

-- 使用料: yen per hour in a band of the day, for residents and non-residents; a booking pays each
-- minute at its band's rate. Bands of one unit and class must not overlap.
create table booking_fee_band (
    unit_id     bigint not null references booking_unit (id) on delete cascade,
    fee_class   text not null check (fee_class in ('resident', 'non-resident')),
    starts      time not null,
    ends        time not null check (ends > starts),
    yen_per_hour integer not null check (yen_per_hour >= 0),
    primary key (unit_id, fee_class, starts)
);

-- 冷暖房・照明 and other extras a booking may add, per hour of the booking.
create table booking_fee_extra (
    unit_id      bigint not null references booking_unit (id) on delete cascade,
    code         text not null check (code ~ '^[a-z][a-z-]*$'),
    name_ja      text not null,
    name_en      text not null,
    yen_per_hour integer not null check (yen_per_hour >= 0),
    primary key (unit_id, code)
);

-- 減免: a reduction by the booking's purpose (a school event, a welfare activity) or by who books
-- (a registered group); percent 100 is an exemption (免除). covers_extras: whether extras are reduced too.
create table booking_reduction (
    code         text primary key check (code ~ '^[a-z][a-z0-9-]*$'),
    basis        text not null check (basis in ('purpose', 'group')),
    name_ja      text not null,
    name_en      text not null,
    percent      integer not null check (percent between 1 and 100),
    covers_extras boolean not null default false
);

-- キャンセル料: cancelling at least days_before days before the booking's day keeps percent of the fee.
create table booking_cancellation_fee (
    days_before integer primary key check (days_before >= 0),
    percent     integer not null check (percent between 0 and 100)
);
insert into booking_cancellation_fee (days_before, percent) values (30, 0), (7, 50), (0, 100);

insert into booking_reduction (code, basis, name_ja, name_en, percent, covers_extras) values
    ('school', 'purpose', '学校行事', 'School event', 100, true),
    ('welfare', 'purpose', '福祉・ボランティア活動', 'Welfare or volunteer activity', 50, false),
    ('registered-group', 'group', '登録団体', 'Registered group', 30, false);

-- The fee is fixed when the slot is held: what was quoted is what is paid.
alter table booking
    add column organisation_id bigint,
    add column fee_class       text check (fee_class in ('resident', 'non-resident')),
    add column fee_yen         integer not null default 0 check (fee_yen >= 0),
    add column quote           jsonb;

-- A booking's payment: pending until paid at the counter or online, expired when its deadline
-- passes unpaid (the booking is then released), refunded in whole or part by the cancellation rules.
create table booking_payment (
    id           bigint generated always as identity primary key,
    booking_id   bigint not null unique references booking (id) on delete cascade,
    state        text not null check (state in ('pending', 'paid', 'refunded', 'partially-refunded', 'expired', 'cancelled')),
    method       text check (method in ('counter', 'online')),
    amount_yen   integer not null check (amount_yen > 0),
    refunded_yen integer not null default 0 check (refunded_yen between 0 and amount_yen),
    due_at       timestamptz not null,
    checkout_ref text unique,
    paid_at      timestamptz,
    changed_at   timestamptz not null default now()
);
create index booking_payment_due_idx on booking_payment (due_at) where state = 'pending';

-- Each provider notification once: a replayed webhook changes nothing.
create table booking_payment_event (
    event_id    text primary key,
    payment_id  bigint references booking_payment (id) on delete cascade,
    kind        text not null,
    received_at timestamptz not null default now()
);
