-- 抽選: each month an application period for one month's slots of the units that go by lottery
-- (booking_unit.by_lottery). The draw is reproducible: its seed, its entries and the periods already
-- taken when it ran are published, and the winners follow from them alone (LotteryDraw).
create table booking_lottery (
    id                 bigint generated always as identity primary key,
    month              date not null unique check (extract(day from month) = 1),
    applications_open  timestamptz not null,
    applications_close timestamptz not null check (applications_close > applications_open),
    confirm_by         timestamptz not null check (confirm_by > applications_close),
    max_entries        integer not null default 4 check (max_entries > 0),
    seed               text,
    blocked            jsonb,
    drawn_at           timestamptz,
    check ((seed is null) = (drawn_at is null))
);

-- Priority and weight of an entry by who enters it, as data: a higher priority is drawn first, a
-- weight of n gives n tickets of which the best counts.
create table booking_lottery_weight (
    basis    text primary key check (basis in ('resident', 'non-resident', 'group')),
    priority integer not null default 0,
    weight   integer not null default 1 check (weight between 1 and 100)
);
insert into booking_lottery_weight (basis, priority, weight) values
    ('group', 0, 2), ('resident', 0, 2), ('non-resident', 0, 1);

-- One entry per verified person or approved group (applicant 'person:<account>' or 'group:<organisation>')
-- for a slot; its fee is quoted when it enters and fixed on the booking if it wins.
create table booking_lottery_entry (
    id              bigint generated always as identity primary key,
    lottery_id      bigint not null references booking_lottery (id) on delete cascade,
    unit_id         bigint not null references booking_unit (id) on delete cascade,
    period          tstzrange not null,
    account_id      bigint not null,
    organisation_id bigint,
    applicant       text not null check (applicant ~ '^(person|group):[0-9]+$'),
    fee_class       text not null check (fee_class in ('resident', 'non-resident')),
    fee_yen         integer not null check (fee_yen >= 0),
    quote           jsonb not null,
    priority        integer not null,
    weight          integer not null check (weight >= 1),
    won             boolean,
    booking_id      bigint references booking (id) on delete set null,
    entered_at      timestamptz not null default now(),
    unique (lottery_id, applicant, unit_id, period)
);
create index booking_lottery_entry_applicant_idx on booking_lottery_entry (lottery_id, applicant);
-- A winner's booking deleted sets its entry's booking_id null: found by this index, not a scan per row.
create index booking_lottery_entry_booking_idx on booking_lottery_entry (booking_id) where booking_id is not null;
