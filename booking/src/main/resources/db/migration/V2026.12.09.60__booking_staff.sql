-- What staff do to bookings beyond approving them: refusals with their reason, official-use blocks
-- (公用) and the residents' bookings they displaced, bookings staff made for someone (at the counter
-- or when moving a displaced booking), notices to residents, group verification, and which months'
-- usage reports have gone to the department.

-- Why staff refused an application (the booking itself is cancelled).
create table booking_refusal (
    booking_id  bigint primary key references booking (id) on delete cascade,
    reason      text not null check (length(trim(reason)) > 0),
    refused_by  text not null,
    refused_at  timestamptz not null default now()
);

-- A booking that is the town's own use of the unit (公用): a confirmed booking of the staff account.
create table booking_official_use (
    booking_id  bigint primary key references booking (id) on delete cascade,
    purpose     text not null check (length(trim(purpose)) > 0),
    created_by  text not null
);

-- A resident's booking that an official-use block cancelled, until staff move it (moved_to).
create table booking_displaced (
    booking_id  bigint primary key references booking (id) on delete cascade,
    block_id    bigint not null references booking (id) on delete cascade,
    moved_to    bigint references booking (id) on delete set null
);
create index booking_displaced_block_idx on booking_displaced (block_id);

-- A booking staff made on someone's behalf: not a digital application in the usage report.
create table booking_by_staff (
    booking_id  bigint primary key references booking (id) on delete cascade,
    made_by     text not null
);

-- What a resident is told about their bookings (a refusal, a displacement, a move), shown on their page.
create table booking_notice (
    id          bigint generated always as identity primary key,
    account_id  bigint not null,
    booking_id  bigint not null references booking (id) on delete cascade,
    message_ja  text not null,
    message_en  text not null,
    created_at  timestamptz not null default now()
);
create index booking_notice_account_idx on booking_notice (account_id, created_at desc);

-- A group registration (団体登録) staff have verified for booking, with who did it.
create table booking_group_verification (
    account_id   bigint primary key,
    verified_by  text not null,
    verified_at  timestamptz not null default now()
);

-- A month whose usage report has been queued for the department: each month goes once,
-- whichever process's schedule fires first.
create table booking_report_dispatch (
    month       date primary key check (extract(day from month) = 1),
    job_id      bigint,
    queued_at   timestamptz not null default now()
);
