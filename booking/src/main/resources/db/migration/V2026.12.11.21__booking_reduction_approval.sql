-- 減免 that staff must approve: a booking claiming one pays the full fee until staff decide; approved,
-- the reduction is taken off, refused, the full fee stands (with the reason, shown to the resident).
alter table booking_reduction add column needs_approval boolean not null default false;
insert into booking_reduction (code, basis, name_ja, name_en, percent, covers_extras, needs_approval) values
    ('public-interest', 'purpose', '公益活動（審査あり）', 'Public-interest activity (reviewed by staff)', 50, false, true);

create table booking_reduction_request (
    booking_id  bigint primary key references booking (id) on delete cascade,
    code        text not null references booking_reduction (code),
    state       text not null default 'pending' check (state in ('pending', 'approved', 'refused')),
    reason      text,
    decided_by  text,
    decided_at  timestamptz,
    requested_at timestamptz not null default now(),
    check ((state = 'pending') = (decided_at is null)),
    check (state <> 'refused' or length(trim(reason)) > 0)
);
create index booking_reduction_request_pending_idx on booking_reduction_request (requested_at) where state = 'pending';
